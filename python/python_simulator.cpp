#include "python_simulator.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <nlohmann/json.hpp>
#include <pybind11/numpy.h>
#include <pybind11/stl.h>
#include <sstream>

namespace py = pybind11;

namespace imnn::python {

namespace {

thread_local const PythonSimulator *g_creating = nullptr;

void write_error(const std::string &message, char *error, std::size_t error_size) {
  if (!error || error_size == 0) return;
  std::string m = message;
  if (m.size() >= error_size && error_size > 400) {
    // Keep the head (which call) and the tail (the exception line of the traceback).
    const std::size_t head = 200, tail = error_size - head - 16;
    m = m.substr(0, head) + "\n  [...]\n" + m.substr(m.size() - tail);
  }
  const std::size_t n = std::min(m.size(), error_size - 1);
  std::memcpy(error, m.data(), n);
  error[n] = '\0';
}

const PythonSimulator *self(const imnn_simulator_instance *instance) {
  return reinterpret_cast<const PythonSimulator *>(instance);
}

imnn_simulator_instance *create(const char *, char *error, std::size_t error_size) {
  if (!g_creating) {
    write_error("a Python simulator is created only by the imnn_studio module, which holds its "
                "Python function; pass the function as imnn_studio.fit(..., simulator=f)",
                error, error_size);
    return nullptr;
  }
  return reinterpret_cast<imnn_simulator_instance *>(const_cast<PythonSimulator *>(g_creating));
}

void destroy(imnn_simulator_instance *) {}

std::uint32_t input_shape(const imnn_simulator_instance *instance, std::int64_t *shape,
                          std::uint32_t capacity) {
  const auto &s = self(instance)->spec().input_shape;
  if (s.size() > capacity) return 0;
  std::copy(s.begin(), s.end(), shape);
  return static_cast<std::uint32_t>(s.size());
}

int simulate_batch(const imnn_simulator_instance *instance, std::size_t n,
                   const std::uint64_t *seeds, const double *thetas, double *out, char *error,
                   std::size_t error_size) {
  std::string message;
  if (self(instance)->run(n, seeds, thetas, out, nullptr, message)) return IMNN_OK;
  write_error(message, error, error_size);
  return IMNN_ERROR;
}

int simulate_batch_with_jacobian(const imnn_simulator_instance *instance, std::size_t n,
                                 const std::uint64_t *seeds, const double *thetas, double *out,
                                 double *jacobian, char *error, std::size_t error_size) {
  std::string message;
  if (self(instance)->run(n, seeds, thetas, out, jacobian, message)) return IMNN_OK;
  write_error(message, error, error_size);
  return IMNN_ERROR;
}

int simulate(const imnn_simulator_instance *instance, std::uint64_t seed, const double *theta,
             double *out, char *error, std::size_t error_size) {
  return simulate_batch(instance, 1, &seed, theta, out, error, error_size);
}

int simulate_with_jacobian(const imnn_simulator_instance *instance, std::uint64_t seed,
                           const double *theta, double *out, double *jacobian, char *error,
                           std::size_t error_size) {
  return simulate_batch_with_jacobian(instance, 1, &seed, theta, out, jacobian, error, error_size);
}

std::string shape_text(const std::vector<py::ssize_t> &shape) {
  std::string s = "(";
  for (std::size_t i = 0; i < shape.size(); ++i)
    s += (i ? ", " : "") + std::to_string(shape[i]);
  return s + (shape.size() == 1 ? ",)" : ")");
}

std::vector<py::ssize_t> array_shape(const py::array &a) {
  return std::vector<py::ssize_t>(a.shape(), a.shape() + a.ndim());
}

// Copies a floating array of exactly `expected` shape into out (C order), or explains.
bool take(const py::handle &value, const std::vector<py::ssize_t> &expected, const char *what,
          const std::string &call, double *out, std::string &message) {
  if (!py::isinstance<py::array>(value) && !py::isinstance<py::list>(value) &&
      !py::isinstance<py::tuple>(value)) {
    message = call + " returned " + std::string(py::str(py::type::of(value).attr("__name__"))) +
              " for " + what + "; it must return a numpy array of shape " + shape_text(expected) +
              " (float64 or float32)";
    return false;
  }
  const py::array a = py::array::ensure(value);
  const char kind = a.dtype().kind();
  if (!a || (kind != 'f' && kind != 'i' && kind != 'u')) {
    message = call + " returned " + what + " of dtype " + std::string(py::str(a.dtype())) +
              "; expected real numbers (float64 or float32) of shape " + shape_text(expected);
    return false;
  }
  if (array_shape(a) != expected) {
    message = call + " returned " + what + " of shape " + shape_text(array_shape(a)) +
              " but the expected shape is " + shape_text(expected) +
              " (n simulations, then the simulator's input_shape" +
              (std::string(what) == "the Jacobian" ? ", then one entry per parameter" : "") + ")";
    return false;
  }
  using Doubles = py::array_t<double, py::array::c_style | py::array::forcecast>;
  const Doubles d = Doubles::ensure(a);
  std::memcpy(out, d.data(), static_cast<std::size_t>(d.size()) * sizeof(double));
  return true;
}

std::vector<double> doubles(const py::handle &o, const char *name) {
  try {
    return o.cast<std::vector<double>>();
  } catch (const py::cast_error &) {
    throw py::type_error(std::string("`") + name + "` must be a sequence of numbers, not " +
                         std::string(py::repr(o)));
  }
}

} // namespace

// imnn_studio.Simulator(simulator, jacobian=None, *, theta_fid, ...): the function and
// the facts the engine's simulator descriptor holds.
std::shared_ptr<PythonSimulator>
make_python_simulator(py::object simulate, py::object jacobian, py::object theta_fid,
                      py::object param_names, py::object input_shape, py::object delta_theta,
                      py::object prior_low, py::object prior_high, const std::string &name) {
  if (!PyCallable_Check(simulate.ptr()))
    throw py::type_error("`simulator` must be callable as simulator(seeds, theta) -> array of "
                         "shape (n, *input_shape), not " +
                         std::string(py::repr(simulate)));
  if (!jacobian.is_none() && !PyCallable_Check(jacobian.ptr()))
    throw py::type_error("`jacobian` must be None or callable as jacobian(seeds, theta) -> "
                         "(simulations, jacobian), not " +
                         std::string(py::repr(jacobian)));
  if (theta_fid.is_none())
    throw py::value_error("`theta_fid` is None: a Python simulator needs the fiducial parameters "
                          "(give theta_fid=[...] here or \"theta_fid\" in the config)");
  PythonSimulatorSpec spec;
  spec.name = name;
  spec.theta_fid = doubles(theta_fid, "theta_fid");
  const std::size_t p = spec.theta_fid.size();
  if (p == 0) throw py::value_error("`theta_fid` is empty; give one value per parameter");
  auto per_param = [&](const py::object &o, const char *key, std::vector<double> fallback) {
    if (o.is_none()) return fallback;
    std::vector<double> v = doubles(o, key);
    if (v.size() != p)
      throw py::value_error(std::string("`") + key + "` has " + std::to_string(v.size()) +
                            " values but theta_fid has " + std::to_string(p) +
                            "; give one per parameter");
    return v;
  };
  if (param_names.is_none()) {
    for (std::size_t a = 0; a < p; ++a)
      spec.param_names.push_back("theta_" + std::to_string(a));
  } else {
    spec.param_names = param_names.cast<std::vector<std::string>>();
    if (spec.param_names.size() != p)
      throw py::value_error("`param_names` has " + std::to_string(spec.param_names.size()) +
                            " names but theta_fid has " + std::to_string(p) + " values");
  }
  std::vector<double> step(p), low(p), high(p);
  for (std::size_t a = 0; a < p; ++a) {
    const double scale = std::max(1.0, std::abs(spec.theta_fid[a]));
    step[a] = 0.1 * scale;
    low[a] = spec.theta_fid[a] - 10 * scale;
    high[a] = spec.theta_fid[a] + 10 * scale;
  }
  spec.delta_theta = per_param(delta_theta, "delta_theta", step);
  spec.prior_low = per_param(prior_low, "prior_low", low);
  spec.prior_high = per_param(prior_high, "prior_high", high);
  spec.description = "Python simulator " + std::string(py::repr(simulate));
  if (input_shape.is_none()) {
    // One simulation at theta_fid with seed 0 tells the shape.
    py::array_t<std::uint64_t> seeds(1);
    seeds.mutable_at(0) = 0;
    py::array_t<double> theta({py::ssize_t{1}, static_cast<py::ssize_t>(p)});
    for (std::size_t a = 0; a < p; ++a)
      theta.mutable_at(0, static_cast<py::ssize_t>(a)) = spec.theta_fid[a];
    py::object out = simulate(seeds, theta);
    const py::array a = py::array::ensure(out);
    if (!a || a.ndim() < 2 || a.shape(0) != 1)
      throw py::value_error("the simulator returned " + std::string(py::repr(out)).substr(0, 200) +
                            " for one simulation (seeds of shape (1,), theta of shape (1, " +
                            std::to_string(p) +
                            ")); it must return an array of shape (n, *input_shape) = (1, ...)");
    for (py::ssize_t i = 1; i < a.ndim(); ++i)
      spec.input_shape.push_back(static_cast<std::int64_t>(a.shape(i)));
  } else {
    spec.input_shape = input_shape.cast<std::vector<std::int64_t>>();
  }
  return std::make_shared<PythonSimulator>(std::move(simulate), std::move(jacobian),
                                           std::move(spec));
}

std::string format_python_error(py::error_already_set &e) {
  try {
    py::module_ tb = py::module_::import("traceback");
    py::list lines = tb.attr("format_exception")(e.type(), e.value(), e.trace());
    std::string s;
    for (const auto &l : lines)
      s += l.cast<std::string>();
    while (!s.empty() && s.back() == '\n')
      s.pop_back();
    return s;
  } catch (...) {
    return e.what();
  }
}

PythonSimulator::Creating::Creating(const PythonSimulator *s) : previous_(g_creating) {
  g_creating = s;
}
PythonSimulator::Creating::~Creating() {
  g_creating = previous_;
}

namespace {
const char *instance_info(const imnn_simulator_instance *instance) {
  return self(instance)->info_json().c_str();
}
} // namespace

imnn_simulator_plugin PythonSimulator::table_template() {
  imnn_simulator_plugin t{};
  t.abi_version = IMNN_SIMULATOR_ABI_VERSION;
  t.struct_size = static_cast<std::uint32_t>(sizeof(imnn_simulator_plugin));
  t.create = create;
  t.destroy = destroy;
  t.input_shape = input_shape;
  t.simulate = simulate;
  t.simulate_with_jacobian = simulate_with_jacobian;
  t.simulate_batch = simulate_batch;
  t.simulate_batch_with_jacobian = simulate_batch_with_jacobian;
  t.instance_info = instance_info;
  return t;
}

PythonSimulator::PythonSimulator(py::object simulate_fn, py::object jacobian_fn,
                                 PythonSimulatorSpec spec)
    : simulate_(std::move(simulate_fn)), jacobian_(std::move(jacobian_fn)), spec_(std::move(spec)) {
  for (const auto &n : spec_.param_names)
    name_ptrs_.push_back(n.c_str());
  name_ptrs_.push_back(nullptr); // ABI 2: NULL after the names
  descriptor_.name = spec_.name.c_str();
  descriptor_.version = "1.0.0";
  descriptor_.description = spec_.description.c_str();
  descriptor_.n_params = static_cast<std::uint32_t>(spec_.param_names.size());
  descriptor_.param_names = name_ptrs_.data();
  descriptor_.input_rank = static_cast<std::uint32_t>(spec_.input_shape.size());
  descriptor_.default_input_shape = spec_.input_shape.data();
  descriptor_.theta_fid = spec_.theta_fid.data();
  descriptor_.delta_theta = spec_.delta_theta.data();
  descriptor_.prior_low = spec_.prior_low.data();
  descriptor_.prior_high = spec_.prior_high.data();
  descriptor_.options_help = nullptr;
  table_.abi_version = IMNN_SIMULATOR_ABI_VERSION;
  table_.struct_size = static_cast<std::uint32_t>(sizeof(imnn_simulator_plugin));
  table_.descriptor = &descriptor_;
  table_.create = create;
  table_.destroy = destroy;
  table_.input_shape = input_shape;
  table_.simulate = simulate;
  table_.simulate_batch = simulate_batch;
  if (!jacobian_.is_none()) {
    table_.simulate_with_jacobian = simulate_with_jacobian;
    table_.simulate_batch_with_jacobian = simulate_batch_with_jacobian;
  }
  // For a bridge whose descriptor cannot know the parameters (the python plugin).
  info_json_ =
      nlohmann::json{{"param_names", spec_.param_names}, {"theta_fid", spec_.theta_fid},
                     {"delta_theta", spec_.delta_theta}, {"prior_low", spec_.prior_low},
                     {"prior_high", spec_.prior_high},   {"has_jacobian", !jacobian_.is_none()}}
          .dump();
}

PythonSimulator::~PythonSimulator() {
  // The callables may be released from a thread without the interpreter lock (a
  // Simulator dropped after a fit): take it for the decrefs.
  if (Py_IsInitialized()) {
    py::gil_scoped_acquire gil;
    simulate_ = py::object();
    jacobian_ = py::object();
  } else {
    simulate_.release();
    jacobian_.release();
  }
}

std::size_t PythonSimulator::input_size() const {
  std::size_t n = 1;
  for (auto e : spec_.input_shape)
    n *= static_cast<std::size_t>(e);
  return n;
}

bool PythonSimulator::run(std::size_t n, const std::uint64_t *seeds, const double *thetas,
                          double *out, double *jacobian, std::string &message) const {
  py::gil_scoped_acquire gil;
  const auto p = static_cast<py::ssize_t>(spec_.param_names.size());
  const auto count = static_cast<py::ssize_t>(n);
  std::vector<py::ssize_t> shape{count};
  for (auto e : spec_.input_shape)
    shape.push_back(static_cast<py::ssize_t>(e));
  const char *fn = jacobian ? "jacobian" : "simulator";
  const std::string call = "the Python " + std::string(fn) + " " +
                           std::string(py::repr(jacobian ? jacobian_ : simulate_));
  try {
    // Fresh arrays (the engine's buffers are only valid for this call), read-only so
    // that a simulator cannot mistake them for scratch space.
    py::array_t<std::uint64_t> s(count, seeds);
    py::array_t<double> t({count, p}, thetas);
    s.attr("setflags")(py::arg("write") = false);
    t.attr("setflags")(py::arg("write") = false);
    py::object r = (jacobian ? jacobian_ : simulate_)(s, t);
    if (!jacobian) return take(r, shape, "the simulations", call, out, message);
    if (!py::isinstance<py::tuple>(r) || py::len(r) != 2) {
      message = call + " must return a tuple (simulations, jacobian) of shapes " +
                shape_text(shape) + " and " + shape_text([&] {
                  auto j = shape;
                  j.push_back(p);
                  return j;
                }()) +
                ", not " + std::string(py::str(py::type::of(r).attr("__name__")));
      return false;
    }
    auto jshape = shape;
    jshape.push_back(p);
    const py::tuple pair = r;
    return take(pair[0], shape, "the simulations", call, out, message) &&
           take(pair[1], jshape, "the Jacobian", call, jacobian, message);
  } catch (py::error_already_set &e) {
    message = call + " raised:\n" + format_python_error(e);
    return false;
  } catch (const std::exception &e) {
    message = call + ": " + e.what();
    return false;
  }
}

} // namespace imnn::python

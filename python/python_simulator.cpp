#include "python_simulator.h"

#include <algorithm>
#include <cstring>
#include <pybind11/numpy.h>
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

} // namespace

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

PythonSimulator::PythonSimulator(py::object simulate_fn, py::object jacobian_fn,
                                 PythonSimulatorSpec spec)
    : simulate_(std::move(simulate_fn)), jacobian_(std::move(jacobian_fn)), spec_(std::move(spec)) {
  for (const auto &n : spec_.param_names)
    name_ptrs_.push_back(n.c_str());
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

// imnn_studio: the IMNN Studio engine as a Python module (pybind11), over the same
// functions as the `imnn` CLI (imnn/session.h, checkpoint.h, compressor.h,
// inference.h): fit a config (dict or file) into a run directory, read runs back,
// compress data and run likelihood-free inference; simulators may be Python
// functions (python_simulator.h).
#include "imnn/arrays.h"
#include "imnn/checkpoint.h"
#include "imnn/compressor.h"
#include "imnn/error.h"
#include "imnn/fit.h"
#include "imnn/inference.h"
#include "imnn/plugins.h"
#include "imnn/refit.h"
#include "imnn/run_directory.h"
#include "imnn/session.h"
#include "imnn/threads.h"
#include "imnn/version.h"

#include "python_simulator.h"

#include <atomic>
#include <chrono>
#include <cmath>
#include <ctime>
#include <dlfcn.h>
#include <filesystem>
#include <fstream>
#include <functional>
#include <mutex>
#include <optional>
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>
#include <sstream>
#include <thread>

namespace py = pybind11;
namespace fs = std::filesystem;
using imnn::python::make_python_simulator;
using imnn::python::PythonSimulator;
using imnn::python::PythonSimulatorSpec;

namespace {

// ---- conversions --------------------------------------------------------------------
py::object to_python(const nlohmann::json &j) {
  return py::module_::import("json").attr("loads")(j.dump());
}

nlohmann::json to_json(const py::handle &o, const char *what) {
  std::string text;
  try {
    text = py::module_::import("json").attr("dumps")(o).cast<std::string>();
  } catch (py::error_already_set &e) {
    throw py::type_error(std::string(what) +
                         " must hold only JSON values (dict, list, str, int, float, bool, "
                         "None): " +
                         e.what());
  }
  return nlohmann::json::parse(text);
}

py::array_t<double> matrix(const Eigen::MatrixXd &m) {
  py::array_t<double> a({m.rows(), m.cols()});
  auto v = a.mutable_unchecked<2>();
  for (Eigen::Index i = 0; i < m.rows(); ++i)
    for (Eigen::Index j = 0; j < m.cols(); ++j)
      v(i, j) = m(i, j);
  return a;
}

py::array_t<double> vector(const std::vector<double> &v) {
  return py::array_t<double>(static_cast<py::ssize_t>(v.size()), v.data());
}

// The folders next to this module that hold the plugins: <build>/plugins from
// <build>/python, <prefix>/lib/imnn-studio/plugins from <prefix>/lib/python3/dist-packages.
std::vector<std::string> module_plugin_dirs() {
  Dl_info info{};
  std::vector<std::string> dirs;
  if (dladdr(reinterpret_cast<void *>(&module_plugin_dirs), &info) == 0 || !info.dli_fname)
    return dirs;
  const fs::path here = fs::absolute(info.dli_fname).parent_path();
  for (const fs::path &candidate :
       {here / ".." / "plugins", here / ".." / ".." / "imnn-studio" / "plugins"}) {
    std::error_code ec;
    if (fs::is_directory(candidate, ec)) dirs.push_back(candidate.lexically_normal().string());
  }
  return dirs;
}

std::shared_ptr<imnn::PluginRegistry> make_registry(std::vector<std::string> dirs,
                                                    const std::shared_ptr<PythonSimulator> &sim) {
  for (auto &d : module_plugin_dirs())
    dirs.push_back(std::move(d));
  // As imnn::scan_plugins, with the Python function first: it takes its name (by
  // default "python") from the plugin of that name, which is then listed as skipped.
  auto registry = std::make_shared<imnn::PluginRegistry>();
  if (sim)
    registry->add_simulator(sim->table(), "Python simulator '" + sim->spec().name + "'", sim);
  std::vector<fs::path> folders(dirs.begin(), dirs.end());
  for (auto &p : imnn::PluginRegistry::default_search_paths())
    folders.push_back(p);
  registry->scan(folders);
  return registry;
}

std::string default_run_dir(const std::string &name) {
  const std::time_t now = std::time(nullptr);
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", std::localtime(&now));
  return "runs/" + name + "-" + stamp;
}

// ---- running engine work with the interpreter lock released ----------------------------
// Runs work on a thread while this (the Python) thread sleeps without the lock and,
// every ~20 ms, takes it to check for Ctrl-C (PyErr_CheckSignals) and to call poll().
// A KeyboardInterrupt sets *cancel; poll returning false does too. Any other Python
// error from poll is kept and rethrown after the work has stopped.
struct Blocking {
  bool interrupted = false;
  std::optional<py::error_already_set> poll_error;
};

Blocking run_releasing(const std::function<void()> &work, std::atomic<bool> &cancel,
                       const std::function<bool()> &poll, std::exception_ptr &work_error) {
  Blocking b;
  std::atomic<bool> done{false};
  std::thread thread;
  {
    py::gil_scoped_release release;
    thread = std::thread([&] {
      try {
        work();
      } catch (...) {
        work_error = std::current_exception();
      }
      done.store(true);
    });
  }
  while (!done.load()) {
    {
      py::gil_scoped_release release;
      for (int i = 0; i < 20 && !done.load(); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    if (PyErr_CheckSignals() != 0) {
      py::error_already_set e;
      if (e.matches(PyExc_KeyboardInterrupt))
        b.interrupted = true;
      else if (!b.poll_error)
        b.poll_error.emplace(std::move(e));
      cancel.store(true);
    }
    if (poll && !cancel.load()) {
      try {
        if (!poll()) cancel.store(true);
      } catch (py::error_already_set &e) {
        if (e.matches(PyExc_KeyboardInterrupt))
          b.interrupted = true;
        else
          b.poll_error.emplace(std::move(e));
        cancel.store(true);
      }
    }
  }
  {
    py::gil_scoped_release release;
    thread.join();
  }
  if (poll) {
    try {
      poll(); // the last records
    } catch (py::error_already_set &e) {
      if (!e.matches(PyExc_KeyboardInterrupt) && !b.poll_error) b.poll_error.emplace(std::move(e));
    }
  }
  return b;
}

// ---- history -----------------------------------------------------------------------
// The reference's imnn.history keys (imnn-spec §2.4) plus iteration, loss and seconds.
struct History {
  std::vector<double> iteration, detF, detC, detinvC, Lambda2, r, loss, val_detF, val_detC,
      val_detinvC, val_Lambda2, val_r, seconds;
  double max_detF = 0;
  void add(const imnn::IterationRecord &x) {
    iteration.push_back(x.iteration);
    detF.push_back(x.train.detF);
    detC.push_back(x.train.detC);
    detinvC.push_back(x.train.detinvC);
    Lambda2.push_back(x.train.Lambda2);
    r.push_back(x.train.r);
    loss.push_back(x.loss);
    val_detF.push_back(x.val.detF);
    val_detC.push_back(x.val.detC);
    val_detinvC.push_back(x.val.detinvC);
    val_Lambda2.push_back(x.val.Lambda2);
    val_r.push_back(x.val.r);
    seconds.push_back(x.seconds);
    max_detF = x.max_detF;
  }
  py::dict to_python() const {
    py::dict d;
    d["detF"] = vector(detF);
    d["detC"] = vector(detC);
    d["detinvC"] = vector(detinvC);
    d["Λ2"] = vector(Lambda2);
    d["r"] = vector(r);
    d["val_detF"] = vector(val_detF);
    d["val_detC"] = vector(val_detC);
    d["val_detinvC"] = vector(val_detinvC);
    d["val_Λ2"] = vector(val_Lambda2);
    d["val_r"] = vector(val_r);
    d["max_detF"] = max_detF;
    d["iteration"] = vector(iteration);
    d["loss"] = vector(loss);
    d["seconds"] = vector(seconds);
    return d;
  }
  // history.csv (RunDirectory::history_header) read back.
  static History read(const fs::path &file) {
    History h;
    std::ifstream in(file);
    if (!in) throw imnn::Error("cannot read " + file.string());
    std::string line;
    std::getline(in, line);
    if (line.rfind("iteration,detF,detC,detinvC,Lambda2,r,loss,val_detF", 0) != 0)
      throw imnn::Error(file.string() + " does not start with the history.csv header (" +
                        imnn::RunDirectory::history_header() + ")");
    while (std::getline(in, line)) {
      if (line.empty()) continue;
      std::vector<double> v;
      std::stringstream s(line);
      std::string cell;
      while (std::getline(s, cell, ',')) {
        if (cell.empty() || cell == "nan" || cell == "NaN")
          v.push_back(std::nan(""));
        else
          v.push_back(std::stod(cell));
      }
      if (v.size() < 13) throw imnn::Error(file.string() + ": short row '" + line + "'");
      std::vector<double> *cols[] = {
          &h.iteration, &h.detF,     &h.detC,        &h.detinvC,     &h.Lambda2, &h.r,      &h.loss,
          &h.val_detF,  &h.val_detC, &h.val_detinvC, &h.val_Lambda2, &h.val_r,   &h.seconds};
      for (std::size_t c = 0; c < 13; ++c)
        cols[c]->push_back(v[c]);
    }
    return h;
  }
};

py::dict record_dict(const imnn::IterationRecord &x) {
  py::dict d;
  d["iteration"] = x.iteration;
  d["iteration_in_call"] = x.iteration_in_call;
  d["detF"] = x.train.detF;
  d["detC"] = x.train.detC;
  d["detinvC"] = x.train.detinvC;
  d["Λ2"] = x.train.Lambda2;
  d["r"] = x.train.r;
  d["val_detF"] = x.val.detF;
  d["val_detC"] = x.val.detC;
  d["val_detinvC"] = x.val.detinvC;
  d["val_Λ2"] = x.val.Lambda2;
  d["val_r"] = x.val.r;
  d["loss"] = x.loss;
  d["max_detF"] = x.max_detF;
  d["patience_counter"] = x.patience_counter;
  d["seconds"] = x.seconds;
  return d;
}

// ---- results -----------------------------------------------------------------------
struct Inference {
  std::string method, name, dir, getdist_root, convergence;
  std::vector<std::string> param_names;
  py::array_t<double> samples, weights, estimate;
  bool converged = true, cancelled = false;
  long long simulations = 0;
  double seconds = 0;
  py::object result;
};

class Run : public std::enable_shared_from_this<Run> {
public:
  fs::path path;
  nlohmann::json config, result;
  History history;
  std::shared_ptr<PythonSimulator> simulator; // when fitted to a Python function
  std::vector<std::string> plugin_dirs;

  static std::shared_ptr<Run> load(const fs::path &dir, std::shared_ptr<PythonSimulator> sim,
                                   std::vector<std::string> plugin_dirs) {
    auto run = std::make_shared<Run>();
    run->path = fs::absolute(dir).lexically_normal();
    auto read_json = [&](const char *name, bool required) {
      std::ifstream in(run->path / name);
      if (!in) {
        if (required)
          throw imnn::Error((run->path / name).string() +
                            " is missing: not a run directory written by imnn fit or "
                            "imnn_studio.fit");
        return nlohmann::json();
      }
      return nlohmann::json::parse(in);
    };
    run->config = read_json("config.json", true);
    run->result = read_json("result.json", false);
    run->history = History::read(run->path / "history.csv");
    if (run->result.contains("max_detF") && run->result["max_detF"].is_number())
      run->history.max_detF = run->result["max_detF"].get<double>();
    run->simulator = std::move(sim);
    run->plugin_dirs = std::move(plugin_dirs);
    for (auto &d : imnn::recorded_plugin_dirs(run->path))
      run->plugin_dirs.push_back(std::move(d));
    return run;
  }

  imnn::Compressor &compressor() {
    if (!compressor_) {
      if (!fs::exists(path / "model.json"))
        throw imnn::Error(path.string() +
                          " has no model.json: the fit stopped before it measured the Fisher "
                          "information (" +
                          result.value("stop_reason", result.value("error", std::string("?"))) +
                          "); fit again, or resume with `imnn fit --resume " + path.string() + "`");
      registry_ = make_registry(plugin_dirs, simulator);
      compressor_.emplace(imnn::Compressor::load(path, *registry_, config.value("threads", 0)));
    }
    return *compressor_;
  }

  const imnn::TrainedModel &model() { return compressor().model(); }

  py::array compress(const py::array &x, bool est) {
    std::lock_guard<std::mutex> lock(mutex_);
    imnn::Compressor &c = compressor();
    const char kind = x.dtype().kind();
    if (kind != 'f' && kind != 'i' && kind != 'u')
      throw py::type_error("x has dtype " + std::string(py::str(x.dtype())) +
                           "; give real numbers (float64 or float32)");
    // float64 in C order is used in place; anything else is converted once.
    using Doubles = py::array_t<double, py::array::c_style | py::array::forcecast>;
    const Doubles d = Doubles::ensure(x);
    imnn::ArrayInfo info;
    for (py::ssize_t i = 0; i < d.ndim(); ++i)
      info.shape.push_back(static_cast<imnn::Index>(d.shape(i)));
    info.source = "x";
    bool single = false;
    const imnn::Index n = c.batch_of(info, &single);
    const imnn::Index width = est ? c.n_params() : c.n_summaries();
    py::array_t<double> out =
        single
            ? py::array_t<double>(static_cast<py::ssize_t>(width))
            : py::array_t<double>({static_cast<py::ssize_t>(n), static_cast<py::ssize_t>(width)});
    double *o = out.mutable_data();
    const double *in = d.data();
    {
      py::gil_scoped_release release;
      if (est)
        c.estimate(in, n, o);
      else
        c.summarise(in, n, o);
    }
    return out;
  }

  Inference infer(const std::string &method, const py::object &target, const py::kwargs &kw);
  py::dict refit(const py::object &target, int rounds, double tolerance, bool warm_start,
                 int max_iterations, bool replace, const py::object &callback);

private:
  std::mutex mutex_;
  std::shared_ptr<imnn::PluginRegistry> registry_;
  std::optional<imnn::Compressor> compressor_;
};

// A target given as an array goes to the engine as a temporary .npy file.
struct TargetFile {
  std::string path;
  std::optional<fs::path> temporary;
  explicit TargetFile(const py::object &target) {
    if (py::isinstance<py::str>(target) || py::hasattr(target, "__fspath__")) {
      path = py::str(py::module_::import("os").attr("fspath")(target)).cast<std::string>();
      return;
    }
    if (target.is_none()) return;
    using Doubles = py::array_t<double, py::array::c_style | py::array::forcecast>;
    const Doubles t = Doubles::ensure(target);
    if (!t) throw py::type_error("`target` must be a numpy array or a file path");
    std::vector<imnn::Index> shape;
    for (py::ssize_t i = 0; i < t.ndim(); ++i)
      shape.push_back(static_cast<imnn::Index>(t.shape(i)));
    temporary =
        fs::temp_directory_path() /
        ("imnn_studio_target_" + std::to_string(::getpid()) + "_" +
         std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()) + ".npy");
    imnn::save_npy(*temporary, shape, t.data());
    path = temporary->string();
  }
  ~TargetFile() {
    std::error_code ec;
    if (temporary) fs::remove(*temporary, ec);
  }
  TargetFile(const TargetFile &) = delete;
  TargetFile &operator=(const TargetFile &) = delete;
};

Inference Run::infer(const std::string &method, const py::object &target, const py::kwargs &kw) {
  imnn::lfi::InferenceOptions o;
  o.method = method;
  const TargetFile file(target); // removes its temporary file on every way out
  o.target = file.path;
  // The keywords are the inference options' keys (imnn/inference.h's table, which also
  // takes the reference's names, e.g. ε); None resets an option to its default.
  for (const auto &[k, v] : kw) {
    const std::string key = py::str(k);
    bool known = false;
    for (const auto &spec : imnn::lfi::inference_option_specs())
      known = known || (key != "method" && (spec.key == key || spec.reference == key));
    if (!known) {
      std::string keys;
      for (const auto &spec : imnn::lfi::inference_option_specs())
        if (spec.key != "method") keys += (keys.empty() ? "" : ", ") + spec.key;
      throw py::type_error("infer() got an unexpected option '" + key + "'; the options are " +
                           keys);
    }
    // numpy arrays and scalars as Python lists and numbers
    const py::object value =
        py::hasattr(v, "tolist") ? v.attr("tolist")() : py::reinterpret_borrow<py::object>(v);
    imnn::lfi::set_inference_option(o, key, to_json(value, ("infer option " + key).c_str()));
  }
  const imnn::lfi::CheckedInferenceOptions checked(o); // before the compressor is loaded
  imnn::Compressor &c = compressor();
  std::atomic<bool> cancel{false};
  std::exception_ptr error;
  imnn::lfi::InferenceResult r;
  std::shared_ptr<PythonSimulator> sim = simulator;
  const Blocking b = run_releasing(
      [&] {
        PythonSimulator::Creating creating(sim.get());
        r = imnn::lfi::run_inference(c, *registry_, path, checked, {}, &cancel);
      },
      cancel, {}, error);
  if (b.poll_error) throw *b.poll_error;
  if (error) std::rethrow_exception(error);
  Inference out;
  out.method = r.method;
  out.name = r.name;
  out.dir = r.dir.string();
  out.getdist_root = r.getdist_root.string();
  out.param_names = r.param_names;
  out.samples = matrix(r.samples);
  out.weights = vector(r.weights);
  out.estimate = vector(std::vector<double>(r.target_estimate.data(),
                                            r.target_estimate.data() + r.target_estimate.size()));
  out.converged = r.converged;
  out.convergence = r.convergence;
  out.cancelled = r.cancelled || b.interrupted;
  out.simulations = r.simulations;
  out.seconds = r.seconds;
  out.result = to_python(r.json);
  return out;
}

py::dict Run::refit(const py::object &target, int rounds, double tolerance, bool warm_start,
                    int max_iterations, bool replace, const py::object &callback) {
  if (target.is_none())
    throw py::value_error("`target` is None: give the observed data (a numpy array of shape "
                          "(*input_shape) or a data file)");
  TargetFile file(target);
  imnn::RefitOptions o;
  o.target = file.path;
  o.rounds = rounds;
  o.tolerance = tolerance;
  o.warm_start = warm_start;
  o.max_iterations = max_iterations;
  o.replace = replace;
  compressor(); // the registry (and a clear error when the run has no model)
  std::shared_ptr<PythonSimulator> sim = simulator;
  std::shared_ptr<imnn::PluginRegistry> registry = registry_;
  std::atomic<bool> cancel{false};
  std::exception_ptr error;
  std::mutex m;
  std::vector<imnn::RefitRound> done;
  std::size_t reported = 0;
  imnn::RefitResult r;
  const Blocking b = run_releasing(
      [&] {
        PythonSimulator::Creating creating(sim.get());
        r = imnn::refit(
            path, registry, o,
            [&](const imnn::RefitRound &round) {
              std::lock_guard<std::mutex> lock(m);
              done.push_back(round);
            },
            &cancel);
      },
      cancel,
      [&]() -> bool {
        if (callback.is_none()) return true;
        std::vector<imnn::RefitRound> fresh;
        {
          std::lock_guard<std::mutex> lock(m);
          fresh.assign(done.begin() + static_cast<std::ptrdiff_t>(reported), done.end());
          reported = done.size();
        }
        for (const auto &round : fresh) {
          py::dict d;
          d["round"] = round.round;
          d["theta_fid"] = vector(round.theta_fid);
          d["estimate"] = vector(round.estimate);
          d["detF"] = round.detF;
          d["moved_sd"] = round.moved_sd;
          d["run"] = round.run_dir.string();
          py::object answer = callback(d);
          if (py::isinstance<py::bool_>(answer) && !answer.cast<bool>()) return false;
        }
        return true;
      },
      error);
  if (b.poll_error) throw *b.poll_error;
  if (error) std::rethrow_exception(error);
  py::dict out = to_python(r.json);
  py::list runs;
  for (const auto &round : r.rounds)
    runs.append(round.round == 0 ? py::cast(shared_from_this())
                                 : py::cast(Run::load(round.run_dir, simulator, plugin_dirs)));
  out["runs"] = runs;
  py::list estimates;
  for (const auto &round : r.rounds)
    estimates.append(vector(round.estimate));
  out["trajectory"] = py::module_::import("numpy").attr("array")(estimates);
  return out;
}

// ---- fit ---------------------------------------------------------------------------
// Reference-style argument checks (imnn-spec §2.1): None -> ValueError, wrong type ->
// TypeError naming the expected type.
double float_arg(const py::handle &v, const std::string &name) {
  if (v.is_none()) throw py::value_error("`" + name + "` is None");
  if (!py::isinstance<py::float_>(v))
    throw py::type_error("`" + name + "` must be type <class 'float'> but is " +
                         std::string(py::str(py::type::of(v))));
  return v.cast<double>();
}

int int_arg(const py::handle &v, const std::string &name) {
  if (v.is_none()) throw py::value_error("`" + name + "` is None");
  if (!py::isinstance<py::int_>(v) || py::isinstance<py::bool_>(v))
    throw py::type_error("`" + name + "` must be type <class 'int'> but is " +
                         std::string(py::str(py::type::of(v))));
  return v.cast<int>();
}

bool bool_arg(const py::handle &v, const std::string &name) {
  if (v.is_none()) throw py::value_error("`" + name + "` is None");
  if (!py::isinstance<py::bool_>(v))
    throw py::type_error("`" + name + "` must be type <class 'bool'> but is " +
                         std::string(py::str(py::type::of(v))));
  return v.cast<bool>();
}

std::shared_ptr<Run> fit(py::object config_arg, py::object run_dir, py::object simulator,
                         py::object jacobian, py::object callback, int callback_every,
                         py::object plugin_dirs_arg, py::kwargs kw) {
  if (callback_every < 1) throw py::value_error("`callback_every` must be >= 1");
  if (!callback.is_none() && !PyCallable_Check(callback.ptr()))
    throw py::type_error("`callback` must be callable as callback(record: dict)");
  // The config as JSON first: a Python simulator goes in as the simulator plugin
  // before the strict parse, which refuses mode "simulator" without one.
  nlohmann::json j;
  std::string file;
  if (py::isinstance<py::dict>(config_arg)) {
    j = to_json(config_arg, "the config dict");
  } else if (py::isinstance<py::str>(config_arg) || py::hasattr(config_arg, "__fspath__")) {
    file = py::str(py::module_::import("os").attr("fspath")(config_arg)).cast<std::string>();
  } else {
    throw py::type_error("`config` must be a dict (the JSON of a run config) or the path of a "
                         "config file, not " +
                         std::string(py::str(py::type::of(config_arg))));
  }
  std::shared_ptr<PythonSimulator> sim;
  if (!simulator.is_none()) {
    if (!file.empty()) {
      std::ifstream in(file);
      if (!in) throw imnn::Error("cannot open config file " + file + ": check the path");
      j = nlohmann::json::parse(in, nullptr, true, /*ignore_comments=*/true);
      // As RunConfig::load: relative plugin folders and array paths are relative to
      // the config's folder.
      const fs::path base = fs::path(file).parent_path();
      auto absolute = [&](nlohmann::json &v) {
        if (v.is_string() && !v.get<std::string>().empty() && v.get<std::string>().front() != '/')
          v = (base / v.get<std::string>()).lexically_normal().string();
      };
      if (j.is_object() && j.contains("plugin_dirs") && j["plugin_dirs"].is_array())
        for (auto &d : j["plugin_dirs"])
          absolute(d);
      if (j.is_object() && j.contains("data") && j["data"].is_object())
        for (auto &[key, value] : j["data"].items())
          if (key != "stream") absolute(value);
    }
    if (!j.is_object()) throw py::value_error("the config must be a JSON object");
    if (py::isinstance<PythonSimulator>(simulator)) {
      sim = simulator.cast<std::shared_ptr<PythonSimulator>>();
      if (!jacobian.is_none())
        throw py::value_error("give the Jacobian to imnn_studio.Simulator(...), not to fit()");
    } else {
      auto numbers = [&](const char *key) -> py::object {
        if (!j.contains(key) || !j[key].is_array() || j[key].empty()) return py::none();
        return to_python(j[key]);
      };
      sim = make_python_simulator(simulator, jacobian, numbers("theta_fid"), py::none(), py::none(),
                                  numbers("delta_theta"), py::none(), py::none(), "python");
    }
    j["simulator"] = {{"plugin", sim->spec().name}, {"options", nlohmann::json::object()}};
  }
  imnn::RunConfig config;
  if (!file.empty() && !sim) {
    config = imnn::RunConfig::load(file); // exactly as `imnn fit FILE`
  } else {
    try {
      config = imnn::RunConfig::from_json(j);
    } catch (const imnn::ConfigError &e) {
      if (file.empty()) throw;
      throw imnn::ConfigError(e.key(), e.message() + " (in " + file + ")");
    }
  }
  // The reference's fit() arguments, under its names (λ, ε) or ASCII ones.
  for (const auto &[k, v] : kw) {
    const std::string key = py::str(k);
    if (key == "λ" || key == "lam" || key == "lambda_")
      config.fit.lambda = float_arg(v, key);
    else if (key == "ε" || key == "ϵ" || key == "epsilon")
      config.fit.epsilon = float_arg(v, key);
    else if (key == "patience")
      config.fit.patience = int_arg(v, key);
    else if (key == "min_iterations")
      config.fit.min_iterations = int_arg(v, key);
    else if (key == "max_iterations")
      config.fit.max_iterations = int_arg(v, key);
    else if (key == "best")
      config.fit.best = bool_arg(v, key);
    else if (key == "seed")
      config.seed = static_cast<std::uint64_t>(int_arg(v, key));
    else if (key == "threads")
      config.threads = int_arg(v, key);
    else
      throw py::type_error("fit() got an unexpected keyword argument '" + key +
                           "'; the fit settings are λ (or lam), ε (or epsilon), patience, "
                           "min_iterations, max_iterations, best, seed, threads");
  }
  std::vector<std::string> plugin_dirs;
  if (!plugin_dirs_arg.is_none()) plugin_dirs = plugin_dirs_arg.cast<std::vector<std::string>>();
  for (const auto &d : plugin_dirs)
    config.plugin_dirs.push_back(d);

  auto registry = make_registry(config.plugin_dirs, sim);
  imnn::FitSession session = [&] {
    PythonSimulator::Creating creating(sim.get());
    return imnn::prepare_fit(config, registry);
  }();
  imnn::Fitter &fitter = *session.fitter;
  const std::string dir =
      run_dir.is_none()
          ? default_run_dir(session.config.name)
          : py::str(py::module_::import("os").attr("fspath")(run_dir)).cast<std::string>();
  imnn::RunDirectory run = imnn::RunDirectory::create(dir, session.config);
  imnn::enable_checkpoints(fitter, run.path());

  std::mutex mutex;
  std::string io_error;
  int records = 0, delivered = 0;
  std::atomic<bool> fit_over{false}; // the last record is then delivered whatever the step
  std::optional<imnn::IterationRecord> latest;
  fitter.add_observer([&](const imnn::IterationRecord &r) {
    std::string e;
    try {
      run.append(r);
    } catch (const imnn::Error &x) {
      e = x.what();
    }
    std::lock_guard<std::mutex> lock(mutex);
    if (!e.empty() && io_error.empty()) io_error = e;
    latest = r;
    ++records;
  });
  std::function<bool()> poll;
  if (!callback.is_none())
    poll = [&]() -> bool {
      std::optional<imnn::IterationRecord> r;
      {
        std::lock_guard<std::mutex> lock(mutex);
        if (!latest || records == delivered ||
            (records - delivered < callback_every && !fit_over.load()))
          return true;
        delivered = records;
        r = latest;
      }
      py::object answer = callback(record_dict(*r));
      return !(py::isinstance<py::bool_>(answer) && !answer.cast<bool>());
    };
  std::atomic<bool> cancel{false};
  std::exception_ptr error;
  imnn::FitResult result;
  std::function<bool()> watch = [&]() -> bool {
    {
      std::lock_guard<std::mutex> lock(mutex);
      if (!io_error.empty()) return false;
    }
    return poll ? poll() : true;
  };
  const Blocking b = run_releasing(
      [&] {
        struct Over {
          std::atomic<bool> &flag;
          ~Over() { flag.store(true); }
        } over{fit_over};
        result = fitter.fit(&cancel);
      },
      cancel, watch, error);
  std::string message;
  if (error) {
    try {
      std::rethrow_exception(error);
    } catch (const std::exception &e) {
      message = e.what();
    }
  }
  if (!io_error.empty()) message = io_error;
  if (!message.empty()) {
    imnn::record_fit_error(run, fitter, message);
    const std::string saved = imnn::save_final_checkpoint(run.path(), fitter);
    throw imnn::Error(message + "\nThe history so far is in " + run.path().string() + " (" + saved +
                      ")");
  }
  imnn::record_fit_result(run, fitter, result);
  imnn::save_final_checkpoint(run.path(), fitter);
  if (b.poll_error) throw *b.poll_error; // the callback's own error, after the run is kept
  auto out = Run::load(run.path(), sim, plugin_dirs);
  // Full precision from memory rather than history.csv's 9 digits.
  out->history = History();
  for (const auto &r : fitter.history())
    out->history.add(r);
  if (b.interrupted)
    PyErr_WarnEx(PyExc_RuntimeWarning,
                 ("fit interrupted: the run is kept in " + run.path().string() +
                  " (stop_reason 'cancelled'); continue it with `imnn fit --resume " +
                  run.path().string() + "`")
                     .c_str(),
                 1);
  return out;
}

} // namespace

PYBIND11_MODULE(imnn_studio, m) {
  m.doc() = "IMNN Studio: information maximising neural networks (fit, compress, infer) with "
            "the engine of the imnn CLI and desktop app.";
  m.attr("__version__") = IMNN_CORE_VERSION;

  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const imnn::ConfigError &e) {
      PyErr_SetString(PyExc_ValueError, e.what());
    } catch (const imnn::lfi::InferenceError &e) {
      PyErr_SetString(PyExc_ValueError, e.what());
    } catch (const imnn::Error &e) {
      PyErr_SetString(PyExc_RuntimeError, e.what());
    }
  });

  py::class_<PythonSimulator, std::shared_ptr<PythonSimulator>>(
      m, "Simulator",
      "A simulator written in Python: simulator(seeds: uint64[n], theta: float64[n, p]) -> "
      "array (n, *input_shape), called with a batch of simulations at a time; simulation i "
      "must depend only on seeds[i] and theta[i] (e.g. numpy.random.Generator("
      "numpy.random.Philox(seed))). jacobian(seeds, theta) -> (simulations, jacobian of shape "
      "(n, *input_shape, p)) is optional (mode 'simulator'; without it 'simulator-numerical').")
      .def(py::init(&make_python_simulator), py::arg("simulator"), py::arg("jacobian") = py::none(),
           py::kw_only(), py::arg("theta_fid"), py::arg("param_names") = py::none(),
           py::arg("input_shape") = py::none(), py::arg("delta_theta") = py::none(),
           py::arg("prior_low") = py::none(), py::arg("prior_high") = py::none(),
           py::arg("name") = "python")
      .def_property_readonly("name", [](const PythonSimulator &s) { return s.spec().name; })
      .def_property_readonly("param_names",
                             [](const PythonSimulator &s) { return s.spec().param_names; })
      .def_property_readonly("input_shape",
                             [](const PythonSimulator &s) {
                               py::tuple t(s.spec().input_shape.size());
                               for (std::size_t i = 0; i < s.spec().input_shape.size(); ++i)
                                 t[i] = s.spec().input_shape[i];
                               return t;
                             })
      .def_property_readonly("theta_fid",
                             [](const PythonSimulator &s) { return vector(s.spec().theta_fid); })
      .def("__repr__", [](const PythonSimulator &s) {
        return "<imnn_studio.Simulator '" + s.spec().name + "' " + s.spec().description + ">";
      });

  py::class_<Inference>(m, "Inference", "The result of Run.infer (RUN_DIR/inference/<name>/).")
      .def_readonly("method", &Inference::method)
      .def_readonly("name", &Inference::name)
      .def_readonly("dir", &Inference::dir)
      .def_readonly("getdist_root", &Inference::getdist_root)
      .def_readonly("param_names", &Inference::param_names)
      .def_readonly("samples", &Inference::samples)
      .def_readonly("weights", &Inference::weights)
      .def_readonly("estimate", &Inference::estimate)
      .def_readonly("converged", &Inference::converged)
      .def_readonly("convergence", &Inference::convergence)
      .def_readonly("cancelled", &Inference::cancelled)
      .def_readonly("simulations", &Inference::simulations)
      .def_readonly("seconds", &Inference::seconds)
      .def_readonly("result", &Inference::result)
      .def("__repr__", [](const Inference &i) {
        return "<imnn_studio.Inference " + i.method + ": " + std::to_string(i.samples.shape(0)) +
               " samples in " + i.dir + ">";
      });

  py::class_<Run, std::shared_ptr<Run>>(m, "Run", "A run directory written by fit()")
      .def_property_readonly("path", [](const Run &r) { return r.path.string(); })
      .def_property_readonly("config", [](const Run &r) { return to_python(r.config); })
      .def_property_readonly("result", [](const Run &r) { return to_python(r.result); })
      .def_property_readonly(
          "history", [](const Run &r) { return r.history.to_python(); },
          "dict of numpy arrays with the reference's imnn.history keys "
          "(detF, detC, detinvC, Λ2, r and val_ twins, max_detF) plus "
          "iteration, loss, seconds")
      .def_property_readonly("stop_reason",
                             [](const Run &r) -> py::object {
                               if (r.result.contains("stop_reason"))
                                 return py::str(r.result["stop_reason"].get<std::string>());
                               return py::none();
                             })
      .def_property_readonly("F", [](Run &r) { return matrix(r.model().statistics.F); })
      .def_property_readonly("invF", [](Run &r) { return matrix(r.model().invF); })
      .def_property_readonly("C", [](Run &r) { return matrix(r.model().statistics.C); })
      .def_property_readonly("invC", [](Run &r) { return matrix(r.model().statistics.invC); })
      .def_property_readonly("mu", [](Run &r) { return matrix(r.model().statistics.mu); })
      .def_property_readonly("dμ_dθ",
                             [](Run &r) { return matrix(r.model().statistics.dmu_dtheta); })
      .def_property_readonly("detF", [](Run &r) { return r.model().statistics.detF; })
      .def_property_readonly("theta_fid", [](Run &r) { return vector(r.model().theta_fid); })
      .def_property_readonly("param_names", [](Run &r) { return r.model().param_names; })
      .def(
          "estimate", [](Run &r, const py::array &x) { return r.compress(x, true); }, py::arg("x"),
          "Quasi-ML estimates θ_fid + F⁻¹ (dμ/dθ)ᵀ C⁻¹ (x − μ): (n, p) for x of shape (n, "
          "*input_shape), (p,) for one (*input_shape)")
      .def(
          "summarise", [](Run &r, const py::array &x) { return r.compress(x, false); },
          py::arg("x"), "The network's outputs (summaries) of x")
      .def("infer", &Run::infer, py::arg("method"), py::arg("target") = py::none(),
           "Likelihood-free inference: method 'ga', 'abc' or 'pmc'; target: a numpy array "
           "(*input_shape) or (1, *input_shape) or a data file; options as `imnn infer` "
           "(n_samples, epsilon, prior_low, ...). Writes RUN_DIR/inference/<name>/.")
      .def("refit", &Run::refit, py::arg("target"), py::arg("rounds") = 4,
           py::arg("tolerance") = 0.1, py::arg("warm_start") = false,
           py::arg("max_iterations") = -1, py::arg("replace") = false,
           py::arg("callback") = py::none(),
           "Iterative re-fit at the estimate (as `imnn refit`): fit new IMNNs at θ_fid = θ̂ "
           "of the target until θ̂ moves less than `tolerance` Fisher sds or `rounds` fits. "
           "Returns RUN/refit.json as a dict, plus 'runs' (a Run per round, this one first) "
           "and 'trajectory' (θ̂ per round). callback(round: dict) after each round; False "
           "stops.")
      .def("__repr__", [](const Run &r) {
        return "<imnn_studio.Run " + r.path.string() + " (" +
               std::to_string(r.history.detF.size()) + " iterations)>";
      });

  m.def("fit", &fit, py::arg("config"), py::arg("run_dir") = py::none(),
        py::arg("simulator") = py::none(), py::arg("jacobian") = py::none(),
        py::arg("callback") = py::none(), py::arg("callback_every") = 1,
        py::arg("plugin_dirs") = py::none(),
        "fit(config, run_dir=None, simulator=None, jacobian=None, callback=None, "
        "callback_every=1, plugin_dirs=None, *, λ|lam, ε|epsilon, patience, min_iterations, "
        "max_iterations, best, seed, threads) -> Run. config: a dict (the JSON of a run "
        "config) or a config file. The fit runs with the interpreter lock released; "
        "callback(record) is called at most every callback_every iterations, and once at the "
        "end with the last record, and stops the fit "
        "by returning False; Ctrl-C stops it cleanly and keeps the run.");
  m.def(
      "load_run",
      [](py::object path, py::object simulator, py::object plugin_dirs) {
        std::shared_ptr<PythonSimulator> sim;
        if (!simulator.is_none()) sim = simulator.cast<std::shared_ptr<PythonSimulator>>();
        std::vector<std::string> dirs;
        if (!plugin_dirs.is_none()) dirs = plugin_dirs.cast<std::vector<std::string>>();
        return Run::load(
            py::str(py::module_::import("os").attr("fspath")(path)).cast<std::string>(), sim, dirs);
      },
      py::arg("path"), py::arg("simulator") = py::none(), py::arg("plugin_dirs") = py::none(),
      "A run directory as a Run (simulator: the imnn_studio.Simulator it was fitted to, for "
      "abc/pmc with a Python simulator)");
  m.def(
      "plugins",
      [](py::object plugin_dirs) {
        std::vector<std::string> dirs;
        if (!plugin_dirs.is_none()) dirs = plugin_dirs.cast<std::vector<std::string>>();
        auto registry = make_registry(dirs, nullptr);
        nlohmann::json j;
        j["simulators"] = nlohmann::json::array();
        for (const auto &s : registry->simulators())
          j["simulators"].push_back(s.to_json());
        j["networks"] = nlohmann::json::array();
        for (const auto &n : registry->networks())
          j["networks"].push_back(n.to_json());
        j["skipped"] = nlohmann::json::array();
        for (const auto &s : registry->skipped())
          j["skipped"].push_back({{"path", s.path.string()}, {"reason", s.reason}});
        j["searched"] = nlohmann::json::array();
        for (const auto &s : registry->searched())
          j["searched"].push_back(s.string());
        return to_python(j);
      },
      py::arg("plugin_dirs") = py::none(),
      "The simulator and network plugins found (as `imnn plugins --json`)");
}

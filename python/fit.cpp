#include "fit.h"

#include "imnn/checkpoint.h"
#include "imnn/error.h"
#include "imnn/fit.h"
#include "imnn/json_reader.h"
#include "imnn/run_directory.h"
#include "imnn/session.h"

#include "blocking.h"
#include "conversions.h"
#include "history.h"
#include "registry.h"

#include <atomic>
#include <exception>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <mutex>
#include <optional>
#include <pybind11/stl.h>
#include <string>
#include <vector>

namespace py = pybind11;
namespace fs = std::filesystem;

namespace imnn::python {

namespace {

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

} // namespace

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
      const std::string text{std::istreambuf_iterator<char>(in), {}};
      j = imnn::parse_json_text(text, file, /*ignore_comments=*/true);
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
          ? default_run_directory(session.config.name)
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

} // namespace imnn::python

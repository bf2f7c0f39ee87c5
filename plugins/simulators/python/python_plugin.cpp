// Simulator plugin `python`: a simulator written in Python, for the CLI and the
// desktop app (which have no interpreter of their own), through the same bridge as
// the imnn_studio module (python/python_simulator.h). Options:
//   "function": "module:function"   simulator(seeds, theta) -> (n, *input_shape)
//   "jacobian": "module:function"   optional: -> (simulations, (n, *input_shape, p))
//   "sys_path": "dir" or ["dir", ...]  put first on sys.path (relative: to the
//                                    config file's folder, resolved when the config is
//                                    loaded; else to the working directory)
//   "theta_fid": [...] (required), "param_names", "delta_theta", "prior_low",
//   "prior_high", "input_shape" (optional, as imnn_studio.Simulator)
// The descriptor has one placeholder parameter: the instance tells the real ones
// (simulator_abi.h instance_info). The interpreter is started on first use (the
// plugin's own libpython, made global so that numpy's extension modules find it)
// unless the process already runs one (the imnn_studio module); it is never shut
// down, and its signal handlers are not installed (Ctrl-C stays the host's).
#include "imnn/simulator_abi.h"

#include "python_simulator.h"

#include <algorithm>
#include <cstring>
#include <dlfcn.h>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>
#include <string>

namespace py = pybind11;
using imnn::python::PythonSimulator;

namespace {

const char *const param_names[] = {"theta", nullptr}; // ABI 2: NULL after the names
const std::int64_t default_shape[] = {1};
const double theta_fid[] = {0.0};
const double delta_theta[] = {0.1};
const double prior_low[] = {-1.0};
const double prior_high[] = {1.0};

const imnn_simulator_descriptor descriptor = {
    "python",
    "1.0.0",
    "A simulator written in Python: options {\"function\": \"module:function\", \"theta_fid\": "
    "[...]}; its parameters come from the options",
    1,
    param_names,
    1,
    default_shape,
    theta_fid,
    delta_theta,
    prior_low,
    prior_high,
    "{\"function\": \"module:function called as f(seeds: uint64[n], theta: float64[n, p]) -> "
    "array (n, *input_shape) (required)\", \"jacobian\": \"module:function returning "
    "(simulations, jacobian (n, *input_shape, p)) (none: finite differences)\", \"sys_path\": "
    "\"folder or list of folders put first on sys.path\", \"theta_fid\": \"fiducial parameters "
    "(required)\", \"param_names\": \"names (theta_0, ...)\", \"delta_theta\": "
    "\"finite-difference steps (0.1 max(1, |theta|))\", \"prior_low\": \"prior box (theta - 10 "
    "max(1, |theta|))\", \"prior_high\": \"prior box (theta + 10 max(1, |theta|))\", "
    "\"input_shape\": \"shape of one simulation (asked of the function)\"}"};

std::mutex instances_mutex;
std::map<const PythonSimulator *, std::shared_ptr<PythonSimulator>> instances;

void write_error(const std::string &m, char *error, std::size_t size) {
  if (!error || size == 0) return;
  const std::size_t n = std::min(m.size(), size - 1);
  std::memcpy(error, m.data(), n);
  error[n] = '\0';
}

void start_python() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (Py_IsInitialized()) return; // inside a Python process (imnn_studio)
#ifdef IMNN_LIBPYTHON_SONAME
    // Our libpython was loaded with the plugin, locally: make its symbols global for
    // the extension modules (numpy) that the interpreter will load.
    dlopen(IMNN_LIBPYTHON_SONAME, RTLD_NOW | RTLD_GLOBAL | RTLD_NOLOAD);
#endif
    Py_InitializeEx(0);
    PyEval_SaveThread(); // simulations take the lock from any thread
  });
}

py::object resolve(const std::string &spec, const char *option) {
  const auto colon = spec.rfind(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == spec.size())
    throw py::value_error(std::string("option \"") + option + "\" is \"" + spec +
                          "\"; give \"module:function\", e.g. \"my_simulators:gaussian\"");
  py::object module = py::module_::import(spec.substr(0, colon).c_str());
  py::object target = module;
  std::string rest = spec.substr(colon + 1);
  for (std::size_t start = 0; start <= rest.size();) {
    const std::size_t dot = std::min(rest.find('.', start), rest.size());
    target = target.attr(rest.substr(start, dot - start).c_str());
    start = dot + 1;
  }
  return target;
}

imnn_simulator_instance *create(const char *options_json, char *error, std::size_t error_size) {
  try {
    start_python();
  } catch (const std::exception &e) {
    write_error(std::string("cannot start the Python interpreter: ") + e.what(), error, error_size);
    return nullptr;
  }
  py::gil_scoped_acquire gil;
  try {
    const nlohmann::json o = nlohmann::json::parse(options_json ? options_json : "{}");
    static const char *const known[] = {"function",  "jacobian",    "sys_path",
                                        "theta_fid", "param_names", "delta_theta",
                                        "prior_low", "prior_high",  "input_shape"};
    for (const auto &[key, value] : o.items())
      if (std::find_if(std::begin(known), std::end(known),
                       [&](const char *k) { return key == k; }) == std::end(known))
        throw py::value_error("unknown option \"" + key +
                              "\"; the options are function, jacobian, sys_path, theta_fid, "
                              "param_names, delta_theta, prior_low, prior_high, input_shape");
    if (!o.contains("function") || !o["function"].is_string())
      throw py::value_error("option \"function\" is missing: give \"module:function\" of the "
                            "Python simulator, and \"sys_path\" with the folder of the module");
    py::module_ sys = py::module_::import("sys");
    if (o.contains("sys_path")) {
      std::vector<std::string> dirs =
          o["sys_path"].is_array() ? o["sys_path"].get<std::vector<std::string>>()
                                   : std::vector<std::string>{o["sys_path"].get<std::string>()};
      py::list path = sys.attr("path");
      for (auto it = dirs.rbegin(); it != dirs.rend(); ++it)
        if (!path.contains(py::str(*it))) path.insert(0, py::str(*it));
    }
    py::object json = py::module_::import("json");
    auto opt = [&](const char *key) -> py::object {
      return o.contains(key) ? json.attr("loads")(o[key].dump()) : py::none();
    };
    py::object fn = resolve(o["function"].get<std::string>(), "function");
    py::object jac = o.contains("jacobian") ? resolve(o["jacobian"].get<std::string>(), "jacobian")
                                            : py::object(py::none());
    auto sim = imnn::python::make_python_simulator(fn, jac, opt("theta_fid"), opt("param_names"),
                                                   opt("input_shape"), opt("delta_theta"),
                                                   opt("prior_low"), opt("prior_high"), "python");
    // The instance is the PythonSimulator (the shared functions read it so); the
    // plugin owns it until destroy.
    PythonSimulator *instance = sim.get();
    std::lock_guard<std::mutex> lock(instances_mutex);
    instances[instance] = std::move(sim);
    return reinterpret_cast<imnn_simulator_instance *>(instance);
  } catch (py::error_already_set &e) {
    write_error(imnn::python::format_python_error(e), error, error_size);
  } catch (const std::exception &e) {
    write_error(e.what(), error, error_size);
  }
  return nullptr;
}

void destroy(imnn_simulator_instance *instance) {
  std::shared_ptr<PythonSimulator> gone;
  {
    std::lock_guard<std::mutex> lock(instances_mutex);
    auto it = instances.find(reinterpret_cast<const PythonSimulator *>(instance));
    if (it == instances.end()) return;
    gone = std::move(it->second);
    instances.erase(it);
  }
  // gone's destructor takes the interpreter lock to release the Python functions.
}

imnn_simulator_plugin make_table() {
  imnn_simulator_plugin t = PythonSimulator::table_template();
  t.descriptor = &descriptor;
  t.create = create;
  t.destroy = destroy;
  return t;
}

const imnn_simulator_plugin plugin = make_table();

} // namespace

extern "C" __attribute__((visibility("default"))) const imnn_simulator_plugin *
imnn_simulator_entry(void) {
  return &plugin;
}

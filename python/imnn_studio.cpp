// imnn_studio: the IMNN Studio engine as a Python module (pybind11), over the same
// functions as the `imnn` CLI (imnn/session.h, checkpoint.h, compressor.h,
// inference.h): fit a config (dict or file) into a run directory, read runs back,
// compress data and run likelihood-free inference; simulators may be Python
// functions (python_simulator.h).
//
// This file holds the module definition (the bindings and their docstrings) only;
// the parts live in namespace imnn::python:
//   fit.cpp               imnn_studio.fit
//   run.cpp               Run (load, compressor, estimate/summarise, infer, refit), Inference
//   history.cpp           History (Run.history, history.csv) and the callback's record dict
//   blocking.cpp          engine work with the interpreter lock released, Ctrl-C
//   registry.cpp          the plugin registry (module's plugin folders, Python simulator)
//   conversions.cpp       JSON <-> Python values, numpy arrays of matrices and vectors
//   python_simulator.cpp  imnn_studio.Simulator: a Python function as a simulator plugin
#include "imnn/error.h"
#include "imnn/inference.h"
#include "imnn/plugins.h"
#include "imnn/version.h"

#include "conversions.h"
#include "fit.h"
#include "python_simulator.h"
#include "registry.h"
#include "run.h"

#include <exception>
#include <memory>
#include <nlohmann/json.hpp>
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>
#include <string>
#include <vector>

namespace py = pybind11;
using imnn::python::fit;
using imnn::python::Inference;
using imnn::python::make_python_simulator;
using imnn::python::make_registry;
using imnn::python::matrix;
using imnn::python::PythonSimulator;
using imnn::python::Run;
using imnn::python::to_python;
using imnn::python::vector;

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
      .def(
          "refit",
          [](Run &r, const py::object &target, int rounds, double tolerance, bool warm_start,
             int max_iterations, bool replace, const py::object &callback,
             const py::object &target_theta, std::uint64_t target_seed,
             const py::object &iteration_callback, int callback_every) {
            return r.refit(target,
                           {rounds, tolerance, warm_start, max_iterations, replace, callback,
                            target_theta, target_seed, iteration_callback, callback_every});
          },
          py::arg("target") = py::none(), py::arg("rounds") = 4, py::arg("tolerance") = 0.1,
          py::arg("warm_start") = false, py::arg("max_iterations") = -1, py::arg("replace") = false,
          py::arg("callback") = py::none(), py::arg("target_theta") = py::none(),
          py::arg("target_seed") = 0, py::arg("iteration_callback") = py::none(),
          py::arg("callback_every") = 1,
          "Iterative re-fit at the estimate (as `imnn refit`): fit new IMNNs at θ_fid = θ̂ "
          "of the target until θ̂ moves less than `tolerance` Fisher sds or `rounds` fits. "
          "The target is observed data (`target`: an array or a data file) or simulated with "
          "the run's simulator at `target_theta`, seed `target_seed`. Returns RUN/refit.json "
          "as a dict, plus 'runs' (a Run per round, this one first) and 'trajectory' (θ̂ per "
          "round). callback(round: dict) after each round; iteration_callback(record: dict) "
          "with every `callback_every`-th iteration record of a round and its last (the "
          "fit callback's keys plus 'round' and 'max_iterations'); False from either stops.")
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

// A run directory for Python (imnn_studio.Run): its config, result and history, the
// trained compressor loaded on first use (estimate, summarise, F, ...), likelihood-free
// inference (Run.infer, as `imnn infer`) and the iterative re-fit at the estimate
// (Run.refit, as `imnn refit`).
#pragma once

#include "imnn/compressor.h"
#include "imnn/plugins.h"
#include "imnn/trained_model.h"

#include "history.h"
#include "python_simulator.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <string>
#include <vector>

namespace imnn::python {

// The result of Run.infer (RUN_DIR/inference/<name>/).
struct Inference {
  std::string method, name, dir, getdist_root, convergence;
  std::vector<std::string> param_names;
  pybind11::array_t<double> samples, weights, estimate;
  bool converged = true, cancelled = false;
  long long simulations = 0;
  double seconds = 0;
  pybind11::object result;
};

class Run : public std::enable_shared_from_this<Run> {
public:
  std::filesystem::path path;
  nlohmann::json config, result;
  History history;
  std::shared_ptr<PythonSimulator> simulator; // when fitted to a Python function
  std::vector<std::string> plugin_dirs;

  // config.json (required), result.json and history.csv of dir; the plugin folders are
  // plugin_dirs and those the run recorded.
  static std::shared_ptr<Run> load(const std::filesystem::path &dir,
                                   std::shared_ptr<PythonSimulator> sim,
                                   std::vector<std::string> plugin_dirs);

  // Loaded on first use; imnn::Error when the run has no model.json.
  imnn::Compressor &compressor();
  const imnn::TrainedModel &model() { return compressor().model(); }

  // Estimates (est) or summaries of x: (n, width) for a batch, (width,) for one.
  pybind11::array compress(const pybind11::array &x, bool est);

  Inference infer(const std::string &method, const pybind11::object &target,
                  const pybind11::kwargs &kw);
  // Run.refit's arguments besides the target (see the binding's docstring).
  struct RefitArgs {
    int rounds = 4;
    double tolerance = 0.1;
    bool warm_start = false;
    int max_iterations = -1;
    bool replace = false;
    pybind11::object callback;           // callback(round: dict) after each round
    pybind11::object target_theta;       // instead of target: simulate it here
    std::uint64_t target_seed = 0;       // ... with this seed
    pybind11::object iteration_callback; // iteration_callback(record: dict)
    int callback_every = 1;
  };
  pybind11::dict refit(const pybind11::object &target, const RefitArgs &args);

private:
  std::mutex mutex_;
  std::shared_ptr<imnn::PluginRegistry> registry_;
  std::optional<imnn::Compressor> compressor_;
};

} // namespace imnn::python

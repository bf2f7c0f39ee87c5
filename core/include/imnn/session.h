// One path from a RunConfig to a running fit and a recorded run, shared by every
// front end (CLI, GUI, tests): scan the plugins, resolve the config against them,
// create the simulator and the network, build the Fitter; then record the outcome
// (result.json, model.json) into the run directory the same way everywhere.
#pragma once

#include "imnn/config.h"
#include "imnn/fit.h"
#include "imnn/plugins.h"
#include "imnn/run_directory.h"

#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace imnn {

// Scans extra folders first, then PluginRegistry::default_search_paths().
PluginRegistry scan_plugins(const std::vector<std::string> &extra_folders);

struct FitSession {
  RunConfig config; // resolved: every default filled in, network options included
  std::shared_ptr<PluginRegistry> registry;
  std::shared_ptr<Simulator> simulator; // null in the array modes (gradient, numerical)
  std::unique_ptr<Fitter> fitter;
};

// Scans config.plugin_dirs and the default folders, resolves the config (mode "auto"
// becomes the mode picked, with config.mode_reason saying why) and the network
// plugin's options, loads the arrays of the array modes, and constructs the Fitter (weights
// initialised from config.seed). Throws ConfigError / PluginError naming the problem.
// comm: the MPI ranks fitting together (null: this process alone).
FitSession prepare_fit(RunConfig config, std::shared_ptr<Communicator> comm = nullptr);
// Refuses, before anything is allocated, a resolved config whose sets or chunks cannot
// fit in memory_bytes (0: this machine's physical memory): lower bounds of the bytes
// that n_s/n_d, fit.n_validation, fit.n_statistics (outputs and tangents in double) and
// one chunk of n_per_device simulations (inputs in float) ask for. ConfigError names
// the key, the bytes and the fix. prepare_fit calls it.
void check_fit_memory(const RunConfig &config, Index input_size, Index n_params,
                      double memory_bytes = 0);
// The same with a registry the caller scanned (scan_plugins) and may have added
// in-process simulators to (PluginRegistry::add_simulator, the Python module).
FitSession prepare_fit(RunConfig config, std::shared_ptr<PluginRegistry> registry,
                       std::shared_ptr<Communicator> comm = nullptr);

// result.json's body for a finished fit (detF, val_detF, F, invF, iterations, ...)
// and, when statistics were measured, model.json written into run. Returns the body
// after writing it as result.json.
nlohmann::json record_fit_result(const RunDirectory &run, const Fitter &fitter,
                                 const FitResult &result);
// result.json for a fit that stopped with an error: the message and the iterations
// run (the history is already on disk).
nlohmann::json record_fit_error(const RunDirectory &run, const Fitter &fitter,
                                const std::string &error);

} // namespace imnn

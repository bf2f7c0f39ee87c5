// The headless front end's subcommands. Each returns the process exit code.
#pragma once

#include "imnn/communicator.h"
#include "imnn/inference.h"
#include "imnn/refit.h"
#include "imnn/run_directory.h"

#include "interrupt.h"

#include <CLI/CLI.hpp>
#include <memory>
#include <string>
#include <vector>

namespace imnn::cli {

struct FitOptions {
  std::string config;
  std::string run_dir;
  std::string resume; // a run directory to continue from its checkpoint
  std::vector<std::string> plugin_dirs;
  int max_iterations = -1;
  long long seed = -1;
  int threads = -1;
  bool quiet = false;
  bool isolate_simulator = false; // --isolate-simulator: config simulator.isolate = true
  std::vector<std::string> set;   // --set KEY=VALUE: config keys (run_config_specs)
  double stop_grace = default_stop_grace_seconds; // --stop-grace
};

struct PluginsOptions {
  std::vector<std::string> plugin_dirs;
  bool json = false;
};

// `imnn estimate` and `imnn summarise`: one trained IMNN applied to a data array.
struct CompressOptions {
  std::string run; // run directory or model.json
  std::string data;
  std::string output;
  std::vector<std::string> plugin_dirs;
  int threads = 0;
};

// `imnn infer ga|abc|pmc RUN_DIR`: likelihood-free inference with a trained IMNN
// (the engine's lfi::run_inference with its options from the flags).
struct InferOptions : lfi::InferenceOptions {
  std::string run;
  std::vector<std::string> plugin_dirs;
  bool quiet = false;
};

struct SimulateOptions {
  std::string source; // plugin name or config file
  std::string mode;   // gradient | numerical
  std::string output;
  std::string format = "npy"; // npy | h5
  std::string options;        // simulator options (JSON)
  std::vector<std::string> plugin_dirs;
  std::vector<double> theta_fid, delta_theta;
  long long n_s = -1, n_d = -1, n_validation = -1, n_validation_d = -1, seed = -1;
};

// `imnn refit RUN --target data.npy`: the re-fit at the estimate (imnn/refit.h).
struct RefitOptions {
  std::string run;
  imnn::RefitOptions options;
  std::vector<std::string> plugin_dirs;
  bool quiet = false;
  double stop_grace = default_stop_grace_seconds; // --stop-grace
};

void add_refit_command(CLI::App &app, RefitOptions &options);
int run_refit(const RefitOptions &options);
void add_simulate_command(CLI::App &app, SimulateOptions &options);
int run_simulate(const SimulateOptions &options, const std::shared_ptr<Communicator> &comm);
void add_fit_command(CLI::App &app, FitOptions &options);
void add_compress_commands(CLI::App &app, CompressOptions &estimate, CompressOptions &summarise);
void add_infer_command(CLI::App &app, InferOptions &options);
// mode: "estimate" or "summarise"
int run_compress(const CompressOptions &options, const std::string &mode);
int run_infer(const InferOptions &options, const std::shared_ptr<Communicator> &comm);
void add_plugins_command(CLI::App &app, PluginsOptions &options);
void add_devices_command(CLI::App &app);
int run_devices();
int run_fit(const FitOptions &options, const std::shared_ptr<Communicator> &comm);
int run_plugins(const PluginsOptions &options);

// The --plugin-dir folders, then those the run was fitted with (its config.json).
inline std::vector<std::string> with_recorded_dirs(std::vector<std::string> dirs,
                                                   const std::string &run) {
  for (auto &d : recorded_plugin_dirs(run))
    dirs.push_back(std::move(d));
  return dirs;
}

} // namespace imnn::cli

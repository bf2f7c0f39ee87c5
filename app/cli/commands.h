// The headless front end's subcommands. Each returns the process exit code.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace imnn::cli {

struct FitOptions {
  std::string config;
  std::string run_dir;
  std::vector<std::string> plugin_dirs;
  int max_iterations = -1;
  long long seed = -1;
  int threads = -1;
  bool quiet = false;
};

struct PluginsOptions {
  std::vector<std::string> plugin_dirs;
  bool json = false;
};

struct SimulateOptions {
  std::string source; // plugin name or config file
  std::string mode;   // gradient | numerical
  std::string output;
  std::string options; // simulator options (JSON)
  std::vector<std::string> plugin_dirs;
  std::vector<double> theta_fid, delta_theta;
  long long n_s = -1, n_d = -1, n_validation = -1, n_validation_d = -1, seed = -1;
};

void add_simulate_command(CLI::App &app, SimulateOptions &options);
int run_simulate(const SimulateOptions &options);
void add_fit_command(CLI::App &app, FitOptions &options);
void add_plugins_command(CLI::App &app, PluginsOptions &options);
int run_fit(const FitOptions &options);
int run_plugins(const PluginsOptions &options);

} // namespace imnn::cli

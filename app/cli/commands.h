// The headless front end's subcommands. Each returns the process exit code.
#pragma once

#include <CLI/CLI.hpp>
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
};

struct PluginsOptions {
  std::vector<std::string> plugin_dirs;
  bool json = false;
};

void add_fit_command(CLI::App &app, FitOptions &options);
void add_plugins_command(CLI::App &app, PluginsOptions &options);
int run_fit(const FitOptions &options);
int run_plugins(const PluginsOptions &options);

} // namespace imnn::cli

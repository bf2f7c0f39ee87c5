// Loading and validating simulator and network plugins (DESIGN.md §6).
//
// A scan never aborts the process: every file that is not a valid plugin is
// recorded in skipped() with the reason, and the rest stay usable.
#pragma once

#include "imnn/nn.h"
#include "imnn/plugin_host.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

struct imnn_simulator_plugin;
struct imnn_simulator_instance;
struct imnn_host_services;

namespace imnn {

struct SimulatorInfo {
  std::string name, version, description;
  std::filesystem::path path;
  std::vector<std::string> param_names;
  std::vector<Index> default_input_shape;
  std::vector<double> theta_fid, delta_theta, prior_low, prior_high;
  nlohmann::json options_help = nlohmann::json::object();
  bool has_jacobian = false;
  // The plugin's instances may replace the parameter facts above (simulator_abi.h
  // instance_info): resolve a config against an instance's info(), not this one.
  bool per_instance = false;
  nlohmann::json to_json() const;
};

class SharedLibrary; // dlopen handle, closed when the last user goes
class IsolatedSimulator;
struct SimulatorHost;

// One instance of a simulator plugin. simulate* are [any-thread].
class Simulator {
public:
  // isolation.isolate: simulate* run in child processes (imnn-simulator-host); the
  // instance made here (for its shape and info) runs no simulation.
  Simulator(std::shared_ptr<SharedLibrary> library, const imnn_simulator_plugin *plugin,
            SimulatorInfo info, const nlohmann::json &options,
            const SimulatorIsolation &isolation = {});
  ~Simulator();
  Simulator(const Simulator &) = delete;
  Simulator &operator=(const Simulator &) = delete;

  const SimulatorInfo &info() const { return info_; }
  const nlohmann::json &options() const { return options_; }
  const std::vector<Index> &input_shape() const { return input_shape_; }
  Index input_size() const { return input_size_; }
  Index n_params() const { return static_cast<Index>(info_.param_names.size()); }
  bool has_jacobian() const { return info_.has_jacobian; }
  bool isolated() const { return isolated_ != nullptr; }
  // The last fraction the plugin reported through host->progress (0 before any).
  double progress() const;

  // Throw imnn::PluginError with the plugin's message (and the plugin name) on failure.
  void simulate(std::uint64_t seed, const double *theta, double *out) const;
  // jacobian: input_size() x n_params() values, element major (the ABI layout).
  void simulate_with_jacobian(std::uint64_t seed, const double *theta, double *out,
                              double *jacobian) const;
  // The plugin's optional batch calls (simulator_abi.h): n simulations, thetas n x
  // n_params(), out n x input_size(), jacobian n x input_size() x n_params(). The
  // error names the batch's first seed and parameters. has_batch*: whether a chunk per
  // call is worth asking for: the plugin has the batch call, or it is isolated (a
  // chunk per round trip to its process instead of one simulation per round trip).
  bool has_batch() const;
  bool has_batch_jacobian() const;
  void simulate_batch(std::size_t n, const std::uint64_t *seeds, const double *thetas,
                      double *out) const;
  void simulate_batch_with_jacobian(std::size_t n, const std::uint64_t *seeds, const double *thetas,
                                    double *out, double *jacobian) const;

private:
  std::string apply_instance_info();
  std::string describe(std::int64_t index, std::size_t n, const std::uint64_t *seeds,
                       const double *thetas) const;
  std::shared_ptr<SharedLibrary> library_;
  std::unique_ptr<SimulatorHost> host_; // the host services given to a version 2 create
  std::unique_ptr<IsolatedSimulator> isolated_;
  const imnn_simulator_plugin *plugin_;
  imnn_simulator_instance *instance_ = nullptr;
  SimulatorInfo info_;
  nlohmann::json options_;
  std::vector<Index> input_shape_;
  Index input_size_ = 0;
};

struct NetworkInfo {
  std::string name, version, description;
  std::filesystem::path path;
  nlohmann::json options_help = nlohmann::json::object();
  nlohmann::json to_json() const;
};

struct SkippedPlugin {
  std::filesystem::path path;
  std::string reason;
};

class PluginRegistry {
public:
  PluginRegistry();
  ~PluginRegistry();
  PluginRegistry(PluginRegistry &&) noexcept;
  PluginRegistry &operator=(PluginRegistry &&) noexcept;

  // Folders searched when none are given, in order: $IMNN_PLUGIN_PATH (':'-separated),
  // <exe dir>/../plugins (build tree), <exe dir>/../lib/imnn-studio/plugins (install);
  // the last two only when they exist.
  static std::vector<std::filesystem::path> default_search_paths();

  // Scans each folder and its simulators/ and networks/ subfolders for *.so files.
  // A name found twice keeps the first and records the second as skipped.
  void scan(const std::vector<std::filesystem::path> &folders);
  // Loads one file (used by scan and by tests); returns false and records the reason
  // in skipped() when it is not a valid plugin.
  bool load_file(const std::filesystem::path &file);
  // Registers a plugin table that lives in this process rather than in a file (a
  // simulator written in Python, given to the imnn_studio module), validated as
  // load_file validates a file's. label stands for the file in messages; owner is
  // kept alive by the registry and by every Simulator created from the table. Throws
  // PluginError with the reason when the table is invalid or the name is taken.
  void add_simulator(const imnn_simulator_plugin *plugin, const std::string &label,
                     std::shared_ptr<const void> owner);

  const std::vector<SimulatorInfo> &simulators() const;
  const std::vector<NetworkInfo> &networks() const;
  const std::vector<SkippedPlugin> &skipped() const;
  const std::vector<std::filesystem::path> &searched() const;

  const SimulatorInfo *find_simulator(const std::string &name) const;
  const NetworkInfo *find_network(const std::string &name) const;

  // Throw imnn::PluginError naming the plugin, the folders searched and the plugins
  // available when the name is unknown, or the plugin's own message on bad options.
  std::shared_ptr<Simulator> create_simulator(const std::string &name,
                                              const nlohmann::json &options,
                                              const SimulatorIsolation &isolation = {}) const;
  Model build_network(const std::string &name, const nlohmann::json &options,
                      const std::vector<Index> &input_shape, Index n_summaries) const;
  // The network plugin's options with its defaults filled in (its resolve_options),
  // or the options unchanged when the plugin does not provide that function.
  nlohmann::json resolve_network_options(const std::string &name, const nlohmann::json &options,
                                         Index n_summaries) const;

private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

} // namespace imnn

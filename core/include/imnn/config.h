// Run configuration: the JSON a user writes (resources/examples/*.json), parsed
// strictly (unknown keys and wrong types are errors naming the key and the fix)
// and written back fully resolved (every default filled in) as config.json.
#pragma once
#include "imnn/nn.h"
#include "imnn/option_schema.h"
#include "imnn/plugin_host.h"

#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

namespace imnn {

class PluginRegistry;
struct SimulatorInfo;

// Array files of the modes "gradient" and "numerical" (config key "data"). Paths are
// relative to the config file's folder (RunConfig::load makes them absolute); the
// arrays.h syntax "file.npz:member" / "file.h5:/dataset" applies.
struct DataFiles {
  std::string fiducial;              // (n_s, *input_shape)
  std::string derivative;            // gradient: (n_d, *input_shape, n_params);
                                     // numerical: (n_d, 2, n_params, *input_shape)
  std::string validation_fiducial;   // optional, with validation_derivative
  std::string validation_derivative; // optional, with validation_fiducial
  // "auto": read the arrays a chunk at a time from disk when they do not fit
  // fit.memory_budget_mb, else load them; "on" / "off" force either (imnn/aggregate.h).
  std::string stream = "auto";
  bool empty() const { // the arrays only (stream is a setting)
    return fiducial.empty() && derivative.empty() && validation_fiducial.empty() &&
           validation_derivative.empty();
  }
};

struct PluginChoice {
  std::string plugin;
  nlohmann::json options = nlohmann::json::object();
  // Simulators only ("simulator": {"isolate": true, "timeout": s}): run the plugin's
  // simulations in child processes, a call that takes longer than timeout seconds
  // stopped (0: no limit). See imnn/plugin_host.h.
  bool isolate = false;
  double timeout = 0;
  SimulatorIsolation isolation() const {
    SimulatorIsolation s;
    s.isolate = isolate;
    s.timeout_s = timeout;
    return s;
  }
};

struct FitSettings {
  double lambda = 10.0;     // regulariser strength λ
  double epsilon = 0.1;     // closeness ε of the covariance to the identity
  int patience = 100;       // iterations without improvement (counted after min_iterations)
  int min_iterations = 100; // patience only counts after this many iterations
  int max_iterations = 100000;
  bool best = true; // keep the best (true) or the final (false) weights
  // Before the first iteration, make the network's summaries of the first training set
  // zero-mean and white through its last layer (Model::whiten_outputs; F is unchanged, the
  // regulariser starts at 0). Off is the reference's start: whitening rescales the last
  // layer by 1/sd, which slows Adam's relative steps there (README, fit.whiten_init).
  bool whiten_init = false;
  bool validation = true;   // fresh validation simulations each iteration
  Index n_validation = 0;   // validation simulations per iteration (0: n_s)
  Index n_validation_d = 0; // of which with derivatives (0: n_d)
  Index n_statistics = 0;   // fresh simulations for the final F at the kept weights (0: n_s)
  // Iterations between checkpoints in the run directory (0: none; imnn/checkpoint.h).
  int checkpoint_every = 100;
  // Memory the fit may keep for activations (one pass when the activations of every
  // chunk fit, else two; imnn/aggregate.h) and, with data.stream "auto", for arrays.
  double memory_budget_mb = 2048;
};

// A compute device (config key "devices"): kind "cpu" (the only one this build has),
// threads 0 for the config's `threads` (0: all hardware threads).
struct DeviceSpec {
  std::string kind = "cpu";
  int threads = 0;
  bool operator==(const DeviceSpec &) const = default;
};

struct RunConfig {
  std::string name = "run";
  // "auto" (the default), "simulator", "simulator-numerical", "gradient", "numerical".
  // resolve() replaces "auto" by the mode it picks and says why in mode_reason.
  std::string mode = "auto";
  std::string mode_reason;
  PluginChoice simulator; // plugin "" when not given (array modes)
  DataFiles data;
  PluginChoice network;
  Index n_s = 1000;
  Index n_d = 1000;
  Index n_summaries = 0;           // 0: n_params
  std::vector<double> theta_fid;   // empty: the simulator's default
  std::vector<double> delta_theta; // empty: the simulator's default
  nlohmann::json optimiser = nlohmann::json::object({{"name", "adam"}});
  FitSettings fit;
  std::uint64_t seed = 0;
  int threads = 0; // 0: all hardware threads
  // Devices the simulations are split over, n_per_device at a time (0: the whole set
  // as one chunk); the result does not depend on the split (imnn/aggregate.h). The
  // default 250 gives a device's threads chunks to work on in parallel (one worker
  // each) while fixing the arithmetic whatever the thread count.
  std::vector<DeviceSpec> devices{DeviceSpec{}};
  Index n_per_device = 250;
  std::vector<std::string> plugin_dirs; // extra plugin folders, searched first
  // The det F the fit should reach when it is known (e.g. analytic: 50 for the Gaussian
  // example); 0: unknown. Recorded in config.json and drawn as a line by the desktop app;
  // the fit itself does not use it.
  double expected_detF = 0;

  // Strict parse. Throws ConfigError("fit.patience", "...") etc.
  static RunConfig from_json(const nlohmann::json &j);
  // overrides: dotted keys set before parsing (`imnn fit --set KEY=VALUE`), so that
  // what depends on them (n_validation from n_s, say) follows.
  static RunConfig load(const std::filesystem::path &file,
                        const std::vector<std::pair<std::string, nlohmann::json>> &overrides = {});
  // Fills what depends on the plugins (θ_fid, δθ, n_summaries, optimiser defaults)
  // and checks the choices against them (plugins exist, lengths match n_params,
  // mode needs a Jacobian the plugin provides). Throws ConfigError.
  void resolve(const PluginRegistry &registry);
  nlohmann::json to_json() const;
  void check_network(const PluginRegistry &registry) const;
  void resolve_array_mode(const PluginRegistry &registry);
  bool array_mode() const { return mode == "gradient" || mode == "numerical"; }
};

// The run config's keys (dotted: "fit.patience"), once each: type, default (the
// struct's), range, unit, help and the reference name (config_schema.cpp). The parser
// takes its bounds from it; `imnn fit --set`, the README's key table and the app's
// fields derive from it.
const std::vector<OptionSpec> &run_config_specs();
// The row of one key; throws imnn::Error for a key the config does not have.
const OptionSpec &run_config_spec(const std::string &key);
// Sets a dotted key ("fit.patience") of a config JSON object to value, making the
// objects on the way (a "simulator": "name" shorthand becomes {"plugin": "name"}).
void set_config_key(nlohmann::json &config, const std::string &key, const nlohmann::json &value);

// The fitting modes (for messages and the CLI).
const std::vector<std::string> &fitting_modes();

// Picks the mode for mode "auto" from what the config provides, as the reference
// factory (imnn-spec §3.7): a simulator -> "simulator" when it provides the Jacobian,
// else "simulator-numerical" (needs simulator, so it waits for resolve() when null);
// data.fiducial + data.derivative -> "numerical" when delta_theta is given, else
// "gradient"; a simulator and data both, half a pair, or nothing -> ConfigError.
// Checks that an explicit mode has what it needs. Sets mode and mode_reason.
void select_mode(RunConfig &config, const SimulatorInfo *simulator);

} // namespace imnn

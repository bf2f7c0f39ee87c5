// Run configuration: the JSON a user writes (resources/examples/*.json), parsed
// strictly (unknown keys and wrong types are errors naming the key and the fix)
// and written back fully resolved (every default filled in) as config.json.
#pragma once

#include "imnn/nn.h"

#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace imnn {

class PluginRegistry;

struct PluginChoice {
  std::string plugin;
  nlohmann::json options = nlohmann::json::object();
};

struct FitSettings {
  double lambda = 10.0;     // regulariser strength λ
  double epsilon = 0.1;     // closeness ε of the covariance to the identity
  int patience = 100;       // iterations without improvement (counted after min_iterations)
  int min_iterations = 100; // patience only counts after this many iterations
  int max_iterations = 100000;
  bool best = true;         // keep the best (true) or the final (false) weights
  bool validation = true;   // fresh validation simulations each iteration
  Index n_validation = 0;   // validation simulations per iteration (0: n_s)
  Index n_validation_d = 0; // of which with derivatives (0: n_d)
  Index n_statistics = 0;   // fresh simulations for the final F at the kept weights (0: n_s)
  // Iterations between checkpoints in the run directory (0: none; imnn/checkpoint.h).
  int checkpoint_every = 100;
};

struct RunConfig {
  std::string name = "run";
  std::string mode = "simulator";
  PluginChoice simulator;
  PluginChoice network;
  Index n_s = 1000;
  Index n_d = 1000;
  Index n_summaries = 0;           // 0: n_params
  std::vector<double> theta_fid;   // empty: the simulator's default
  std::vector<double> delta_theta; // empty: the simulator's default
  nlohmann::json optimiser = nlohmann::json::object({{"name", "adam"}});
  FitSettings fit;
  std::uint64_t seed = 0;
  int threads = 0;                      // 0: all hardware threads
  std::vector<std::string> plugin_dirs; // extra plugin folders, searched first

  // Strict parse. Throws ConfigError("fit.patience", "...") etc.
  static RunConfig from_json(const nlohmann::json &j);
  static RunConfig load(const std::filesystem::path &file);
  // Fills what depends on the plugins (θ_fid, δθ, n_summaries, optimiser defaults)
  // and checks the choices against them (plugins exist, lengths match n_params,
  // mode needs a Jacobian the plugin provides). Throws ConfigError.
  void resolve(const PluginRegistry &registry);
  nlohmann::json to_json() const;
};

} // namespace imnn

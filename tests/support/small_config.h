// The small Gaussian fit the engine tests share: a simulator plugin (default the
// Gaussian example's) through an MLP 16x16, n_s 200, n_d 100, 2 threads, 150 fresh
// validation simulations per iteration and no early stop (patience 1000 from
// iteration 0); `patch` (a JSON merge patch) changes what a test needs.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

inline nlohmann::json
small_gaussian_config(const nlohmann::json &patch = nlohmann::json::object(),
                      const std::string &simulator = "gaussian_mean_variance") {
  nlohmann::json j = {
      {"simulator", simulator},
      {"network", {{"plugin", "mlp"}, {"options", {{"hidden", {16, 16}}}}}},
      {"n_s", 200},
      {"n_d", 100},
      {"threads", 2},
      {"fit",
       {{"patience", 1000}, {"min_iterations", 0}, {"max_iterations", 20}, {"n_validation", 150}}}};
  j.merge_patch(patch);
  return j;
}

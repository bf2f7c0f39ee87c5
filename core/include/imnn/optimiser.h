// Optimisers behind one interface (the reference's Adam defaults, and SGD).
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace imnn {

class Optimiser {
public:
  virtual ~Optimiser() = default;
  virtual std::string name() const = 0;
  // One minimisation step: w <- update(w, grad).
  virtual void step(std::vector<float> &w, const std::vector<float> &grad) = 0;
  // The fully resolved settings, as written to config.json.
  virtual nlohmann::json settings() const = 0;
  // Everything needed to continue bit for bit (moments, step counter).
  virtual nlohmann::json state() const = 0;
  virtual void restore(const nlohmann::json &state) = 0;
};

// settings: {"name": "adam", "learning_rate": 1e-3, "beta1": 0.9, "beta2": 0.999,
// "epsilon": 1e-8} or {"name": "sgd", "learning_rate": .., "momentum": 0}, both with
// an optional exponential decay of the learning rate (optax.exponential_decay):
// "decay_rate" (in (0, 1], default 1 = constant), "decay_steps" (1000), "decay_begin"
// (0), "end_learning_rate" (0, a floor). Missing
// keys take these defaults; unknown names or keys throw imnn::ConfigError naming
// the key under the prefix `optimiser`.
std::unique_ptr<Optimiser> make_optimiser(const nlohmann::json &settings, std::size_t n_parameters);

} // namespace imnn

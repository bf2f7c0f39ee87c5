// Optimisers: Adam (jax.example_libraries.optimizers / stax conventions, the
// reference's defaults) and SGD with optional momentum.
//
// Precision: the weights and the optimiser state (Adam's m and v, SGD's velocity) are
// stored in float; each update is computed in double from the stored floats and the
// float gradient, then rounded once to float. The state is therefore exactly what
// state() writes, and restore() continues bit for bit.
#include "imnn/optimiser.h"

#include "imnn/error.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <initializer_list>

namespace imnn {

namespace {

using nlohmann::json;

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

std::string join(std::initializer_list<const char *> keys) {
  std::string s;
  for (const char *k : keys)
    s += (s.empty() ? "" : ", ") + std::string(k);
  return s;
}

// Rejects keys outside `known`, naming the optimiser and the known keys.
void check_keys(const json &settings, const std::string &name,
                std::initializer_list<const char *> known) {
  for (const auto &item : settings.items()) {
    bool ok = false;
    for (const char *k : known)
      ok = ok || item.key() == k;
    if (!ok)
      throw ConfigError("optimiser." + item.key(),
                        "unknown key for " + name + "; known keys: " + join(known));
  }
}

enum class Range { positive, unit_interval, non_negative, unit_open }; // see kAllowed

double read_number(const json &settings, const char *key, double fallback, Range range) {
  static const char *kAllowed[] = {"a finite number > 0", "a number in [0, 1)",
                                   "a finite number >= 0", "a number in (0, 1]"};
  const std::string path = std::string("optimiser.") + key;
  const char *allowed = kAllowed[static_cast<int>(range)];
  const auto it = settings.find(key);
  if (it == settings.end()) return fallback;
  if (!it->is_number())
    throw ConfigError(path, std::string("expected ") + allowed + ", got " + it->dump());
  const double v = it->get<double>();
  bool ok = false;
  switch (range) {
  case Range::positive:
    ok = std::isfinite(v) && v > 0;
    break;
  case Range::unit_interval:
    ok = v >= 0 && v < 1;
    break;
  case Range::non_negative:
    ok = std::isfinite(v) && v >= 0;
    break;
  case Range::unit_open:
    ok = v > 0 && v <= 1;
    break;
  }
  if (!ok) throw ConfigError(path, std::string("must be ") + allowed + ", got " + num(v));
  return v;
}

// The learning rate as a function of the optimiser's step counter t (steps taken so
// far), optax.exponential_decay without staircase:
//   lr(t) = learning_rate                                        for t < decay_begin,
//   lr(t) = max(end, learning_rate * decay_rate^((t - decay_begin) / decay_steps)) after.
// decay_rate 1 (the default) is a constant rate, as the reference's examples. The
// schedule depends only on t, which the optimiser state holds, so a resumed fit
// follows it bit for bit.
class Schedule {
public:
  explicit Schedule(const json &settings)
      : lr_(read_number(settings, "learning_rate", 1e-3, Range::positive)),
        rate_(read_number(settings, "decay_rate", 1.0, Range::unit_open)),
        steps_(read_number(settings, "decay_steps", 1000.0, Range::positive)),
        begin_(read_number(settings, "decay_begin", 0.0, Range::non_negative)),
        end_(read_number(settings, "end_learning_rate", 0.0, Range::non_negative)) {
    if (end_ > lr_)
      throw ConfigError("optimiser.end_learning_rate",
                        "must not exceed learning_rate (" + num(lr_) + "), got " + num(end_));
  }
  double at(std::uint64_t t) const {
    const double td = static_cast<double>(t);
    if (rate_ == 1.0 || td < begin_) return lr_;
    return std::max(end_, lr_ * std::pow(rate_, (td - begin_) / steps_));
  }
  void write(json &j) const {
    j["learning_rate"] = lr_;
    j["decay_rate"] = rate_;
    j["decay_steps"] = steps_;
    j["decay_begin"] = begin_;
    j["end_learning_rate"] = end_;
  }

private:
  double lr_, rate_, steps_, begin_, end_;
};

void check_gradient(const std::vector<float> &w, const std::vector<float> &grad, std::size_t n,
                    const std::string &name) {
  if (w.size() != n || grad.size() != n)
    throw Error(name + " optimiser: expected " + std::to_string(n) +
                " weights and gradients, got " + std::to_string(w.size()) + " weights and " +
                std::to_string(grad.size()) + " gradients");
  for (std::size_t i = 0; i < n; ++i)
    if (!std::isfinite(grad[i]))
      throw NumericalError(name + " optimiser: the gradient is not finite at parameter " +
                           std::to_string(i) + "; the step was not applied");
}

// Reads one float vector of state, checking its presence, size and entries: every
// entry a finite float (a checkpoint edited with a recomputed checksum must not change
// the fit silently), and >= 0 where non_negative (Adam's second moments).
std::vector<float> read_vector(const json &state, const char *key, std::size_t n,
                               const std::string &name, bool non_negative = false) {
  const auto it = state.find(key);
  if (it == state.end() || !it->is_array())
    throw Error(name + " optimiser state: `" + key + "` is missing or not an array");
  if (it->size() != n)
    throw Error(name + " optimiser state: `" + key + "` has " + std::to_string(it->size()) +
                " entries but the model has " + std::to_string(n) +
                " parameters; the checkpoint belongs to a different network");
  std::vector<float> v(n);
  for (std::size_t i = 0; i < n; ++i) {
    const json &e = (*it)[i];
    if (!e.is_number())
      throw Error(name + " optimiser state: `" + key + "[" + std::to_string(i) +
                  "]` is not a number");
    v[i] = static_cast<float>(e.get<double>());
    if (!std::isfinite(v[i]) || (non_negative && v[i] < 0))
      throw Error(name + " optimiser state: `" + key + "[" + std::to_string(i) + "]` is " +
                  e.dump() + ", not a finite " + (non_negative ? "number >= 0" : "float") +
                  "; the checkpoint was altered or damaged");
  }
  return v;
}

std::uint64_t read_step(const json &state, const std::string &name) {
  if (!state.is_object())
    throw Error(name + " optimiser state: expected a JSON object, got " +
                std::string(state.type_name()));
  const auto n = state.find("name");
  if (n == state.end() || !n->is_string() || n->get<std::string>() != name)
    throw Error(name + " optimiser state: it was written by " +
                (n != state.end() && n->is_string() ? "the '" + n->get<std::string>() + "'"
                                                    : std::string("an unnamed")) +
                " optimiser; use the same optimiser to resume");
  const auto s = state.find("step");
  if (s == state.end() || !s->is_number_unsigned())
    throw Error(name + " optimiser state: `step` is missing or not a non-negative integer");
  return s->get<std::uint64_t>();
}

class Adam final : public Optimiser {
public:
  Adam(const json &settings, std::size_t n)
      : lr_(settings), beta1_(read_number(settings, "beta1", 0.9, Range::unit_interval)),
        beta2_(read_number(settings, "beta2", 0.999, Range::unit_interval)),
        eps_(read_number(settings, "epsilon", 1e-8, Range::positive)), m_(n, 0.0f), v_(n, 0.0f) {}

  std::string name() const override { return "adam"; }

  // m <- b1 m + (1 - b1) g;  v <- b2 v + (1 - b2) g^2;
  // w <- w - lr (m / (1 - b1^(t+1))) / (sqrt(v / (1 - b2^(t+1))) + eps),  t = steps so far.
  void step(std::vector<float> &w, const std::vector<float> &grad) override {
    check_gradient(w, grad, m_.size(), name());
    const double t1 = static_cast<double>(t_ + 1);
    const double bc1 = 1.0 - std::pow(beta1_, t1), bc2 = 1.0 - std::pow(beta2_, t1);
    const double lr = lr_.at(t_);
    for (std::size_t i = 0; i < w.size(); ++i) {
      const double g = grad[i];
      m_[i] = static_cast<float>(beta1_ * m_[i] + (1.0 - beta1_) * g);
      v_[i] = static_cast<float>(beta2_ * v_[i] + (1.0 - beta2_) * g * g);
      const double mhat = m_[i] / bc1, vhat = v_[i] / bc2;
      w[i] = static_cast<float>(w[i] - lr * mhat / (std::sqrt(vhat) + eps_));
    }
    ++t_;
  }

  json settings() const override {
    json j = {{"name", name()}, {"beta1", beta1_}, {"beta2", beta2_}, {"epsilon", eps_}};
    lr_.write(j);
    return j;
  }

  json state() const override { return {{"name", name()}, {"step", t_}, {"m", m_}, {"v", v_}}; }

  void restore(const json &state) override {
    const std::uint64_t t = read_step(state, name());
    std::vector<float> m = read_vector(state, "m", m_.size(), name());
    std::vector<float> v = read_vector(state, "v", v_.size(), name(), /*non_negative=*/true);
    t_ = t;
    m_ = std::move(m);
    v_ = std::move(v);
  }

private:
  Schedule lr_;
  double beta1_, beta2_, eps_;
  std::vector<float> m_, v_;
  std::uint64_t t_ = 0;
};

class Sgd final : public Optimiser {
public:
  Sgd(const json &settings, std::size_t n)
      : lr_(settings), momentum_(read_number(settings, "momentum", 0.0, Range::unit_interval)),
        velocity_(n, 0.0f) {}

  std::string name() const override { return "sgd"; }

  // velocity <- momentum velocity + g;  w <- w - lr velocity (jax optimizers.momentum);
  // momentum 0 is plain gradient descent.
  void step(std::vector<float> &w, const std::vector<float> &grad) override {
    check_gradient(w, grad, velocity_.size(), name());
    const double lr = lr_.at(t_);
    for (std::size_t i = 0; i < w.size(); ++i) {
      velocity_[i] = static_cast<float>(momentum_ * velocity_[i] + static_cast<double>(grad[i]));
      w[i] = static_cast<float>(w[i] - lr * velocity_[i]);
    }
    ++t_;
  }

  json settings() const override {
    json j = {{"name", name()}, {"momentum", momentum_}};
    lr_.write(j);
    return j;
  }

  json state() const override { return {{"name", name()}, {"step", t_}, {"velocity", velocity_}}; }

  void restore(const json &state) override {
    const std::uint64_t t = read_step(state, name());
    std::vector<float> v = read_vector(state, "velocity", velocity_.size(), name());
    t_ = t;
    velocity_ = std::move(v);
  }

private:
  Schedule lr_;
  double momentum_;
  std::vector<float> velocity_;
  std::uint64_t t_ = 0;
};

} // namespace

std::unique_ptr<Optimiser> make_optimiser(const nlohmann::json &settings,
                                          std::size_t n_parameters) {
  if (!settings.is_null() && !settings.is_object())
    throw ConfigError("optimiser",
                      "expected an object such as {\"name\": \"adam\"}, got " + settings.dump());
  const json s = settings.is_null() ? json::object() : settings;
  std::string name = "adam";
  if (const auto it = s.find("name"); it != s.end()) {
    if (!it->is_string())
      throw ConfigError("optimiser.name", "expected a string (adam or sgd), got " + it->dump());
    name = it->get<std::string>();
  }
  if (name == "adam") {
    check_keys(s, name,
               {"name", "learning_rate", "beta1", "beta2", "epsilon", "decay_rate", "decay_steps",
                "decay_begin", "end_learning_rate"});
    return std::make_unique<Adam>(s, n_parameters);
  }
  if (name == "sgd") {
    check_keys(s, name,
               {"name", "learning_rate", "momentum", "decay_rate", "decay_steps", "decay_begin",
                "end_learning_rate"});
    return std::make_unique<Sgd>(s, n_parameters);
  }
  throw ConfigError("optimiser.name", "unknown optimiser '" + name + "'; known: adam, sgd");
}

} // namespace imnn

// The inference options written once: each field of InferenceOptions with its type,
// default, range, unit, help and the reference imnn's name (imnn/option_schema.h), and
// the binding of each to its field. check_inference_options checks every value against
// this table; `imnn infer` makes its flags and help from it, the Python module its
// keywords, and README.md's table of inference options is this table (a test compares).
#include "imnn/inference.h"
#include "imnn/option_schema.h"

#include <cmath>
#include <variant>

namespace imnn::lfi {

namespace {

using Field =
    std::variant<std::string InferenceOptions::*, std::vector<double> InferenceOptions::*,
                 std::vector<long long> InferenceOptions::*, double InferenceOptions::*,
                 long long InferenceOptions::*, int InferenceOptions::*, bool InferenceOptions::*>;

struct Bound {
  OptionSpec spec;
  Field field;
};

using namespace option_builder;

const std::vector<Bound> &table() {
  using T = OptionType;
  using O = InferenceOptions;
  const InferenceOptions d; // the defaults are the struct's
  static const std::vector<Bound> t = {
      {choices(spec("method", T::choice, nullptr,
                    "ga (Gaussian approximation N(estimate, F^-1)), abc (rejection ABC) or pmc "
                    "(ABC population Monte Carlo)"),
               {"ga", "abc", "pmc"}),
       &O::method},
      {shown(spec("target", T::text, nullptr,
                  "observed data (.npy/.npz/.h5) of shape (*input_shape) or (1, *input_shape)"),
             "one of target, target_theta"),
       &O::target},
      {shown(spec("target_theta", T::numbers, nullptr,
                  "instead of target: simulate the target at these parameters with the run's "
                  "simulator plugin and options"),
             "one of target, target_theta"),
       &O::target_theta},
      {with_range(
           spec("target_seed", T::integer, d.target_seed, "seed of the target_theta simulation"),
           0.0, std::nullopt),
       &O::target_seed},
      {shown(spec("name", T::text, nullptr, "output folder under RUN_DIR/inference"), "the method"),
       &O::name},
      {spec("replace", T::flag, d.replace, "overwrite an existing output folder of that name"),
       &O::replace},
      {with_range(spec("threads", T::integer, d.threads, "compute threads (0: all cores)"), 0.0,
                  std::nullopt),
       &O::threads},
      {with_range(spec("seed", T::integer, d.seed, "seed of the prior draws and simulations"), 0.0,
                  std::nullopt),
       &O::seed},
      {choices(spec("prior", T::choice, d.prior,
                    "uniform on the box, or gaussian (prior_mean, prior_sd) truncated to it"),
               {"uniform", "gaussian"}),
       &O::prior},
      {shown(spec("prior_low", T::numbers, nullptr,
                  "lower edges of the prior box, one per parameter"),
             "the simulator plugin's"),
       &O::prior_low},
      {shown(spec("prior_high", T::numbers, nullptr,
                  "upper edges of the prior box, one per parameter"),
             "the simulator plugin's"),
       &O::prior_high},
      {shown(spec("prior_mean", T::numbers, nullptr, "means of the gaussian prior"),
             "required by prior gaussian"),
       &O::prior_mean},
      {with_range(
           shown(spec("prior_sd", T::numbers, nullptr, "standard deviations of the gaussian prior"),
                 "required by prior gaussian"),
           0.0, std::nullopt, true),
       &O::prior_sd},
      {with_range(spec("gridsize", T::integers, d.gridsize,
                       "marginal grid points, one for all parameters or one per parameter"),
                  2.0, std::nullopt),
       &O::gridsize},
      {with_range(spec("levels", T::numbers, d.levels,
                       "probability masses of the highest-density contours"),
                  0.0, 1.0, true),
       &O::levels},
      {unit(with_range(spec("smoothing", T::number, d.smoothing,
                            "Gaussian smoothing of the histograms (0: none)"),
                       0.0, std::nullopt),
            "bins"),
       &O::smoothing},
      {choices(spec("distance", T::choice, d.distance,
                    "fisher: sqrt(dθᵀ F dθ) between estimates, or euclidean", {"abc", "pmc"}),
               {"fisher", "euclidean"}),
       &O::distance},
      {reference(unit(with_range(shown(spec("epsilon", T::number_or_auto, "auto",
                                            "acceptance distance: draws closer than it are "
                                            "kept; auto: the accept_fraction quantile of the "
                                            "draws' distances",
                                            {"abc"}),
                                       "auto"),
                                 0.0, std::nullopt),
                      "Fisher units with distance fisher"),
                 "ϵ"),
       &O::epsilon},
      {with_range(spec("accept_fraction", T::number, d.accept_fraction,
                       "with epsilon auto: the fraction of the draws accepted", {"abc"}),
                  0.0, 1.0, true),
       &O::accept_fraction},
      {with_range(shown(spec("n_samples", T::integer, nullptr,
                             "abc: draws from the prior per iteration; ga: draws written as "
                             "samples",
                             {"abc", "ga"}),
                        "abc 1000000, ga 10000"),
                  1.0, std::nullopt),
       &O::n_samples},
      {with_range(spec("min_accepted", T::integer, d.min_accepted,
                       "iterate until this many draws are accepted (0: one batch; needs a "
                       "fixed epsilon)",
                       {"abc"}),
                  0.0, std::nullopt),
       &O::min_accepted},
      {with_range(spec("max_iterations", T::integer, d.max_iterations,
                       "most iterations of the min_accepted loop (a warning says when it ends "
                       "the loop first)",
                       {"abc"}),
                  1.0, std::nullopt),
       &O::max_iterations},
      {with_range(spec("n_points", T::integer, d.n_points, "population size", {"pmc"}), 2.0,
                  std::nullopt),
       &O::n_points},
      {with_range(spec("n_initial_points", T::integer, d.n_initial_points,
                       "initial prior draws, >= n_points (0: 10 x n_points)", {"pmc"}),
                  0.0, std::nullopt),
       &O::n_initial_points},
      {with_range(spec("percentile", T::number, d.percentile,
                       "points farther than this percentile of the distances move each "
                       "iteration",
                       {"pmc"}),
                  0.0, 100.0, true, true),
       &O::percentile},
      {with_range(spec("acceptance_ratio", T::number, d.acceptance_ratio,
                       "stop when an iteration's accepted/draws falls below this (the "
                       "reference's default is 0.1)",
                       {"pmc"}),
                  0.0, 1.0, true),
       &O::acceptance_ratio},
      {with_range(spec("max_iteration", T::integer, d.max_iteration,
                       "safety limit on the iterations (the reference's default is 10)", {"pmc"}),
                  0.0, std::nullopt),
       &O::max_iteration},
      {with_range(spec("max_acceptance", T::integer, d.max_acceptance,
                       "proposals per moved point per iteration (the reference's default is 1)",
                       {"pmc"}),
                  1.0, std::nullopt),
       &O::max_acceptance},
      {with_range(spec("max_samples", T::integer, d.max_samples,
                       "redraws of a proposal to land inside the prior box; a proposal that "
                       "finds none is abandoned",
                       {"pmc"}),
                  1.0, std::nullopt),
       &O::max_samples},
  };
  return t;
}

const Bound &bound(const std::string &key) {
  for (const auto &b : table())
    if (b.spec.key == key || (!b.spec.reference.empty() && b.spec.reference == key)) return b;
  std::string keys;
  for (const auto &b : table())
    keys += (keys.empty() ? "" : ", ") + b.spec.key;
  throw InferenceError(key, "unknown inference option `" + key + "`; the options are " + keys);
}

// The field's value as JSON: null where it is unset (empty text or list, or a negative
// sentinel that means "the default": epsilon auto, n_samples by method).
nlohmann::json get(const InferenceOptions &o, const Bound &b) {
  return std::visit(
      [&](auto member) -> nlohmann::json {
        const auto &v = o.*member;
        using V = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<V, std::string> || std::is_same_v<V, std::vector<double>> ||
                      std::is_same_v<V, std::vector<long long>>) {
          if (v.empty()) return nullptr;
          return v;
        } else if constexpr (std::is_same_v<V, bool>) {
          return v;
        } else {
          if (b.spec.type == OptionType::number_or_auto && v < 0) return "auto";
          if (b.spec.default_value.is_null() && v < 0) return nullptr;
          return v;
        }
      },
      b.field);
}

} // namespace

const std::vector<OptionSpec> &inference_option_specs() {
  static const std::vector<OptionSpec> specs = [] {
    std::vector<OptionSpec> s;
    for (const auto &b : table())
      s.push_back(b.spec);
    return s;
  }();
  return specs;
}

void set_inference_option(InferenceOptions &o, const std::string &key,
                          const nlohmann::json &value) {
  const Bound &b = bound(key);
  if (value.is_null()) { // null: the default again
    const InferenceOptions d;
    std::visit([&](auto member) { o.*member = d.*member; }, b.field);
    return;
  }
  nlohmann::json v;
  try {
    v = check_option_value(b.spec, value);
  } catch (const InferenceError &) {
    throw;
  } catch (const Error &e) {
    throw InferenceError(b.spec.key, e.what());
  }
  std::visit(
      [&](auto member) {
        auto &field = o.*member;
        using V = std::decay_t<decltype(field)>;
        if constexpr (std::is_same_v<V, double>)
          field = v.is_string() ? -1.0 : v.get<double>(); // number_or_auto: auto is -1
        else
          field = v.get<V>();
      },
      b.field);
}

void set_inference_option_text(InferenceOptions &o, const std::string &key,
                               const std::vector<std::string> &words) {
  const Bound &b = bound(key);
  nlohmann::json v;
  try {
    v = parse_option_text(b.spec, words);
  } catch (const Error &e) {
    throw InferenceError(b.spec.key, e.what());
  }
  set_inference_option(o, b.spec.key, v);
}

nlohmann::json inference_options_json(const InferenceOptions &o) {
  nlohmann::json j = nlohmann::json::object();
  for (const auto &b : table()) {
    nlohmann::json v = get(o, b);
    if (!v.is_null()) j[b.spec.key] = std::move(v);
  }
  return j;
}

void check_inference_option_values(const InferenceOptions &o) {
  for (const auto &b : table()) {
    // An option of another method is not used, so not checked (a front end may keep
    // every method's fields filled in).
    if (!b.spec.applies_to(o.method)) continue;
    const nlohmann::json v = get(o, b);
    if (v.is_null()) continue;
    try {
      (void)check_option_value(b.spec, v);
    } catch (const Error &e) {
      throw InferenceError(b.spec.key, e.what());
    }
  }
}

} // namespace imnn::lfi

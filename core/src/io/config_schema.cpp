// The run config's keys written once: each key with its type, range, unit, help, where it
// applies and the reference imnn's name (imnn/option_schema.h). The defaults are the
// RunConfig struct's (config.h), read through to_json(), so they too are written once.
// RunConfig::from_json takes its bounds from this table, `imnn fit --set KEY=VALUE`
// parses and checks its values with it, and README.md's key table is this table (a
// test compares).
#include "imnn/config.h"
#include "imnn/error.h"
#include "imnn/option_schema.h"

#include <climits>

namespace imnn {

namespace {

using namespace option_builder;

// The default of a dotted key in a default-constructed config.
nlohmann::json default_of(const std::string &key) {
  static const nlohmann::json defaults = [] {
    RunConfig c;
    nlohmann::json j = c.to_json();
    // to_json() leaves out what a default config does not have.
    j["simulator"] = {{"plugin", ""},
                      {"options", nlohmann::json::object()},
                      {"isolate", c.simulator.isolate},
                      {"timeout", c.simulator.timeout}};
    j["data"] = {{"fiducial", ""},
                 {"derivative", ""},
                 {"validation_fiducial", ""},
                 {"validation_derivative", ""},
                 {"stream", c.data.stream}};
    j["expected_detF"] = nullptr;
    return j;
  }();
  const nlohmann::json *v = &defaults;
  std::size_t begin = 0;
  while (true) {
    const std::size_t dot = key.find('.', begin);
    const std::string part = key.substr(begin, dot == std::string::npos ? dot : dot - begin);
    if (!v->is_object() || !v->contains(part))
      throw Error("config schema: no default for `" + key + "` (a bug)");
    v = &(*v)[part];
    if (dot == std::string::npos) return *v;
    begin = dot + 1;
  }
}

OptionSpec key(std::string name, OptionType type, std::string help,
               std::vector<std::string> groups = {}) {
  nlohmann::json d = default_of(name);
  return spec(std::move(name), type, std::move(d), std::move(help), std::move(groups));
}

const std::vector<std::string> kSimulatorModes = {"simulator", "simulator-numerical"};
const std::vector<std::string> kArrayModes = {"gradient", "numerical"};

} // namespace

const std::vector<OptionSpec> &run_config_specs() {
  using T = OptionType;
  static const std::vector<OptionSpec> t = {
      shown(key("format", T::text, "file format marker (written by the program)"),
            "imnn-studio-config"),
      with_range(key("version", T::integer, "config format version (this build reads 1)"), 1.0,
                 1.0),
      key("name", T::text,
          "the run's name: the run directory is runs/<name>-<date>-<time> (a name, not a path; "
          "--run-dir chooses the folder)"),
      choices(key("mode", T::choice,
                  "fitting mode; auto picks simulator when the plugin has a Jacobian, else "
                  "simulator-numerical, and gradient or numerical for arrays ([Fitting "
                  "modes](#fitting-modes))"),
              fitting_modes()),
      shown(key("mode_reason", T::text, "why auto picked the mode (written by the program)"),
            "written by the fit"),
      shown(key("simulator.plugin", T::text,
                "simulator plugin (\"simulator\": \"name\" is short for {\"plugin\": \"name\"})",
                kSimulatorModes),
            "none (array modes)"),
      key("simulator.options", T::json,
          "the simulator plugin's options (`imnn plugins` lists them)", kSimulatorModes),
      label(
          key("simulator.isolate", T::flag,
              "run the simulations in child processes: a crash, exit or hang stops the fit with a "
              "message instead of taking it down ([Simulator plugins](#simulator-plugins))",
              kSimulatorModes),
          "Isolate the simulator"),
      label(unit(with_range(key("simulator.timeout", T::number,
                                "with isolate: a call (one chunk) running longer is stopped (0: no "
                                "limit)",
                                kSimulatorModes),
                            0.0, std::nullopt),
                 "s"),
            "Call timeout"),
      reference(
          shown(
              key("data.fiducial", T::text,
                  "(n_s, *input_shape) array (paths relative to the config file; file.npz:member, "
                  "file.h5:/dataset allowed)",
                  kArrayModes),
              "none"),
          "fiducial"),
      reference(shown(key("data.derivative", T::text,
                          "gradient: (n_d, *input_shape, n_params); numerical: (n_d, 2, n_params, "
                          "*input_shape)",
                          kArrayModes),
                      "none"),
                "derivative"),
      reference(shown(key("data.validation_fiducial", T::text,
                          "optional fixed validation array, with data.validation_derivative",
                          kArrayModes),
                      "none"),
                "validation_fiducial"),
      reference(shown(key("data.validation_derivative", T::text,
                          "optional fixed validation derivatives, with data.validation_fiducial",
                          kArrayModes),
                      "none"),
                "validation_derivative"),
      choices(key("data.stream", T::choice,
                  "on reads the arrays a chunk at a time from disk (memory-mapped .npy, HDF5 "
                  "hyperslabs), off loads them, auto streams when they do not fit "
                  "fit.memory_budget_mb",
                  kArrayModes),
              {"auto", "on", "off"}),
      key("network.plugin", T::text,
          "network plugin: mlp, cnn, inception ([Network plugins](#network-plugins))"),
      key("network.options", T::json,
          "the network plugin's options, e.g. mlp: hidden, activation, negative_slope, alpha, "
          "output_size"),
      reference(
          with_range(key("n_s", T::integer, "simulations for the covariance"), 2.0, std::nullopt),
          "n_s"),
      reference(with_range(key("n_d", T::integer,
                               "simulations with derivatives (the first n_d of the n_s); n_d <= "
                               "n_s"),
                           1.0, std::nullopt),
                "n_d"),
      reference(shown(with_range(key("n_summaries", T::integer,
                                     "summaries the network outputs (0: n_params)"),
                                 0.0, std::nullopt),
                      "n_params"),
                "n_summaries"),
      reference(shown(key("theta_fid", T::numbers,
                          "fiducial parameters, one per parameter (required by the array "
                          "modes)"),
                      "the plugin's"),
                "θ_fid"),
      reference(shown(with_range(key("delta_theta", T::numbers,
                                     "finite-difference separations, one per parameter "
                                     "(simulator-numerical; its presence selects numerical "
                                     "for arrays)"),
                                 0.0, std::nullopt, true),
                      "the plugin's"),
                "δθ"),
      reference(key("optimiser", T::json,
                    "adam (learning_rate 1e-3, beta1 0.9, beta2 0.999, epsilon 1e-8) or sgd "
                    "(learning_rate, momentum); both take an exponential decay as optax's "
                    "exponential_decay: lr(t) = learning_rate · decay_rate^((t − "
                    "decay_begin)/decay_steps) after decay_begin steps, never below "
                    "end_learning_rate (defaults 1, 1000, 0, 0: constant)"),
                "optimiser"),
      reference(
          with_range(key("fit.lambda", T::number, "regulariser strength"), 0.0, std::nullopt, true),
          "λ"),
      reference(with_range(key("fit.epsilon", T::number, "closeness of C to the identity"), 0.0,
                           std::nullopt, true),
                "ϵ"),
      reference(unit(with_range(key("fit.patience", T::integer,
                                    "iterations without improvement of the validation det F "
                                    "before stopping, counted after min_iterations"),
                                1.0, INT_MAX),
                     "iterations"),
                "patience"),
      reference(unit(with_range(
                         key("fit.min_iterations", T::integer, "iterations before patience counts"),
                         0.0, INT_MAX),
                     "iterations"),
                "min_iterations"),
      reference(
          unit(with_range(key("fit.max_iterations", T::integer, "most iterations"), 1.0, INT_MAX),
               "iterations"),
          "max_iterations"),
      reference(label(key("fit.best", T::flag,
                          "keep the best (max validation det F) or the final weights"),
                      "Keep the best weights"),
                "best"),
      label(
          key("fit.whiten_init", T::flag,
              "before the first iteration, make the summaries of the first training set zero-mean "
              "and white through the last layer (F unchanged, the regulariser starts at 0); for "
              "networks whose initial summaries barely spread, e.g. after a global pool "
              "([the field example](#the-field-example-measured-det-f-its-cost-and-what-is-not-"
              "measured-yet))"),
          "Whitened start"),
      label(key("fit.validation", T::flag,
                "fresh validation simulations each iteration; their det F drives early stopping "
                "(array "
                "modes: the validation arrays; no validation without them)"),
            "Validate each iteration"),
      label(shown(with_range(key("fit.n_validation", T::integer,
                                 "validation simulations per iteration (0: n_s; array modes: the "
                                 "validation arrays' size)"),
                             0.0, std::nullopt),
                  "n_s"),
            "Validation simulations"),
      label(shown(with_range(key("fit.n_validation_d", T::integer,
                                 "of the validation simulations, those with derivatives (0: n_d)"),
                             0.0, std::nullopt),
                  "n_d"),
            "Validation derivatives"),
      label(shown(with_range(
                      key("fit.n_statistics", T::integer,
                          "fresh simulations (all with derivatives) for the final F, C, dμ/dθ, "
                          "μ at the kept weights (0: n_s)"),
                      0.0, std::nullopt),
                  "n_s"),
            "Final statistics simulations"),
      label(unit(with_range(key("fit.checkpoint_every", T::integer,
                                "iterations between checkpoints in the run directory (0: none)"),
                            0.0, INT_MAX),
                 "iterations"),
            "Checkpoint every"),
      unit(with_range(key("fit.memory_budget_mb", T::number,
                          "memory for activations: one pass when the activations of every chunk "
                          "fit, else two (recomputed); with data.stream auto also the limit for "
                          "loading arrays"),
                      0.0, std::nullopt, true),
           "MB"),
      reference(full_uint64(with_range(
                    key("seed", T::integer,
                        "one seed for the weights and every simulation, 0 to 2^64 - 1 "
                        "(counter-based: the result does not depend on threads, devices or "
                        "ranks)"),
                    0.0, std::nullopt)),
                "key, rng"),
      with_range(key("threads", T::integer, "compute threads (0: all cores)"), 0.0, 4096.0),
      key("devices", T::json,
          "devices the simulations are split over, e.g. [{\"kind\": \"cpu\", \"threads\": 0}] "
          "(threads 0 takes `threads`; cuda is refused with the reason) ([Devices and "
          "aggregation](#devices-and-aggregation))"),
      with_range(key("n_per_device", T::integer,
                     "simulations per chunk (0: the whole set as one chunk); chunk k runs on "
                     "device k mod the number of devices; the chunks, not the devices or "
                     "threads, fix the arithmetic"),
                 0.0, std::nullopt),
      label(key("plugin_dirs", T::texts,
                "extra plugin folders, searched first (relative to the config file)"),
            "Plugin folders"),
      label(shown(with_range(key("expected_detF", T::number,
                                 "the det F the fit should reach when it is known (the Gaussian "
                                 "example's analytic 50): drawn as a line by the app; the fit does "
                                 "not use it"),
                             0.0, std::nullopt, true),
                  "none"),
            "Expected det F"),
  };
  return t;
}

const OptionSpec &run_config_spec(const std::string &key) {
  for (const OptionSpec &s : run_config_specs())
    if (s.key == key) return s;
  throw Error("config: no key `" + key + "` (known keys: see `imnn fit --help` or README.md)");
}

} // namespace imnn

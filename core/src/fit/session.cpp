#include "imnn/session.h"

#include "imnn/error.h"

#include <Eigen/LU>
#include <cstdio>
#include <new>
#include <stdexcept>
#include <unistd.h>

namespace imnn {

namespace {

std::string gigabytes(double bytes) {
  char b[32];
  std::snprintf(b, sizeof b, "%.3g GB", bytes / 1e9);
  return b;
}

double physical_memory_bytes() {
  const long pages = ::sysconf(_SC_PHYS_PAGES), page = ::sysconf(_SC_PAGE_SIZE);
  return pages > 0 && page > 0 ? static_cast<double>(pages) * static_cast<double>(page) : 0.0;
}

} // namespace

void check_fit_memory(const RunConfig &c, Index input_size, Index n_params, double memory_bytes) {
  if (memory_bytes <= 0) memory_bytes = physical_memory_bytes();
  if (memory_bytes <= 0) return; // unknown: nothing to compare with
  const double q = static_cast<double>(c.n_summaries > 0 ? c.n_summaries : n_params);
  const double p = static_cast<double>(n_params), in = static_cast<double>(input_size);
  const std::string have = "; this machine has " + gigabytes(memory_bytes) + " of memory";
  // The network outputs of a set and the tangents of its derivative simulations are
  // kept in double for the Fisher statistics: a lower bound of what a set needs.
  auto set = [&](const std::string &key, Index n, Index n_d, const std::string &fix) {
    const double bytes =
        (static_cast<double>(n) + static_cast<double>(n_d) * p) * q * sizeof(double);
    if (bytes > memory_bytes)
      throw ConfigError(key, std::to_string(n) + " simulations ask for at least " +
                                 gigabytes(bytes) +
                                 " (the network outputs of its simulations and the tangents of "
                                 "those with derivatives, in double)" +
                                 have + ": " + fix);
  };
  set("n_s", c.n_s, c.n_d, "lower `n_s` (and `n_d`)");
  if (c.fit.validation) {
    const Index nv = c.fit.n_validation > 0 ? c.fit.n_validation : c.n_s;
    set("fit.n_validation", nv,
        std::min(nv, c.fit.n_validation_d > 0 ? c.fit.n_validation_d : c.n_d),
        "lower `fit.n_validation`");
  }
  const Index ns = c.fit.n_statistics > 0 ? c.fit.n_statistics : c.n_s;
  set("fit.n_statistics", ns, ns, "lower `fit.n_statistics`");
  // One chunk's network inputs in float: its simulations and their tangent (or finite-
  // difference) rows, n_per_device at a time (0: the whole set).
  const Index chunk = c.n_per_device > 0 ? std::min(c.n_per_device, c.n_s) : c.n_s;
  const double rows = static_cast<double>(chunk) * (1.0 + 2.0 * p);
  const double bytes = rows * in * sizeof(float);
  if (bytes > memory_bytes)
    throw ConfigError("n_per_device",
                      "a chunk of " + std::to_string(chunk) + " simulations of " +
                          std::to_string(input_size) +
                          " values each (the simulator's input shape with its options) and their "
                          "derivative rows asks for at least " +
                          gigabytes(bytes) + " of network inputs" + have +
                          ": lower `n_per_device` or the input size (simulator.options)");
}

PluginRegistry scan_plugins(const std::vector<std::string> &extra_folders) {
  PluginRegistry registry;
  std::vector<std::filesystem::path> folders(extra_folders.begin(), extra_folders.end());
  for (auto &p : PluginRegistry::default_search_paths())
    folders.push_back(p);
  registry.scan(folders);
  return registry;
}

FitSession prepare_fit(RunConfig config, std::shared_ptr<Communicator> comm) {
  auto registry = std::make_shared<PluginRegistry>(scan_plugins(config.plugin_dirs));
  return prepare_fit(std::move(config), std::move(registry), std::move(comm));
}

FitSession prepare_fit(RunConfig config, std::shared_ptr<PluginRegistry> registry,
                       std::shared_ptr<Communicator> comm) {
  FitSession s;
  s.registry = std::move(registry);
  config.resolve(*s.registry);
  config.network.options = s.registry->resolve_network_options(
      config.network.plugin, config.network.options, config.n_summaries);
  if (!config.array_mode())
    s.simulator = s.registry->create_simulator(config.simulator.plugin, config.simulator.options,
                                               config.simulator.isolation());
  auto source = make_simulation_source(config, s.simulator);
  check_fit_memory(config, source->input_size(), source->n_params());
  const auto too_big = [&] {
    return ConfigError("network.options",
                       "the network \"" + config.network.plugin + "\" with options " +
                           config.network.options.dump() + " for inputs of " +
                           std::to_string(source->input_size()) +
                           " values is too large for this machine's " +
                           gigabytes(physical_memory_bytes()) +
                           " of memory (its weights, their gradient and the optimiser's "
                           "state): make it smaller (e.g. `hidden`) or lower the input size");
  };
  Model model = [&] {
    try {
      return s.registry->build_network(config.network.plugin, config.network.options,
                                       source->input_shape(), config.n_summaries);
    } catch (const std::bad_alloc &) {
      throw too_big();
    } catch (const std::length_error &) { // larger than a container can be
      throw too_big();
    }
  }();
  // The weights, their gradient and the optimiser's moments: n_parameters floats and
  // three doubles each at least.
  const double weight_bytes =
      static_cast<double>(model.n_parameters()) * (sizeof(float) + 3 * sizeof(double));
  if (physical_memory_bytes() > 0 && weight_bytes > physical_memory_bytes()) throw too_big();
  try {
    s.fitter =
        std::make_unique<Fitter>(config, std::move(model), std::move(source), std::move(comm));
  } catch (const std::length_error &) {
    throw too_big();
  }
  s.config = std::move(config);
  return s;
}

nlohmann::json record_fit_result(const RunDirectory &run, const Fitter &fitter,
                                 const FitResult &result) {
  const RunConfig &config = fitter.config();
  nlohmann::json out;
  out["name"] = config.name;
  out["stop_reason"] = result.stop_reason;
  out["iterations"] = result.iterations;
  out["best_iteration"] = result.best_iteration;
  out["kept_weights"] = config.fit.best ? "best" : "final";
  // fit.whiten_init asked for it and the last layer allowed it (Model::whiten_outputs).
  out["whitened_init"] = fitter.whitened_init();
  out["seconds"] = result.seconds;
  out["iterations_per_second"] = result.seconds > 0 ? result.iterations / result.seconds : 0.0;
  out["max_detF"] = result.max_detF;
  out["aggregation"] = fitter.aggregation().to_json();
  if (result.has_statistics) {
    const auto &stats = result.statistics;
    const TrainedModel trained = fitter.trained_model(stats);
    out["detF"] = result.kept_train.detF;
    out["val_detF"] = stats.detF;
    out["val_detF_se"] = stats.detF_se; // jackknife over 20 groups of the simulations
    out["val_detC"] = stats.detC;
    out["val_detinvC"] = stats.detinvC;
    out["val_Lambda2"] = stats.Lambda2;
    out["val_r"] = stats.r;
    out["F"] = matrix_to_json(stats.F);
    out["invF"] = matrix_to_json(trained.invF);
    out["statistics_note"] = "val_detF and F are measured at the kept weights on "
                             "fit.n_statistics fresh simulations never "
                             "used for training or early stopping; val_detF_se is the "
                             "standard error of val_detF (jackknife over 20 groups of "
                             "those simulations)";
    run.write_model(trained);
  }
  run.write_result(out);
  return out;
}

nlohmann::json record_fit_error(const RunDirectory &run, const Fitter &fitter,
                                const std::string &error) {
  nlohmann::json out;
  out["name"] = fitter.config().name;
  out["error"] = error;
  out["iterations"] = static_cast<int>(fitter.history().size());
  run.write_result(out);
  return out;
}

} // namespace imnn

#include "imnn/session.h"

#include <Eigen/LU>

namespace imnn {

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
  Model model = s.registry->build_network(config.network.plugin, config.network.options,
                                          source->input_shape(), config.n_summaries);
  s.fitter = std::make_unique<Fitter>(config, std::move(model), std::move(source), std::move(comm));
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
  out["seconds"] = result.seconds;
  out["iterations_per_second"] = result.seconds > 0 ? result.iterations / result.seconds : 0.0;
  out["max_detF"] = result.max_detF;
  out["aggregation"] = fitter.aggregation().to_json();
  if (result.has_statistics) {
    const auto &stats = result.statistics;
    const TrainedModel trained = fitter.trained_model(stats);
    out["detF"] = result.kept_train.detF;
    out["val_detF"] = stats.detF;
    out["val_detC"] = stats.detC;
    out["val_detinvC"] = stats.detinvC;
    out["val_Lambda2"] = stats.Lambda2;
    out["val_r"] = stats.r;
    out["F"] = matrix_to_json(stats.F);
    out["invF"] = matrix_to_json(trained.invF);
    out["statistics_note"] = "val_detF and F are measured at the kept weights on "
                             "fit.n_statistics fresh simulations never "
                             "used for training or early stopping";
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

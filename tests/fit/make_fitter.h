// Builds a Fitter for a resolved config from the plugins of registry (the fit tests).
#pragma once

#include "imnn/fit.h"
#include "imnn/plugins.h"

#include <memory>

inline std::unique_ptr<imnn::Fitter> make_fitter(const imnn::PluginRegistry &registry,
                                                 const imnn::RunConfig &c) {
  auto sim = registry.create_simulator(c.simulator.plugin, c.simulator.options);
  auto model = registry.build_network(c.network.plugin, c.network.options, sim->input_shape(),
                                      c.n_summaries);
  return std::make_unique<imnn::Fitter>(c, std::move(model), sim);
}

// Cost of each fitting mode per iteration on the Gaussian example, and the one-pass
// vs two-pass speed-up of the aggregated fit (imnn/aggregate.h), side by side in one
// run. For each mode: the whole set as one chunk, then chunks of n_per_device with
// the activations kept (one pass) and recomputed (two passes, a budget below what
// one pass keeps). The array modes fit arrays made by the simulator at θ_fid.
// Usage: bench_modes [iterations=60] [threads=0] [n_per_device=250] [devices=1]
#include "imnn/arrays.h"
#include "imnn/config.h"
#include "imnn/fit.h"
#include "imnn/plugins.h"
#include "imnn/threads.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <unistd.h>
#include <vector>

using namespace imnn;
using clock_type = std::chrono::steady_clock;
namespace fs = std::filesystem;

namespace {

constexpr int kWarmup = 10;

struct Timing {
  double its = 0;
  AggregationInfo info;
};

// Iterations per second after kWarmup iterations.
Timing run(const RunConfig &config, const PluginRegistry &registry) {
  std::shared_ptr<Simulator> simulator;
  if (!config.array_mode())
    simulator = registry.create_simulator(config.simulator.plugin, config.simulator.options);
  auto source = make_simulation_source(config, simulator);
  Model model = registry.build_network(config.network.plugin, config.network.options,
                                       source->input_shape(), config.n_summaries);
  Fitter fitter(config, std::move(model), std::move(source));
  int done = 0;
  clock_type::time_point t0;
  fitter.add_observer([&](const IterationRecord &) {
    if (++done == kWarmup) t0 = clock_type::now();
  });
  fitter.fit();
  const double s = std::chrono::duration<double>(clock_type::now() - t0).count();
  return {(config.fit.max_iterations - kWarmup) / s, fitter.aggregation()};
}

} // namespace

int main(int argc, char **argv) {
  bound_openmp_spinning(argv); // as the imnn and imnn-studio executables
  const int iterations = argc > 1 ? std::atoi(argv[1]) : 60;
  const int threads = argc > 2 ? std::atoi(argv[2]) : 0;
  const Index n_per_device = argc > 3 ? std::atoi(argv[3]) : 250;
  const int n_devices = argc > 4 ? std::atoi(argv[4]) : 1;
  const int nthreads = configure_threads(threads);

  PluginRegistry registry;
  registry.scan({IMNN_PLUGIN_BUILD_DIR});
  RunConfig base = RunConfig::load(std::string(IMNN_SOURCE_DIR) +
                                   "/resources/examples/gaussian_mean_variance.json");
  base.threads = threads;
  base.fit.n_validation = 1000; // the reference's setting
  base.fit.n_validation_d = 1000;
  base.fit.n_statistics = 1000;
  base.fit.max_iterations = iterations;
  base.fit.patience = iterations + 1;
  base.fit.min_iterations = iterations;
  base.devices.assign(static_cast<std::size_t>(n_devices), DeviceSpec{"cpu", 0});

  // Arrays for the array modes: training and validation sets at θ_fid.
  const fs::path dir =
      fs::temp_directory_path() / ("imnn_bench_modes_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  auto simulator = registry.create_simulator(base.simulator.plugin, base.simulator.options);
  for (const auto kind : {DerivativeKind::tangent, DerivativeKind::finite_difference}) {
    const std::string tag = kind == DerivativeKind::tangent ? "grad_" : "num_";
    const std::vector<double> theta{0.0, 1.0}, delta{0.1, 0.1};
    const auto t = simulate_arrays(simulator, kind, theta, delta, 1, SeedStream::training,
                                   {base.n_s, base.n_d});
    const auto v =
        simulate_arrays(simulator, kind, theta, delta, 1, SeedStream::validation, {1000, 1000});
    save_npy(dir / (tag + "fiducial.npy"), t.fiducial_shape, t.fiducial.data());
    save_npy(dir / (tag + "derivative.npy"), t.derivative_shape, t.derivative.data());
    save_npy(dir / (tag + "validation_fiducial.npy"), v.fiducial_shape, v.fiducial.data());
    save_npy(dir / (tag + "validation_derivative.npy"), v.derivative_shape, v.derivative.data());
  }

  std::printf("bench_modes: Gaussian example (n_s %td, n_d %td, validation 1000), network mlp "
              "128x3, %d threads, %d device(s), %d timed iterations each\n",
              base.n_s, base.n_d, nthreads, n_devices, iterations - kWarmup);
  std::printf("  %-20s %14s %14s %14s %9s %11s\n", "mode", "whole set", "1 pass", "2 passes",
              "speed-up", "1-pass MB");
  for (const std::string mode : {"simulator", "simulator-numerical", "gradient", "numerical"}) {
    nlohmann::json j = base.to_json();
    j["mode"] = mode;
    if (mode == "gradient" || mode == "numerical") {
      const std::string tag = mode == "gradient" ? "grad_" : "num_";
      j.erase("simulator");
      j["data"] = {{"fiducial", (dir / (tag + "fiducial.npy")).string()},
                   {"derivative", (dir / (tag + "derivative.npy")).string()},
                   {"validation_fiducial", (dir / (tag + "validation_fiducial.npy")).string()},
                   {"validation_derivative", (dir / (tag + "validation_derivative.npy")).string()},
                   {"stream", "off"}};
      if (mode == "gradient") j["delta_theta"] = nlohmann::json::array();
    }
    j["mode_reason"] = "";
    RunConfig config = RunConfig::from_json(j);
    config.resolve(registry);
    const Timing whole = run(config, registry);
    config.n_per_device = n_per_device;
    const Timing one = run(config, registry);
    config.fit.memory_budget_mb = one.info.one_pass_mb / 2; // forces two passes
    const Timing two = run(config, registry);
    if (one.info.passes != 1 || two.info.passes != 2)
      std::fprintf(stderr, "unexpected passes %d / %d\n", one.info.passes, two.info.passes);
    std::printf("  %-20s %10.1f it/s %9.1f it/s %9.1f it/s %8.2fx %11.1f   (%td chunks of %td)\n",
                mode.c_str(), whole.its, one.its, two.its, one.its / two.its, one.info.one_pass_mb,
                one.info.chunks, one.info.n_per_device);
  }
  fs::remove_all(dir);
  return 0;
}

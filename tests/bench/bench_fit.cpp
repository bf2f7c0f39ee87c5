// Speed of the Gaussian example, measured side by side in one run:
//  1. fit iterations per second (training forward + backward + validation forward,
//     simulations included), with early stopping switched off;
//  2. the FLOPs one iteration needs, counted from the layer shapes;
//  3. the same GEMMs alone through the CPU backend (oneDNN matmul), giving the
//     iterations per second the GEMM rate allows, and the fraction reached.
//  4. the same fit as one chunk (n_per_device 0), its threads splitting every GEMM
//     and elementwise pass as one team, beside 1 (chunks of 250, one worker each).
// Usage: bench_fit [iterations=300] [threads=0] [n_validation=1000] [activation]
// (n_validation 1000 is the reference's setting; the example config uses 3000. The
// activation, e.g. leaky_relu for the reference's network, replaces the example's elu.)
#include "imnn/config.h"
#include "imnn/error.h"
#include "imnn/fit.h"
#include "imnn/nn.h"
#include "imnn/plugins.h"
#include "imnn/threads.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

using namespace imnn;
using clock_type = std::chrono::steady_clock;

namespace {

struct Gemm {
  bool ta, tb;
  Index m, n, k;
};

// The GEMMs of one iteration for dense layer sizes `sizes` (input .. output).
std::vector<Gemm> iteration_gemms(const std::vector<Index> &sizes, Index train_rows,
                                  Index val_rows) {
  std::vector<Gemm> g;
  for (std::size_t l = 0; l + 1 < sizes.size(); ++l) {
    const Index in = sizes[l], out = sizes[l + 1];
    g.push_back({false, false, train_rows, out, in});           // forward
    g.push_back({true, false, in, out, train_rows});            // weight gradient
    if (l > 0) g.push_back({false, true, train_rows, in, out}); // input gradient
    g.push_back({false, false, val_rows, out, in});             // validation forward
  }
  return g;
}

// Iterations per second of a fit (the first 20 iterations are warm-up).
double fit_rate(const RunConfig &config, Model model, std::shared_ptr<const Simulator> simulator) {
  Fitter fitter(config, std::move(model), std::move(simulator));
  int warm = 0;
  clock_type::time_point t_warm;
  fitter.add_observer([&](const IterationRecord &) {
    if (++warm == 20) t_warm = clock_type::now();
  });
  fitter.fit();
  const double fit_s = std::chrono::duration<double>(clock_type::now() - t_warm).count();
  return (config.fit.max_iterations - 20) / fit_s;
}

int number_arg(int argc, char **argv, int i, int fallback, int min) {
  if (argc <= i) return fallback;
  char *end = nullptr;
  const long v = std::strtol(argv[i], &end, 10);
  if (end == argv[i] || *end != '\0' || v < min) {
    std::fprintf(stderr,
                 "usage: bench_fit [iterations>=40 (300)] [threads>=0 (0: all)] "
                 "[n_validation>=0 (1000)] [activation (the example's)]\nbad argument %d: '%s'\n",
                 i, argv[i]);
    std::exit(2);
  }
  return static_cast<int>(v);
}

} // namespace

int main(int argc, char **argv) {
  bound_openmp_spinning(argv); // as the imnn and imnn-studio executables
  const int iterations = number_arg(argc, argv, 1, 300, 40);
  const int threads = number_arg(argc, argv, 2, 0, 0);
  const int nthreads = configure_threads(threads);

  RunConfig config = RunConfig::load(std::string(IMNN_SOURCE_DIR) +
                                     "/resources/examples/gaussian_mean_variance.json");
  config.threads = threads;
  config.fit.n_validation = number_arg(argc, argv, 3, 1000, 0);
  if (argc > 4) {
    try {
      (void)activation_from_name(argv[4]);
    } catch (const Error &e) {
      std::fprintf(stderr, "bench_fit: %s\n", e.what());
      return 2;
    }
    config.network.options["activation"] = argv[4];
    config.network.options.erase("negative_slope");
    config.network.options.erase("alpha");
  }
  config.fit.n_validation_d = config.fit.n_validation;
  config.fit.max_iterations = iterations;
  config.fit.patience = iterations + 1;
  config.fit.min_iterations = iterations;
  PluginRegistry registry;
  registry.scan({IMNN_PLUGIN_BUILD_DIR});
  config.resolve(registry);
  auto simulator = registry.create_simulator(config.simulator.plugin, config.simulator.options);
  auto make_model = [&] {
    return registry.build_network(config.network.plugin, config.network.options,
                                  simulator->input_shape(), config.n_summaries);
  };
  const Model model = make_model();
  std::vector<Index> sizes;
  for (const auto &layer : model.layers())
    if (layer->type() == "dense") {
      if (sizes.empty()) sizes.push_back(layer->input_size());
      sizes.push_back(layer->output_size());
    }
  const Index p = simulator->n_params();
  const Index train_rows = config.n_s + p * config.n_d;
  const Index val_rows = config.fit.n_validation + p * config.fit.n_validation_d;

  // 1. The fit.
  const double its = fit_rate(config, make_model(), simulator);

  // 2. FLOPs.
  const auto gemms = iteration_gemms(sizes, train_rows, val_rows);
  double flops = 0;
  for (const auto &g : gemms)
    flops += 2.0 * double(g.m) * double(g.n) * double(g.k);

  // 3. The same GEMMs alone.
  auto backend = make_cpu_backend(threads);
  std::vector<std::vector<float>> a, b, c;
  for (const auto &g : gemms) {
    a.emplace_back(std::size_t(g.m * g.k), 0.5f);
    b.emplace_back(std::size_t(g.k * g.n), 0.25f);
    c.emplace_back(std::size_t(g.m * g.n), 0.0f);
  }
  auto run_gemms = [&] {
    for (std::size_t i = 0; i < gemms.size(); ++i) {
      const auto &g = gemms[i];
      const Index lda = g.ta ? g.m : g.k, ldb = g.tb ? g.k : g.n;
      backend->gemm(g.ta, g.tb, g.m, g.n, g.k, a[i].data(), lda, b[i].data(), ldb, 0.0f,
                    c[i].data(), g.n);
    }
  };
  for (int i = 0; i < 20; ++i)
    run_gemms();
  const int reps = 200;
  const auto tg = clock_type::now();
  for (int i = 0; i < reps; ++i)
    run_gemms();
  const double gemm_s = std::chrono::duration<double>(clock_type::now() - tg).count() / reps;

  // 4. The same fit as one chunk (n_per_device 0): one team of nthreads threads
  //    splitting every GEMM and elementwise pass, instead of one worker per chunk.
  RunConfig whole = config;
  whole.n_per_device = 0;
  const double its_whole = fit_rate(whole, make_model(), simulator);

  std::printf("bench_fit: Gaussian example (n_s %td, n_d %td, validation %td), network", config.n_s,
              config.n_d, config.fit.n_validation);
  for (auto s : sizes)
    std::printf(" %td", s);
  std::printf(", %s, %d threads, backend %s\n",
              config.network.options.value("activation", std::string("?")).c_str(), nthreads,
              backend->name().c_str());
  std::printf("  fit:            %8.1f iterations/s  (%.3f ms/iteration, %d timed iterations; "
              "n_per_device %td)\n",
              its, 1e3 / its, iterations - 20, config.n_per_device);
  std::printf("  FLOPs/iter:     %8.1f MFLOP in %zu GEMMs (forward, weight and input gradients, "
              "validation forward)\n",
              flops / 1e6, gemms.size());
  std::printf("  GEMMs alone:    %8.3f ms/iteration = %.1f GFLOP/s -> bound %.1f iterations/s\n",
              gemm_s * 1e3, flops / gemm_s / 1e9, 1.0 / gemm_s);
  std::printf("  fit / GEMM bound: %.2f   (fit reaches %.1f GFLOP/s effective)\n", its * gemm_s,
              flops * its / 1e9);
  std::printf("  fit as one chunk (n_per_device 0, one team of %d threads): %.1f iterations/s "
              "-> the default is %.2fx that\n",
              nthreads, its_whole, its / its_whole);
  return 0;
}

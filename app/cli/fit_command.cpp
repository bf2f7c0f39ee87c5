#include "imnn/error.h"
#include "imnn/fit.h"
#include "imnn/plugins.h"
#include "imnn/run_directory.h"
#include "imnn/threads.h"

#include "commands.h"

#include <chrono>
#include <csignal>
#include <cstdio>
#include <ctime>
#include <iostream>
#include <mutex>
#include <thread>
#include <unistd.h>

namespace imnn::cli {

namespace {

volatile std::sig_atomic_t g_interrupted = 0;
void on_interrupt(int) {
  g_interrupted = 1;
}

std::string default_run_dir(const std::string &name) {
  const std::time_t now = std::time(nullptr);
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", std::localtime(&now));
  return "runs/" + name + "-" + stamp;
}

// The CLI's listener of the fit: a live progress line (redrawn in place on a
// terminal, one line per 100 iterations or 5 s otherwise).
class ProgressPrinter {
public:
  ProgressPrinter(int max_iterations, int patience, bool tty)
      : max_(max_iterations), patience_(patience), tty_(tty) {}

  void operator()(const IterationRecord &r) {
    using clock = std::chrono::steady_clock;
    const auto now = clock::now();
    const bool due =
        tty_ ? now - last_ > std::chrono::milliseconds(100)
             : (r.iteration_in_call + 1) % 100 == 0 || now - last_ > std::chrono::seconds(5);
    if (!due) return;
    last_ = now;
    const double rate = r.seconds > 0 ? (r.iteration_in_call + 1) / r.seconds : 0.0;
    char line[256];
    std::snprintf(line, sizeof line,
                  "iter %5d/%d  detF %7.3f  val_detF %7.3f  max %7.3f  Lambda2 %8.3g  r %6.3f  "
                  "patience %3d/%d  %6.1f it/s",
                  r.iteration_in_call + 1, max_, r.train.detF, r.val.detF, r.max_detF,
                  r.train.Lambda2, r.train.r, r.patience_counter, patience_, rate);
    if (tty_)
      std::fprintf(stderr, "\r%s\033[K", line);
    else
      std::fprintf(stderr, "%s\n", line);
    std::fflush(stderr);
    printed_ = true;
  }
  void finish() {
    if (tty_ && printed_) std::fprintf(stderr, "\n");
  }

private:
  int max_, patience_;
  bool tty_;
  bool printed_ = false;
  std::chrono::steady_clock::time_point last_{};
};

nlohmann::json matrix_json(const Eigen::MatrixXd &m) {
  nlohmann::json rows = nlohmann::json::array();
  for (Eigen::Index i = 0; i < m.rows(); ++i) {
    nlohmann::json row = nlohmann::json::array();
    for (Eigen::Index j = 0; j < m.cols(); ++j)
      row.push_back(m(i, j));
    rows.push_back(row);
  }
  return rows;
}

} // namespace

void add_fit_command(CLI::App &app, FitOptions &o) {
  auto *cmd = app.add_subcommand(
      "fit", "Fit an IMNN from a config file and write the run directory: config.json (resolved "
             "config), history.csv (one row per iteration, appended live), result.json "
             "(det F, validation det F, F, iterations, timing) and model.json (weights and "
             "Fisher statistics).");
  cmd->add_option("config", o.config,
                  "Run configuration (JSON), e.g. "
                  "resources/examples/gaussian_mean_variance.json")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("--run-dir", o.run_dir,
                  "Directory to write the run into; must not exist or be empty "
                  "(default: runs/<name>-<date>-<time>)");
  cmd->add_option("--max-iterations", o.max_iterations, "Override fit.max_iterations of the config")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--seed", o.seed, "Override the config's seed (weights and simulations)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--threads", o.threads, "Compute threads (0: all cores; default: the config's)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--plugin-dir", o.plugin_dirs,
                  "Extra plugin folder, searched first (repeatable)");
  cmd->add_flag("--quiet,-q", o.quiet, "No progress line; print only the final result");
}

int run_fit(const FitOptions &o) {
  try {
    RunConfig config = RunConfig::load(o.config);
    if (o.max_iterations > 0) config.fit.max_iterations = o.max_iterations;
    if (o.seed >= 0) config.seed = static_cast<std::uint64_t>(o.seed);
    if (o.threads >= 0) config.threads = o.threads;
    for (const auto &d : o.plugin_dirs)
      config.plugin_dirs.push_back(d);

    PluginRegistry registry;
    std::vector<std::filesystem::path> folders(config.plugin_dirs.begin(),
                                               config.plugin_dirs.end());
    for (auto &p : PluginRegistry::default_search_paths())
      folders.push_back(p);
    registry.scan(folders);
    config.resolve(registry);
    config.network.options = registry.resolve_network_options(
        config.network.plugin, config.network.options, config.n_summaries);

    auto simulator = registry.create_simulator(config.simulator.plugin, config.simulator.options);
    Model model = registry.build_network(config.network.plugin, config.network.options,
                                         simulator->input_shape(), config.n_summaries);
    RunDirectory run =
        RunDirectory::create(o.run_dir.empty() ? default_run_dir(config.name) : o.run_dir, config);
    const int threads = config.threads > 0 ? config.threads : hardware_threads();
    if (!o.quiet)
      std::fprintf(stderr,
                   "fitting '%s': simulator %s, network %s (%td parameters), n_s %td, n_d %td, "
                   "%d threads -> %s\n",
                   config.name.c_str(), config.simulator.plugin.c_str(),
                   config.network.plugin.c_str(), model.n_parameters(), config.n_s, config.n_d,
                   threads, run.path().c_str());

    Fitter fitter(config, std::move(model), simulator);
    ProgressPrinter progress(config.fit.max_iterations, config.fit.patience,
                             ::isatty(STDERR_FILENO) != 0);
    std::mutex io_error_mutex;
    std::string io_error;
    fitter.add_observer([&](const IterationRecord &r) {
      try {
        run.append(r);
      } catch (const Error &e) {
        std::lock_guard<std::mutex> lock(io_error_mutex);
        if (io_error.empty()) io_error = e.what();
      }
      if (!o.quiet) progress(r);
    });

    std::signal(SIGINT, on_interrupt);
    std::signal(SIGTERM, on_interrupt);
    FitResult result;
    std::string error;
    {
      BackgroundFit job(fitter);
      while (!job.finished()) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        bool stop = g_interrupted != 0;
        {
          std::lock_guard<std::mutex> lock(io_error_mutex);
          stop = stop || !io_error.empty();
        }
        if (stop) job.cancel();
      }
      try {
        result = job.wait();
      } catch (const std::exception &e) {
        error = e.what();
      }
    }
    progress.finish();
    if (!io_error.empty()) error = io_error;

    nlohmann::json out;
    out["name"] = config.name;
    if (!error.empty()) {
      // Keep what the run has: the history is on disk; save the kept weights too.
      out["error"] = error;
      out["iterations"] = static_cast<int>(fitter.history().size());
      run.write_result(out);
      std::fprintf(stderr, "error: the fit stopped: %s\nThe history so far is in %s\n",
                   error.c_str(), run.path().c_str());
      return 1;
    }
    const auto &stats = result.statistics;
    out["stop_reason"] = result.stop_reason;
    out["iterations"] = result.iterations;
    out["best_iteration"] = result.best_iteration;
    out["kept_weights"] = config.fit.best ? "best" : "final";
    out["seconds"] = result.seconds;
    out["iterations_per_second"] = result.seconds > 0 ? result.iterations / result.seconds : 0.0;
    out["max_detF"] = result.max_detF;
    if (result.has_statistics) {
      const TrainedModel trained = fitter.trained_model(stats);
      out["detF"] = result.kept_train.detF;
      out["val_detF"] = stats.detF;
      out["val_detC"] = stats.detC;
      out["val_detinvC"] = stats.detinvC;
      out["val_Lambda2"] = stats.Lambda2;
      out["val_r"] = stats.r;
      out["F"] = matrix_json(stats.F);
      out["invF"] = matrix_json(trained.invF);
      out["statistics_note"] = "val_detF and F are measured at the kept weights on "
                               "fit.n_statistics fresh simulations never "
                               "used for training or early stopping";
      run.write_model(trained);
    }
    run.write_result(out);
    if (result.has_statistics)
      std::printf("det F = %.4f (validation, kept %s weights; training %.4f) after %d iterations "
                  "in %.1f s (%.0f it/s, stopped by %s) -> %s\n",
                  stats.detF, config.fit.best ? "best" : "final", result.kept_train.detF,
                  result.iterations, result.seconds, out["iterations_per_second"].get<double>(),
                  result.stop_reason.c_str(), run.path().c_str());
    else
      std::printf("no iteration was run (%s) -> %s\n", result.stop_reason.c_str(),
                  run.path().c_str());
    return g_interrupted ? 130 : 0;
  } catch (const std::exception &e) {
    std::fprintf(stderr, "error: %s\n", e.what());
    return 1;
  }
}

} // namespace imnn::cli

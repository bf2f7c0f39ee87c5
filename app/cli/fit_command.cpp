#include "imnn/checkpoint.h"
#include "imnn/error.h"
#include "imnn/fit.h"
#include "imnn/json_reader.h"
#include "imnn/plugin_host.h"
#include "imnn/plugins.h"
#include "imnn/run_directory.h"
#include "imnn/session.h"
#include "imnn/threads.h"

#include "commands.h"
#include "interrupt.h"

#include <chrono>
#include <cstdio>
#include <iostream>
#include <mutex>
#include <new>
#include <optional>
#include <thread>
#include <unistd.h>

namespace imnn::cli {

namespace {

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

// The value of --set network.options.NAME=VALUE, simulator.options.NAME=VALUE or
// optimiser.NAME=VALUE (nullopt for other keys): JSON when it parses (8, 0.5, [8, 16], true,
// "text"), else the text as a string (elu). Digits with commas are refused rather than read as a
// string: "0,5" is a decimal comma or a list, and an option must not get either silently.
std::optional<nlohmann::json> single_option_override(const std::string &setting,
                                                     const std::string &key,
                                                     const std::string &text) {
  bool single_key = false;
  for (const std::string prefix : {"network.options.", "simulator.options.", "optimiser."})
    if (key.size() > prefix.size() && key.compare(0, prefix.size(), prefix) == 0)
      single_key = key.find('.', prefix.size()) == std::string::npos;
  if (!single_key) return std::nullopt;
  // accept() reads without building values (no recursion); the depth limit is
  // parse_json_text's.
  if (nlohmann::json::accept(text)) return parse_json_text(text, "--set " + key);
  const bool numeric_with_commas = text.find(',') != std::string::npos &&
                                   text.find_first_not_of("0123456789+-.eE, ") == std::string::npos;
  if (numeric_with_commas)
    throw Error("--set " + setting + ": '" + text +
                "' is neither a number nor a list; write numbers with a decimal point (0.5) "
                "and lists as JSON ([8, 16])");
  return nlohmann::json(text);
}

// --set KEY=VALUE: the key's row of the config schema reads the value (lists as
// words separated by commas or spaces, JSON for plugin options and devices). Paths
// typed on the command line are relative to the working folder.
std::vector<std::pair<std::string, nlohmann::json>>
config_overrides(const std::vector<std::string> &settings) {
  std::vector<std::pair<std::string, nlohmann::json>> out;
  for (const std::string &setting : settings) {
    const auto eq = setting.find('=');
    if (eq == std::string::npos || eq == 0)
      throw Error("--set " + setting + ": give KEY=VALUE, e.g. --set fit.patience=50");
    const std::string key = setting.substr(0, eq), text = setting.substr(eq + 1);
    // One option of a plugin or of the optimiser: network.options.NAME=VALUE,
    // simulator.options.NAME=VALUE, optimiser.NAME=VALUE. The plugin checks its option when
    // it is created, before any fitting; the config's parser checks the optimiser's.
    if (std::optional<nlohmann::json> v = single_option_override(setting, key, text)) {
      out.emplace_back(key, *v);
      continue;
    }
    const OptionSpec *spec = nullptr;
    for (const OptionSpec &s : run_config_specs())
      if (s.key == key) spec = &s;
    if (!spec) {
      std::string keys;
      for (const OptionSpec &s : run_config_specs())
        keys += (keys.empty() ? "" : ", ") + s.key;
      throw Error("--set " + setting + ": the config has no key `" + key + "`; keys: " + keys);
    }
    std::vector<std::string> words;
    const bool list = spec->type == OptionType::numbers || spec->type == OptionType::integers ||
                      spec->type == OptionType::texts;
    if (list) {
      std::string word;
      for (char c : text + ",") {
        if (c == ',' || c == ' ') {
          if (!word.empty()) words.push_back(word);
          word.clear();
        } else {
          word += c;
        }
      }
    } else {
      words.push_back(text);
    }
    nlohmann::json value;
    try {
      value = parse_option_text(*spec, words);
    } catch (const Error &e) {
      throw Error("--set " + setting + ": " + e.what());
    }
    const bool path = (key.rfind("data.", 0) == 0 && key != "data.stream") || key == "plugin_dirs";
    if (path && value.is_string() && !value.get<std::string>().empty())
      value = std::filesystem::absolute(value.get<std::string>()).lexically_normal().string();
    if (path && value.is_array())
      for (auto &d : value)
        d = std::filesystem::absolute(d.get<std::string>()).lexically_normal().string();
    out.emplace_back(key, value);
  }
  return out;
}

// A new run from the config file, or (--resume) a run continued from its checkpoint.
// Under MPI every rank builds the same Fitter; rank 0 alone creates the directory.
ResumedRun start_run(const FitOptions &o, const std::shared_ptr<Communicator> &comm) {
  if (!o.resume.empty()) return resume_run(o.resume, o.plugin_dirs, o.threads, comm);
  if (o.config.empty())
    throw Error("give a config file to start a fit (e.g. imnn fit "
                "resources/examples/gaussian_mean_variance.json) or --resume RUN_DIR to "
                "continue one");
  RunConfig config = RunConfig::load(o.config, config_overrides(o.set));
  if (o.max_iterations > 0) config.fit.max_iterations = o.max_iterations;
  if (o.seed >= 0) config.seed = static_cast<std::uint64_t>(o.seed);
  if (o.threads >= 0) config.threads = o.threads;
  if (o.isolate_simulator) {
    if (config.simulator.plugin.empty())
      throw Error("--isolate-simulator runs a simulator plugin in child processes, but " +
                  o.config + " names no simulator (an array-mode config): drop the flag");
    config.simulator.isolate = true;
  }
  for (const auto &d : o.plugin_dirs)
    config.plugin_dirs.push_back(d);
  FitSession session = prepare_fit(std::move(config), comm);
  const std::string dir =
      o.run_dir.empty() ? default_run_directory(session.config.name) : o.run_dir;
  if (comm->rank() != 0) // rank 0 names the directory (its clock) and says so later
    return ResumedRun{std::move(session), RunDirectory::attach(dir), 0};
  RunDirectory run = RunDirectory::create(dir, session.config);
  return ResumedRun{std::move(session), std::move(run), 0};
}

} // namespace

void add_fit_command(CLI::App &app, FitOptions &o) {
  auto *cmd = app.add_subcommand(
      "fit", "Fit an IMNN from a config file and write the run directory: config.json (resolved "
             "config), history.csv (one row per iteration, appended live), result.json "
             "(det F, validation det F, F, iterations, timing), model.json (weights and "
             "Fisher statistics) and checkpoint/ (every fit.checkpoint_every iterations).");
  auto *config = cmd->add_option("config", o.config,
                                 "Run configuration (JSON), e.g. "
                                 "resources/examples/gaussian_mean_variance.json")
                     ->check(CLI::ExistingFile);
  auto *run_dir = cmd->add_option("--run-dir", o.run_dir,
                                  "Directory to write the run into; must not exist or be empty "
                                  "(default: runs/<name>-<date>-<time>)");
  auto *max_it = cmd->add_option("--max-iterations", o.max_iterations,
                                 "Override fit.max_iterations: " +
                                     run_config_spec("fit.max_iterations").long_help())
                     ->check(CLI::PositiveNumber);
  auto *seed = cmd->add_option("--seed", o.seed,
                               "Override the config's seed: " + run_config_spec("seed").long_help())
                   ->check(CLI::NonNegativeNumber);
  std::string keys;
  for (const OptionSpec &s : run_config_specs())
    if (s.key != "format" && s.key != "version" && s.key != "mode_reason")
      keys += (keys.empty() ? "" : ", ") + s.key;
  auto *set =
      cmd->add_option(
             "--set", o.set,
             "Set a config key, KEY=VALUE (repeatable), checked as the config "
             "file's keys are, e.g. --set fit.patience=50 --set "
             "theta_fid=0,1 --set 'network.options={\"hidden\": [64, 64]}'; one plugin option "
             "with network.options.NAME=VALUE or simulator.options.NAME=VALUE, one optimiser "
             "setting with optimiser.NAME=VALUE "
             "(VALUE as JSON, or a word), e.g. --set "
             "network.options.activation=elu --set simulator.options.N=64 --set "
             "optimiser.decay_steps=600. "
             "Keys (README's table has types, defaults and ranges): " +
                 keys)
          ->type_name("KEY=VALUE");
  cmd->add_option("--resume", o.resume,
                  "Continue the killed, interrupted or failed run in this directory from its "
                  "last checkpoint, with the run's own config.json (give no config file); the "
                  "history equals that of an uninterrupted run")
      ->check(CLI::ExistingDirectory)
      ->excludes(config)
      ->excludes(run_dir)
      ->excludes(max_it)
      ->excludes(seed)
      ->excludes(set);
  cmd->add_option("--threads", o.threads,
                  "Override the config's threads: " + run_config_spec("threads").long_help())
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--plugin-dir", o.plugin_dirs,
                  "Extra plugin folder, searched first (repeatable)");
  auto *isolate =
      cmd->add_flag("--isolate-simulator", o.isolate_simulator,
                    "Run the simulator plugin in child processes (config simulator.isolate): a "
                    "plugin that crashes, exits or hangs stops the fit with a message naming "
                    "it, and the run resumes once it is fixed");
  isolate->excludes("--resume");
  cmd->add_option("--stop-grace", o.stop_grace,
                  "Seconds the fit has to stop after Ctrl-C or SIGTERM before the process "
                  "ends without its final checkpoint (the last periodic one is kept); a "
                  "second Ctrl-C ends it at once; 0: wait without limit")
      ->check(CLI::NonNegativeNumber);
  cmd->add_flag("--quiet,-q", o.quiet, "No progress line; print only the final result");
}

int run_fit(const FitOptions &options, const std::shared_ptr<Communicator> &comm) {
  // Under MPI rank 0 alone prints and writes; an error every rank shares (agreed on)
  // is printed by rank 0, one only this rank has ends every rank (MPI_Abort).
  const bool lead = comm->rank() == 0;
  FitOptions o = options;
  if (!lead) o.quiet = true;
  try {
    std::optional<ResumedRun> start;
    std::exception_ptr start_error;
    try {
      start.emplace(start_run(o, comm));
    } catch (...) {
      start_error = std::current_exception();
    }
    agree_on_error(*comm, start_error);
    ResumedRun &started = *start;
    if (comm->size() > 1) { // rank 0's directory name (a default one has its clock in it)
      const std::string dir = comm->broadcast(started.run.path().string(), 0);
      if (!lead) started.run = RunDirectory::attach(dir);
    }
    const RunConfig &resolved = started.session.config;
    Fitter &fitter = *started.session.fitter;
    RunDirectory &run = started.run;
    enable_checkpoints(fitter, run.path());
    if (!o.quiet && comm->size() > 1) {
      const auto &chunks = fitter.aggregation().chunks;
      std::fprintf(stderr, "MPI: %d ranks; rank 0 writes the run\n", comm->size());
      if (chunks < comm->size() * static_cast<Index>(resolved.devices.size()))
        std::fprintf(stderr,
                     "warning: %td chunks for %d ranks: some ranks have no simulations to run; "
                     "set n_per_device to at most n_s / ranks (now %td) to use them all\n",
                     static_cast<std::ptrdiff_t>(chunks), comm->size(),
                     static_cast<std::ptrdiff_t>(fitter.aggregation().n_per_device));
    }
    const int threads = resolved.threads > 0 ? resolved.threads : hardware_threads();
    if (!o.quiet && !o.resume.empty())
      std::fprintf(stderr, "resuming '%s' from its checkpoint: %d of its iterations done\n",
                   resolved.name.c_str(), started.iterations_done);
    if (!o.quiet)
      std::fprintf(stderr,
                   "fitting '%s': mode %s (%s), %s %s, network %s (%td parameters), n_s %td, "
                   "n_d %td, %d threads -> %s\n",
                   resolved.name.c_str(), resolved.mode.c_str(), resolved.mode_reason.c_str(),
                   resolved.array_mode() ? "data" : "simulator",
                   resolved.array_mode() ? resolved.data.fiducial.c_str()
                                         : resolved.simulator.plugin.c_str(),
                   resolved.network.plugin.c_str(), fitter.model().n_parameters(), resolved.n_s,
                   resolved.n_d, threads, run.path().c_str());
    if (!o.quiet) std::fprintf(stderr, "work split: %s\n", fitter.aggregation().summary().c_str());

    ProgressPrinter progress(resolved.fit.max_iterations, resolved.fit.patience,
                             ::isatty(STDERR_FILENO) != 0);
    std::mutex io_error_mutex;
    std::string io_error;
    fitter.add_observer([&](const IterationRecord &r) {
      if (!lead) return;
      try {
        run.append(r);
      } catch (const Error &e) {
        std::lock_guard<std::mutex> lock(io_error_mutex);
        if (io_error.empty()) io_error = e.what();
      }
      if (!o.quiet) progress(r);
    });

    const InterruptGuard interrupt(
        lead ? "The run in " + run.path().string() +
                   " keeps its history and its last periodic checkpoint (every " +
                   std::to_string(resolved.fit.checkpoint_every) +
                   " iterations); continue with `imnn fit --resume " + run.path().string() +
                   "`. A simulator plugin that can hang runs safely with "
                   "--isolate-simulator (and simulator.timeout).\n"
             : std::string(),
        o.stop_grace, o.quiet);
    imnn::request_plugin_cancel(false);
    FitResult result;
    std::string error;
    {
      BackgroundFit job(fitter);
      bool said_stopping = false;
      while (!job.finished()) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        bool stop = InterruptGuard::interrupted();
        if (stop && !said_stopping && lead && comm->size() > 1) {
          // Said at once: when mpirun sends SIGTERM because a rank died, the other
          // ranks wait for it in a collective and are killed before they can end.
          std::fprintf(stderr,
                       "stopping: a signal reached rank 0; the ranks end after the iteration "
                       "in progress and checkpoint it. If the job ends first (a rank was "
                       "lost), continue from the last periodic checkpoint with `imnn fit "
                       "--resume %s` under any number of ranks\n",
                       run.path().c_str());
          std::fflush(stderr);
          said_stopping = true;
        }
        {
          std::lock_guard<std::mutex> lock(io_error_mutex);
          stop = stop || !io_error.empty();
        }
        if (stop) {
          imnn::request_plugin_cancel(true); // host->is_cancelled() of ABI 2 plugins
          job.cancel();
        }
      }
      try {
        result = job.wait();
      } catch (const std::bad_alloc &) {
        error = "out of memory (std::bad_alloc): the fit asked for more memory than this "
                "machine could give; lower n_s, n_per_device or fit.memory_budget_mb (or the "
                "network's size)";
      } catch (const std::exception &e) {
        error = e.what();
      }
    }
    progress.finish();
    if (!io_error.empty()) error = io_error;

    // Every error out of fit() is every rank's: the aggregator agrees on the errors of
    // the simulations and the network, and the loss and the steps are the same on
    // every rank. Rank 0 records and says it; the others wait for it (a rank that ends
    // with an error first makes mpirun end the job).
    const auto done = [&](int code) {
      if (comm->size() > 1) (void)comm->any(false);
      return code;
    };
    if (!error.empty() && !lead) return done(1);
    if (!error.empty()) {
      // Keep what the run has: the history is on disk.
      record_fit_error(run, fitter, error);
      const std::string saved = save_final_checkpoint(run.path(), fitter);
      std::error_code ec;
      if (std::filesystem::is_regular_file(checkpoint_file(run.path()), ec))
        std::fprintf(stderr,
                     "error: the fit stopped: %s\nThe history so far is in %s (%s); once the "
                     "cause is fixed, continue with `imnn fit --resume %s`\n",
                     error.c_str(), run.path().c_str(), saved.c_str(), run.path().c_str());
      else // --resume would only say there is nothing to resume
        std::fprintf(stderr, "error: the fit stopped: %s\nThe history so far is in %s (%s)\n",
                     error.c_str(), run.path().c_str(), saved.c_str());
      return done(1);
    }
    const bool cancelled = result.stop_reason == "cancelled";
    if (!lead) return done(InterruptGuard::interrupted() || cancelled ? 130 : 0);
    const nlohmann::json out = record_fit_result(run, fitter, result);
    const std::string saved = save_final_checkpoint(run.path(), fitter);
    if (result.stop_reason == "cancelled")
      std::fprintf(stderr, "interrupted (%s); continue with `imnn fit --resume %s`\n",
                   saved.c_str(), run.path().c_str());
    const auto &stats = result.statistics;
    if (result.has_statistics)
      std::printf("det F = %.4f +- %.3g (validation, kept %s weights; training %.4f) after %d "
                  "iterations in %.1f s (%.0f it/s, stopped by %s) -> %s\n",
                  stats.detF, stats.detF_se, resolved.fit.best ? "best" : "final",
                  result.kept_train.detF, result.iterations, result.seconds,
                  out["iterations_per_second"].get<double>(), result.stop_reason.c_str(),
                  run.path().c_str());
    else
      std::printf("no iteration was run (%s) -> %s\n", result.stop_reason.c_str(),
                  run.path().c_str());
    return done(InterruptGuard::interrupted() || cancelled ? 130 : 0);
  } catch (const std::exception &e) {
    if (comm->size() > 1 && e.what() != comm->agreed_error()) {
      // This rank's alone: the others may wait for it in a collective.
      std::fprintf(stderr, "error: rank %d: %s\n", comm->rank(), e.what());
      comm->abort(1);
    }
    if (lead) std::fprintf(stderr, "error: %s\n", e.what());
    if (comm->size() > 1) (void)comm->any(false); // the others wait until rank 0 said it
    return 1;
  }
}

} // namespace imnn::cli

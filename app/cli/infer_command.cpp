// `imnn infer ga|abc|pmc RUN_DIR`: likelihood-free inference with a trained IMNN
// (imnn-spec §4) through the engine's driver (imnn/inference.h): the target
// compressed to its quasi-ML estimate, the Gaussian approximation, ABC or population
// Monte Carlo with simulations from the run's simulator plugin, and the results
// written to RUN_DIR/inference/<name>/. This file maps flags to options and back.
#include "imnn/error.h"
#include "imnn/inference.h"
#include "imnn/session.h"

#include "commands.h"

#include <atomic>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <optional>
#include <regex>
#include <string>
#include <unistd.h>

namespace imnn::cli {

namespace {

std::atomic<bool> g_cancel{false};
void on_interrupt(int) {
  g_cancel.store(true);
}

// The engine names options by their field in backquotes (`n_samples`); on the
// command line they are flags (--n-samples).
std::string with_flags(const std::string &message) {
  static const std::regex field("`([a-z_]+)`");
  std::string out;
  auto begin = std::sregex_iterator(message.begin(), message.end(), field);
  std::size_t last = 0;
  for (auto it = begin; it != std::sregex_iterator(); ++it) {
    std::string flag = (*it)[1].str();
    for (char &c : flag)
      if (c == '_') c = '-';
    out += message.substr(last, static_cast<std::size_t>(it->position()) - last) + "--" + flag;
    last = static_cast<std::size_t>(it->position() + it->length());
  }
  return out + message.substr(last);
}

// The progress line: redrawn in place on a terminal, one line per 2 s otherwise.
class Progress {
public:
  explicit Progress(bool quiet) : quiet_(quiet), tty_(::isatty(STDERR_FILENO) != 0) {}
  void operator()(double fraction, const std::string &message) {
    if (quiet_) return;
    const auto now = std::chrono::steady_clock::now();
    const bool final = fraction >= 1.0;
    if (!final && now - last_ < (tty_ ? std::chrono::milliseconds(100) : std::chrono::seconds(2)))
      return;
    last_ = now;
    if (tty_)
      std::fprintf(stderr, "\r[%3.0f%%] %s\033[K", 100.0 * fraction, message.c_str());
    else
      std::fprintf(stderr, "[%3.0f%%] %s\n", 100.0 * fraction, message.c_str());
    std::fflush(stderr);
    printed_ = true;
  }
  void finish() {
    if (tty_ && printed_) std::fprintf(stderr, "\n");
  }

private:
  bool quiet_, tty_;
  bool printed_ = false;
  std::chrono::steady_clock::time_point last_{};
};

} // namespace

void add_infer_command(CLI::App &app, InferOptions &o) {
  auto *cmd = app.add_subcommand(
      "infer",
      "Likelihood-free inference with a trained IMNN: ga (Gaussian approximation N(estimate, "
      "F^-1)), abc (rejection ABC) or pmc (ABC population Monte Carlo). Writes "
      "RUN_DIR/inference/<name>/: samples, weights, distances, summaries (.npy), marginals "
      "(.npy + marginals.json with ranges and HPD levels), result.json and a GetDist root. "
      "Defaults: abc draws 1 000 000 and accepts the closest 0.1% (--epsilon auto); pmc runs "
      "until its acceptance falls below --acceptance-ratio. When a limit stops abc or pmc "
      "first, a warning names the option to raise and result.json has \"converged\": false.");
  cmd->add_option("method", o.method, "ga, abc or pmc")
      ->required()
      ->check(CLI::IsMember({"ga", "abc", "pmc"}));
  cmd->add_option("run", o.run, "Run directory written by `imnn fit`")->required();
  cmd->add_option("--target", o.target,
                  "Observed data (.npy/.npz/.h5) of shape (*input_shape) or (1, *input_shape)");
  cmd->add_option("--target-theta", o.target_theta,
                  "Instead of --target: simulate the target at these parameters with the run's "
                  "simulator plugin and options");
  cmd->add_option("--target-seed", o.target_seed, "Seed of the --target-theta simulation (0)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--name", o.name, "Output folder name under RUN_DIR/inference (the method)");
  cmd->add_flag("--replace", o.replace, "Overwrite an existing output folder of that name");
  cmd->add_option("--seed", o.seed, "Seed of the prior draws and simulations (0)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--threads", o.threads, "Compute threads (0: all cores)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--plugin-dir", o.plugin_dirs, "Extra plugin folder, searched first");
  cmd->add_flag("--quiet,-q", o.quiet, "No progress line");
  cmd->add_option("--prior", o.prior, "uniform (default: the simulator plugin's box) or gaussian")
      ->check(CLI::IsMember({"uniform", "gaussian"}));
  cmd->add_option("--prior-low", o.prior_low, "Lower bounds of the prior box (one per parameter)");
  cmd->add_option("--prior-high", o.prior_high,
                  "Upper bounds of the prior box (one per parameter)");
  cmd->add_option("--prior-mean", o.prior_mean, "Gaussian prior means (with --prior gaussian)");
  cmd->add_option("--prior-sd", o.prior_sd, "Gaussian prior sds (with --prior gaussian)");
  cmd->add_option("--gridsize", o.gridsize, "Marginal grid points, one or one per parameter (100)");
  cmd->add_option("--levels", o.levels, "Highest-density masses of the levels (0.68 0.95)");
  cmd->add_option("--smoothing", o.smoothing, "Gaussian smoothing of histograms, in bins (0)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--distance", o.distance,
                  "fisher: sqrt(dθᵀ F dθ) between estimates (default), or euclidean")
      ->check(CLI::IsMember({"fisher", "euclidean"}));
  cmd->add_option_function<std::string>(
         "--epsilon",
         [&o](const std::string &v) {
           if (v == "auto") {
             o.epsilon = -1;
             return;
           }
           std::size_t used = 0;
           double e = NAN;
           try {
             e = std::stod(v, &used);
           } catch (const std::exception &) {
             used = 0;
           }
           if (used != v.size() || !(e >= 0.0) || !std::isfinite(e))
             throw CLI::ValidationError("--epsilon", "'" + v + "': give auto or a distance >= 0");
           o.epsilon = e;
         },
         "abc: acceptance distance, draws with ρ < ε are kept; auto (default): the "
         "--accept-fraction quantile of the draws' distances")
      ->type_name("auto|EPS");
  cmd->add_option("--accept-fraction", o.accept_fraction,
                  "abc with --epsilon auto: fraction of the draws accepted (0.001: 1000 of the "
                  "default 1 000 000 draws)");
  cmd->add_option("--n-samples", o.n_samples,
                  "abc: draws from the prior per iteration (1000000); ga: draws written as "
                  "samples (10000)");
  cmd->add_option("--min-accepted", o.min_accepted,
                  "abc: iterate until this many draws are accepted (0: one batch)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--max-iterations", o.max_iterations,
                  "abc: most iterations of the --min-accepted loop (10); a warning says when "
                  "it ends the loop first")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--n-points", o.n_points, "pmc: population size (1000)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--n-initial-points", o.n_initial_points,
                  "pmc: initial prior draws, >= n-points (0: 10 x n-points)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--percentile", o.percentile,
                  "pmc: points farther than this distance percentile move each iteration (75)");
  cmd->add_option("--acceptance-ratio", o.acceptance_ratio,
                  "pmc: stop when accepted/draws of an iteration falls below this (0.02; the "
                  "reference's default is 0.1)");
  cmd->add_option("--max-iteration", o.max_iteration,
                  "pmc: safety limit on the iterations (1000; the reference's default is 10); "
                  "PMC stops when the acceptance falls below --acceptance-ratio")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--max-acceptance", o.max_acceptance,
                  "pmc: proposals per moved point per iteration (10; the reference's default is 1)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--max-samples", o.max_samples,
                  "pmc: redraws of a proposal to land inside the prior box (100000); a proposal "
                  "that finds none is abandoned")
      ->check(CLI::PositiveNumber);
}

int run_infer(const InferOptions &o, const std::shared_ptr<Communicator> &comm) {
  // Under MPI every rank runs the sampler on its share of the simulations; rank 0
  // alone prints and writes. Ctrl-C / SIGTERM then end the job (no partial output).
  const bool lead = comm->rank() == 0, distributed = comm->size() > 1;
  Progress progress(o.quiet || !lead);
  std::optional<lfi::InferenceResult> result;
  std::exception_ptr error;
  try {
    const lfi::CheckedInferenceOptions checked(o); // before plugins and the model are read
    const PluginRegistry registry = scan_plugins(with_recorded_dirs(o.plugin_dirs, o.run));
    if (!distributed) {
      std::signal(SIGINT, on_interrupt);
      std::signal(SIGTERM, on_interrupt);
    }
    result.emplace(lfi::run_inference(
        o.run, registry, checked, [&](double f, const std::string &m) { progress(f, m); },
        &g_cancel, comm));
  } catch (...) {
    error = std::current_exception();
  }
  progress.finish();
  try {
    // Every rank ends here: the lowest rank's error (the same on every rank when the
    // options are wrong; rank 0's when writing failed) is every rank's.
    if (distributed)
      agree_on_error(*comm, error, comm->rank());
    else if (error)
      std::rethrow_exception(error);
  } catch (const std::exception &e) {
    if (lead) std::fprintf(stderr, "error: %s\n", with_flags(e.what()).c_str());
    if (distributed) (void)comm->any(false); // the others wait until rank 0 said it
    return 1;
  }
  if (!lead) return 0;
  const lfi::InferenceResult &r = *result;
  {
    std::printf("%s: %td samples, %td simulations, %.1f s%s -> %s\n", o.method.c_str(),
                r.samples.rows(), r.simulations, r.seconds, r.cancelled ? " (cancelled)" : "",
                r.dir.c_str());
    const nlohmann::json &posterior = r.json["posterior"];
    for (const auto &n : r.param_names) {
      std::printf("  %s = %.6g +- %.6g\n", n.c_str(),
                  posterior["mean"][n].is_number() ? posterior["mean"][n].get<double>() : NAN,
                  posterior["sd"][n].is_number() ? posterior["sd"][n].get<double>() : NAN);
    }
    if (r.json.contains("epsilon_auto") && r.json["epsilon_auto"].get<bool>())
      std::printf("  epsilon = %.6g (auto: the %g quantile of the distances)\n",
                  r.json["epsilon"].get<double>(), r.json["accept_fraction"].get<double>());
    if (!r.converged && !r.cancelled) {
      std::fflush(stdout);
      std::fprintf(stderr,
                   "warning: %s did not converge: %s. The posterior in %s is not the method's "
                   "answer yet (result.json: \"converged\": false).\n",
                   o.method.c_str(), with_flags(r.convergence).c_str(), r.dir.c_str());
    }
  }
  return r.cancelled ? 130 : 0;
}

} // namespace imnn::cli

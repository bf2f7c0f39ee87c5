// `imnn refit RUN --target data.npy`: the iterative re-fit at the estimate
// (imnn/refit.h): new fits at θ_fid = θ̂ until θ̂ settles, each round a run directory
// RUN/refit/round_<k>/, the trajectory in RUN/refit.json.
#include "imnn/error.h"
#include "imnn/refit.h"
#include "imnn/session.h"

#include "commands.h"

#include <cstdio>

namespace imnn::cli {

namespace {

std::string vec(const std::vector<double> &v) {
  std::string s = "(";
  char b[32];
  for (std::size_t i = 0; i < v.size(); ++i) {
    std::snprintf(b, sizeof b, "%s%.5g", i ? ", " : "", v[i]);
    s += b;
  }
  return s + ")";
}

} // namespace

void add_refit_command(CLI::App &app, RefitOptions &o) {
  auto *cmd = app.add_subcommand(
      "refit",
      "Iterative re-fit at the estimate: estimate theta for the target with the run's IMNN, "
      "fit a new IMNN at theta_fid = that estimate, and repeat until the estimate moves less "
      "than --tolerance Fisher standard deviations or --rounds fits. Each round is a run "
      "directory RUN/refit/round_<k>/; RUN/refit.json holds the trajectory. Simulator modes "
      "only.");
  cmd->add_option("run", o.run, "Run directory written by `imnn fit`")
      ->required()
      ->check(CLI::ExistingDirectory);
  auto *target =
      cmd->add_option("--target", o.options.target,
                      "Observed data (.npy/.npz/.h5) of shape (*input_shape) or (1, *input_shape)");
  auto *theta = cmd->add_option("--target-theta", o.options.target_theta,
                                "Instead of --target: simulate the target with the run's "
                                "simulator at these parameters (one value each)")
                    ->type_name("NUM ...")
                    ->excludes(target);
  cmd->add_option("--target-seed", o.options.target_seed,
                  "Seed of the --target-theta simulation (0)")
      ->needs(theta);
  cmd->add_option("--rounds", o.options.rounds, "Most fits after the first run (4)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--tolerance", o.options.tolerance,
                  "Stop when the estimate moves less than this many Fisher standard "
                  "deviations (0.1)")
      ->check(CLI::PositiveNumber);
  cmd->add_flag("--warm-start", o.options.warm_start,
                "Start each round from the previous round's kept weights");
  cmd->add_option("--max-iterations", o.options.max_iterations,
                  "Override fit.max_iterations of the rounds")
      ->check(CLI::PositiveNumber);
  cmd->add_flag("--replace", o.options.replace, "Overwrite an earlier RUN/refit/");
  cmd->add_option("--stop-grace", o.stop_grace,
                  "Seconds a round has to stop after Ctrl-C or SIGTERM before the process "
                  "ends at once (a second Ctrl-C ends it at once); 0: wait without limit")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--plugin-dir", o.plugin_dirs, "Extra plugin folder, searched first");
  cmd->add_flag("--quiet,-q", o.quiet, "Print only the final line");
}

int run_refit(const RefitOptions &o) {
  try {
    auto registry =
        std::make_shared<PluginRegistry>(scan_plugins(with_recorded_dirs(o.plugin_dirs, o.run)));
    const InterruptGuard interrupt("The rounds that finished are in " + o.run +
                                       "/refit/; run `imnn refit` again with --replace to "
                                       "start over.\n",
                                   o.stop_grace, o.quiet);
    const RefitResult r = refit(
        o.run, registry, o.options,
        [&](const RefitRound &round) {
          if (o.quiet) return;
          if (round.round == 0)
            std::fprintf(stderr, "round 0 (the run, theta_fid %s): estimate %s, det F %.4g\n",
                         vec(round.theta_fid).c_str(), vec(round.estimate).c_str(), round.detF);
          else
            std::fprintf(stderr,
                         "round %d (theta_fid %s, %d iterations): estimate %s, det F %.4g, "
                         "moved %.3g Fisher sd\n",
                         round.round, vec(round.theta_fid).c_str(), round.iterations,
                         vec(round.estimate).c_str(), round.detF, round.moved_sd);
        },
        InterruptGuard::flag());
    const RefitRound &last = r.rounds.back();
    std::printf("refit %s after %zu round%s: estimate %s, det F %.4g at theta_fid %s -> %s\n",
                r.converged ? "converged" : (r.cancelled ? "interrupted" : "did not converge"),
                r.rounds.size() - 1, r.rounds.size() == 2 ? "" : "s", vec(last.estimate).c_str(),
                last.detF, vec(last.theta_fid).c_str(), (o.run + "/refit.json").c_str());
    if (!r.converged && !r.cancelled)
      std::fprintf(stderr,
                   "warning: the estimate still moved %.3g Fisher sd in the last round "
                   "(--tolerance %.3g); raise --rounds or --max-iterations\n",
                   last.moved_sd, o.options.tolerance);
    return r.cancelled ? 130 : 0;
  } catch (const std::exception &e) {
    std::fprintf(stderr, "error: %s\n", e.what());
    return 1;
  }
}

} // namespace imnn::cli

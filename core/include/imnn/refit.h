// The iterative re-fit at the estimate (issue 14 §3): an IMNN's quasi-ML estimate is
// exact only at its fiducial parameters, so fit at θ_fid, estimate θ̂ for the target,
// fit a new IMNN at θ_fid = θ̂, and repeat until θ̂ moves less than `tolerance`
// Fisher standard deviations (√(Δθᵀ F Δθ), F of the newest round) or `rounds` fits.
// Each round is a run directory of its own, RUN/refit/round_<k>/, and RUN/refit.json
// lists them (the trajectory of θ̂). Simulator modes only: the array modes have data
// at one θ_fid.
#pragma once

#include "imnn/fisher.h"
#include "imnn/fit.h"
#include "imnn/plugins.h"

#include <atomic>
#include <filesystem>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace imnn {

struct RefitOptions {
  std::string target; // data file (.npy/.npz/.h5) of shape (*input_shape) or (1, ...)
  // Instead of a file (target empty): the target simulated with the run's simulator at
  // these parameters and seed (as `imnn infer --target-theta`; the desktop app's choice).
  std::vector<double> target_theta;
  std::uint64_t target_seed = 0;
  int rounds = 4;          // fits after the first run, at most
  double tolerance = 0.1;  // in Fisher standard deviations
  bool warm_start = false; // start each round from the previous round's kept weights
  int max_iterations = -1; // > 0: override fit.max_iterations of the rounds
  bool replace = false;    // overwrite an earlier RUN/refit/
  // Called on the fitting thread after every iteration of round `round` (>= 1) with the
  // round's fit.max_iterations, for progress within a round; may be empty.
  std::function<void(int round, const IterationRecord &record, int max_iterations)> on_iteration;
};

struct RefitRound {
  int round = 0; // 0: the first run (at its own θ_fid)
  std::filesystem::path run_dir;
  std::vector<double> theta_fid; // where this round's IMNN was fitted
  std::vector<double> estimate;  // θ̂ of the target with this round's IMNN
  Eigen::MatrixXd F;
  double detF = 0;
  double moved_sd = -1; // Fisher distance from the previous round's θ̂ (-1: round 0)
  std::string stop_reason;
  int iterations = 0;
};

struct RefitResult {
  std::vector<RefitRound> rounds;
  bool converged = false;
  bool cancelled = false;
  nlohmann::json json; // RUN/refit.json
};

// registry: holds the run's simulator (and network) plugins. on_round (may be empty)
// is called after every round; cancel (may be null) stops the current fit (its run is
// kept) and the refit. Throws imnn::Error naming the problem (array mode, no model.json,
// bad target).
RefitResult refit(const std::filesystem::path &run, std::shared_ptr<PluginRegistry> registry,
                  const RefitOptions &options,
                  const std::function<void(const RefitRound &)> &on_round = {},
                  const std::atomic<bool> *cancel = nullptr);

} // namespace imnn

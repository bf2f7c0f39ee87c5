// Likelihood-free inference (imnn-spec §4): priors, the Gaussian approximation,
// ABC and a correct ABC population Monte Carlo (Beaumont et al. 2009), weighted
// marginals with highest-density levels, and GetDist output. Decoupled from the
// fit: a simulation is a SimulateFn, a compression a CompressFn (a trained IMNN's
// quasi-ML estimate, or anything else).
#pragma once

#include "imnn/communicator.h"
#include "imnn/nn.h"

#include <Eigen/Core>
#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace imnn::lfi {

using MatrixD = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// ---- priors ----------------------------------------------------------------------
class Prior {
public:
  virtual ~Prior() = default;
  virtual std::string name() const = 0; // "uniform" / "gaussian"
  Index dim() const { return static_cast<Index>(low_.size()); }
  // One draw from a counter-based seed (deterministic, [any-thread]).
  virtual void sample(std::uint64_t seed, double *theta) const = 0;
  // log density; -infinity outside the support (and outside the box).
  virtual double log_prob(const double *theta) const = 0;
  // The box used for grids, plots and PMC truncation.
  const std::vector<double> &low() const { return low_; }
  const std::vector<double> &high() const { return high_; }
  bool in_box(const double *theta) const;

protected:
  std::vector<double> low_, high_;
};

// Independent uniforms on [low, high). Throws imnn::Error naming the parameter when
// low >= high or a bound is not finite.
std::unique_ptr<Prior> make_uniform_prior(std::vector<double> low, std::vector<double> high);
// Independent Gaussians N(mean, sd^2) truncated to the box [low, high].
std::unique_ptr<Prior> make_gaussian_prior(std::vector<double> mean, std::vector<double> sd,
                                           std::vector<double> low, std::vector<double> high);

// ---- grids and marginals -----------------------------------------------------------
// ranges[i] = linspace(low_i, high_i, gridsize_i), inclusive ends.
std::vector<std::vector<double>> make_ranges(const std::vector<double> &low,
                                             const std::vector<double> &high,
                                             const std::vector<Index> &gridsize);

// marginal(row, col) for col <= row. Diagonal: 1-D density over ranges[row] that
// integrates to 1 (sum * spacing). Off-diagonal: 2-D density stored row-major as
// [i_col][i_row] (first index the column parameter, as the reference), integrating to 1.
struct Marginals {
  std::vector<std::vector<double>> ranges;
  std::vector<std::vector<std::vector<double>>> m; // m[row][col]
  Index dim() const { return static_cast<Index>(ranges.size()); }
  const std::vector<double> &marginal(Index row, Index col) const { return m[row][col]; }
};

// Gaussian approximation N(estimate, invF) on the grid.
Marginals gaussian_approximation(const Eigen::VectorXd &estimate, const Eigen::MatrixXd &invF,
                                 const std::vector<std::vector<double>> &ranges);

// The Fisher forecast N(mean, invF) drawn before a result, respecting the prior box
// [low, high] (a bound may be +-infinity: no bound). The grid of parameter i is
// mean_i +- n_sd sd_i clipped to the box (the whole box when the window misses it),
// gridsize points; the density is the Gaussian truncated to the box: each marginal is
// the Gaussian's marginal times, for every other parameter, the probability that it
// lies inside its bounds given the plotted ones (exact when at most one other parameter
// is bounded; a product of the conditional one-parameter probabilities beyond), and is
// normalised on its grid. Throws imnn::Error for inconsistent sizes, a non-finite
// window or an invF that is not positive definite.
Marginals fisher_forecast(const Eigen::VectorXd &mean, const Eigen::MatrixXd &invF,
                          const std::vector<double> &low, const std::vector<double> &high,
                          Index gridsize = 120, double n_sd = 4.0);

// Weighted histograms of samples (N x p) with bins centred on the grid points (edges
// r_i - d/2 .. r_last + d/2), optional Gaussian smoothing of sigma `smoothing` bins
// (mirror boundary), normalised to densities. weights empty = all 1.
Marginals histogram_marginals(const MatrixD &samples, const std::vector<double> &weights,
                              const std::vector<std::vector<double>> &ranges,
                              double smoothing = 0.0);

// Highest-density thresholds: for each mass in `levels` the density value whose
// superlevel set holds that fraction of the total (cells of equal area); returned in
// the order of `levels`.
std::vector<double> hpd_levels(const std::vector<double> &density,
                               const std::vector<double> &levels = {0.68, 0.95});

// ---- simulation and compression -----------------------------------------------------
// [any-thread] one simulation at theta from seed into out (input size values).
using SimulateFn = std::function<void(std::uint64_t seed, const double *theta, double *out)>;
// Compress n simulations (n x input size, C order) into n x q summaries. Called from
// one thread at a time with batches.
// n simulations in one call: seeds[i] and theta row i (n x p, row major) give out row i
// (n x input_size), as n SimulateFn calls would.
using SimulateBatchFn =
    std::function<void(Index n, const std::uint64_t *seeds, const double *thetas, double *out)>;
using CompressFn = std::function<void(const double *data, Index n, double *summaries)>;
using ProgressFn = std::function<void(double fraction, const std::string &message)>;

enum class DistanceKind { fisher, euclidean };

struct Distance {
  DistanceKind kind = DistanceKind::fisher;
  Eigen::MatrixXd F; // q x q for fisher (the IMNN's F when summaries are estimates)
  double operator()(const double *s, const double *target) const;
};
DistanceKind distance_from_name(const std::string &name); // "fisher", "euclidean"

struct Problem {
  const Prior *prior = nullptr;
  SimulateFn simulate;
  // Optional: the simulator's batch call (a plugin's simulate_batch; Python simulators
  // take the GIL once per call). When set, each chunk of draws is simulated by one call
  // on the calling thread instead of one simulate call per draw on the threads; the
  // draws, their seeds and their order are the same, so are the results. simulate is
  // still needed: a failing batch is rerun one draw at a time to name the draw.
  SimulateBatchFn simulate_batch;
  CompressFn compress;
  Index input_size = 0;
  Index n_summaries = 0;
  Eigen::VectorXd target; // target summaries (q)
  Distance distance;
  std::uint64_t seed = 0; // draws use derive_seed(seed, SeedStream::inference, batch, index)
  int threads = 0;        // 0: all
  // MPI ranks sharing the simulations (null: this process alone). Every rank runs the
  // same sampler; each simulates and compresses its share of every pass (chunks of
  // draws, round-robin) and the results are all-gathered, so every rank holds the
  // same draws, and the samples do not depend on the number of ranks.
  std::shared_ptr<Communicator> comm;
};

// ---- ABC ----------------------------------------------------------------------------
struct AbcSettings {
  double epsilon = -1; // < 0: no fixed distance (see accept_fraction)
  // With epsilon < 0 and accept_fraction q in (0, 1]: epsilon is chosen after the draws
  // as the q-quantile of all stored draws' distances (the distance of the (k+1)-th
  // closest, k = ceil(q N)), so that the k closest draws are accepted. 0: no acceptance
  // (only draws). Needs min_accepted 0 (one batch).
  double accept_fraction = 0;
  Index n_samples = 0;     // draws per iteration
  Index min_accepted = 0;  // 0: one batch; else iterate until this many are accepted
  int max_iterations = 10; // of the min_accepted loop
  bool replace = false;    // drop earlier draws instead of adding to them
};

struct AbcSamples {
  MatrixD parameters;            // N x p, all draws
  MatrixD summaries;             // N x q
  std::vector<double> distances; // N
  std::vector<char> accepted;    // N (distance < epsilon)
  double epsilon = -1;
  bool epsilon_auto = false; // epsilon was chosen from accept_fraction
  Index n_accepted = 0;
  Index n_simulations = 0; // simulations done by the last call
  int iterations = 0;      // batches done by the last call
  bool cancelled = false;
  // false when a limit ended the run before its criterion: min_accepted not reached in
  // max_iterations batches (or cancelled); convergence says why and which setting to
  // raise, naming settings in backquotes (`max_iterations`); empty when converged.
  bool converged = true;
  std::string convergence;
  MatrixD accepted_parameters() const;
};

// The automatic epsilon: the q-quantile of the distances, the distance of the (k+1)-th
// closest draw with k = ceil(q N) (at least 1), so that the k closest are accepted
// (distance < epsilon; ties at the quantile are rejected); for k = N just above the
// largest. NaN counts as +infinity. Throws imnn::Error for no draws or q outside (0, 1].
double quantile_epsilon(const std::vector<double> &distances, double fraction);

class Abc {
public:
  explicit Abc(Problem problem); // throws imnn::Error on inconsistent sizes
  // Throws imnn::Error for bad settings (min_accepted without epsilon, n_samples < 1 ...).
  const AbcSamples &run(const AbcSettings &settings, const ProgressFn &progress = {},
                        const std::atomic<bool> *cancel = nullptr);
  const AbcSamples &samples() const { return samples_; }

private:
  Problem problem_;
  AbcSamples samples_;
  std::uint64_t batches_ = 0; // batch counter for seeds: never reuses a draw
};

// ---- PMC ----------------------------------------------------------------------------
struct PmcSettings {
  Index n_points = 1000;
  Index n_initial_points = 0; // 0: 10 * n_points; must be >= n_points
  double percentile = 75;     // the points farther than this percentile move each iteration
  double acceptance_ratio = 0.1;
  int max_iteration = 1000;   // a safety limit (the reference's default is 10)
  Index max_acceptance = 1;   // proposals per moved point per iteration (stop at first accept)
  Index max_samples = 100000; // redraws of a proposal to land inside the prior box
};

struct PmcSamples {
  MatrixD parameters;            // n_points x p
  MatrixD summaries;             // n_points x q
  std::vector<double> distances; // n_points
  std::vector<double> weights;   // n_points, sum to 1
  double epsilon = 0;            // current acceptance distance (max over the population)
  int iterations = 0;
  Index total_draws = 0; // simulations including the initial ones
  double acceptance = 0; // last iteration's accepted / draws
  bool cancelled = false;
  // false when a limit stopped PMC before its acceptance fell below acceptance_ratio:
  // max_iteration reached, proposals abandoned after max_samples redraws outside the
  // box (without them the acceptance is still above the ratio), or cancelled;
  // convergence says why and which setting to raise (`max_iteration`); empty when
  // converged.
  bool converged = true;
  std::string convergence;
};

PmcSamples population_monte_carlo(const Problem &problem, const PmcSettings &settings,
                                  const ProgressFn &progress = {},
                                  const std::atomic<bool> *cancel = nullptr);

// ---- output ---------------------------------------------------------------------------
// GetDist root: <root>_1.txt rows "weight -log(post) theta...", <root>.paramnames
// (name per line), <root>.ranges (name low high). minus_log_post may be empty (0s).
void write_getdist(const std::filesystem::path &root, const MatrixD &samples,
                   const std::vector<double> &weights, const std::vector<double> &minus_log_post,
                   const std::vector<std::string> &names, const std::vector<double> &low,
                   const std::vector<double> &high);

} // namespace imnn::lfi

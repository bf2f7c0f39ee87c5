// ABC population Monte Carlo (Beaumont, Cornuet, Marin & Robert 2009), with the
// population's tolerance set adaptively by a distance percentile (the scheme of the
// reference, imnn-spec 4.5, with its defects removed).
//
// Design (each point below is a decision; the reference's bugs are named in 4.5):
//
// * Weights are kept unnormalised, on the scale of the ABC evidence Z(eps) = P(rho <
//   eps) under the prior: sum_i W_i f(theta_i) estimates Z(eps) E[f | rho < eps]. They
//   are normalised only for the kernel, the parents and the result.
// * Initial population: n_initial_points draws from the prior (0: 10 * n_points) are
//   simulated; the n_points closest are kept (a rejection-ABC sample), each with
//   W = 1 / n_initial_points (prior draws: prior / proposal = 1). Distances are gathered
//   per draw, so no cross-target mix-up.
// * Iteration t. Sort the population by distance. The tolerance is the distance at
//   the percentile: with k = floor(percentile / 100 * n_points), clamped to
//   [1, n_points - 1], eps_t = rho_(k) (0-based sorted position k, the reference's
//   eps_ind); the k closest points stay, the n_points - k farthest ones "move".
//   Default percentile 75: each iteration keeps three quarters of the population
//   (enough to estimate the kernel covariance well) and shrinks the tolerance gently
//   (for a q-dimensional ball, eps_{t+1} ~ 0.75^(1/q) eps_t: 13% in 2-D), which keeps
//   the acceptance rate from collapsing between iterations. (The reference's default,
//   percentile None, moved one point per iteration.)
// * Proposals: the kernel covariance is twice the weighted, centred population
//   covariance, K = 2 * sum_i w_i (theta_i - m)(theta_i - m)^T with w the normalised
//   weights and m = sum_i w_i theta_i (Beaumont et al.; the reference used an uncentred,
//   weight-squared moment and L^T L). A proposal picks a parent j with probability w_j
//   and draws theta' = theta_j + L z, z ~ N(0, I), K = L L^T. If theta' leaves the prior
//   box the pair (parent, z) is redrawn, up to max_samples times; if none lands inside,
//   the proposal is abandoned (counted as a rejected attempt, never NaN, never
//   simulated). Because the parent is redrawn with z, the truncated proposal density is
//   q_t(theta') = sum_j w_j N(theta'; theta_j, K) / Z_t on the box, with one normaliser
//   Z_t, the mixture's mass inside the box (no per-kernel truncation normalisers).
//   Z_t is estimated from 65536 draws of the mixture (no simulations; relative error
//   sqrt((1 - Z_t) / (65536 Z_t)) < 0.4% for Z_t >= 0.5, exactly 1 when the box is
//   far from every kernel); it only scales the new points' weights as a group.
// * Acceptance: a proposal is simulated and accepted iff its distance rho' < eps_t (the
//   common tolerance of the iteration, not the replaced point's own distance). Each
//   moved point gets up to max_acceptance proposals per iteration, stopping at the
//   first acceptance.
// * Weights: an accepted proposal gets the importance weight
//   W = prior(theta') / q_t(theta') / D_t = prior(theta') Z_t / (sum_j w_j N(theta';
//   theta_j, K)) / D_t, with D_t the proposals simulated this iteration: the kernel is
//   evaluated at the proposal (the reference evaluated it at its own mean), in log
//   space. (1 / D_t) sum over accepted proposals of prior / q_t estimates the evidence
//   measure at eps_t without bias. The kept points (rho <= eps_t) keep their weights:
//   the previous population restricted to rho <= eps_t estimates the same measure.
//   The two estimates are mixed in proportion to their counts, kept ones times
//   n_keep / (n_keep + n_new) and new ones times n_new / (n_keep + n_new) (any fixed
//   mixture of two consistent estimates is consistent; unlike self-normalising the
//   small group of new points on its own, this adds no ratio bias).
//   A moved point that got no accepted proposal gets weight 0: it stays in the
//   population (sorted last, it moves again next iteration) but carries no mass, so the
//   weighted population is always a sample of the ABC posterior at the latest eps_t.
//   (Keeping it with its old weight, as the reference does, leaves stale points from
//   far larger tolerances in the final posterior.) The result's weights are normalised
//   to sum to one; its `epsilon` is the largest distance among the points with
//   positive weight.
// * Note: importance sampling with Gaussian kernels has heavy-tailed weights when the
//   posterior has a power-law tail inside the prior box (e.g. the variance of a few
//   Gaussian points with a wide box); the population then under-represents the tail in
//   most runs. More points, or a tighter prior box, help.
// * Stop after an iteration whose acceptance (accepted / proposals, abandoned ones
//   included) is below acceptance_ratio, or after max_iteration iterations (a safety
//   limit, 1000 by default; the reference's default of 10 stops long before the
//   criterion, with a posterior ~1.5x too wide on the Gaussian example). The result
//   says whether the criterion stopped PMC (converged) or a limit did (convergence:
//   the limit and the setting to raise); proposals abandoned after max_samples draws
//   outside the box count as rejections, so when the acceptance among the simulated
//   proposals is still above the ratio the run is not converged either.
// * Seeds: every round of proposals has its own batch number b (a counter of this
//   run); proposal i of the round uses draw_seed(pmc_proposal, b, i) for the parent and
//   z, and draw_seed(pmc_sim, b, i) for the simulation. Results are written by index,
//   so they do not depend on the number of threads.
// * Progress and cancellation: between iterations, between proposal rounds and between
//   chunks of simulations (and per draw inside a chunk). A cancelled run returns the
//   last complete population with cancelled = true (empty if the initial population was
//   not complete).
#include "lfi/lfi_internal.h"

#include <Eigen/Cholesky>
#include <algorithm>
#include <cstdio>
#include <limits>
#include <numeric>

namespace imnn::lfi {

namespace {

std::size_t sz(Index i) {
  return static_cast<std::size_t>(i);
}

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

void check_settings(const PmcSettings &s) {
  if (s.n_points < 2)
    throw Error("PMC: n_points is " + std::to_string(s.n_points) +
                ": the population needs at least 2 points (1000 is typical)");
  if (s.n_initial_points < 0)
    throw Error("PMC: n_initial_points is negative: use 0 (10 * n_points) or a count >= "
                "n_points");
  if (s.n_initial_points > 0 && s.n_initial_points < s.n_points)
    throw Error("PMC: n_initial_points (" + std::to_string(s.n_initial_points) +
                ") is smaller than n_points (" + std::to_string(s.n_points) +
                "): draw at least n_points initial samples (0 means 10 * n_points)");
  if (!(s.percentile > 0.0 && s.percentile < 100.0))
    throw Error("PMC: percentile " + num(s.percentile) +
                " is outside (0, 100): it is the distance percentile beyond which points move "
                "(default 75)");
  if (!(s.acceptance_ratio > 0.0 && s.acceptance_ratio <= 1.0))
    throw Error("PMC: acceptance_ratio " + num(s.acceptance_ratio) +
                " is outside (0, 1]: it is the acceptance rate below which PMC stops (default "
                "0.1)");
  if (s.max_iteration < 0)
    throw Error("PMC: max_iteration is negative: use the maximum number of iterations (>= 0)");
  if (s.max_acceptance < 1)
    throw Error("PMC: max_acceptance is " + std::to_string(s.max_acceptance) +
                ": each moved point needs at least 1 proposal per iteration");
  if (s.max_samples < 1)
    throw Error("PMC: max_samples is " + std::to_string(s.max_samples) +
                ": a proposal needs at least 1 draw to land inside the prior box");
}

struct Population {
  MatrixD theta, summaries;
  std::vector<double> distances, weights;

  // Stable sort by distance, zero-weight points last (ties keep their order:
  // deterministic).
  void sort() {
    const Index n = theta.rows();
    std::vector<Index> order(sz(n));
    std::iota(order.begin(), order.end(), Index{0});
    std::stable_sort(order.begin(), order.end(), [&](Index a, Index b) {
      const bool za = !(weights[sz(a)] > 0.0), zb = !(weights[sz(b)] > 0.0);
      if (za != zb) return zb; // zero-weight points last
      return distances[sz(a)] < distances[sz(b)];
    });
    Population s;
    s.theta.resize(n, theta.cols());
    s.summaries.resize(n, summaries.cols());
    s.distances.resize(sz(n));
    s.weights.resize(sz(n));
    for (Index r = 0; r < n; ++r) {
      const Index i = order[sz(r)];
      s.theta.row(r) = theta.row(i);
      s.summaries.row(r) = summaries.row(i);
      s.distances[sz(r)] = distances[sz(i)];
      s.weights[sz(r)] = weights[sz(i)];
    }
    *this = std::move(s);
  }
};

// Cholesky factor of 2 x the weighted centred covariance, with a small ridge when the
// population has collapsed along some direction.
Eigen::MatrixXd kernel_factor(const Population &pop, const Prior &prior) {
  const Index n = pop.theta.rows(), p = pop.theta.cols();
  const double total = std::accumulate(pop.weights.begin(), pop.weights.end(), 0.0);
  Eigen::VectorXd mean = Eigen::VectorXd::Zero(p);
  for (Index i = 0; i < n; ++i)
    mean += (pop.weights[sz(i)] / total) * pop.theta.row(i).transpose();
  Eigen::MatrixXd cov = Eigen::MatrixXd::Zero(p, p);
  for (Index i = 0; i < n; ++i) {
    const Eigen::VectorXd d = pop.theta.row(i).transpose() - mean;
    cov.noalias() += (pop.weights[sz(i)] / total) * d * d.transpose();
  }
  Eigen::MatrixXd K = 2.0 * cov;
  double width2 = 0.0;
  for (Index i = 0; i < p; ++i) {
    const double w = prior.high()[sz(i)] - prior.low()[sz(i)];
    width2 = std::max(width2, w * w);
  }
  double ridge = 1e-12 * width2;
  for (int attempt = 0; attempt < 8; ++attempt) {
    Eigen::LLT<Eigen::MatrixXd> llt(K);
    if (llt.info() == Eigen::Success && llt.matrixL().toDenseMatrix().diagonal().minCoeff() > 0.0)
      return llt.matrixL().toDenseMatrix();
    K.diagonal().array() += ridge;
    ridge *= 100.0;
  }
  throw NumericalError("PMC: the population covariance is not positive definite (the "
                       "population collapsed or is not finite): widen the prior or use more "
                       "points");
}

// The proposal density of one iteration before truncation to the prior box: the
// mixture sum_j w_j N(theta_j, K) over the population, K = L L^T.
struct Kernel {
  const MatrixD *centres = nullptr; // the population's theta (N x p)
  Eigen::MatrixXd L;
  double log_norm = 0;            // log det(2 pi K)^(-1/2)
  std::vector<double> cumulative; // cumulative sums of the stored weights
  double total_w = 0;             // their sum
  double log_box_mass = 0;        // log Z_t, the mixture's mass inside the prior box

  // One draw of (parent, z) from the untruncated mixture.
  void draw(detail::Stream &st, double *theta) const {
    const Index n = centres->rows(), p = centres->cols();
    const double u = st.unit() * total_w;
    const auto it = std::upper_bound(cumulative.begin(), cumulative.end(), u);
    const Index j = std::min<Index>(static_cast<Index>(it - cumulative.begin()), n - 1);
    for (Index a = 0; a < p; ++a)
      theta[a] = (*centres)(j, a);
    for (Index c = 0; c < p; ++c) {
      const double z = st.normal();
      for (Index a = c; a < p; ++a)
        theta[a] += L(a, c) * z;
    }
  }
};

// What the proposal rounds of one iteration gave the n_move moved slots (population
// positions n_keep + slot): the accepted proposals and the counts behind the acceptance.
struct Proposals {
  MatrixD theta, summaries;
  std::vector<double> distances;
  std::vector<char> filled; // 1: the slot got an accepted proposal
  Index attempts = 0;       // proposals made, abandoned ones included
  Index accepted = 0;
  Index simulations = 0; // proposals simulated (not abandoned outside the box)
  bool cancelled = false;
};

// One PMC run, step by step (the steps are the sections of the design above). run()
// calls them in order; every random draw comes from the batch counter batch_, so the
// steps draw exactly what the single loop they were cut from drew.
class PmcRun {
public:
  PmcRun(const Problem &problem, const PmcSettings &settings, const ProgressFn &progress,
         const std::atomic<bool> *cancel)
      : problem_(problem), s_(settings), prior_(*problem.prior), progress_(progress),
        cancel_(cancel), p_(prior_.dim()), q_(problem.n_summaries), N_(settings.n_points),
        n_init_(settings.n_initial_points == 0 ? 10 * N_ : settings.n_initial_points),
        n_keep_(std::clamp<Index>(
            static_cast<Index>(std::floor(settings.percentile / 100.0 * double(N_))), 1, N_ - 1)),
        n_move_(N_ - n_keep_), nt_(detail::thread_count(problem)) {
    out_.parameters.resize(0, p_);
    out_.summaries.resize(0, q_);
    out_.acceptance = 0.0;
  }

  PmcSamples run() {
    if (!initial_draws()) { // cancelled: no population yet, and not converged
      set_convergence();
      report(reported_, "PMC: cancelled during the initial draws after " +
                            std::to_string(out_.total_draws) + " simulations");
      return std::move(out_);
    }
    initial_population();
    while (!should_stop())
      if (!iteration()) break; // cancelled: the last complete population
    return result();
  }

private:
  static constexpr double kInf = std::numeric_limits<double>::infinity();
  // Progress: the initial population is the first 10%; then the larger of the share of
  // max_iteration done and how far the acceptance has fallen from 1 towards
  // acceptance_ratio on a log scale (PMC usually stops on the latter).
  static constexpr double kInitialShare = 0.1;

  double iteration_progress(double iterations_done, double acc) const {
    double f = s_.max_iteration > 0 ? iterations_done / static_cast<double>(s_.max_iteration) : 1.0;
    if (acc > 0.0 && acc < 1.0 && s_.acceptance_ratio < 1.0)
      f = std::max(f, std::log(acc) / std::log(s_.acceptance_ratio));
    return kInitialShare + (1.0 - kInitialShare) * std::clamp(f, 0.0, 1.0);
  }
  void report(double f, const std::string &msg) {
    reported_ = std::max(reported_, std::clamp(f, 0.0, 1.0)); // fractions never go back
    if (progress_) progress_(reported_, msg);
  }

  // ---- initial draws: n_init prior draws, simulated (false: cancelled) ----------------
  bool initial_draws() {
    const std::uint64_t b = batch_++;
    auto from_prior = [&](Index i, double *theta) {
      prior_.sample(detail::draw_seed(problem_, detail::SeedTag::pmc_proposal, b, sz(i)), theta);
      return true;
    };
    auto chunk_done = [&](Index done, Index n) {
      report(kInitialShare * static_cast<double>(done) / static_cast<double>(n),
             "PMC: initial population: " + std::to_string(done) + "/" + std::to_string(n) +
                 " simulations");
    };
    const Index done = detail::simulate_pass(problem_, detail::SeedTag::pmc_sim, b, n_init_,
                                             from_prior, pass_, cancel_, chunk_done);
    out_.total_draws = done;
    if (done < n_init_) {
      out_.cancelled = true;
      return false;
    }
    return true;
  }

  // ---- initial population: the N closest draws, W = 1 / n_init each -----------------
  void initial_population() {
    std::vector<Index> order(sz(n_init_));
    std::iota(order.begin(), order.end(), Index{0});
    std::stable_sort(order.begin(), order.end(), [&](Index a, Index b) {
      return pass_.distances[sz(a)] < pass_.distances[sz(b)];
    });
    if (!std::isfinite(pass_.distances[sz(order[sz(N_ - 1)])])) {
      const auto finite = std::count_if(pass_.distances.begin(), pass_.distances.end(),
                                        [](double d) { return std::isfinite(d); });
      throw Error("PMC: only " + std::to_string(finite) + " of the " + std::to_string(n_init_) +
                  " initial simulations gave finite distances, fewer than n_points = " +
                  std::to_string(N_) +
                  ": check the simulator and compressor for non-finite output, or draw more "
                  "initial points");
    }
    pop_.theta.resize(N_, p_);
    pop_.summaries.resize(N_, q_);
    pop_.distances.resize(sz(N_));
    // Weights on the evidence scale, W = 1 / n_init per prior draw, are stored divided
    // by exp(log_scale) so that they sum to one (no underflow as the evidence shrinks).
    pop_.weights.assign(sz(N_), 1.0 / static_cast<double>(N_));
    log_scale_ = std::log(static_cast<double>(N_) / static_cast<double>(n_init_));
    for (Index r = 0; r < N_; ++r) {
      const Index i = order[sz(r)];
      pop_.theta.row(r) = pass_.theta.row(i);
      pop_.summaries.row(r) = pass_.summaries.row(i);
      pop_.distances[sz(r)] = pass_.distances[sz(i)];
    }
  }

  // ---- kernel: covariance update and the mixture's mass inside the box ----------------
  Kernel kernel() {
    Kernel k;
    k.centres = &pop_.theta;
    k.L = kernel_factor(pop_, prior_);
    // log of w_j N(.; theta_j, K) up to the quadratic form: log w_j - log det(2 pi K)/2.
    const double log_det = 2.0 * k.L.diagonal().array().log().sum();
    k.log_norm = -0.5 * (static_cast<double>(p_) * 1.83787706640934548356 + log_det);
    k.cumulative.resize(sz(N_));
    std::partial_sum(pop_.weights.begin(), pop_.weights.end(), k.cumulative.begin());
    k.total_w = k.cumulative.back();
    k.log_box_mass = log_box_mass(k);
    return k;
  }

  // Z_t, which normalises the truncated proposal, estimated from kBoxBlocks * kBoxDraws
  // draws of the mixture (no simulations; an integer count, so independent of the
  // thread count); exact (1) when no draw leaves the box. Relative error
  // sqrt((1 - Z) / (Z M)) < 0.4% for Z >= 0.5.
  double log_box_mass(const Kernel &k) {
    constexpr Index kBoxBlocks = 256, kBoxDraws = 256;
    const std::uint64_t bz = batch_++;
    long long inside = 0;
#pragma omp parallel for num_threads(nt_) schedule(static) reduction(+ : inside)
    for (Index blk = 0; blk < kBoxBlocks; ++blk) {
      detail::Stream st(detail::draw_seed(problem_, detail::SeedTag::pmc_proposal, bz, sz(blk)));
      std::vector<double> theta(sz(p_));
      for (Index i = 0; i < kBoxDraws; ++i) {
        k.draw(st, theta.data());
        if (prior_.in_box(theta.data())) ++inside;
      }
    }
    const double total = static_cast<double>(kBoxBlocks * kBoxDraws);
    return std::log(std::max(static_cast<double>(inside), 0.5) / total);
  }

  // ---- proposal rounds for the moved points (positions n_keep..N-1) -------------------
  // Up to max_acceptance rounds; each simulates one proposal per slot still without an
  // accepted one (rho' < eps).
  Proposals proposal_rounds(const Kernel &k, double eps) {
    Proposals pr;
    pr.theta.resize(n_move_, p_);
    pr.summaries.resize(n_move_, q_);
    pr.distances.assign(sz(n_move_), kInf);
    pr.filled.assign(sz(n_move_), 0);
    std::vector<Index> pending(sz(n_move_));
    std::iota(pending.begin(), pending.end(), Index{0});
    for (Index round = 0; round < s_.max_acceptance && !pending.empty(); ++round) {
      if (detail::cancel_agreed(problem_, cancel_)) {
        pr.cancelled = true;
        break;
      }
      const std::uint64_t b = batch_++;
      const Index m = static_cast<Index>(pending.size());
      auto propose = [&](Index i, double *theta) {
        detail::Stream st(detail::draw_seed(problem_, detail::SeedTag::pmc_proposal, b, sz(i)));
        for (Index tries = 0; tries < s_.max_samples; ++tries) {
          k.draw(st, theta);
          if (prior_.in_box(theta)) return true;
        }
        return false; // abandoned after max_samples draws outside the box
      };
      const Index filled_before = n_move_ - m;
      auto chunk_done = [&](Index done, Index n) {
        const double within =
            (static_cast<double>(filled_before) +
             static_cast<double>(done) / static_cast<double>(n) * static_cast<double>(m)) /
            static_cast<double>(n_move_);
        report(iteration_progress(iterations_ + within, acceptance_),
               "PMC: iteration " + std::to_string(iterations_ + 1) + ": round " +
                   std::to_string(round + 1) + ", " + std::to_string(done) + "/" +
                   std::to_string(n) + " proposals, epsilon " + num(eps));
      };
      const Index done = detail::simulate_pass(problem_, detail::SeedTag::pmc_sim, b, m, propose,
                                               pass_, cancel_, chunk_done);
      if (done < m) {
        pr.cancelled = true;
        break;
      }
      std::vector<Index> still;
      for (Index i = 0; i < m; ++i) {
        ++pr.attempts;
        if (pass_.simulated[sz(i)]) ++pr.simulations;
        const Index slot = pending[sz(i)];
        if (pass_.distances[sz(i)] < eps) {
          pr.theta.row(slot) = pass_.theta.row(i);
          pr.summaries.row(slot) = pass_.summaries.row(i);
          pr.distances[sz(slot)] = pass_.distances[sz(i)];
          pr.filled[sz(slot)] = 1;
          ++pr.accepted;
        } else {
          still.push_back(slot);
        }
      }
      pending = std::move(still);
    }
    return pr;
  }

  // ---- importance weights of the accepted proposals (log, stored scale) ---------------
  // W = prior(theta') / q_t(theta') / D_t with q_t = mixture / Z_t the truncated
  // proposal density and D_t the proposals simulated this iteration; -inf for the slots
  // without an accepted proposal.
  std::vector<double> importance_log_weights(const Kernel &k, const Proposals &pr) const {
    std::vector<double> log_v(sz(n_move_), -kInf);
    if (pr.accepted == 0) return log_v;
    std::vector<double> log_w(sz(N_));
    for (Index j = 0; j < N_; ++j)
      log_w[sz(j)] = std::log(pop_.weights[sz(j)] / k.total_w); // -inf for weight 0
    const double log_draws = std::log(static_cast<double>(pr.simulations));
#pragma omp parallel for num_threads(nt_) schedule(static)
    for (Index slot = 0; slot < n_move_; ++slot) {
      if (!pr.filled[sz(slot)]) continue;
      Eigen::VectorXd d(p_);
      std::vector<double> terms(sz(N_));
      double tmax = -kInf;
      for (Index j = 0; j < N_; ++j) {
        d = pr.theta.row(slot).transpose() - pop_.theta.row(j).transpose();
        k.L.triangularView<Eigen::Lower>().solveInPlace(d);
        const double t = log_w[sz(j)] + k.log_norm - 0.5 * d.squaredNorm();
        terms[sz(j)] = t;
        tmax = std::max(tmax, t);
      }
      double acc = 0.0;
      for (const double t : terms)
        acc += std::exp(t - tmax);
      const double log_mixture = tmax + std::log(acc);
      log_v[sz(slot)] = prior_.log_prob(pr.theta.row(slot).data()) + k.log_box_mass - log_mixture -
                        log_draws - log_scale_;
    }
    for (Index slot = 0; slot < n_move_; ++slot)
      if (pr.filled[sz(slot)] && !std::isfinite(log_v[sz(slot)]))
        throw NumericalError("PMC: an importance weight is not finite: check the prior's "
                             "log_prob inside its box");
    return log_v;
  }

  // ---- the new population --------------------------------------------------------------
  // Both the kept points (their weights sum to an estimate of the evidence at eps_t)
  // and the new ones (likewise, unbiased) estimate the same measure: mix them in
  // proportion to their counts. Moved points without an accepted proposal get 0.
  void replace_moved(const Proposals &pr, const std::vector<double> &log_v) {
    const double n_new = static_cast<double>(pr.accepted), n_old = static_cast<double>(n_keep_);
    const double old_share = n_old / (n_old + n_new), new_share = n_new / (n_old + n_new);
    for (Index i = 0; i < n_keep_; ++i)
      pop_.weights[sz(i)] *= old_share;
    for (Index slot = 0; slot < n_move_; ++slot) {
      const Index i = n_keep_ + slot;
      if (pr.filled[sz(slot)]) {
        pop_.theta.row(i) = pr.theta.row(slot);
        pop_.summaries.row(i) = pr.summaries.row(slot);
        pop_.distances[sz(i)] = pr.distances[sz(slot)];
        pop_.weights[sz(i)] = std::exp(log_v[sz(slot)]) * new_share;
      } else {
        pop_.weights[sz(i)] = 0.0;
      }
    }
    const double stored = std::accumulate(pop_.weights.begin(), pop_.weights.end(), 0.0);
    if (!(stored > 0.0) || !std::isfinite(stored))
      throw NumericalError("PMC: the population weights are not finite or sum to zero");
    for (double &w : pop_.weights)
      w /= stored;
    log_scale_ += std::log(stored);
    pop_.sort();
  }

  // ---- one iteration (false: cancelled, the population unchanged) ---------------------
  bool iteration() {
    if (detail::cancel_agreed(problem_, cancel_)) {
      out_.cancelled = true;
      return false;
    }
    // (Position n_keep holds a positive-weight point whenever the previous iteration
    // accepted anything; otherwise PMC has stopped. The min is a guard.)
    const double eps = std::min(pop_.distances[sz(n_keep_)], previous_eps_);
    previous_eps_ = eps;
    const Kernel k = kernel();
    const Proposals pr = proposal_rounds(k, eps);
    out_.total_draws += pr.simulations;
    if (pr.cancelled) {
      out_.cancelled = true;
      return false;
    }
    acceptance_bookkeeping(pr, eps);
    replace_moved(pr, importance_log_weights(k, pr));
    ++iterations_;
    report(iteration_progress(iterations_, acceptance_),
           "PMC: iteration " + std::to_string(iterations_) + ": epsilon " + num(eps) +
               ", acceptance " + num(acceptance_) + ", " + std::to_string(out_.total_draws) +
               " simulations");
    return true;
  }

  // ---- acceptance bookkeeping and the stopping criterion ------------------------------
  void acceptance_bookkeeping(const Proposals &pr, double eps) {
    acceptance_ =
        pr.attempts > 0 ? static_cast<double>(pr.accepted) / static_cast<double>(pr.attempts) : 0.0;
    last_eps_ = eps;
    last_abandoned_ = pr.attempts - pr.simulations;
    last_acceptance_sim_ =
        pr.simulations > 0 ? static_cast<double>(pr.accepted) / static_cast<double>(pr.simulations)
                           : 0.0;
  }
  // Stop once an iteration's acceptance is below acceptance_ratio, or at max_iteration.
  bool should_stop() const {
    return !(iterations_ < s_.max_iteration && !(acceptance_ < s_.acceptance_ratio));
  }

  // ---- the result: normalised weights, epsilon, converged and why not ----------------
  PmcSamples result() {
    const double wsum = std::accumulate(pop_.weights.begin(), pop_.weights.end(), 0.0);
    for (double &w : pop_.weights)
      w /= wsum;
    out_.parameters = pop_.theta;
    out_.summaries = pop_.summaries;
    out_.distances = pop_.distances;
    out_.weights = pop_.weights;
    out_.epsilon = 0.0; // the largest distance among the points that carry weight
    for (Index i = 0; i < N_; ++i)
      if (pop_.weights[sz(i)] > 0.0) out_.epsilon = std::max(out_.epsilon, pop_.distances[sz(i)]);
    out_.iterations = iterations_;
    out_.acceptance = iterations_ > 0 ? acceptance_ : 0.0;
    set_convergence();
    report(out_.cancelled ? reported_ : 1.0,
           "PMC: " + std::to_string(iterations_) + " iterations, epsilon " + num(out_.epsilon) +
               ", last acceptance " + num(acceptance_) + ", " + std::to_string(out_.total_draws) +
               " simulations" + (out_.cancelled ? " (cancelled)" : ""));
    return std::move(out_);
  }
  // Did the acceptance criterion stop PMC, or a limit?
  void set_convergence() {
    if (out_.cancelled) {
      out_.converged = false;
      out_.convergence = "cancelled";
    } else if (iterations_ == 0) {
      out_.converged = false;
      out_.convergence = "`max_iteration` 0: only the initial population was drawn (a "
                         "rejection ABC sample of the closest n_points); raise `max_iteration`";
    } else if (!(acceptance_ < s_.acceptance_ratio)) {
      out_.converged = false;
      out_.convergence = "`max_iteration` " + std::to_string(s_.max_iteration) +
                         " reached with the acceptance " + num(out_.acceptance) +
                         " still above `acceptance_ratio` " + num(s_.acceptance_ratio) +
                         " (epsilon " + num(last_eps_) + ")" +
                         ": the population has not reached the tolerance at which PMC stops; "
                         "raise `max_iteration`";
    } else if (last_abandoned_ > 0 && !(last_acceptance_sim_ < s_.acceptance_ratio)) {
      out_.converged = false;
      out_.convergence =
          std::to_string(last_abandoned_) +
          " proposals of the last iteration found no point inside the prior box in "
          "`max_samples` " +
          std::to_string(s_.max_samples) +
          " draws; counted as rejections they brought the "
          "acceptance below `acceptance_ratio`, but among the simulated proposals it is " +
          num(last_acceptance_sim_) + ": raise `max_samples`";
    }
  }

  const Problem &problem_;
  const PmcSettings &s_;
  const Prior &prior_;
  const ProgressFn &progress_;
  const std::atomic<bool> *cancel_;
  const Index p_, q_, N_;
  const Index n_init_;          // initial prior draws
  const Index n_keep_, n_move_; // points kept / moved per iteration
  const int nt_;

  PmcSamples out_;
  double reported_ = 0.0;   // the last progress fraction
  std::uint64_t batch_ = 0; // seeds: every round of draws has its own batch number
  detail::Pass pass_;
  Population pop_;
  double log_scale_ = 0.0; // true weights = stored weights * exp(log_scale)
  int iterations_ = 0;
  double acceptance_ = kInf; // the last complete iteration's accepted / proposals
  double previous_eps_ = kInf;
  double last_eps_ = kInf;         // the tolerance of the last complete iteration
  Index last_abandoned_ = 0;       // its proposals abandoned outside the box (max_samples)
  double last_acceptance_sim_ = 0; // its accepted / simulated proposals
};

} // namespace

PmcSamples population_monte_carlo(const Problem &problem_in, const PmcSettings &settings,
                                  const ProgressFn &progress, const std::atomic<bool> *cancel) {
  const Problem problem = detail::validated_problem(problem_in, "PMC");
  check_settings(settings);
  return PmcRun(problem, settings, progress, cancel).run();
}

} // namespace imnn::lfi

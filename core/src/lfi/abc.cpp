// Rejection ABC: draw theta from the prior, simulate, compress, accept when the
// distance to the target summaries is below epsilon. Draws are kept (all, with their
// distances), added to earlier ones unless `replace`.
//
// Seeds: batch b of an Abc object (a counter that never repeats) draws its i-th theta
// from draw_seed(abc_prior, b, i) and simulates with draw_seed(abc_sim, b, i), both
// derive_seed(run seed, SeedStream::inference, tag|b, i): results are written by index
// and do not depend on the number of threads.
#include "lfi/lfi_internal.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

namespace imnn::lfi {

MatrixD AbcSamples::accepted_parameters() const {
  MatrixD out(n_accepted, parameters.cols());
  Index r = 0;
  for (Index i = 0; i < parameters.rows() && r < n_accepted; ++i)
    if (accepted[static_cast<std::size_t>(i)]) out.row(r++) = parameters.row(i);
  out.conservativeResize(r, parameters.cols());
  return out;
}

Abc::Abc(Problem problem) : problem_(detail::validated_problem(problem, "ABC")) {
  samples_.parameters.resize(0, problem_.prior->dim());
  samples_.summaries.resize(0, problem_.n_summaries);
}

namespace {

void append_rows(MatrixD &to, const MatrixD &from, Index n) {
  const Index old = to.rows();
  to.conservativeResize(old + n, from.cols());
  if (n > 0) to.bottomRows(n) = from.topRows(n);
}

} // namespace

double quantile_epsilon(const std::vector<double> &distances, double fraction) {
  if (distances.empty()) throw Error("ABC: no draws to choose epsilon from");
  if (!(fraction > 0.0 && fraction <= 1.0)) throw Error("ABC: accept_fraction must lie in (0, 1]");
  const auto n = distances.size();
  // k = ceil(q N) draws accepted (at least 1); NaN distances sort last.
  auto k = static_cast<std::size_t>(std::ceil(fraction * static_cast<double>(n) - 1e-9));
  k = std::clamp<std::size_t>(k, 1, n);
  std::vector<double> d(distances);
  for (double &v : d)
    if (std::isnan(v)) v = std::numeric_limits<double>::infinity();
  if (k == n) {
    const double top = *std::max_element(d.begin(), d.end());
    return std::nextafter(top, std::numeric_limits<double>::infinity());
  }
  std::nth_element(d.begin(), d.begin() + static_cast<std::ptrdiff_t>(k), d.end());
  return d[k]; // accepts the draws strictly closer: the k closest when there are no ties
}

const AbcSamples &Abc::run(const AbcSettings &settings, const ProgressFn &progress,
                           const std::atomic<bool> *cancel) {
  const AbcSettings &s = settings;
  if (s.n_samples < 0)
    throw Error("ABC: n_samples is " + std::to_string(s.n_samples) +
                ": use the number of prior draws per iteration (0: none)");
  if (s.min_accepted < 0)
    throw Error("ABC: min_accepted is " + std::to_string(s.min_accepted) +
                ": use 0 (one batch) or the number of accepted draws to reach");
  if (std::isnan(s.epsilon))
    throw Error("ABC: epsilon is NaN: give a distance >= 0, or a negative value for none");
  if (!(s.accept_fraction >= 0.0 && s.accept_fraction <= 1.0))
    throw Error("ABC: accept_fraction " + std::to_string(s.accept_fraction) +
                " is outside [0, 1]: it is the fraction of the draws to accept when epsilon is "
                "chosen automatically (0: none)");
  const bool auto_epsilon = s.epsilon < 0.0 && s.accept_fraction > 0.0;
  if (s.min_accepted > 0 && auto_epsilon)
    throw Error("ABC: min_accepted needs a fixed epsilon: an automatic epsilon (accept_fraction) "
                "is chosen after one batch of draws; give epsilon, or set min_accepted to 0");
  const bool has_epsilon = s.epsilon >= 0.0 || auto_epsilon;
  if (s.min_accepted > 0 && !has_epsilon)
    throw Error("ABC: min_accepted needs epsilon: give the acceptance distance epsilon, or set "
                "min_accepted to 0");
  if (s.min_accepted > 0 && s.n_samples < 1)
    throw Error("ABC: min_accepted needs draws: set n_samples (draws per iteration) > 0");
  if (s.min_accepted > 0 && s.max_iterations < 1)
    throw Error("ABC: max_iterations is " + std::to_string(s.max_iterations) +
                ": the min_accepted loop needs at least 1 iteration");
  const bool have_draws = samples_.parameters.rows() > 0 && !s.replace;
  if (s.n_samples == 0 && !have_draws) {
    if (has_epsilon)
      throw Error("ABC: epsilon given but there are no draws to accept or reject: set n_samples "
                  "> 0 to draw from the prior first");
    throw Error("ABC: nothing to do: set n_samples > 0 to draw from the prior");
  }

  const Index p = problem_.prior->dim();
  const Index q = problem_.n_summaries;
  if (s.replace) {
    samples_.parameters.resize(0, p);
    samples_.summaries.resize(0, q);
    samples_.distances.clear();
    samples_.accepted.clear();
  }
  samples_.epsilon = s.epsilon;
  samples_.epsilon_auto = false;
  samples_.n_simulations = 0;
  samples_.iterations = 0;
  samples_.cancelled = false;
  samples_.converged = true;
  samples_.convergence.clear();

  // (With an automatic epsilon nothing is accepted until the draws are done.)
  double epsilon = auto_epsilon ? -1.0 : s.epsilon;
  auto accept = [&](double d) { return epsilon >= 0.0 && d < epsilon; };
  Index n_accepted = 0;
  for (const double d : samples_.distances)
    n_accepted += accept(d) ? 1 : 0;

  // min_accepted counts every stored accepted draw (earlier calls included, as the
  // reference); 0 means one batch of n_samples draws.
  const int max_batches = s.min_accepted > 0 ? s.max_iterations : (s.n_samples > 0 ? 1 : 0);
  auto more = [&](int done) {
    if (done >= max_batches) return false;
    return s.min_accepted == 0 || n_accepted < s.min_accepted;
  };
  double reported = 0.0; // fractions never go back
  auto fraction = [&](double batches_done) {
    double f = batches_done / std::max(max_batches, 1);
    if (s.min_accepted > 0)
      f = std::max(f, static_cast<double>(n_accepted) / static_cast<double>(s.min_accepted));
    reported = std::max(reported, std::min(f, 1.0));
    return reported;
  };

  detail::Pass pass;
  for (int it = 0; more(it); ++it) {
    if (detail::cancel_agreed(problem_, cancel)) {
      samples_.cancelled = true;
      break;
    }
    const std::uint64_t batch = batches_++;
    const Prior *prior = problem_.prior;
    const Problem &pr = problem_;
    auto make_theta = [prior, &pr, batch](Index i, double *theta) {
      prior->sample(
          detail::draw_seed(pr, detail::SeedTag::abc_prior, batch, static_cast<std::uint64_t>(i)),
          theta);
      return true;
    };
    auto chunk_done = [&](Index done, Index n) {
      if (!progress) return;
      char msg[160];
      std::snprintf(msg, sizeof msg, "ABC: batch %d: %td/%td simulations", it + 1, done, n);
      progress(fraction(it + static_cast<double>(done) / static_cast<double>(n)), msg);
    };
    const Index done = detail::simulate_pass(problem_, detail::SeedTag::abc_sim, batch, s.n_samples,
                                             make_theta, pass, cancel, chunk_done);
    append_rows(samples_.parameters, pass.theta, done);
    append_rows(samples_.summaries, pass.summaries, done);
    samples_.distances.insert(samples_.distances.end(), pass.distances.begin(),
                              pass.distances.begin() + done);
    for (Index i = 0; i < done; ++i)
      n_accepted += accept(pass.distances[std::size_t(i)]) ? 1 : 0;
    samples_.n_simulations += done;
    if (done < s.n_samples) {
      samples_.cancelled = true;
      break;
    }
    ++samples_.iterations;
  }

  if (auto_epsilon && !samples_.distances.empty()) {
    epsilon = quantile_epsilon(samples_.distances, s.accept_fraction);
    samples_.epsilon = epsilon;
    samples_.epsilon_auto = true;
  }
  samples_.accepted.assign(samples_.distances.size(), 0);
  samples_.n_accepted = 0;
  for (std::size_t i = 0; i < samples_.distances.size(); ++i)
    if (accept(samples_.distances[i])) {
      samples_.accepted[i] = 1;
      ++samples_.n_accepted;
    }
  if (samples_.cancelled) {
    samples_.converged = false;
    samples_.convergence = "cancelled";
  } else if (s.min_accepted > 0 && samples_.n_accepted < s.min_accepted) {
    samples_.converged = false;
    samples_.convergence = "`min_accepted` " + std::to_string(s.min_accepted) +
                           " not reached: " + std::to_string(samples_.n_accepted) +
                           " draws accepted after `max_iterations` " +
                           std::to_string(s.max_iterations) + " batches of `n_samples` " +
                           std::to_string(s.n_samples) +
                           ": raise `max_iterations` or `n_samples` (or `epsilon`)";
  }
  if (progress) {
    char msg[200];
    std::snprintf(msg, sizeof msg,
                  "ABC: %td accepted of %td draws (%td simulations in %d iterations)%s",
                  samples_.n_accepted, samples_.parameters.rows(), samples_.n_simulations,
                  samples_.iterations, samples_.cancelled ? ", cancelled" : "");
    progress(samples_.cancelled ? fraction(samples_.iterations) : 1.0, msg);
  }
  return samples_;
}

} // namespace imnn::lfi

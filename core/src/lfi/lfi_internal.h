// Private helpers of the LFI module: counter-based random streams, the normal
// distribution's tails, validation of a Problem, and the parallel
// simulate-and-compress pass shared by ABC and PMC.
#pragma once

#include "imnn/error.h"
#include "imnn/lfi.h"

#include <Random123/philox.h>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace imnn::lfi::detail {

// A stream of uniforms from Philox-4x64 keyed by one 64-bit seed: a pure function of
// (seed, stream), four 64-bit words per counter step.
class Stream {
public:
  explicit Stream(std::uint64_t seed, std::uint64_t stream = 0) : key_{{seed, stream}} {}
  std::uint64_t next_u64() {
    if (pos_ == 4) {
      out_ = rng_(ctr_, key_);
      ctr_.v[0] += 1;
      pos_ = 0;
    }
    return out_.v[pos_++];
  }
  // Uniform in (0, 1): never 0 nor 1, so logs and quantiles stay finite.
  double open01() { return (static_cast<double>(next_u64() >> 11) + 0.5) * 0x1.0p-53; }
  // Uniform in [0, 1).
  double unit() { return static_cast<double>(next_u64() >> 11) * 0x1.0p-53; }
  // Standard normal (Box-Muller; the second value of each pair is kept).
  double normal() {
    if (has_spare_) {
      has_spare_ = false;
      return spare_;
    }
    const double r = std::sqrt(-2.0 * std::log(open01()));
    const double phi = 2.0 * 3.14159265358979323846 * unit();
    spare_ = r * std::sin(phi);
    has_spare_ = true;
    return r * std::cos(phi);
  }

private:
  r123::Philox4x64 rng_;
  r123::Philox4x64::key_type key_;
  r123::Philox4x64::ctr_type ctr_ = {{0, 0, 0, 0}};
  r123::Philox4x64::ctr_type out_ = {{0, 0, 0, 0}};
  int pos_ = 4;
  double spare_ = 0;
  bool has_spare_ = false;
};

// ---- the standard normal --------------------------------------------------------------
inline double norm_cdf(double x) {
  return 0.5 * std::erfc(-x * 0.70710678118654752440);
}
inline double norm_sf(double x) {
  return 0.5 * std::erfc(x * 0.70710678118654752440);
}
inline double norm_logpdf(double x) {
  return -0.5 * x * x - 0.91893853320467274178;
}
// Quantile of the standard normal for p in (0, 1) (Acklam's rational approximation
// refined by one Halley step: relative error ~1e-15).
double norm_quantile(double p);
// P(a <= Z <= b) for a standard normal Z, accurate in both tails.
double norm_interval(double a, double b);
// A draw of Z conditioned on a <= Z <= b from u in (0, 1) (inverse CDF on the tail
// nearer to the interval, so far tails stay accurate).
double truncated_normal(double a, double b, double u);

// ---- problems ---------------------------------------------------------------------------
// Checks a Problem (sizes, callables, the distance matrix) and returns a copy whose
// distance is ready for use (euclidean: F set to the q x q identity, whose size is all
// Distance uses). `who` prefixes messages ("ABC", "PMC").
Problem validated_problem(const Problem &problem, const char *who);

int thread_count(const Problem &problem);

// Seed offsets inside SeedStream::inference: ABC and PMC, simulation noise and prior /
// proposal draws, never share a derive_seed counter.
enum class SeedTag : std::uint64_t { abc_sim = 1, abc_prior = 2, pmc_sim = 3, pmc_proposal = 4 };
std::uint64_t draw_seed(const Problem &problem, SeedTag tag, std::uint64_t batch,
                        std::uint64_t index);

// One pass of simulate + compress + distance over n draws whose parameters are produced
// by make_theta(i, theta) (may return false to mark the draw abandoned: no simulation,
// distance +inf). Simulations run in parallel with seed draw_seed(sim_tag, batch, i);
// compress is called from this thread in chunks that bound memory. Exceptions from
// make_theta/simulate are rethrown after the parallel region, the lowest index first.
// Cancellation (checked per draw) stops the pass: it returns the number of leading
// draws completed (all of them unless cancelled); results beyond are undefined.
struct Pass {
  MatrixD theta;                 // n x p
  MatrixD summaries;             // n x q
  std::vector<double> distances; // n (+inf for abandoned or non-finite summaries)
  std::vector<char> simulated;   // n: 1 when a simulation was made
};
using MakeTheta = std::function<bool(Index i, double *theta)>;
using ChunkDone = std::function<void(Index done, Index n)>;
Index simulate_pass(const Problem &problem, SeedTag sim_tag, std::uint64_t batch, Index n,
                    const MakeTheta &make_theta, Pass &out, const std::atomic<bool> *cancel,
                    const ChunkDone &chunk_done = {});

inline bool cancelled(const std::atomic<bool> *cancel) {
  return cancel != nullptr && cancel->load(std::memory_order_relaxed);
}
// Between passes: cancelled on any rank (every rank calls it at the same point, so
// under MPI all stop together; a signal seldom reaches every rank at once); on one
// process the flag itself. Inside a pass each rank checks its own flag and
// simulate_pass agrees on the draws every rank completed.
inline bool cancel_agreed(const Problem &problem, const std::atomic<bool> *cancel) {
  if (problem.comm && problem.comm->size() > 1) return problem.comm->any(cancelled(cancel));
  return cancelled(cancel);
}

} // namespace imnn::lfi::detail

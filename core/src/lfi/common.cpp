// Shared LFI machinery: the normal distribution's tails, distances, problem
// validation and the parallel simulate-and-compress pass used by ABC and PMC.
#include "imnn/seeds.h"

#include "lfi/lfi_internal.h"

#include <Eigen/Eigenvalues>
#include <algorithm>
#include <exception>
#include <limits>
#include <mutex>
#include <omp.h>

namespace imnn::lfi {

namespace detail {

double norm_quantile(double p) {
  if (!(p > 0.0)) return -std::numeric_limits<double>::infinity();
  if (!(p < 1.0)) return std::numeric_limits<double>::infinity();
  // Upper half by symmetry: 1 - p is exact for p > 0.5, and the refinement below is
  // accurate only where norm_cdf is (the lower tail).
  if (p > 0.5) return -norm_quantile(1.0 - p);
  static constexpr double a[] = {-3.969683028665376e+01, 2.209460984245205e+02,
                                 -2.759285104469687e+02, 1.383577518672690e+02,
                                 -3.066479806614716e+01, 2.506628277459239e+00};
  static constexpr double b[] = {-5.447609879822406e+01, 1.615858368580409e+02,
                                 -1.556989798598866e+02, 6.680131188771972e+01,
                                 -1.328068155288572e+01};
  static constexpr double c[] = {-7.784894002430293e-03, -3.223964580411365e-01,
                                 -2.400758277161838e+00, -2.549732539343734e+00,
                                 4.374664141464968e+00,  2.938163982698783e+00};
  static constexpr double d[] = {7.784695709041462e-03, 3.224671290700398e-01,
                                 2.445134137142996e+00, 3.754408661907416e+00};
  double x;
  if (p < 0.02425) {
    const double q = std::sqrt(-2.0 * std::log(p));
    x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
        ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1.0);
  } else {
    const double q = p - 0.5;
    const double r = q * q;
    x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
        (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1.0);
  }
  // One Halley step on Phi(x) - p.
  const double e = norm_cdf(x) - p;
  const double u = e * 2.50662827463100050242 * std::exp(0.5 * x * x);
  return x - u / (1.0 + 0.5 * x * u);
}

double norm_interval(double a, double b) {
  if (!(b > a)) return 0.0;
  double v;
  if (a >= 0.0) {
    v = norm_sf(a) - norm_sf(b);
  } else if (b <= 0.0) {
    v = norm_cdf(b) - norm_cdf(a);
  } else {
    v = 1.0 - norm_cdf(a) - norm_sf(b);
  }
  return std::max(v, 0.0);
}

double truncated_normal(double a, double b, double u) {
  if (a > 0.0) return -truncated_normal(-b, -a, u); // work in the lower tail
  const double pa = norm_cdf(a);
  const double pb = norm_cdf(b);
  double x;
  if (pb > pa) {
    x = norm_quantile(pa + u * (pb - pa));
  } else {
    // The interval lies so far in the tail that Phi underflows: take a point inside.
    x = std::isfinite(a) ? (std::isfinite(b) ? a + u * (b - a) : a) : b;
  }
  return std::clamp(x, a, b);
}

int thread_count(const Problem &problem) {
  return problem.threads > 0 ? problem.threads : std::max(1, omp_get_max_threads());
}

std::uint64_t draw_seed(const Problem &problem, SeedTag tag, std::uint64_t batch,
                        std::uint64_t index) {
  // The tag sits in the top byte of the batch counter: batches never reach 2^56.
  const std::uint64_t iteration = (static_cast<std::uint64_t>(tag) << 56) | batch;
  return derive_seed(problem.seed, SeedStream::inference, iteration, index);
}

Problem validated_problem(const Problem &problem, const char *who) {
  const std::string w = who;
  if (problem.prior == nullptr) throw Error(w + ": no prior: set Problem::prior");
  const Prior &prior = *problem.prior;
  if (prior.dim() < 1)
    throw Error(w + ": the prior has no parameters: give it at least one (low, high) pair");
  if (prior.high().size() != prior.low().size())
    throw Error(w + ": the prior has " + std::to_string(prior.low().size()) + " lower bounds but " +
                std::to_string(prior.high().size()) +
                " upper bounds: give one (low, high) pair per parameter");
  if (!problem.simulate) throw Error(w + ": no simulator: set Problem::simulate");
  if (!problem.compress) throw Error(w + ": no compressor: set Problem::compress");
  if (problem.input_size < 1)
    throw Error(w + ": input_size is " + std::to_string(problem.input_size) +
                ": set it to the number of values one simulation produces");
  const Index q = problem.n_summaries;
  if (q < 1)
    throw Error(w + ": n_summaries is " + std::to_string(q) +
                ": set it to the number of summaries the compressor gives per simulation");
  if (problem.target.size() != q)
    throw Error(w + ": target has " + std::to_string(problem.target.size()) +
                " summaries but the compressor gives " + std::to_string(q) +
                ": compress the target data with the same compressor");
  if (!problem.target.allFinite())
    throw Error(w + ": the target summaries are not finite: check the target data");
  if (problem.threads < 0)
    throw Error(w + ": threads is " + std::to_string(problem.threads) +
                ": use 0 (all cores) or a positive count");
  Problem out = problem;
  if (problem.distance.kind == DistanceKind::euclidean) {
    out.distance.F = Eigen::MatrixXd::Identity(q, q);
    return out;
  }
  const Eigen::MatrixXd &F = problem.distance.F;
  if (F.rows() != q || F.cols() != q)
    throw Error(w + ": the distance's Fisher matrix F is " + std::to_string(F.rows()) + "x" +
                std::to_string(F.cols()) + " but there are " + std::to_string(q) +
                " summaries: pass the " + std::to_string(q) + "x" + std::to_string(q) +
                " Fisher matrix of the summaries, or use the euclidean distance");
  if (!F.allFinite())
    throw Error(w + ": the distance's Fisher matrix F is not finite: pass a finite matrix");
  const double scale = std::max(F.cwiseAbs().maxCoeff(), std::numeric_limits<double>::min());
  if ((F - F.transpose()).cwiseAbs().maxCoeff() > 1e-8 * scale)
    throw Error(w + ": the distance's Fisher matrix F is not symmetric: pass a symmetric matrix");
  const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eig(F, Eigen::EigenvaluesOnly);
  if (eig.eigenvalues().minCoeff() < -1e-10 * scale)
    throw Error(w + ": the distance's Fisher matrix F is not positive semi-definite: "
                    "pass a Fisher matrix (or use the euclidean distance)");
  return out;
}

Index simulate_pass(const Problem &problem, SeedTag sim_tag, std::uint64_t batch, Index n,
                    const MakeTheta &make_theta, Pass &out, const std::atomic<bool> *cancel,
                    const ChunkDone &chunk_done) {
  const Index p = problem.prior->dim();
  const Index q = problem.n_summaries;
  const Index in = problem.input_size;
  const double inf = std::numeric_limits<double>::infinity();
  out.theta.resize(n, p);
  out.summaries.setConstant(n, q, std::numeric_limits<double>::quiet_NaN());
  out.distances.assign(static_cast<std::size_t>(n), inf);
  out.simulated.assign(static_cast<std::size_t>(n), 0);
  // Chunks bound the simulation buffer (~32 MB, at most 512 draws) and set the
  // granularity of progress reports; cancellation is checked per draw inside a chunk.
  // Under MPI chunk j is made and compressed by rank j mod ranks: the chunks, not the
  // ranks, fix what compress() sees, so the summaries do not depend on the rank count.
  const Index chunk = std::clamp<Index>((Index{32} << 20) / (8 * in), 1, 512);
  Communicator *comm = problem.comm && problem.comm->size() > 1 ? problem.comm.get() : nullptr;
  const int ranks = comm ? comm->size() : 1, me = comm ? comm->rank() : 0;
  std::vector<double> data(static_cast<std::size_t>(std::min(chunk, std::max<Index>(n, 1)) * in));
  std::vector<double> sums, thetas;
  std::vector<Index> rows;
  std::vector<std::uint64_t> seeds;
  const int nt = thread_count(problem);
  Index done = n; // the draws [0, done) are complete: this rank's first incomplete chunk
  std::exception_ptr failure;
  std::int64_t failed_at = 0;
  for (Index start = 0; start < n; start += chunk) {
    if ((start / chunk) % ranks != me) continue;
    if (cancelled(cancel)) {
      done = start;
      break;
    }
    const Index m = std::min(chunk, n - start);
    std::atomic<Index> first_fail{std::numeric_limits<Index>::max()};
    std::exception_ptr error;
    std::mutex error_mutex;
    std::atomic<bool> stopped{false};
    rows.clear();
    if (problem.simulate_batch) {
      // One batch call for the chunk's simulated draws, packed to the front of data in
      // index order (as the compression below wants them). A failing batch is rerun one
      // draw at a time so that the error is that of the lowest failing draw, as below.
      seeds.clear();
      thetas.clear();
      for (Index k = 0; k < m && !error; ++k) {
        const Index i = start + k;
        try {
          double *theta = out.theta.row(i).data();
          if (make_theta(i, theta)) {
            rows.push_back(i);
            seeds.push_back(draw_seed(problem, sim_tag, batch, static_cast<std::uint64_t>(i)));
            thetas.insert(thetas.end(), theta, theta + p);
          }
        } catch (...) {
          first_fail.store(k);
          error = std::current_exception();
        }
      }
      const Index ns = static_cast<Index>(rows.size());
      if (!error && ns > 0) {
        try {
          problem.simulate_batch(ns, seeds.data(), thetas.data(), data.data());
        } catch (...) {
          error = std::current_exception();
          first_fail.store(rows.front() - start);
        }
      }
      if (error) // a draw before the failure may fail first, as one at a time
        for (Index r = 0; r < ns; ++r) {
          try {
            problem.simulate(seeds[static_cast<std::size_t>(r)], thetas.data() + r * p,
                             data.data() + r * in);
          } catch (...) {
            error = std::current_exception();
            first_fail.store(rows[static_cast<std::size_t>(r)] - start);
            break;
          }
        }
      if (!error)
        for (Index i : rows)
          out.simulated[static_cast<std::size_t>(i)] = 1;
    } else {
#pragma omp parallel for num_threads(nt) schedule(dynamic, 1)
      for (Index k = 0; k < m; ++k) {
        // Draws after a failure are skipped, those before it still run, so the error
        // rethrown is always the one of the lowest failing index.
        if (k > first_fail.load(std::memory_order_relaxed)) continue;
        if (cancelled(cancel)) {
          stopped.store(true, std::memory_order_relaxed);
          continue;
        }
        const Index i = start + k;
        try {
          double *theta = out.theta.row(i).data();
          if (make_theta(i, theta)) {
            problem.simulate(draw_seed(problem, sim_tag, batch, static_cast<std::uint64_t>(i)),
                             theta, data.data() + k * in);
            out.simulated[static_cast<std::size_t>(i)] = 1;
          }
        } catch (...) {
          const std::lock_guard<std::mutex> lock(error_mutex);
          if (k < first_fail.load()) {
            first_fail.store(k);
            error = std::current_exception();
          }
        }
      }
      // The simulated rows of the chunk, packed to the front in index order.
      for (Index k = 0; k < m; ++k)
        if (out.simulated[static_cast<std::size_t>(start + k)]) {
          const Index r = static_cast<Index>(rows.size());
          if (r != k) std::copy_n(data.data() + k * in, in, data.data() + r * in);
          rows.push_back(start + k);
        }
    }
    if (error && !comm) std::rethrow_exception(error);
    if (error) { // every rank must learn of it: agreed below
      failure = error;
      failed_at = static_cast<std::int64_t>(start + first_fail.load());
      break;
    }
    if (stopped.load() || cancelled(cancel)) { // the partial chunk is dropped
      done = start;
      break;
    }
    // Compress the simulated rows of the chunk (packed to the front, in index order).
    const Index ns = static_cast<Index>(rows.size());
    if (ns > 0) {
      sums.assign(static_cast<std::size_t>(ns * q), 0.0);
      try {
        problem.compress(data.data(), ns, sums.data());
        for (Index r = 0; r < ns; ++r) {
          const Index i = rows[static_cast<std::size_t>(r)];
          const double *s = sums.data() + r * q;
          std::copy_n(s, q, out.summaries.row(i).data());
          const double d = problem.distance(s, problem.target.data());
          out.distances[static_cast<std::size_t>(i)] = std::isfinite(d) ? d : inf;
        }
      } catch (...) {
        if (!comm) throw;
        failure = std::current_exception();
        failed_at = static_cast<std::int64_t>(start);
        break;
      }
    }
    if (chunk_done) chunk_done(start + m, n);
  }
  if (!comm) return done;

  // Every rank: the first error of any rank, else the draws every rank completed,
  // each chunk's rows (theta, summaries, distance, simulated) sent by its rank.
  agree_on_error(*comm, failure, failed_at);
  done = static_cast<Index>(comm->min(static_cast<std::int64_t>(done)));
  const Index width = p + q + 2;
  std::vector<double> mine;
  for (Index start = 0; start < done; start += chunk)
    if ((start / chunk) % ranks == me)
      for (Index i = start; i < std::min(start + chunk, n); ++i) {
        mine.insert(mine.end(), out.theta.row(i).data(), out.theta.row(i).data() + p);
        for (Index j = 0; j < q; ++j)
          mine.push_back(out.summaries(i, j));
        mine.push_back(out.distances[static_cast<std::size_t>(i)]);
        mine.push_back(out.simulated[static_cast<std::size_t>(i)]);
      }
  const std::vector<double> all = comm->all_gather(mine);
  std::size_t at = 0;
  for (int r = 0; r < ranks; ++r)
    for (Index start = 0; start < done; start += chunk)
      if ((start / chunk) % ranks == r)
        for (Index i = start; i < std::min(start + chunk, n); ++i, at += width) {
          if (at + width > all.size())
            throw Error("internal: the MPI ranks exchanged fewer draws than expected; were they "
                        "all started with the same options?");
          if (r == me) continue;
          const double *v = all.data() + at;
          for (Index j = 0; j < p; ++j)
            out.theta(i, j) = v[j];
          for (Index j = 0; j < q; ++j)
            out.summaries(i, j) = v[p + j];
          out.distances[static_cast<std::size_t>(i)] = v[p + q];
          out.simulated[static_cast<std::size_t>(i)] = v[p + q + 1] != 0 ? 1 : 0;
        }
  return done;
}

} // namespace detail

double Distance::operator()(const double *s, const double *target) const {
  const Index q = F.rows();
  if (q == 0 || F.cols() != q)
    throw Error("distance: F must be q x q (the Fisher matrix of the q summaries; for the "
                "euclidean distance any q x q matrix, only its size is used)");
  for (Index i = 0; i < q; ++i)
    if (!std::isfinite(s[i])) return std::numeric_limits<double>::infinity();
  double acc = 0.0;
  if (kind == DistanceKind::euclidean) {
    for (Index i = 0; i < q; ++i) {
      const double d = s[i] - target[i];
      acc += d * d;
    }
  } else {
    for (Index i = 0; i < q; ++i) {
      const double di = s[i] - target[i];
      double row = 0.0;
      for (Index j = 0; j < q; ++j)
        row += F(i, j) * (s[j] - target[j]);
      acc += di * row;
    }
  }
  return std::sqrt(std::max(acc, 0.0));
}

DistanceKind distance_from_name(const std::string &name) {
  if (name == "fisher") return DistanceKind::fisher;
  if (name == "euclidean") return DistanceKind::euclidean;
  throw Error("unknown distance \"" + name + "\": use \"fisher\" or \"euclidean\"");
}

} // namespace imnn::lfi

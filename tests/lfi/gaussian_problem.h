// The Gaussian mean/variance problem of the LFI tests: n = 10 data points
// d = mu + sqrt(Sigma) eps, summaries (sample mean, unbiased sample variance) — the
// sufficient statistics — and the exact (ABC) posterior on a grid.
#pragma once

#include "imnn/lfi.h"

#include <Random123/philox.h>
#include <array>
#include <cmath>
#include <cstdint>
#include <functional>
#include <vector>

namespace gp {

using imnn::Index;
constexpr int n = 10;
constexpr double kPi = 3.14159265358979323846;

// Independent of the library's helpers on purpose: Philox-4x64 keyed by the seed,
// Box-Muller.
inline void normals(std::uint64_t seed, double *out, int count) {
  r123::Philox4x64 rng;
  const r123::Philox4x64::key_type key = {{seed, 0x5445535400000000ULL}};
  r123::Philox4x64::ctr_type ctr = {{0, 0, 0, 0}};
  int k = 0;
  while (k < count) {
    const auto r = rng(ctr, key);
    ctr.v[0] += 1;
    for (int j = 0; j < 4 && k < count; j += 2) {
      const double u1 = (static_cast<double>(r.v[j] >> 11) + 0.5) * 0x1.0p-53;
      const double u2 = static_cast<double>(r.v[j + 1] >> 11) * 0x1.0p-53;
      const double rad = std::sqrt(-2.0 * std::log(u1));
      out[k++] = rad * std::cos(2.0 * kPi * u2);
      if (k < count) out[k++] = rad * std::sin(2.0 * kPi * u2);
    }
  }
}

inline void simulate(std::uint64_t seed, const double *theta, double *out) {
  normals(seed, out, n);
  const double s = std::sqrt(theta[1]);
  for (int i = 0; i < n; ++i)
    out[i] = theta[0] + s * out[i];
}

inline void summarise(const double *d, double *s) {
  double m = 0.0;
  for (int i = 0; i < n; ++i)
    m += d[i];
  m /= n;
  double v = 0.0;
  for (int i = 0; i < n; ++i)
    v += (d[i] - m) * (d[i] - m);
  s[0] = m;
  s[1] = v / (n - 1);
}

inline void compress(const double *data, Index rows, double *summaries) {
  for (Index r = 0; r < rows; ++r)
    summarise(data + r * n, summaries + 2 * r);
}

// Fisher matrix of (mu, Sigma) for n points at Sigma: diag(n / Sigma, n / (2 Sigma^2)).
inline Eigen::MatrixXd fisher(double sigma) {
  Eigen::MatrixXd F = Eigen::MatrixXd::Zero(2, 2);
  F(0, 0) = n / sigma;
  F(1, 1) = n / (2.0 * sigma * sigma);
  return F;
}

inline imnn::lfi::Problem problem(const imnn::lfi::Prior *prior, const Eigen::Vector2d &target,
                                  std::uint64_t seed, int threads) {
  imnn::lfi::Problem p;
  p.prior = prior;
  p.simulate = simulate;
  p.compress = compress;
  p.input_size = n;
  p.n_summaries = 2;
  p.target = target;
  p.distance.kind = imnn::lfi::DistanceKind::fisher;
  p.distance.F = fisher(target(1)); // the Fisher matrix at the target's variance
  p.seed = seed;
  p.threads = threads;
  return p;
}

inline double norm_cdf(double x) {
  return 0.5 * std::erfc(-x / std::sqrt(2.0));
}

// log density of the unbiased sample variance v of n points with variance Sigma:
// (n-1) v / Sigma ~ chi^2_{n-1}.
inline double log_pdf_variance(double v, double sigma) {
  if (!(v > 0.0)) return -INFINITY;
  const double k = n - 1;
  const double x = k * v / sigma;
  return std::log(k / sigma) + (0.5 * k - 1.0) * std::log(x) - 0.5 * x - 0.5 * k * std::log(2.0) -
         std::lgamma(0.5 * k);
}

// The ABC likelihood P(rho(s, s_t) < eps | mu, Sigma) for the Fisher distance with
// F = fisher(v_t) (up to a constant), or for eps = 0 the density of the target's
// summaries (the exact likelihood: they are sufficient). The acceptance region is an
// ellipse: v = v_t + R_v sin(phi), |xbar - xbar_t| < R_x cos(phi); the inner integral
// over xbar is a normal CDF difference, the outer one over phi is smooth (midpoint rule).
inline double abc_likelihood(double mu, double sigma, double xbar_t, double v_t, double eps) {
  const double sx = std::sqrt(sigma / n);
  if (eps == 0.0) {
    const double z = (xbar_t - mu) / sx;
    return std::exp(-0.5 * z * z - std::log(sx) + log_pdf_variance(v_t, sigma));
  }
  const double Rx = eps * std::sqrt(v_t / n);
  const double Rv = eps * v_t * std::sqrt(2.0 / n);
  constexpr int nodes = 96;
  double acc = 0.0;
  for (int k = 0; k < nodes; ++k) {
    const double phi = -0.5 * kPi + (k + 0.5) * kPi / nodes;
    const double v = v_t + Rv * std::sin(phi);
    const double h = Rx * std::cos(phi);
    const double px = norm_cdf((xbar_t + h - mu) / sx) - norm_cdf((xbar_t - h - mu) / sx);
    acc += std::exp(log_pdf_variance(v, sigma)) * px * Rv * std::cos(phi);
  }
  return acc * kPi / nodes;
}

struct Moments {
  std::array<double, 2> mean{}, sd{}, kurtosis{};
};

// Moments of the posterior under the uniform prior box [mu_lo, mu_hi] x [s_lo, s_hi]
// on a g x g midpoint grid.
inline Moments grid_moments(const std::function<double(double, double)> &density, double mu_lo,
                            double mu_hi, double s_lo, double s_hi, int g) {
  const double dm = (mu_hi - mu_lo) / g, ds = (s_hi - s_lo) / g;
  std::vector<double> w(static_cast<std::size_t>(g) * g);
  double total = 0.0;
  for (int i = 0; i < g; ++i)
    for (int j = 0; j < g; ++j) {
      const double v = density(mu_lo + (i + 0.5) * dm, s_lo + (j + 0.5) * ds);
      w[static_cast<std::size_t>(i) * g + j] = v;
      total += v;
    }
  Moments m;
  std::array<double, 2> m1{}, m2{}, m4{};
  for (int pass = 0; pass < 2; ++pass)
    for (int i = 0; i < g; ++i)
      for (int j = 0; j < g; ++j) {
        const double p = w[static_cast<std::size_t>(i) * g + j] / total;
        const double x[2] = {mu_lo + (i + 0.5) * dm, s_lo + (j + 0.5) * ds};
        for (int a = 0; a < 2; ++a) {
          if (pass == 0) {
            m1[a] += p * x[a];
          } else {
            const double d = x[a] - m1[a];
            m2[a] += p * d * d;
            m4[a] += p * d * d * d * d;
          }
        }
      }
  for (int a = 0; a < 2; ++a) {
    m.mean[a] = m1[a];
    m.sd[a] = std::sqrt(m2[a]);
    m.kurtosis[a] = m4[a] / (m2[a] * m2[a]);
  }
  return m;
}

// Moments of the exact ABC posterior pi_eps (eps = 0: the exact posterior) of a target
// with sample mean xbar and unbiased variance v, under the uniform prior box
// [mu_lo, mu_hi] x [s_lo, s_hi], on a g x g midpoint grid.
inline Moments abc_posterior_moments(double xbar, double v, double eps, double mu_lo, double mu_hi,
                                     double s_lo, double s_hi, int g) {
  return grid_moments([&](double mu, double s) { return abc_likelihood(mu, s, xbar, v, eps); },
                      mu_lo, mu_hi, s_lo, s_hi, g);
}

// Weighted sample moments and their Monte Carlo standard errors (delta method for the
// self-normalised weighted mean and variance: se(mean)^2 = sum w_i^2 (x_i - m)^2,
// se(var)^2 = sum w_i^2 ((x_i - m)^2 - var)^2, se(sd) = se(var) / (2 sd); for equal
// weights these are sd / sqrt(N) and sd sqrt((kurtosis - 1) / (4 N))).
struct SampleMoments {
  std::array<double, 2> mean{}, sd{}, se_mean{}, se_sd{};
  double ess = 0;
};

inline SampleMoments sample_moments(const imnn::lfi::MatrixD &x, std::vector<double> w) {
  const Index N = x.rows();
  if (w.empty()) w.assign(static_cast<std::size_t>(N), 1.0);
  double total = 0.0;
  for (double v : w)
    total += v;
  for (double &v : w)
    v /= total;
  SampleMoments s;
  double w2 = 0.0;
  for (double v : w)
    w2 += v * v;
  s.ess = 1.0 / w2;
  for (int a = 0; a < 2; ++a) {
    double m = 0.0;
    for (Index i = 0; i < N; ++i)
      m += w[static_cast<std::size_t>(i)] * x(i, a);
    double var = 0.0;
    for (Index i = 0; i < N; ++i) {
      const double d = x(i, a) - m;
      var += w[static_cast<std::size_t>(i)] * d * d;
    }
    double se_m = 0.0, se_v = 0.0;
    for (Index i = 0; i < N; ++i) {
      const double wi = w[static_cast<std::size_t>(i)];
      const double d2 = (x(i, a) - m) * (x(i, a) - m);
      se_m += wi * wi * d2;
      se_v += wi * wi * (d2 - var) * (d2 - var);
    }
    s.mean[a] = m;
    s.sd[a] = std::sqrt(var);
    s.se_mean[a] = std::sqrt(se_m);
    s.se_sd[a] = std::sqrt(se_v) / (2.0 * s.sd[a]);
  }
  return s;
}

} // namespace gp

// Grids, the Gaussian approximation's marginals, weighted histogram marginals with
// optional Gaussian smoothing, and highest-density levels.
#include "lfi/lfi_internal.h"

#include <Eigen/Cholesky>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <limits>
#include <numeric>

namespace imnn::lfi {

namespace {

constexpr double kLog2Pi = 1.83787706640934548356;

std::size_t sz(Index i) {
  return static_cast<std::size_t>(i);
}

void check_ranges(const std::vector<std::vector<double>> &ranges, const char *who) {
  const std::string w = who;
  if (ranges.empty()) throw Error(w + ": no ranges: give one grid per parameter");
  for (std::size_t i = 0; i < ranges.size(); ++i) {
    const auto &r = ranges[i];
    if (r.size() < 2)
      throw Error(w + ": the grid of parameter " + std::to_string(i) + " has " +
                  std::to_string(r.size()) + " points: use at least 2 (see make_ranges)");
    for (std::size_t k = 0; k < r.size(); ++k) {
      if (!std::isfinite(r[k]))
        throw Error(w + ": the grid of parameter " + std::to_string(i) + " is not finite");
      if (k > 0 && !(r[k] > r[k - 1]))
        throw Error(w + ": the grid of parameter " + std::to_string(i) +
                    " is not strictly increasing: use make_ranges");
    }
  }
}

double spacing(const std::vector<double> &r) {
  return (r.back() - r.front()) / static_cast<double>(r.size() - 1);
}

// Bin edges r_k - d/2 (k = 0..g-1) and r_{g-1} + d/2: bins centred on the grid points.
std::vector<double> bin_edges(const std::vector<double> &r) {
  const double d = spacing(r);
  std::vector<double> e(r.size() + 1);
  for (std::size_t k = 0; k < r.size(); ++k)
    e[k] = r[k] - 0.5 * d;
  e[r.size()] = r.back() + 0.5 * d;
  return e;
}

// The bin of x: [e_k, e_{k+1}), the last bin also holding its right edge (as numpy's
// histogram); -1 outside or for NaN.
Index bin_of(const std::vector<double> &e, double x) {
  if (!(x >= e.front() && x <= e.back())) return -1;
  if (x == e.back()) return static_cast<Index>(e.size()) - 2;
  const auto it = std::upper_bound(e.begin(), e.end(), x);
  return static_cast<Index>(it - e.begin()) - 1;
}

// Gaussian filter of sigma `sigma` cells along one axis (n lines of length g, element
// j of line l at base(l) + j * stride), truncated at 4 sigma (as scipy.ndimage), with a
// half-sample symmetric ("reflect", d c b a | a b c d | d c b a) boundary: for a
// symmetric kernel this preserves the total mass exactly.
void smooth_axis(std::vector<double> &v, Index g, Index stride,
                 const std::vector<Index> &line_starts, double sigma) {
  const Index radius = static_cast<Index>(std::ceil(4.0 * sigma));
  std::vector<double> kernel(sz(2 * radius + 1));
  double norm = 0.0;
  for (Index k = -radius; k <= radius; ++k) {
    const double x = static_cast<double>(k) / sigma;
    kernel[sz(k + radius)] = std::exp(-0.5 * x * x);
    norm += kernel[sz(k + radius)];
  }
  for (double &k : kernel)
    k /= norm;
  const Index period = 2 * g;
  auto reflect = [&](Index m) {
    Index mm = m % period;
    if (mm < 0) mm += period;
    return mm < g ? mm : period - 1 - mm;
  };
  std::vector<double> line(sz(g)), out(sz(g));
  for (const Index base : line_starts) {
    for (Index j = 0; j < g; ++j)
      line[sz(j)] = v[sz(base + j * stride)];
    for (Index j = 0; j < g; ++j) {
      double acc = 0.0;
      for (Index k = -radius; k <= radius; ++k)
        acc += kernel[sz(k + radius)] * line[sz(reflect(j + k))];
      out[sz(j)] = acc;
    }
    for (Index j = 0; j < g; ++j)
      v[sz(base + j * stride)] = out[sz(j)];
  }
}

void normalise(std::vector<double> &v, double cell) {
  const double total = std::accumulate(v.begin(), v.end(), 0.0);
  if (total > 0.0)
    for (double &x : v)
      x /= total * cell;
}

} // namespace

std::vector<std::vector<double>> make_ranges(const std::vector<double> &low,
                                             const std::vector<double> &high,
                                             const std::vector<Index> &gridsize) {
  if (low.empty()) throw Error("grid: no parameters: give one (low, high) pair per parameter");
  if (low.size() != high.size())
    throw Error("grid: " + std::to_string(low.size()) + " lower bounds but " +
                std::to_string(high.size()) + " upper bounds: give one pair per parameter");
  if (gridsize.size() != 1 && gridsize.size() != low.size())
    throw Error("grid: " + std::to_string(gridsize.size()) + " grid sizes for " +
                std::to_string(low.size()) +
                " parameters: give one size for all or one per parameter");
  std::vector<std::vector<double>> ranges(low.size());
  for (std::size_t i = 0; i < low.size(); ++i) {
    const Index g = gridsize.size() == 1 ? gridsize[0] : gridsize[i];
    if (g < 2)
      throw Error("grid: parameter " + std::to_string(i) + " has gridsize " + std::to_string(g) +
                  ": use at least 2 points");
    if (!std::isfinite(low[i]) || !std::isfinite(high[i]) || !(low[i] < high[i]))
      throw Error("grid: parameter " + std::to_string(i) + " needs finite bounds with low < high");
    auto &r = ranges[i];
    r.resize(sz(g));
    const double d = (high[i] - low[i]) / static_cast<double>(g - 1);
    for (Index k = 0; k < g; ++k)
      r[sz(k)] = low[i] + static_cast<double>(k) * d;
    r.back() = high[i];
  }
  return ranges;
}

Marginals gaussian_approximation(const Eigen::VectorXd &estimate, const Eigen::MatrixXd &invF,
                                 const std::vector<std::vector<double>> &ranges) {
  check_ranges(ranges, "gaussian approximation");
  const Index p = static_cast<Index>(ranges.size());
  if (estimate.size() != p)
    throw Error("gaussian approximation: the estimate has " + std::to_string(estimate.size()) +
                " values for " + std::to_string(p) + " parameters: give one per parameter");
  if (invF.rows() != p || invF.cols() != p)
    throw Error("gaussian approximation: invF is " + std::to_string(invF.rows()) + "x" +
                std::to_string(invF.cols()) + " but there are " + std::to_string(p) +
                " parameters: pass the p x p inverse Fisher matrix");
  if (!estimate.allFinite() || !invF.allFinite())
    throw Error("gaussian approximation: the estimate or invF is not finite");
  const Eigen::MatrixXd sym = 0.5 * (invF + invF.transpose());
  if (Eigen::LLT<Eigen::MatrixXd>(sym).info() != Eigen::Success)
    throw NumericalError("gaussian approximation: invF is not positive definite: the Fisher "
                         "matrix must be invertible with a positive definite inverse");
  Marginals out;
  out.ranges = ranges;
  out.m.resize(sz(p));
  for (Index row = 0; row < p; ++row) {
    out.m[sz(row)].resize(sz(row + 1));
    const auto &rr = ranges[sz(row)];
    const double srr = sym(row, row);
    // Diagonal: N(estimate_row, invF_row,row).
    {
      auto &d = out.m[sz(row)][sz(row)];
      d.resize(rr.size());
      const double sd = std::sqrt(srr);
      for (std::size_t k = 0; k < rr.size(); ++k) {
        const double z = (rr[k] - estimate(row)) / sd;
        d[k] = std::exp(-0.5 * z * z - 0.5 * kLog2Pi) / sd;
      }
    }
    for (Index col = 0; col < row; ++col) {
      const auto &rc = ranges[sz(col)];
      const double scc = sym(col, col), scr = sym(col, row);
      const double det = scc * srr - scr * scr;
      auto &m = out.m[sz(row)][sz(col)];
      m.resize(rc.size() * rr.size());
      const double lognorm = -kLog2Pi - 0.5 * std::log(det);
      for (std::size_t ic = 0; ic < rc.size(); ++ic) {
        const double x = rc[ic] - estimate(col);
        for (std::size_t ir = 0; ir < rr.size(); ++ir) {
          const double y = rr[ir] - estimate(row);
          const double quad = (srr * x * x - 2.0 * scr * x * y + scc * y * y) / det;
          m[ic * rr.size() + ir] = std::exp(lognorm - 0.5 * quad); // [i_col][i_row]
        }
      }
    }
  }
  return out;
}

Marginals fisher_forecast(const Eigen::VectorXd &mean, const Eigen::MatrixXd &invF,
                          const std::vector<double> &low, const std::vector<double> &high,
                          Index gridsize, double n_sd) {
  const Index p = mean.size();
  if (static_cast<Index>(low.size()) != p || static_cast<Index>(high.size()) != p)
    throw Error("Fisher forecast: the prior box has " + std::to_string(low.size()) + " and " +
                std::to_string(high.size()) + " bounds for " + std::to_string(p) +
                " parameters: give one (low, high) pair per parameter");
  if (invF.rows() != p || invF.cols() != p || !invF.allFinite() || !mean.allFinite())
    throw Error("Fisher forecast: give a finite mean and a p x p finite invF");
  if (!(n_sd > 0.0)) throw Error("Fisher forecast: n_sd must be > 0");
  const Eigen::MatrixXd S = 0.5 * (invF + invF.transpose());
  std::vector<double> lo(sz(p)), hi(sz(p));
  for (Index i = 0; i < p; ++i) {
    if (!(S(i, i) > 0.0)) throw NumericalError("Fisher forecast: invF is not positive definite");
    const double sd = std::sqrt(S(i, i));
    const double bl = low[sz(i)], bh = high[sz(i)];
    if (!(bl < bh))
      throw Error("Fisher forecast: parameter " + std::to_string(i) + " has low >= high");
    lo[sz(i)] = std::max(mean(i) - n_sd * sd, bl);
    hi[sz(i)] = std::min(mean(i) + n_sd * sd, bh);
    if (!(lo[sz(i)] < hi[sz(i)])) { // the window misses the box: show the box
      lo[sz(i)] = bl;
      hi[sz(i)] = bh;
    }
  }
  const auto ranges = make_ranges(lo, hi, {gridsize});
  Marginals out = gaussian_approximation(mean, S, ranges);
  // P(every parameter outside `plotted` lies in its bounds | the plotted ones at x).
  auto inside = [&](const std::vector<Index> &plotted, const std::vector<double> &x) {
    const Index a = static_cast<Index>(plotted.size());
    Eigen::MatrixXd Saa(a, a);
    Eigen::VectorXd dx(a);
    for (Index u = 0; u < a; ++u) {
      dx(u) = x[sz(u)] - mean(plotted[sz(u)]);
      for (Index v = 0; v < a; ++v)
        Saa(u, v) = S(plotted[sz(u)], plotted[sz(v)]);
    }
    const Eigen::LLT<Eigen::MatrixXd> llt(Saa);
    double prob = 1.0;
    for (Index k = 0; k < p; ++k) {
      if (std::find(plotted.begin(), plotted.end(), k) != plotted.end()) continue;
      if (!std::isfinite(low[sz(k)]) && !std::isfinite(high[sz(k)])) continue;
      Eigen::VectorXd Ska(a);
      for (Index u = 0; u < a; ++u)
        Ska(u) = S(k, plotted[sz(u)]);
      const Eigen::VectorXd w = llt.solve(Ska);
      const double cm = mean(k) + w.dot(dx);
      const double cv = std::max(S(k, k) - w.dot(Ska), 1e-300 * S(k, k));
      const double csd = std::sqrt(cv);
      prob *= detail::norm_interval((low[sz(k)] - cm) / csd, (high[sz(k)] - cm) / csd);
    }
    return prob;
  };
  for (Index row = 0; row < p; ++row) {
    const auto &rr = ranges[sz(row)];
    {
      auto &d = out.m[sz(row)][sz(row)];
      for (std::size_t k = 0; k < rr.size(); ++k)
        d[k] *= inside({row}, {rr[k]});
      normalise(d, spacing(rr));
    }
    for (Index col = 0; col < row; ++col) {
      const auto &rc = ranges[sz(col)];
      auto &m = out.m[sz(row)][sz(col)];
      for (std::size_t ic = 0; ic < rc.size(); ++ic)
        for (std::size_t ir = 0; ir < rr.size(); ++ir)
          m[ic * rr.size() + ir] *= inside({col, row}, {rc[ic], rr[ir]});
      normalise(m, spacing(rr) * spacing(rc));
    }
  }
  return out;
}

Marginals histogram_marginals(const MatrixD &samples, const std::vector<double> &weights,
                              const std::vector<std::vector<double>> &ranges, double smoothing) {
  check_ranges(ranges, "histogram marginals");
  const Index p = static_cast<Index>(ranges.size());
  const Index n = samples.rows();
  if (samples.cols() != p)
    throw Error("histogram marginals: the samples have " + std::to_string(samples.cols()) +
                " columns but there are " + std::to_string(p) +
                " parameter grids: give one column per parameter");
  if (!weights.empty() && static_cast<Index>(weights.size()) != n)
    throw Error("histogram marginals: " + std::to_string(weights.size()) + " weights for " +
                std::to_string(n) + " samples: give one weight per sample (or none)");
  for (const double w : weights)
    if (!(w >= 0.0) || !std::isfinite(w))
      throw Error("histogram marginals: weights must be finite and non-negative");
  if (!(smoothing >= 0.0) || !std::isfinite(smoothing))
    throw Error("histogram marginals: smoothing must be a finite number of bins >= 0");

  std::vector<std::vector<Index>> bins(sz(p), std::vector<Index>(sz(n)));
  std::vector<double> cell(sz(p));
  for (Index i = 0; i < p; ++i) {
    const auto e = bin_edges(ranges[sz(i)]);
    cell[sz(i)] = spacing(ranges[sz(i)]);
    for (Index s = 0; s < n; ++s)
      bins[sz(i)][sz(s)] = bin_of(e, samples(s, i));
  }
  auto weight = [&](Index s) { return weights.empty() ? 1.0 : weights[sz(s)]; };

  Marginals out;
  out.ranges = ranges;
  out.m.resize(sz(p));
  for (Index row = 0; row < p; ++row) {
    out.m[sz(row)].resize(sz(row + 1));
    const Index gr = static_cast<Index>(ranges[sz(row)].size());
    {
      auto &h = out.m[sz(row)][sz(row)];
      h.assign(sz(gr), 0.0);
      for (Index s = 0; s < n; ++s) {
        const Index b = bins[sz(row)][sz(s)];
        if (b >= 0) h[sz(b)] += weight(s);
      }
      if (smoothing > 0.0) smooth_axis(h, gr, 1, {0}, smoothing);
      normalise(h, cell[sz(row)]);
    }
    for (Index col = 0; col < row; ++col) {
      const Index gc = static_cast<Index>(ranges[sz(col)].size());
      auto &h = out.m[sz(row)][sz(col)];
      h.assign(sz(gc * gr), 0.0);
      for (Index s = 0; s < n; ++s) {
        const Index bc = bins[sz(col)][sz(s)], br = bins[sz(row)][sz(s)];
        if (bc >= 0 && br >= 0) h[sz(bc * gr + br)] += weight(s); // [i_col][i_row]
      }
      if (smoothing > 0.0) {
        std::vector<Index> starts(sz(gc));
        for (Index ic = 0; ic < gc; ++ic)
          starts[sz(ic)] = ic * gr;
        smooth_axis(h, gr, 1, starts, smoothing); // along the row parameter
        starts.assign(sz(gr), 0);
        std::iota(starts.begin(), starts.end(), Index{0});
        smooth_axis(h, gc, gr, starts, smoothing); // along the column parameter
      }
      normalise(h, cell[sz(col)] * cell[sz(row)]);
    }
  }
  return out;
}

std::vector<double> hpd_levels(const std::vector<double> &density,
                               const std::vector<double> &levels) {
  if (density.empty()) throw Error("hpd levels: the density grid is empty");
  for (const double v : density)
    if (!(v >= 0.0) || !std::isfinite(v))
      throw Error("hpd levels: the density must be finite and non-negative");
  for (const double l : levels)
    if (!(l > 0.0 && l <= 1.0))
      throw Error("hpd levels: each level is a probability mass in (0, 1] (e.g. 0.68, 0.95)");
  std::vector<double> sorted = density;
  std::sort(sorted.begin(), sorted.end(), std::greater<>());
  std::vector<double> cumulative(sorted.size());
  std::partial_sum(sorted.begin(), sorted.end(), cumulative.begin());
  const double total = cumulative.back();
  if (!(total > 0.0)) throw Error("hpd levels: the density is zero everywhere");
  // The smallest superlevel set {density >= v} holding at least `level` of the mass:
  // v is the value of the first cell (in descending order) where the cumulative mass
  // reaches the level.
  std::vector<double> out;
  out.reserve(levels.size());
  for (const double l : levels) {
    const double target = l * total * (1.0 - 1e-12);
    const auto it = std::lower_bound(cumulative.begin(), cumulative.end(), target);
    const std::size_t k =
        std::min(static_cast<std::size_t>(it - cumulative.begin()), sorted.size() - 1);
    out.push_back(sorted[k]);
  }
  return out;
}

} // namespace imnn::lfi

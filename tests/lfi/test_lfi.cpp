// Unit tests of the LFI module: priors, grids, the Gaussian approximation's marginals,
// weighted histograms (bin edges, smoothing), highest-density levels, distances,
// input validation, ABC bookkeeping, PMC weights and truncation, determinism across
// thread counts, cancellation, progress, error propagation and GetDist output. The
// posterior correctness checks are in test_lfi_posterior.cpp.
#include "imnn/error.h"
#include "imnn/lfi.h"

#include "gaussian_problem.h"

#include <Eigen/LU>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QtTest>
#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

using namespace imnn::lfi;
using imnn::Index;

Q_DECLARE_METATYPE(std::vector<double>)

namespace {

constexpr double kPi = 3.14159265358979323846;

double seconds(const QElapsedTimer &t) {
  return static_cast<double>(t.nsecsElapsed()) * 1e-9;
}

// Runs f and returns the imnn::Error message it throws ("" when it does not throw).
template <class F>
std::string error_of(F &&f) {
  try {
    f();
  } catch (const imnn::Error &e) {
    return e.what();
  }
  return "";
}

bool contains(const std::string &s, const char *part) {
  return s.find(part) != std::string::npos;
}

std::unique_ptr<Prior> box_prior() {
  return make_uniform_prior({-3.0, 0.1}, {3.0, 5.0});
}

Eigen::Vector2d target_at(double mu, double sigma, std::uint64_t seed = 99) {
  double data[gp::n];
  const double theta[2] = {mu, sigma};
  gp::simulate(seed, theta, data);
  Eigen::Vector2d t;
  gp::summarise(data, t.data());
  return t;
}

double sum(const std::vector<double> &v) {
  double s = 0.0;
  for (double x : v)
    s += x;
  return s;
}

} // namespace

class TestLfi : public QObject {
  Q_OBJECT

private slots:
  // ---- priors --------------------------------------------------------------------------
  void uniform_prior_samples_inside_and_deterministically() {
    auto prior = make_uniform_prior({-1.0, 2.0, 0.0}, {1.0, 2.5, 1e-3});
    QCOMPARE(prior->name(), std::string("uniform"));
    QCOMPARE(prior->dim(), Index{3});
    double a[3], b[3];
    double mean0 = 0.0;
    const int n = 20000;
    for (int i = 0; i < n; ++i) {
      prior->sample(static_cast<std::uint64_t>(i) * 7919u, a);
      QVERIFY(prior->in_box(a));
      QVERIFY(a[1] >= 2.0 && a[1] < 2.5);
      mean0 += a[0] / n;
    }
    // Uniform on [-1, 1): mean 0, sd 1/sqrt(3): 4 standard errors.
    QVERIFY(std::fabs(mean0) < 4.0 / std::sqrt(3.0 * n));
    prior->sample(42, a);
    prior->sample(42, b);
    QCOMPARE(std::vector<double>(a, a + 3), std::vector<double>(b, b + 3));
    prior->sample(43, b);
    QVERIFY(a[0] != b[0]);
    const double inside[3] = {0.0, 2.25, 5e-4}, outside[3] = {0.0, 2.6, 5e-4};
    QCOMPARE(prior->log_prob(inside), -std::log(2.0 * 0.5 * 1e-3));
    QVERIFY(std::isinf(prior->log_prob(outside)) && prior->log_prob(outside) < 0);
    const double nan_theta[3] = {std::nan(""), 2.25, 5e-4};
    QVERIFY(!prior->in_box(nan_theta));
  }

  void gaussian_prior_is_truncated_to_its_box() {
    // N(0, 1) truncated to [-1, 2] and N(5, 2^2) truncated far in its upper tail.
    auto prior = make_gaussian_prior({0.0, 5.0}, {1.0, 2.0}, {-1.0, 15.0}, {2.0, 16.0});
    QCOMPARE(prior->name(), std::string("gaussian"));
    const int n = 20000;
    double m = 0.0, m2 = 0.0;
    double theta[2];
    for (int i = 0; i < n; ++i) {
      prior->sample(1000u + static_cast<std::uint64_t>(i), theta);
      QVERIFY(prior->in_box(theta));
      QVERIFY(std::isfinite(prior->log_prob(theta)));
      m += theta[0] / n;
      m2 += theta[0] * theta[0] / n;
    }
    auto phi = [](double x) { return std::exp(-0.5 * x * x) / std::sqrt(2 * kPi); };
    const double Z = gp::norm_cdf(2.0) - gp::norm_cdf(-1.0);
    const double mean = (phi(-1.0) - phi(2.0)) / Z;
    const double var = 1.0 + (-1.0 * phi(-1.0) - 2.0 * phi(2.0)) / Z - mean * mean;
    QVERIFY2(std::fabs(m - mean) < 4.0 * std::sqrt(var / n), "truncated mean");
    QVERIFY2(std::fabs((m2 - m * m) - var) < 0.05 * var, "truncated variance");
    // The density is normalised on the box: integrate the first parameter's density.
    auto p1 = make_gaussian_prior({0.0}, {1.0}, {-1.0}, {2.0});
    double integral = 0.0;
    const int g = 30000;
    for (int k = 0; k < g; ++k) {
      const double x = -1.0 + (k + 0.5) * 3.0 / g;
      integral += std::exp(p1->log_prob(&x)) * 3.0 / g;
    }
    QVERIFY(std::fabs(integral - 1.0) < 1e-6);
    const double out[2] = {2.5, 15.5};
    QVERIFY(std::isinf(prior->log_prob(out)));
  }

  void prior_errors_data() {
    QTest::addColumn<int>("kind"); // 0 uniform, 1 gaussian
    QTest::addColumn<std::vector<double>>("low");
    QTest::addColumn<std::vector<double>>("high");
    QTest::addColumn<std::vector<double>>("sd");
    QTest::addColumn<QString>("expected");
    const std::vector<double> one{1.0, 1.0};
    QTest::newRow("low == high") << 0 << std::vector<double>{0, 2} << std::vector<double>{1, 2}
                                 << one << "parameter 1 has low 2 >= high 2";
    QTest::newRow("low > high") << 0 << std::vector<double>{3, 0} << std::vector<double>{1, 1}
                                << one << "parameter 0 has low 3 >= high 1";
    QTest::newRow("infinite high")
        << 0 << std::vector<double>{0, 0} << std::vector<double>{1, INFINITY} << one
        << "parameter 1 has a non-finite bound";
    QTest::newRow("nan low") << 0 << std::vector<double>{NAN, 0} << std::vector<double>{1, 1} << one
                             << "parameter 0 has a non-finite bound";
    QTest::newRow("sizes") << 0 << std::vector<double>{0, 0} << std::vector<double>{1} << one
                           << "2 lower bounds but 1 upper bounds";
    QTest::newRow("empty") << 0 << std::vector<double>{} << std::vector<double>{} << one
                           << "no parameters";
    QTest::newRow("gaussian sd 0") << 1 << std::vector<double>{0, 0} << std::vector<double>{1, 1}
                                   << std::vector<double>{1, 0} << "parameter 1 has sd 0";
    QTest::newRow("gaussian sd < 0") << 1 << std::vector<double>{0, 0} << std::vector<double>{1, 1}
                                     << std::vector<double>{-2, 1} << "parameter 0 has sd -2";
    QTest::newRow("gaussian low >= high")
        << 1 << std::vector<double>{0, 5} << std::vector<double>{1, 1} << one
        << "parameter 1 has low 5 >= high 1";
  }
  void prior_errors() {
    QFETCH(int, kind);
    QFETCH(std::vector<double>, low);
    QFETCH(std::vector<double>, high);
    QFETCH(std::vector<double>, sd);
    QFETCH(QString, expected);
    const std::string msg = error_of([&] {
      if (kind == 0)
        make_uniform_prior(low, high);
      else
        make_gaussian_prior(std::vector<double>(low.size(), 0.5), sd, low, high);
    });
    QVERIFY2(contains(msg, expected.toUtf8().constData()), msg.c_str());
  }

  // ---- grids and the Gaussian approximation --------------------------------------------
  void ranges_are_inclusive_linspaces() {
    const auto r = make_ranges({-1.0, 0.0}, {1.0, 10.0}, {5, 11});
    QCOMPARE(r.size(), std::size_t{2});
    QCOMPARE(r[0], (std::vector<double>{-1.0, -0.5, 0.0, 0.5, 1.0}));
    QCOMPARE(r[1].size(), std::size_t{11});
    QCOMPARE(r[1].front(), 0.0);
    QCOMPARE(r[1].back(), 10.0);
    QCOMPARE(make_ranges({0.0, 0.0}, {1.0, 1.0}, {3})[1].size(), std::size_t{3});
    QVERIFY(contains(error_of([] { make_ranges({0.0}, {1.0}, {1}); }), "at least 2"));
    QVERIFY(contains(error_of([] {
                       make_ranges({0.0, 0.0}, {1.0, 1.0}, {3, 3, 3});
                     }),
                     "grid sizes"));
    QVERIFY(contains(error_of([] { make_ranges({1.0}, {1.0}, {3}); }), "low < high"));
  }

  void gaussian_approximation_marginals() {
    // A correlated 3-parameter Gaussian on grids covering +-7 sd, of different sizes, so
    // that the [i_col][i_row] layout is visible.
    Eigen::Vector3d mean(0.5, -1.0, 2.0);
    Eigen::Matrix3d cov;
    cov << 0.25, 0.12, -0.05, 0.12, 1.0, 0.3, -0.05, 0.3, 0.64;
    std::vector<double> low(3), high(3);
    for (int i = 0; i < 3; ++i) {
      low[static_cast<std::size_t>(i)] = mean(i) - 7 * std::sqrt(cov(i, i));
      high[static_cast<std::size_t>(i)] = mean(i) + 7 * std::sqrt(cov(i, i));
    }
    const auto ranges = make_ranges(low, high, {201, 151, 171});
    const Marginals m = gaussian_approximation(mean, cov, ranges);
    QCOMPARE(m.dim(), Index{3});
    for (Index r = 0; r < 3; ++r) {
      const auto &rr = ranges[static_cast<std::size_t>(r)];
      const double dr = rr[1] - rr[0];
      const auto &d = m.marginal(r, r);
      QCOMPARE(d.size(), rr.size());
      QVERIFY2(std::fabs(sum(d) * dr - 1.0) < 1e-6, "1-D marginal integrates to 1");
      for (std::size_t k = 0; k < rr.size(); k += 17) {
        const double sdv = std::sqrt(cov(r, r));
        const double z = (rr[k] - mean(r)) / sdv;
        const double pdf = std::exp(-0.5 * z * z) / (sdv * std::sqrt(2 * kPi));
        QVERIFY(std::fabs(d[k] - pdf) <= 1e-12 * (1 + pdf));
      }
      for (Index c = 0; c < r; ++c) {
        const auto &rc = ranges[static_cast<std::size_t>(c)];
        const double dc = rc[1] - rc[0];
        const auto &m2 = m.marginal(r, c);
        QCOMPARE(m2.size(), rc.size() * rr.size());
        QVERIFY2(std::fabs(sum(m2) * dr * dc - 1.0) < 1e-6, "2-D marginal integrates to 1");
        // The bivariate normal pdf of (theta_c, theta_r) at [i_col][i_row].
        Eigen::Matrix2d S;
        S << cov(c, c), cov(c, r), cov(r, c), cov(r, r);
        const Eigen::Matrix2d Si = S.inverse();
        for (std::size_t ic = 3; ic < rc.size(); ic += 41)
          for (std::size_t ir = 5; ir < rr.size(); ir += 29) {
            const Eigen::Vector2d x(rc[ic] - mean(c), rr[ir] - mean(r));
            const double pdf =
                std::exp(-0.5 * x.dot(Si * x)) / (2 * kPi * std::sqrt(S.determinant()));
            QVERIFY(std::fabs(m2[ic * rr.size() + ir] - pdf) <= 1e-10 * (1 + pdf));
          }
        // Its marginal over the row parameter is the column's 1-D density.
        const auto &dcol = m.marginal(c, c);
        for (std::size_t ic = 0; ic < rc.size(); ic += 23) {
          double s = 0.0;
          for (std::size_t ir = 0; ir < rr.size(); ++ir)
            s += m2[ic * rr.size() + ir] * dr;
          QVERIFY(std::fabs(s - dcol[ic]) < 1e-6 * (1 + dcol[ic]));
        }
      }
    }
    QVERIFY(
        contains(error_of([&] { gaussian_approximation(mean, cov.topLeftCorner(2, 2), ranges); }),
                 "invF is 2x2"));
    Eigen::Matrix3d bad = cov;
    bad(2, 2) = -1;
    QVERIFY(contains(error_of([&] { gaussian_approximation(mean, bad, ranges); }),
                     "not positive definite"));
  }

  // ---- histograms ------------------------------------------------------------------------
  void histogram_bin_edges_data() {
    // Grid 0, 1, 2, 3, 4: edges -0.5, 0.5, ..., 4.5.
    QTest::addColumn<double>("x");
    QTest::addColumn<int>("bin"); // -1: outside
    QTest::newRow("first grid point") << 0.0 << 0;
    QTest::newRow("last grid point") << 4.0 << 4;
    QTest::newRow("just below the last edge") << 4.499 << 4;
    QTest::newRow("the last edge") << 4.5 << 4;
    QTest::newRow("beyond the last edge") << 4.501 << -1;
    QTest::newRow("first edge") << -0.5 << 0;
    QTest::newRow("below the first edge") << -0.501 << -1;
    QTest::newRow("an inner edge belongs above") << 3.5 << 4;
    QTest::newRow("just below an inner edge") << 3.4999 << 3;
    QTest::newRow("nan") << std::nan("") << -1;
  }
  void histogram_bin_edges() {
    QFETCH(double, x);
    QFETCH(int, bin);
    const std::vector<std::vector<double>> ranges{{0, 1, 2, 3, 4}};
    MatrixD s(1, 1);
    s(0, 0) = x;
    const auto m = histogram_marginals(s, {}, ranges);
    const auto &d = m.marginal(0, 0);
    for (int k = 0; k < 5; ++k)
      QCOMPARE(d[static_cast<std::size_t>(k)], k == bin ? 1.0 : 0.0); // density 1 / spacing 1
  }

  void histogram_last_bin_is_not_corrupted() {
    // One sample on every grid point (and the 2-D product grid): every bin, the last one
    // included, holds the same density.
    const auto ranges = make_ranges({0.0, -1.0}, {2.0, 1.0}, {9, 5});
    const double d0 = ranges[0][1] - ranges[0][0], d1 = ranges[1][1] - ranges[1][0];
    MatrixD s(45, 2);
    for (int i = 0; i < 9; ++i)
      for (int j = 0; j < 5; ++j) {
        s(i * 5 + j, 0) = ranges[0][static_cast<std::size_t>(i)];
        s(i * 5 + j, 1) = ranges[1][static_cast<std::size_t>(j)];
      }
    const auto m = histogram_marginals(s, {}, ranges);
    for (double v : m.marginal(0, 0))
      QCOMPARE(v, 1.0 / (9 * d0));
    for (double v : m.marginal(1, 1))
      QCOMPARE(v, 1.0 / (5 * d1));
    QCOMPARE(m.marginal(1, 0).size(), std::size_t{45});
    for (double v : m.marginal(1, 0))
      QVERIFY(std::fabs(v - 1.0 / (45 * d0 * d1)) < 1e-12);
  }

  void histogram_weights_and_layout() {
    // Two weighted samples; the 2-D marginal is [i_col][i_row] (column parameter first).
    const std::vector<std::vector<double>> ranges{{0, 1, 2}, {10, 20, 30, 40}};
    MatrixD s(2, 2);
    s << 0.0, 40.0, 2.0, 20.0;
    const auto m = histogram_marginals(s, {3.0, 1.0}, ranges);
    QCOMPARE(m.marginal(0, 0), (std::vector<double>{0.75, 0.0, 0.25}));
    const auto &d1 = m.marginal(1, 1);
    QCOMPARE(d1[1], 0.25 / 10);
    QCOMPARE(d1[3], 0.75 / 10);
    const auto &d2 = m.marginal(1, 0);
    QCOMPARE(d2[0 * 4 + 3], 0.75 / 10); // col bin 0 (theta_0 = 0), row bin 3 (theta_1 = 40)
    QCOMPARE(d2[2 * 4 + 1], 0.25 / 10);
    QCOMPARE(sum(d2) * 10, 1.0);
    QVERIFY(contains(error_of([&] { histogram_marginals(s, {1.0}, ranges); }), "1 weights"));
    QVERIFY(contains(error_of([&] {
                       histogram_marginals(s, {1.0, -1.0}, ranges);
                     }),
                     "non-negative"));
    QVERIFY(contains(error_of([&] { histogram_marginals(s, {}, {{0, 1}}); }), "2 columns"));
  }

  void smoothing_preserves_the_mass() {
    // One sample in the first bin, sigma = 1.5 bins. The reflect boundary folds the
    // kernel back: the raw smoothed value of bin j is w_j + w_{j+1} (w the normalised
    // kernel, truncated at 4 sigma), which already sums to 1. So if the output (which is
    // normalised) equals these raw values, no mass was lost at the edge.
    const double sigma = 1.5;
    const int radius = 6;
    std::vector<double> w(radius + 2, 0.0);
    double norm = 0.0;
    for (int k = -radius; k <= radius; ++k)
      norm += std::exp(-0.5 * k * k / (sigma * sigma));
    for (int k = 0; k <= radius; ++k)
      w[static_cast<std::size_t>(k)] = std::exp(-0.5 * k * k / (sigma * sigma)) / norm;
    const auto ranges = make_ranges({0.0, 0.0}, {19.0, 9.5}, {20, 20}); // spacings 1, 0.5
    MatrixD s(1, 2);
    s << 0.0, 0.0;
    const auto m = histogram_marginals(s, {}, ranges, sigma);
    const auto &d = m.marginal(0, 0);
    for (std::size_t j = 0; j < d.size(); ++j) {
      const double expected = j + 1 < w.size() ? w[j] + w[j + 1] : 0.0;
      QVERIFY2(std::fabs(d[j] - expected) < 1e-15, qPrintable(QString::number(j)));
    }
    // 2-D: the separable product, density over cells of 1 x 0.5.
    const auto &d2 = m.marginal(1, 0);
    for (std::size_t i = 0; i + 1 < w.size(); ++i)
      for (std::size_t j = 0; j + 1 < w.size(); ++j)
        QVERIFY(std::fabs(d2[i * 20 + j] - (w[i] + w[i + 1]) * (w[j] + w[j + 1]) / 0.5) < 1e-14);
    // A wide kernel (sigma larger than the grid) on random weighted samples still
    // integrates to one, and an interior bump keeps its mean.
    MatrixD r(200, 2);
    std::vector<double> wt(200);
    double buf[200];
    gp::normals(5, buf, 200);
    for (int i = 0; i < 200; ++i) {
      r(i, 0) = 9.5 + 2 * buf[i];
      r(i, 1) = 4.75 + buf[(i + 1) % 200];
      wt[static_cast<std::size_t>(i)] = 1.0 + (i % 3);
    }
    for (const double sg : {0.5, 2.0, 40.0}) {
      const auto ms = histogram_marginals(r, wt, ranges, sg);
      QVERIFY(std::fabs(sum(ms.marginal(0, 0)) * 1.0 - 1.0) < 1e-12);
      QVERIFY(std::fabs(sum(ms.marginal(1, 1)) * 0.5 - 1.0) < 1e-12);
      QVERIFY(std::fabs(sum(ms.marginal(1, 0)) * 0.5 - 1.0) < 1e-12);
    }
  }

  // ---- highest-density levels ----------------------------------------------------------
  void hpd_levels_enclose_the_mass_data() {
    QTest::addColumn<std::vector<double>>("levels");
    QTest::newRow("default 68/95") << std::vector<double>{};
    QTest::newRow("reversed order") << std::vector<double>{0.95, 0.68};
    QTest::newRow("configured") << std::vector<double>{0.5, 0.9, 0.99};
  }
  void hpd_levels_enclose_the_mass() {
    QFETCH(std::vector<double>, levels);
    // A correlated 2-D Gaussian (sd 1 and 2, rho 0.6) on a 401 x 401 grid over +-7 sd.
    // Its HPD region of mass L is the ellipse where the density exceeds
    // (1 - L) / (2 pi s1 s2 sqrt(1 - rho^2)).
    const double s1 = 1.0, s2 = 2.0, rho = 0.6;
    const auto ranges = make_ranges({-7.0, -14.0}, {7.0, 14.0}, {401});
    const double cell = (ranges[0][1] - ranges[0][0]) * (ranges[1][1] - ranges[1][0]);
    std::vector<double> d(401 * 401);
    const double norm = 1.0 / (2 * kPi * s1 * s2 * std::sqrt(1 - rho * rho));
    for (std::size_t i = 0; i < 401; ++i)
      for (std::size_t j = 0; j < 401; ++j) {
        const double x = ranges[0][i] / s1, y = ranges[1][j] / s2;
        d[i * 401 + j] =
            norm * std::exp(-(x * x - 2 * rho * x * y + y * y) / (2 * (1 - rho * rho)));
      }
    const std::vector<double> used = levels.empty() ? std::vector<double>{0.68, 0.95} : levels;
    const auto v = levels.empty() ? hpd_levels(d) : hpd_levels(d, levels);
    QCOMPARE(v.size(), used.size());
    const double total = sum(d) * cell;
    for (std::size_t k = 0; k < used.size(); ++k) {
      double mass = 0.0, max_cell = 0.0;
      for (double x : d)
        if (x >= v[k]) {
          mass += x * cell;
          max_cell = std::max(max_cell, x * cell);
        }
      mass /= total;
      // The superlevel set holds at least the level, exceeding it by at most one cell
      // (cells of equal density all enter together; here they are distinct).
      QVERIFY2(mass >= used[k] - 1e-12 && mass <= used[k] + max_cell / total + 1e-12,
               qPrintable(QString("level %1 holds %2").arg(used[k]).arg(mass)));
      const double analytic = (1 - used[k]) * norm;
      QVERIFY2(std::fabs(v[k] - analytic) < 0.005 * analytic,
               qPrintable(QString("threshold %1 vs %2").arg(v[k]).arg(analytic)));
    }
    if (used.size() == 2 && used[0] > used[1]) QVERIFY(v[0] < v[1]); // order of `levels`
  }

  void hpd_levels_errors() {
    QVERIFY(contains(error_of([] { hpd_levels({}); }), "empty"));
    QVERIFY(contains(error_of([] { hpd_levels({1.0, -1.0}); }), "non-negative"));
    QVERIFY(contains(error_of([] { hpd_levels({0.0, 0.0}); }), "zero everywhere"));
    QVERIFY(contains(error_of([] { hpd_levels({1.0, 2.0}, {0.0}); }), "(0, 1]"));
    QVERIFY(contains(error_of([] { hpd_levels({1.0, 2.0}, {1.5}); }), "(0, 1]"));
    QCOMPARE(hpd_levels({1.0, 3.0}, {0.75, 0.76}), (std::vector<double>{3.0, 1.0}));
  }

  // ---- distances and problems -----------------------------------------------------------
  void distances() {
    Distance f;
    f.F = Eigen::MatrixXd(2, 2);
    f.F << 4.0, 1.0, 1.0, 2.0;
    const double s[2] = {1.0, 2.0}, t[2] = {0.0, 0.0};
    QCOMPARE(f(s, t), std::sqrt(4.0 + 2 * 1.0 * 2.0 + 2.0 * 4.0));
    Distance e;
    e.kind = DistanceKind::euclidean;
    e.F = Eigen::MatrixXd::Zero(2, 2); // only the size matters
    QCOMPARE(e(s, t), std::sqrt(5.0));
    const double bad[2] = {NAN, 0.0};
    QVERIFY(std::isinf(f(bad, t)));
    QVERIFY(distance_from_name("fisher") == DistanceKind::fisher);
    QVERIFY(distance_from_name("euclidean") == DistanceKind::euclidean);
    QVERIFY(contains(error_of([] { distance_from_name("manhattan"); }), "\"euclidean\""));
  }

  void problem_errors_data() {
    QTest::addColumn<int>("defect");
    QTest::addColumn<QString>("expected");
    QTest::newRow("target shape") << 0 << "target has 3 summaries but the compressor gives 2";
    QTest::newRow("fisher F size") << 1 << "Fisher matrix F is 3x3 but there are 2 summaries";
    QTest::newRow("fisher F not PSD") << 2 << "not positive semi-definite";
    QTest::newRow("no prior") << 3 << "no prior";
    QTest::newRow("no simulator") << 4 << "no simulator";
    QTest::newRow("input size") << 5 << "input_size is 0";
    QTest::newRow("threads") << 6 << "threads is -1";
    QTest::newRow("target not finite") << 7 << "not finite";
  }
  void problem_errors() {
    QFETCH(int, defect);
    QFETCH(QString, expected);
    auto prior = box_prior();
    Problem p = gp::problem(prior.get(), target_at(0, 1), 1, 1);
    switch (defect) {
    case 0:
      p.target = Eigen::VectorXd::LinSpaced(3, 0.0, 2.0);
      break;
    case 1:
      p.distance.F = Eigen::MatrixXd::Identity(3, 3);
      break;
    case 2:
      p.distance.F(1, 1) = -1;
      break;
    case 3:
      p.prior = nullptr;
      break;
    case 4:
      p.simulate = nullptr;
      break;
    case 5:
      p.input_size = 0;
      break;
    case 6:
      p.threads = -1;
      break;
    case 7:
      p.target(0) = NAN;
      break;
    }
    const std::string a = error_of([&] { Abc abc(p); });
    QVERIFY2(contains(a, expected.toUtf8().constData()), a.c_str());
    QVERIFY2(contains(a, "ABC"), a.c_str());
    PmcSettings s;
    s.n_points = 10;
    const std::string b = error_of([&] { population_monte_carlo(p, s); });
    QVERIFY2(contains(b, expected.toUtf8().constData()), b.c_str());
    QVERIFY2(contains(b, "PMC"), b.c_str());
  }

  // ---- ABC ----------------------------------------------------------------------------
  void abc_settings_errors_data() {
    QTest::addColumn<double>("epsilon");
    QTest::addColumn<int>("n_samples");
    QTest::addColumn<int>("min_accepted");
    QTest::addColumn<QString>("expected");
    QTest::newRow("min_accepted without epsilon")
        << -1.0 << 100 << 10 << "min_accepted needs epsilon";
    QTest::newRow("epsilon without draws")
        << 0.5 << 0 << 0 << "epsilon given but there are no draws";
    QTest::newRow("nothing to do") << -1.0 << 0 << 0 << "nothing to do";
    QTest::newRow("negative n_samples") << 0.5 << -3 << 0 << "n_samples is -3";
    QTest::newRow("min_accepted without draws") << 0.5 << 0 << 10 << "min_accepted needs draws";
    QTest::newRow("nan epsilon") << double(NAN) << 10 << 0 << "epsilon is NaN";
  }
  void abc_settings_errors() {
    QFETCH(double, epsilon);
    QFETCH(int, n_samples);
    QFETCH(int, min_accepted);
    QFETCH(QString, expected);
    auto prior = box_prior();
    Abc abc(gp::problem(prior.get(), target_at(0, 1), 1, 1));
    AbcSettings s;
    s.epsilon = epsilon;
    s.n_samples = n_samples;
    s.min_accepted = min_accepted;
    const std::string msg = error_of([&] { abc.run(s); });
    QVERIFY2(contains(msg, expected.toUtf8().constData()), msg.c_str());
  }

  void abc_keeps_all_draws_and_accumulates() {
    auto prior = box_prior();
    const Problem problem = gp::problem(prior.get(), target_at(0.5, 1.0), 3, 2);
    Abc abc(problem);
    AbcSettings s;
    s.epsilon = 2.0;
    s.n_samples = 500;
    const AbcSamples &r = abc.run(s);
    QCOMPARE(r.parameters.rows(), Index{500});
    QCOMPARE(r.summaries.rows(), Index{500});
    QCOMPARE(r.distances.size(), std::size_t{500});
    QCOMPARE(r.n_simulations, Index{500});
    QCOMPARE(r.iterations, 1);
    Index accepted = 0;
    for (Index i = 0; i < 500; ++i) {
      const double *sm = r.summaries.row(i).data();
      QCOMPARE(r.distances[std::size_t(i)], problem.distance(sm, problem.target.data()));
      QCOMPARE(bool(r.accepted[std::size_t(i)]), r.distances[std::size_t(i)] < 2.0);
      accepted += r.accepted[std::size_t(i)];
      QVERIFY(prior->in_box(r.parameters.row(i).data()));
    }
    QCOMPARE(r.n_accepted, accepted);
    QVERIFY(accepted > 0 && accepted < 500);
    const MatrixD acc = r.accepted_parameters();
    QCOMPARE(acc.rows(), accepted);
    const MatrixD first = r.parameters;
    // Added to the earlier draws, new draws (a new seed batch).
    abc.run(s);
    QCOMPARE(r.parameters.rows(), Index{1000});
    QCOMPARE(r.n_simulations, Index{500});
    QVERIFY(r.parameters.topRows(500) == first);
    QVERIFY(r.parameters.row(500) != first.row(0));
    // Re-threshold the stored draws without simulating.
    AbcSettings re;
    re.epsilon = 1.0;
    abc.run(re);
    QCOMPARE(r.n_simulations, Index{0});
    QCOMPARE(r.parameters.rows(), Index{1000});
    for (std::size_t i = 0; i < 1000; ++i)
      QCOMPARE(bool(r.accepted[i]), r.distances[i] < 1.0);
    // Replace drops them.
    s.replace = true;
    abc.run(s);
    QCOMPARE(r.parameters.rows(), Index{500});
    // No epsilon: draws only.
    AbcSettings none;
    none.n_samples = 10;
    abc.run(none);
    QCOMPARE(r.n_accepted, Index{0});
    QCOMPARE(r.parameters.rows(), Index{510});
  }

  void abc_min_accepted_loop() {
    auto prior = box_prior();
    Abc abc(gp::problem(prior.get(), target_at(0.5, 1.0), 4, 2));
    AbcSettings s;
    s.epsilon = 0.5;
    s.n_samples = 1000;
    s.min_accepted = 20;
    s.max_iterations = 50;
    const AbcSamples &r = abc.run(s);
    QVERIFY(r.n_accepted >= 20);
    QCOMPARE(r.n_simulations, Index{1000} * r.iterations);
    QCOMPARE(r.parameters.rows(), r.n_simulations);
    QVERIFY(r.iterations < 50);
    // Stopping after max_iterations when epsilon is out of reach.
    s.epsilon = 1e-9;
    s.max_iterations = 3;
    s.replace = true;
    abc.run(s);
    QCOMPARE(r.iterations, 3);
    QCOMPARE(r.n_simulations, Index{3000});
    QCOMPARE(r.n_accepted, Index{0});
  }

  void abc_is_identical_for_any_thread_count() {
    auto prior = box_prior();
    AbcSettings s;
    s.epsilon = 1.0;
    s.n_samples = 3000;
    std::vector<MatrixD> params;
    std::vector<std::vector<double>> dists;
    for (const int threads : {1, 2, 3}) {
      Abc abc(gp::problem(prior.get(), target_at(0.5, 1.0), 17, threads));
      abc.run(s);
      const AbcSamples &r = abc.run(s); // two batches
      params.push_back(r.parameters);
      dists.push_back(r.distances);
      QCOMPARE(r.parameters.rows(), Index{6000});
    }
    QVERIFY(params[0] == params[1] && params[0] == params[2]);
    QVERIFY(dists[0] == dists[1] && dists[0] == dists[2]);
    Abc other(gp::problem(prior.get(), target_at(0.5, 1.0), 18, 2));
    QVERIFY(other.run(s).parameters != params[0].topRows(3000));
  }

  // ---- PMC ------------------------------------------------------------------------------
  void pmc_settings_errors_data() {
    QTest::addColumn<int>("n_points");
    QTest::addColumn<int>("n_initial");
    QTest::addColumn<double>("percentile");
    QTest::addColumn<double>("ratio");
    QTest::addColumn<QString>("expected");
    QTest::newRow("n_initial < n_points")
        << 100 << 50 << 75.0 << 0.1 << "n_initial_points (50) is smaller than n_points (100)";
    QTest::newRow("n_points 1") << 1 << 0 << 75.0 << 0.1 << "n_points is 1";
    QTest::newRow("percentile 0") << 100 << 0 << 0.0 << 0.1 << "percentile 0 is outside (0, 100)";
    QTest::newRow("percentile 100") << 100 << 0 << 100.0 << 0.1 << "outside (0, 100)";
    QTest::newRow("percentile nan") << 100 << 0 << double(NAN) << 0.1 << "outside (0, 100)";
    QTest::newRow("ratio 0") << 100 << 0 << 75.0 << 0.0 << "acceptance_ratio 0 is outside (0, 1]";
    QTest::newRow("ratio > 1") << 100 << 0 << 75.0 << 1.5 << "outside (0, 1]";
  }
  void pmc_settings_errors() {
    QFETCH(int, n_points);
    QFETCH(int, n_initial);
    QFETCH(double, percentile);
    QFETCH(double, ratio);
    QFETCH(QString, expected);
    auto prior = box_prior();
    PmcSettings s;
    s.n_points = n_points;
    s.n_initial_points = n_initial;
    s.percentile = percentile;
    s.acceptance_ratio = ratio;
    const std::string msg = error_of(
        [&] { population_monte_carlo(gp::problem(prior.get(), target_at(0, 1), 1, 1), s); });
    QVERIFY2(contains(msg, expected.toUtf8().constData()), msg.c_str());
  }

  void pmc_weights_and_truncation_data() {
    QTest::addColumn<double>("mu");
    QTest::addColumn<double>("sigma");
    QTest::addColumn<int>("max_samples");
    QTest::addColumn<bool>("gaussian_prior");
    QTest::newRow("interior") << 0.0 << 1.0 << 100000 << false;
    QTest::newRow("interior, gaussian prior") << 0.0 << 1.0 << 100000 << true;
    // The posterior sits in the corner mu = 3, Sigma = 0.1 of the box: most kernel draws
    // leave it and are redrawn.
    QTest::newRow("corner") << 2.95 << 0.12 << 100000 << false;
    // ... and with a single draw per proposal, many proposals are abandoned.
    QTest::newRow("corner, abandoning") << 2.95 << 0.12 << 1 << false;
  }
  void pmc_weights_and_truncation() {
    QFETCH(double, mu);
    QFETCH(double, sigma);
    QFETCH(int, max_samples);
    QFETCH(bool, gaussian_prior);
    auto prior = gaussian_prior
                     ? make_gaussian_prior({0.0, 1.0}, {1.0, 1.0}, {-3.0, 0.1}, {3.0, 5.0})
                     : box_prior();
    PmcSettings s;
    s.n_points = 300;
    s.max_iteration = 6;
    s.max_acceptance = 3;
    s.acceptance_ratio = 0.01;
    s.max_samples = max_samples;
    const PmcSamples r =
        population_monte_carlo(gp::problem(prior.get(), target_at(mu, sigma), 5, 2), s);
    QCOMPARE(r.parameters.rows(), Index{300});
    QCOMPARE(r.weights.size(), std::size_t{300});
    QVERIFY(std::fabs(sum(r.weights) - 1.0) < 1e-12);
    QVERIFY(r.iterations >= 1);
    QVERIFY(r.total_draws >= 3000);
    double max_d = 0.0;
    for (Index i = 0; i < 300; ++i) {
      QVERIFY(r.parameters.row(i).allFinite());
      QVERIFY2(prior->in_box(r.parameters.row(i).data()), "a point left the prior box");
      const double w = r.weights[std::size_t(i)];
      QVERIFY(w >= 0.0 && std::isfinite(w));
      if (w > 0) max_d = std::max(max_d, r.distances[std::size_t(i)]);
    }
    QCOMPARE(r.epsilon, max_d);
    QVERIFY(r.acceptance >= 0.0 && r.acceptance <= 1.0);
  }

  void pmc_is_identical_for_any_thread_count() {
    auto prior = box_prior();
    PmcSettings s;
    s.n_points = 200;
    s.max_iteration = 4;
    s.max_acceptance = 2;
    std::vector<PmcSamples> runs;
    for (const int threads : {1, 2, 3})
      runs.push_back(
          population_monte_carlo(gp::problem(prior.get(), target_at(0.5, 1.0), 21, threads), s));
    for (int k = 1; k < 3; ++k) {
      QVERIFY(runs[0].parameters == runs[std::size_t(k)].parameters);
      QVERIFY(runs[0].weights == runs[std::size_t(k)].weights);
      QVERIFY(runs[0].distances == runs[std::size_t(k)].distances);
      QCOMPARE(runs[0].total_draws, runs[std::size_t(k)].total_draws);
      QCOMPARE(runs[0].iterations, runs[std::size_t(k)].iterations);
    }
  }

  // ---- cancellation, progress, errors from simulators ------------------------------------
  void cancellation_stops_promptly_data() {
    QTest::addColumn<bool>("pmc");
    QTest::newRow("ABC") << false;
    QTest::newRow("PMC") << true;
  }
  void cancellation_stops_promptly() {
    QFETCH(bool, pmc);
    auto prior = box_prior();
    Problem p = gp::problem(prior.get(), target_at(0.5, 1.0), 8, 2);
    std::atomic<long> calls{0};
    p.simulate = [&](std::uint64_t seed, const double *theta, double *out) {
      std::this_thread::sleep_for(std::chrono::milliseconds(1)); // ~100 s of work in all
      ++calls;
      gp::simulate(seed, theta, out);
    };
    std::atomic<bool> cancel{false};
    QElapsedTimer t;
    t.start();
    std::thread canceller([&] {
      std::this_thread::sleep_for(std::chrono::milliseconds(150));
      cancel = true;
    });
    double stopped_after = 0.0;
    bool flagged = false;
    Index sims = 0;
    if (pmc) {
      PmcSettings s;
      s.n_points = 10000; // 100000 initial simulations
      const PmcSamples r = population_monte_carlo(p, s, {}, &cancel);
      stopped_after = seconds(t);
      flagged = r.cancelled;
      sims = r.total_draws;
      QCOMPARE(r.parameters.rows(), Index{0}); // no complete population yet
    } else {
      Abc abc(p);
      AbcSettings s;
      s.n_samples = 100000;
      const AbcSamples &r = abc.run(s, {}, &cancel);
      stopped_after = seconds(t);
      flagged = r.cancelled;
      sims = r.n_simulations;
      QCOMPARE(r.parameters.rows(), r.n_simulations);
    }
    canceller.join();
    qInfo("cancelled after %.3f s (%ld simulations started, %td kept)", stopped_after, calls.load(),
          sims);
    QVERIFY(flagged);
    QVERIFY2(stopped_after < 1.0, "cancellation took longer than 1 s");
    QVERIFY(calls.load() < 5000);
    // A flag set before the call stops it before any simulation.
    calls = 0;
    if (pmc) {
      PmcSettings s;
      s.n_points = 100;
      QVERIFY(population_monte_carlo(p, s, {}, &cancel).cancelled);
    } else {
      Abc abc(p);
      AbcSettings s;
      s.n_samples = 100;
      QVERIFY(abc.run(s, {}, &cancel).cancelled);
    }
    QCOMPARE(calls.load(), 0L);
  }

  void progress_is_reported() {
    auto prior = box_prior();
    const Problem p = gp::problem(prior.get(), target_at(0.5, 1.0), 9, 2);
    for (const bool pmc : {false, true}) {
      std::vector<double> fractions;
      std::vector<std::string> messages;
      ProgressFn progress = [&](double f, const std::string &m) {
        fractions.push_back(f);
        messages.push_back(m);
      };
      if (pmc) {
        PmcSettings s;
        s.n_points = 1000; // 10000 initial simulations: two chunks
        s.max_iteration = 3;
        population_monte_carlo(p, s, progress);
      } else {
        Abc abc(p);
        AbcSettings s;
        s.n_samples = 20000; // three chunks
        s.epsilon = 0.5;
        s.min_accepted = 100;
        s.max_iterations = 5;
        abc.run(s, progress);
      }
      QVERIFY(fractions.size() >= 3);
      for (std::size_t i = 0; i < fractions.size(); ++i) {
        QVERIFY(fractions[i] >= 0.0 && fractions[i] <= 1.0);
        if (i > 0) QVERIFY2(fractions[i] >= fractions[i - 1], messages[i].c_str());
        QVERIFY(!messages[i].empty());
      }
      QCOMPARE(fractions.back(), 1.0);
      QVERIFY(contains(messages.back(), pmc ? "PMC" : "ABC"));
    }
  }

  void simulator_errors_are_rethrown() {
    auto prior = box_prior();
    Problem p = gp::problem(prior.get(), target_at(0.5, 1.0), 10, 1);
    p.simulate = [](std::uint64_t, const double *theta, double *) {
      if (theta[0] > 2.0) throw std::runtime_error("bad draw at mu = " + std::to_string(theta[0]));
    };
    std::vector<std::string> messages;
    for (const int threads : {1, 2}) {
      p.threads = threads;
      Abc abc(p);
      AbcSettings s;
      s.n_samples = 2000;
      try {
        abc.run(s);
        QFAIL("no exception");
      } catch (const std::runtime_error &e) {
        messages.push_back(e.what());
      }
    }
    QVERIFY(contains(messages[0], "bad draw"));
    QCOMPARE(messages[0], messages[1]); // the lowest failing index, whatever the threads
  }

  // ---- GetDist ---------------------------------------------------------------------------
  void getdist_round_trip() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::filesystem::path root = std::filesystem::path(dir.path().toStdString()) / "chain";
    MatrixD s(3, 2);
    s << 0.1, 1.0 / 3.0, -2.5e-12, 7.0, 1e300, -0.0;
    const std::vector<double> w{0.2, 0.3, 0.5}, mlp{1.5, 0.0, 2.0 / 3.0};
    write_getdist(root, s, w, mlp, {"mu", "Sigma"}, {-3.0, 0.1}, {3.0, 5.0});
    std::ifstream chain(root.string() + "_1.txt");
    QVERIFY(chain.good());
    std::string line;
    int rows = 0;
    while (std::getline(chain, line)) {
      std::istringstream ls(line);
      std::vector<double> v;
      double x;
      while (ls >> x)
        v.push_back(x);
      QCOMPARE(v.size(), std::size_t{4});
      QCOMPARE(v[0], w[std::size_t(rows)]);
      QCOMPARE(v[1], mlp[std::size_t(rows)]);
      QCOMPARE(v[2], s(rows, 0)); // exact: shortest round-trip representation
      QCOMPARE(v[3], s(rows, 1));
      ++rows;
    }
    QCOMPARE(rows, 3);
    std::ifstream names(root.string() + ".paramnames");
    std::string a, b, c;
    names >> a >> b;
    QCOMPARE(a, std::string("mu"));
    QCOMPARE(b, std::string("Sigma"));
    QVERIFY(!(names >> c));
    std::ifstream ranges(root.string() + ".ranges");
    double lo, hi;
    ranges >> a >> lo >> hi;
    QCOMPARE(a, std::string("mu"));
    QCOMPARE(lo, -3.0);
    QCOMPARE(hi, 3.0);
    ranges >> a >> lo >> hi;
    QCOMPARE(a, std::string("Sigma"));
    QCOMPARE(lo, 0.1);
    // Empty weights and -log(post): 1 and 0.
    write_getdist(root, s, {}, {}, {"mu", "Sigma"}, {-3.0, 0.1}, {3.0, 5.0});
    std::ifstream again(root.string() + "_1.txt");
    double x0, x1;
    again >> x0 >> x1;
    QCOMPARE(x0, 1.0);
    QCOMPARE(x1, 0.0);
    // Errors name the problem (and the file).
    QVERIFY(contains(error_of([&] {
                       write_getdist(root, s, w, {}, {"mu"}, {0, 0}, {1, 1});
                     }),
                     "1 parameter names for 2 columns"));
    QVERIFY(contains(error_of([&] {
                       write_getdist(root, s, {1.0}, {}, {"a", "b"}, {0, 0}, {1, 1});
                     }),
                     "1 weights for 3 samples"));
    QVERIFY(contains(error_of([&] {
                       write_getdist(root, s, w, {}, {"a b", "c"}, {0, 0}, {1, 1});
                     }),
                     "white space"));
    const auto missing = root.parent_path() / "no" / "such" / "dir" / "chain";
    const std::string e = error_of([&] {
      write_getdist(missing, s, w, {}, {"a", "b"}, {0, 0}, {1, 1});
    });
    QVERIFY2(contains(e, (missing.string() + "_1.txt").c_str()), e.c_str());
  }
};

QTEST_APPLESS_MAIN(TestLfi)
#include "test_lfi.moc"

// Unit tests of the LFI module, part 1: priors, grids, the Gaussian approximation's
// marginals, weighted histograms (bin edges, smoothing), highest-density levels and
// distances. The samplers (ABC, PMC, GetDist output) are in test_lfi_samplers.cpp, the
// posterior correctness checks in test_lfi_posterior.cpp.
#include "lfi_test_util.h"

#include <Eigen/LU>
#include <QTemporaryDir>
#include <QtTest>
#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

using namespace imnn::lfi;
using namespace lfi_test;
using imnn::Index;

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
};

QTEST_APPLESS_MAIN(TestLfi)
#include "test_lfi.moc"

// Fisher statistics and the IMNN loss (imnn-spec §1, DESIGN.md §4): the regulariser's
// reference values, a hand-computed case, the Gaussian problem's known Fisher matrix,
// the analytic loss gradient against central finite differences, the quasi-ML
// estimate, and every error path with its message.
#include "imnn/error.h"
#include "imnn/fisher.h"

#include <Eigen/Cholesky>
#include <QtTest>
#include <cmath>
#include <limits>
#include <random>

using Eigen::MatrixXd;
using Eigen::VectorXd;

namespace {

struct Caught {
  QString kind; // "none", "numerical", "error"
  QString what;
};

template <class F>
Caught caught(F &&f) {
  try {
    f();
  } catch (const imnn::NumericalError &e) {
    return {"numerical", e.what()};
  } catch (const imnn::Error &e) {
    return {"error", e.what()};
  }
  return {"none", {}};
}

MatrixXd gaussian(Eigen::Index rows, Eigen::Index cols, std::mt19937_64 &rng) {
  std::normal_distribution<double> n01;
  MatrixXd m(rows, cols);
  for (Eigen::Index i = 0; i < rows; ++i)
    for (Eigen::Index j = 0; j < cols; ++j)
      m(i, j) = n01(rng);
  return m;
}

// The Gaussian problem's summaries (sum d, sum d^2) of n_s sets of n draws d ~ N(0, 1)
// (see gaussian_linear_summaries_give_the_analytic_fisher).
MatrixXd gaussian_sums(Eigen::Index n_s, Eigen::Index n, std::mt19937_64 &rng) {
  std::normal_distribution<double> n01;
  MatrixXd x(n_s, 2);
  for (Eigen::Index i = 0; i < n_s; ++i) {
    double s1 = 0, s2 = 0;
    for (Eigen::Index k = 0; k < n; ++k) {
      const double d = n01(rng);
      s1 += d;
      s2 += d * d;
    }
    x(i, 0) = s1;
    x(i, 1) = s2;
  }
  return x;
}

// Samples whose sample covariance is exactly the identity.
MatrixXd whitened(Eigen::Index rows, Eigen::Index cols, std::mt19937_64 &rng) {
  MatrixXd z = gaussian(rows, cols, rng);
  z.rowwise() -= z.colwise().mean();
  const MatrixXd C = z.transpose() * z / static_cast<double>(rows - 1);
  const MatrixXd L = C.llt().matrixL();
  // z L^-T has covariance L^-1 C L^-T = I.
  return L.triangularView<Eigen::Lower>().solve(z.transpose()).transpose();
}

// The hand-checked case (see hand_checked_statistics).
MatrixXd hand_x() {
  MatrixXd x(4, 2);
  x << 1, 1, -1, 0, 0, 2, 0, -3;
  return x;
}
MatrixXd hand_dx() {
  MatrixXd dx(4, 2); // p = 2, n_d = 2
  dx << 1, 0, 1, 2,  // block theta_0: simulations 0, 1
      -1, 2, 1, 0;   // block theta_1
  return dx;
}

bool near(double a, double b, double tol) {
  return std::abs(a - b) <= tol;
}

} // namespace

class TestFisher : public QObject {
  Q_OBJECT

private slots:
  // ---------------------------------------------------------------- regulariser
  void alpha_reference_values_data() {
    QTest::addColumn<double>("lambda");
    QTest::addColumn<double>("epsilon");
    QTest::addColumn<double>("alpha");
    QTest::addColumn<double>("tol"); // half a unit of the spec's last quoted digit
    QTest::newRow("lambda 10, eps 0.1") << 10.0 << 0.1 << 0.9531018 << 5e-8;
    QTest::newRow("lambda 10, eps 0.01") << 10.0 << 0.01 << 240.68461 << 5e-6;
  }
  void alpha_reference_values() {
    QFETCH(double, lambda);
    QFETCH(double, epsilon);
    QFETCH(double, alpha);
    QFETCH(double, tol);
    const imnn::Regularisation reg{lambda, epsilon};
    QVERIFY2(near(reg.alpha(), alpha, tol), qPrintable(QString::number(reg.alpha(), 'g', 12)));
    // The defining property (imnn-spec §1.2): r(eps) = lambda (1+eps) / (lambda (1+eps) + eps).
    const double r_eps = lambda * (1 + epsilon) / (lambda * (1 + epsilon) + epsilon);
    QVERIFY(near(reg.rate(epsilon), r_eps, 1e-12));
  }

  void rate_reference_values_data() {
    QTest::addColumn<double>("Lambda2");
    QTest::addColumn<double>("r");
    QTest::addColumn<double>("tol");
    // imnn-spec §1.2, lambda = 10, eps = 0.1, plus sign in the denominator.
    QTest::newRow("0") << 0.0 << 0.0 << 1e-15;
    QTest::newRow("0.01") << 0.01 << 0.09995 << 5e-6;
    QTest::newRow("0.1") << 0.1 << 0.99099 << 5e-6;
    QTest::newRow("0.5") << 0.5 << 4.46062 << 5e-6;
    QTest::newRow("1") << 1.0 << 7.21739 << 5e-6;
    QTest::newRow("2") << 2.0 << 9.30820 << 5e-6;
    QTest::newRow("5") << 5.0 << 9.98299 << 5e-6;
    QTest::newRow("10") << 10.0 << 9.99993 << 5e-6;
    QTest::newRow("1000 -> lambda") << 1000.0 << 10.0 << 1e-12;
  }
  void rate_reference_values() {
    QFETCH(double, Lambda2);
    QFETCH(double, r);
    QFETCH(double, tol);
    const imnn::Regularisation reg{10.0, 0.1};
    QVERIFY2(near(reg.rate(Lambda2), r, tol),
             qPrintable(QString::number(reg.rate(Lambda2), 'g', 12)));
  }

  void rate_derivative_matches_finite_differences_data() {
    QTest::addColumn<double>("lambda");
    QTest::addColumn<double>("epsilon");
    QTest::addColumn<double>("Lambda2");
    for (double L : {0.0, 1e-3, 0.01, 0.1, 0.5, 1.0, 3.0, 20.0})
      QTest::addRow("10, 0.1, L2 = %g", L) << 10.0 << 0.1 << L;
    for (double L : {0.0, 1e-3, 5e-3, 0.01, 0.02, 0.05})
      QTest::addRow("10, 0.01, L2 = %g", L) << 10.0 << 0.01 << L;
    QTest::newRow("3, 0.2, L2 = 0.3") << 3.0 << 0.2 << 0.3;
  }
  void rate_derivative_matches_finite_differences() {
    QFETCH(double, lambda);
    QFETCH(double, epsilon);
    QFETCH(double, Lambda2);
    const imnn::Regularisation reg{lambda, epsilon};
    // r is smooth through 0 (Lambda2 + exp(-alpha Lambda2) > 0), so central differences
    // are fine there too. Step relative to the scale 1/alpha over which r bends.
    const double h = 1e-5 * std::min(1.0, 1.0 / reg.alpha());
    const double fd = (reg.rate(Lambda2 + h) - reg.rate(Lambda2 - h)) / (2 * h);
    const double an = reg.rate_derivative(Lambda2);
    QVERIFY2(
        std::abs(fd - an) <= 1e-7 * std::max(1.0, std::abs(an)),
        qPrintable(
            QString("analytic %1, finite difference %2").arg(an, 0, 'g', 12).arg(fd, 0, 'g', 12)));
  }

  void bad_regularisation_is_refused_data() {
    QTest::addColumn<double>("lambda");
    QTest::addColumn<double>("epsilon");
    QTest::addColumn<QString>("expected");
    QTest::newRow("epsilon zero") << 10.0 << 0.0 << "epsilon must be a finite number > 0";
    QTest::newRow("epsilon negative") << 10.0 << -0.1 << "epsilon must be a finite number > 0";
    QTest::newRow("epsilon NaN") << 10.0 << std::numeric_limits<double>::quiet_NaN()
                                 << "epsilon must be";
    QTest::newRow("lambda zero") << 0.0 << 0.1 << "lambda must be a finite number > 0";
    QTest::newRow("lambda negative") << -1.0 << 0.1 << "lambda must be a finite number > 0";
    // 0.1 (0.5 - 1) + 0.01 / 1.1 < 0: the log is undefined; works for 1 < eps < ...
    QTest::newRow("log argument negative") << 0.5 << 0.1 << "is not positive; alpha = ";
    // 0.5 * 9 + 0.25 / 1.5 > 1: alpha < 0; works for 0 < eps < 0.10990 at lambda = 10.
    QTest::newRow("alpha negative") << 10.0 << 0.5 << "never switch off";
  }
  void bad_regularisation_is_refused() {
    QFETCH(double, lambda);
    QFETCH(double, epsilon);
    QFETCH(QString, expected);
    const imnn::Regularisation reg{lambda, epsilon};
    const Caught c = caught([&] { (void)reg.alpha(); });
    QCOMPARE(c.kind, QString("error"));
    QVERIFY2(c.what.contains(expected), qPrintable(c.what));
    QVERIFY2(c.what.contains("lambda = ") && c.what.contains("epsilon = "), qPrintable(c.what));
    QVERIFY2(c.what.contains("lambda = " + QString::number(lambda, 'g', 6)), qPrintable(c.what));
    // rate() goes through alpha() and refuses too.
    QCOMPARE(caught([&] { (void)reg.rate(1.0); }).kind, QString("error"));
  }

  void bad_regularisation_names_the_working_range() {
    // lambda = 10: g(eps) = 9 eps + eps^2 / (1 + eps) = 1 at eps = 0.109902...
    const Caught a = caught([] { (void)imnn::Regularisation{10.0, 0.5}.alpha(); });
    QVERIFY2(a.what.contains("0 < epsilon < 0.109902"), qPrintable(a.what));
    // lambda = 0.5: the argument is positive for eps / (1 + eps) > 1/2, i.e. eps > 1 (and alpha > 0
    // up to eps = 3.56155).
    const Caught b = caught([] { (void)imnn::Regularisation{0.5, 0.1}.alpha(); });
    QVERIFY2(b.what.contains("1 < epsilon < 3.56155"), qPrintable(b.what));
  }

  // ---------------------------------------------------------------- statistics
  void hand_checked_statistics() {
    // x (n_s = 4, q = 2): (1, 1), (-1, 0), (0, 2), (0, -3).
    //   mu = (0/4, 0/4) = (0, 0).
    //   sum x1^2 = 2, sum x2^2 = 1 + 4 + 9 = 14, sum x1 x2 = 1, so with 1/(n_s - 1) = 1/3
    //   C = [[2, 1], [1, 14]] / 3, det C = (28 - 1) / 9 = 3,
    //   C^-1 = [[14/3, -1/3], [-1/3, 2/3]] / 3 = [[14, -1], [-1, 2]] / 9, det C^-1 = 1/3.
    // dx (p = 2, n_d = 2): block 0 rows (1, 0), (1, 2) -> dmu/dtheta_0 = (1, 1);
    //   block 1 rows (-1, 2), (1, 0) -> dmu/dtheta_1 = (0, 1); M = [[1, 0], [1, 1]].
    //   C^-1 M = [[13, -1], [1, 2]] / 9;  F = M^T C^-1 M = [[14, 1], [1, 2]] / 9,
    //   det F = (28 - 1) / 81 = 1/3 (= det(M)^2 det C^-1).
    // Lambda2 = |C - I| + |C^-1 - I|: C - I = [[-1, 1], [1, 11]] / 3 -> sqrt(124) / 3;
    //   C^-1 - I = [[5, -1], [-1, -7]] / 9 -> sqrt(76) / 9;  Lambda2 = 4.680487118...
    const imnn::Regularisation reg{10.0, 0.1};
    const auto s = imnn::fisher_statistics(hand_x(), hand_dx(), 2, reg);
    const double tol = 1e-13;
    QVERIFY(s.mu.isZero(tol));
    MatrixXd C(2, 2), invC(2, 2), M(2, 2), F(2, 2);
    C << 2, 1, 1, 14;
    C /= 3;
    invC << 14, -1, -1, 2;
    invC /= 9;
    M << 1, 0, 1, 1;
    F << 14, 1, 1, 2;
    F /= 9;
    QVERIFY(s.C.isApprox(C, tol));
    QVERIFY(s.invC.isApprox(invC, tol));
    QVERIFY(s.dmu_dtheta.isApprox(M, tol));
    QVERIFY(s.F.isApprox(F, tol));
    QVERIFY(near(s.detC, 3.0, tol));
    QVERIFY(near(s.detinvC, 1.0 / 3, tol));
    QVERIFY(near(s.detF, 1.0 / 3, tol));
    const double L2 = std::sqrt(124.0) / 3 + std::sqrt(76.0) / 9;
    QVERIFY(near(s.Lambda2, L2, tol));
    QVERIFY(near(s.r, reg.rate(L2), tol));

    // Loss = -ln det F + r Lambda2 = ln 3 + r Lambda2 (= 47.78825754... at lambda 10, eps 0.1).
    const auto lg = imnn::fisher_loss(hand_x(), hand_dx(), 2, reg);
    QVERIFY(near(lg.loss, std::log(3.0) + reg.rate(L2) * L2, 1e-12));
    QVERIFY(near(lg.loss, 47.78825754066528, 1e-10));
    QVERIFY(lg.stats.F.isApprox(s.F, tol));
    QCOMPARE(lg.dL_dx.rows(), 4);
    QCOMPARE(lg.dL_dx.cols(), 2);
    QCOMPARE(lg.dL_ddx.rows(), 4);
    QCOMPARE(lg.dL_ddx.cols(), 2);
  }

  void quasi_ml_estimate_by_hand() {
    // With q = p and M invertible, F^-1 M^T C^-1 = M^-1 C M^-T M^T C^-1 = M^-1, and
    // M^-1 = [[1, 0], [-1, 1]] for the hand case: theta = theta_fid + M^-1 (x - mu).
    //   x = (1, 1): M^-1 (1, 1) = (1, 0);  x = mu = 0: theta_fid;  x = (0, 2): (0, 2);
    //   x = (3, -1): (3, -4).
    const auto s = imnn::fisher_statistics(hand_x(), hand_dx(), 2, {10.0, 0.1});
    VectorXd theta(2);
    theta << 0.5, -1;
    MatrixXd x(4, 2), expected(4, 2);
    x << 1, 1, 0, 0, 0, 2, 3, -1;
    expected << 1.5, -1, 0.5, -1, 0.5, 1, 3.5, -5;
    const MatrixXd est = imnn::quasi_ml_estimate(s, theta, x);
    QCOMPARE(est.rows(), 4);
    QCOMPARE(est.cols(), 2);
    QVERIFY2(est.isApprox(expected, 1e-12), qPrintable(QString::number(est(3, 1))));

    // Shapes are checked.
    QVERIFY(caught([&] {
              (void)imnn::quasi_ml_estimate(s, VectorXd::Zero(3), x);
            }).what.contains("theta_fid has 3 entries"));
    QVERIFY(caught([&] {
              (void)imnn::quasi_ml_estimate(s, theta, MatrixXd::Zero(2, 3));
            }).what.contains("2x3"));
  }

  void gaussian_linear_summaries_give_the_analytic_fisher() {
    // 10 data points d_k ~ N(m, S) at m = 0, S = 1; theta = (m, S). Summaries
    // x = (sum d, sum d^2) have mean (n m, n (S + m^2)), so dmu/dtheta = [[n, 0],
    // [0, n]] at the fiducial (given exactly as every tangent row), and covariance
    // diag(n S, 2 n S^2) = diag(10, 20): F = diag(n / S, n / (2 S^2)) = diag(10, 5),
    // det F = 50.
    //
    // Monte-Carlo error over n_s simulations (u = x - mu, u1 = sum z ~ N(0, 10),
    // u2 = sum (z^2 - 1)): ln det F = 2 ln det M - ln det C, and to first order
    // ln det C-hat - ln det C = mean(u1^2 / 10 + u2^2 / 20) - 2, whose per-sample variance
    // is Var(u1^2)/100 + Var(u2^2)/400 + 2 Cov/200 = 2 + 3.2 + 2 (280 - 200)/200 = 6
    // (chi^2_10 has excess kurtosis 1.2; E[u1^2 u2^2] = 10 n + 2 n (n - 1) = 280). So
    // sd(ln det F) = sqrt(6 / n_s); F11 ~ 100 / C11 has relative sd sqrt(2 / n_s), F22
    // ~ 100 / C22 sqrt(3.2 / n_s), and F12 ~ -C12 / 2 sd sqrt(280 / n_s) / 2. Tolerances
    // are 4 sd (any seed passes with probability > 99.99%).
    const Eigen::Index n_s = 50000, n = 10;
    std::mt19937_64 rng(20240601);
    const MatrixXd x = gaussian_sums(n_s, n, rng);
    MatrixXd dx(2 * n_s, 2);
    dx.topRows(n_s).rowwise() = Eigen::RowVector2d(double(n), 0);
    dx.bottomRows(n_s).rowwise() = Eigen::RowVector2d(0, double(n));
    const auto s = imnn::fisher_statistics(x, dx, 2, {10.0, 0.1});
    const double sd = std::sqrt(1.0 / double(n_s));
    const QString got = QString("F = [[%1, %2], [%3, %4]], det F = %5")
                            .arg(s.F(0, 0))
                            .arg(s.F(0, 1))
                            .arg(s.F(1, 0))
                            .arg(s.F(1, 1))
                            .arg(s.detF);
    QVERIFY2(std::abs(std::log(s.detF / 50.0)) < 4 * std::sqrt(6.0) * sd, qPrintable(got));
    QVERIFY2(std::abs(s.F(0, 0) / 10.0 - 1) < 4 * std::sqrt(2.0) * sd, qPrintable(got));
    QVERIFY2(std::abs(s.F(1, 1) / 5.0 - 1) < 4 * std::sqrt(3.2) * sd, qPrintable(got));
    QVERIFY2(std::abs(s.F(0, 1)) < 4 * std::sqrt(280.0) / 2 * sd, qPrintable(got));
    QCOMPARE(s.F(0, 1), s.F(1, 0));
    // The mean, too: mu = (0, n S) within 4 sd of (sqrt(10), sqrt(20)) / sqrt(n_s).
    QVERIFY(std::abs(s.mu(0)) < 4 * std::sqrt(10.0) * sd);
    QVERIFY(std::abs(s.mu(1) - 10.0) < 4 * std::sqrt(20.0) * sd);
  }

  // The jackknife standard error of ln det F (what result.json reports as val_detF_se)
  // against the truth. 1. The Gaussian problem above with exact derivatives, whose sd of
  // ln det F is sqrt(6 / n_s): averaged over 40 sets of 2 000 (one 20-group jackknife
  // spreads by about 1/sqrt(2 x 19) = 16%, the mean of 40 by 2.6%), within 12%. 2. Noisy
  // derivatives (each dx entry + N(0, 10^2)), where no formula is at hand: the mean
  // jackknife error of 100 sets of 1 000 against the spread of their ln det F (that sd is
  // itself known to 7%), within 30%. 3. Too few derivative rows to split: 0.
  void jackknife_error_of_det_F_matches_its_spread() {
    const Eigen::Index n = 10;
    std::mt19937_64 rng(77);
    auto sample = [&](Eigen::Index n_s, double derivative_noise, MatrixXd &x, MatrixXd &dx) {
      x = gaussian_sums(n_s, n, rng);
      dx.resize(2 * n_s, 2);
      dx.topRows(n_s).rowwise() = Eigen::RowVector2d(double(n), 0);
      dx.bottomRows(n_s).rowwise() = Eigen::RowVector2d(0, double(n));
      if (derivative_noise > 0) dx += derivative_noise * gaussian(2 * n_s, 2, rng);
    };
    MatrixXd x, dx;
    double mean_se = 0;
    const int sets = 40;
    for (int r = 0; r < sets; ++r) {
      sample(2000, 0.0, x, dx);
      mean_se += imnn::log_detF_standard_error(x, dx, 2) / sets;
    }
    const double truth = std::sqrt(6.0 / 2000.0);
    qInfo("exact derivatives: mean jackknife error of ln det F %.4f, exact %.4f", mean_se, truth);
    QVERIFY2(std::abs(mean_se / truth - 1) < 0.12, qPrintable(QString::number(mean_se / truth)));

    std::vector<double> l;
    mean_se = 0;
    for (int r = 0; r < 100; ++r) {
      sample(1000, 10.0, x, dx);
      l.push_back(std::log(imnn::fisher_statistics(x, dx, 2, {10.0, 0.1}).detF));
      const double se = imnn::log_detF_standard_error(x, dx, 2);
      QCOMPARE(imnn::log_detF_standard_error(x, dx, 2), se); // deterministic
      mean_se += se / 100;
    }
    double mean_l = 0, var_l = 0;
    for (double v : l)
      mean_l += v / double(l.size());
    for (double v : l)
      var_l += (v - mean_l) * (v - mean_l) / double(l.size() - 1);
    qInfo("noisy derivatives: mean jackknife error %.4f, spread of ln det F %.4f", mean_se,
          std::sqrt(var_l));
    QVERIFY2(std::abs(mean_se / std::sqrt(var_l) - 1) < 0.3,
             qPrintable(QString::number(mean_se / std::sqrt(var_l))));

    sample(50, 0.0, x, dx);
    QCOMPARE(imnn::log_detF_standard_error(x, dx.topRows(2), 2), 0.0); // n_d = 1
  }

  // ---------------------------------------------------------------- gradients
  void loss_gradient_matches_finite_differences_data() {
    QTest::addColumn<int>("q");
    QTest::addColumn<int>("p");
    QTest::addColumn<int>("n_s");
    QTest::addColumn<int>("n_d");
    QTest::addColumn<QString>("kind"); // generic, near_identity, large
    QTest::addColumn<double>("epsilon");
    QTest::addColumn<int>("seed");
    QTest::addColumn<double>("min_Lambda2");
    QTest::addColumn<double>("max_Lambda2");
    QTest::newRow("q2 p2 n_d<n_s") << 2 << 2 << 20 << 12 << "generic" << 0.1 << 1 << 0.3 << 10.0;
    QTest::newRow("q2 p2 n_d=n_s") << 2 << 2 << 20 << 20 << "generic" << 0.1 << 2 << 0.3 << 10.0;
    QTest::newRow("q3 p2 n_d<n_s") << 3 << 2 << 21 << 7 << "generic" << 0.1 << 3 << 0.3 << 10.0;
    QTest::newRow("q3 p2 n_d=n_s") << 3 << 2 << 20 << 20 << "generic" << 0.1 << 4 << 0.3 << 10.0;
    QTest::newRow("q3 p3 eps 0.01") << 3 << 3 << 20 << 10 << "generic" << 0.01 << 5 << 0.3 << 10.0;
    // C near I: r is in its curved part (alpha Lambda2 ~ 0.1 and ~ 3 respectively).
    QTest::newRow("near I, eps 0.1")
        << 2 << 2 << 20 << 15 << "near_identity" << 0.1 << 6 << 0.02 << 0.3;
    QTest::newRow("near I q3, eps 0.1")
        << 3 << 2 << 20 << 20 << "near_identity" << 0.1 << 7 << 0.02 << 0.3;
    QTest::newRow("near I, eps 0.01")
        << 2 << 2 << 20 << 10 << "near_identity" << 0.01 << 8 << 0.003 << 0.05;
    // Large Lambda2: r ~ lambda, the regulariser dominates.
    QTest::newRow("large Lambda2") << 2 << 2 << 20 << 10 << "large" << 0.1 << 9 << 20.0 << 1e4;
    QTest::newRow("large Lambda2 q3") << 3 << 2 << 20 << 20 << "large" << 0.1 << 10 << 20.0 << 1e4;
  }
  void loss_gradient_matches_finite_differences() {
    QFETCH(int, q);
    QFETCH(int, p);
    QFETCH(int, n_s);
    QFETCH(int, n_d);
    QFETCH(QString, kind);
    QFETCH(double, epsilon);
    QFETCH(int, seed);
    QFETCH(double, min_Lambda2);
    QFETCH(double, max_Lambda2);
    std::mt19937_64 rng(static_cast<std::uint64_t>(seed));
    const imnn::Regularisation reg{10.0, epsilon};

    MatrixXd x;
    if (kind == "near_identity") {
      // Exactly white samples times (I + delta S): C = (I + delta S)^2, close to I.
      const double delta = epsilon < 0.05 ? 0.002 : 0.02;
      MatrixXd S = gaussian(q, q, rng);
      S = 0.5 * (S + S.transpose());
      x = whitened(n_s, q, rng) * (MatrixXd::Identity(q, q) + delta * S);
    } else {
      const double scale = kind == "large" ? 6.0 : 1.0;
      const MatrixXd A = scale * (MatrixXd::Identity(q, q) + 0.4 * gaussian(q, q, rng));
      x = gaussian(n_s, q, rng) * A;
    }
    x.rowwise() += gaussian(1, q, rng).row(0); // an offset: the mean must drop out
    const MatrixXd M = MatrixXd::Identity(q, p) + 0.5 * gaussian(q, p, rng);
    MatrixXd dx(p * n_d, q);
    for (int a = 0; a < p; ++a)
      dx.middleRows(a * n_d, n_d) =
          gaussian(n_d, q, rng) * 0.3 + MatrixXd::Ones(n_d, 1) * M.col(a).transpose();

    const auto lg = imnn::fisher_loss(x, dx, p, reg);
    QVERIFY2(lg.stats.Lambda2 >= min_Lambda2 && lg.stats.Lambda2 <= max_Lambda2,
             qPrintable(QString("Lambda2 = %1").arg(lg.stats.Lambda2)));
    QVERIFY(std::isfinite(lg.loss));

    // Central differences in double, step relative to each entry. Compare each entry
    // to 1e-6 of its own size, floored at 1e-3 of the largest entry (where round-off in
    // the loss, not the gradient, limits the finite difference).
    auto check = [&](MatrixXd &v, const MatrixXd &g, const char *what) {
      const double floor = 1e-3 * g.cwiseAbs().maxCoeff();
      double worst = 0;
      QString where;
      for (Eigen::Index i = 0; i < v.rows(); ++i)
        for (Eigen::Index j = 0; j < v.cols(); ++j) {
          const double v0 = v(i, j), h = 1e-4 * std::max(1.0, std::abs(v0));
          auto loss_at = [&](double step) {
            v(i, j) = v0 + step;
            const double l = imnn::fisher_loss(x, dx, p, reg).loss;
            v(i, j) = v0;
            return l;
          };
          // Five-point central difference: truncation O(h^4), round-off ~ eps |L| / h.
          const double fd =
              (8 * (loss_at(h) - loss_at(-h)) - (loss_at(2 * h) - loss_at(-2 * h))) / (12 * h);
          const double err = std::abs(fd - g(i, j)) / std::max(std::abs(g(i, j)), floor);
          if (err > worst) {
            worst = err;
            where = QString("%1(%2, %3): analytic %4, finite difference %5")
                        .arg(what)
                        .arg(i)
                        .arg(j)
                        .arg(g(i, j), 0, 'g', 12)
                        .arg(fd, 0, 'g', 12);
          }
        }
      QVERIFY2(worst < 1e-6,
               qPrintable(QString("worst relative error %1 at %2").arg(worst).arg(where)));
    };
    check(x, lg.dL_dx, "dL/dx");
    check(dx, lg.dL_ddx, "dL/d(dx)");
  }

  // ---------------------------------------------------------------- errors
  void singular_cases_are_refused_data() {
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("expected");
    QTest::newRow("constant summaries") << "constant"
                                        << "covariance of the summaries is singular";
    QTest::newRow("constant single summary") << "constant_q1"
                                             << "summary 0 is constant";
    QTest::newRow("one constant summary") << "one_constant"
                                          << "summary 1 is constant";
    QTest::newRow("duplicated column") << "duplicate"
                                       << "covariance of the summaries is singular";
    QTest::newRow("zero derivatives") << "zero_dx"
                                      << "Fisher information is singular";
    QTest::newRow("dependent derivatives") << "dependent_dx"
                                           << "Fisher information is singular";
    QTest::newRow("fewer summaries than parameters")
        << "q_lt_p"
        << "use at least as many summaries as parameters";
  }
  void singular_cases_are_refused() {
    QFETCH(QString, kind);
    QFETCH(QString, expected);
    std::mt19937_64 rng(7);
    const Eigen::Index n_s = 10, n_d = 5;
    Eigen::Index q = 2, p = 2;
    if (kind == "q_lt_p") q = 1;
    if (kind == "constant_q1") q = p = 1;
    MatrixXd x = gaussian(n_s, q, rng);
    MatrixXd dx = gaussian(p * n_d, q, rng);
    // Values whose mean is inexact in binary, so C is round-off rather than exactly 0.
    if (kind.startsWith("constant")) x.rowwise() = Eigen::RowVector2d(0.3, -1.2).head(q);
    if (kind == "one_constant") x.col(1).setConstant(-1.7);
    if (kind == "duplicate") x.col(1) = x.col(0);
    if (kind == "zero_dx") dx.setZero();
    if (kind == "dependent_dx") dx.bottomRows(n_d) = 2.0 * dx.topRows(n_d); // M columns parallel
    const imnn::Regularisation reg{10.0, 0.1};
    for (bool loss : {false, true}) {
      const Caught c = caught([&] {
        if (loss)
          (void)imnn::fisher_loss(x, dx, p, reg);
        else
          (void)imnn::fisher_statistics(x, dx, p, reg);
      });
      QCOMPARE(c.kind, QString("numerical"));
      QVERIFY2(c.what.contains(expected), qPrintable(c.what));
      const bool covariance = c.what.startsWith("covariance");
      QCOMPARE(covariance, kind.contains("constant") || kind == "duplicate");
      QVERIFY2(c.what.contains(covariance ? "det C = " : "det F = "), qPrintable(c.what));
      if (covariance)
        QVERIFY2(c.what.contains("try a different seed/initialisation, fewer summaries, or a "
                                 "smaller learning rate"),
                 qPrintable(c.what));
    }
  }

  void non_finite_input_names_the_row_data() {
    QTest::addColumn<bool>("in_x");
    QTest::addColumn<int>("row");
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("expected");
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    QTest::newRow("NaN in x") << true << 3 << nan << "summaries x are not finite (first bad row 3";
    QTest::newRow("inf in x") << true << 0 << -inf << "summaries x are not finite (first bad row 0";
    QTest::newRow("NaN in dx") << false << 7 << nan
                               << "derivatives dx/dtheta are not finite (first bad row 7 of 10: "
                                  "parameter 1, simulation 2";
  }
  void non_finite_input_names_the_row() {
    QFETCH(bool, in_x);
    QFETCH(int, row);
    QFETCH(double, value);
    QFETCH(QString, expected);
    std::mt19937_64 rng(3);
    MatrixXd x = gaussian(8, 2, rng), dx = gaussian(10, 2, rng); // p = 2, n_d = 5
    (in_x ? x : dx)(row, 1) = value;
    if (in_x) x(row + 2, 0) = value; // only the first bad row is named
    const Caught c = caught([&] { (void)imnn::fisher_loss(x, dx, 2, {10.0, 0.1}); });
    QCOMPARE(c.kind, QString("numerical"));
    QVERIFY2(c.what.contains(expected), qPrintable(c.what));
  }

  void shape_errors_name_the_shapes_data() {
    QTest::addColumn<int>("n_s");
    QTest::addColumn<int>("q");
    QTest::addColumn<int>("dx_rows");
    QTest::addColumn<int>("dx_cols");
    QTest::addColumn<int>("p");
    QTest::addColumn<QString>("expected");
    QTest::newRow("n_s = 1") << 1 << 2 << 2 << 2 << 2 << "at least 2 simulations";
    QTest::newRow("dx rows not a multiple of p") << 10 << 2 << 7 << 2 << 2 << "n_params * n_d rows";
    QTest::newRow("no dx rows") << 10 << 2 << 0 << 2 << 2 << "n_params * n_d rows";
    QTest::newRow("column mismatch") << 10 << 2 << 8 << 3 << 2 << "same number of summaries";
    QTest::newRow("n_d > n_s") << 10 << 2 << 24 << 2 << 2 << "n_d = 12 exceeds n_s = 10";
    QTest::newRow("no parameters") << 10 << 2 << 8 << 2 << 0 << "at least 1";
    QTest::newRow("no summaries") << 10 << 0 << 8 << 0 << 2 << "at least one summary";
  }
  void shape_errors_name_the_shapes() {
    QFETCH(int, n_s);
    QFETCH(int, q);
    QFETCH(int, dx_rows);
    QFETCH(int, dx_cols);
    QFETCH(int, p);
    QFETCH(QString, expected);
    std::mt19937_64 rng(5);
    const MatrixXd x = gaussian(n_s, q, rng), dx = gaussian(dx_rows, dx_cols, rng);
    for (bool loss : {false, true}) {
      const Caught c = caught([&] {
        if (loss)
          (void)imnn::fisher_loss(x, dx, p, {10.0, 0.1});
        else
          (void)imnn::fisher_statistics(x, dx, p, {10.0, 0.1});
      });
      QCOMPARE(c.kind, QString("error")); // a shape error, not a numerical one
      QVERIFY2(c.what.contains(expected), qPrintable(c.what));
      const QString shapes = QString("summaries x: %1x%2, derivatives dx/dtheta: %3x%4")
                                 .arg(n_s)
                                 .arg(q)
                                 .arg(dx_rows)
                                 .arg(dx_cols);
      QVERIFY2(c.what.contains(shapes), qPrintable(c.what));
    }
  }

  void bad_regularisation_is_refused_by_the_loss() {
    const Caught c = caught([] { (void)imnn::fisher_loss(hand_x(), hand_dx(), 2, {10.0, 0.5}); });
    QCOMPARE(c.kind, QString("error"));
    QVERIFY2(c.what.contains("epsilon = 0.5"), qPrintable(c.what));
  }
};

QTEST_APPLESS_MAIN(TestFisher)
#include "test_fisher.moc"

// Posteriors with the DEFAULT options of `imnn infer` (InferenceOptions{} mapped to the
// samplers' settings exactly as run_inference maps them: abc_settings, pmc_settings,
// resolved_n_samples), checked against the exact posterior computed here on a grid, on
// two problems with sufficient summaries and a known posterior:
//
// * gaussian: the Gaussian example (gaussian_problem.h: 10 points, summaries the sample
//   mean and variance) under the simulator plugin's default prior box mu in [-10, 10],
//   Sigma in [0, 10], the box a default `imnn infer` run uses. The posterior of Sigma is
//   skewed with a power-law tail (inverse-gamma-like); the GA cannot represent it (only
//   the mean of mu is checked for it), and PMC's importance weights are heavy-tailed
//   there (only mu is checked for it); everything is printed.
// * linear: y_i = a + b x_i + 0.5 eps_i at 10 points x_i in [0, 1], summaries the
//   least-squares (a, b) (sufficient; Gaussian with covariance 0.25 (X^T X)^-1, F the
//   exact Fisher matrix). The prior box b >= 0 cuts the posterior 0.8 sd below its
//   centre, so the box truncation is part of what is checked (the GA's draws too).
//
// Bounds: the weighted posterior means within 0.25 posterior sd and the sds within 15%
// of the exact ones. What they allow: ABC's defaults accept 1000 draws, whose Monte
// Carlo error is ~0.03 sd in the mean and ~2-5% in the sd (heavier for Sigma's tail),
// plus the tolerance's widening (sd x sqrt(1 + eps^2 / 4) in Fisher units, printed:
// epsilon ~1, ~10%); PMC's ~700 effective points similar at epsilon ~0.7. With the
// reference's PMC defaults (10 iterations) the sds are 1.5-2.7x the exact ones
// (pmc_with_the_reference_cap_is_not_converged); run to acceptance 0.1 with one
// proposal per point they were 1.15-1.4x over 5 seeds, which these bounds reject.
// Seeds are fixed: deterministic.
#include "imnn/inference.h"

#include "gaussian_problem.h"

#include <Eigen/LU>
#include <QElapsedTimer>
#include <QtTest>
#include <cmath>
#include <functional>

using namespace imnn::lfi;
using imnn::Index;

namespace {

// ---- the linear-Gaussian problem ----------------------------------------------------------
namespace lin {
constexpr int n = 10;
constexpr double noise = 0.5;
inline double x(int i) {
  return static_cast<double>(i) / (n - 1);
}
inline void simulate(std::uint64_t seed, const double *theta, double *out) {
  gp::normals(seed ^ 0x4c494e0000000000ULL, out, n);
  for (int i = 0; i < n; ++i)
    out[i] = theta[0] + theta[1] * x(i) + noise * out[i];
}
inline void summarise(const double *y, double *s) {
  double xm = 0, ym = 0;
  for (int i = 0; i < n; ++i) {
    xm += x(i);
    ym += y[i];
  }
  xm /= n;
  ym /= n;
  double sxy = 0, sxx = 0;
  for (int i = 0; i < n; ++i) {
    sxy += (x(i) - xm) * (y[i] - ym);
    sxx += (x(i) - xm) * (x(i) - xm);
  }
  s[1] = sxy / sxx;
  s[0] = ym - s[1] * xm;
}
inline void compress(const double *data, Index rows, double *summaries) {
  for (Index r = 0; r < rows; ++r)
    summarise(data + r * n, summaries + 2 * r);
}
// F = X^T X / noise^2 (the covariance of the least-squares estimate is its inverse).
inline Eigen::MatrixXd fisher() {
  Eigen::MatrixXd F = Eigen::MatrixXd::Zero(2, 2);
  for (int i = 0; i < n; ++i) {
    F(0, 0) += 1;
    F(0, 1) += x(i);
    F(1, 1) += x(i) * x(i);
  }
  F(1, 0) = F(0, 1);
  return F / (noise * noise);
}
} // namespace lin

struct Case {
  std::string name;
  std::unique_ptr<Prior> prior;
  Problem problem;
  Eigen::Vector2d target;
  Eigen::MatrixXd invF; // the GA's covariance
  gp::Moments exact;
  const char *names[2];
};

Case gaussian_case() {
  Case c;
  c.name = "gaussian";
  c.prior = make_uniform_prior({-10.0, 0.0}, {10.0, 10.0}); // the plugin's box
  double data[gp::n];
  const double truth[2] = {0.5, 1.2};
  gp::simulate(20240607, truth, data);
  gp::summarise(data, c.target.data());
  c.problem = gp::problem(c.prior.get(), c.target, 31, 2);
  c.invF = gp::fisher(c.target(1)).inverse();
  // mu's posterior lies within xbar +- 3 (> 8 sd): the grid covers that, and Sigma's
  // whole box (its tail reaches the edge).
  c.exact = gp::grid_moments(
      [&](double mu, double s) { return gp::abc_likelihood(mu, s, c.target(0), c.target(1), 0); },
      c.target(0) - 3.0, c.target(0) + 3.0, 0.0, 10.0, 600);
  c.names[0] = "mu";
  c.names[1] = "Sigma";
  return c;
}

Case linear_case() {
  Case c;
  c.name = "linear";
  c.prior = make_uniform_prior({-3.0, 0.0}, {3.0, 4.0});
  double data[lin::n];
  const double truth[2] = {0.6, 0.5};
  lin::simulate(77, truth, data);
  lin::summarise(data, c.target.data());
  Problem p;
  p.prior = c.prior.get();
  p.simulate = lin::simulate;
  p.compress = lin::compress;
  p.input_size = lin::n;
  p.n_summaries = 2;
  p.target = c.target;
  p.distance.kind = DistanceKind::fisher;
  p.distance.F = lin::fisher();
  p.seed = 32;
  p.threads = 2;
  c.problem = p;
  c.invF = lin::fisher().inverse();
  // The exact posterior: N(target, invF) truncated to the box, on a midpoint grid.
  const Eigen::MatrixXd F = lin::fisher();
  c.exact = gp::grid_moments(
      [&](double a, double b) {
        const Eigen::Vector2d d(a - c.target(0), b - c.target(1));
        return std::exp(-0.5 * d.dot(F * d));
      },
      -3.0, 3.0, 0.0, 4.0, 600);
  c.names[0] = "a";
  c.names[1] = "b";
  return c;
}

} // namespace

class TestLfiDefaults : public QObject {
  Q_OBJECT

private slots:
  void initTestCase() {
    InferenceOptions o;
    o.method = "abc";
    qInfo("default options: ABC n_samples %lld, accept_fraction %g; PMC n_points %lld, "
          "acceptance_ratio %g, max_iteration %d",
          resolved_n_samples(o), o.accept_fraction, o.n_points, o.acceptance_ratio,
          o.max_iteration);
  }

  void defaults_match_the_exact_posterior_data() {
    QTest::addColumn<QString>("problem");
    QTest::addColumn<QString>("method");
    for (const char *problem : {"gaussian", "linear"})
      for (const char *method : {"ga", "abc", "pmc"})
        QTest::newRow((std::string(problem) + " " + method).c_str()) << problem << method;
  }
  void defaults_match_the_exact_posterior() {
    QFETCH(QString, problem);
    QFETCH(QString, method);
    const Case c = problem == "gaussian" ? gaussian_case() : linear_case();
    InferenceOptions o; // the defaults
    o.method = method.toStdString();
    o.target = "t.npy";
    check_inference_options(o);
    QElapsedTimer t;
    t.start();
    MatrixD samples;
    std::vector<double> weights;
    bool converged = true;
    bool check_all = true;
    QByteArray info;
    if (method == "ga") {
      samples = gaussian_samples(c.target, c.invF, *c.prior, resolved_n_samples(o), 5);
      QCOMPARE(samples.rows(), Index{10000});
      check_all = problem != "gaussian"; // the GA cannot follow Sigma's skewed posterior
    } else if (method == "abc") {
      Abc abc(c.problem);
      const AbcSettings s = abc_settings(o);
      QVERIFY(s.epsilon < 0 && s.accept_fraction > 0 && s.min_accepted == 0);
      const AbcSamples &r = abc.run(s);
      QVERIFY(r.epsilon_auto);
      QCOMPARE(r.n_simulations, Index{1000000});
      QCOMPARE(r.n_accepted, Index{1000}); // the 0.1% closest
      samples = r.accepted_parameters();
      converged = r.converged;
      info = QByteArray("epsilon ") + QByteArray::number(r.epsilon, 'f', 3) +
             " Fisher units (sd widening sqrt(1 + eps^2/4) = " +
             QByteArray::number(std::sqrt(1 + r.epsilon * r.epsilon / 4), 'f', 3) + "), " +
             QByteArray::number(static_cast<qlonglong>(r.n_accepted)) + " accepted of " +
             QByteArray::number(static_cast<qlonglong>(r.n_simulations));
    } else {
      const PmcSettings s = pmc_settings(o);
      QCOMPARE(s.max_iteration, 1000);
      // PMC's importance weights are heavy-tailed where the posterior has a power-law
      // tail inside the box (Sigma up to 10): the tail's mean and sd vary by 15-35%
      // from seed to seed whatever the stopping rule (measured), so only mu is checked
      // on the Gaussian example.
      check_all = problem != "gaussian";
      const PmcSamples r = population_monte_carlo(c.problem, s);
      samples = r.parameters;
      weights = r.weights;
      converged = r.converged;
      QVERIFY2(r.convergence.empty() == r.converged, r.convergence.c_str());
      info = QByteArray::number(r.iterations) + " iterations, " +
             QByteArray::number(static_cast<qlonglong>(r.total_draws)) +
             " simulations, final epsilon " + QByteArray::number(r.epsilon, 'f', 3) +
             ", last acceptance " + QByteArray::number(r.acceptance, 'f', 3);
    }
    const double secs = static_cast<double>(t.elapsed()) / 1000.0;
    QVERIFY2(converged, "the default options did not converge");
    const gp::SampleMoments sm = gp::sample_moments(samples, weights);
    qInfo("%s %s: %s; ESS %.0f; %.2f s", qPrintable(problem), qPrintable(method), info.constData(),
          sm.ess, secs);
    for (int a = 0; a < 2; ++a) {
      const double dmean = (sm.mean[a] - c.exact.mean[a]) / c.exact.sd[a];
      const double rsd = sm.sd[a] / c.exact.sd[a];
      qInfo("  %-5s mean %.4f (exact %.4f: %+.3f sd), sd %.4f (exact %.4f: x%.3f)", c.names[a],
            sm.mean[a], c.exact.mean[a], dmean, sm.sd[a], c.exact.sd[a], rsd);
      if (!check_all && a == 1) continue; // Sigma (see above)
      QVERIFY2(std::fabs(dmean) < 0.25, qPrintable(QString("%1 mean").arg(c.names[a])));
      if (!check_all && method == "ga") continue; // the GA's sd of mu is sqrt(v / n)
      QVERIFY2(std::fabs(rsd - 1.0) < 0.15, qPrintable(QString("%1 sd").arg(c.names[a])));
    }
  }

  // The reference's cap (10 iterations) stops PMC before its criterion on the Gaussian
  // example: the result says so, names the option to raise, and is visibly too wide.
  void pmc_with_the_reference_cap_is_not_converged() {
    const Case c = gaussian_case();
    InferenceOptions o; // the reference's PMC defaults
    o.max_iteration = 10;
    o.acceptance_ratio = 0.1;
    o.max_acceptance = 1;
    const PmcSamples r = population_monte_carlo(c.problem, pmc_settings(o));
    QVERIFY(!r.converged);
    QVERIFY2(r.convergence.find("`max_iteration` 10") != std::string::npos &&
                 r.convergence.find("raise `max_iteration`") != std::string::npos,
             r.convergence.c_str());
    QVERIFY(r.acceptance >= o.acceptance_ratio);
    const gp::SampleMoments sm = gp::sample_moments(r.parameters, r.weights);
    qInfo("max_iteration 10: acceptance %.3f, epsilon %.3f, sd x%.2f and x%.2f of the exact; %s",
          r.acceptance, r.epsilon, sm.sd[0] / c.exact.sd[0], sm.sd[1] / c.exact.sd[1],
          r.convergence.c_str());
    QVERIFY(sm.sd[0] / c.exact.sd[0] > 1.15); // too wide: why it must not pass silently
  }

  void abc_cap_is_not_converged() {
    const Case c = linear_case();
    Abc abc(c.problem);
    AbcSettings s;
    s.epsilon = 0.01;
    s.n_samples = 1000;
    s.min_accepted = 1000;
    s.max_iterations = 2;
    const AbcSamples &r = abc.run(s);
    QVERIFY(!r.converged);
    QVERIFY2(r.convergence.find("`min_accepted` 1000 not reached") != std::string::npos &&
                 r.convergence.find("raise `max_iterations` or `n_samples`") != std::string::npos,
             r.convergence.c_str());
    QCOMPARE(r.iterations, 2);
    // One batch (min_accepted 0) and a fixed epsilon: nothing to converge, so converged.
    s.min_accepted = 0;
    s.replace = true;
    QVERIFY(abc.run(s).converged);
    QVERIFY(abc.samples().convergence.empty());
  }

  // The automatic epsilon accepts exactly ceil(q N) draws (no ties), for the
  // quantile helper and for ABC itself.
  void automatic_epsilon_accepts_the_fraction() {
    std::vector<double> d{5, 1, 4, 2, 3, NAN, 6, 0.5};
    QCOMPARE(quantile_epsilon(d, 0.25), 2.0);      // k = 2: 0.5 and 1 accepted
    QCOMPARE(quantile_epsilon(d, 0.01), 1.0);      // at least one accepted
    QVERIFY(quantile_epsilon(d, 1.0) == INFINITY); // all, NaN as +inf
    QVERIFY(!contains_error([&] { quantile_epsilon(d, 0.5); }));
    QVERIFY(contains_error([&] { quantile_epsilon(d, 0.0); }));
    QVERIFY(contains_error([&] { quantile_epsilon({}, 0.5); }));
    const Case c = linear_case();
    Abc abc(c.problem);
    AbcSettings s;
    s.n_samples = 3001;
    s.accept_fraction = 0.01;
    const AbcSamples &r = abc.run(s);
    QCOMPARE(r.n_accepted, Index{31});
    QVERIFY(r.epsilon_auto);
    Index below = 0;
    for (double v : r.distances)
      below += v < r.epsilon ? 1 : 0;
    QCOMPARE(below, Index{31});
    // An automatic epsilon cannot drive the min_accepted loop.
    s.min_accepted = 10;
    QVERIFY(contains_error([&] { abc.run(s); }));
  }

  void options_name_the_field_data() {
    QTest::addColumn<QString>("field");
    QTest::addColumn<double>("value");
    QTest::newRow("accept_fraction 0") << "accept_fraction" << 0.0;
    QTest::newRow("accept_fraction 1.5") << "accept_fraction" << 1.5;
    QTest::newRow("min_accepted with auto") << "min_accepted" << 5.0;
    QTest::newRow("n_samples 0") << "n_samples" << 0.0;
    QTest::newRow("epsilon NaN") << "epsilon" << double(NAN);
  }
  void options_name_the_field() {
    QFETCH(QString, field);
    QFETCH(double, value);
    InferenceOptions o;
    o.method = "abc";
    o.target = "t.npy";
    check_inference_options(o);                                            // the defaults are valid
    QCOMPARE(CheckedInferenceOptions(o).get().method, std::string("abc")); // kept as given
    if (field == "accept_fraction") o.accept_fraction = value;
    if (field == "min_accepted") o.min_accepted = static_cast<long long>(value);
    if (field == "n_samples") o.n_samples = static_cast<long long>(value);
    if (field == "epsilon") o.epsilon = value;
    try {
      check_inference_options(o);
      QFAIL("no error");
    } catch (const InferenceError &e) {
      QCOMPARE(QString::fromStdString(e.option()), field);
      QVERIFY2(QString(e.what()).contains("`" + field + "`"), e.what());
    }
    // The checked options that run_inference takes cannot be made from wrong ones.
    try {
      const CheckedInferenceOptions checked(o);
      QFAIL("no error from CheckedInferenceOptions");
    } catch (const InferenceError &e) {
      QCOMPARE(QString::fromStdString(e.option()), field);
    }
  }

  // The Fisher forecast respects the prior box: its grid stays inside, and its
  // marginals are the truncated Gaussian's (here checked on a 2-parameter case where
  // the box cuts the variance at 0, 1.2 sd below the forecast's centre).
  void fisher_forecast_respects_the_box() {
    Eigen::Vector2d mean(0.2, 0.6);
    Eigen::MatrixXd invF(2, 2);
    invF << 0.04, 0.03, 0.03, 0.25; // sd 0.2 and 0.5, correlation 0.3
    const std::vector<double> low{-10.0, 0.0}, high{10.0, 10.0};
    const Marginals m = fisher_forecast(mean, invF, low, high, 201);
    QCOMPARE(m.ranges[1].front(), 0.0); // clipped at the box (not 0.6 - 4 x 0.5)
    QVERIFY(std::fabs(m.ranges[1].back() - 2.6) < 1e-12);
    QVERIFY(std::fabs(m.ranges[0].front() - (0.2 - 0.8)) < 1e-12);
    // Each density integrates to 1 on its grid.
    for (int a = 0; a < 2; ++a) {
      const auto &d = m.marginal(a, a);
      const double h = m.ranges[a][1] - m.ranges[a][0];
      double s = 0;
      for (double v : d)
        s += v * h;
      QVERIFY(std::fabs(s - 1.0) < 1e-12);
    }
    // Against the truncated Gaussian's marginals from its 2-D density on the same grid.
    const Eigen::MatrixXd F = invF.inverse();
    const auto &r0 = m.ranges[0], &r1 = m.ranges[1];
    std::vector<double> m0(r0.size(), 0.0), m1(r1.size(), 0.0);
    // (trapezoid weights: the box edge at Sigma = 0 carries density)
    auto trap = [](std::size_t k, std::size_t size) { return k == 0 || k + 1 == size ? 0.5 : 1.0; };
    for (std::size_t i = 0; i < r0.size(); ++i)
      for (std::size_t j = 0; j < r1.size(); ++j) {
        const Eigen::Vector2d d(r0[i] - mean(0), r1[j] - mean(1));
        const double v = std::exp(-0.5 * d.dot(F * d));
        m0[i] += v * trap(j, r1.size());
        m1[j] += v * trap(i, r0.size());
      }
    double err0 = 0, err1 = 0, peak0 = 0, peak1 = 0;
    const double h0 = r0[1] - r0[0], h1 = r1[1] - r1[0];
    double total0 = 0, total1 = 0; // normalised as the forecast: sum x spacing = 1
    for (double v : m0)
      total0 += v * h0;
    for (double v : m1)
      total1 += v * h1;
    for (std::size_t i = 0; i < r0.size(); ++i) {
      err0 = std::max(err0, std::fabs(m.marginal(0, 0)[i] - m0[i] / total0));
      peak0 = std::max(peak0, m.marginal(0, 0)[i]);
    }
    for (std::size_t j = 0; j < r1.size(); ++j) {
      err1 = std::max(err1, std::fabs(m.marginal(1, 1)[j] - m1[j] / total1));
      peak1 = std::max(peak1, m.marginal(1, 1)[j]);
    }
    qInfo("forecast vs truncated 2-D sums: max error %.2g and %.2g of the peak", err0 / peak0,
          err1 / peak1);
    // (the window cuts mu at 4 sd: 6e-5 of the mass; the grid sums are midpoint-exact
    // to ~(h / sd)^2)
    QVERIFY(err0 < 2e-3 * peak0 && err1 < 2e-3 * peak1);
    // The truncation raises Sigma and so, through the correlation 0.3, mu: by
    // 0.03 / 0.25 x 0.5 phi(1.2) / Phi(1.2) = 0.013.
    double mu_mean = 0;
    for (std::size_t i = 0; i < r0.size(); ++i)
      mu_mean += m.marginal(0, 0)[i] * r0[i] * h0;
    QVERIFY2(mu_mean > mean(0) + 0.005, qPrintable(QString::number(mu_mean)));
    // Without a box (infinite bounds) it is the plain Gaussian on +-4 sd.
    const Marginals free =
        fisher_forecast(mean, invF, {-INFINITY, -INFINITY}, {INFINITY, INFINITY}, 201);
    QVERIFY(std::fabs(free.ranges[1].front() - (0.6 - 2.0)) < 1e-12);
    const Marginals plain = gaussian_approximation(mean, invF, free.ranges);
    for (std::size_t j = 0; j < r1.size(); ++j)
      QVERIFY(std::fabs(free.marginal(1, 1)[j] - plain.marginal(1, 1)[j]) < 1e-3 * peak1);
  }

private:
  template <class F>
  static bool contains_error(F &&f) {
    try {
      f();
    } catch (const imnn::Error &) {
      return true;
    }
    return false;
  }
};

QTEST_APPLESS_MAIN(TestLfiDefaults)
#include "test_lfi_defaults.moc"

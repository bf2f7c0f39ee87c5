// Correctness of the LFI posteriors on the Gaussian mean/variance problem (n = 10
// points, uniform prior mu in [-3, 3], Sigma in [0.1, 2], summaries = sample mean and
// unbiased variance, which are sufficient; Fisher distance with F at the target's
// variance). The exact posterior follows from the target's summaries and is computed on
// a grid; so is the exact ABC posterior pi_eps at a finite tolerance eps (the
// acceptance region is an ellipse in summary space, see gaussian_problem.h), which
// separates the tolerance bias of ABC/PMC from their Monte Carlo error.
//
// Tolerances (derivation):
// * Monte Carlo error. For a (weighted) sample the self-normalised estimators of the
//   mean and the sd have standard errors (delta method)
//     se(mean)^2 = sum_i w_i^2 (x_i - m)^2,   se(var)^2 = sum_i w_i^2 ((x_i - m)^2 - var)^2,
//     se(sd) = se(var) / (2 sd),
//   which for ABC's equal weights are sd / sqrt(N) and sd sqrt((kurtosis - 1) / (4 N)).
//   A check passes within 4 se: for a correct sampler a 4-sigma deviation has
//   probability 6e-5 per check (the seeds are fixed, so the test is deterministic; the
//   bound says how far a correct implementation can be).
// * Tolerance bias. ABC at tolerance eps samples pi_eps, not the exact posterior. Its
//   moments are computed on the grid, so ABC and PMC are checked against pi_eps within
//   4 se, and against the exact posterior within 4 se + |moment(pi_eps) - moment(pi_0)|
//   (computed, not guessed: a few percent of an sd at the tolerances used here). For
//   PMC eps is its final epsilon, the largest distance among the weighted points (the
//   weighted population is a sample of the ABC posterior at the last tolerance).
// * The prior box. The posterior of Sigma from 10 points has a power-law tail
//   (inverse-gamma-like, density ~ Sigma^-4.5). Importance sampling with Gaussian
//   kernels (PMC) then has heavy-tailed weights: most runs under-represent the tail
//   and the delta-method se underestimates the actual error (measured over 30 seeds
//   with the box up to Sigma = 5, 10x the target variance: rms of error / se = 2.8 for
//   sd(Sigma); for ABC's equal weights the se stays exact). With the box cut at
//   Sigma = 2 (4x the target variance) the tail is bounded and the se is calibrated:
//   over 24 seeds the mean error / se was within +-0.2 and its rms 0.8-1.2 for all
//   four moments. So the box is part of the test design, not a convenience.
// * Grid error: midpoint sums on a 300 x 300 grid over the prior box: relative error
//   ~(cell / sd)^2 / 24 < 1e-3 of an sd, negligible against the bounds above.
// * The Gaussian approximation has no Monte Carlo error; with n = 10 the exact posterior
//   of Sigma is markedly skewed, so its moments differ from those of any Gaussian by
//   O(1/sqrt(n)) of an sd (printed). What the GA must be is the Laplace approximation:
//   centred on the posterior mode (the maximum-likelihood estimate, the prior being
//   flat) with covariance the inverse curvature of -log posterior there, which is the
//   analytic Fisher matrix at the estimate. That is checked tightly (finite
//   differences); for mu, whose exact posterior is symmetric, the means must agree and
//   the sd must follow sqrt(E[Sigma | d] / n).
#include "gaussian_problem.h"

#include <Eigen/LU>
#include <QElapsedTimer>
#include <QtTest>

using namespace imnn::lfi;

namespace {

constexpr double kMuLo = -3.0, kMuHi = 3.0, kSLo = 0.1, kSHi = 2.0;
constexpr int kGrid = 300;
const char *kNames[2] = {"mu", "Sigma"};

gp::Moments exact_moments(double xbar, double v, double eps) {
  return gp::abc_posterior_moments(xbar, v, eps, kMuLo, kMuHi, kSLo, kSHi, kGrid);
}

} // namespace

class TestLfiPosterior : public QObject {
  Q_OBJECT

  std::unique_ptr<Prior> prior_;
  Eigen::Vector2d target_;
  gp::Moments exact_;

  // Prints a method's moments against the exact posterior (errors in units of the
  // exact sd) and, when ref_name is given, the reference it is checked against.
  void report(const char *method, const gp::SampleMoments &s, const gp::Moments &ref,
              const char *ref_name) {
    for (int a = 0; a < 2; ++a) {
      QByteArray refs;
      if (ref_name != nullptr)
        refs = QByteArray(", ") + ref_name + " " + QByteArray::number(ref.mean[a], 'f', 4);
      QByteArray refs_sd;
      if (ref_name != nullptr)
        refs_sd = QByteArray(", ") + ref_name + " " + QByteArray::number(ref.sd[a], 'f', 4);
      qInfo("%s %-5s: mean %.4f (exact %.4f%s; error %+.3f sd, se %.3f sd), sd %.4f (exact "
            "%.4f%s; error %+.3f sd, se %.3f sd)",
            method, kNames[a], s.mean[a], exact_.mean[a], refs.constData(),
            (s.mean[a] - exact_.mean[a]) / exact_.sd[a], s.se_mean[a] / exact_.sd[a], s.sd[a],
            exact_.sd[a], refs_sd.constData(), (s.sd[a] - exact_.sd[a]) / exact_.sd[a],
            s.se_sd[a] / exact_.sd[a]);
    }
  }

  void check(const char *method, const gp::SampleMoments &s, const gp::Moments &ref,
             const gp::Moments &bias_ref) {
    for (int a = 0; a < 2; ++a) {
      const double bias_mean = std::fabs(bias_ref.mean[a] - exact_.mean[a]);
      const double bias_sd = std::fabs(bias_ref.sd[a] - exact_.sd[a]);
      const double tol_mean = 4.0 * s.se_mean[a];
      const double tol_sd = 4.0 * s.se_sd[a];
      const QByteArray what = QByteArray(method) + " " + kNames[a];
      QVERIFY2(std::fabs(s.mean[a] - ref.mean[a]) < tol_mean, what + " mean vs its ABC posterior");
      QVERIFY2(std::fabs(s.sd[a] - ref.sd[a]) < tol_sd, what + " sd vs its ABC posterior");
      QVERIFY2(std::fabs(s.mean[a] - exact_.mean[a]) < tol_mean + bias_mean,
               what + " mean vs the exact posterior");
      QVERIFY2(std::fabs(s.sd[a] - exact_.sd[a]) < tol_sd + bias_sd,
               what + " sd vs the exact posterior");
    }
  }

private slots:
  void initTestCase() {
    prior_ = make_uniform_prior({kMuLo, kSLo}, {kMuHi, kSHi});
    // A fixed target: 10 points at (mu, Sigma) = (0.5, 1.2).
    double data[gp::n];
    const double truth[2] = {0.5, 1.2};
    gp::simulate(20240607, truth, data);
    gp::summarise(data, target_.data());
    QElapsedTimer t;
    t.start();
    exact_ = exact_moments(target_(0), target_(1), 0.0);
    qInfo("target summaries: mean %.5f, variance %.5f; exact posterior: mu %.4f +- %.4f, Sigma "
          "%.4f +- %.4f (grid %.2f s)",
          target_(0), target_(1), exact_.mean[0], exact_.sd[0], exact_.mean[1], exact_.sd[1],
          static_cast<double>(t.elapsed()) / 1000.0);
  }

  void gaussian_approximation_is_the_laplace_approximation() {
    const double xbar = target_(0), v = target_(1);
    const Eigen::Vector2d estimate(xbar, v * (gp::n - 1) / gp::n); // the MLE
    const Eigen::MatrixXd F = gp::fisher(estimate(1));
    const Eigen::MatrixXd invF = F.inverse();
    // The exact log posterior (flat prior): gradient 0 and Hessian -F at the estimate.
    auto lp = [&](double mu, double s) { return std::log(gp::abc_likelihood(mu, s, xbar, v, 0)); };
    const double h = 1e-4;
    const double g0 =
        (lp(estimate(0) + h, estimate(1)) - lp(estimate(0) - h, estimate(1))) / (2 * h);
    const double g1 =
        (lp(estimate(0), estimate(1) + h) - lp(estimate(0), estimate(1) - h)) / (2 * h);
    QVERIFY2(std::fabs(g0) < 1e-5 * F(0, 0) && std::fabs(g1) < 1e-5 * F(1, 1),
             "the GA is not centred on the posterior mode");
    const double hh = 1e-3;
    auto second = [&](int a, int b) {
      auto f = [&](double da, double db) {
        Eigen::Vector2d x = estimate;
        x(a) += da;
        x(b) += db;
        return lp(x(0), x(1));
      };
      return (f(hh, hh) - f(hh, -hh) - f(-hh, hh) + f(-hh, -hh)) / (4 * hh * hh);
    };
    for (int a = 0; a < 2; ++a)
      for (int b = 0; b < 2; ++b) {
        const double H = -second(a, b);
        QVERIFY2(
            std::fabs(H - F(a, b)) < 1e-4 * F.diagonal().maxCoeff(),
            qPrintable(
                QString("curvature (%1,%2): %3 vs Fisher %4").arg(a).arg(b).arg(H).arg(F(a, b))));
      }
    // The GA's marginals as computed by the library: their grid moments are the
    // estimate and sqrt(invF) where the grid covers the Gaussian (mu; Sigma's GA
    // extends below the prior box, so only the mode is compared there).
    const auto ranges = make_ranges({kMuLo, kSLo}, {kMuHi, kSHi}, {601});
    const Marginals ga = gaussian_approximation(estimate, invF, ranges);
    gp::SampleMoments s;
    for (int a = 0; a < 2; ++a) {
      const auto &r = ranges[static_cast<std::size_t>(a)];
      const auto &d = ga.marginal(a, a);
      double w = 0, m = 0, m2 = 0;
      for (std::size_t k = 0; k < r.size(); ++k) {
        w += d[k];
        m += d[k] * r[k];
        m2 += d[k] * r[k] * r[k];
      }
      s.mean[a] = m / w;
      s.sd[a] = std::sqrt(m2 / w - s.mean[a] * s.mean[a]);
      const auto peak = std::max_element(d.begin(), d.end()) - d.begin();
      QVERIFY(std::fabs(r[static_cast<std::size_t>(peak)] - estimate(a)) <= r[1] - r[0]);
    }
    QVERIFY(std::fabs(s.mean[0] - estimate(0)) < 1e-6);
    QVERIFY(std::fabs(s.sd[0] - std::sqrt(invF(0, 0))) < 1e-4);
    // Moments of the GA itself (the Gaussian), against the exact posterior.
    s.mean = {estimate(0), estimate(1)};
    s.sd = {std::sqrt(invF(0, 0)), std::sqrt(invF(1, 1))};
    report("GA ", s, exact_, nullptr);
    // mu: the exact posterior is symmetric about xbar (the box truncation is > 4 sd
    // away), so the GA mean is exact; its sd sqrt(Sigma_hat / n) is smaller than the
    // exact sqrt(E[Sigma | d] / n) because E[Sigma | d] > Sigma_hat (skewed posterior).
    QVERIFY(std::fabs(s.mean[0] - exact_.mean[0]) < 0.01 * exact_.sd[0]);
    const double expected_sd_mu = std::sqrt(exact_.mean[1] / gp::n); // E[Var(mu | Sigma, d)]
    QVERIFY(std::fabs(exact_.sd[0] - expected_sd_mu) < 0.01 * exact_.sd[0]);
    QVERIFY(std::fabs(s.sd[0] - std::sqrt(estimate(1) / gp::n)) < 1e-12);
    // Sigma: the GA is centred on the joint mode; the exact posterior is skewed to the
    // right, so its mean lies above (printed above: the GA's O(1/sqrt(n)) error).
    QVERIFY(exact_.mean[1] > s.mean[1]);
  }

  void abc_matches_the_exact_posterior() {
    const Problem problem = gp::problem(prior_.get(), target_, 7, 2);
    Abc abc(problem);
    AbcSettings s;
    s.epsilon = 0.25;
    s.n_samples = 100000;
    s.min_accepted = 2000;
    s.max_iterations = 50;
    QElapsedTimer t;
    t.start();
    const AbcSamples &r = abc.run(s);
    const double seconds = static_cast<double>(t.elapsed()) / 1000.0;
    QVERIFY(!r.cancelled);
    QVERIFY(r.n_accepted >= s.min_accepted);
    const auto sm = gp::sample_moments(r.accepted_parameters(), {});
    const gp::Moments at_eps = exact_moments(target_(0), target_(1), s.epsilon);
    qInfo("ABC: epsilon %.3g, %td accepted of %td simulations in %d iterations, %.2f s", s.epsilon,
          r.n_accepted, r.n_simulations, r.iterations, seconds);
    report("ABC", sm, at_eps, "ABC(eps)");
    check("ABC", sm, at_eps, at_eps);
  }

  void pmc_matches_the_exact_posterior() {
    const Problem problem = gp::problem(prior_.get(), target_, 11, 2);
    PmcSettings s;
    s.n_points = 2000;
    s.n_initial_points = 20000;
    s.percentile = 75;
    s.acceptance_ratio = 0.02;
    s.max_iteration = 60;
    s.max_acceptance = 10;
    QElapsedTimer t;
    t.start();
    const PmcSamples r = population_monte_carlo(problem, s);
    const double seconds = static_cast<double>(t.elapsed()) / 1000.0;
    QVERIFY(!r.cancelled);
    double wsum = 0.0;
    for (double w : r.weights)
      wsum += w;
    QVERIFY(std::fabs(wsum - 1.0) < 1e-12);
    const auto sm = gp::sample_moments(r.parameters, r.weights);
    const gp::Moments at_eps = exact_moments(target_(0), target_(1), r.epsilon);
    qInfo("PMC: %d iterations, final epsilon %.3g, last acceptance %.3f, %td simulations, "
          "ESS %.0f of %td points, %.2f s",
          r.iterations, r.epsilon, r.acceptance, r.total_draws, sm.ess, s.n_points, seconds);
    report("PMC", sm, at_eps, "ABC(eps)");
    for (const double w : r.weights)
      QVERIFY(w >= 0.0);
    for (imnn::Index i = 0; i < r.parameters.rows(); ++i)
      QVERIFY(prior_->in_box(r.parameters.row(i).data()));
    check("PMC", sm, at_eps, at_eps);
  }
};

QTEST_APPLESS_MAIN(TestLfiPosterior)
#include "test_lfi_posterior.moc"

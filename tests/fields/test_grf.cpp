// The 2-D Gaussian random field simulator plugin (issue 11 §3, imnn-spec §5.2), loaded
// through the engine's PluginRegistry as the fits load it: the reference's analytic
// Fisher, the Fisher of the plugin's own simulations and Jacobians, finite differences,
// determinism and threads, option checks, and its speed.
#include "imnn/error.h"
#include "imnn/nn.h"
#include "imnn/plugins.h"

#include "grf_test_util.h"

#include <Eigen/Dense>
#include <QtTest>
#include <array>
#include <atomic>
#include <chrono>
#include <cmath>
#include <complex>
#include <ctime>
#include <fftw3.h>
#include <filesystem>
#include <random>
#include <thread>
#include <vector>

using nlohmann::json;
namespace fs = std::filesystem;
using grf_test::Fft2;

namespace {

const char *const kName = "gaussian_random_field_2d";

bool contains(const std::string &haystack, const std::string &needle) {
  return haystack.find(needle) != std::string::npos;
}

} // namespace

class TestGrf : public QObject {
  Q_OBJECT

  imnn::PluginRegistry registry_;

  std::shared_ptr<imnn::Simulator> make(const json &options = json::object()) {
    return registry_.create_simulator(kName, options);
  }

  // The message of the PluginError create throws for options ("" when it does not throw).
  std::string refusal(const json &options) {
    try {
      make(options);
    } catch (const imnn::PluginError &e) {
      return e.what();
    }
    return "";
  }

private slots:
  void initTestCase() {
    registry_.scan({fs::path(IMNN_PLUGIN_BUILD_DIR)});
    QVERIFY2(registry_.find_simulator(kName), "gaussian_random_field_2d was not built");
  }

  void descriptor() {
    const imnn::SimulatorInfo *s = registry_.find_simulator(kName);
    QCOMPARE(s->param_names, (std::vector<std::string>{"A", "B"}));
    QCOMPARE(s->default_input_shape, (std::vector<imnn::Index>{128, 128}));
    QCOMPARE(s->theta_fid, (std::vector<double>{1.0, 0.5})); // the reference's fiducial
    QCOMPARE(s->prior_low, (std::vector<double>{0.1, 0.1})); // the reference's U[0.1, 1.25]^2
    QCOMPARE(s->prior_high, (std::vector<double>{1.25, 1.25}));
    QVERIFY(s->has_jacobian);
    for (const char *key : {"N", "L", "log_normal"})
      QVERIFY2(s->options_help.contains(key), key);
    auto sim = make(json{{"N", 33}});
    QCOMPARE(sim->input_shape(), (std::vector<imnn::Index>{33, 33}));
    QCOMPARE(sim->input_size(), imnn::Index(33 * 33));
  }

  // 1. The reference's analytic Fisher (2d_field_inference): 1/2 sum (d ln P)(d ln P)
  // over the 63 x 63 modes k[1:N/2, 1:N/2] of the 128 x 128 grid, k = 2 pi m / N.
  void reference_analytic_fisher() {
    const auto F =
        imnn_grf::fisher(128, 128.0, 1.0, 0.5, imnn_grf::ModeCounting::reference_quadrant);
    const double expected[4] = {1984.5, -1545.06379524, -1545.06379524, 1690.49264978};
    for (int i = 0; i < 4; ++i)
      QVERIFY2(std::abs(F[i] - expected[i]) <= 1e-4 * std::abs(expected[i]),
               qPrintable(QString("F[%1] = %2, reference %3")
                              .arg(i)
                              .arg(F[i], 0, 'g', 12)
                              .arg(expected[i], 0, 'g', 12)));
    const double det = F[0] * F[3] - F[1] * F[2];
    QVERIFY2(std::abs(det - 967560.5321330631) <= 1e-4 * 967560.5321330631,
             qPrintable(QString::number(det, 'g', 12)));
    qInfo("reference analytic F = [[%.6f, %.6f], [%.6f, %.6f]], det %.4f", F[0], F[1], F[2], F[3],
          det);
  }

  // 1b. What a network of convolution, square activation and an average pool over the whole
  // field can reach (the field example's design, README "The field example"). Such a
  // network's pooled outputs are quadratic forms q_W = sum_k W(k) |d_k|^2 with W = |h_hat|^2,
  // and the |h_hat|^2 of s x s kernels span the cosines cos(k.r) with r in
  // {-(s-1), ..., s-1}^2. The Fisher information of a set of quadratic forms is
  // M^T C^-1 M, M_ia = sum_k W_i P_k d_a ln P_k, C_ij = 2 sum_k W_i W_j P_k^2 (full grid; a
  // pair (k, -k) is one exponential |d_k|^2 with variance P^2, a Nyquist mode a chi^2_1);
  // with W = d ln P / P it is the field's whole Fisher. So the ceiling of s x s kernels is
  // a number, computed here: 3 x 3 keeps 99.1% of det F, 2 x 2 98.0%, and a 1 x 1 kernel
  // (the total power alone) cannot tell A from B.
  void square_pooled_convolutions_can_reach_the_field_information() {
    const std::int64_t n = 128;
    const double L = 128.0, A = 1.0, B = 0.5;
    const auto full = imnn_grf::fisher(n, L, A, B, imnn_grf::ModeCounting::full_grid);
    const double det_full = full[0] * full[3] - full[1] * full[2];
    auto ceiling = [&](int s) {
      std::vector<std::array<int, 2>> offsets; // half of the symmetric support, and 0
      for (int a = -(s - 1); a <= s - 1; ++a)
        for (int b = -(s - 1); b <= s - 1; ++b)
          if (a > 0 || (a == 0 && b >= 0)) offsets.push_back({a, b});
      const auto m = static_cast<Eigen::Index>(offsets.size());
      Eigen::MatrixXd M = Eigen::MatrixXd::Zero(m, 2), C = Eigen::MatrixXd::Zero(m, m);
      Eigen::VectorXd w(m);
      for (std::int64_t i = 0; i < n; ++i)
        for (std::int64_t j = 0; j < n; ++j) {
          if (i == 0 && j == 0) continue;
          const double kx = imnn_grf::kTwoPi * double(imnn_grf::signed_mode(i, n)) / L;
          const double ky = imnn_grf::kTwoPi * double(imnn_grf::signed_mode(j, n)) / L;
          const double k = std::sqrt(kx * kx + ky * ky), P = A * std::pow(k, -B);
          for (Eigen::Index r = 0; r < m; ++r)
            w[r] = std::cos(kx * offsets[r][0] + ky * offsets[r][1]);
          M.col(0) += w * (P / A);
          M.col(1) += w * (-P * std::log(k));
          C.noalias() += (2.0 * P * P) * w * w.transpose();
        }
      const Eigen::Matrix2d F = M.transpose() * C.ldlt().solve(M);
      return F.determinant() / det_full;
    };
    const double one = ceiling(1), two = ceiling(2), three = ceiling(3);
    qInfo("det F of square-pooled s x s convolutions / the field's: 1x1 %.3g, 2x2 %.4f, 3x3 %.4f",
          one, two, three);
    QVERIFY2(std::abs(one) < 1e-9, qPrintable(QString::number(one)));
    QVERIFY2(two > 0.975 && two < 0.985, qPrintable(QString::number(two)));
    QVERIFY2(three > 0.99 && three < 0.995, qPrintable(QString::number(three)));
  }

  // 1c. The field example's network computes exactly the quadratic forms of 1b: with
  // `padding` circular, a 3 x 3 convolution, the `square` block activation and an average
  // pool over the whole field give, by Parseval, q = (1/n^4) sum_k |h_hat(k)|^2 |d_k|^2 over
  // the full grid (plus the bias squared; it is 0 here), and the forward-mode tangent of a
  // direction t is (2/n^4) sum_k |h_hat|^2 Re(conj(d_k) t_k). Checked on a simulated field
  // and a random direction through the cnn plugin with an identity head, so the
  // information the ceiling test counts is the network's own (README, the field example's
  // "exact" column) and the circular pad wraps the right pixels.
  void circular_square_pooled_cnn_computes_band_powers() {
    const int n = 16, nf = 3;
    const json options{{"filters", {nf}},
                       {"kernel", {3}},
                       {"strides", {1}},
                       {"padding", "circular"},
                       {"block_activation", "square"},
                       {"pool", "average"},
                       {"pool_size", n},
                       {"pool_stride", n},
                       {"hidden", json::array()}};
    imnn::Model model = registry_.build_network("cnn", options, {n, n}, nf);
    QCOMPARE(model.n_parameters(), imnn::Index(9 * nf + nf + nf * nf + nf));
    std::mt19937 gen(7);
    std::normal_distribution<float> normal;
    // Weights: the kernel (HWIO), conv bias 0, an identity dense head with bias 0.
    std::vector<float> w(std::size_t(model.n_parameters()), 0.0f);
    for (int i = 0; i < 9 * nf; ++i)
      w[std::size_t(i)] = normal(gen);
    const int head = 9 * nf + nf;
    for (int i = 0; i < nf; ++i)
      w[std::size_t(head + i * nf + i)] = 1.0f;

    auto sim = make(json{{"N", n}});
    std::vector<double> field(std::size_t(n) * n), dir(std::size_t(n) * n);
    const double theta[2] = {1.0, 0.5};
    sim->simulate(99, theta, field.data());
    for (auto &v : dir)
      v = normal(gen);
    auto backend = imnn::make_cpu_backend(1);
    imnn::Workspace ws;
    const imnn::RowLayout layout{1, 1, 1}; // one field and one tangent row
    ws.input.resize(2, n * n);
    for (int i = 0; i < n * n; ++i) {
      ws.input(0, i) = float(field[std::size_t(i)]);
      ws.input(1, i) = float(dir[std::size_t(i)]);
    }
    const imnn::MatrixF out = model.forward(*backend, w, ws, layout);

    Fft2 fft(n);
    std::vector<double> field_f(field.begin(), field.end()), dir_f(dir.begin(), dir.end());
    for (int i = 0; i < n * n; ++i) { // the values the network saw
      field_f[std::size_t(i)] = double(float(field[std::size_t(i)]));
      dir_f[std::size_t(i)] = double(float(dir[std::size_t(i)]));
    }
    const auto dk = fft(field_f.data()), tk = fft(dir_f.data());
    const double n4 = std::pow(double(n), 4);
    for (int f = 0; f < nf; ++f) {
      std::vector<double> kernel(std::size_t(n) * n, 0.0);
      for (int y = 0; y < 3; ++y)
        for (int x = 0; x < 3; ++x)
          kernel[std::size_t(y * n + x)] = double(w[std::size_t((y * 3 + x) * nf + f)]);
      const auto hk = fft(kernel.data());
      double q = 0, dq = 0;
      for (int i = 0; i < n; ++i)
        for (int j = 0; j <= n / 2; ++j) { // the half spectrum: inner columns count twice
          const std::size_t m = std::size_t(i) * std::size_t(n / 2 + 1) + std::size_t(j);
          const double weight = (j == 0 || j == n / 2) ? 1.0 : 2.0;
          const double h2 = std::norm(hk[m]);
          q += weight * h2 * std::norm(dk[m]);
          dq += weight * h2 * 2.0 * std::real(std::conj(dk[m]) * tk[m]);
        }
      q /= n4;
      dq /= n4;
      qInfo("filter %d: band power %.6g (network %.6g), tangent %.6g (network %.6g)", f, q,
            double(out(0, f)), dq, double(out(1, f)));
      QVERIFY2(std::abs(double(out(0, f)) - q) <= 2e-5 * std::abs(q),
               qPrintable(QString("filter %1: network %2, band power %3")
                              .arg(f)
                              .arg(double(out(0, f)), 0, 'g', 9)
                              .arg(q, 0, 'g', 9)));
      QVERIFY2(std::abs(double(out(1, f)) - dq) <= 2e-5 * (std::abs(dq) + q),
               qPrintable(QString("filter %1: network tangent %2, formula %3")
                              .arg(f)
                              .arg(double(out(1, f)), 0, 'g', 9)
                              .arg(dq, 0, 'g', 9)));
    }
  }

  // 2. The Fisher information of the plugin's own simulations and Jacobians.
  //
  // Compression: the exact score at the fiducial, t_a = 1/2 sum_{k != 0, full grid}
  // (|d_k|^2 / s_k - 1) d_a ln P_k with d_k = fft2(d) and s_k = <|d_k|^2> = N^4 P_k / L^2
  // (a pair (k, -k) appears twice in the full grid, a real Nyquist mode once: this is the
  // log-likelihood's derivative). It is sufficient, so the IMNN's estimator
  // F = M^T C^-1 M, with C the covariance of t over n simulations and
  // M_ab = mean of dt_a/dtheta_b = sum 2 Re(conj(d_k) J_b,k) / (2 s_k) d_a ln P_k pushed
  // through the plugin's Jacobian J (FFT of each column), must give the field's Fisher,
  // F_full = 1/2 sum over every non-zero grid mode (imnn_grf::fisher full_grid).
  //
  // Tolerances (all 5 standard errors, seeds fixed so the test is reproducible):
  //  - mean(t_a) = 0 (SE sqrt(F_aa / n)): the power spectrum's amplitude is right;
  //  - the mean pixel variance = (1/L^2) sum P (SE from the per-simulation variances): the
  //    reference's normalisation;
  //  - M = F_full (SE from the per-simulation values, ~0.03%): the Jacobian;
  //  - F = M^T C^-1 M = F_full within 5 Wishart SE, sqrt((F_aa F_bb + F_ab^2) / n), ~4.5% for
  //    n = 1000: the simulations are Gaussian with independent modes.
  void fisher_from_simulations() {
    const int n = 128;
    const double L = 128.0, A = 1.0, B = 0.5;
    const std::size_t n_sims = 1000, size = std::size_t(n) * n, nh = n / 2 + 1;
    auto sim = make(json{{"N", n}});
    const auto F = imnn_grf::fisher(n, L, A, B, imnn_grf::ModeCounting::full_grid);
    const auto F_ref = imnn_grf::fisher(n, L, A, B, imnn_grf::ModeCounting::reference_quadrant);

    // Per half-spectrum mode: weight in the full grid, 1/s_k, d ln P / dA, d ln P / dB.
    std::vector<double> weight(size_t(n) * nh), inv_s(weight.size()), gA(weight.size()),
        gB(weight.size());
    double pixel_variance = 0.0; // (1/L^2) sum_{k != 0} P
    for (int i = 0; i < n; ++i)
      for (int j = 0; j < int(nh); ++j) {
        const std::size_t idx = std::size_t(i) * nh + j;
        if (idx == 0) continue;
        const double k = imnn_grf::wavenumber(i, j, n, L), P = A * std::pow(k, -B);
        weight[idx] = (j == 0 || 2 * j == n) ? 1.0 : 2.0;
        inv_s[idx] = L * L / (std::pow(double(n), 4) * P);
        gA[idx] = 1.0 / A;
        gB[idx] = -std::log(k);
        pixel_variance += weight[idx] * P / (L * L);
      }

    Fft2 fft(n);
    const double theta[2] = {A, B};
    std::vector<double> d(size), jac(size * 2);
    std::vector<std::array<double, 2>> t(n_sims);
    std::vector<std::array<double, 4>> m(n_sims);
    std::vector<double> var(n_sims);
    for (std::size_t s = 0; s < n_sims; ++s) {
      sim->simulate_with_jacobian(1000003 * s + 17, theta, d.data(), jac.data());
      const auto dk = fft(d.data()), ja = fft(jac.data(), 2), jb = fft(jac.data() + 1, 2);
      double tA = 0, tB = 0, mAA = 0, mAB = 0, mBA = 0, mBB = 0, v = 0;
      for (std::size_t idx = 1; idx < dk.size(); ++idx) {
        const double w = 0.5 * weight[idx];
        const double x = std::norm(dk[idx]) * inv_s[idx] - 1.0;
        const double da = 2.0 * (std::conj(dk[idx]) * ja[idx]).real() * inv_s[idx];
        const double db = 2.0 * (std::conj(dk[idx]) * jb[idx]).real() * inv_s[idx];
        tA += w * x * gA[idx];
        tB += w * x * gB[idx];
        mAA += w * da * gA[idx];
        mAB += w * db * gA[idx];
        mBA += w * da * gB[idx];
        mBB += w * db * gB[idx];
      }
      for (double x : d)
        v += x * x;
      t[s] = {tA, tB};
      m[s] = {mAA, mAB, mBA, mBB};
      var[s] = v / double(size);
    }
    auto mean_sd = [&](auto get) {
      double mu = 0, ss = 0;
      for (std::size_t s = 0; s < n_sims; ++s)
        mu += get(s);
      mu /= double(n_sims);
      for (std::size_t s = 0; s < n_sims; ++s)
        ss += (get(s) - mu) * (get(s) - mu);
      return std::pair{mu, std::sqrt(ss / double(n_sims - 1))};
    };
    const double rn = std::sqrt(double(n_sims));

    // the amplitude: the mean score is 0
    for (int a = 0; a < 2; ++a) {
      const auto [mu, sd] = mean_sd([&](std::size_t s) { return t[s][a]; });
      QVERIFY2(std::abs(mu) < 5.0 * std::sqrt(F[3 * a] / double(n_sims)),
               qPrintable(QString("mean score %1 = %2").arg(a).arg(mu)));
    }
    // the reference's normalisation: pixel variance (1/L^2) sum P
    const auto [v_mu, v_sd] = mean_sd([&](std::size_t s) { return var[s]; });
    QVERIFY2(std::abs(v_mu - pixel_variance) < 5.0 * v_sd / rn,
             qPrintable(QString("pixel variance %1, expected %2").arg(v_mu).arg(pixel_variance)));
    // the Jacobian: M = F_full
    std::array<double, 4> M{};
    for (int e = 0; e < 4; ++e) {
      const auto [mu, sd] = mean_sd([&](std::size_t s) { return m[s][e]; });
      M[e] = mu;
      QVERIFY2(std::abs(mu - F[e]) < 5.0 * sd / rn + 1e-9 * std::abs(F[e]),
               qPrintable(QString("M[%1] = %2, F = %3 (sd %4)").arg(e).arg(mu).arg(F[e]).arg(sd)));
    }
    // the covariance of the score and F = M^T C^-1 M
    const auto [tA_mu, tA_sd] = mean_sd([&](std::size_t s) { return t[s][0]; });
    const auto [tB_mu, tB_sd] = mean_sd([&](std::size_t s) { return t[s][1]; });
    double cAB = 0;
    for (std::size_t s = 0; s < n_sims; ++s)
      cAB += (t[s][0] - tA_mu) * (t[s][1] - tB_mu);
    cAB /= double(n_sims - 1);
    const double C[4] = {tA_sd * tA_sd, cAB, cAB, tB_sd * tB_sd};
    const double det_c = C[0] * C[3] - C[1] * C[2];
    const double Ci[4] = {C[3] / det_c, -C[1] / det_c, -C[2] / det_c, C[0] / det_c};
    // F_est = M^T Ci M with M[a][b] = M[2a + b] = d t_a / d theta_b
    double Fe[4] = {};
    for (int a = 0; a < 2; ++a)
      for (int b = 0; b < 2; ++b)
        for (int i = 0; i < 2; ++i)
          for (int j = 0; j < 2; ++j)
            Fe[2 * a + b] += M[2 * i + a] * Ci[2 * i + j] * M[2 * j + b];
    for (int a = 0; a < 2; ++a)
      for (int b = 0; b < 2; ++b) {
        const int e = 2 * a + b;
        const double se = std::sqrt((F[3 * a] * F[3 * b] + F[e] * F[e]) / double(n_sims));
        QVERIFY2(std::abs(Fe[e] - F[e]) < 5.0 * se,
                 qPrintable(
                     QString("F_est[%1] = %2, F = %3, SE %4").arg(e).arg(Fe[e]).arg(F[e]).arg(se)));
      }
    const double det_f = F[0] * F[3] - F[1] * F[2];
    const double det_e = Fe[0] * Fe[3] - Fe[1] * Fe[2];
    const double det_ref = F_ref[0] * F_ref[3] - F_ref[1] * F_ref[2];
    qInfo("field Fisher (all modes) F = [[%.2f, %.2f], [%.2f, %.2f]], det %.1f "
          "(%.2f x the reference's quadrant count %.1f)",
          F[0], F[1], F[2], F[3], det_f, det_f / det_ref, det_ref);
    qInfo("from %zu simulations: M = [[%.2f, %.2f], [%.2f, %.2f]], C = [[%.1f, %.1f], [%.1f, "
          "%.1f]], F = M^T C^-1 M = [[%.1f, %.1f], [%.1f, %.1f]], det %.1f (ratio %.4f)",
          n_sims, M[0], M[1], M[2], M[3], C[0], C[1], C[2], C[3], Fe[0], Fe[1], Fe[2], Fe[3], det_e,
          det_e / det_f);
    qInfo("pixel variance %.6f (expected %.6f)", v_mu, pixel_variance);
  }

  // 3. Seed-matched central differences (same seed at theta +/- h e_a) against the
  // Jacobian. The field is smooth in theta (sqrt(A) k^(-B/2)), so with h = 1e-4 the
  // truncation error is ~h^2 (ln k)^3 / 24 ~ 1e-9 relative and rounding ~1e-16 / h ~ 1e-12:
  // asserted max |FD - J| <= 1e-7 max |J| per parameter.
  void jacobian_matches_finite_differences_data() {
    QTest::addColumn<QByteArray>("options");
    QTest::addColumn<double>("A");
    QTest::addColumn<double>("B");
    QTest::newRow("gaussian N=128") << QByteArray(R"({})") << 1.0 << 0.5;
    QTest::newRow("gaussian odd N=33 L=20") << QByteArray(R"({"N": 33, "L": 20})") << 0.7 << 0.8;
    QTest::newRow("log_normal N=64")
        << QByteArray(R"({"N": 64, "log_normal": true})") << 1.0 << 0.5;
    QTest::newRow("log_normal N=32 L=250")
        << QByteArray(R"({"N": 32, "L": 250, "log_normal": true})") << 0.3 << 1.1;
  }
  void jacobian_matches_finite_differences() {
    QFETCH(QByteArray, options);
    QFETCH(double, A);
    QFETCH(double, B);
    auto sim = make(json::parse(options.toStdString()));
    const std::size_t size = std::size_t(sim->input_size());
    const double theta[2] = {A, B};
    std::vector<double> out(size), jac(size * 2), plain(size), plus(size), minus(size);
    for (std::uint64_t seed : {3ull, 0xdeadbeefcafeull}) {
      sim->simulate_with_jacobian(seed, theta, out.data(), jac.data());
      sim->simulate(seed, theta, plain.data());
      QVERIFY(out == plain); // the same simulation with or without the Jacobian
      const double h = 1e-4;
      for (int a = 0; a < 2; ++a) {
        double tp[2] = {A, B}, tm[2] = {A, B};
        tp[a] += h;
        tm[a] -= h;
        sim->simulate(seed, tp, plus.data());
        sim->simulate(seed, tm, minus.data());
        double err = 0, scale = 0;
        for (std::size_t e = 0; e < size; ++e) {
          const double fd = (plus[e] - minus[e]) / (2 * h);
          err = std::max(err, std::abs(fd - jac[e * 2 + a]));
          scale = std::max(scale, std::abs(jac[e * 2 + a]));
        }
        qInfo("%s, seed %llu, parameter %d: max |FD - J| / max |J| = %.2e", QTest::currentDataTag(),
              static_cast<unsigned long long>(seed), a, err / scale);
        QVERIFY2(
            scale > 0 && err <= 1e-7 * scale,
            qPrintable(QString("parameter %1: max error %2 of max %3").arg(a).arg(err).arg(scale)));
      }
    }
  }

  // 4. Determinism, distinct seeds, the zero mode, threads.
  void deterministic_for_a_seed() {
    auto sim = make();
    const double theta[2] = {0.7, 0.8};
    const std::size_t size = 128 * 128;
    std::vector<double> a(size), b(size), c(size);
    sim->simulate(42, theta, a.data());
    sim->simulate(42, theta, b.data());
    QVERIFY(a == b);
    auto other = make(json{{"N", 128}, {"L", 128}}); // another instance: the same field
    other->simulate(42, theta, c.data());
    QVERIFY(a == c);
    sim->simulate(43, theta, c.data());
    double ab = 0, aa = 0, cc = 0;
    for (std::size_t e = 0; e < size; ++e) {
      ab += a[e] * c[e];
      aa += a[e] * a[e];
      cc += c[e] * c[e];
    }
    const double corr = ab / std::sqrt(aa * cc);
    QVERIFY2(std::abs(corr) < 0.2, qPrintable(QString("seeds 42 and 43 correlate %1").arg(corr)));
    // seed bits above 32 matter too
    sim->simulate(42 + (1ull << 40), theta, c.data());
    QVERIFY(a != c);
  }

  void zero_mode_is_removed() {
    for (int n : {2, 7, 64, 128}) {
      auto sim = make(json{{"N", n}});
      const std::size_t size = std::size_t(n) * n;
      std::vector<double> d(size);
      for (std::uint64_t seed = 0; seed < 5; ++seed) {
        sim->simulate(seed, sim->info().theta_fid.data(), d.data());
        double sum = 0, abs_sum = 0;
        for (double x : d) {
          sum += x;
          abs_sum += std::abs(x);
        }
        QVERIFY2(abs_sum > 0 && std::abs(sum) <= 1e-12 * abs_sum,
                 qPrintable(QString("N %1: sum %2 of |d| sum %3").arg(n).arg(sum).arg(abs_sum)));
      }
    }
  }

  // The log-normal field: exp(g - sigma^2/2) - 1 has mean 0 over the ensemble.
  void log_normal_has_mean_zero() {
    auto sim = make(json{{"N", 64}, {"log_normal", true}});
    const std::size_t size = 64 * 64, n_sims = 200;
    const double theta[2] = {1.0, 0.5};
    std::vector<double> d(size), means(n_sims);
    double mu = 0;
    for (std::size_t s = 0; s < n_sims; ++s) {
      sim->simulate(s, theta, d.data());
      double m = 0;
      for (double x : d) {
        QVERIFY(x > -1.0); // exp(...) - 1
        m += x;
      }
      means[s] = m / double(size);
      mu += means[s];
    }
    mu /= double(n_sims);
    double ss = 0;
    for (double m : means)
      ss += (m - mu) * (m - mu);
    const double se = std::sqrt(ss / double(n_sims - 1) / double(n_sims));
    QVERIFY2(std::abs(mu) < 5 * se, qPrintable(QString("mean %1, SE %2").arg(mu).arg(se)));
  }

  void threads_give_the_serial_fields() {
    for (bool log_normal : {false, true}) {
      auto sim = make(json{{"N", 64}, {"log_normal", log_normal}});
      const std::size_t n_sims = 64, size = 64 * 64;
      const double theta[2] = {0.9, 0.6};
      std::vector<double> serial(n_sims * size), jac_serial(n_sims * size * 2);
      for (std::size_t i = 0; i < n_sims; ++i)
        sim->simulate_with_jacobian(i * 7919, theta, serial.data() + i * size,
                                    jac_serial.data() + i * size * 2);
      std::vector<double> parallel(n_sims * size), jac_parallel(n_sims * size * 2);
      std::atomic<int> failures{0};
      auto work = [&](std::size_t t) {
        try {
          for (std::size_t i = t; i < n_sims; i += 4)
            sim->simulate_with_jacobian(i * 7919, theta, parallel.data() + i * size,
                                        jac_parallel.data() + i * size * 2);
        } catch (...) {
          ++failures;
        }
      };
      std::vector<std::thread> threads;
      for (std::size_t t = 0; t < 4; ++t)
        threads.emplace_back(work, t);
      for (auto &th : threads)
        th.join();
      QCOMPARE(failures.load(), 0);
      QVERIFY(parallel == serial);
      QVERIFY(jac_parallel == jac_serial);
    }
  }

  // 5. Bad options are refused at create, naming the option.
  void refuses_bad_options_data() {
    QTest::addColumn<QByteArray>("options");
    QTest::addColumn<QString>("expected");
    auto row = [](const char *tag, const char *options, const char *expected) {
      QTest::newRow(tag) << QByteArray(options) << QString(expected);
    };
    row("N 1", R"({"N": 1})", R"(option "N" must be an integer between 2 and 4096)");
    row("N 0", R"({"N": 0})", R"(option "N" must be an integer between 2 and 4096)");
    row("N negative", R"({"N": -8})", R"(option "N" must be an integer)");
    row("N fraction", R"({"N": 12.5})", R"(option "N" must be an integer)");
    row("N string", R"({"N": "128"})", R"(option "N" must be an integer)");
    row("N huge", R"({"N": 100000})", R"(option "N" must be an integer between 2 and 4096)");
    row("L 0", R"({"L": 0})", R"(option "L" must be a number > 0)");
    row("L negative", R"({"L": -128})", R"(option "L" must be a number > 0)");
    row("L string", R"({"L": "big"})", R"(option "L" must be a number > 0)");
    row("log_normal number", R"({"log_normal": 1})",
        R"(option "log_normal" must be true or false)");
    row("unknown key", R"({"n": 128})", R"(unknown option "n")");
  }
  void refuses_bad_options() {
    QFETCH(QByteArray, options);
    QFETCH(QString, expected);
    const std::string m = refusal(json::parse(options.toStdString()));
    QVERIFY2(contains(m, "simulator 'gaussian_random_field_2d' ("), m.c_str());
    QVERIFY2(contains(m, expected.toStdString()), m.c_str());
  }

  void refuses_bad_theta() {
    auto sim = make(json{{"N", 8}});
    std::vector<double> out(64);
    const double theta[2] = {0.0, 0.5};
    try {
      sim->simulate(1, theta, out.data());
      QFAIL("A = 0 was simulated");
    } catch (const imnn::PluginError &e) {
      QVERIFY2(contains(e.what(), "A must be > 0"), e.what());
    }
  }

  // Seconds per simulation at N = 128 on one thread (reported, not asserted): the thread's
  // CPU time, which a busy machine does not inflate as much as wall time, and wall time.
  void timing() {
    auto sim = make();
    const std::size_t size = 128 * 128, n = 500;
    const double theta[2] = {1.0, 0.5};
    std::vector<double> out(size), jac(size * 2);
    auto cpu = [] {
      timespec ts{};
      clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
      return double(ts.tv_sec) + 1e-9 * double(ts.tv_nsec);
    };
    using clock = std::chrono::steady_clock;
    const auto w0 = clock::now();
    const double c0 = cpu();
    for (std::size_t s = 0; s < n; ++s)
      sim->simulate(s, theta, out.data());
    const auto w1 = clock::now();
    const double c1 = cpu();
    for (std::size_t s = 0; s < n; ++s)
      sim->simulate_with_jacobian(s, theta, out.data(), jac.data());
    const auto w2 = clock::now();
    const double c2 = cpu();
    const double per = 1.0 / double(n);
    qInfo("N = 128, one thread: %.3g s per simulation, %.3g s per simulation with Jacobian "
          "(CPU time; wall %.3g s and %.3g s)",
          (c1 - c0) * per, (c2 - c1) * per, std::chrono::duration<double>(w1 - w0).count() * per,
          std::chrono::duration<double>(w2 - w1).count() * per);
    QVERIFY(c1 > c0 && c2 > c1);
  }
};

QTEST_APPLESS_MAIN(TestGrf)
#include "test_grf.moc"

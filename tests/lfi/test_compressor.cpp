// The trained IMNN as a compressor, on a model made by a short real fit: summaries
// are the fitted network's outputs, estimates are θ_fid + F⁻¹ (dμ/dθ)ᵀ C⁻¹ (x − μ)
// computed here by hand, batching does not change results, shapes and damaged model
// files give errors that name the problem, and the estimate plugs into ABC.
#include "imnn/compressor.h"
#include "imnn/error.h"
#include "imnn/fit.h"
#include "imnn/plugins.h"
#include "imnn/session.h"

#include "small_config.h"

#include <Eigen/LU>
#include <QtTest>
#include <cmath>

using nlohmann::json;

class TestCompressor : public QObject {
  Q_OBJECT
  imnn::FitSession session_; // the short fit (registry, simulator, fitter)
  std::shared_ptr<imnn::Simulator> sim_;
  imnn::TrainedModel model_;

  // n simulations at theta from seeds 1000 + i (n x 10, C order).
  std::vector<double> simulate(imnn::Index n, double mu, double sigma) {
    std::vector<double> d(static_cast<std::size_t>(n * sim_->input_size()));
    const double theta[2] = {mu, sigma};
    for (imnn::Index i = 0; i < n; ++i)
      sim_->simulate(1000 + static_cast<std::uint64_t>(i), theta, d.data() + i * 10);
    return d;
  }

  static QString message_of(const std::function<void()> &f) {
    try {
      f();
    } catch (const imnn::Error &e) {
      return QString::fromStdString(e.what());
    }
    return {};
  }

private slots:
  void initTestCase() {
    json j = small_gaussian_config({{"fit", {{"max_iterations", 30}, {"n_statistics", 500}}}});
    auto c = imnn::RunConfig::from_json(j);
    c.plugin_dirs = {IMNN_PLUGIN_BUILD_DIR};
    session_ = imnn::prepare_fit(std::move(c));
    sim_ = session_.simulator;
    const auto res = session_.fitter->fit();
    QVERIFY(res.has_statistics);
    model_ = session_.fitter->trained_model(res.statistics);
    // Through the file format, as the CLI loads it.
    model_ = imnn::TrainedModel::from_json(json::parse(model_.to_json().dump()));
  }

  void summaries_are_the_fitted_network_outputs() {
    imnn::Compressor comp(model_, *session_.registry, 2);
    QCOMPARE(comp.n_summaries(), imnn::Index(2));
    QCOMPARE(comp.n_params(), imnn::Index(2));
    QCOMPARE(comp.input_size(), imnn::Index(10));
    const auto data = simulate(7, 0.3, 1.4);
    const imnn::lfi::MatrixD s = comp.summarise(data.data(), 7);
    QCOMPARE(s.rows(), imnn::Index(7));
    QCOMPARE(s.cols(), imnn::Index(2));
    // The fitter's own network at the kept weights.
    auto backend = imnn::make_cpu_backend(1);
    imnn::Workspace ws;
    ws.input = Eigen::Map<const imnn::lfi::MatrixD>(data.data(), 7, 10).cast<float>();
    const imnn::MatrixF &y = session_.fitter->model().forward(
        *backend, session_.fitter->kept_weights(), ws, imnn::RowLayout{7, 0, 0});
    for (imnn::Index i = 0; i < 7; ++i)
      for (imnn::Index k = 0; k < 2; ++k)
        QVERIFY(std::fabs(s(i, k) - y(i, k)) <= 1e-5 * (1.0 + std::fabs(y(i, k))));
  }

  void estimate_is_the_quasi_ml_estimate() {
    imnn::Compressor comp(model_, *session_.registry, 2);
    const auto data = simulate(5, -0.2, 0.8);
    const imnn::lfi::MatrixD x = comp.summarise(data.data(), 5);
    const imnn::lfi::MatrixD est = comp.estimate(data.data(), 5);
    const auto &st = model_.statistics;
    const Eigen::MatrixXd K = st.F.inverse() * st.dmu_dtheta.transpose() * st.invC;
    for (imnn::Index i = 0; i < 5; ++i) {
      const Eigen::VectorXd d = x.row(i).transpose() - st.mu;
      const Eigen::VectorXd theta =
          Eigen::Vector2d(model_.theta_fid[0], model_.theta_fid[1]) + K * d;
      for (imnn::Index a = 0; a < 2; ++a)
        QVERIFY2(
            std::fabs(est(i, a) - theta(a)) < 1e-9 * (1.0 + std::fabs(theta(a))),
            qPrintable(
                QString("row %1 param %2: %3 vs %4").arg(i).arg(a).arg(est(i, a)).arg(theta(a))));
    }
    // A short fit already estimates the mean: estimates follow the data's sample mean.
    const auto far = simulate(200, 1.0, 1.0);
    const imnn::lfi::MatrixD e = comp.estimate(far.data(), 200);
    QVERIFY2(e.col(0).mean() > 0.5, qPrintable(QString::number(e.col(0).mean())));
  }

  void batches_do_not_change_results() {
    imnn::Compressor comp(model_, *session_.registry, 2);
    const imnn::Index n = 5000; // more than one internal batch (4096 rows)
    const auto data = simulate(n, 0.1, 1.0);
    const imnn::lfi::MatrixD all = comp.estimate(data.data(), n);
    for (imnn::Index i : {imnn::Index(0), imnn::Index(4095), imnn::Index(4096), n - 1}) {
      const imnn::lfi::MatrixD one = comp.estimate(data.data() + i * 10, 1);
      for (imnn::Index a = 0; a < 2; ++a)
        QVERIFY(std::fabs(one(0, a) - all(i, a)) <= 1e-5 * (1.0 + std::fabs(all(i, a))));
    }
  }

  void shapes_are_checked_with_named_axes() {
    imnn::Compressor comp(model_, *session_.registry, 1);
    bool single = false;
    QCOMPARE(comp.batch_of(imnn::ArrayInfo{{10}, imnn::DType::f64, "t.npy"}, &single),
             imnn::Index(1));
    QVERIFY(single);
    QCOMPARE(comp.batch_of(imnn::ArrayInfo{{3, 10}, imnn::DType::f64, "t.npy"}, &single),
             imnn::Index(3));
    QVERIFY(!single);
    for (const auto &shape : {std::vector<imnn::Index>{11}, std::vector<imnn::Index>{3, 9},
                              std::vector<imnn::Index>{2, 3, 10}}) {
      const QString msg = message_of([&] {
        comp.batch_of(imnn::ArrayInfo{shape, imnn::DType::f64, "bad.npy"});
      });
      QVERIFY2(msg.contains("bad.npy") && msg.contains("(n, input=10)") &&
                   msg.contains("single (input=10)") &&
                   msg.contains(QString::fromStdString(
                       imnn::ArrayInfo{shape, imnn::DType::f64, ""}.shape_string())),
               qPrintable(msg));
    }
    std::vector<double> data(20, 0.5);
    data[13] = std::nan("");
    const QString nan = message_of([&] { comp.summarise(data.data(), 2); });
    QVERIFY2(nan.contains("simulation 1") && nan.contains("NaN"), qPrintable(nan));
  }

  void damaged_models_are_refused() {
    imnn::TrainedModel m = model_;
    m.weights.pop_back();
    const QString count = message_of([&] { imnn::Compressor c(m, *session_.registry, 1); });
    QVERIFY2(count.contains(QString::number(model_.weights.size())) &&
                 count.contains(QString::number(model_.weights.size() - 1)) &&
                 count.contains("weights"),
             qPrintable(count));
    imnn::TrainedModel u = model_;
    u.network["plugin"] = "no_such_net";
    const QString plugin = message_of([&] { imnn::Compressor c(u, *session_.registry, 1); });
    QVERIFY2(plugin.contains("no_such_net"), qPrintable(plugin));
    const QString missing =
        message_of([&] { imnn::Compressor::load("/nonexistent/run", *session_.registry, 1); });
    QVERIFY2(missing.contains("/nonexistent/run/model.json") || missing.contains("does not exist"),
             qPrintable(missing));
  }

  void estimate_fn_turns_nan_into_nan_estimates() {
    imnn::Compressor comp(model_, *session_.registry, 1);
    auto data = simulate(3, 0.0, 1.0);
    const imnn::lfi::MatrixD ref = comp.estimate(data.data(), 3);
    data[2 * 10 + 4] = std::nan("");
    imnn::lfi::MatrixD out(3, 2);
    comp.estimate_fn()(data.data(), 3, out.data());
    for (imnn::Index a = 0; a < 2; ++a) {
      QCOMPARE(out(0, a), ref(0, a));
      QCOMPARE(out(1, a), ref(1, a));
      QVERIFY(std::isnan(out(2, a)));
    }
    const QString msg = message_of([&] { comp.estimate(data.data(), 3); });
    QVERIFY2(msg.contains("simulation 2, element 4") && msg.contains("NaN"), qPrintable(msg));
  }

  void estimate_fn_drives_abc() {
    imnn::Compressor comp(model_, *session_.registry, 2);
    const auto prior = imnn::lfi::make_uniform_prior({-1.0, 0.5}, {1.0, 1.5});
    const auto target_data = simulate(1, 0.0, 1.0);
    imnn::lfi::Problem p;
    p.prior = prior.get();
    p.simulate = [this](std::uint64_t seed, const double *theta, double *out) {
      sim_->simulate(seed, theta, out);
    };
    p.compress = comp.estimate_fn();
    p.input_size = 10;
    p.n_summaries = 2;
    p.target = comp.estimate(target_data.data(), 1).row(0).transpose();
    p.distance.F = model_.statistics.F;
    p.threads = 2;
    imnn::lfi::Abc abc(p);
    imnn::lfi::AbcSettings s;
    s.n_samples = 300;
    s.epsilon = 1.0;
    const auto &r = abc.run(s);
    QCOMPARE(r.parameters.rows(), imnn::Index(300));
    // The stored summaries are the compressor's estimates of fresh simulations.
    for (imnn::Index i = 0; i < 300; ++i)
      QVERIFY(std::isfinite(r.summaries(i, 0)) && std::isfinite(r.distances[std::size_t(i)]));
    QVERIFY(r.n_accepted > 0 && r.n_accepted < 300);
  }
};

QTEST_APPLESS_MAIN(TestCompressor)
#include "test_compressor.moc"

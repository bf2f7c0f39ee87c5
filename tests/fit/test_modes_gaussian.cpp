// Acceptance of an array mode on the reference's Gaussian example (issue 3): mode
// "numerical" with n_s = n_d = 1000 fixed training and 1000 validation simulations
// must reach det F >= 40 (the reference: about 44.5 on its validation set; measured
// here 42.9-44.1 over seeds 0-2, and 41.0-42.1 for mode "gradient", see README). det F is
// measured at the kept weights on 10 000 fresh simulations, so the early-stopping
// selection on the validation arrays cannot flatter it.
#include "imnn/error.h"
#include "imnn/fit.h"
#include "imnn/plugins.h"
#include "imnn/sources.h"

#include <QtTest>

using nlohmann::json;

class TestModesGaussian : public QObject {
  Q_OBJECT

private slots:
  void numerical_mode_reaches_40() {
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    imnn::PluginRegistry registry;
    registry.scan({IMNN_PLUGIN_BUILD_DIR});
    auto sim = registry.create_simulator("gaussian_mean_variance", json::object());
    const std::vector<double> theta{0.0, 1.0};
    const std::vector<double> delta{0.1, 0.1};
    const auto kind = imnn::DerivativeKind::finite_difference;
    const auto t =
        imnn::simulate_arrays(sim, kind, theta, delta, 0, imnn::SeedStream::training, {1000, 1000});
    const auto v = imnn::simulate_arrays(sim, kind, theta, delta, 0, imnn::SeedStream::validation,
                                         {1000, 1000});
    const std::string dir = tmp.path().toStdString();
    imnn::save_npy(dir + "/f.npy", t.fiducial_shape, t.fiducial.data());
    imnn::save_npy(dir + "/d.npy", t.derivative_shape, t.derivative.data());
    imnn::save_npy(dir + "/vf.npy", v.fiducial_shape, v.fiducial.data());
    imnn::save_npy(dir + "/vd.npy", v.derivative_shape, v.derivative.data());
    // The example's network and optimiser; early stopping as `imnn simulate` writes it.
    json j = {
        {"theta_fid", theta},
        {"delta_theta", delta},
        {"network",
         {{"plugin", "mlp"},
          {"options",
           {{"hidden", {128, 128, 128}}, {"activation", "leaky_relu"}, {"negative_slope", 0.01}}}}},
        {"threads", 2},
        {"fit", {{"patience", 100}, {"min_iterations", 100}, {"max_iterations", 5000}}},
        {"data",
         {{"fiducial", dir + "/f.npy"},
          {"derivative", dir + "/d.npy"},
          {"validation_fiducial", dir + "/vf.npy"},
          {"validation_derivative", dir + "/vd.npy"}}}};
    auto c = imnn::RunConfig::from_json(j);
    c.resolve(registry);
    QCOMPARE(c.mode, std::string("numerical"));
    c.network.options = registry.resolve_network_options("mlp", c.network.options, 2);
    auto source = imnn::make_simulation_source(c, nullptr);
    auto model = registry.build_network("mlp", c.network.options, source->input_shape(), 2);
    imnn::Fitter fitter(c, std::move(model), std::move(source));
    const auto res = fitter.fit();
    QCOMPARE(res.stop_reason, std::string("patience")); // early stopping on validation

    // Fresh simulations at the kept weights.
    imnn::SimulatorSource fresh(sim, theta, 12345);
    auto backend = imnn::make_cpu_backend(2);
    imnn::Workspace ws;
    const imnn::SetSize set{10000, 10000};
    fresh.fill(imnn::SeedStream::statistics, 0, set, ws.input);
    Eigen::MatrixXd x, dx;
    fresh.summaries(fitter.model().forward(*backend, fitter.kept_weights(), ws, fresh.layout(set)),
                    set, x, dx);
    const double detF = imnn::fisher_statistics(x, dx, 2, imnn::Regularisation{10, 0.1}).detF;
    qInfo("numerical mode: %d iterations, det F %.2f on the validation arrays, %.2f on 10000 "
          "fresh simulations (bound 50)",
          res.iterations, res.statistics.detF, detF);
    QVERIFY2(detF >= 40, qPrintable(QString("fresh det F %1 < 40").arg(detF)));
    // 1000 validation simulations: about +-8% noise on det F, so <= 50 + 2 sigma.
    QVERIFY2(res.statistics.detF < 58,
             qPrintable(QString("validation det F %1 exceeds the bound 50 by more than sampling "
                                "noise")
                            .arg(res.statistics.detF)));
  }
};

QTEST_APPLESS_MAIN(TestModesGaussian)
#include "test_modes_gaussian.moc"

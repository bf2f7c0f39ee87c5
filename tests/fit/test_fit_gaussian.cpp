// Acceptance: the built-in Gaussian example (the reference's settings but for the
// four README.md "Configuration" names: ELU, min_iterations, n_validation,
// n_statistics) reaches at least 90% of the analytic Fisher bound det F = 50 on fresh
// validation simulations. The one slow test of the suite.
#include "imnn/fit.h"
#include "imnn/plugins.h"

#include <QtTest>

class TestFitGaussian : public QObject {
  Q_OBJECT
private slots:
  void reaches_ninety_percent_of_the_bound() {
    imnn::PluginRegistry registry;
    registry.scan({IMNN_PLUGIN_BUILD_DIR});
    auto c =
        imnn::RunConfig::load(IMNN_SOURCE_DIR "/resources/examples/gaussian_mean_variance.json");
    c.seed = 1;
    c.threads = 2;
    c.resolve(registry);
    auto sim = registry.create_simulator(c.simulator.plugin, c.simulator.options);
    auto model = registry.build_network(c.network.plugin, c.network.options, sim->input_shape(),
                                        c.n_summaries);
    imnn::Fitter fitter(c, std::move(model), sim);
    int first45 = -1;
    fitter.add_observer([&](const imnn::IterationRecord &r) {
      if (first45 < 0 && r.val.detF >= 45) first45 = r.iteration;
    });
    const auto res = fitter.fit();
    qInfo("Gaussian example: %d iterations in %.1f s (%.0f it/s), stopped by %s; first "
          "validation det F >= 45 at iteration %d; kept iteration %d; det F at the kept "
          "weights on fresh simulations %.3f (training %.3f)",
          res.iterations, res.seconds, res.iterations / res.seconds, res.stop_reason.c_str(),
          first45, res.best_iteration, res.statistics.detF, res.kept_train.detF);
    QVERIFY(res.has_statistics);
    QVERIFY2(res.statistics.detF >= 45.0, "validation det F below 90% of the bound 50");
    // It cannot beat the bound by more than sampling noise of 1000 simulations.
    QVERIFY2(res.statistics.detF <= 56.0, "validation det F implausibly above the bound 50");
    // The summaries are near unit covariance, as the regulariser demands.
    QVERIFY(std::fabs(res.statistics.detC - 1.0) < 0.2);
  }
};

QTEST_APPLESS_MAIN(TestFitGaussian)
#include "test_fit_gaussian.moc"

// The fit loop on small Gaussian problems: the reference's early-stopping rules
// replayed from the history, determinism, continuation, cancellation, the whole
// pipeline's weight gradient vs finite differences, and bad simulator output.
#include "imnn/checkpoint.h"
#include "imnn/error.h"
#include "imnn/fit.h"
#include "imnn/plugins.h"
#include "imnn/seeds.h"

#include "gradient_check.h"
#include "make_fitter.h"
#include "small_config.h"

#include <QtTest>
#include <algorithm>
#include <cmath>
#include <numeric>
#include <set>

using nlohmann::json;

class TestFit : public QObject {
  Q_OBJECT
  imnn::PluginRegistry registry_;

  imnn::RunConfig small_config(json patch = json::object()) {
    json j = small_gaussian_config(patch);
    auto c = imnn::RunConfig::from_json(j);
    c.resolve(registry_);
    return c;
  }

  std::unique_ptr<imnn::Fitter> make_fitter(const imnn::RunConfig &c) {
    return ::make_fitter(registry_, c);
  }

private slots:
  void initTestCase() {
    registry_.scan({IMNN_PLUGIN_BUILD_DIR, IMNN_TEST_PLUGIN_DIR "/fit"});
    QVERIFY(registry_.find_simulator("gaussian_mean_variance"));
    QVERIFY(registry_.find_simulator("nan_gaussian"));
    QVERIFY(registry_.find_network("mlp"));
  }

  void runs_max_iterations_and_tracks_best() {
    auto fitter = make_fitter(small_config());
    int calls = 0;
    fitter->add_observer([&](const imnn::IterationRecord &r) {
      QCOMPARE(r.iteration, calls);
      ++calls;
    });
    const auto res = fitter->fit();
    QCOMPARE(res.iterations, 20);
    QCOMPARE(calls, 20);
    QCOMPARE(res.stop_reason, std::string("max_iterations"));
    const auto &h = fitter->history();
    QCOMPARE(int(h.size()), 20);
    // max det F is the maximum of the validation det F, and best is its argmax (first).
    double mx = 0;
    int arg = -1;
    for (const auto &r : h) {
      QVERIFY(std::isfinite(r.train.detF) && std::isfinite(r.val.detF));
      QVERIFY(std::isfinite(r.loss));
      if (r.val.detF > mx) {
        mx = r.val.detF;
        arg = r.iteration;
      }
      QCOMPARE(r.max_detF, mx);
    }
    QCOMPARE(res.max_detF, mx);
    QCOMPARE(res.best_iteration, arg);
    QVERIFY(res.has_statistics);
    QVERIFY(res.statistics.detF > 0);
    // The information grows from the initial network within 20 steps.
    QVERIFY2(h.back().train.detF > h.front().train.detF, "det F did not increase");
  }

  void early_stopping_follows_the_reference_rules_data() {
    QTest::addColumn<int>("min_iterations");
    QTest::addColumn<int>("patience");
    QTest::addColumn<bool>("validation");
    QTest::addColumn<double>("learning_rate");
    QTest::newRow("validation") << 5 << 3 << true << 1e-3;
    QTest::newRow("training, no validation") << 2 << 2 << false << 1e-3;
    QTest::newRow("tiny steps stall early") << 0 << 2 << true << 1e-7;
  }
  void early_stopping_follows_the_reference_rules() {
    QFETCH(int, min_iterations);
    QFETCH(int, patience);
    QFETCH(bool, validation);
    QFETCH(double, learning_rate);
    auto c = small_config({{"fit",
                            {{"patience", patience},
                             {"min_iterations", min_iterations},
                             {"max_iterations", 300},
                             {"validation", validation}}},
                           {"optimiser", {{"learning_rate", learning_rate}}}});
    auto fitter = make_fitter(c);
    const auto res = fitter->fit();
    // Replay imnn-spec §2.3 on the recorded statistics.
    double max_detF = 0;
    int counter = 0, pc = 0, best = -1;
    for (const auto &r : fitter->history()) {
      QVERIFY2(pc < patience, "the fit ran past its patience");
      const double d = validation ? r.val.detF : r.train.detF;
      if (!validation) QVERIFY(std::isnan(r.val.detF));
      if (d > max_detF) {
        max_detF = d;
        best = r.iteration;
        pc = 0;
      } else if (counter > min_iterations) {
        ++pc;
      }
      ++counter;
      QCOMPARE(r.patience_counter, pc);
    }
    QCOMPARE(res.best_iteration, best);
    if (res.iterations < 300) {
      QCOMPARE(res.stop_reason, std::string("patience"));
      QCOMPARE(pc, patience);
    }
  }

  void identical_for_the_same_seed_and_different_otherwise() {
    auto a = make_fitter(small_config({{"seed", 5}}));
    auto b = make_fitter(small_config({{"seed", 5}}));
    auto c = make_fitter(small_config({{"seed", 6}}));
    a->fit();
    b->fit();
    c->fit();
    QCOMPARE(a->weights(), b->weights());
    for (std::size_t i = 0; i < a->history().size(); ++i) {
      QCOMPARE(a->history()[i].train.detF, b->history()[i].train.detF);
      QCOMPARE(a->history()[i].val.detF, b->history()[i].val.detF);
    }
    QVERIFY(a->weights() != c->weights());
  }

  void fit_again_continues() {
    auto f = make_fitter(small_config({{"fit", {{"max_iterations", 10}}}}));
    const auto r1 = f->fit();
    const auto r2 = f->fit();
    QCOMPARE(r1.iterations, 10);
    QCOMPARE(r2.iterations, 10);
    QCOMPARE(int(f->history().size()), 20);
    QCOMPARE(f->history()[10].iteration, 10); // numbering (and simulations) continue
    QVERIFY(r2.max_detF >= r1.max_detF);      // max det F carries over
    // Continuing equals one 20-iteration fit of the same seed except the Adam state:
    // our optimiser keeps its step counter across calls (the reference restarts it).
    auto g = make_fitter(small_config({{"fit", {{"max_iterations", 20}}}}));
    g->fit();
    QCOMPARE(f->weights(), g->weights());
  }

  void cancel_stops_promptly_and_keeps_state() {
    auto f = make_fitter(small_config({{"fit", {{"max_iterations", 100000}}}}));
    std::atomic<int> seen{0};
    f->add_observer([&](const imnn::IterationRecord &) { ++seen; });
    imnn::BackgroundFit job(*f);
    QTRY_VERIFY_WITH_TIMEOUT(seen.load() >= 3, 20000);
    job.cancel();
    QTRY_VERIFY_WITH_TIMEOUT(job.finished(), 5000);
    const auto res = job.wait();
    QCOMPARE(res.stop_reason, std::string("cancelled"));
    QVERIFY(res.iterations >= 3 && res.iterations < 100000);
    QCOMPARE(int(f->history().size()), res.iterations);
    QVERIFY(res.has_statistics);
  }

  void cancelled_call_continues_as_one_uninterrupted_call() {
    // Pause/resume (the desktop app's): cancel at an iteration boundary, then
    // continue_open_call() and fit() again give the history of one uninterrupted call.
    const json patch = {{"fit", {{"patience", 8}, {"min_iterations", 3}, {"max_iterations", 40}}}};
    auto g = make_fitter(small_config(patch));
    const auto whole = g->fit();
    auto f = make_fitter(small_config(patch));
    std::atomic<bool> cancel{false};
    f->add_observer([&](const imnn::IterationRecord &r) {
      if (r.iteration == 6 || r.iteration == 11) cancel.store(true);
    });
    QVERIFY(!f->continue_open_call()); // no call yet
    imnn::FitResult res = f->fit(&cancel);
    QCOMPARE(res.stop_reason, std::string("cancelled"));
    QCOMPARE(int(f->history().size()), 7);
    while (res.stop_reason == "cancelled") {
      cancel.store(false);
      QVERIFY(f->continue_open_call());
      res = f->fit(&cancel);
    }
    QVERIFY(!f->continue_open_call()); // the call ended by itself
    QCOMPARE(res.stop_reason, whole.stop_reason);
    QCOMPARE(res.iterations, whole.iterations);
    QCOMPARE(res.best_iteration, whole.best_iteration);
    QCOMPARE(f->history().size(), g->history().size());
    for (std::size_t i = 0; i < g->history().size(); ++i) {
      const auto &a = f->history()[i], &b = g->history()[i];
      QCOMPARE(a.iteration, b.iteration);
      QCOMPARE(a.iteration_in_call, b.iteration_in_call);
      QCOMPARE(a.patience_counter, b.patience_counter);
      QCOMPARE(a.loss, b.loss);
      QCOMPARE(a.val.detF, b.val.detF);
    }
    QCOMPARE(f->weights(), g->weights());
    QCOMPARE(res.statistics.detF, whole.statistics.detF);

    // Without continue_open_call() a new fit() after a cancel starts a new call.
    auto h = make_fitter(small_config(patch));
    std::atomic<bool> stop{false};
    h->add_observer([&](const imnn::IterationRecord &r) {
      if (r.iteration == 4) stop.store(true);
    });
    h->fit(&stop);
    stop.store(false);
    h->fit(&stop);
    QCOMPARE(h->history().at(5).iteration, 5);
    QCOMPARE(h->history().at(5).iteration_in_call, 0);
  }

  // fit.whiten_init: the first iteration's training statistics are those of the set the
  // last layer was whitened on, so its summaries' covariance is I (det C = 1, Λ2 ~ 0) and
  // det F is what the initial network gives without it (affine invariance). Off (the
  // default) is the reference's start.
  void whitening_starts_with_white_summaries() {
    auto on = make_fitter(small_config({{"fit", {{"max_iterations", 1}, {"whiten_init", true}}}}));
    auto off = make_fitter(small_config({{"fit", {{"max_iterations", 1}}}}));
    QVERIFY(on->config().fit.whiten_init && !off->config().fit.whiten_init);
    QVERIFY(on->weights() == off->weights()); // the same initial draw
    on->fit();
    off->fit();
    const auto &a = on->history().front().train, &b = off->history().front().train;
    qInfo("first iteration: det C %.7f, Λ2 %.2e, det F %.4f whitened; det C %.4f, Λ2 %.3f, det F "
          "%.4f not",
          a.detC, a.Lambda2, a.detF, b.detC, b.Lambda2, b.detF);
    QVERIFY(on->whitened_init() && !off->whitened_init());
    QVERIFY(std::fabs(a.detC - 1.0) < 1e-4);
    QVERIFY(a.Lambda2 < 1e-6);
    QVERIFY(std::fabs(b.detC - 1.0) > 1e-2);
    QVERIFY(std::fabs(a.detF - b.detF) < 1e-4 * b.detF);
    // The checkpoint carries it, so a resumed fit's result.json says so too.
    imnn::Checkpoint cp;
    cp.config = on->config().to_json();
    cp.state = on->state();
    QVERIFY(cp.state.whitened_init);
    const imnn::Checkpoint back = imnn::decode_checkpoint(imnn::encode_checkpoint(cp), "test");
    QVERIFY(back.state.whitened_init);
    auto resumed =
        make_fitter(small_config({{"fit", {{"max_iterations", 2}, {"whiten_init", true}}}}));
    resumed->restore(back.state);
    QVERIFY(resumed->whitened_init());
    resumed->fit();
    QVERIFY(resumed->whitened_init());
  }

  void whole_pipeline_gradient_matches_finite_differences() {
    // L(w) on fixed simulations: simulator -> network (with tangents) -> Fisher loss.
    // Checks the reverse-mode gradient of every stage composed, in float activations.
    auto c = small_config({{"network", {{"options", {{"hidden", {8}}, {"activation", "tanh"}}}}},
                           {"n_s", 60},
                           {"n_d", 40}});
    auto sim = registry_.create_simulator(c.simulator.plugin, c.simulator.options);
    auto model = registry_.build_network("mlp", c.network.options, sim->input_shape(), 2);
    imnn::SimulatorSource src(sim, c.theta_fid, 3);
    const imnn::RowLayout layout{60, 40, 2};
    auto backend = imnn::make_cpu_backend(1);
    imnn::Workspace ws;
    src.fill(imnn::SeedStream::training, 0, {60, 40}, ws.input);
    const imnn::MatrixF input = ws.input;
    imnn::Regularisation reg{10.0, 0.1};
    auto w = model.initialise(11);
    auto loss_at = [&](const std::vector<float> &wt, imnn::LossAndGradient *out) {
      ws.input = input;
      const auto &o = model.forward(*backend, wt, ws, layout);
      const Eigen::MatrixXd x = o.topRows(60).cast<double>();
      const Eigen::MatrixXd dx = o.bottomRows(80).cast<double>();
      auto lg = imnn::fisher_loss(x, dx, 2, reg);
      if (out) *out = lg;
      return lg.loss;
    };
    imnn::LossAndGradient lg;
    loss_at(w, &lg);
    imnn::MatrixF og(layout.rows(), 2);
    og.topRows(60) = lg.dL_dx.cast<float>();
    og.bottomRows(80) = lg.dL_ddx.cast<float>();
    std::vector<float> grad(w.size(), 0.0f);
    ws.input = input;
    model.forward(*backend, w, ws, layout);
    model.backward(*backend, w, ws, layout, og, grad);
    // Check the 12 largest gradient components (clear of float round-off).
    const QString bad = check_gradient_fd(
        w, grad, [&](const std::vector<float> &wt) { return loss_at(wt, nullptr); }, 12);
    QVERIFY2(bad.isEmpty(), qPrintable(bad));
  }

  void nan_from_simulator_is_reported_and_never_applied_data() {
    QTest::addColumn<QString>("option");
    QTest::newRow("NaN") << "nan";
    QTest::newRow("1e39, beyond float32") << "huge"; // finite in double, Inf as float
  }
  void nan_from_simulator_is_reported_and_never_applied() {
    QFETCH(QString, option);
    auto c = small_config(
        {{"simulator", {{"plugin", "nan_gaussian"}, {"options", {{option.toStdString(), 1}}}}}});
    auto f = make_fitter(c);
    const auto w0 = f->weights();
    try {
      f->fit();
      QFAIL("no error");
    } catch (const imnn::NumericalError &e) {
      const QString m = e.what();
      QVERIFY2(m.contains("NaN, Inf or a value beyond float32's range") &&
                   m.contains("simulation 0") && m.contains("nan_gaussian"),
               e.what());
    }
    QCOMPARE(f->weights(), w0);
    QVERIFY(f->history().empty());
  }

  void seeds_are_distinct_and_stable() {
    QCOMPARE(imnn::derive_seed(1, imnn::SeedStream::training, 2, 3),
             imnn::derive_seed(1, imnn::SeedStream::training, 2, 3));
    std::set<std::uint64_t> seen;
    for (std::uint64_t s = 0; s < 2; ++s)
      for (auto st : {imnn::SeedStream::training, imnn::SeedStream::validation})
        for (std::uint64_t it = 0; it < 10; ++it)
          for (std::uint64_t i = 0; i < 100; ++i)
            seen.insert(imnn::derive_seed(s, st, it, i));
    QCOMPARE(seen.size(), std::size_t(2 * 2 * 10 * 100));
  }
};

QTEST_APPLESS_MAIN(TestFit)
#include "test_fit.moc"

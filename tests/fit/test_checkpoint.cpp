// Checkpoints in process: a Fitter restored from a checkpoint (through the file
// format) continues bit for bit like the uninterrupted fit, in the middle of a call
// and of a patience count; a damaged file is detected with a clear error; a failed
// fit still has a consistent last good state; calling fit() again keeps max det F
// and resets the call's counters (imnn-spec §2.2).
#include "imnn/checkpoint.h"
#include "imnn/error.h"
#include "imnn/fit.h"
#include "imnn/plugins.h"

#include "make_fitter.h"
#include "small_config.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <cstring>
#include <fstream>
#include <limits>

using nlohmann::json;

namespace {

bool same(double a, double b) {
  return (std::isnan(a) && std::isnan(b)) || std::memcmp(&a, &b, sizeof a) == 0;
}

bool same_stats(const imnn::SetStatistics &a, const imnn::SetStatistics &b) {
  return same(a.detF, b.detF) && same(a.detC, b.detC) && same(a.detinvC, b.detinvC) &&
         same(a.Lambda2, b.Lambda2) && same(a.r, b.r);
}

} // namespace

class TestCheckpoint : public QObject {
  Q_OBJECT
  imnn::PluginRegistry registry_;

  imnn::RunConfig small_config(json patch = json::object()) {
    json j = small_gaussian_config(
        {{"seed", 4}, {"fit", {{"max_iterations", 24}, {"n_statistics", 300}}}});
    j.merge_patch(patch);
    auto c = imnn::RunConfig::from_json(j);
    c.resolve(registry_);
    return c;
  }

  std::unique_ptr<imnn::Fitter> make_fitter(const imnn::RunConfig &c) {
    return ::make_fitter(registry_, c);
  }

  static imnn::Checkpoint through_file_format(const imnn::Fitter &f) {
    const std::string bytes =
        imnn::encode_checkpoint(imnn::Checkpoint{f.state(), f.config().to_json()});
    return imnn::decode_checkpoint(bytes, "memory");
  }

private slots:
  void initTestCase() {
    registry_.scan({IMNN_PLUGIN_BUILD_DIR, IMNN_TEST_PLUGIN_DIR "/fit"});
    QVERIFY(registry_.find_simulator("gaussian_mean_variance"));
    QVERIFY(registry_.find_simulator("nan_gaussian"));
  }

  void restored_fit_equals_uninterrupted_data() {
    QTest::addColumn<QByteArray>("patch");
    QTest::addColumn<QString>("stop_reason");
    // Stops by max_iterations; the checkpoint is 2/3 of the way.
    QTest::newRow("max_iterations") << QByteArray("{}") << "max_iterations";
    QTest::newRow("sgd with momentum")
        << QByteArray(R"({"optimiser": {"name": "sgd", "learning_rate": 1e-4, "momentum": 0.9}})")
        << "max_iterations";
    // Tiny steps: validation det F stalls, patience stops the fit after a few
    // iterations; the checkpoint is taken with the patience count running.
    QTest::newRow("patience") << QByteArray(R"({"optimiser": {"learning_rate": 1e-7},
                                                "fit": {"patience": 3, "max_iterations": 300}})")
                              << "patience";
  }
  void restored_fit_equals_uninterrupted() {
    QFETCH(QByteArray, patch);
    QFETCH(QString, stop_reason);
    const auto config = small_config(json::parse(patch.toStdString()));
    auto a = make_fitter(config);
    std::vector<imnn::Checkpoint> checkpoints;
    a->set_checkpoint_hook(
        1, [&](const imnn::Fitter &f) { checkpoints.push_back(through_file_format(f)); });
    const auto ra = a->fit();
    QCOMPARE(ra.stop_reason, stop_reason.toStdString());
    QCOMPARE(checkpoints.size(), a->history().size());
    // Resume from a checkpoint inside the call: 2/3 through, or the last one taken
    // with the patience counter running.
    std::size_t k = checkpoints.size() * 2 / 3;
    if (stop_reason == "patience") {
      k = checkpoints.size() - 2;
      QVERIFY2(checkpoints[k].state.patience_counter > 0, "no patience count to restore");
    }
    const imnn::FitterState &s = checkpoints[k].state;
    QVERIFY(s.call_open);
    QCOMPARE(s.next_iteration, int(k) + 1);
    QCOMPARE(s.call_iterations, int(k) + 1);

    auto b = make_fitter(config);
    b->restore(s);
    int rows = 0;
    b->add_observer([&](const imnn::IterationRecord &r) {
      QCOMPARE(r.iteration, s.next_iteration + rows);
      ++rows;
    });
    const auto rb = b->fit();
    QCOMPARE(rows, int(a->history().size()) - s.next_iteration);
    QCOMPARE(rb.stop_reason, ra.stop_reason);
    QCOMPARE(rb.iterations, ra.iterations); // the call continued, not restarted
    QCOMPARE(rb.best_iteration, ra.best_iteration);
    QVERIFY(same(rb.max_detF, ra.max_detF));
    QCOMPARE(b->weights(), a->weights()); // bit for bit, same thread count
    QCOMPARE(b->best_weights(), a->best_weights());
    QCOMPARE(b->history().size(), a->history().size());
    for (std::size_t i = 0; i < a->history().size(); ++i) {
      const auto &x = a->history()[i], &y = b->history()[i];
      QVERIFY2(same_stats(x.train, y.train) && same_stats(x.val, y.val) && same(x.loss, y.loss),
               qPrintable(QString("history row %1 differs").arg(i)));
      QCOMPARE(y.patience_counter, x.patience_counter);
      QCOMPARE(y.iteration_in_call, x.iteration_in_call);
    }
    QVERIFY(same(rb.statistics.detF, ra.statistics.detF));
    QVERIFY(same_stats(rb.kept_train, ra.kept_train));
    // Seconds continue from the checkpoint's rather than restarting at 0.
    QVERIFY(b->history()[std::size_t(s.next_iteration)].seconds >= s.call_seconds);
  }

  void hook_runs_every_n_iterations() {
    auto f = make_fitter(small_config({{"fit", {{"max_iterations", 20}}}}));
    std::vector<int> at;
    f->set_checkpoint_hook(7,
                           [&](const imnn::Fitter &g) { at.push_back(int(g.history().size())); });
    f->fit();
    // After the first iteration too, so an early crash loses at most one iteration.
    QCOMPARE(at, (std::vector<int>{1, 7, 14}));
  }

  void damaged_checkpoint_is_detected_data() {
    QTest::addColumn<int>("damage");
    QTest::addColumn<QString>("message");
    QTest::newRow("torn write") << 0 << "truncated";
    QTest::newRow("flipped byte") << 1 << "checksum does not match";
    QTest::newRow("not a checkpoint") << 2 << "not an IMNN Studio checkpoint";
    QTest::newRow("newer version") << 3 << "this build reads version 1";
    QTest::newRow("header only") << 4 << "truncated";
  }
  void damaged_checkpoint_is_detected() {
    QFETCH(int, damage);
    QFETCH(QString, message);
    auto f = make_fitter(small_config({{"fit", {{"max_iterations", 3}}}}));
    f->fit();
    std::string bytes = imnn::encode_checkpoint({f->state(), f->config().to_json()});
    QVERIFY(bytes.size() > 1000);
    switch (damage) {
    case 0:
      bytes.resize(bytes.size() / 2);
      break;
    case 1:
      bytes[bytes.size() - 100] ^= 0x10;
      break;
    case 2:
      bytes[0] = 'X';
      break;
    case 3:
      bytes[8] = 2;
      break;
    default:
      bytes.resize(20);
    }
    try {
      imnn::decode_checkpoint(bytes, "run/checkpoint/state.ckpt");
      QFAIL("damage not detected");
    } catch (const imnn::Error &e) {
      const QString m = e.what();
      QVERIFY2(m.contains(message) && m.contains("run/checkpoint/state.ckpt"), e.what());
      if (damage != 3) QVERIFY2(m.contains("start the fit again"), e.what());
    }
  }

  void restore_refuses_a_different_network() {
    auto f = make_fitter(small_config({{"fit", {{"max_iterations", 2}}}}));
    f->fit();
    auto g = make_fitter(small_config({{"network", {{"options", {{"hidden", {8}}}}}}}));
    try {
      g->restore(f->state());
      QFAIL("no error");
    } catch (const imnn::Error &e) {
      QVERIFY2(QString(e.what()).contains("different config or network"), e.what());
    }
  }

  // A state whose checksum is right but whose values are not (edited, then re-summed)
  // is refused with the field named, never restored.
  void restore_refuses_values_out_of_range_data() {
    QTest::addColumn<int>("edit");
    QTest::addColumn<QString>("message");
    QTest::newRow("max_detF NaN") << 0 << "max_detF";
    QTest::newRow("max_detF negative") << 1 << "max_detF";
    QTest::newRow("weight NaN") << 2 << "NaN or Inf";
    QTest::newRow("best weight Inf") << 3 << "NaN or Inf";
    QTest::newRow("seconds negative") << 4 << "seconds";
    QTest::newRow("best weights short") << 5 << "best (kept) weights but the network has";
    QTest::newRow("Adam v negative") << 6 << "`v[0]` is -1.0, not a finite number >= 0";
    QTest::newRow("Adam m beyond float") << 7 << "`m[2]` is 1e+300, not a finite float";
    QTest::newRow("history row renumbered") << 8 << "history row 1 has an iteration number";
    QTest::newRow("history time negative") << 9 << "history row 0 has";
  }
  void restore_refuses_values_out_of_range() {
    QFETCH(int, edit);
    QFETCH(QString, message);
    auto f = make_fitter(small_config({{"fit", {{"max_iterations", 2}}}}));
    f->fit();
    imnn::FitterState s = f->state();
    switch (edit) {
    case 0:
      s.max_detF = std::numeric_limits<double>::quiet_NaN();
      break;
    case 1:
      s.max_detF = -3;
      break;
    case 2:
      s.weights[1] = std::numeric_limits<float>::quiet_NaN();
      break;
    case 3:
      s.best_weights[0] = std::numeric_limits<float>::infinity();
      break;
    case 4:
      s.call_seconds = -1;
      break;
    case 5:
      s.best_weights.pop_back();
      break;
    case 6:
      s.optimiser["v"][0] = -1.0;
      break;
    case 7:
      s.optimiser["m"][2] = 1e300;
      break;
    case 8:
      s.history[1].iteration = 0;
      break;
    default:
      s.history[0].seconds = -5;
      break;
    }
    auto g = make_fitter(small_config({{"fit", {{"max_iterations", 2}}}}));
    try {
      g->restore(s);
      QFAIL("no error");
    } catch (const imnn::Error &e) {
      QVERIFY2(QString(e.what()).contains(message), e.what());
      // "1474 weights but the network has 1474" no more: the two counts differ.
      if (edit == 5) {
        const QRegularExpression counts(QStringLiteral("has (\\d+) best .* has (\\d+)"));
        const auto m = counts.match(QString(e.what()));
        QVERIFY(m.hasMatch() && m.captured(1) != m.captured(2));
      }
    }
  }

  // When the final checkpoint cannot be written and none exists (a full disk before the
  // first one), the message says the run cannot be resumed rather than suggest --resume.
  void final_checkpoint_failure_says_whether_the_run_can_resume() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto f = make_fitter(small_config({{"fit", {{"max_iterations", 2}}}}));
    f->fit();
    { std::ofstream(dir.filePath("checkpoint").toStdString()) << "a file, not a folder"; }
    const std::string m = imnn::save_final_checkpoint(dir.path().toStdString(), *f);
    QVERIFY2(m.find("no checkpoint could be written") != std::string::npos &&
                 m.find("cannot be resumed") != std::string::npos,
             m.c_str());
  }

  void failed_fit_keeps_a_consistent_last_good_state() {
    // NaN from one simulation in ~5000, training or validation: the fit fails mid-way.
    auto c = small_config(
        {{"simulator", {{"plugin", "nan_gaussian"}, {"options", {{"nan_one_in", 5000}}}}},
         {"fit", {{"max_iterations", 200}}}});
    auto f = make_fitter(c);
    int checkpoints = 0;
    f->set_checkpoint_hook(1, [&](const imnn::Fitter &) { ++checkpoints; });
    try {
      f->fit();
      QFAIL("the simulator never failed; lower nan_one_in");
    } catch (const imnn::NumericalError &e) {
      QVERIFY2(QString(e.what()).contains("NaN"), e.what());
    }
    const auto n = int(f->history().size());
    QVERIFY2(n > 0, "failed at the first iteration; raise nan_one_in");
    const imnn::FitterState s = f->state(); // consistent: no half-applied step
    QCOMPARE(s.next_iteration, n);
    QCOMPARE(checkpoints, n);
    QVERIFY(s.call_open); // resumable
    QCOMPARE(s.weights, f->weights());
    // The state is that of iteration n of the same fit without the failure.
    auto g = make_fitter(small_config(
        {{"simulator", {{"plugin", "nan_gaussian"}}}, {"fit", {{"max_iterations", n}}}}));
    g->fit();
    QCOMPARE(s.weights, g->weights());
    QCOMPARE(s.optimiser, g->optimiser().state());
  }

  void fit_again_resets_the_call_and_keeps_max_detF() {
    // imnn-spec §2.2: history, max det F, best weights and the optimiser carry over;
    // the iteration and patience counters restart at each call.
    auto f = make_fitter(small_config({{"optimiser", {{"learning_rate", 1e-7}}},
                                       {"fit", {{"patience", 3}, {"max_iterations", 300}}}}));
    const auto r1 = f->fit();
    QCOMPARE(r1.stop_reason, std::string("patience"));
    const auto n1 = int(f->history().size());
    QCOMPARE(f->history().back().patience_counter, 3);
    const auto s1 = f->state();
    QVERIFY(!s1.call_open);
    const auto r2 = f->fit();
    // With the patience counter kept at 3 the second call would run no iteration.
    QVERIFY2(r2.iterations >= 1, "patience counter was not reset");
    const auto &first = f->history()[std::size_t(n1)];
    QCOMPARE(first.iteration, n1);
    QCOMPARE(first.iteration_in_call, 0);
    QVERIFY(first.patience_counter <= 1);
    QVERIFY(first.max_detF >= r1.max_detF); // not reset to 0
    QVERIFY(r2.max_detF >= r1.max_detF);
    // A state saved after a finished call starts a new call when restored.
    auto g = make_fitter(f->config());
    g->restore(s1);
    const auto rg = g->fit();
    QCOMPARE(rg.iterations, r2.iterations);
    QCOMPARE(g->weights(), f->weights());
  }
};

QTEST_APPLESS_MAIN(TestCheckpoint)
#include "test_checkpoint.moc"

// The Infer tab's refit at the estimate driven as a user does: a tiny Gaussian run
// trained in the app, a target simulated at θ, the Refit button with short rounds;
// the trajectory plot gets one point per round (per parameter), the side shows det F,
// F and whether it converged (and why not), the rounds' run directories are listed as
// `imnn refit` makes them; Cancel stops a long refit and keeps its rounds; the GUI
// stays responsive while it runs; a run fitted on arrays gets the core's error.
#include "config_panel.h"
#include "fit_controller.h"
#include "gui_test_util.h"
#include "infer_panel.h"
#include "number_format.h"
#include "refit_controller.h"
#include "run_browser.h"

#include <QCheckBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>
#include <nlohmann/json.hpp>
#include <qcustomplot.h>

using gui_test::readJson;
using imnn::gui::InferPanel;
using imnn::gui::MainWindow;

namespace {

template <class W>
W *option(InferPanel *panel, const QString &name) {
  auto *w = qobject_cast<W *>(panel->field(name));
  if (!w) qWarning("no field %s", qPrintable(name));
  return w;
}

// Clicks Refit and waits for the end; *longestGapMs: the longest the event loop went
// without running (the GUI's responsiveness while the rounds fit).
bool refitAndWait(InferPanel *panel, qint64 *longestGapMs = nullptr, int timeoutMs = 120000) {
  QTest::mouseClick(panel->refitButton(), Qt::LeftButton);
  if (!panel->refitController()->isRunning()) return false;
  QElapsedTimer t, gap;
  t.start();
  gap.start();
  qint64 longest = 0;
  while (panel->refitController()->isRunning() && t.elapsed() < timeoutMs) {
    QTest::qWait(20);
    longest = std::max(longest, gap.restart());
  }
  if (longestGapMs) *longestGapMs = longest;
  return !panel->refitController()->isRunning();
}

// The θ̂ graphs of the trajectory plot (one per parameter), in parameter order.
QList<QCPGraph *> estimateGraphs(QCustomPlot *plot) {
  QList<QCPGraph *> out;
  for (int i = 0; i < plot->graphCount(); ++i)
    if (plot->graph(i)->name().startsWith(QStringLiteral("θ̂"))) out << plot->graph(i);
  return out;
}

} // namespace

class TestGuiRefit : public QObject {
  Q_OBJECT
  QTemporaryDir tmp_;
  QString run_;

private slots:
  void initTestCase() {
    gui_test::isolateSettings();
    QVERIFY(tmp_.isValid());
    MainWindow w(gui_test::freshOptions());
    w.setRunsFolder(tmp_.filePath("runs"));
    QString error;
    const auto config = nlohmann::json::parse(R"({
      "name": "tiny", "simulator": {"plugin": "gaussian_mean_variance",
                                     "options": {"n_data": 10}},
      "network": {"plugin": "mlp", "options": {"hidden": [16, 16]}},
      "n_s": 200, "n_d": 200, "n_summaries": 2, "theta_fid": [0.0, 1.0],
      "delta_theta": [0.1, 0.1], "seed": 1, "threads": 2,
      "fit": {"min_iterations": 0, "patience": 1000, "max_iterations": 60,
              "n_validation": 200, "n_statistics": 1000}})");
    QVERIFY2(w.configPanel()->loadJson(config, &error), qPrintable(error));
    w.startFit();
    QVERIFY2(w.fitController()->isRunning(), qPrintable(w.statusLabel()->text()));
    QTRY_VERIFY_WITH_TIMEOUT(!w.fitController()->isRunning(), 120000);
    run_ = w.fitController()->runDirectory();
    QVERIFY(QFile::exists(run_ + "/model.json"));
  }

  void refit_plots_one_point_per_round_with_det_f_and_convergence() {
    MainWindow w(gui_test::freshOptions());
    w.setRunsFolder(tmp_.filePath("runs"));
    w.resize(1400, 900);
    w.show();
    InferPanel *panel = w.inferPanel();
    QVERIFY(!panel->refitButton()->isEnabled()); // no run yet
    QVERIFY(w.runBrowser()->openRun(run_));
    QVERIFY(panel->refitButton()->isEnabled());
    QVERIFY(!panel->showRefitBox()->isEnabled()); // no refit yet
    w.tabs()->setCurrentWidget(panel);
    // The CLI's defaults.
    QCOMPARE(option<QSpinBox>(panel, "refit_rounds")->value(), imnn::RefitOptions{}.rounds);
    QCOMPARE(imnn::gui::numbers::parse(option<QLineEdit>(panel, "refit_tolerance")->text()),
             std::optional<double>(imnn::RefitOptions{}.tolerance));
    QCOMPARE(option<QCheckBox>(panel, "refit_warm_start")->isChecked(),
             imnn::RefitOptions{}.warm_start);

    option<QLineEdit>(panel, "target_theta")->setText("0.3, 1.4");
    option<QSpinBox>(panel, "target_seed")->setValue(3);
    option<QSpinBox>(panel, "threads")->setValue(2);
    // Short rounds that cannot settle to 1e-9 sd: the refit stops at the round limit.
    option<QSpinBox>(panel, "refit_rounds")->setValue(2);
    option<QLineEdit>(panel, "refit_tolerance")->setText("1e-9");
    option<QSpinBox>(panel, "refit_max_iterations")->setValue(8);
    option<QCheckBox>(panel, "refit_warm_start")->setChecked(true);
    qint64 gap = 0;
    QVERIFY2(refitAndWait(panel, &gap), qPrintable(panel->statusLabel()->text()));
    qInfo("longest event-loop gap during the refit: %lld ms", static_cast<long long>(gap));
    QVERIFY2(gap < 1000, qPrintable(QString::number(gap)));
    const imnn::RefitResult *r = panel->refitController()->lastResult();
    QVERIFY2(r, qPrintable(panel->statusLabel()->text()));
    QCOMPARE(static_cast<int>(r->rounds.size()), 3); // the run and two rounds
    QVERIFY(!r->converged && !r->cancelled);
    QCOMPARE(panel->progressBar()->value(), 1000);

    // The trajectory: one θ̂ graph per parameter with one point per round at x = round,
    // y = that round's estimate.
    QVERIFY(panel->showRefitBox()->isChecked());
    QVERIFY(panel->refitPlot()->isVisible());
    QList<QCPGraph *> graphs = estimateGraphs(panel->refitPlot());
    QCOMPARE(graphs.size(), 2);
    for (int a = 0; a < 2; ++a) {
      QCOMPARE(graphs[a]->dataCount(), 3);
      for (int k = 0; k < 3; ++k) {
        QCOMPARE(graphs[a]->data()->at(k)->key, double(k));
        QCOMPARE(graphs[a]->data()->at(k)->value, r->rounds[k].estimate[a]);
      }
    }
    // Beside it: not converged and why, det F and F of the final round.
    const QString summary = panel->refitSummaryLabel()->text();
    QVERIFY2(summary.contains("Not converged") && summary.contains("raise the rounds"),
             qPrintable(summary));
    QVERIFY2(summary.contains("det F = " + imnn::gui::numbers::format(r->rounds.back().detF, 4)),
             qPrintable(summary));
    QVERIFY2(summary.contains(imnn::gui::numbers::format(r->rounds.back().F(1, 1), 4)),
             qPrintable(summary));
    // The rounds' run directories as `imnn refit` makes them, with refit.json.
    QCOMPARE(panel->refitRoundsList()->count(), 3);
    QCOMPARE(panel->refitRoundsList()->item(0)->data(Qt::UserRole).toString(), run_);
    for (int k = 1; k <= 2; ++k) {
      const QString dir = panel->refitRoundsList()->item(k)->data(Qt::UserRole).toString();
      QCOMPARE(dir, run_ + "/refit/round_" + QString::number(k));
      QVERIFY(QFile::exists(dir + "/model.json"));
    }
    const auto j = readJson(run_ + "/refit.json");
    QCOMPARE(j["rounds"].size(), std::size_t{3});
    QCOMPARE(j["target_theta"][1].get<double>(), 1.4);
    gui_test::screenshot(w, "refit_not_converged");
    w.grab().save(QDir::temp().filePath("imnn_refit_not_converged.png"));

    // Again with a loose tolerance: converged after one round, the earlier refit
    // replaced only when asked to.
    option<QLineEdit>(panel, "refit_tolerance")->setText("1e6");
    QTest::mouseClick(panel->refitButton(), Qt::LeftButton);
    QVERIFY(!panel->refitController()->isRunning());
    QVERIFY2(panel->statusLabel()->text().contains("Replace an earlier refit"),
             qPrintable(panel->statusLabel()->text()));
    option<QCheckBox>(panel, "refit_replace")->setChecked(true);
    QVERIFY2(refitAndWait(panel), qPrintable(panel->statusLabel()->text()));
    r = panel->refitController()->lastResult();
    QVERIFY(r && r->converged);
    graphs = estimateGraphs(panel->refitPlot());
    QCOMPARE(graphs.size(), 2);
    QCOMPARE(graphs[0]->dataCount(), 2);
    QVERIFY2(panel->refitSummaryLabel()->text().contains("Converged</b> at round 1"),
             qPrintable(panel->refitSummaryLabel()->text()));
    QCOMPARE(panel->refitRoundsList()->count(), 2);
    QVERIFY(!QFile::exists(run_ + "/refit/round_2"));
    gui_test::screenshot(w, "refit_converged");
    w.grab().save(QDir::temp().filePath("imnn_refit_converged.png"));

    // Double-clicking a round opens its run in the Runs tab.
    QListWidgetItem *round1 = panel->refitRoundsList()->item(1);
    emit panel->refitRoundsList()->itemActivated(round1);
    QCOMPARE(w.runBrowser()->currentRun(), run_ + "/refit/round_1");
    QCOMPARE(w.tabs()->currentWidget(), static_cast<QWidget *>(w.runBrowser()));
  }

  // A run fitted on arrays has data at one θ_fid only: the core's error, nothing runs.
  void array_mode_runs_are_refused_with_the_reason() {
    const QString copy = tmp_.filePath("arrays_run");
    QVERIFY(QDir().mkpath(copy));
    for (const char *f : {"config.json", "model.json"})
      QVERIFY(QFile::copy(run_ + "/" + f, copy + "/" + f));
    auto config = readJson(copy + "/config.json");
    config["mode"] = "gradient";
    config.erase("simulator");
    config["data"] = {{"fiducial", "fiducial.npy"}, {"derivative", "derivative.npy"}};
    QFile out(copy + "/config.json");
    QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
    out.write(QByteArray::fromStdString(config.dump()));
    out.close();
    MainWindow w(gui_test::freshOptions());
    InferPanel *panel = w.inferPanel();
    QVERIFY(panel->setRunDirectory(copy));
    QVERIFY(panel->refitButton()->isEnabled());
    QTest::mouseClick(panel->refitButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!panel->refitController()->isRunning(), 10000);
    const QString status = panel->statusLabel()->text();
    QVERIFY2(status.startsWith("error: ") &&
                 status.contains("fitted in mode \"gradient\" to fixed arrays made at one "
                                 "theta_fid only"),
             qPrintable(status));
    QVERIFY(!panel->refitController()->lastResult());
    QVERIFY(!QFile::exists(copy + "/refit"));
  }

  void cancel_stops_a_long_refit() {
    MainWindow w(gui_test::freshOptions());
    w.setRunsFolder(tmp_.filePath("runs"));
    InferPanel *panel = w.inferPanel();
    QVERIFY(panel->setRunDirectory(run_));
    option<QSpinBox>(panel, "threads")->setValue(2);
    option<QSpinBox>(panel, "refit_rounds")->setValue(4);
    option<QLineEdit>(panel, "refit_tolerance")->setText("1e-9");
    option<QSpinBox>(panel, "refit_max_iterations")->setValue(1000000); // hours
    option<QCheckBox>(panel, "refit_replace")->setChecked(true);
    QTest::mouseClick(panel->refitButton(), Qt::LeftButton);
    QVERIFY(panel->refitController()->isRunning());
    QVERIFY(panel->cancelButton()->isEnabled());
    QVERIFY(!panel->refitButton()->isEnabled() && !panel->runButton()->isEnabled());
    // Round 1 is fitting.
    QTRY_VERIFY_WITH_TIMEOUT(panel->statusLabel()->text().contains("Refit round 1"), 30000);
    QElapsedTimer t;
    t.start();
    QTest::mouseClick(panel->cancelButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!panel->refitController()->isRunning(), 10000);
    qInfo("cancelled after %lld ms", static_cast<long long>(t.elapsed()));
    const imnn::RefitResult *r = panel->refitController()->lastResult();
    QVERIFY(r && r->cancelled && !r->converged);
    QVERIFY(!panel->cancelButton()->isEnabled() && panel->refitButton()->isEnabled());
    QVERIFY2(panel->refitSummaryLabel()->text().contains("cancelled"),
             qPrintable(panel->refitSummaryLabel()->text()));
    // The cancelled round's run is kept.
    QVERIFY(QFile::exists(run_ + "/refit/round_1/history.csv"));
    QCOMPARE(readJson(run_ + "/refit.json")["cancelled"].get<bool>(), true);
  }
};

QTEST_MAIN(TestGuiRefit)
#include "test_gui_refit.moc"

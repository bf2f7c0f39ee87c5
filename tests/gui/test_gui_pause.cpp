// Pause and resume of a running fit (Ctrl+P): the engine fit is cancelled at an
// iteration boundary keeping its state and resumed as the same fit call, so the
// history (every record but the wall-clock seconds), history.csv and the result equal
// those of an uninterrupted fit with the same seed.
#include "imnn/fit.h"

#include "config_panel.h"
#include "fit_controller.h"
#include "gui_test_util.h"
#include "history_plot.h"

#include <QAction>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <nlohmann/json.hpp>

using gui_test::readJson;
using imnn::gui::MainWindow;

namespace {

// history.csv without its last column (seconds).
QStringList historyRows(const QString &runDir) {
  QFile f(runDir + "/history.csv");
  if (!f.open(QIODevice::ReadOnly)) return {};
  QStringList rows;
  for (const QString &line : QString::fromUtf8(f.readAll()).split('\n', Qt::SkipEmptyParts))
    rows << line.left(line.lastIndexOf(','));
  return rows;
}

// Always 120 iterations (min_iterations = max_iterations: early stopping cannot end it
// sooner) of a few milliseconds each, so that pauses clicked 0-300 ms apart land inside
// the fit: with early stopping the fit once ended before any pause landed.
const char *kConfig = R"({
  "name": "pause", "simulator": {"plugin": "gaussian_mean_variance", "options": {"n_data": 10}},
  "network": {"plugin": "mlp", "options": {"hidden": [64, 64]}},
  "n_s": 400, "n_d": 400, "n_summaries": 2, "theta_fid": [0.0, 1.0],
  "delta_theta": [0.1, 0.1], "seed": 7, "threads": 2,
  "fit": {"min_iterations": 120, "patience": 30, "max_iterations": 120,
          "n_validation": 400, "n_statistics": 400, "checkpoint_every": 0}})";

bool same(double a, double b) {
  return a == b || (std::isnan(a) && std::isnan(b));
}

bool sameStats(const imnn::SetStatistics &a, const imnn::SetStatistics &b) {
  return same(a.detF, b.detF) && same(a.detC, b.detC) && same(a.detinvC, b.detinvC) &&
         same(a.Lambda2, b.Lambda2) && same(a.r, b.r);
}

} // namespace

class TestGuiPause : public QObject {
  Q_OBJECT
  QTemporaryDir tmp_;

  void loadConfig(MainWindow &w) {
    QString error;
    QVERIFY2(w.configPanel()->loadJson(nlohmann::json::parse(kConfig), &error), qPrintable(error));
    QVERIFY2(w.configPanel()->isValid(), qPrintable(w.configPanel()->errorMessage()));
  }

private slots:
  void initTestCase() {
    gui_test::isolateSettings();
    QVERIFY(tmp_.isValid());
  }

  void paused_and_resumed_fit_equals_an_uninterrupted_one() {
    // The uninterrupted fit.
    std::vector<imnn::IterationRecord> reference;
    QString referenceRun;
    {
      MainWindow w(gui_test::freshOptions());
      w.setRunsFolder(tmp_.filePath("straight"));
      loadConfig(w);
      w.startFit();
      QVERIFY2(w.fitController()->isRunning(), qPrintable(w.statusLabel()->text()));
      QTRY_VERIFY_WITH_TIMEOUT(!w.fitController()->isRunning(), 120000);
      reference = *w.fitController()->history();
      referenceRun = w.fitController()->runDirectory();
    }
    QVERIFY(reference.size() > 10);

    // The same fit paused and resumed several times, at whatever iteration it is.
    MainWindow w(gui_test::freshOptions());
    w.setRunsFolder(tmp_.filePath("paused"));
    w.show();
    loadConfig(w);
    QVERIFY(!w.pauseButton()->isEnabled());
    w.startFit();
    QVERIFY2(w.fitController()->isRunning(), qPrintable(w.statusLabel()->text()));
    QVERIFY(w.pauseButton()->isEnabled());
    int pauses = 0, midFit = 0;
    while (w.fitController()->isRunning() && pauses < 20) {
      QTest::qWait(pauses == 0 ? 0 : 15 * pauses);
      if (!w.fitController()->isRunning()) break;
      QTest::mouseClick(w.pauseButton(), Qt::LeftButton);
      QTRY_VERIFY_WITH_TIMEOUT(w.fitController()->isPaused() || !w.fitController()->isRunning(),
                               30000);
      if (!w.fitController()->isRunning()) break; // it ended before the pause took effect
      ++pauses;
      const std::size_t done = w.fitController()->history()->size();
      if (done > 0 && done < reference.size()) ++midFit;
      // Paused: no iteration runs, the button offers Resume, Stop still works.
      QCOMPARE(w.pauseButton()->text(), QStringLiteral("Resume"));
      QVERIFY(w.stopButton()->isEnabled());
      QVERIFY(!w.configPanel()->isEnabled());
      QTest::qWait(100);
      QCOMPARE(w.fitController()->history()->size(), done);
      QCOMPARE(static_cast<std::size_t>(w.historyPlot()->pointCount()), done);
      if (pauses == 2) gui_test::screenshot(w, "fit_paused");
      QTest::mouseClick(w.pauseButton(), Qt::LeftButton); // Resume
      QVERIFY(!w.fitController()->isPaused());
      QCOMPARE(w.pauseButton()->text(), QStringLiteral("Pause"));
    }
    QTRY_VERIFY_WITH_TIMEOUT(!w.fitController()->isRunning(), 120000);
    qInfo("%d pauses, %d of them mid-fit, %zu iterations", pauses, midFit, reference.size());
    QVERIFY2(midFit >= 1, "no pause landed inside the fit: it ran too fast");

    const std::vector<imnn::IterationRecord> &h = *w.fitController()->history();
    QCOMPARE(h.size(), reference.size());
    for (std::size_t i = 0; i < h.size(); ++i) {
      const auto &a = h[i], &b = reference[i];
      QCOMPARE(a.iteration, b.iteration);
      QCOMPARE(a.iteration_in_call, b.iteration_in_call);
      QCOMPARE(a.patience_counter, b.patience_counter);
      QVERIFY2(same(a.loss, b.loss) && same(a.max_detF, b.max_detF) &&
                   sameStats(a.train, b.train) && sameStats(a.val, b.val),
               qPrintable(QStringLiteral("iteration %1 differs").arg(i)));
    }
    const QString run = w.fitController()->runDirectory();
    QCOMPARE(historyRows(run), historyRows(referenceRun));
    QCOMPARE(static_cast<std::size_t>(w.historyPlot()->pointCount()), reference.size());
    const auto a = readJson(run + "/result.json"), b = readJson(referenceRun + "/result.json");
    for (const char *key : {"stop_reason", "iterations", "detF", "val_detF", "F"})
      QVERIFY2(a.value(key, nlohmann::json()).dump() == b.value(key, nlohmann::json()).dump(), key);
  }

  void stop_while_paused_keeps_the_run() {
    MainWindow w(gui_test::freshOptions());
    w.setRunsFolder(tmp_.filePath("stop"));
    w.show();
    loadConfig(w);
    w.startFit();
    QTRY_VERIFY_WITH_TIMEOUT(w.historyPlot()->pointCount() >= 2, 60000);
    w.togglePause(); // as Ctrl+P
    QTRY_VERIFY_WITH_TIMEOUT(w.fitController()->isPaused() || !w.fitController()->isRunning(),
                             30000);
    if (!w.fitController()->isRunning()) QSKIP("the fit ended before the pause took effect");
    QVERIFY2(w.statusLabel()->text().contains("Paused"), qPrintable(w.statusLabel()->text()));
    QTest::mouseClick(w.stopButton(), Qt::LeftButton);
    QVERIFY(!w.fitController()->isRunning());
    QVERIFY(w.fitButton()->isEnabled());
    const auto result = readJson(w.fitController()->runDirectory() + "/result.json");
    QCOMPARE(QString::fromStdString(result["stop_reason"].get<std::string>()),
             QStringLiteral("cancelled"));
    QCOMPARE(result["iterations"].get<int>(),
             static_cast<int>(w.fitController()->history()->size()));
    QVERIFY(QFile::exists(w.fitController()->runDirectory() + "/model.json"));
  }

  void closing_while_paused_asks_and_keeps_the_run() {
    MainWindow w(gui_test::freshOptions());
    w.setRunsFolder(tmp_.filePath("close"));
    w.show();
    loadConfig(w);
    int asked = 0;
    w.setCloseConfirmation([&] {
      ++asked;
      return true;
    });
    w.startFit();
    QTRY_VERIFY_WITH_TIMEOUT(w.historyPlot()->pointCount() >= 2, 60000);
    w.togglePause();
    QTRY_VERIFY_WITH_TIMEOUT(w.fitController()->isPaused() || !w.fitController()->isRunning(),
                             30000);
    if (!w.fitController()->isRunning()) QSKIP("the fit ended before the pause took effect");
    QVERIFY(w.close());
    QCOMPARE(asked, 1);
    QVERIFY(!w.fitController()->isRunning());
    const auto result = readJson(w.fitController()->runDirectory() + "/result.json");
    QCOMPARE(QString::fromStdString(result["stop_reason"].get<std::string>()),
             QStringLiteral("cancelled"));
    QVERIFY(QFile::exists(w.fitController()->runDirectory() + "/model.json"));
  }

  void the_pause_shortcut_is_ctrl_p() {
    MainWindow w(gui_test::freshOptions());
    bool found = false;
    for (QAction *a : w.findChildren<QAction *>())
      if (a->shortcut() == QKeySequence(QStringLiteral("Ctrl+P"))) found = true;
    QVERIFY(found);
  }
};

QTEST_MAIN(TestGuiPause)
#include "test_gui_pause.moc"

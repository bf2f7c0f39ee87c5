// The app's main path, driven as a user does: start on the built-in example, click
// Fit, see the history plot receive points (throttled replots), stop and find the run
// directory written as the CLI writes it; run to max_iterations and reopen the run
// in the run browser; close the window during a fit.
#include "imnn/plugins.h"
#include "imnn/run_directory.h"

#include "app_paths.h"
#include "config_panel.h"
#include "corner_plot.h"
#include "fit_controller.h"
#include "fit_progress.h"
#include "gui_test_util.h"
#include "history_plot.h"
#include "number_format.h"
#include "run_browser.h"

#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <qcustomplot.h>

using gui_test::readJson;
using imnn::PluginRegistry;
using imnn::gui::MainWindow;

namespace {

QStringList historyLines(const QString &runDir) {
  QFile f(runDir + "/history.csv");
  if (!f.open(QIODevice::ReadOnly)) return {};
  return QString::fromUtf8(f.readAll()).split('\n', Qt::SkipEmptyParts);
}

void setMaxIterations(MainWindow &w, int n) {
  auto *spin = qobject_cast<QSpinBox *>(w.configPanel()->field("fit.max_iterations"));
  QVERIFY(spin);
  spin->setValue(n);
}

// The progress bar's text fits the bar: never clipped, never wrapped.
void checkProgressTextFits(MainWindow &w) {
  QProgressBar *bar = w.progressBar();
  const int needed = bar->fontMetrics().horizontalAdvance(bar->text()) + 8;
  QVERIFY2(bar->width() >= needed, qPrintable(QStringLiteral("bar %1 px for \"%2\" (%3 px)")
                                                  .arg(bar->width())
                                                  .arg(bar->text())
                                                  .arg(needed)));
}

void checkBestLines(imnn::gui::HistoryPlot *plot, int iteration) {
  QCOMPARE(plot->markedIteration(), iteration);
  QCOMPARE(plot->bestLines().size(), 4); // det F, det C, Λ2 and r, loss
  for (QCPItemStraightLine *line : plot->bestLines()) {
    QVERIFY(line->visible());
    QCOMPARE(line->point1->coords().x(), double(iteration));
    QCOMPARE(line->point2->coords().x(), double(iteration));
  }
}

} // namespace

class TestGuiFit : public QObject {
  Q_OBJECT
  QTemporaryDir tmp_;

private slots:
  void initTestCase() {
    gui_test::isolateSettings();
    QVERIFY(tmp_.isValid());
  }

  void starts_on_the_example_ready_to_fit() {
    MainWindow w(gui_test::freshOptions());
    w.show();
    auto *panel = w.configPanel();
    QCOMPARE(QString::fromStdString(panel->toJson()["name"].get<std::string>()),
             QStringLiteral("gaussian_mean_variance"));
    auto *sim = qobject_cast<QComboBox *>(panel->field("simulator.plugin"));
    QCOMPARE(sim->currentText(), QStringLiteral("gaussian_mean_variance"));
    QVERIFY2(panel->isValid(), qPrintable(panel->errorMessage()));
    QVERIFY(w.fitButton()->isEnabled());
    QVERIFY(!w.stopButton()->isEnabled());
    // Keys without a field are kept from the example.
    QCOMPARE(panel->toJson()["fit"]["n_validation"].get<int>(), 3000);
  }

  void fit_updates_the_plot_and_stop_keeps_the_run() {
    MainWindow w(gui_test::freshOptions());
    w.setRunsFolder(tmp_.filePath("stop"));
    w.show();
    setMaxIterations(w, 100000);
    QElapsedTimer clock;
    clock.start();
    const int replotsBefore = w.historyPlot()->replotCount();
    QTest::mouseClick(w.fitButton(), Qt::LeftButton);
    QVERIFY2(w.fitController()->isRunning(), qPrintable(w.statusLabel()->text()));
    QVERIFY(!w.fitButton()->isEnabled());
    QVERIFY(w.stopButton()->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(w.historyPlot()->pointCount() >= 40, 30000);
    QCOMPARE(w.progressBar()->maximum(), 100000);
    QVERIFY(w.progressBar()->value() > 0);
    // Throttled: at most one replot per interval however fast the points come (plus the
    // one when the fit starts), never one per iteration.
    const int replots = w.historyPlot()->replotCount() - replotsBefore;
    const qint64 allowed = clock.elapsed() / imnn::gui::HistoryPlot::kReplotIntervalMs + 2;
    QVERIFY2(replots <= allowed, qPrintable(QStringLiteral("%1 replots for %2 points in %3 ms")
                                                .arg(replots)
                                                .arg(w.historyPlot()->pointCount())
                                                .arg(clock.elapsed())));
    // Beside the bar: elapsed, iterations per second and the time left to
    // max_iterations (patience does not count before min_iterations 3000).
    const QString eta = w.etaLabel()->text();
    static const QRegularExpression etaForm(
        R"(^(\d+):(\d\d) elapsed · ([\d.]+) it/s · (\d+:)?(\d+):(\d\d) left to max_iterations$)");
    const QRegularExpressionMatch m = etaForm.match(eta);
    QVERIFY2(m.hasMatch(), qPrintable(eta));
    const double elapsed = m.captured(1).toInt() * 60 + m.captured(2).toInt();
    const double clockSeconds = static_cast<double>(clock.elapsed()) / 1000.0;
    QVERIFY2(elapsed <= clockSeconds + 1, qPrintable(eta));
    const double rate = m.captured(3).toDouble();
    // Plausible: no faster than the points that reached the plot in the time taken
    // (with slack for the window's start-up), and not zero.
    QVERIFY2(rate > 0 &&
                 rate < 100.0 * w.historyPlot()->pointCount() / std::max(0.001, clockSeconds),
             qPrintable(eta));
    const double left = m.captured(4).remove(':').toInt() * 3600 + m.captured(5).toInt() * 60 +
                        m.captured(6).toInt();
    const double expectedLeft = (100000 - w.progressBar()->value()) / rate;
    QVERIFY2(
        std::abs(left - expectedLeft) <= 0.05 * expectedLeft + 60,
        qPrintable(QStringLiteral("%1 (expected about %2 s left)").arg(eta).arg(expectedLeft)));
    // The best iteration so far is marked while the fit runs.
    QVERIFY(w.historyPlot()->markedIteration() >= 0);
    w.resize(1600, 1000);
    checkProgressTextFits(w);
    gui_test::screenshot(w, "fit_running");
    gui_test::screenshot(w, "fit_running_1600x1000");
    w.resize(1024, 700);
    QTest::qWait(50);
    checkProgressTextFits(w);
    QVERIFY2(w.etaLabel()->isVisible() && !w.etaLabel()->text().isEmpty(),
             qPrintable(w.etaLabel()->text()));
    gui_test::screenshot(w, "fit_running_1024x700");

    // Paused: the message counts the iterations as the progress bar does.
    w.togglePause();
    QTRY_VERIFY_WITH_TIMEOUT(w.fitController()->isPaused(), 30000);
    const QString paused = w.statusLabel()->text();
    QVERIFY2(
        paused.startsWith(
            QStringLiteral("Paused after %1 / 100000 iterations").arg(w.progressBar()->value())),
        qPrintable(paused + " / bar " + w.progressBar()->text()));
    QCOMPARE(w.progressBar()->text(),
             QStringLiteral("%1 / 100000 iterations").arg(w.progressBar()->value()));
    QVERIFY2(w.etaLabel()->text().endsWith(" it/s · paused"), qPrintable(w.etaLabel()->text()));
    gui_test::screenshot(w, "fit_paused_1024x700");
    w.togglePause();
    QTRY_VERIFY_WITH_TIMEOUT(!w.fitController()->isPaused(), 30000);

    QTest::mouseClick(w.stopButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!w.fitController()->isRunning(), 30000);
    QVERIFY(w.fitButton()->isEnabled());
    const QString run = w.fitController()->runDirectory();
    QVERIFY2(run.startsWith(tmp_.filePath("stop") + "/gaussian_mean_variance-"), qPrintable(run));
    const QStringList lines = historyLines(run);
    QCOMPARE(lines.front(), QString::fromLatin1(imnn::RunDirectory::history_header()));
    // Every row written is on the plot, and no more.
    QCOMPARE(lines.size() - 1, w.historyPlot()->pointCount());
    const auto result = readJson(run + "/result.json");
    QCOMPARE(QString::fromStdString(result["stop_reason"].get<std::string>()),
             QStringLiteral("cancelled"));
    QVERIFY(QFile::exists(run + "/config.json"));
    QVERIFY(QFile::exists(run + "/model.json"));
    QVERIFY2(w.statusLabel()->text().contains("stopped by you"),
             qPrintable(w.statusLabel()->text()));
    // The kept weights' iteration is marked on every panel.
    checkBestLines(w.historyPlot(), result["best_iteration"].get<int>());
    // Finished: the elapsed time and the rate, no estimate any more.
    QVERIFY2(w.etaLabel()->text().contains("it/s") && !w.etaLabel()->text().contains("left"),
             qPrintable(w.etaLabel()->text()));
    // The Runs tab lists it as cancelled.
    QCOMPARE(w.runBrowser()->cell(QFileInfo(run).fileName(), imnn::gui::RunBrowser::kStatus),
             QStringLiteral("cancelled"));

    // The dashed expected-det F line, kept in view; prefilled from the example's
    // expected_detF.
    auto *expected = w.findChild<QLineEdit *>("expectedDetF");
    QVERIFY(expected);
    QCOMPARE(expected->text(), QStringLiteral("50"));
    QCOMPARE(w.historyPlot()->expectedDetF(), 50.0);
    w.resize(1600, 1000);
    gui_test::screenshot(w, "fit_stopped_expected_50");
    expected->setText("0.75");
    QCOMPARE(w.historyPlot()->expectedDetF(), 0.75);
    QVERIFY(w.historyPlot()->plot()->axisRect(0)->axis(QCPAxis::atLeft)->range().contains(0.75));
    expected->clear();
    QVERIFY(std::isnan(w.historyPlot()->expectedDetF()));
    expected->setText("0.75");
    gui_test::screenshot(w, "fit_stopped");
  }

  void expected_det_F_comes_from_the_config_unless_typed() {
    MainWindow w(gui_test::freshOptions());
    w.show();
    QLineEdit *expected = w.expectedDetFEdit();
    QCOMPARE(expected->text(), QStringLiteral("50")); // the example's expected_detF
    QCOMPARE(w.historyPlot()->expectedDetF(), 50.0);
    // A config without the key empties a prefilled field.
    nlohmann::json other = w.configPanel()->toJson();
    other.erase("expected_detF");
    QString error;
    QVERIFY2(w.configPanel()->loadJson(other, &error), qPrintable(error));
    QVERIFY(expected->text().isEmpty());
    QVERIFY(std::isnan(w.historyPlot()->expectedDetF()));
    // The user's own entry stays when a config is opened.
    expected->setFocus();
    QTest::keyClicks(expected, "42");
    QCOMPARE(w.historyPlot()->expectedDetF(), 42.0);
    QVERIFY2(w.configPanel()->loadFile(imnn::gui::gaussianExamplePath(), &error),
             qPrintable(error));
    QCOMPARE(expected->text(), QStringLiteral("42"));
    // Cleared by the user, the config fills it again.
    expected->selectAll();
    QTest::keyClick(expected, Qt::Key_Delete);
    QVERIFY(expected->text().isEmpty());
    QVERIFY2(w.configPanel()->loadFile(imnn::gui::gaussianExamplePath(), &error),
             qPrintable(error));
    QCOMPARE(expected->text(), QStringLiteral("50"));
    // The key is part of the config the run records.
    QCOMPARE(w.configPanel()->config().expected_detF, 50.0);
  }

  void fit_progress_estimates() {
    imnn::gui::FitProgress p;
    p.reset(/*max*/ 1000, /*patience*/ 100, /*min*/ 200);
    QVERIFY(p.text().isEmpty());
    imnn::IterationRecord r;
    for (int i = 0; i < 300; ++i) { // 10 iterations per second
      r.iteration = r.iteration_in_call = i;
      r.seconds = (i + 1) / 10.0;
      r.patience_counter = i < 260 ? 0 : i - 259; // runs from iteration 260
      p.add(r);
    }
    QCOMPARE(p.done(), 300);
    QVERIFY(std::abs(p.iterationsPerSecond() - 10) < 1e-9);
    QVERIFY(std::abs(*p.secondsToMax() - 70) < 1e-9);         // 700 iterations left
    QVERIFY(std::abs(*p.secondsToPatienceStop() - 6) < 1e-9); // 100 - 40 left
    QCOMPARE(p.text(), QStringLiteral("0:30 elapsed · 10.0 it/s · 1:10 left to max_iterations · "
                                      "≈ 0:06 to the patience stop"));
    QCOMPARE(imnn::gui::FitProgress::duration(3723), QStringLiteral("1:02:03"));
    p.setFinished(true);
    QCOMPARE(p.text(), QStringLiteral("0:30 elapsed · 10.0 it/s"));
  }

  void fit_to_max_iterations_then_reopen_the_run() {
    MainWindow w(gui_test::freshOptions());
    w.setRunsFolder(tmp_.filePath("full"));
    w.show();
    setMaxIterations(w, 25);
    w.startFit();
    QTRY_VERIFY_WITH_TIMEOUT(!w.fitController()->isRunning(), 60000);
    const QString run = w.fitController()->runDirectory();
    const auto result = readJson(run + "/result.json");
    QCOMPARE(QString::fromStdString(result["stop_reason"].get<std::string>()),
             QStringLiteral("max_iterations"));
    QCOMPARE(result["iterations"].get<int>(), 25);
    // Prepared with the window's plugins, not a second scan.
    QCOMPARE(w.fitController()->sessionRegistry(), &w.registry());
    QCOMPARE(w.historyPlot()->pointCount(), 25);
    QCOMPARE(w.progressBar()->value(), 25);
    // The kept (best) weights' iteration, as result.json says, on every panel.
    checkBestLines(w.historyPlot(), result["best_iteration"].get<int>());
    QVERIFY(result["best_iteration"].get<int>() >= 0);
    // The Fisher forecast of the fit is on the Posterior tab.
    QCOMPARE(w.cornerPlot()->overlayCount(), 1);

    // The run browser lists it and reopens it from disk.
    imnn::gui::RunBrowser *browser = w.runBrowser();
    QVERIFY2(browser->runs().contains(QFileInfo(run).fileName()),
             qPrintable(browser->runs().join(", ")));
    QVERIFY(browser->openRun(run));
    QCOMPARE(browser->historyPlot()->pointCount(), 25);
    QVERIFY(!browser->isFollowing());
    QCOMPARE(browser->result()["iterations"].get<int>(), 25);
    checkBestLines(browser->historyPlot(), result["best_iteration"].get<int>());
    QCOMPARE(browser->cell(QFileInfo(run).fileName(), imnn::gui::RunBrowser::kStatus),
             QStringLiteral("finished"));
    w.tabs()->setCurrentWidget(browser);
    gui_test::screenshot(w, "run_browser");
    w.tabs()->setCurrentIndex(2);
    gui_test::screenshot(w, "posterior_fisher_forecast");
  }

  // A config naming a plugin folder the window did not search is fitted with a fresh
  // scan that includes it (the window's registry serves every other fit).
  void a_config_with_its_own_plugin_folder_is_scanned_anew() {
    MainWindow w(gui_test::freshOptions());
    w.setRunsFolder(tmp_.filePath("own_plugins"));
    const QString extra = tmp_.filePath("extra_plugins");
    QVERIFY(QDir().mkpath(extra));
    auto config = nlohmann::json::parse(R"({
      "name": "own", "simulator": {"plugin": "gaussian_mean_variance",
                                    "options": {"n_data": 10}},
      "network": {"plugin": "mlp", "options": {"hidden": [8]}},
      "n_s": 100, "n_d": 100, "n_summaries": 2, "theta_fid": [0.0, 1.0],
      "delta_theta": [0.1, 0.1], "seed": 1, "threads": 2,
      "fit": {"max_iterations": 2, "n_validation": 100, "n_statistics": 200}})");
    config["plugin_dirs"] = {extra.toStdString()};
    QString error;
    QVERIFY2(w.configPanel()->loadJson(config, &error), qPrintable(error));
    w.startFit();
    QTRY_VERIFY_WITH_TIMEOUT(!w.fitController()->isRunning(), 60000);
    const PluginRegistry *used = w.fitController()->sessionRegistry();
    QVERIFY(used && used != &w.registry());
    const auto &searched = used->searched();
    QVERIFY(std::any_of(searched.begin(), searched.end(), [&](const std::filesystem::path &p) {
      return std::filesystem::weakly_canonical(p) ==
             std::filesystem::weakly_canonical(extra.toStdString());
    }));
    QVERIFY(QFile::exists(w.fitController()->runDirectory() + "/model.json"));
  }

  void browser_follows_a_run_being_written() {
    // A run written by another process: rows appear after it was opened.
    const QString runs = tmp_.filePath("follow");
    const QString run = runs + "/cli-run";
    QVERIFY(QDir().mkpath(run));
    QFile f(run + "/history.csv");
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QByteArray(imnn::RunDirectory::history_header()) + "\n");
    f.write("0,1.5,1,1,0.1,0.5,-1.5,1.4,1,1,0.1,0.5,0.01\n");
    f.flush();
    imnn::gui::RunBrowser browser;
    browser.setFolder(runs);
    QCOMPARE(browser.runs(), QStringList{"cli-run"});
    QVERIFY(browser.openRun(run));
    QCOMPARE(browser.historyPlot()->pointCount(), 1);
    QVERIFY(browser.isFollowing());
    f.write("1,2.5,1,1,0.1,0.5,-2.5,2.4,1,1,0.1,0.5,0.02\n2,3.5,1,1,0.1,0.5,-3.5,");
    f.flush();
    QTRY_COMPARE_WITH_TIMEOUT(browser.historyPlot()->pointCount(), 2, 5000);
    // The half-written row is read once complete; result.json ends the following.
    f.write("3.4,1,1,0.1,0.5,0.03\n");
    f.close();
    QFile r(run + "/result.json");
    QVERIFY(r.open(QIODevice::WriteOnly));
    r.write(R"({"iterations": 3, "stop_reason": "max_iterations", "val_detF": 3.4})");
    r.close();
    QTRY_VERIFY_WITH_TIMEOUT(!browser.isFollowing(), 5000);
    QCOMPARE(browser.historyPlot()->pointCount(), 3);
    QCOMPARE(browser.result()["iterations"].get<int>(), 3);

    // Another run overlaid for comparison: its det F on the same panel.
    const QString other = runs + "/other-run";
    QVERIFY(QDir().mkpath(other));
    QFile o(other + "/history.csv");
    QVERIFY(o.open(QIODevice::WriteOnly));
    o.write(QByteArray(imnn::RunDirectory::history_header()) + "\n");
    o.write("0,0.5,1,1,0.1,0.5,-0.5,0.4,1,1,0.1,0.5,0.01\n1,0.7,1,1,0.1,0.5,-0.7,0.6,1,1,0.1,0.5,0."
            "02\n");
    o.close();
    browser.overlayRuns({run, other}); // the open run itself is not overlaid again
    QCOMPARE(browser.historyPlot()->overlayCount(), 1);
    QCPGraph *overlay =
        browser.historyPlot()->plot()->graph(browser.historyPlot()->plot()->graphCount() - 1);
    QCOMPARE(overlay->data()->size(), 2);
    QCOMPARE(overlay->data()->at(1)->value, 0.7);
    QVERIFY(overlay->name().contains("other-run"));
    browser.resize(1000, 700);
    browser.show();
    gui_test::screenshot(browser, "run_overlay");
  }

  void a_failing_fit_reports_the_error_and_keeps_the_run() {
#ifndef IMNN_NAN_PLUGIN_DIR
    QSKIP("the NaN test simulator (tests/fit) is not built");
#else
    imnn::gui::MainWindowOptions o = gui_test::freshOptions();
    o.pluginDirs = {IMNN_NAN_PLUGIN_DIR};
    MainWindow w(o);
    w.setRunsFolder(tmp_.filePath("error"));
    w.show();
    auto *sim = qobject_cast<QComboBox *>(w.configPanel()->field("simulator.plugin"));
    sim->setCurrentText("nan_gaussian");
    qobject_cast<QLineEdit *>(w.configPanel()->field("simulator.options"))
        ->setText(R"({"nan": 1})");
    QVERIFY2(w.configPanel()->isValid(), qPrintable(w.configPanel()->errorMessage()));
    w.startFit();
    QVERIFY2(w.fitController()->isRunning(), qPrintable(w.statusLabel()->text()));
    QTRY_VERIFY_WITH_TIMEOUT(!w.fitController()->isRunning(), 30000);
    const QString status = w.statusLabel()->text();
    QVERIFY2(status.startsWith("error: The fit stopped:") && status.contains("NaN"),
             qPrintable(status));
    QVERIFY(w.fitButton()->isEnabled());
    const auto result = readJson(w.fitController()->runDirectory() + "/result.json");
    QVERIFY2(result.contains("error"), result.dump().c_str());
    QVERIFY(QFile::exists(w.fitController()->runDirectory() + "/history.csv"));
#endif
  }

  void closing_during_a_fit_asks_then_stops_and_keeps_the_run() {
    MainWindow w(gui_test::freshOptions());
    w.setRunsFolder(tmp_.filePath("close"));
    w.show();
    setMaxIterations(w, 100000);
    int asked = 0;
    bool answer = false;
    w.setCloseConfirmation([&] {
      ++asked;
      return answer;
    });
    w.startFit();
    QTRY_VERIFY_WITH_TIMEOUT(w.historyPlot()->pointCount() >= 3, 30000);
    QVERIFY(!w.close()); // "No": keeps fitting
    QCOMPARE(asked, 1);
    QVERIFY(w.fitController()->isRunning());
    answer = true;
    QVERIFY(w.close());
    QCOMPARE(asked, 2);
    QVERIFY(!w.fitController()->isRunning());
    const auto result = readJson(w.fitController()->runDirectory() + "/result.json");
    QCOMPARE(QString::fromStdString(result["stop_reason"].get<std::string>()),
             QStringLiteral("cancelled"));
    QVERIFY(result["iterations"].get<int>() >= 3);
  }
};

QTEST_MAIN(TestGuiFit)
#include "test_gui_fit.moc"

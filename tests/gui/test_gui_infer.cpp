// The Infer tab driven as a user does: a tiny run trained in the app, then the
// Gaussian approximation, ABC on a small budget and PMC, each overlaid on the corner
// plot in its colour with the fiducial and true θ markers and the accepted samples,
// the accepted ABC summaries scattered in summary space;
// the figure exported as PNG and PDF and the samples as a GetDist root; Cancel
// stopping a long ABC; a bad option marked at its field.
#include "config_panel.h"
#include "corner_plot.h"
#include "fit_controller.h"
#include "gui_test_util.h"
#include "infer_controller.h"
#include "infer_panel.h"
#include "number_format.h"
#include "run_browser.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>
#include <algorithm>
#include <nlohmann/json.hpp>
#include <qcustomplot.h>

using gui_test::readJson;
using imnn::gui::InferPanel;
using imnn::gui::MainWindow;

namespace {

qint64 sizeOf(const QString &file) {
  return QFileInfo(file).exists() ? QFileInfo(file).size() : -1;
}

int linesOf(const QString &file) {
  QFile f(file);
  if (!f.open(QIODevice::ReadOnly)) return -1;
  return static_cast<int>(QString::fromUtf8(f.readAll()).split('\n', Qt::SkipEmptyParts).size());
}

template <class W>
W *option(InferPanel *panel, const QString &name) {
  auto *w = qobject_cast<W *>(panel->field(name));
  if (!w) qWarning("no field %s", qPrintable(name));
  return w;
}

// Small settings shared by the runs: the prior box narrowed around the target so that
// a small ABC budget accepts draws, coarse grids.
void smallSettings(InferPanel *panel) {
  option<QLineEdit>(panel, "target_theta")->setText("0.2, 1.1");
  option<QSpinBox>(panel, "target_seed")->setValue(5);
  option<QLineEdit>(panel, "prior_low")->setText("-3, 0.1");
  option<QLineEdit>(panel, "prior_high")->setText("3, 3");
  option<QSpinBox>(panel, "gridsize")->setValue(40);
  option<QSpinBox>(panel, "threads")->setValue(2);
}

bool runAndWait(InferPanel *panel, int timeoutMs = 60000) {
  QTest::mouseClick(panel->runButton(), Qt::LeftButton);
  if (!panel->controller()->isRunning()) return false;
  QElapsedTimer t;
  t.start();
  while (panel->controller()->isRunning() && t.elapsed() < timeoutMs)
    QTest::qWait(20);
  return !panel->controller()->isRunning();
}

} // namespace

class TestGuiInfer : public QObject {
  Q_OBJECT
  QTemporaryDir tmp_;
  QString run_;

  // The accepted ABC draws' summaries in summary space (reference:
  // ABC.scatter_summaries): one scatter point per accepted draw at its summaries, the
  // target's summary marked, axes naming the summaries; exported instead of the
  // posterior while shown.
  void checkSummariesView(MainWindow &w, const imnn::lfi::InferenceResult &abc,
                          const QString &cornerPng) {
    InferPanel *panel = w.inferPanel();
    imnn::gui::CornerPlot *view = panel->summaryPlot();
    QVERIFY(!view->isVisible());
    QVERIFY(panel->showSummariesBox()->isEnabled());
    panel->showSummariesBox()->setChecked(true);
    QVERIFY(view->isVisible());
    QVERIFY(!w.cornerPlot()->isVisible());
    const int accepted = static_cast<int>(std::count(abc.accepted.begin(), abc.accepted.end(), 1));
    QVERIFY(accepted > 0);
    QCOMPARE(view->sampleCount(), accepted);
    QCOMPARE(view->dimension(), 2);
    QCOMPARE(view->overlayCount(), 1); // the 1-D histograms on the diagonal
    QCOMPARE(view->markerCount(), 1);
    QVERIFY(!view->showsRegions()); // a plain scatter below the diagonal
    QCOMPARE(view->plot()->plottableCount(), view->plot()->graphCount()); // no filled regions
    QCPGraph *scatter = nullptr, *target = nullptr;
    for (int i = 0; i < view->plot()->graphCount(); ++i) {
      QCPGraph *g = view->plot()->graph(i);
      if (g->name() == "accepted draws' summaries") scatter = g;
      if (g->name() == "target's summary" && g->lineStyle() == QCPGraph::lsNone) target = g;
    }
    QVERIFY(scatter && target);
    QCOMPARE(scatter->dataCount(), accepted);
    // Summary space, not parameter space: the points are the accepted summaries (the
    // graph keeps them sorted by x).
    std::vector<std::pair<double, double>> shown, expected;
    for (auto it = scatter->data()->constBegin(); it != scatter->data()->constEnd(); ++it)
      shown.emplace_back(it->key, it->value);
    for (std::size_t i = 0; i < abc.accepted.size(); ++i)
      if (abc.accepted[i]) expected.emplace_back(abc.summaries(i, 0), abc.summaries(i, 1));
    std::sort(shown.begin(), shown.end());
    std::sort(expected.begin(), expected.end());
    QVERIFY(shown == expected);
    QCOMPARE(target->dataCount(), 1);
    QCOMPARE(target->data()->at(0)->key, abc.target_estimate(0));
    QCOMPARE(target->data()->at(0)->value, abc.target_estimate(1));
    QStringList labels;
    for (QCPAxisRect *rect : view->plot()->axisRects())
      labels << rect->axis(QCPAxis::atBottom)->label() << rect->axis(QCPAxis::atLeft)->label();
    for (const std::string &name : abc.param_names)
      QVERIFY2(labels.contains("summary of " + QString::fromStdString(name)),
               qPrintable(labels.join(" | ")));
    gui_test::screenshot(w, "infer_abc_summaries_window");
    gui_test::screenshot(*view, "infer_abc_summaries");
    // The export writes the shown view.
    const QString png = tmp_.filePath("summaries.png"), pdf = tmp_.filePath("summaries.pdf");
    QVERIFY(panel->exportPng(png));
    QVERIFY(panel->exportPdf(pdf));
    QVERIFY(sizeOf(png) > 1000 && sizeOf(pdf) > 1000);
    QFile a(png), b(cornerPng);
    QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
    QVERIFY(a.readAll() != b.readAll());
    panel->showSummariesBox()->setChecked(false);
    QVERIFY(w.cornerPlot()->isVisible());
  }

private slots:
  void initTestCase() {
    gui_test::isolateSettings();
    QVERIFY(tmp_.isValid());
    // A tiny run trained in the app.
    MainWindow w(gui_test::freshOptions());
    w.setRunsFolder(tmp_.filePath("runs"));
    QString error;
    const auto config = nlohmann::json::parse(R"({
      "name": "tiny", "simulator": {"plugin": "gaussian_mean_variance",
                                     "options": {"n_data": 10}},
      "network": {"plugin": "mlp", "options": {"hidden": [16, 16]}},
      "n_s": 200, "n_d": 200, "n_summaries": 2, "theta_fid": [0.0, 1.0],
      "delta_theta": [0.1, 0.1], "seed": 1, "threads": 2,
      "fit": {"min_iterations": 0, "patience": 1000, "max_iterations": 40,
              "n_validation": 200, "n_statistics": 1000}})");
    QVERIFY2(w.configPanel()->loadJson(config, &error), qPrintable(error));
    QVERIFY2(w.configPanel()->isValid(), qPrintable(w.configPanel()->errorMessage()));
    w.startFit();
    QVERIFY2(w.fitController()->isRunning(), qPrintable(w.statusLabel()->text()));
    QTRY_VERIFY_WITH_TIMEOUT(!w.fitController()->isRunning(), 120000);
    run_ = w.fitController()->runDirectory();
    QVERIFY(QFile::exists(run_ + "/model.json"));
    // The finished fit is the Infer tab's run.
    QCOMPARE(w.inferPanel()->runDirectory(), run_);
  }

  void ga_abc_and_pmc_overlay_the_corner_plot_and_export() {
    MainWindow w(gui_test::freshOptions());
    w.setRunsFolder(tmp_.filePath("runs"));
    w.show();
    InferPanel *panel = w.inferPanel();
    QVERIFY(!panel->runButton()->isEnabled()); // no run yet
    // Opening the run in the browser makes it the Infer tab's run, with the Fisher
    // forecast shown until an inference result replaces it.
    QVERIFY(w.runBrowser()->openRun(run_));
    QCOMPARE(panel->runDirectory(), run_);
    QVERIFY(panel->runButton()->isEnabled());
    QVERIFY(w.cornerPlot()->hasOverlay("fisher"));
    // θ_fid and the plugin's prior box filled in from model.json.
    QCOMPARE(option<QLineEdit>(panel, "target_theta")->text(), QStringLiteral("0, 1"));
    QCOMPARE(option<QLineEdit>(panel, "prior_high")->text(), QStringLiteral("10, 10"));
    smallSettings(panel);
    w.tabs()->setCurrentWidget(panel);

    panel->setMethod("ga");
    option<QSpinBox>(panel, "n_samples_ga")->setValue(2000);
    QVERIFY2(runAndWait(panel), qPrintable(panel->statusLabel()->text()));
    QVERIFY2(panel->result("ga"), qPrintable(panel->statusLabel()->text()));
    QCOMPARE(panel->result("ga")->samples.rows(), 2000);
    QVERIFY(!w.cornerPlot()->hasOverlay("fisher"));
    QVERIFY(w.cornerPlot()->hasOverlay("ga"));
    // No ABC result yet: the summaries view is greyed and says why.
    QVERIFY(!panel->showSummariesBox()->isEnabled());
    QVERIFY2(panel->showSummariesBox()->toolTip().contains("No ABC result"),
             qPrintable(panel->showSummariesBox()->toolTip()));

    panel->setMethod("abc");
    option<QLineEdit>(panel, "epsilon")->setText("1.5");
    option<QSpinBox>(panel, "n_samples")->setValue(4000);
    QVERIFY2(runAndWait(panel), qPrintable(panel->statusLabel()->text()));
    const imnn::lfi::InferenceResult *abc = panel->result("abc");
    QVERIFY2(abc, qPrintable(panel->statusLabel()->text()));
    QVERIFY2(abc->samples.rows() > 0 && abc->samples.rows() < 4000,
             qPrintable(QString::number(abc->samples.rows())));
    QCOMPARE(abc->simulations, 4000);
    QCOMPARE(panel->progressBar()->value(), 1000);
    QVERIFY(panel->showSummariesBox()->isEnabled());

    QVERIFY(!panel->convergenceLabel()->isVisibleTo(panel));
    panel->setMethod("pmc");
    option<QSpinBox>(panel, "n_points")->setValue(200);
    option<QSpinBox>(panel, "n_initial_points")->setValue(1000);
    option<QSpinBox>(panel, "max_iteration")->setValue(3);
    QVERIFY2(runAndWait(panel), qPrintable(panel->statusLabel()->text()));
    QVERIFY2(panel->result("pmc"), qPrintable(panel->statusLabel()->text()));
    QCOMPARE(panel->result("pmc")->samples.rows(), 200);
    // Three iterations stop PMC before its acceptance criterion: said beside the plot and
    // in the legend, never shown as if it were the posterior. GA and one ABC batch with a
    // fixed ε are converged.
    QVERIFY(!panel->result("pmc")->converged);
    QVERIFY(panel->result("ga")->converged && panel->result("abc")->converged);
    QVERIFY(panel->convergenceLabel()->isVisibleTo(panel));
    QVERIFY2(panel->convergenceLabel()->text().contains("PMC did not converge") &&
                 panel->convergenceLabel()->text().contains("max_iteration") &&
                 !panel->convergenceLabel()->text().contains("ABC"),
             qPrintable(panel->convergenceLabel()->text()));
    QVERIFY2(w.cornerPlot()->overlayLabels().join("|").contains("not converged"),
             qPrintable(w.cornerPlot()->overlayLabels().join("|")));

    // Written as `imnn infer` writes them.
    for (const char *m : {"ga", "abc", "pmc"}) {
      const auto res = readJson(run_ + "/inference/" + m + "/result.json");
      QVERIFY2(res.is_object(), m);
      QCOMPARE(QString::fromStdString(res["method"].get<std::string>()), QString(m));
      QVERIFY(QFile::exists(run_ + "/inference/" + m + "/" + m + "_1.txt"));
    }

    // Three overlays in the methods' colours with a legend, and both markers.
    imnn::gui::CornerPlot *corner = w.cornerPlot();
    QCOMPARE(corner->overlayCount(), 3);
    QCOMPARE(corner->markerCount(), 2);
    QCPLegend *legend = corner->plot()->legend;
    QVERIFY(legend);
    QStringList legendNames;
    for (int i = 0; i < legend->itemCount(); ++i)
      if (auto *item = qobject_cast<QCPPlottableLegendItem *>(legend->item(i)))
        legendNames << item->plottable()->name();
    for (const QString &label : corner->overlayLabels())
      QVERIFY2(legendNames.contains(label), qPrintable(legendNames.join(" | ")));
    QVERIFY(legendNames.contains("θ_fid") && legendNames.contains("true θ"));
    QList<QColor> colours;
    for (int i = 0; i < corner->plot()->graphCount(); ++i)
      colours << corner->plot()->graph(i)->pen().color();
    for (const char *m : {"ga", "abc", "pmc"})
      QVERIFY2(colours.contains(InferPanel::methodColor(m)), m);
    QVERIFY(InferPanel::methodColor("ga") != InferPanel::methodColor("abc"));
    QVERIFY(InferPanel::methodColor("abc") != InferPanel::methodColor("pmc"));
    // Every overlay fills its 68% region in the 2-D panel.
    for (int i = 0; i < 3; ++i)
      QVERIFY(corner->filledFraction(i, 1, 0, 2) > 0.0);

    // The accepted ABC draws as a scatter, on request.
    QCOMPARE(corner->sampleCount(), 0);
    panel->showSamplesBox()->setChecked(true);
    QCOMPARE(corner->sampleCount(), abc->samples.rows());
    gui_test::screenshot(w, "infer_ga_abc_pmc");
    gui_test::screenshot(*corner, "infer_corner");

    // The smoothing field starts at a non-zero default and re-smooths the shown ABC and
    // PMC histograms when it changes, without running an inference again.
    auto *smoothing = qobject_cast<QLineEdit *>(panel->field("smoothing"));
    QVERIFY(smoothing);
    QCOMPARE(imnn::gui::numbers::parse(smoothing->text()).value_or(0.0),
             InferPanel::kDefaultSmoothing);
    QVERIFY(InferPanel::kDefaultSmoothing > 0.0);
    const auto before = panel->result("abc")->marginals.marginal(1, 0);
    const imnn::Index simulations = panel->result("abc")->simulations;
    smoothing->setText(imnn::gui::numbers::format(4.0));
    emit smoothing->editingFinished();
    QVERIFY(!panel->controller()->isRunning());
    const auto after = panel->result("abc")->marginals.marginal(1, 0);
    QCOMPARE(after.size(), before.size());
    QVERIFY(after != before);
    QCOMPARE(panel->result("abc")->simulations, simulations);
    // A wider kernel: a lower peak of the same (normalised) density.
    QVERIFY(*std::max_element(after.begin(), after.end()) <
            *std::max_element(before.begin(), before.end()));
    QCOMPARE(corner->overlayCount(), 3);
    // The default export name says the run and the methods shown.
    const QString name = panel->defaultExportName();
    QVERIFY2(name.startsWith(QFileInfo(run_).fileName()) && name.endsWith("_ga_abc_pmc.pdf"),
             qPrintable(name));

    // Exports: PNG, PDF and the last result's samples as a GetDist root.
    const QString png = tmp_.filePath("corner.png"), pdf = tmp_.filePath("corner.pdf");
    QVERIFY(panel->exportPng(png));
    QVERIFY(panel->exportPdf(pdf));
    QVERIFY(sizeOf(png) > 1000);
    QVERIFY(sizeOf(pdf) > 1000);

    checkSummariesView(w, *abc, png);
    if (QTest::currentTestFailed()) return;
    const QString root = tmp_.filePath("getdist/pmc_export");
    QDir().mkpath(tmp_.filePath("getdist"));
    QString error;
    QVERIFY2(panel->exportGetDist(root, &error), qPrintable(error));
    QCOMPARE(linesOf(root + "_1.txt"), 200);
    QCOMPARE(linesOf(root + ".paramnames"), 2);
    QCOMPARE(linesOf(root + ".ranges"), 2);
    QVERIFY(sizeOf(root + ".ranges") > 0);
  }

  void cancel_stops_a_long_abc() {
    MainWindow w(gui_test::freshOptions());
    w.setRunsFolder(tmp_.filePath("runs"));
    w.show();
    InferPanel *panel = w.inferPanel();
    QVERIFY(panel->setRunDirectory(run_));
    w.tabs()->setCurrentWidget(panel);
    smallSettings(panel);
    panel->setMethod("abc");
    option<QLineEdit>(panel, "epsilon")->setText("0.001");
    option<QSpinBox>(panel, "n_samples")->setValue(200000);
    option<QSpinBox>(panel, "min_accepted")->setValue(1000000);
    option<QSpinBox>(panel, "max_iterations")->setValue(1000);
    option<QLineEdit>(panel, "name")->setText("cancelled");
    QTest::mouseClick(panel->runButton(), Qt::LeftButton);
    QVERIFY2(panel->controller()->isRunning(), qPrintable(panel->statusLabel()->text()));
    QVERIFY(panel->cancelButton()->isEnabled());
    QVERIFY(!panel->runButton()->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(panel->progressBar()->value() > 0, 60000);
    gui_test::screenshot(w, "infer_running");
    QElapsedTimer t;
    t.start();
    QTest::mouseClick(panel->cancelButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!panel->controller()->isRunning(), 30000);
    qInfo("cancelled after %lld ms", static_cast<long long>(t.elapsed()));
    QVERIFY(panel->runButton()->isEnabled());
    QVERIFY(!panel->cancelButton()->isEnabled());
    QVERIFY2(panel->statusLabel()->text().contains("cancelled"),
             qPrintable(panel->statusLabel()->text()));
    const auto res = readJson(run_ + "/inference/cancelled/result.json");
    QCOMPARE(res["cancelled"].get<bool>(), true);
    QVERIFY(res["iterations"].get<int>() < 1000);
  }

  // An ABC run that accepts nothing leaves the summaries view greyed, saying why.
  void abc_accepting_nothing_keeps_the_summaries_view_off() {
    MainWindow w(gui_test::freshOptions());
    InferPanel *panel = w.inferPanel();
    QVERIFY(panel->setRunDirectory(run_));
    smallSettings(panel);
    panel->setMethod("abc");
    option<QLineEdit>(panel, "epsilon")->setText("0"); // distance < 0: none accepted
    option<QSpinBox>(panel, "n_samples")->setValue(200);
    QVERIFY2(runAndWait(panel), qPrintable(panel->statusLabel()->text()));
    QVERIFY2(panel->result("abc"), qPrintable(panel->statusLabel()->text()));
    QCOMPARE(panel->result("abc")->samples.rows(), 0);
    QVERIFY(!panel->showSummariesBox()->isEnabled());
    QVERIFY(!panel->showSummariesBox()->isChecked());
    QVERIFY2(panel->showSummariesBox()->toolTip().contains("accepted no draws"),
             qPrintable(panel->showSummariesBox()->toolTip()));
    QCOMPARE(panel->summaryPlot()->sampleCount(), 0);
  }

  void a_bad_option_is_marked_and_blocks_the_run() {
    MainWindow w(gui_test::freshOptions());
    InferPanel *panel = w.inferPanel();
    QVERIFY(panel->setRunDirectory(run_));
    panel->setMethod("abc");
    auto *eps = option<QLineEdit>(panel, "epsilon");
    eps->setText("wide");
    panel->runInference();
    QVERIFY(!panel->controller()->isRunning());
    QVERIFY(eps->property("invalid").toBool());
    QVERIFY2(panel->statusLabel()->text().contains("epsilon"),
             qPrintable(panel->statusLabel()->text()));
    // The engine's checks are shown too, naming the option (not a command-line flag).
    eps->setText("1");
    option<QSpinBox>(panel, "n_points")->setValue(100);
    panel->setMethod("pmc");
    option<QSpinBox>(panel, "n_initial_points")->setValue(50);
    panel->runInference();
    QVERIFY(!panel->controller()->isRunning());
    const QString status = panel->statusLabel()->text();
    QVERIFY2(status.contains("n_initial_points") && !status.contains("--"), qPrintable(status));
    QVERIFY(panel->field("n_initial_points")->property("invalid").toBool());
    QVERIFY(!eps->property("invalid").toBool());
    // An error found by the engine while running is marked at its field too.
    panel->setMethod("ga");
    option<QLineEdit>(panel, "target_theta")->setText("0.2");
    panel->runInference();
    QTRY_VERIFY_WITH_TIMEOUT(!panel->controller()->isRunning(), 30000);
    QVERIFY2(panel->statusLabel()->text().contains("`target_theta` has 1 values"),
             qPrintable(panel->statusLabel()->text()));
    QVERIFY(panel->field("target_theta")->property("invalid").toBool());
    QVERIFY(!panel->field("n_initial_points")->property("invalid").toBool());
    QVERIFY(!panel->result("ga")); // nothing shown for a failed run
  }

  // The tab reads model.json as the engine does (TrainedModel::load): a run without one
  // is waited for, a damaged one is refused with the engine's reason.
  void a_damaged_model_is_refused_with_the_engine_s_reason() {
    MainWindow w(gui_test::freshOptions());
    InferPanel *panel = w.inferPanel();
    const QString copy = tmp_.filePath("damaged");
    QVERIFY(QDir().mkpath(copy));
    QVERIFY(QFile::copy(run_ + "/config.json", copy + "/config.json"));
    QVERIFY(!panel->setRunDirectory(copy));
    QVERIFY2(panel->statusLabel()->text().contains("has no model.json yet"),
             qPrintable(panel->statusLabel()->text()));
    QFile in(run_ + "/model.json");
    QVERIFY(in.open(QIODevice::ReadOnly));
    QByteArray model = in.readAll();
    QVERIFY(model.contains("\"version\":1"));
    model.replace("\"version\":1", "\"version\":7");
    QFile out(copy + "/model.json");
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(model);
    out.close();
    QVERIFY(!panel->setRunDirectory(copy));
    QVERIFY2(panel->statusLabel()->text().contains("model file version 7 is not supported"),
             qPrintable(panel->statusLabel()->text()));
    QVERIFY(!panel->runButton()->isEnabled());
    QVERIFY(panel->setRunDirectory(run_)); // a good run is taken again
  }
};

QTEST_MAIN(TestGuiInfer)
#include "test_gui_infer.moc"

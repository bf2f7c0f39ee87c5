// The Runs tab at a glance: a sortable table of the runs of a folder (name, start,
// mode, status, val det F, iterations, stop reason) with names kept distinguishable,
// the open run's result formatted (matrices, det F, seconds) with the raw JSON one
// toggle away, the kept weights' iteration marked on every panel, the run's
// expected_detF drawn, and overlays of several runs in distinct colours, beneath the
// open run, each named in the legend. Runs are written here as imnn fit writes them.
#include "imnn/run_directory.h"

#include "gui_test_util.h"
#include "history_plot.h"
#include "run_browser.h"

#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QHeaderView>
#include <QPlainTextEdit>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QtTest>
#include <cmath>
#include <nlohmann/json.hpp>
#include <qcustomplot.h>

using imnn::gui::RunBrowser;

namespace {

const char *kLongA = "gaussian_mean_variance_with_a_long_descriptive_name-20260101-120000";
const char *kLongB = "gaussian_mean_variance_with_a_long_descriptive_name-20260101-120001";

// A run directory as imnn fit writes it: config.json, history.csv (rows det F rising
// to detF_end, a first loss spike) and, unless result is null, result.json.
void writeRun(const QString &runs, const QString &name, int rows, double detFEnd,
              const nlohmann::json &result, const char *mode = "simulator") {
  const QString dir = runs + "/" + name;
  QVERIFY(QDir().mkpath(dir));
  QFile c(dir + "/config.json");
  QVERIFY(c.open(QIODevice::WriteOnly));
  c.write(nlohmann::json({{"name", "x"}, {"mode", mode}, {"expected_detF", 50}}).dump().c_str());
  c.close();
  QFile h(dir + "/history.csv");
  QVERIFY(h.open(QIODevice::WriteOnly));
  h.write(QByteArray(imnn::RunDirectory::history_header()) + "\n");
  for (int i = 0; i < rows; ++i) {
    const double f = detFEnd * (1 - std::exp(-i / 20.0)) + 0.01;
    const double loss = i == 0 ? 400.0 : -std::log(f) + 0.5 * std::exp(-i / 10.0);
    h.write(QStringLiteral("%1,%2,1,1,%3,%4,%5,%6,1,1,0.1,0.5,%7\n")
                .arg(i)
                .arg(f)
                .arg(i == 0 ? 80.0 : 2.0 * std::exp(-i / 15.0))
                .arg(0.5 + 0.1 * std::sin(i / 5.0))
                .arg(loss)
                .arg(f * 0.98)
                .arg(0.01 * i)
                .toUtf8());
  }
  h.close();
  if (result.is_null()) return;
  QFile r(dir + "/result.json");
  QVERIFY(r.open(QIODevice::WriteOnly));
  r.write(result.dump(2).c_str());
}

nlohmann::json finishedResult(double valDetF, int iterations, int best) {
  return {{"name", "x"},
          {"stop_reason", "patience"},
          {"iterations", iterations},
          {"best_iteration", best},
          {"kept_weights", "best"},
          {"seconds", 12.5},
          {"iterations_per_second", iterations / 12.5},
          {"max_detF", valDetF + 1},
          {"detF", valDetF + 0.5},
          {"val_detF", valDetF},
          {"val_detF_se", 1.125},
          {"F", {{12.5, 0.25}, {0.25, 3.75}}},
          {"invF", {{0.08, -0.0053}, {-0.0053, 0.267}}}};
}

} // namespace

class TestGuiRuns : public QObject {
  Q_OBJECT
  QTemporaryDir tmp_;
  QString runs_;

private slots:
  void initTestCase() {
    gui_test::isolateSettings();
    QVERIFY(tmp_.isValid());
    runs_ = tmp_.filePath("runs");
    writeRun(runs_, "finished-40", 150, 40, finishedResult(40.25, 150, 97));
    nlohmann::json cancelled = finishedResult(45.5, 120, 110);
    cancelled["stop_reason"] = "cancelled";
    writeRun(runs_, "cancelled-45", 120, 45, cancelled, "simulator-numerical");
    writeRun(runs_, "failed", 30, 10,
             {{"name", "x"},
              {"error", "the loss gradient is not finite at iteration 30"},
              {"iterations", 30}});
    writeRun(runs_, "still-running", 60, 20, nullptr); // no result.json yet
    writeRun(runs_, kLongA, 80, 30, finishedResult(30, 80, 70));
    writeRun(runs_, kLongB, 90, 35, finishedResult(35, 90, 85));
  }

  void the_table_lists_each_run_with_its_status() {
    RunBrowser b;
    b.resize(1600, 1000);
    b.show();
    b.setFolder(runs_);
    QTableWidget *t = b.table();
    QCOMPARE(t->rowCount(), 6);
    QStringList headers;
    for (int c = 0; c < t->columnCount(); ++c)
      headers << t->horizontalHeaderItem(c)->text();
    QCOMPARE(headers, (QStringList{"name", "started", "mode", "status", "val det F", "iterations",
                                   "stop reason"}));
    QCOMPARE(b.cell("finished-40", RunBrowser::kStatus), QStringLiteral("finished"));
    QCOMPARE(b.cell("cancelled-45", RunBrowser::kStatus), QStringLiteral("cancelled"));
    QCOMPARE(b.cell("failed", RunBrowser::kStatus), QStringLiteral("failed"));
    QCOMPARE(b.cell("still-running", RunBrowser::kStatus), QStringLiteral("running"));
    QCOMPARE(b.cell("cancelled-45", RunBrowser::kMode), QStringLiteral("simulator-numerical"));
    QCOMPARE(b.cell("finished-40", RunBrowser::kValDetF), QStringLiteral("40.25"));
    QCOMPARE(b.cell("finished-40", RunBrowser::kIterations), QStringLiteral("150"));
    // A run being written counts its rows.
    QCOMPARE(b.cell("still-running", RunBrowser::kIterations), QStringLiteral("60"));
    QVERIFY2(b.cell("finished-40", RunBrowser::kStopReason).contains("patience"),
             qPrintable(b.cell("finished-40", RunBrowser::kStopReason)));
    QVERIFY2(b.cell("cancelled-45", RunBrowser::kStopReason).contains("stopped by you"),
             qPrintable(b.cell("cancelled-45", RunBrowser::kStopReason)));
    QVERIFY(!b.cell("finished-40", RunBrowser::kStarted).isEmpty());

    // Names are never cut to stubs: at this width each name fits its column, and a
    // narrower column elides the middle, keeping the distinguishing end.
    QCOMPARE(t->textElideMode(), Qt::ElideMiddle);
    const QFontMetrics fm(t->font());
    for (const char *name : {kLongA, kLongB})
      QVERIFY2(t->columnWidth(RunBrowser::kName) >= fm.horizontalAdvance(name),
               qPrintable(QStringLiteral("%1 px for %2").arg(t->columnWidth(0)).arg(name)));
    gui_test::screenshot(b, "runs_table");
  }

  void the_table_sorts_by_val_det_F() {
    RunBrowser b;
    b.setFolder(runs_);
    b.table()->sortByColumn(RunBrowser::kValDetF, Qt::DescendingOrder);
    QStringList order = b.runs();
    QCOMPARE(order.mid(0, 4),
             (QStringList{"cancelled-45", "finished-40", QString(kLongB), QString(kLongA)}));
    // Runs without a val det F (failed, still running) sort last.
    QVERIFY(order.mid(4).contains("failed") && order.mid(4).contains("still-running"));
    b.table()->sortByColumn(RunBrowser::kValDetF, Qt::AscendingOrder);
    order = b.runs();
    QCOMPARE(order.mid(2),
             (QStringList{QString(kLongA), QString(kLongB), "finished-40", "cancelled-45"}));
    // Iterations sort as numbers, not text ("150" after "90").
    b.table()->sortByColumn(RunBrowser::kIterations, Qt::DescendingOrder);
    QCOMPARE(b.runs().front(), QStringLiteral("finished-40"));
    // A refresh keeps the chosen order.
    b.refresh();
    QCOMPARE(b.runs().front(), QStringLiteral("finished-40"));
  }

  void the_result_is_formatted_with_the_raw_json_behind_a_toggle() {
    RunBrowser b;
    b.resize(1600, 1000);
    b.show();
    b.setFolder(runs_);
    QVERIFY(b.openRun(runs_ + "/finished-40"));
    QVERIFY(!b.isFollowing());
    const QString text = b.resultView()->toPlainText();
    for (const char *expected :
         {"val det F", "40.25", "val det F standard error", "1.125", "det F (training, kept)",
          "40.75", "seconds", "12.5", "12.5", "0.25", "3.75", "F⁻¹", "0.267", "-0.0053",
          "kept: best iteration", "97"})
      QVERIFY2(text.contains(QString::fromUtf8(expected)), qPrintable(expected + ("\n" + text)));
    QVERIFY2(!text.contains('{') && !text.contains('"'), qPrintable(text));
    // F as a matrix: a 2×2 table in the document.
    QCOMPARE(b.resultView()->document()->toHtml().count("<tr>") >= 4, true);
    auto *stack = qobject_cast<QStackedWidget *>(b.rawJsonView()->parentWidget());
    QVERIFY(stack);
    QCOMPARE(stack->currentWidget(), b.resultView());
    gui_test::screenshot(b, "runs_result_formatted");
    b.rawJsonToggle()->setChecked(true);
    QCOMPARE(stack->currentWidget(), b.rawJsonView());
    QVERIFY(b.rawJsonView()->toPlainText().contains("\"val_detF\": 40.25"));
    gui_test::screenshot(b, "runs_result_raw_json");
    b.rawJsonToggle()->setChecked(false);
    QCOMPARE(stack->currentWidget(), b.resultView());
  }

  void the_kept_iteration_and_expected_det_F_are_drawn() {
    RunBrowser b;
    b.setFolder(runs_);
    QVERIFY(b.openRun(runs_ + "/finished-40"));
    imnn::gui::HistoryPlot *plot = b.historyPlot();
    QCOMPARE(plot->markedIteration(), 97); // result.json best_iteration
    QCOMPARE(plot->bestLines().size(), 4); // one per panel
    for (QCPItemStraightLine *line : plot->bestLines()) {
      QVERIFY(line->visible());
      QCOMPARE(line->point1->coords().x(), 97.0);
      QCOMPARE(line->point2->coords().x(), 97.0);
    }
    // The run's config.json expected_detF.
    QCOMPARE(plot->expectedDetF(), 50.0);
    // The first loss spike (400) is clipped; the rest of the fit fills the panel.
    QVERIFY(plot->lossClipped());
    const QCPRange loss = plot->lossGraph()->valueAxis()->range();
    QVERIFY2(loss.upper < 50, qPrintable(QString::number(loss.upper)));
    QVERIFY(loss.contains(-std::log(40.01)));
    // Λ2's first-iteration spike (80) too, on its own axis; r on the right axis.
    QVERIFY(plot->lambda2Graph()->valueAxis()->range().upper < 10);
    QCOMPARE(plot->rGraph()->valueAxis(),
             plot->rGraph()->keyAxis()->axisRect()->axis(QCPAxis::atRight));
  }

  void overlays_have_distinct_colours_and_a_legend_entry_each() {
    RunBrowser b;
    b.resize(1600, 1000);
    b.show();
    b.setFolder(runs_);
    QVERIFY(b.openRun(runs_ + "/finished-40"));
    const QStringList others{"cancelled-45", "failed", kLongA, kLongB};
    QStringList dirs{runs_ + "/finished-40"}; // the open run itself is not overlaid again
    for (const QString &o : others)
      dirs << runs_ + "/" + o;
    b.overlayRuns(dirs);
    imnn::gui::HistoryPlot *plot = b.historyPlot();
    QCOMPARE(plot->overlayCount(), 4);
    QList<QColor> colours{plot->detFGraph()->pen().color(), plot->valDetFGraph()->pen().color()};
    QCPLegend *legend = plot->legendOf(plot->detFGraph());
    QVERIFY(legend);
    for (int i = 0; i < plot->overlayCount(); ++i) {
      QCPGraph *g = plot->overlays()[static_cast<std::size_t>(i)];
      QVERIFY2(!colours.contains(g->pen().color()), qPrintable(g->pen().color().name()));
      colours << g->pen().color();
      // Beneath the open run's curves.
      QVERIFY(g->layer()->index() < plot->detFGraph()->layer()->index());
      // The legend names the run, in full.
      QCPAbstractLegendItem *item = legend->itemWithPlottable(g);
      QVERIFY(item);
      QVERIFY2(g->name().contains(others[i]), qPrintable(g->name()));
    }
    // The open run is named too, once there is something to tell it from.
    QVERIFY2(plot->detFGraph()->name().contains("finished-40"),
             qPrintable(plot->detFGraph()->name()));
    gui_test::screenshot(b, "runs_overlay");
  }

  void the_runs_tab_in_the_window() {
    imnn::gui::MainWindow w(gui_test::freshOptions());
    w.setRunsFolder(runs_);
    w.resize(1600, 1000);
    w.show();
    w.tabs()->setCurrentWidget(w.runBrowser());
    QVERIFY(w.runBrowser()->openRun(runs_ + "/cancelled-45"));
    w.runBrowser()->overlayRuns({runs_ + "/finished-40", runs_ + "/" + kLongB});
    gui_test::screenshot(w, "runs_tab_1600x1000");
    w.resize(1024, 700);
    gui_test::screenshot(w, "runs_tab_1024x700");
  }
};

QTEST_MAIN(TestGuiRuns)
#include "test_gui_runs.moc"

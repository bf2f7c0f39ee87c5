// The array modes in the configuration panel: the mode picker shows the data files
// box (and hides the simulator plugin), the loaded shapes are shown with named axes,
// a file of the wrong shape is marked at its field and blocks the run; a fit on arrays
// shows its Fisher forecast (the config has no simulator); the devices widgets.
#include "imnn/arrays.h"
#include "imnn/plugins.h"
#include "imnn/session.h"
#include "imnn/sources.h"

#include "config_panel.h"
#include "corner_plot.h"
#include "data_files_box.h"
#include "fit_controller.h"
#include "gui_test_util.h"
#include "run_browser.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QtTest>
#include <nlohmann/json.hpp>

using imnn::gui::ConfigPanel;
using imnn::gui::MainWindow;

class TestGuiModes : public QObject {
  Q_OBJECT
  QTemporaryDir tmp_;

  QString path(const QString &name) const { return tmp_.filePath(name); }

  nlohmann::json arrayConfig(const QString &mode) const {
    nlohmann::json j = {{"name", "arrays"},
                        {"mode", mode.toStdString()},
                        {"network", {{"plugin", "mlp"}, {"options", {{"hidden", {16, 16}}}}}},
                        {"n_s", 200},
                        {"n_d", 200},
                        {"n_summaries", 2},
                        {"theta_fid", {0.0, 1.0}},
                        {"delta_theta", {0.1, 0.1}},
                        {"seed", 3},
                        {"threads", 2},
                        {"fit", {{"min_iterations", 0}, {"patience", 100}, {"max_iterations", 5}}}};
    const std::string prefix = mode == "numerical" ? "num_" : "";
    j["data"] = {
        {"fiducial", path(QString::fromStdString(prefix + "fiducial.npy")).toStdString()},
        {"derivative", path(QString::fromStdString(prefix + "derivative.npy")).toStdString()}};
    return j;
  }

private slots:
  void initTestCase() {
    gui_test::isolateSettings();
    QVERIFY(tmp_.isValid());
    // Arrays made by the Gaussian plugin at θ_fid, for both array modes.
    const imnn::PluginRegistry registry = imnn::scan_plugins({});
    auto sim = registry.create_simulator("gaussian_mean_variance", {{"n_data", 10}});
    for (const auto kind :
         {imnn::DerivativeKind::tangent, imnn::DerivativeKind::finite_difference}) {
      const auto a = imnn::simulate_arrays(sim, kind, {0.0, 1.0}, {0.1, 0.1}, 3,
                                           imnn::SeedStream::training, {200, 200});
      const std::string prefix = kind == imnn::DerivativeKind::tangent ? "" : "num_";
      imnn::save_npy(path(QString::fromStdString(prefix + "fiducial.npy")).toStdString(),
                     a.fiducial_shape, a.fiducial.data());
      imnn::save_npy(path(QString::fromStdString(prefix + "derivative.npy")).toStdString(),
                     a.derivative_shape, a.derivative.data());
    }
    std::vector<float> wrong(200 * 11 * 2, 0.5f);
    imnn::save_npy(path("wrong_derivative.npy").toStdString(), {200, 11, 2}, wrong.data());
  }

  void the_mode_picks_the_boxes_shown_data() {
    QTest::addColumn<QString>("mode");
    QTest::addColumn<bool>("files");
    QTest::addColumn<bool>("plugin");
    QTest::newRow("simulator") << "simulator" << false << true;
    QTest::newRow("simulator-numerical") << "simulator-numerical" << false << true;
    QTest::newRow("gradient") << "gradient" << true << false;
    QTest::newRow("numerical") << "numerical" << true << false;
    QTest::newRow("auto") << "auto" << true << true;
  }
  void the_mode_picks_the_boxes_shown() {
    QFETCH(QString, mode);
    QFETCH(bool, files);
    QFETCH(bool, plugin);
    MainWindow w(gui_test::freshOptions());
    w.show();
    ConfigPanel *panel = w.configPanel();
    qobject_cast<QComboBox *>(panel->field("mode"))->setCurrentText(mode);
    QCOMPARE(panel->dataFiles()->isVisible(), files);
    QCOMPARE(panel->field("simulator.plugin")->isVisible(), plugin);
    QVERIFY(panel->field("theta_fid")->isVisible()); // θ_fid is needed by every mode
  }

  void array_files_show_their_shapes_data() {
    QTest::addColumn<QString>("mode");
    QTest::addColumn<QString>("derivative");
    QTest::newRow("gradient") << "gradient"
                              << "derivative: (n_d=200, 10, n_params=2)";
    QTest::newRow("numerical") << "numerical"
                               << "derivative: (n_d=200, ±=2, n_params=2, 10)";
  }
  void array_files_show_their_shapes() {
    QFETCH(QString, mode);
    QFETCH(QString, derivative);
    MainWindow w(gui_test::freshOptions());
    w.show();
    ConfigPanel *panel = w.configPanel();
    QString error;
    QVERIFY2(panel->loadJson(arrayConfig(mode), &error), qPrintable(error));
    QVERIFY2(panel->isValid(), qPrintable(panel->errorKey() + ": " + panel->errorMessage()));
    QVERIFY(w.fitButton()->isEnabled());
    QCOMPARE(panel->dataFiles()->shapeText("fiducial"), QStringLiteral("fiducial: (n_s=200, 10)"));
    QCOMPARE(panel->dataFiles()->shapeText("derivative"), derivative);
    QVERIFY(panel->dataFiles()->shapeText("validation_fiducial").isEmpty());
    // The config the panel writes is the CLI's: data, no simulator.
    const nlohmann::json j = panel->toJson();
    QVERIFY(!j.contains("simulator"));
    QCOMPARE(QString::fromStdString(j["data"]["fiducial"].get<std::string>()),
             path(mode == "numerical" ? "num_fiducial.npy" : "fiducial.npy"));
    gui_test::screenshot(w, "config_" + mode);
  }

  void a_wrong_shape_is_marked_and_blocks_the_run() {
    MainWindow w(gui_test::freshOptions());
    w.show();
    ConfigPanel *panel = w.configPanel();
    QString error;
    QVERIFY2(panel->loadJson(arrayConfig("gradient"), &error), qPrintable(error));
    QVERIFY(panel->isValid());
    panel->dataFiles()->setFile("derivative", path("wrong_derivative.npy"));
    QVERIFY(!panel->isValid());
    QCOMPARE(panel->errorKey(), QStringLiteral("data.derivative"));
    QLabel *fieldError = panel->fieldError("data.derivative");
    QVERIFY(fieldError && fieldError->isVisible());
    QVERIFY2(fieldError->text().contains("wrong_derivative.npy"), qPrintable(fieldError->text()));
    QVERIFY(panel->dataFiles()->edit("derivative")->property("invalid").toBool());
    QCOMPARE(panel->dataFiles()->shapeText("derivative"),
             QStringLiteral("derivative: (n_d=200, 11, n_params=2)"));
    QVERIFY(!w.fitButton()->isEnabled());
    w.startFit(); // refused
    QVERIFY(!w.fitController()->isRunning());
    gui_test::screenshot(w, "config_shape_error");
    // A file that is not there is reported at its field too.
    panel->dataFiles()->setFile("derivative", path("missing.npy"));
    QVERIFY(!panel->isValid());
    QCOMPARE(panel->errorKey(), QStringLiteral("data.derivative"));
    QVERIFY(panel->dataFiles()->shapeText("derivative").contains("missing.npy"));
  }

  void an_array_fit_shows_its_fisher_forecast() {
    // The run's config has no "simulator": the forecast used to crash there.
    MainWindow w(gui_test::freshOptions());
    w.setRunsFolder(path("runs"));
    w.show();
    QString error;
    QVERIFY2(w.configPanel()->loadJson(arrayConfig("gradient"), &error), qPrintable(error));
    w.startFit();
    QVERIFY2(w.fitController()->isRunning(), qPrintable(w.statusLabel()->text()));
    QTRY_VERIFY_WITH_TIMEOUT(!w.fitController()->isRunning(), 60000);
    QVERIFY2(!w.statusLabel()->text().startsWith("error"), qPrintable(w.statusLabel()->text()));
    QVERIFY(w.cornerPlot()->hasOverlay("fisher"));
    QCOMPARE(w.cornerPlot()->dimension(), 2);
    // Reopening it from the run browser shows it again.
    w.cornerPlot()->clear();
    QVERIFY(w.runBrowser()->openRun(w.fitController()->runDirectory()));
    QVERIFY(w.cornerPlot()->hasOverlay("fisher"));
  }

  void devices_widgets() {
    MainWindow w(gui_test::freshOptions());
    ConfigPanel *panel = w.configPanel();
    QCheckBox *cuda = panel->cudaBox();
    QVERIFY(cuda);
    QVERIFY(!cuda->isEnabled());
    QVERIFY(!cuda->isChecked());
    QVERIFY2(cuda->toolTip().contains("CUDA"), qPrintable(cuda->toolTip()));
    auto *threads = qobject_cast<QSpinBox *>(panel->field("threads"));
    QVERIFY(threads);
    threads->setValue(3);
    QCOMPARE(panel->toJson()["threads"].get<int>(), 3);
    QCOMPARE(panel->config().threads, 3);
  }
};

QTEST_MAIN(TestGuiModes)
#include "test_gui_modes.moc"

// The Fit tab's simulation preview: one simulation of the selected simulator at θ_fid
// (the fit's first training seed), an image for rank-2 inputs and a line plot for rank-1
// inputs, equal to a direct simulation and redrawn when θ, the options or the simulator
// change; File ▸ Open example lists the Gaussian and both random-field examples.
#include "imnn/plugins.h"
#include "imnn/seeds.h"

#include "config_panel.h"
#include "gui_test_util.h"
#include "simulation_preview.h"

#include <QComboBox>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QTableWidget>
#include <QtTest>
#include <cmath>
#include <qcustomplot.h>

using imnn::gui::ConfigPanel;
using imnn::gui::MainWindow;
using imnn::gui::SimulationPreview;

namespace {

// A direct simulation with the preview's seed rule.
std::vector<double> direct(const std::string &plugin, const nlohmann::json &options,
                           const std::vector<double> &theta, std::uint64_t seed) {
  imnn::PluginRegistry registry;
  registry.scan({IMNN_PLUGIN_BUILD_DIR});
  const auto sim = registry.create_simulator(plugin, options);
  std::vector<double> out(static_cast<std::size_t>(sim->input_size()));
  sim->simulate(imnn::derive_seed(seed, imnn::SeedStream::training, 0, 0), theta.data(),
                out.data());
  return out;
}

QAction *findAction(QMenu *menu, const QString &text) {
  for (QAction *a : menu->actions())
    if (a->text() == text) return a;
  return nullptr;
}

} // namespace

class TestGuiPreview : public QObject {
  Q_OBJECT

private slots:
  void initTestCase() { gui_test::isolateSettings(); }

  void preview_is_a_simulation_and_follows_the_config() {
    MainWindow w(gui_test::freshOptions());
    w.show();
    SimulationPreview *preview = w.simulationPreview();
    QVERIFY(preview);
    // The Gaussian example: a series of 10 values, drawn as a line.
    QCOMPARE(preview->shape(), (std::vector<imnn::Index>{10}));
    QVERIFY(preview->graph()->visible());
    QVERIFY(!preview->colorMap()->visible());
    QCOMPARE(preview->values(), direct("gaussian_mean_variance", {{"n_data", 10}}, {0.0, 1.0}, 0));
    QCOMPARE(preview->graph()->data()->size(), 10);
    QCOMPARE(preview->graph()->data()->at(3)->value, preview->values()[3]);

    // File ▸ Open example lists the three examples; open the random field's.
    QMenu *examples = w.menuBar()->findChild<QMenu *>(QStringLiteral("examplesMenu"));
    QVERIFY(examples);
    QStringList names;
    for (QAction *a : examples->actions())
      names << a->text();
    QCOMPARE(names.value(0), QStringLiteral("gaussian_mean_variance"));
    QVERIFY2(names.contains("gaussian_random_field_2d"), qPrintable(names.join(", ")));
    QVERIFY2(names.contains("gaussian_random_field_2d_reference"), qPrintable(names.join(", ")));
    const int before = preview->redraws();
    findAction(examples, QStringLiteral("gaussian_random_field_2d"))->trigger();
    ConfigPanel *panel = w.configPanel();
    QCOMPARE(QString::fromStdString(panel->toJson()["simulator"]["plugin"].get<std::string>()),
             QStringLiteral("gaussian_random_field_2d"));
    QVERIFY(preview->redraws() > before);
    const int loaded = preview->redraws();
    QCOMPARE(preview->shape(), (std::vector<imnn::Index>{128, 128}));
    QVERIFY(preview->colorMap()->visible());
    QVERIFY(!preview->graph()->visible());
    const nlohmann::json config = panel->toJson();
    const auto options = config["simulator"]["options"];
    const auto seed = config["seed"].get<std::uint64_t>();
    QCOMPARE(preview->values(), direct("gaussian_random_field_2d", options, {1.0, 0.5}, seed));
    // The image: row 0 of the array at the top, column j at x = j.
    auto *map = preview->colorMap()->data();
    QCOMPARE(map->keySize(), 128);
    QCOMPARE(map->valueSize(), 128);
    QCOMPARE(map->cell(5, 127), preview->values()[5]);
    QCOMPARE(map->cell(7, 127 - 3), preview->values()[3 * 128 + 7]);
    // Cells are square on screen and the whole image shows, whatever the widget's shape.
    const auto checkSquare = [&] {
      QCustomPlot *plot = preview->plot();
      plot->replot();
      const double px = plot->xAxis->coordToPixel(1) - plot->xAxis->coordToPixel(0);
      const double py = plot->yAxis->coordToPixel(0) - plot->yAxis->coordToPixel(1);
      QVERIFY2(std::fabs(px / py - 1) < 0.02, qPrintable(QString("%1 x %2 px").arg(px).arg(py)));
      QVERIFY(plot->xAxis->range().lower <= -0.5 && plot->xAxis->range().upper >= 127.5);
      QVERIFY(plot->yAxis->range().lower <= -0.5 && plot->yAxis->range().upper >= 127.5);
    };
    checkSquare();
    preview->resize(900, 300);
    checkSquare();
    preview->resize(300, 700);
    checkSquare();
    gui_test::screenshot(w, "fit_simulation_preview_grf");

    // θ_fid changes: a new simulation at the new θ, same seed.
    auto *params = qobject_cast<QTableWidget *>(panel->field("theta_fid"));
    QVERIFY(params);
    params->item(0, 1)->setText(QStringLiteral("0.5")); // A
    QCOMPARE(preview->redraws(), loaded + 1);
    QCOMPARE(preview->theta(), (std::vector<double>{0.5, 0.5}));
    QCOMPARE(preview->values(), direct("gaussian_random_field_2d", options, {0.5, 0.5}, seed));
    // The simulator's options change (N = 32): a 32 x 32 image.
    auto *simOptions = qobject_cast<QLineEdit *>(panel->field("simulator.options"));
    QVERIFY(simOptions);
    simOptions->setText(QStringLiteral("{\"N\": 32}"));
    QTRY_COMPARE(preview->shape(), (std::vector<imnn::Index>{32, 32}));
    QCOMPARE(preview->redraws(), loaded + 2);
    QCOMPARE(preview->colorMap()->data()->keySize(), 32);
    QCOMPARE(preview->values(), direct("gaussian_random_field_2d", {{"N", 32}}, {0.5, 0.5}, seed));
    // The same config again: nothing to redraw.
    preview->showConfig(panel->toJson());
    QCOMPARE(preview->redraws(), loaded + 2);
    gui_test::screenshot(w, "fit_simulation_preview_grf32");
    // A bad option: no picture, the plugin's reason instead.
    simOptions->setText(QStringLiteral("{\"N\": 1}"));
    QTRY_VERIFY(preview->values().empty());
    QVERIFY2(preview->caption().contains("N"), qPrintable(preview->caption()));
  }
};

QTEST_MAIN(TestGuiPreview)
#include "test_gui_preview.moc"

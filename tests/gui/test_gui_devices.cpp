// The Devices group of the config form (issue 5): CPU devices × threads per device,
// n_per_device, fit.memory_budget_mb and data.stream map onto the engine's config
// keys and load back; an invalid loaded value is marked at its field with the engine's
// reason and blocks Fit; a fit on 2 devices reports the work split the engine used in
// the status line, and the run browser shows it again from result.json.
#include "imnn/config.h"

#include "config_panel.h"
#include "fit_controller.h"
#include "gui_test_util.h"
#include "run_browser.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QtTest>
#include <nlohmann/json.hpp>

using gui_test::readJson;
using imnn::gui::ConfigPanel;
using imnn::gui::MainWindow;
using json = nlohmann::json;

namespace {

QSpinBox *spinAt(ConfigPanel *panel, const char *key) {
  return qobject_cast<QSpinBox *>(panel->field(key));
}

// The example with `patch` merged in (RFC 7386), as a user's file would be.
json examplePatched(MainWindow &w, const json &patch) {
  json j = w.configPanel()->toJson();
  j.merge_patch(patch);
  return j;
}

} // namespace

Q_DECLARE_METATYPE(json)

class TestGuiDevices : public QObject {
  Q_OBJECT
  QTemporaryDir tmp_;

private slots:
  void initTestCase() {
    gui_test::isolateSettings();
    QVERIFY(tmp_.isValid());
  }

  void two_devices_are_saved_as_the_engine_reads_them_and_load_back() {
    MainWindow w(gui_test::freshOptions());
    ConfigPanel *panel = w.configPanel();
    spinAt(panel, "devices")->setValue(2);
    spinAt(panel, "devices.threads")->setValue(1);
    spinAt(panel, "n_per_device")->setValue(250);
    qobject_cast<QLineEdit *>(panel->field("fit.memory_budget_mb"))->setText("512");
    QVERIFY2(panel->isValid(), qPrintable(panel->errorMessage()));
    const QString file = tmp_.filePath("two_devices.json");
    QString error;
    QVERIFY2(panel->saveFile(file, &error), qPrintable(error));

    const json saved = readJson(file);
    const json device = {{"kind", "cpu"}, {"threads", 1}};
    QCOMPARE(saved["devices"], json::array({device, device}));
    QCOMPARE(saved["threads"].get<int>(), 1);
    QCOMPARE(saved["n_per_device"].get<int>(), 250);
    QCOMPARE(saved["fit"]["memory_budget_mb"].get<double>(), 512.0);
    const imnn::RunConfig c = imnn::RunConfig::load(file.toStdString()); // as `imnn fit`
    QCOMPARE(c.devices.size(), std::size_t(2));
    QCOMPARE(c.devices[1].threads, 1);
    QCOMPARE(c.n_per_device, imnn::Index(250));
    QCOMPARE(c.fit.memory_budget_mb, 512.0);

    MainWindow other(gui_test::freshOptions());
    ConfigPanel *loaded = other.configPanel();
    QVERIFY2(loaded->loadFile(file, &error), qPrintable(error));
    QCOMPARE(spinAt(loaded, "devices")->value(), 2);
    QCOMPARE(spinAt(loaded, "devices.threads")->value(), 1);
    QCOMPARE(spinAt(loaded, "n_per_device")->value(), 250);
    QCOMPARE(qobject_cast<QLineEdit *>(loaded->field("fit.memory_budget_mb"))->text(),
             QStringLiteral("512"));
    QCOMPARE(loaded->toJson(), saved);
  }

  void one_device_takes_the_threads_box_and_threads_alone_is_shown() {
    MainWindow w(gui_test::freshOptions());
    ConfigPanel *panel = w.configPanel();
    spinAt(panel, "devices.threads")->setValue(3);
    json j = panel->toJson();
    QCOMPARE(j["devices"], json::parse(R"([{"kind": "cpu", "threads": 3}])"));
    QCOMPARE(j["threads"].get<int>(), 3);
    // A file with only the top-level `threads`: a device with threads 0 takes it.
    j.erase("devices");
    j["threads"] = 5;
    QString error;
    QVERIFY(panel->loadJson(j, &error));
    QCOMPARE(spinAt(panel, "devices")->value(), 1);
    QCOMPARE(spinAt(panel, "devices.threads")->value(), 5);
    QCOMPARE(panel->config().devices.front().threads, 5);
    // A list the two boxes cannot express (different threads) is kept until edited.
    j["devices"] = json::parse(R"([{"kind": "cpu", "threads": 1}, {"kind": "cpu", "threads": 2}])");
    QVERIFY(panel->loadJson(j, &error));
    QCOMPARE(panel->toJson()["devices"], j["devices"]);
    spinAt(panel, "devices")->setValue(3);
    QCOMPARE(panel->toJson()["devices"].size(), std::size_t(3));
    QCOMPARE(panel->toJson()["devices"][2]["threads"].get<int>(), 1);
  }

  void invalid_loaded_value_is_marked_at_its_field_and_blocks_fit_data() {
    QTest::addColumn<json>("patch");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("fragment");
    QTest::newRow("cuda device") << json::parse(R"({"devices": [{"kind": "cuda"}]})") << "devices"
                                 << "CUDA devices are not supported";
    QTest::newRow("unknown kind") << json::parse(
                                         R"({"devices": [{"kind": "cpu"}, {"kind": "tpu"}]})")
                                  << "devices"
                                  << "unknown device kind";
    QTest::newRow("empty list") << json::parse(R"({"devices": []})") << "devices"
                                << "the list is empty";
    QTest::newRow("negative device threads")
        << json::parse(R"({"devices": [{"kind": "cpu", "threads": -2}]})") << "devices.threads"
        << "";
    QTest::newRow("stream value") << json::parse(R"({"mode": "gradient", "simulator": null,
        "data": {"fiducial": "f.npy", "derivative": "d.npy", "stream": "sometimes"}})")
                                  << "data.stream"
                                  << "use \"auto\"";
  }

  void invalid_loaded_value_is_marked_at_its_field_and_blocks_fit() {
    QFETCH(json, patch);
    QFETCH(QString, key);
    QFETCH(QString, fragment);
    MainWindow w(gui_test::freshOptions());
    w.show();
    ConfigPanel *panel = w.configPanel();
    QString error;
    QVERIFY(panel->loadJson(examplePatched(w, patch), &error));
    QVERIFY(!panel->isValid());
    QVERIFY2(panel->errorKey().startsWith(key.section('.', 0, 0)), qPrintable(panel->errorKey()));
    QLabel *label = panel->fieldError(key);
    QVERIFY(label);
    QVERIFY2(label->isVisibleTo(panel),
             qPrintable(panel->errorKey() + ": " + panel->errorMessage()));
    QVERIFY2(label->text().contains(fragment), qPrintable(label->text()));
    QVERIFY(panel->field(key)->property("invalid").toBool());
    QVERIFY(!w.fitButton()->isEnabled());
    w.startFit(); // refused
    QVERIFY(!w.fitController()->isRunning());
    if (QTest::currentDataTag() == QLatin1String("cuda device")) {
      gui_test::screenshot(*panel, "config_devices_cuda_refused");
      // The fix the message names: CPU devices from the boxes.
      spinAt(panel, "devices")->setValue(2);
      QVERIFY2(panel->isValid(), qPrintable(panel->errorMessage()));
      QVERIFY(w.fitButton()->isEnabled());
      QCOMPARE(panel->toJson()["devices"][0]["kind"].get<std::string>(), std::string("cpu"));
    }
  }

  void stream_only_in_the_array_modes_and_cuda_greyed() {
    MainWindow w(gui_test::freshOptions());
    w.show();
    ConfigPanel *panel = w.configPanel();
    QWidget *stream = panel->field("data.stream");
    QVERIFY(!stream->isVisibleTo(panel));
    QVERIFY(!panel->toJson().contains("data"));
    auto *mode = qobject_cast<QComboBox *>(panel->field("mode"));
    mode->setCurrentText("gradient");
    QVERIFY(stream->isVisibleTo(panel));
    qobject_cast<QComboBox *>(stream)->setCurrentText("on");
    QCOMPARE(panel->toJson()["data"]["stream"].get<std::string>(), std::string("on"));
    mode->setCurrentText("simulator");
    QVERIFY(!stream->isVisibleTo(panel));
    QVERIFY(!panel->cudaBox()->isEnabled());
    QVERIFY(panel->cudaBox()->toolTip().contains("CUDA"));
    // Each tooltip names the config key it writes.
    const QList<QPair<QString, QString>> named = {
        {"devices", "`devices`"},
        {"devices.threads", "`threads`"},
        {"n_per_device", "`n_per_device`"},
        {"fit.memory_budget_mb", "`fit.memory_budget_mb`"},
        {"data.stream", "`data.stream`"}};
    for (const auto &[key, name] : named)
      QVERIFY2(panel->field(key)->toolTip().contains(name), qPrintable(key));
    QVERIFY(panel->field("devices")->toolTip().contains("reference: Aggregated"));
    QVERIFY(panel->field("n_per_device")->toolTip().contains("n_per_device=…"));
    spinAt(panel, "devices")->setValue(2);
    spinAt(panel, "devices.threads")->setValue(1);
    spinAt(panel, "n_per_device")->setValue(250);
    w.resize(1100, 1400);
    auto *box = panel->findChild<QWidget *>("devicesBox");
    QVERIFY(box);
    gui_test::screenshot(*panel, "config_devices");
  }

  void fit_on_two_devices_reports_the_work_split() {
    MainWindow w(gui_test::freshOptions());
    w.setRunsFolder(tmp_.filePath("runs"));
    w.show();
    ConfigPanel *panel = w.configPanel();
    spinAt(panel, "devices")->setValue(2);
    spinAt(panel, "devices.threads")->setValue(1);
    spinAt(panel, "n_per_device")->setValue(250);
    spinAt(panel, "fit.max_iterations")->setValue(3);
    spinAt(panel, "fit.min_iterations")->setValue(0);
    QVERIFY2(panel->isValid(), qPrintable(panel->errorMessage()));
    QTest::mouseClick(w.fitButton(), Qt::LeftButton);
    QVERIFY2(w.fitController()->isRunning(), qPrintable(w.statusLabel()->text()));
    const QString started = w.statusLabel()->text();
    QVERIFY2(started.contains("work split: 2 device(s)"), qPrintable(started));
    QVERIFY2(started.contains("n_per_device 250, chunks: 4, one pass"), qPrintable(started));
    QVERIFY2(started.contains("cpu (1 thread), cpu (1 thread)"), qPrintable(started));
    QTRY_VERIFY_WITH_TIMEOUT(!w.fitController()->isRunning(), 60000);
    QVERIFY2(w.statusLabel()->text().contains("max_iterations"),
             qPrintable(w.statusLabel()->text()));
    QVERIFY2(w.statusLabel()->text().contains("n_per_device 250, chunks: 4"),
             qPrintable(w.statusLabel()->text()));
    const QString run = w.fitController()->runDirectory();
    const json aggregation = readJson(run + "/result.json")["aggregation"];
    QCOMPARE(aggregation["devices"].size(), std::size_t(2));
    QCOMPARE(aggregation["chunks"].get<int>(), 4);

    imnn::gui::RunBrowser *browser = w.runBrowser();
    QVERIFY(browser->openRun(run));
    const QString reopened = browser->statusLabel()->text();
    QVERIFY2(reopened.contains("work split: 2 device(s)"), qPrintable(reopened));
    QVERIFY2(reopened.contains("n_per_device 250, chunks: 4"), qPrintable(reopened));
    w.tabs()->setCurrentWidget(browser);
    gui_test::screenshot(w, "run_browser_work_split");
  }
};

QTEST_MAIN(TestGuiDevices)
#include "test_gui_devices.moc"

// The app's option fields come from the engine's one description of each option
// (run_config_specs(), lfi::inference_option_specs(); app/gui/option_text.h): every run
// config key has a field, the fields' tooltips, ranges and choices are the table's, a
// key without a field of its own gets a generic row that reads and writes the config,
// and every text of the tables is translated into German and French.
#include "imnn/config.h"
#include "imnn/inference.h"

#include "app_paths.h"
#include "config_panel.h"
#include "gui_test_util.h"
#include "infer_panel.h"
#include "option_text.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QTranslator>
#include <QtTest>

using imnn::OptionSpec;
using imnn::gui::ConfigPanel;
using imnn::gui::MainWindow;

class TestGuiOptions : public QObject {
  Q_OBJECT

  // The keys the program writes itself, which a form does not offer.
  static bool writtenByTheProgram(const std::string &key) {
    return key == "format" || key == "version" || key == "mode_reason";
  }

  static void checkRange(QWidget *w, const OptionSpec &s) {
    auto *spin = qobject_cast<QSpinBox *>(w);
    if (!spin || s.type != imnn::OptionType::integer) return;
    QSpinBox want;
    imnn::gui::applyOptionRange(&want, s);
    QVERIFY2(spin->minimum() == want.minimum(), s.key.c_str());
    // A form may cap a box below the table's maximum (a grid of 2000² cells), not above.
    QVERIFY2(spin->maximum() <= want.maximum(), s.key.c_str());
  }

private slots:
  void initTestCase() { gui_test::isolateSettings(); }

  void option_strings_file_is_current() {
    const QString path = QStringLiteral(IMNN_SOURCE_DIR "/app/gui/option_strings.cpp");
    const std::string want = imnn::gui::optionStringsSource();
    QFile f(path);
    if (qEnvironmentVariableIntValue("IMNN_UPDATE_OPTION_STRINGS") == 1) {
      QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
      f.write(QByteArray::fromStdString(want));
      f.close();
      qInfo("rewrote %s; now run `cmake --build build --target update_translations`",
            qPrintable(path));
    }
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY2(f.readAll().toStdString() == want,
             "app/gui/option_strings.cpp differs from the option tables: run "
             "IMNN_UPDATE_OPTION_STRINGS=1 build/bin/test_gui_options, then update and "
             "translate translations/*.ts");
  }

  void every_config_key_has_a_field_from_the_table() {
    MainWindow w(gui_test::freshOptions());
    ConfigPanel *panel = w.configPanel();
    for (const OptionSpec &s : imnn::run_config_specs()) {
      if (writtenByTheProgram(s.key)) continue;
      const QString key = QString::fromStdString(s.key);
      if (key == QLatin1String("network.options")) {
        // One row per option of the chosen network plugin (test_gui_network).
        QVERIFY(panel->field("network.options.hidden"));
        continue;
      }
      QWidget *f = panel->field(key);
      QVERIFY2(f, qPrintable(key + " has no field"));
      // The tooltip is the table's help in the session's language, with its range,
      // default and reference name (the parameter table shows θ_fid and δθ in one).
      const QString help = imnn::gui::optionText(s.help);
      QVERIFY2(f->toolTip().contains("`" + key + "`: " + help), qPrintable(f->toolTip()));
      if (const QString r = imnn::gui::optionRange(s); !r.isEmpty())
        QVERIFY2(f->toolTip().contains(r), qPrintable(key + ": " + f->toolTip()));
      if (!s.reference.empty())
        QVERIFY2(f->toolTip().contains(QString::fromStdString(s.reference)), qPrintable(key));
      checkRange(f, s);
      if (auto *c = qobject_cast<QComboBox *>(f); c && !s.choices.empty())
        for (const std::string &choice : s.choices)
          QVERIFY2(c->findText(QString::fromStdString(choice)) >= 0,
                   qPrintable(key + ": " + QString::fromStdString(choice)));
    }
  }

  void a_key_without_its_own_field_reads_and_writes_the_config() {
    MainWindow w(gui_test::freshOptions());
    ConfigPanel *panel = w.configPanel();
    QVERIFY(panel->isValid());
    // Not in the file: the default shows and nothing is written.
    auto *best = qobject_cast<QCheckBox *>(panel->field("fit.best"));
    auto *detF = qobject_cast<QLineEdit *>(panel->field("expected_detF"));
    auto *stats = qobject_cast<QLineEdit *>(panel->field("fit.checkpoint_every"));
    auto *isolate = qobject_cast<QCheckBox *>(panel->field("simulator.isolate"));
    QVERIFY(best && detF && stats && isolate);
    const imnn::RunConfig defaults;
    QCOMPARE(best->isChecked(), defaults.fit.best);
    QVERIFY(!panel->toJson()["fit"].contains("checkpoint_every"));
    // Edited: written at its nested key, and the engine reads it.
    best->setChecked(!defaults.fit.best);
    stats->setText("1234");
    isolate->setChecked(true);
    QVERIFY2(panel->isValid(), qPrintable(panel->errorMessage()));
    nlohmann::json j = panel->toJson();
    QCOMPARE(j["fit"]["best"].get<bool>(), !defaults.fit.best);
    QCOMPARE(j["fit"]["checkpoint_every"].get<long long>(), 1234LL);
    QCOMPARE(j["simulator"]["isolate"].get<bool>(), true);
    const imnn::RunConfig c = panel->config();
    QCOMPARE(c.fit.checkpoint_every, static_cast<decltype(c.fit.checkpoint_every)>(1234));
    QVERIFY(c.simulator.isolate);
    // A loaded file's value shows, and survives a save unchanged.
    j["expected_detF"] = 49.5;
    QString error;
    QVERIFY2(panel->loadJson(j, &error), qPrintable(error));
    QCOMPARE(detF->text(), QStringLiteral("49.5"));
    QCOMPARE(stats->text(), QStringLiteral("1234"));
    QCOMPARE(panel->toJson()["expected_detF"].get<double>(), 49.5);
    // Emptied, an option without a default is left out again.
    detF->clear();
    QVERIFY(!panel->toJson().contains("expected_detF"));
    // Wrong input is marked at its field with the engine's or the parser's reason.
    stats->setText("-3");
    QVERIFY(!panel->isValid());
    QCOMPARE(panel->errorKey(), QStringLiteral("fit.checkpoint_every"));
    QVERIFY(panel->fieldError("fit.checkpoint_every")->isVisibleTo(panel));
    stats->setText("many");
    QVERIFY(!panel->isValid());
    QCOMPARE(panel->errorKey(), QStringLiteral("fit.checkpoint_every"));
    stats->setText("0");
    QVERIFY(panel->isValid());
    // Simulator keys do not show for the array modes.
    auto *mode = qobject_cast<QComboBox *>(panel->field("mode"));
    mode->setCurrentText("gradient");
    QVERIFY(!isolate->isVisibleTo(panel));
    mode->setCurrentText("simulator");
    QVERIFY(isolate->isVisibleTo(panel));
    w.show();
    panel->grab().save(QStringLiteral(IMNN_SCREENSHOT_DIR "/config_panel_whole.png"));
  }

  void inference_fields_come_from_the_table() {
    MainWindow w(gui_test::freshOptions());
    imnn::gui::InferPanel *panel = w.inferPanel();
    int checked = 0;
    for (const OptionSpec &s : imnn::lfi::inference_option_specs()) {
      QWidget *f = panel->field(QString::fromStdString(s.key));
      if (!f) continue; // the method box, the target group, ... are not fields
      ++checked;
      const QString head =
          "`" + QString::fromStdString(s.key) + "`: " + imnn::gui::optionText(s.help);
      QVERIFY2(f->toolTip().startsWith(head), qPrintable(head + " | " + f->toolTip()));
      checkRange(f, s);
    }
    QVERIFY2(checked >= 15, qPrintable(QString::number(checked)));
    // The engine refuses a population of 1: the box does not offer it.
    QCOMPARE(qobject_cast<QSpinBox *>(panel->field("n_points"))->minimum(), 2);
  }

  void every_option_text_is_translated_data() {
    QTest::addColumn<QString>("language");
    QTest::newRow("de") << "de";
    QTest::newRow("fr") << "fr";
  }

  void every_option_text_is_translated() {
    QFETCH(QString, language);
    QTranslator t;
    QVERIFY(t.load(QLocale(language), QStringLiteral("imnn_studio"), QStringLiteral("_"),
                   imnn::gui::translationsFolder()));
    QStringList missing;
    for (const std::string &text : imnn::gui::optionTexts())
      if (t.translate("imnn::options", text.c_str()).isEmpty())
        missing << QString::fromStdString(text);
    QVERIFY2(missing.isEmpty(),
             qPrintable(QString::number(missing.size()) + " untranslated: " + missing.join(" | ")));
    // And the tooltip shows it.
    imnn::gui::installTranslator(language);
    const OptionSpec &nS = imnn::run_config_spec("n_s");
    const QString tip = imnn::gui::optionTip(nS);
    QVERIFY2(!tip.contains(QString::fromStdString(nS.help)), qPrintable(tip));
    imnn::gui::installTranslator(QStringLiteral("en"));
  }
};

QTEST_MAIN(TestGuiOptions)
#include "test_gui_options.moc"

// Numbers mean what was typed, in English, German and French sessions: every numeric
// field of the config and infer forms is typed the way that locale's user types it and
// read back from the saved JSON (config) or the inference options; the other decimal
// mark is an error at its field, never another value (Qt reads "0,001" as 1 where the
// comma groups thousands); lists are separated unambiguously; all form errors show at
// once; JSON syntax errors give the line and column.
#include "app_paths.h"
#include "config_panel.h"
#include "gui_test_util.h"
#include "infer_panel.h"
#include "number_format.h"

#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using imnn::gui::ConfigPanel;
using imnn::gui::InferPanel;
using imnn::gui::MainWindow;
using json = nlohmann::json;

namespace {

// A locale's user typing: English writes 0.5 and lists with commas, German and French
// write 0,5 and lists with semicolons or spaces.
QString typed(const QString &lang, const QString &english) {
  if (lang == "en") return english;
  QString t = english;
  t.replace(", ", lang == "de" ? "; " : " ");
  t.replace('.', ',');
  return t;
}

void typeInto(QWidget *w, const QString &text) {
  w->setFocus();
  if (auto *e = qobject_cast<QLineEdit *>(w)) {
    e->selectAll();
    QTest::keyClick(e, Qt::Key_Backspace);
    QTest::keyClicks(e, text);
    QTest::keyClick(e, Qt::Key_Return);
    return;
  }
  auto *s = qobject_cast<QAbstractSpinBox *>(w);
  QVERIFY(s);
  s->selectAll();
  QTest::keyClick(s, Qt::Key_Backspace);
  QTest::keyClicks(s, text);
  QTest::keyClick(s, Qt::Key_Return);
}

struct LocaleScope {
  explicit LocaleScope(const QString &lang) { QLocale::setDefault(QLocale(lang)); }
  ~LocaleScope() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }
};

} // namespace

class TestGuiLocale : public QObject {
  Q_OBJECT
  QTemporaryDir tmp_;

  static void addLanguages(const char *name, const char *key, const char *english,
                           const char *pointer, const json &expected) {
    for (const char *lang : {"en", "de", "fr"})
      QTest::newRow(qPrintable(QStringLiteral("%1 %2").arg(lang, name)))
          << QString(lang) << QString(key) << typed(lang, english) << QString(pointer)
          << QString::fromStdString(expected.dump());
  }

private slots:
  void initTestCase() {
    gui_test::isolateSettings();
    QVERIFY(tmp_.isValid());
  }

  void config_field_round_trip_data() {
    QTest::addColumn<QString>("lang");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<QString>("expected");
    addLanguages("learning rate", "optimiser.learning_rate", "0.001", "/optimiser/learning_rate",
                 0.001);
    addLanguages("lambda", "fit.lambda", "7.5", "/fit/lambda", 7.5);
    addLanguages("epsilon", "fit.epsilon", "0.05", "/fit/epsilon", 0.05);
    addLanguages("memory budget", "fit.memory_budget_mb", "512.5", "/fit/memory_budget_mb", 512.5);
    addLanguages("seed", "seed", "42", "/seed", 42);
    addLanguages("hidden widths", "network.options.hidden", "64, 32", "/network/options/hidden",
                 json::array({64, 32}));
    addLanguages("n_s", "n_s", "2000", "/n_s", 2000);
    addLanguages("n_d", "n_d", "400", "/n_d", 400);
    addLanguages("n_summaries", "n_summaries", "3", "/n_summaries", 3);
    addLanguages("patience", "fit.patience", "77", "/fit/patience", 77);
    addLanguages("min iterations", "fit.min_iterations", "150", "/fit/min_iterations", 150);
    addLanguages("max iterations", "fit.max_iterations", "5000", "/fit/max_iterations", 5000);
    addLanguages("devices", "devices", "2", "/devices/1/kind", "cpu");
    addLanguages("threads", "devices.threads", "1", "/threads", 1);
    addLanguages("n_per_device", "n_per_device", "300", "/n_per_device", 300);
  }

  // Typed in the field, saved, read back from the file.
  void config_field_round_trip() {
    QFETCH(QString, lang);
    QFETCH(QString, key);
    QFETCH(QString, text);
    QFETCH(QString, pointer);
    QFETCH(QString, expected);
    LocaleScope scope(lang);
    MainWindow w(gui_test::freshOptions());
    w.show();
    ConfigPanel *panel = w.configPanel();
    typeInto(panel->field(key), text);
    QVERIFY2(panel->isValid(), qPrintable(panel->errorKey() + ": " + panel->errorMessage()));
    const QString file = tmp_.filePath("config_" + lang + ".json");
    QString error;
    QVERIFY2(panel->saveFile(file, &error), qPrintable(error));
    const json saved = gui_test::readJson(file);
    const json want = json::parse(expected.toStdString());
    const json got = saved.at(json::json_pointer(pointer.toStdString()));
    if (want.is_number_float())
      QVERIFY2(got.is_number() && got.get<double>() == want.get<double>(),
               qPrintable(QString::fromStdString(got.dump())));
    else
      QCOMPARE(QString::fromStdString(got.dump()), QString::fromStdString(want.dump()));
  }

  void parameter_table_round_trip_data() {
    QTest::addColumn<QString>("lang");
    for (const char *lang : {"en", "de", "fr"})
      QTest::newRow(lang) << QString(lang);
  }

  // θ_fid and δθ cells: typed with the locale's mark, shown with it after a reload.
  void parameter_table_round_trip() {
    QFETCH(QString, lang);
    LocaleScope scope(lang);
    MainWindow w(gui_test::freshOptions());
    ConfigPanel *panel = w.configPanel();
    auto *table = qobject_cast<QTableWidget *>(panel->field("theta_fid"));
    QVERIFY(table && table->rowCount() == 2);
    table->item(0, 1)->setText(typed(lang, "0.25"));
    table->item(1, 2)->setText(typed(lang, "0.125"));
    QVERIFY2(panel->isValid(), qPrintable(panel->errorMessage()));
    const json j = panel->toJson();
    QCOMPARE(j["theta_fid"][0].get<double>(), 0.25);
    QCOMPARE(j["delta_theta"][1].get<double>(), 0.125);
    // The saved values come back in the locale's notation.
    QString error;
    QVERIFY(panel->loadJson(j, &error));
    QCOMPARE(table->item(0, 1)->text(), typed(lang, "0.25"));
    auto *lr = qobject_cast<QLineEdit *>(panel->field("optimiser.learning_rate"));
    QCOMPARE(lr->text(), typed(lang, "0.001"));
    auto *hidden = qobject_cast<QLineEdit *>(panel->field("network.options.hidden"));
    QCOMPARE(hidden->text(),
             lang == "en" ? QStringLiteral("128, 128, 128") : QStringLiteral("128; 128; 128"));
  }

  void the_other_decimal_mark_is_an_error_at_its_field_data() {
    QTest::addColumn<QString>("lang");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("suggestion");
    QTest::newRow("en, a decimal comma") << "en"
                                         << "0,001"
                                         << "0.001";
    QTest::newRow("de, a decimal point") << "de"
                                         << "0.001"
                                         << "0,001";
    QTest::newRow("fr, a decimal point") << "fr"
                                         << "0.001"
                                         << "0,001";
    QTest::newRow("de, thousands") << "de"
                                   << "1.000"
                                   << "1";
    QTest::newRow("en, half typed") << "en"
                                    << "0.001x"
                                    << "";
  }

  // The bug: a German session saved "0,001" as 1.0. Never a reinterpreted number: the
  // field is marked, the message says what to type, and the saved JSON holds no number.
  void the_other_decimal_mark_is_an_error_at_its_field() {
    QFETCH(QString, lang);
    QFETCH(QString, text);
    QFETCH(QString, suggestion);
    LocaleScope scope(lang);
    MainWindow w(gui_test::freshOptions());
    w.show();
    ConfigPanel *panel = w.configPanel();
    typeInto(panel->field("optimiser.learning_rate"), text);
    QVERIFY(!panel->isValid());
    QCOMPARE(panel->errorKey(), QStringLiteral("optimiser.learning_rate"));
    QLabel *label = panel->fieldError("optimiser.learning_rate");
    QVERIFY(label->isVisibleTo(panel));
    QVERIFY2(label->text().contains(text), qPrintable(label->text()));
    if (!suggestion.isEmpty())
      QVERIFY2(label->text().contains("type " + suggestion), qPrintable(label->text()));
    QVERIFY(panel->field("optimiser.learning_rate")->property("invalid").toBool());
    QVERIFY(!w.fitButton()->isEnabled());
    QVERIFY(!panel->toJson()["optimiser"]["learning_rate"].is_number());
  }

  void lists_are_separated_unambiguously() {
    {
      LocaleScope scope("de");
      MainWindow w(gui_test::freshOptions());
      ConfigPanel *panel = w.configPanel();
      auto *hidden = qobject_cast<QLineEdit *>(panel->field("network.options.hidden"));
      hidden->setText("64, 32"); // a comma is the decimal mark here: which was meant?
      QVERIFY(!panel->isValid());
      QVERIFY2(panel->fieldError("network.options.hidden")->text().contains("';'"),
               qPrintable(panel->fieldError("network.options.hidden")->text()));
      hidden->setText("64 32");
      QVERIFY(panel->isValid());
      QCOMPARE(QString::fromStdString(panel->toJson()["network"]["options"]["hidden"].dump()),
               QStringLiteral("[64,32]"));
    }
    {
      LocaleScope scope("en");
      const auto v = imnn::gui::numbers::parseList("0.5, 1;2 3");
      QVERIFY(v);
      QCOMPARE(*v, (std::vector<double>{0.5, 1, 2, 3}));
      QCOMPARE(imnn::gui::numbers::formatList({0.5, 1}), QStringLiteral("0.5, 1"));
    }
    {
      LocaleScope scope("fr");
      QCOMPARE(imnn::gui::numbers::formatList({0.5, 1}), QStringLiteral("0,5; 1"));
      QVERIFY(!imnn::gui::numbers::parseList("0,5, 1"));
      QCOMPARE(*imnn::gui::numbers::parseList("0,5; 1"), (std::vector<double>{0.5, 1}));
      QCOMPARE(*imnn::gui::numbers::parse("1e-3"), 0.001);
      QCOMPARE(*imnn::gui::numbers::parse("1E-3"), 0.001);
      QVERIFY(!imnn::gui::numbers::parse("inf"));
      QCOMPARE(imnn::gui::numbers::format(12345.5), QStringLiteral("12345,5")); // no grouping
    }
  }

  void infer_options_round_trip_data() {
    QTest::addColumn<QString>("lang");
    for (const char *lang : {"en", "de", "fr"})
      QTest::newRow(lang) << QString(lang);
  }

  // Every numeric field of the Infer tab, typed as the locale's user types it.
  void infer_options_round_trip() {
    QFETCH(QString, lang);
    LocaleScope scope(lang);
    MainWindow w(gui_test::freshOptions());
    w.show();
    InferPanel *panel = w.inferPanel();
    panel->setSimulatedTarget(true);
    typeInto(panel->field("target_theta"), typed(lang, "0.2, 1.1"));
    typeInto(panel->field("target_seed"), "7");
    typeInto(panel->field("prior_low"), typed(lang, "-1.5, 0.25"));
    typeInto(panel->field("prior_high"), typed(lang, "1.5, 2.75"));
    typeInto(panel->field("gridsize"), "60");
    typeInto(panel->field("smoothing"), typed(lang, "1.5"));
    typeInto(panel->field("seed"), "9");
    typeInto(panel->field("threads"), "1");
    panel->setMethod("abc");
    typeInto(panel->field("epsilon"), typed(lang, "0.75"));
    typeInto(panel->field("n_samples"), "2500");
    typeInto(panel->field("min_accepted"), "100");
    typeInto(panel->field("max_iterations"), "12");
    imnn::lfi::InferenceOptions o = panel->options();
    QCOMPARE(o.target_theta, (std::vector<double>{0.2, 1.1}));
    QCOMPARE(o.target_seed, 7LL);
    QCOMPARE(o.prior_low, (std::vector<double>{-1.5, 0.25}));
    QCOMPARE(o.prior_high, (std::vector<double>{1.5, 2.75}));
    QCOMPARE(o.gridsize, (std::vector<long long>{60}));
    QCOMPARE(o.smoothing, 1.5);
    QCOMPARE(o.seed, 9LL);
    QCOMPARE(o.threads, 1);
    QCOMPARE(o.epsilon, 0.75);
    QCOMPARE(o.n_samples, 2500LL);
    QCOMPARE(o.min_accepted, 100LL);
    QCOMPARE(o.max_iterations, 12);
    panel->setMethod("pmc");
    typeInto(panel->field("n_points"), "800");
    typeInto(panel->field("n_initial_points"), "4000");
    typeInto(panel->field("percentile"), typed(lang, "62.5"));
    typeInto(panel->field("acceptance_ratio"), typed(lang, "0.05"));
    typeInto(panel->field("max_iteration"), "40");
    typeInto(panel->field("max_acceptance"), "3");
    o = panel->options();
    QCOMPARE(o.n_points, 800LL);
    QCOMPARE(o.n_initial_points, 4000LL);
    QCOMPARE(o.percentile, 62.5);
    QCOMPARE(o.acceptance_ratio, 0.05);
    QCOMPARE(o.max_iteration, 40);
    QCOMPARE(o.max_acceptance, 3LL);
    panel->setMethod("ga");
    typeInto(panel->field("n_samples_ga"), "3000");
    QCOMPARE(panel->options().n_samples, 3000LL);
  }

  void infer_rejects_the_other_decimal_mark() {
    LocaleScope scope("de");
    MainWindow w(gui_test::freshOptions());
    InferPanel *panel = w.inferPanel();
    panel->setSimulatedTarget(true);
    qobject_cast<QLineEdit *>(panel->field("target_theta"))->setText("0,2; 1,1");
    panel->setMethod("pmc");
    qobject_cast<QLineEdit *>(panel->field("acceptance_ratio"))->setText("0.1");
    try {
      (void)panel->options();
      QFAIL("0.1 in a German session was accepted");
    } catch (const imnn::lfi::InferenceError &e) {
      QCOMPARE(QString::fromStdString(e.option()), QStringLiteral("acceptance_ratio"));
      QVERIFY2(QString::fromStdString(e.what()).contains("0,1"), e.what());
    }
  }

  // Two wrong fields: both marked at once, each with its reason.
  void all_form_errors_show_at_once() {
    MainWindow w(gui_test::freshOptions());
    w.show();
    ConfigPanel *panel = w.configPanel();
    qobject_cast<QLineEdit *>(panel->field("fit.lambda"))->setText("ten");
    qobject_cast<QSpinBox *>(panel->field("n_d"))->setValue(2000);
    qobject_cast<QLineEdit *>(panel->field("fit.epsilon"))->setText("-1");
    const QStringList keys = panel->errorKeys();
    QVERIFY2(keys.contains("fit.lambda") && keys.contains("n_d") && keys.contains("fit.epsilon"),
             qPrintable(keys.join(", ")));
    for (const char *k : {"fit.lambda", "n_d", "fit.epsilon"}) {
      QVERIFY2(panel->fieldError(k)->isVisibleTo(panel), k);
      QVERIFY2(!panel->fieldError(k)->text().isEmpty(), k);
      QVERIFY(panel->field(k)->property("invalid").toBool());
    }
    QVERIFY(panel->fieldError("n_d")->text().contains("must not exceed n_s"));
    gui_test::screenshot(w, "config_errors_at_once");
    qobject_cast<QLineEdit *>(panel->field("fit.lambda"))->setText("10");
    qobject_cast<QSpinBox *>(panel->field("n_d"))->setValue(500);
    qobject_cast<QLineEdit *>(panel->field("fit.epsilon"))->setText("0.1");
    QVERIFY2(panel->isValid(), qPrintable(panel->errorMessage()));
    QVERIFY(panel->errorKeys().isEmpty());
  }

  void json_syntax_errors_give_line_and_column() {
    MainWindow w(gui_test::freshOptions());
    ConfigPanel *panel = w.configPanel();
    auto *options = qobject_cast<QLineEdit *>(panel->field("simulator.options"));
    options->setText("{\"n_data\":10");
    QVERIFY(!panel->isValid());
    const QString message = panel->fieldError("simulator.options")->text();
    QVERIFY2(message.contains("line 1, column") && message.contains("closing } is missing"),
             qPrintable(message));
    QVERIFY2(!message.contains("got a string"), qPrintable(message));
    options->setText("{\"n_data\": 10}");
    QVERIFY2(panel->isValid(), qPrintable(panel->errorMessage()));

    const QString file = tmp_.filePath("broken.json");
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{\n  \"name\": \"x\",\n  \"n_s\": 10,,\n}\n");
    f.close();
    QString error;
    QVERIFY(!panel->loadFile(file, &error));
    QVERIFY2(error.contains("line 3, column"), qPrintable(error));
  }

  // The expected det F line reads the locale's decimal mark too.
  void expected_det_f_follows_the_locale() {
    LocaleScope scope("de");
    MainWindow w(gui_test::freshOptions());
    auto *edit = w.findChild<QLineEdit *>(QStringLiteral("expectedDetF"));
    QVERIFY(edit);
    edit->setText("49,5");
    QVERIFY(!edit->property("invalid").toBool());
    edit->setText("49.5");
    QVERIFY(edit->property("invalid").toBool());
  }
};

QTEST_MAIN(TestGuiLocale)
#include "test_gui_locale.moc"

// The configuration panel and the window around it: invalid input is marked at its
// field with the engine's reason and blocks Fit; the JSON saved is the CLI's; a
// missing plugin folder is reported in the plugins dialog, not fatal; tooltips name
// the reference parameter; shortcuts; no display gives the headless command.
#include "imnn/config.h"
#include "imnn/plugins.h"

#include "app_paths.h"
#include "config_panel.h"
#include "fit_controller.h"
#include "gui_test_util.h"
#include "plugins_dialog.h"
#include "work_split.h"

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QXmlStreamReader>
#include <QtTest>

using imnn::gui::ConfigPanel;
using imnn::gui::MainWindow;

class TestGuiConfig : public QObject {
  Q_OBJECT
  QTemporaryDir tmp_;

  static void expectErrorAt(MainWindow &w, const QString &key, const QString &fragment) {
    ConfigPanel *panel = w.configPanel();
    QVERIFY(!panel->isValid());
    // The engine's key may be more precise ("network.options.hidden[1]").
    QVERIFY2(panel->errorKey().startsWith(key), qPrintable(panel->errorKey()));
    QLabel *label = panel->fieldError(key);
    QVERIFY(label);
    QVERIFY2(label->isVisibleTo(panel), qPrintable(key));
    QVERIFY2(label->text().contains(fragment), qPrintable(label->text()));
    QVERIFY(panel->field(key)->property("invalid").toBool());
    QVERIFY(!w.fitButton()->isEnabled());
    QVERIFY2(w.fitButton()->toolTip().contains(key), qPrintable(w.fitButton()->toolTip()));
  }

private slots:
  void initTestCase() { gui_test::isolateSettings(); }

  void n_d_above_n_s_blocks_fit_with_the_reason_at_the_field() {
    MainWindow w(gui_test::freshOptions());
    w.show();
    QVERIFY(w.fitButton()->isEnabled());
    auto *nD = qobject_cast<QSpinBox *>(w.configPanel()->field("n_d"));
    nD->setValue(2000);
    expectErrorAt(w, "n_d", "must not exceed n_s");
    gui_test::screenshot(w, "config_invalid_n_d");
    w.startFit(); // refused, no run written
    QVERIFY(!w.fitController()->isRunning());
    nD->setValue(500);
    QVERIFY(w.configPanel()->isValid());
    QVERIFY(!w.configPanel()->fieldError("n_d")->isVisibleTo(w.configPanel()));
    QVERIFY(!w.configPanel()->field("n_d")->property("invalid").toBool());
    QVERIFY(w.fitButton()->isEnabled());
  }

  void wrong_values_are_marked_where_they_were_typed() {
    MainWindow w(gui_test::freshOptions());
    auto *lambda = qobject_cast<QLineEdit *>(w.configPanel()->field("fit.lambda"));
    lambda->setText("ten");
    expectErrorAt(w, "fit.lambda", "number");
    lambda->setText("10");
    auto *hidden = qobject_cast<QLineEdit *>(w.configPanel()->field("network.options.hidden"));
    hidden->setText("128, wide");
    expectErrorAt(w, "network.options.hidden", "integer");
    hidden->setText("64, 64");
    QVERIFY2(w.configPanel()->isValid(), qPrintable(w.configPanel()->errorMessage()));
    auto *lr = qobject_cast<QLineEdit *>(w.configPanel()->field("optimiser.learning_rate"));
    lr->setText("-1");
    expectErrorAt(w, "optimiser.learning_rate", "");
  }

  void saved_config_is_the_clis_and_loads_back() {
    MainWindow w(gui_test::freshOptions());
    ConfigPanel *panel = w.configPanel();
    qobject_cast<QSpinBox *>(panel->field("n_s"))->setValue(600);
    qobject_cast<QSpinBox *>(panel->field("n_d"))->setValue(300);
    qobject_cast<QLineEdit *>(panel->field("fit.epsilon"))->setText("0.05");
    const QString file = tmp_.filePath("saved.json");
    QString error;
    QVERIFY2(panel->saveFile(file, &error), qPrintable(error));
    const imnn::RunConfig c = imnn::RunConfig::load(file.toStdString()); // as `imnn fit` does
    QCOMPARE(c.n_s, 600);
    QCOMPARE(c.n_d, 300);
    QCOMPARE(c.fit.epsilon, 0.05);
    QCOMPARE(c.fit.n_validation, 3000); // a key without a field survives
    QCOMPARE(c.network.options["hidden"].size(), std::size_t(3));

    MainWindow other(gui_test::freshOptions());
    QVERIFY2(other.configPanel()->loadFile(file, &error), qPrintable(error));
    QCOMPARE(other.configPanel()->toJson(), panel->toJson());
  }

  void missing_plugin_folder_is_reported_not_fatal() {
    imnn::gui::MainWindowOptions o = gui_test::freshOptions();
    o.pluginDirs = {tmp_.filePath("no-such-plugins")};
    MainWindow w(o);
    w.show();
    QVERIFY2(w.configPanel()->isValid(), qPrintable(w.configPanel()->errorMessage()));
    imnn::gui::PluginsDialog dialog(w.registry());
    dialog.show();
    const QString text = dialog.text();
    QVERIFY2(text.contains(tmp_.filePath("no-such-plugins") + ": folder does not exist"),
             qPrintable(text));
    QVERIFY2(text.contains("gaussian_mean_variance"), qPrintable(text));
    QVERIFY2(text.contains("mlp"), qPrintable(text));
    // No placeholder shown as if it were data.
    QVERIFY2(!text.contains("file or folder: reason"), qPrintable(text));
    // Full descriptions: the tree wraps long texts instead of eliding them, and the
    // selected plugin's whole descriptor shows below it, wrapped.
    QVERIFY(dialog.tree()->wordWrap());
    QCOMPARE(dialog.tree()->textElideMode(), Qt::ElideNone);
    const imnn::SimulatorInfo *sim = w.registry().find_simulator("gaussian_mean_variance");
    QVERIFY(sim);
    const QString description = QString::fromStdString(sim->description);
    QVERIFY(description.size() > 80); // long enough to need wrapping
    QVERIFY2(dialog.details()->toPlainText().simplified().contains(description.simplified()),
             qPrintable(dialog.details()->toPlainText()));
    QCOMPARE(dialog.details()->lineWrapMode(), QTextEdit::WidgetWidth);
    gui_test::screenshot(dialog, "plugins_dialog");
  }

  void every_option_has_a_tooltip_naming_the_reference() {
    MainWindow w(gui_test::freshOptions());
    for (const char *key :
         {"n_s", "n_d", "n_summaries", "theta_fid", "fit.lambda", "fit.epsilon", "fit.patience",
          "fit.min_iterations", "fit.max_iterations", "optimiser", "optimiser.learning_rate",
          "seed", "mode", "simulator.plugin", "network.plugin", "network.options.hidden",
          "network.options.activation", "threads"}) {
      QWidget *f = w.configPanel()->field(key);
      QVERIFY2(f, key);
      QVERIFY2(f->toolTip().contains("reference"), key);
      QVERIFY2(f->toolTip().contains(QString("`%1").arg(key).section('.', 0, 0)), key);
    }
  }

  void shortcuts_for_fit_stop_open() {
    MainWindow w(gui_test::freshOptions());
    QStringList found;
    for (QAction *a : w.findChildren<QAction *>())
      if (!a->shortcut().isEmpty()) found << a->text().remove('&') + "=" + a->shortcut().toString();
    QVERIFY2(found.contains("Fit=Ctrl+R"), qPrintable(found.join(", ")));
    QVERIFY2(found.contains("Stop=Ctrl+."), qPrintable(found.join(", ")));
    QVERIFY2(found.contains("Open config…=Ctrl+O"), qPrintable(found.join(", ")));
  }

  void unreadable_config_is_reported_and_the_example_shown() {
    const QString file = tmp_.filePath("broken.json");
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{\"name\": ");
    f.close();
    imnn::gui::MainWindowOptions o = gui_test::freshOptions();
    o.configFile = file;
    MainWindow w(o);
    QVERIFY2(w.statusLabel()->text().contains("broken.json is not valid JSON"),
             qPrintable(w.statusLabel()->text()));
    QCOMPARE(QString::fromStdString(w.configPanel()->toJson()["name"].get<std::string>()),
             QStringLiteral("gaussian_mean_variance"));
    QVERIFY(w.fitButton()->isEnabled());
  }

  void last_config_and_runs_folder_are_remembered() {
    imnn::gui::MainWindowOptions o; // restoreLast: as a user starts the app
    {
      MainWindow first(o);
      qobject_cast<QSpinBox *>(first.configPanel()->field("n_s"))
          ->setValue(700); // now n_d (1000) > n_s: restored as it was, marked
      first.setRunsFolder(tmp_.filePath("my-runs"));
      QVERIFY(first.close());
    }
    MainWindow second(o);
    QCOMPARE(qobject_cast<QSpinBox *>(second.configPanel()->field("n_s"))->value(), 700);
    QCOMPARE(second.configPanel()->errorKey(), QStringLiteral("n_d"));
    QCOMPARE(second.runsFolder(), tmp_.filePath("my-runs"));
    MainWindow fresh(gui_test::freshOptions());
    QCOMPARE(qobject_cast<QSpinBox *>(fresh.configPanel()->field("n_s"))->value(), 1000);
    QSettings().clear();
  }

  void translations_are_complete_and_keep_placeholders() {
    for (const char *lang : {"de", "fr"}) {
      QFile f(QStringLiteral(IMNN_SOURCE_DIR "/translations/imnn_studio_%1.ts").arg(lang));
      QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(f.fileName()));
      QXmlStreamReader xml(&f);
      int messages = 0;
      QString source;
      static const QRegularExpression placeholder(QStringLiteral("%[0-9vm]"));
      auto placeholders = [](const QString &s) {
        QStringList out;
        for (auto it = placeholder.globalMatch(s); it.hasNext();)
          out << it.next().captured();
        out.sort();
        return out;
      };
      while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement) continue;
        if (xml.name() == QLatin1String("source")) source = xml.readElementText();
        if (xml.name() == QLatin1String("translation")) {
          ++messages;
          const bool unfinished = xml.attributes().value("type") == QLatin1String("unfinished");
          const QString text = xml.readElementText();
          QVERIFY2(!unfinished && !text.isEmpty(), qPrintable(lang + (": " + source)));
          QVERIFY2(placeholders(text) == placeholders(source),
                   qPrintable(lang + (": " + source + " -> " + text)));
        }
      }
      QVERIFY(!xml.hasError());
      QVERIFY2(messages > 150, qPrintable(QString::number(messages)));
    }
  }

  void german_is_shown_when_chosen() {
    QCOMPARE(imnn::gui::installTranslator("de"), QStringLiteral("de_DE"));
    // The language sets the number locale, without thousands grouping anywhere.
    QCOMPARE(QLocale().decimalPoint(), QStringLiteral(","));
    QCOMPARE(QLocale().toString(3455), QStringLiteral("3455"));
    QVERIFY2(imnn::gui::stopReasonText("cancelled", 3455).contains("3455"),
             qPrintable(imnn::gui::stopReasonText("cancelled", 3455)));
    {
      MainWindow w(gui_test::freshOptions());
      QCOMPARE(w.fitButton()->text(), QStringLiteral("Anpassen"));
      // Engine messages at a field: the fixed parts in German, the values kept.
      qobject_cast<QSpinBox *>(w.configPanel()->field("n_d"))->setValue(2000);
      const QString nd = w.configPanel()->fieldError("n_d")->text();
      QVERIFY2(nd.contains("darf") && nd.contains("2000") && nd.contains("n_s (1000)"),
               qPrintable(nd));
      qobject_cast<QSpinBox *>(w.configPanel()->field("n_d"))->setValue(500);
      w.show();
      gui_test::screenshot(w, "german");
    }
    QCOMPARE(imnn::gui::installTranslator("en"), QString()); // back to the source strings
    MainWindow w(gui_test::freshOptions());
    QCOMPARE(w.fitButton()->text(), QStringLiteral("Fit"));
  }

  void no_display_says_how_to_run_headless() {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *v : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
      env.remove(v);
    p.setProcessEnvironment(env);
    p.start(IMNN_STUDIO_PATH, {});
    QVERIFY(p.waitForFinished(20000));
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QVERIFY(p.exitCode() != 0);
    const QString err = QString::fromUtf8(p.readAllStandardError());
    QVERIFY2(err.contains("imnn fit resources/examples/gaussian_mean_variance.json"),
             qPrintable(err));
  }
};

QTEST_MAIN(TestGuiConfig)
#include "test_gui_config.moc"

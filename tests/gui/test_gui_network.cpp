// The network box builds its fields from the network plugin's own description
// (options_help and resolved defaults): mlp and cnn are configured without GUI code,
// numbers and lists follow the session's locale rule, and a bad option is an error at
// its field with the plugin's message.
#include "config_panel.h"
#include "gui_test_util.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QtTest>

using imnn::gui::ConfigPanel;
using imnn::gui::MainWindow;

class TestGuiNetwork : public QObject {
  Q_OBJECT

private slots:
  void initTestCase() { gui_test::isolateSettings(); }

  void switching_plugins_rebuilds_the_fields_from_the_plugin() {
    MainWindow w(gui_test::freshOptions());
    w.show();
    ConfigPanel *panel = w.configPanel();
    // mlp: its options, with the example's values; output_size is n_summaries' business.
    QVERIFY(qobject_cast<QLineEdit *>(panel->field("network.options.hidden")));
    QVERIFY(qobject_cast<QComboBox *>(panel->field("network.options.activation")));
    QVERIFY(panel->field("network.options.negative_slope"));
    QVERIFY(!panel->field("network.options.output_size"));
    QVERIFY(!panel->field("network.options.filters"));

    auto *plugin = qobject_cast<QComboBox *>(panel->field("network.plugin"));
    plugin->setCurrentText("cnn");
    QVERIFY(qobject_cast<QLineEdit *>(panel->field("network.options.hidden"))); // cnn's head
    auto *filters = qobject_cast<QLineEdit *>(panel->field("network.options.filters"));
    QVERIFY(filters);
    QCOMPARE(filters->text(), QStringLiteral("16, 32")); // the plugin's default
    auto *pool = qobject_cast<QComboBox *>(panel->field("network.options.pool"));
    QVERIFY(pool);
    QStringList items;
    for (int i = 0; i < pool->count(); ++i)
      items << pool->itemText(i);
    QCOMPARE(items, (QStringList{"max", "average", "none"})); // read from options_help
    QVERIFY(panel->field("network.options.pool")->toolTip().contains("max, average or none"));
    // Choices added to the plugin reach the form without GUI code: circular padding and
    // the blocks' own activation (square for band powers).
    auto *padding = qobject_cast<QComboBox *>(panel->field("network.options.padding"));
    QVERIFY(padding && padding->findText("circular") >= 0);
    auto *block = qobject_cast<QComboBox *>(panel->field("network.options.block_activation"));
    QVERIFY(block && block->findText("square") >= 0);
    QVERIFY2(panel->isValid(), qPrintable(panel->errorMessage()));
    // Only what differs from the plugin's defaults is written.
    nlohmann::json options = panel->toJson()["network"]["options"];
    QVERIFY2(options.empty(), options.dump().c_str());
    filters->setText("8, 16, 4");
    pool->setCurrentText("none");
    options = panel->toJson()["network"]["options"];
    QCOMPARE(QString::fromStdString(options.dump()),
             QStringLiteral(R"({"filters":[8,16,4],"pool":"none"})"));
    QVERIFY2(panel->isValid(), qPrintable(panel->errorMessage()));
    gui_test::screenshot(w, "config_network_cnn");

    // The plugin's own check, at the field: a kernel larger than the unpadded input.
    qobject_cast<QComboBox *>(panel->field("network.options.padding"))->setCurrentText("valid");
    qobject_cast<QLineEdit *>(panel->field("network.options.kernel"))->setText("12");
    QVERIFY(!panel->isValid());
    QLabel *error = panel->fieldError("network.options.kernel");
    QVERIFY(error && error->isVisibleTo(panel));
    QVERIFY2(error->text().contains("larger than the unpadded input image"),
             qPrintable(error->text()));
    // A list that does not parse is marked at its field.
    filters->setText("8, x");
    QVERIFY(panel->errorKeys().contains("network.options.filters"));

    // Back to mlp: its fields again, the cnn's gone.
    plugin->setCurrentText("mlp");
    QVERIFY(panel->field("network.options.hidden"));
    QVERIFY(!panel->field("network.options.filters"));
    QVERIFY2(panel->isValid(), qPrintable(panel->errorMessage()));
  }
};

QTEST_MAIN(TestGuiNetwork)
#include "test_gui_network.moc"

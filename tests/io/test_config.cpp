// Config parsing: every error names the key and the fix; the resolved config
// round-trips; plugin-dependent checks name what is available.
#include "imnn/config.h"
#include "imnn/error.h"
#include "imnn/json_reader.h"
#include "imnn/plugins.h"

#include <QtTest>
#include <fstream>

using nlohmann::json;

class TestConfig : public QObject {
  Q_OBJECT

  static json example() {
    std::ifstream in(IMNN_SOURCE_DIR "/resources/examples/gaussian_mean_variance.json");
    return json::parse(in);
  }

private slots:
  void example_parses() {
    const auto c = imnn::RunConfig::from_json(example());
    QCOMPARE(c.n_s, imnn::Index(1000));
    QCOMPARE(c.n_d, imnn::Index(1000));
    QCOMPARE(c.fit.patience, 250);
    QCOMPARE(c.fit.min_iterations, 3000);
    QCOMPARE(c.fit.max_iterations, 5000);
    QCOMPARE(c.simulator.plugin, std::string("gaussian_mean_variance"));
    QCOMPARE(c.optimiser.at("name").get<std::string>(), std::string("adam"));
    QCOMPARE(c.optimiser.at("learning_rate").get<double>(), 1e-3);
    // The analytic det F of the example, recorded for the desktop app's line.
    QCOMPARE(c.expected_detF, 50.0);
    QCOMPARE(c.to_json().at("expected_detF").get<double>(), 50.0);
    // Optional: absent means unknown, and is not written back.
    QVERIFY(!imnn::RunConfig::from_json({{"simulator", "gaussian_mean_variance"}})
                 .to_json()
                 .contains("expected_detF"));
  }

  void defaults_are_filled() {
    const auto c = imnn::RunConfig::from_json({{"simulator", "gaussian_mean_variance"}});
    const json j = c.to_json();
    // Every default is written out.
    for (const char *k : {"n_s", "n_d", "mode", "optimiser", "fit", "seed", "network"})
      QVERIFY2(j.contains(k), k);
    for (const char *k : {"lambda", "epsilon", "patience", "min_iterations", "max_iterations",
                          "best", "validation", "n_validation"})
      QVERIFY2(j.at("fit").contains(k), k);
    QCOMPARE(j.at("fit").at("patience").get<int>(), 100); // the reference's code default
    QCOMPARE(j.at("fit").at("checkpoint_every").get<int>(), 100);
    QCOMPARE(j.at("optimiser").at("beta2").get<double>(), 0.999);
    QCOMPARE(j.at("network").at("plugin").get<std::string>(), std::string("mlp"));
  }

  void round_trip() {
    const auto c = imnn::RunConfig::from_json(example());
    const auto again = imnn::RunConfig::from_json(c.to_json());
    QCOMPARE(again.to_json().dump(), c.to_json().dump());
  }

  void errors_data() {
    QTest::addColumn<QString>("patch"); // JSON merged into the example
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown key") << R"({"n_sims": 5})"
                                 << "n_sims"
                                 << "unknown key";
    QTest::newRow("unknown fit key") << R"({"fit": {"patiance": 5}})"
                                     << "fit.patiance"
                                     << "unknown key";
    QTest::newRow("n_s wrong type") << R"({"n_s": "1000"})"
                                    << "n_s"
                                    << "expected an integer";
    QTest::newRow("n_s fractional") << R"({"n_s": 10.5})"
                                    << "n_s"
                                    << "expected an integer";
    QTest::newRow("n_d > n_s") << R"({"n_s": 100, "n_d": 200})"
                               << "n_d"
                               << "must not exceed n_s";
    QTest::newRow("patience zero") << R"({"fit": {"patience": 0}})"
                                   << "fit.patience"
                                   << "must be between 1";
    QTest::newRow("best wrong type") << R"({"fit": {"best": 1}})"
                                     << "fit.best"
                                     << "expected true or false";
    QTest::newRow("lambda negative") << R"({"fit": {"lambda": -1}})"
                                     << "fit.lambda"
                                     << "must be > 0";
    QTest::newRow("epsilon domain") << R"({"fit": {"epsilon": 0.5}})"
                                    << "fit.epsilon"
                                    << "";
    QTest::newRow("mode unknown") << R"({"mode": "magic"})"
                                  << "mode"
                                  << "unknown fitting mode";
    QTest::newRow("optimiser name") << R"({"optimiser": {"name": "adamw"}})"
                                    << "optimiser.name"
                                    << "adam";
    QTest::newRow("optimiser lr") << R"({"optimiser": {"learning_rate": -0.1}})"
                                  << "optimiser.learning_rate"
                                  << "";
    QTest::newRow("theta_fid type") << R"({"theta_fid": [0, "one"]})"
                                    << "theta_fid[1]"
                                    << "expected a finite number";
    QTest::newRow("delta_theta zero") << R"({"delta_theta": [0.1, 0]})"
                                      << "delta_theta[1]"
                                      << "must be > 0";
    QTest::newRow("simulator missing") << R"({"simulator": {"plugin": ""}})"
                                       << "simulator.plugin"
                                       << "no simulator plugin given";
    QTest::newRow("simulator option type") << R"({"simulator": {"plugin": "x", "options": 3}})"
                                           << "simulator.options"
                                           << "expected an object";
    QTest::newRow("checkpoint_every negative") << R"({"fit": {"checkpoint_every": -1}})"
                                               << "fit.checkpoint_every"
                                               << "0 disables them";
    QTest::newRow("checkpoint_every type") << R"({"fit": {"checkpoint_every": "often"}})"
                                           << "fit.checkpoint_every"
                                           << "expected an integer";
    QTest::newRow("expected_detF not positive") << R"({"expected_detF": 0})"
                                                << "expected_detF"
                                                << "must be > 0";
    QTest::newRow("expected_detF type") << R"({"expected_detF": "fifty"})"
                                        << "expected_detF"
                                        << "expected a number";
    QTest::newRow("version") << R"({"version": 2})"
                             << "version"
                             << "upgrade";
    // A name is a name: runs/<name>-<date> must not climb out of runs/.
    QTest::newRow("name is a path") << R"({"name": "../../x"})"
                                    << "name"
                                    << "not a run name";
    QTest::newRow("name with a slash") << R"({"name": "a/b"})"
                                       << "name"
                                       << "--run-dir";
    QTest::newRow("name dot-dot") << R"({"name": ".."})"
                                  << "name"
                                  << "not a run name";
    QTest::newRow("name empty") << R"({"name": ""})"
                                << "name"
                                << "not a run name";
  }
  void errors() {
    QFETCH(QString, patch);
    QFETCH(QString, key);
    QFETCH(QString, message);
    json j = example();
    j.merge_patch(json::parse(patch.toStdString()));
    try {
      imnn::RunConfig::from_json(j);
      QFAIL("no error");
    } catch (const imnn::ConfigError &e) {
      QCOMPARE(QString::fromStdString(e.key()), key);
      QVERIFY2(QString(e.what()).contains(message), e.what());
      QVERIFY2(QString(e.what()).contains(key), e.what()); // the message names the key
    }
  }

  void load_names_file_and_reports_bad_json() {
    const QString dir = QDir::tempPath() + "/imnn_test_config";
    QDir().mkpath(dir);
    const std::string path = (dir + "/bad.json").toStdString();
    { std::ofstream(path) << "{\"n_s\": 10,,}"; }
    try {
      imnn::RunConfig::load(path);
      QFAIL("no error");
    } catch (const imnn::Error &e) {
      QVERIFY2(QString(e.what()).contains("not valid JSON"), e.what());
      QVERIFY2(QString(e.what()).contains("bad.json"), e.what());
    }
    { std::ofstream(path) << "{\"simulator\": \"gaussian_mean_variance\", \"n_d\": 0}"; }
    try {
      imnn::RunConfig::load(path);
      QFAIL("no error");
    } catch (const imnn::ConfigError &e) {
      QCOMPARE(e.key(), std::string("n_d"));
      QVERIFY2(QString(e.what()).contains("bad.json"), e.what());
    }
  }

  // 100 000 nested levels in simulator.options once overflowed the stack; now every
  // JSON the program reads is refused past imnn::kMaxJsonDepth levels, with a message.
  void deep_nesting_is_refused_not_a_crash_data() {
    QTest::addColumn<int>("depth");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("60 levels") << 60 << true;
    QTest::newRow("100 000 levels") << 100000 << false;
    QTest::newRow("1 000 000 levels") << 1000000 << false;
  }
  void deep_nesting_is_refused_not_a_crash() {
    QFETCH(int, depth);
    QFETCH(bool, accepted);
    const std::string text = "{\"simulator\": {\"plugin\": \"x\", \"options\": {\"a\": " +
                             std::string(static_cast<std::size_t>(depth), '[') +
                             std::string(static_cast<std::size_t>(depth), ']') + "}}}";
    const QString dir = QDir::tempPath() + "/imnn_test_config";
    QDir().mkpath(dir);
    const std::string path = (dir + "/deep.json").toStdString();
    { std::ofstream(path) << text; }
    try {
      (void)imnn::parse_json_text(text, "deep");
      QVERIFY2(accepted, "accepted");
    } catch (const imnn::Error &e) {
      QVERIFY2(!accepted, e.what());
      QVERIFY2(QString(e.what()).contains("deeper than 64 levels"), e.what());
    }
    try {
      imnn::RunConfig::load(path);
    } catch (const imnn::ConfigError &) {
      QVERIFY(accepted); // parsed, then refused for another reason (plugin x is unknown)
    } catch (const imnn::Error &e) {
      QVERIFY2(!accepted, e.what());
      QVERIFY2(QString(e.what()).contains("deep.json") &&
                   QString(e.what()).contains("deeper than 64 levels"),
               e.what());
    }
  }

  void json_syntax_errors_give_line_and_column() {
    try {
      (void)imnn::parse_json_text("{\n  \"n_data\": 10", "options");
      QFAIL("no error");
    } catch (const imnn::Error &e) {
      QVERIFY2(QString(e.what()).contains("options is not valid JSON at line 2, column") &&
                   QString(e.what()).contains("a closing } is missing"),
               e.what());
    }
  }

  void resolve_against_plugins() {
    imnn::PluginRegistry registry;
    registry.scan({IMNN_PLUGIN_BUILD_DIR});
    auto c = imnn::RunConfig::from_json({{"simulator", "gaussian_mean_variance"}});
    c.resolve(registry);
    QCOMPARE(c.theta_fid, (std::vector<double>{0.0, 1.0}));
    QCOMPARE(c.delta_theta, (std::vector<double>{0.1, 0.1}));
    QCOMPARE(c.n_summaries, imnn::Index(2));
  }

  void resolve_errors_data() {
    QTest::addColumn<QString>("patch");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("message");
    QTest::newRow("missing simulator plugin") << R"({"simulator": {"plugin": "no_such_sim"}})"
                                              << "simulator.plugin"
                                              << "available: gaussian_mean_variance";
    QTest::newRow("missing network plugin") << R"({"network": {"plugin": "resnet"}})"
                                            << "network.plugin"
                                            << "available: cnn, inception, mlp";
    QTest::newRow("theta_fid length") << R"({"theta_fid": [0, 1, 2]})"
                                      << "theta_fid"
                                      << "has 3 values but simulator";
    QTest::newRow("n_summaries too large") << R"({"n_s": 3, "n_d": 3, "n_summaries": 3})"
                                           << "n_summaries"
                                           << "smaller than n_s";
  }
  void resolve_errors() {
    QFETCH(QString, patch);
    QFETCH(QString, key);
    QFETCH(QString, message);
    imnn::PluginRegistry registry;
    registry.scan({IMNN_PLUGIN_BUILD_DIR});
    json j = example();
    j.merge_patch(json::parse(patch.toStdString()));
    try {
      auto c = imnn::RunConfig::from_json(j);
      c.resolve(registry);
      QFAIL("no error");
    } catch (const imnn::ConfigError &e) {
      QCOMPARE(QString::fromStdString(e.key()), key);
      QVERIFY2(QString(e.what()).contains(message), e.what());
    }
  }

  void network_option_errors_name_the_key() {
    imnn::PluginRegistry registry;
    registry.scan({IMNN_PLUGIN_BUILD_DIR});
    try {
      registry.build_network("mlp", {{"widths", {64}}}, {10}, 2);
      QFAIL("no error");
    } catch (const imnn::ConfigError &e) {
      QCOMPARE(e.key(), std::string("network.options.widths"));
    }
    try {
      registry.build_network("mlp", {{"activation", "swish"}}, {10}, 2);
      QFAIL("no error");
    } catch (const imnn::ConfigError &e) {
      QCOMPARE(e.key(), std::string("network.options.activation"));
      QVERIFY2(QString(e.what()).contains("leaky_relu"), e.what()); // lists the known names
    }
    const auto resolved = registry.resolve_network_options("mlp", json::object(), 2);
    QCOMPARE(resolved.at("hidden"), json({128, 128, 128}));
    QCOMPARE(resolved.at("activation").get<std::string>(), std::string("leaky_relu"));
  }
};

QTEST_APPLESS_MAIN(TestConfig)
#include "test_config.moc"

// Run directories and the model file: atomic writes, no overwriting of a run,
// history rows as the fit appends them, and a model file that round-trips.
#include "imnn/error.h"
#include "imnn/run_directory.h"

#include <Eigen/LU>
#include <QtTest>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

class TestRunDirectory : public QObject {
  Q_OBJECT
  QTemporaryDir tmp_;

  fs::path root() const { return fs::path(tmp_.path().toStdString()); }
  static std::string read(const fs::path &p) {
    std::ifstream in(p);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }
  static imnn::RunConfig config() {
    return imnn::RunConfig::from_json({{"simulator", "gaussian_mean_variance"}, {"name", "t"}});
  }

private slots:
  void atomic_write_replaces_whole_file() {
    const fs::path f = root() / "a.json";
    imnn::write_file_atomically(f, "first");
    QCOMPARE(read(f), std::string("first"));
    imnn::write_file_atomically(f, "second, longer");
    QCOMPARE(read(f), std::string("second, longer"));
    QVERIFY(!fs::exists(f.string() + ".tmp"));
  }

  void atomic_write_failure_names_file_and_keeps_old() {
    const fs::path f = root() / "missing_dir" / "b.json";
    try {
      imnn::write_file_atomically(f, "x");
      QFAIL("no error");
    } catch (const imnn::Error &e) {
      QVERIFY2(QString(e.what()).contains("b.json"), e.what());
      QVERIFY2(QString(e.what()).contains("No such file"), e.what());
    }
    // A failing write to a full device keeps the old file intact.
    if (fs::exists("/dev/full")) {
      const fs::path g = root() / "keep.json";
      imnn::write_file_atomically(g, "old");
      std::ofstream full("/dev/full");
      full << std::string(1 << 16, 'x');
      full.flush();
      QVERIFY(!full); // the device really is full
      QCOMPARE(read(g), std::string("old"));
    }
  }

  void create_writes_config_and_header() {
    const fs::path d = root() / "run1";
    auto run = imnn::RunDirectory::create(d, config());
    QVERIFY(fs::exists(d / "config.json"));
    const auto j = nlohmann::json::parse(read(d / "config.json"));
    QCOMPARE(j.at("name").get<std::string>(), std::string("t"));
    QCOMPARE(j.at("fit").at("patience").get<int>(), 100);
    imnn::IterationRecord r;
    r.iteration = 7;
    r.train.detF = 12.5;
    r.train.detC = 1;
    r.train.detinvC = 1;
    r.train.Lambda2 = 0.5;
    r.train.r = 0.25;
    r.loss = -2.5;
    r.seconds = 0.125;
    run.append(r);
    const std::string csv = read(d / "history.csv");
    QVERIFY(csv.starts_with(std::string(imnn::RunDirectory::history_header()) + "\n"));
    QVERIFY2(csv.find("\n7,12.5,1,1,0.5,0.25,-2.5,nan,nan,nan,nan,nan,0.125\n") !=
                 std::string::npos,
             csv.c_str());
  }

  void refuses_existing_run() {
    const fs::path d = root() / "run2";
    { auto run = imnn::RunDirectory::create(d, config()); }
    try {
      imnn::RunDirectory::create(d, config());
      QFAIL("no error");
    } catch (const imnn::Error &e) {
      QVERIFY2(QString(e.what()).contains("already exists"), e.what());
    }
    // An existing empty directory is fine.
    fs::create_directories(root() / "empty");
    imnn::RunDirectory::create(root() / "empty", config());
  }

  void model_round_trip() {
    imnn::TrainedModel m;
    m.network = {{"plugin", "mlp"}, {"options", {{"hidden", {4}}}}};
    m.simulator = {{"plugin", "gaussian_mean_variance"}};
    m.input_shape = {10};
    m.n_summaries = 2;
    m.param_names = {"mu", "Sigma"};
    m.theta_fid = {0.0, 1.0};
    m.weights = {0.1f, -1.0f / 3.0f, 1e-30f, 3.4e38f};
    m.statistics.F = Eigen::MatrixXd{{10.0, 0.1}, {0.1, 5.0 / 3.0}};
    m.invF = m.statistics.F.inverse();
    m.statistics.C = Eigen::MatrixXd::Identity(2, 2);
    m.statistics.invC = Eigen::MatrixXd::Identity(2, 2);
    m.statistics.dmu_dtheta = Eigen::MatrixXd{{1.0, 0.2}, {0.0, 1.0 / 7.0}};
    m.statistics.mu = Eigen::VectorXd::Constant(2, 0.3);
    m.statistics.detF = m.statistics.F.determinant();
    const fs::path f = root() / "model.json";
    m.save(f);
    const auto back = imnn::TrainedModel::load(f);
    QCOMPARE(back.weights, m.weights); // exact float round trip
    QVERIFY(back.statistics.F == m.statistics.F);
    QVERIFY(back.statistics.dmu_dtheta == m.statistics.dmu_dtheta);
    QVERIFY(back.invF == m.invF);
    QCOMPARE(back.param_names, m.param_names);
    QCOMPARE(back.statistics.detF, m.statistics.detF);
  }

  void model_load_errors_data() {
    QTest::addColumn<QString>("content");
    QTest::addColumn<QString>("message");
    QTest::newRow("not json") << "{oops"
                              << "not valid JSON";
    QTest::newRow("wrong format") << R"({"format": "other", "version": 1})"
                                  << "not an IMNN Studio model file";
    QTest::newRow("future version") << R"({"format": "imnn-studio-model", "version": 9})"
                                    << "version 9 is not supported";
    QTest::newRow("missing field") << R"({"format": "imnn-studio-model", "version": 1})"
                                   << "malformed";
  }
  void model_load_errors() {
    QFETCH(QString, content);
    QFETCH(QString, message);
    const fs::path f = root() / "bad_model.json";
    std::ofstream(f) << content.toStdString();
    try {
      imnn::TrainedModel::load(f);
      QFAIL("no error");
    } catch (const imnn::Error &e) {
      QVERIFY2(QString(e.what()).contains(message), e.what());
      QVERIFY2(QString(e.what()).contains("bad_model.json"), e.what());
    }
  }
};

QTEST_APPLESS_MAIN(TestRunDirectory)
#include "test_run_directory.moc"

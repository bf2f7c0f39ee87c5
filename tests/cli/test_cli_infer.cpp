// `imnn estimate`, `imnn summarise` and `imnn infer` end to end on a run made by a
// short `imnn fit`: output shapes and values (against the in-process Compressor),
// the files of an inference folder (GetDist root parsed), and bad inputs that must
// fail with a message naming the problem.
#include "imnn/arrays.h"
#include "imnn/compressor.h"
#include "imnn/plugins.h"

#include "cli_process.h"

#include <QDir>
#include <QRegularExpression>
#include <QtTest>
#include <cmath>
#include <csignal>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

class TestCliInfer : public QObject {
  Q_OBJECT
  QTemporaryDir tmp_;
  QString run_;
  imnn::PluginRegistry registry_;

  static CliResult run(const QStringList &args) { return run_cli(args); }
  QString path(const QString &name) const { return tmp_.filePath(name); }
  // n Gaussian simulations (n x 10), deterministic.
  QString write_data(const QString &name, std::vector<imnn::Index> shape) {
    imnn::Index size = 1;
    for (auto e : shape)
      size *= e;
    std::vector<double> d(static_cast<std::size_t>(size));
    for (std::size_t i = 0; i < d.size(); ++i)
      d[i] = 0.3 + std::sin(1.7 * static_cast<double>(i));
    imnn::save_npy(path(name).toStdString(), shape, d.data());
    return path(name);
  }
  static QStringList lines_of(const QString &file) {
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly)) return {};
    return QString::fromUtf8(f.readAll()).trimmed().split('\n');
  }
  static QJsonObject json_of(const QString &file) {
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly)) return {};
    return QJsonDocument::fromJson(f.readAll()).object();
  }

private slots:
  void initTestCase() {
    QVERIFY(tmp_.isValid());
    registry_.scan({IMNN_PLUGIN_BUILD_DIR});
    QFile cfg(path("small.json"));
    QVERIFY(cfg.open(QIODevice::WriteOnly));
    cfg.write(R"({"name": "small", "simulator": "gaussian_mean_variance",
                  "network": {"plugin": "mlp", "options": {"hidden": [16, 16]}},
                  "n_s": 200, "n_d": 200,
                  "fit": {"min_iterations": 0, "patience": 1000, "max_iterations": 40,
                          "n_statistics": 1000}})");
    cfg.close();
    run_ = path("run");
    const auto r = run({"fit", path("small.json"), "--run-dir", run_, "--threads", "2", "--quiet"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY(QFile::exists(run_ + "/model.json"));
  }

  void help_documents_every_option() {
    const auto h = run({"infer", "--help"});
    QCOMPARE(h.code, 0);
    for (const char *opt : {"--target",
                            "--target-theta",
                            "--target-seed",
                            "--name",
                            "--replace",
                            "--seed",
                            "--threads",
                            "--prior",
                            "--prior-low",
                            "--prior-high",
                            "--prior-mean",
                            "--prior-sd",
                            "--gridsize",
                            "--levels",
                            "--smoothing",
                            "--distance",
                            "--epsilon",
                            "--n-samples",
                            "--min-accepted",
                            "--max-iterations",
                            "--n-points",
                            "--n-initial-points",
                            "--percentile",
                            "--acceptance-ratio",
                            "--max-iteration",
                            "--max-acceptance",
                            "--max-samples",
                            "ga",
                            "abc",
                            "pmc"})
      QVERIFY2(h.out.contains(opt), opt);
    for (const char *cmd : {"estimate", "summarise"}) {
      const auto c = run({cmd, "--help"});
      QCOMPARE(c.code, 0);
      QVERIFY(c.out.contains("--output") && c.out.contains("--threads"));
    }
    const auto top = run({"--help"});
    QVERIFY(top.out.contains("estimate") && top.out.contains("summarise") &&
            top.out.contains("infer"));
  }

  void estimate_and_summarise_match_the_compressor() {
    const QString data = write_data("data.npy", {6, 10});
    const auto e = run({"estimate", run_, data, "-o", path("est.npy"), "--threads", "1"});
    QVERIFY2(e.code == 0, qPrintable(e.err));
    const auto s = run({"summarise", run_, data, "-o", path("sum.npy")});
    QVERIFY2(s.code == 0, qPrintable(s.err));
    const imnn::ArrayD est = imnn::load_array(path("est.npy").toStdString());
    const imnn::ArrayD sum = imnn::load_array(path("sum.npy").toStdString());
    QCOMPARE(est.info.shape, (std::vector<imnn::Index>{6, 2}));
    QCOMPARE(sum.info.shape, (std::vector<imnn::Index>{6, 2}));
    auto comp = imnn::Compressor::load(run_.toStdString(), registry_, 1);
    const imnn::ArrayD in = imnn::load_array(data.toStdString());
    const auto ref_e = comp.estimate(in.data.data(), 6);
    const auto ref_s = comp.summarise(in.data.data(), 6);
    for (imnn::Index i = 0; i < 6; ++i)
      for (imnn::Index a = 0; a < 2; ++a) {
        QVERIFY(std::fabs(est.data[std::size_t(2 * i + a)] - ref_e(i, a)) < 1e-9);
        QVERIFY(std::fabs(sum.data[std::size_t(2 * i + a)] - ref_s(i, a)) < 1e-9);
      }
    // A single simulation gives a single estimate.
    const QString one = write_data("one.npy", {10});
    const auto o = run({"estimate", run_ + "/model.json", one, "-o", path("one_est.npy")});
    QVERIFY2(o.code == 0, qPrintable(o.err));
    QCOMPARE(imnn::inspect_array(path("one_est.npy").toStdString()).shape,
             (std::vector<imnn::Index>{2}));
    // Wrong shape: the message names the file, the expected axes and what was found.
    const QString bad = write_data("bad.npy", {4, 11});
    const auto b = run({"summarise", run_, bad, "-o", path("x.npy")});
    QCOMPARE(b.code, 1);
    QVERIFY2(b.err.contains("bad.npy") && b.err.contains("(n, input=10)") &&
                 b.err.contains("(4, 11)"),
             qPrintable(b.err));
    QVERIFY(!QFile::exists(path("x.npy")));
  }

  // Values a float64 file can hold but the float network cannot (1e39 overflows float32
  // to Inf, then NaN) and files that are not files: an error naming the file and the
  // element, exit 1 and no output; never all-NaN estimates with exit status 0.
  void estimate_refuses_what_it_cannot_compress() {
    std::vector<double> d(40, 0.5);
    d[2 * 10 + 3] = 1e39;
    imnn::save_npy(path("huge.npy").toStdString(), {4, 10}, d.data());
    const auto h = run({"estimate", run_, path("huge.npy"), "-o", path("huge_est.npy")});
    QCOMPARE(h.code, 1);
    QVERIFY2(h.err.contains("huge.npy") && h.err.contains("simulation 2, element 3") &&
                 h.err.contains("float32"),
             qPrintable(h.err));
    QVERIFY(!QFile::exists(path("huge_est.npy")));
    // A FIFO once made `imnn estimate` wait forever for a writer.
    const QByteArray fifo = path("fifo.npy").toLocal8Bit();
    QCOMPARE(::mkfifo(fifo.constData(), 0600), 0);
    const auto f = run_cli({"estimate", run_, path("fifo.npy"), "-o", path("fifo_est.npy")}, 20000);
    QCOMPARE(f.code, 1);
    QVERIFY2(f.err.contains("fifo.npy") && f.err.contains("not a regular file"), qPrintable(f.err));
  }

  // A run fitted with a simulator from an outside folder (config plugin_dirs, relative
  // to the config's folder) is inferred and estimated without repeating --plugin-dir.
  void the_run_s_plugin_dirs_are_honoured() {
    const QString dir = path("outside");
    QVERIFY(QDir().mkpath(dir));
    const QString rel = QDir(dir).relativeFilePath(QStringLiteral(IMNN_TEST_PLUGIN_DIR) + "/fit");
    QFile cfg(dir + "/outside.json");
    QVERIFY(cfg.open(QIODevice::WriteOnly));
    cfg.write(QStringLiteral(R"({"name": "outside", "simulator": "nan_gaussian",
                  "plugin_dirs": ["%1"], "network": {"plugin": "mlp", "options": {"hidden": [8]}},
                  "n_s": 100, "n_d": 100,
                  "fit": {"min_iterations": 0, "max_iterations": 5, "n_statistics": 200,
                          "n_validation": 100}})")
                  .arg(rel)
                  .toUtf8());
    cfg.close();
    const QString run = path("outside-run");
    const auto f = run_cli({"fit", dir + "/outside.json", "--run-dir", run, "--quiet"});
    QVERIFY2(f.code == 0, qPrintable(f.err));
    const auto g =
        run_cli({"infer", "ga", run, "--target-theta", "0.1", "1", "--n-samples", "100"});
    QVERIFY2(g.code == 0, qPrintable(g.err));
    const auto e = run_cli(
        {"estimate", run, write_data("outside.npy", {2, 10}), "-o", path("outside_est.npy")});
    QVERIFY2(e.code == 0, qPrintable(e.err));
    const auto s = run_cli({"summarise", run, path("outside.npy"), "-o", path("outside_sum.npy")});
    QVERIFY2(s.code == 0, qPrintable(s.err));
    QCOMPARE(imnn::inspect_array(path("outside_sum.npy").toStdString()).shape,
             (std::vector<imnn::Index>{2, 2}));
  }

  void abc_writes_the_inference_folder() {
    const auto r = run({"infer", "abc", run_, "--target-theta", "0.2", "1.1", "--target-seed", "5",
                        "--n-samples", "3000", "--epsilon", "1.5", "--gridsize", "20", "--threads",
                        "2", "--seed", "4"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY2(r.err.contains("ABC:") && r.err.contains("accepted"), qPrintable(r.err)); // progress
    const QString dir = run_ + "/inference/abc";
    const auto res = json_of(dir + "/result.json");
    QCOMPARE(res["simulations"].toInt(), 3000);
    QCOMPARE(res["draws"].toInt(), 3000);
    const int accepted = res["accepted"].toInt();
    QVERIFY2(accepted > 0 && accepted < 3000, qPrintable(QString::number(accepted)));
    QVERIFY(res["seconds"].toDouble() > 0);
    QVERIFY(res["posterior"].toObject()["mean"].toObject().contains("Sigma"));
    QCOMPARE(imnn::inspect_array((dir + "/parameters.npy").toStdString()).shape,
             (std::vector<imnn::Index>{3000, 2}));
    QCOMPARE(imnn::inspect_array((dir + "/summaries.npy").toStdString()).shape,
             (std::vector<imnn::Index>{3000, 2}));
    QCOMPARE(imnn::inspect_array((dir + "/distances.npy").toStdString()).shape,
             (std::vector<imnn::Index>{3000}));
    QCOMPARE(imnn::inspect_array((dir + "/samples.npy").toStdString()).shape,
             (std::vector<imnn::Index>{accepted, 2}));
    const auto w = imnn::load_array((dir + "/weights.npy").toStdString());
    double wsum = 0;
    for (double v : w.data)
      wsum += v;
    QVERIFY(std::fabs(wsum - 1.0) < 1e-12);
    // Accepted draws are exactly those closer than epsilon.
    const auto dist = imnn::load_array((dir + "/distances.npy").toStdString());
    const auto acc = imnn::load_array((dir + "/accepted.npy").toStdString());
    int n_acc = 0;
    for (std::size_t i = 0; i < dist.data.size(); ++i) {
      QCOMPARE(acc.data[i] == 1.0, dist.data[i] < 1.5);
      n_acc += acc.data[i] == 1.0;
    }
    QCOMPARE(n_acc, accepted);
    // Marginals: files and index with ranges and HPD levels.
    const auto idx = json_of(dir + "/marginals.json");
    QCOMPARE(idx["marginals"].toArray().size(), 3);
    for (const auto &m : idx["marginals"].toArray()) {
      const auto o = m.toObject();
      QVERIFY(QFile::exists(dir + "/" + o["file"].toString()));
      QCOMPARE(o["hpd_levels"].toArray().size(), 2);
    }
    QCOMPARE(imnn::inspect_array((dir + "/marginal_1_0.npy").toStdString()).shape,
             (std::vector<imnn::Index>{20, 20}));
    QCOMPARE(idx["ranges"].toArray()[1].toObject()["high"].toDouble(), 10.0); // plugin box
    // The GetDist root parses: rows "weight -log(post) mu Sigma", names, ranges.
    const auto rows = lines_of(dir + "/abc_1.txt");
    QCOMPARE(rows.size(), accepted);
    double gw = 0;
    for (const auto &line : rows) {
      const auto f = line.split(' ', Qt::SkipEmptyParts);
      QCOMPARE(f.size(), 4);
      bool ok = false;
      gw += f[0].toDouble(&ok);
      QVERIFY(ok);
      const double mu = f[2].toDouble(&ok);
      QVERIFY(ok && mu >= -10 && mu <= 10);
    }
    QVERIFY(std::fabs(gw - 1.0) < 1e-9);
    QCOMPARE(lines_of(dir + "/abc.paramnames"), (QStringList{"mu", "Sigma"}));
    const auto ranges = lines_of(dir + "/abc.ranges");
    QCOMPARE(ranges.size(), 2);
    QCOMPARE(ranges[0].split(' ', Qt::SkipEmptyParts), (QStringList{"mu", "-10", "10"}));
    QCOMPARE(ranges[1].split(' ', Qt::SkipEmptyParts), (QStringList{"Sigma", "0", "10"}));
    // The same name again is refused unless --replace.
    const auto again = run({"infer", "abc", run_, "--target-theta", "0.2", "1.1", "--n-samples",
                            "100", "--epsilon", "1.5", "-q"});
    QCOMPARE(again.code, 1);
    QVERIFY2(again.err.contains("already exists") && again.err.contains("--replace"),
             qPrintable(again.err));
    // A job killed while it wrote left its hidden staging folder; the replaced folder had
    // a file of its own. --replace clears both and leaves nothing hidden behind.
    QVERIFY(QDir().mkpath(run_ + "/inference/.abc.partial"));
    QFile stale_stage(run_ + "/inference/.abc.partial/samples.npy");
    QVERIFY(stale_stage.open(QIODevice::WriteOnly) && stale_stage.write("junk") == 4);
    stale_stage.close();
    QFile own(dir + "/notes.txt");
    QVERIFY(own.open(QIODevice::WriteOnly) && own.write("mine") == 4);
    own.close();
    const auto replaced = run({"infer", "abc", run_, "--target-theta", "0.2", "1.1", "--n-samples",
                               "100", "--epsilon", "1.5", "-q", "--replace"});
    QVERIFY2(replaced.code == 0, qPrintable(replaced.err));
    QCOMPARE(json_of(dir + "/result.json")["simulations"].toInt(), 100);
    QVERIFY(!QFile::exists(dir + "/notes.txt"));
    QCOMPARE(QDir(run_ + "/inference")
                 .entryList(QDir::Hidden | QDir::AllDirs | QDir::NoDotAndDotDot)
                 .filter(QRegularExpression("^\\.")),
             QStringList());
    QCOMPARE(imnn::inspect_array((dir + "/samples.npy").toStdString()).shape[1], imnn::Index(2));
  }

  // Two jobs with one output name: while one holds .NAME.lock (here this process, as a
  // running job does), another fails at once naming the folder, before simulating, and
  // leaves the first job's staging folder alone; once the lock is free it runs.
  void a_second_job_with_the_same_name_is_refused() {
    QVERIFY(QDir().mkpath(run_ + "/inference/.busy.partial"));
    QFile first_job_file(run_ + "/inference/.busy.partial/samples.npy");
    QVERIFY(first_job_file.open(QIODevice::WriteOnly));
    first_job_file.close();
    const QStringList args = {
        "infer", "abc",         run_,  "--target-theta", "0.2", "1.1",       "--name",
        "busy",  "--n-samples", "500", "--epsilon",      "1.5", "--threads", "1"};
    {
      const QByteArray lock_path = (run_ + "/inference/.busy.lock").toUtf8();
      const int fd = ::open(lock_path.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
      QVERIFY(fd >= 0);
      QCOMPARE(::flock(fd, LOCK_EX | LOCK_NB), 0);
      const auto r = run(args);
      ::close(fd);
      QCOMPARE(r.code, 1);
      QVERIFY2(r.err.contains("another `imnn infer` is writing") && r.err.contains("busy"),
               qPrintable(r.err));
      QVERIFY(!r.err.contains("ABC:")); // refused before simulating
      QVERIFY(QFile::exists(run_ + "/inference/.busy.partial/samples.npy"));
      QVERIFY(!QDir(run_ + "/inference/busy").exists());
    }
    const auto r = run(args); // the lock is free: the stale staging folder is cleared
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY(QFile::exists(run_ + "/inference/busy/result.json"));
    QVERIFY(!QDir(run_ + "/inference/.busy.partial").exists());
  }

  void ga_and_pmc_write_weighted_samples() {
    const QString target = write_data("target.npy", {1, 10});
    const auto g = run({"infer", "ga", run_, "--target", target, "--n-samples", "500",
                        "--prior-low", "-3", "0.1", "--prior-high", "3", "3", "-q"});
    QVERIFY2(g.code == 0, qPrintable(g.err));
    QCOMPARE(lines_of(run_ + "/inference/ga/ga_1.txt").size(), 500);
    QCOMPARE(lines_of(run_ + "/inference/ga/ga.ranges")[1].split(' ', Qt::SkipEmptyParts),
             (QStringList{"Sigma", "0.1", "3"}));
    const auto p = run({"infer",
                        "pmc",
                        run_,
                        "--target",
                        target,
                        "--name",
                        "pmc_small",
                        "--n-points",
                        "200",
                        "--n-initial-points",
                        "1000",
                        "--max-iteration",
                        "3",
                        "--prior-low",
                        "-3",
                        "0.1",
                        "--prior-high",
                        "3",
                        "3",
                        "--threads",
                        "2"});
    QVERIFY2(p.code == 0, qPrintable(p.err));
    const QString dir = run_ + "/inference/pmc_small";
    const auto res = json_of(dir + "/result.json");
    QVERIFY(res["simulations"].toInt() >= 1000);
    QCOMPARE(res["samples"].toInt(), 200);
    const auto w = imnn::load_array((dir + "/weights.npy").toStdString());
    double wsum = 0;
    for (double v : w.data)
      wsum += v;
    QVERIFY(std::fabs(wsum - 1.0) < 1e-12);
    QCOMPARE(lines_of(dir + "/pmc_small_1.txt").size(), 200);
  }

  // ABC with no --epsilon and no --n-samples: 1 000 000 draws, epsilon the 0.001
  // quantile of their distances, so exactly 1000 accepted; result.json records it.
  void abc_default_epsilon_is_automatic() {
    QElapsedTimer t;
    t.start();
    const auto r = run({"infer", "abc", run_, "--target-theta", "0.2", "1.1", "--target-seed", "5",
                        "--name", "abc_auto", "--threads", "2", "-q"});
    qInfo("abc with the default options: %.1f s", static_cast<double>(t.elapsed()) / 1000.0);
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY2(!r.err.contains("warning"), qPrintable(r.err));
    QVERIFY2(r.out.contains("epsilon = ") && r.out.contains("auto"), qPrintable(r.out));
    const QString dir = run_ + "/inference/abc_auto";
    const auto res = json_of(dir + "/result.json");
    QCOMPARE(res["epsilon_auto"].toBool(), true);
    QCOMPARE(res["accept_fraction"].toDouble(), 0.001);
    QCOMPARE(res["n_samples"].toInt(), 1000000);
    QCOMPARE(res["simulations"].toInt(), 1000000);
    QCOMPARE(res["accepted"].toInt(), 1000);
    QCOMPARE(res["converged"].toBool(), true);
    QCOMPARE(res["convergence"].toString(), QString());
    const double eps = res["epsilon"].toDouble();
    const auto dist = imnn::load_array((dir + "/distances.npy").toStdString());
    int below = 0;
    for (double d : dist.data)
      below += d < eps;
    QCOMPARE(below, 1000);
    qInfo("automatic epsilon %.3f", eps);
  }

  // A limit that ends ABC or PMC before its criterion: a warning on stderr naming the
  // flag to raise, "converged": false and the reason in result.json, exit code 0.
  void caps_warn_and_record_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<bool>("converged");
    QTest::addColumn<QStringList>("warning");
    QTest::addColumn<QString>("reason");
    QTest::newRow("pmc max_iteration")
        << QStringList{"pmc", "--n-points", "200", "--max-iteration", "2"} << false
        << QStringList{"warning: pmc did not converge", "--max-iteration 2", "--acceptance-ratio",
                       "raise --max-iteration", "\"converged\": false"}
        << "`max_iteration` 2 reached";
    QTest::newRow("abc min_accepted")
        << QStringList{"abc", "--epsilon",        "0.001", "--n-samples", "500", "--min-accepted",
                       "100", "--max-iterations", "2"}
        << false
        << QStringList{"warning: abc did not converge", "--min-accepted 100 not reached",
                       "raise --max-iterations or --n-samples"}
        << "`min_accepted` 100 not reached";
    QTest::newRow("pmc default cap")
        << QStringList{"pmc", "--n-points", "200"} << true << QStringList{} << "";
    QTest::newRow("abc one batch") << QStringList{"abc", "--epsilon", "1", "--n-samples", "500"}
                                   << true << QStringList{} << "";
    QTest::newRow("ga") << QStringList{"ga"} << true << QStringList{} << "";
  }
  void caps_warn_and_record() {
    QFETCH(QStringList, args);
    QFETCH(bool, converged);
    QFETCH(QStringList, warning);
    QFETCH(QString, reason);
    const QString name = QString("cap_%1").arg(QTest::currentDataTag()).replace(' ', '_');
    QStringList a{"infer",       args.takeFirst(),
                  run_,          "--target-theta",
                  "0.2",         "1.1",
                  "--prior-low", "-3",
                  "0.1",         "--prior-high",
                  "3",           "3",
                  "--name",      name,
                  "--threads",   "2",
                  "-q"};
    a << args;
    const auto r = run(a);
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const auto res = json_of(run_ + "/inference/" + name + "/result.json");
    QCOMPARE(res["converged"].toBool(), converged);
    QVERIFY2(res["convergence"].toString().startsWith(reason),
             qPrintable(res["convergence"].toString()));
    QCOMPARE(res["convergence"].toString().isEmpty(), converged);
    QCOMPARE(r.err.contains("warning"), !converged);
    for (const auto &w : warning)
      QVERIFY2(r.err.contains(w), qPrintable(w + " not in: " + r.err));
    if (!converged) qInfo("%s", qPrintable(r.err.trimmed()));
  }

  void results_do_not_depend_on_threads() {
    const QString target = write_data("target_t.npy", {10});
    for (const char *method : {"abc", "pmc"}) {
      QByteArray files[2];
      for (int t = 1; t <= 2; ++t) {
        const QString name = QString("%1_threads%2").arg(method).arg(t);
        const auto r = run({"infer",
                            method,
                            run_,
                            "--target",
                            target,
                            "--name",
                            name,
                            "--threads",
                            QString::number(t),
                            "--n-samples",
                            "4000",
                            "--epsilon",
                            "1",
                            "--n-points",
                            "200",
                            "--max-iteration",
                            "3",
                            "--prior-low",
                            "-3",
                            "0.1",
                            "--prior-high",
                            "3",
                            "3",
                            "-q"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QFile f(run_ + "/inference/" + name + "/" + name + "_1.txt");
        QVERIFY(f.open(QIODevice::ReadOnly));
        files[t - 1] = f.readAll();
      }
      QVERIFY(!files[0].isEmpty());
      QVERIFY2(files[0] == files[1], method);
    }
  }

  void bad_inputs_name_the_problem_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("target wrong shape")
        << QStringList{"infer",       "abc", "RUN",       "--target", "WRONG",
                       "--n-samples", "10",  "--epsilon", "1"}
        << QStringList{"wrong.npy", "(n, input=10)", "(3, 7)"};
    QTest::newRow("several targets") << QStringList{"infer", "ga", "RUN", "--target", "TWO"}
                                     << QStringList{"2 simulations", "one target"};
    QTest::newRow("accept fraction out of range")
        << QStringList{"infer", "abc", "RUN", "--target-theta", "0", "1", "--accept-fraction",
                       "1.5"}
        << QStringList{"--accept-fraction 1.5", "outside (0, 1]"};
    QTest::newRow("epsilon not a number")
        << QStringList{"infer", "abc", "RUN", "--target-theta", "0", "1", "--epsilon", "wide"}
        << QStringList{"--epsilon", "'wide'", "auto"};
    QTest::newRow("min_accepted with epsilon auto")
        << QStringList{"infer", "abc", "RUN", "--target-theta", "0", "1", "--min-accepted", "10"}
        << QStringList{"--min-accepted 10", "fixed --epsilon"};
    QTest::newRow("n_initial_points < n_points")
        << QStringList{"infer", "pmc",        "RUN", "--target-theta",     "0",
                       "1",     "--n-points", "100", "--n-initial-points", "50"}
        << QStringList{"--n-initial-points 50", "smaller than --n-points 100"};
    QTest::newRow("prior low >= high")
        << QStringList{"infer",       "ga", "RUN", "--target-theta", "0", "1",
                       "--prior-low", "-1", "2",   "--prior-high",   "1", "2"}
        << QStringList{"Sigma", "low 2", ">= high 2", "--prior-low"};
    QTest::newRow("prior bounds count")
        << QStringList{"infer", "ga", "RUN", "--target-theta", "0", "1", "--prior-low", "-1"}
        << QStringList{"--prior-low", "1 values for 2 parameters"};
    QTest::newRow("target theta count") << QStringList{"infer", "ga", "RUN", "--target-theta", "0"}
                                        << QStringList{"--target-theta", "2 parameters"};
    QTest::newRow("percentile out of range")
        << QStringList{"infer", "pmc", "RUN", "--target-theta", "0", "1", "--percentile", "150"}
        << QStringList{"percentile 150"};
    QTest::newRow("no target") << QStringList{"infer", "ga", "RUN"}
                               << QStringList{"no target", "--target"};
    QTest::newRow("not a run") << QStringList{"infer", "ga", "NORUN", "--target-theta", "0", "1"}
                               << QStringList{"model.json", "does not exist"};
  }
  void bad_inputs_name_the_problem() {
    QFETCH(QStringList, args);
    QFETCH(QStringList, expected);
    write_data("wrong.npy", {3, 7});
    write_data("two.npy", {2, 10});
    for (auto &a : args) {
      if (a == "RUN") a = run_;
      if (a == "NORUN") a = path("norun");
      if (a == "WRONG") a = path("wrong.npy");
      if (a == "TWO") a = path("two.npy");
    }
    const QString name = QString("bad_%1").arg(QTest::currentDataTag()).replace(' ', '_');
    args << "--name" << name << "-q";
    const auto r = run(args);
    QVERIFY2(r.code != 0, qPrintable(r.out));
    QVERIFY(!QDir(run_ + "/inference/" + name).exists()); // nothing left behind
    for (const auto &e : expected)
      QVERIFY2(r.err.contains(e), qPrintable(e + " not in: " + r.err));
  }

  void interrupt_stops_abc_cleanly() {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("IMNN_PLUGIN_PATH", IMNN_PLUGIN_BUILD_DIR);
    p.setProcessEnvironment(env);
    p.start(IMNN_CLI_PATH, {"infer", "abc", run_, "--target-theta", "0", "1", "--n-samples",
                            "2000000", "--epsilon", "0.01", "--min-accepted", "1000000", "--name",
                            "interrupted", "--threads", "2"});
    QVERIFY(p.waitForStarted());
    // Wait for the first progress line, then Ctrl-C.
    QElapsedTimer t;
    t.start();
    QByteArray err;
    while (!err.contains("ABC:") && t.elapsed() < 60000) {
      p.waitForReadyRead(200);
      err += p.readAllStandardError();
    }
    QVERIFY2(err.contains("ABC:"), err.constData());
    ::kill(static_cast<pid_t>(p.processId()), SIGINT);
    t.restart();
    QVERIFY(p.waitForFinished(20000));
    qInfo("stopped %lld ms after SIGINT", static_cast<long long>(t.elapsed()));
    QCOMPARE(p.exitCode(), 130);
    const auto res = json_of(run_ + "/inference/interrupted/result.json");
    QCOMPARE(res["cancelled"].toBool(), true);
    QVERIFY(res["simulations"].toInt() < 20000000 && res["iterations"].toInt() < 10);
  }
};

QTEST_GUILESS_MAIN(TestCliInfer)
#include "test_cli_infer.moc"

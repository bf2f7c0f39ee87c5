// `mpirun -n K imnn fit|infer` (issue 13): the same config gives the history, result
// and weights of one process bit for bit for K = 1, 2, 3 ranks in the modes simulator,
// simulator-numerical and numerical (arrays); SIGTERM to mpirun stops `infer abc|pmc`
// on every rank, rank 0 writing the draws made, marked cancelled; a run stopped by SIGTERM under 2
// ranks continues under 3 to the uninterrupted history; a run whose rank 1 of 3 is killed (SIGKILL)
// ends with mpirun naming the rank and continues under 2 ranks and under one process to the same
// history; ABC and PMC samples are identical; a simulator error on one rank ends every rank with
// that rank's message, no hang; `imnn simulate` writes the same .npy and HDF5 bytes on any number
// of ranks; commands that do not share work refuse to run on several ranks.
#include "imnn/checkpoint.h"

#include "cli_process.h"

#include <QtTest>
#include <csignal>

class TestMpi : public QObject {
  Q_OBJECT
  QTemporaryDir tmp_;

  QString path(const QString &name) const { return tmp_.filePath(name); }

  static QStringList mpi_args(int ranks, const QStringList &args) {
    return QStringList{"--oversubscribe", "-n", QString::number(ranks), IMNN_CLI_PATH} + args;
  }
  // mpirun -n ranks imnn args (ranks 0: imnn alone, no mpirun).
  static CliResult run_ranks(int ranks, const QStringList &args, int timeout_ms = 60000) {
    if (ranks == 0) return run_cli(args, timeout_ms);
    QProcess p;
    p.setProcessEnvironment(cli_environment());
    p.start(IMNN_MPIEXEC, mpi_args(ranks, args));
    if (!p.waitForFinished(timeout_ms)) {
      p.kill();
      p.waitForFinished(5000);
      return {-1, {}, "timeout: mpirun did not end"};
    }
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
  }
  static QStringList lines(const QString &file) {
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly)) return {};
    return QString::fromUtf8(f.readAll()).split('\n', Qt::SkipEmptyParts);
  }
  static QJsonObject json_file(const QString &file) {
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly)) return {};
    return QJsonDocument::fromJson(f.readAll()).object();
  }
  static QByteArray bytes(const QString &file) {
    QFile f(file);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
  }
  QString write(const QString &name, const QByteArray &text) {
    QFile f(path(name));
    if (!f.open(QIODevice::WriteOnly)) return {};
    f.write(text);
    return path(name);
  }
  // history.csv equal row by row but for the timing column; result and weights equal.
  static void compare_runs(const QString &ref, const QString &dir) {
    const auto a = lines(ref + "/history.csv"), b = lines(dir + "/history.csv");
    QVERIFY(a.size() > 1);
    QCOMPARE(b.size(), a.size());
    for (qsizetype i = 0; i < a.size(); ++i) {
      auto x = a[i].split(','), y = b[i].split(',');
      x.removeLast();
      y.removeLast();
      QVERIFY2(x == y, qPrintable(QString("%1 row %2: %3 vs %4").arg(dir).arg(i).arg(a[i], b[i])));
    }
    const auto r0 = json_file(ref + "/result.json"), r1 = json_file(dir + "/result.json");
    for (const char *k :
         {"detF", "val_detF", "max_detF", "best_iteration", "iterations", "stop_reason", "F"})
      QVERIFY2(r0[k] == r1[k], k);
    const auto w = json_file(ref + "/model.json")["weights"].toArray();
    QVERIFY(!w.isEmpty());
    QVERIFY2(json_file(dir + "/model.json")["weights"].toArray() == w,
             qPrintable(dir + ": the weights differ from one process's"));
  }
  // A fit long enough to be stopped: each simulation sleeps 50 us, so that SIGTERM,
  // which mpirun passes on to the ranks only after a second or two, still finds it
  // running; and its uninterrupted one-process run (made once).
  QString long_config() {
    return write(
        "long.json",
        config(R"({"plugin": "nan_gaussian", "options": {"stand_in_cost_sleep_ms": 0.05}})", 120));
  }
  QString long_reference() {
    const QString ref = path("long-ref");
    if (!QFile::exists(ref + "/result.json")) {
      const auto r = run_cli({"fit", long_config(), "--run-dir", ref, "--threads", "1", "-q"});
      if (r.code != 0) qWarning("%s", qPrintable(r.err));
    }
    return ref;
  }
  // Starts the long fit under mpirun -n ranks into dir and waits (at most 60 s) until it
  // has a checkpoint and 15 history rows; false when it did not start or ended first.
  bool start_long_fit(QProcess &p, int ranks, const QString &dir) {
    p.setProcessEnvironment(cli_environment());
    p.start(IMNN_MPIEXEC,
            mpi_args(ranks, {"fit", long_config(), "--run-dir", dir, "--threads", "1", "--quiet"}));
    if (!p.waitForStarted()) return false;
    QElapsedTimer t;
    t.start();
    while (
        t.elapsed() < 60000 && p.state() == QProcess::Running &&
        !(QFile::exists(dir + "/checkpoint/state.ckpt") && lines(dir + "/history.csv").size() > 15))
      QThread::msleep(5);
    return p.state() == QProcess::Running;
  }
  // The pid of rank `rank` among mpirun's children (OMPI_COMM_WORLD_RANK in its
  // environment), or 0.
  static qint64 rank_pid(qint64 mpirun, int rank) {
    const QByteArray want = "OMPI_COMM_WORLD_RANK=" + QByteArray::number(rank);
    for (const QString &d : QDir("/proc").entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
      bool numeric = false;
      const qint64 pid = d.toLongLong(&numeric);
      if (!numeric) continue;
      const QByteArray stat = bytes("/proc/" + d + "/stat");
      // pid (comm) state ppid ...: the fields after the last ')'
      const auto fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
      if (fields.size() < 2 || fields[1].toLongLong() != mpirun) continue;
      if (bytes("/proc/" + d + "/environ").split('\0').contains(want)) return pid;
    }
    return 0;
  }
  static QByteArray config(const QByteArray &simulator, int max_iterations) {
    const QByteArray plugins = IMNN_TEST_PLUGIN_DIR;
    return "{\"name\": \"mpi\", \"simulator\": " + simulator +
           ", \"seed\": 3, \"plugin_dirs\": [\"" + plugins +
           "/fit\"], \"network\": {\"plugin\": \"mlp\", \"options\": {\"hidden\": [16, "
           "16]}}, \"n_s\": 200, \"n_d\": 200, \"n_per_device\": 50, \"fit\": "
           "{\"min_iterations\": 0, \"patience\": 1000, \"max_iterations\": " +
           QByteArray::number(max_iterations) +
           ", \"checkpoint_every\": 10, \"n_validation\": 200, \"n_statistics\": 400}}";
  }

private slots:
  void initTestCase() { QVERIFY(tmp_.isValid()); }

  void fit_is_the_same_on_any_number_of_ranks_data() {
    QTest::addColumn<QString>("mode");
    QTest::newRow("simulator") << "simulator";
    QTest::newRow("simulator-numerical") << "simulator-numerical";
    QTest::newRow("numerical arrays") << "numerical";
  }
  void fit_is_the_same_on_any_number_of_ranks() {
    QFETCH(QString, mode);
    QString cfg;
    if (mode == "numerical") {
      const QString data = path("arrays");
      const auto s = run_cli(
          {"simulate", write("arrays.json", config("\"gaussian_mean_variance\"", 20)), "--mode",
           "numerical", "-n", "200", "--n-d", "100", "--n-validation", "100", "-o", data});
      QVERIFY2(s.code == 0, qPrintable(s.err));
      cfg = data + "/config.json";
    } else {
      cfg = write(mode + ".json",
                  config(mode == "simulator" ? "\"nan_gaussian\"" : "\"nojac_gaussian\"", 20));
    }
    const QString base = path("fit-" + mode);
    for (int ranks : {0, 1, 2, 3}) {
      const QString dir = base + QString::number(ranks);
      const auto r = run_ranks(ranks, {"fit", cfg, "--run-dir", dir, "--threads", "1", "--quiet"});
      QVERIFY2(r.code == 0, qPrintable(QString("%1 ranks: %2").arg(ranks).arg(r.err)));
      QCOMPARE(json_file(dir + "/result.json")["aggregation"].toObject()["ranks"].toInt(),
               std::max(ranks, 1));
      QCOMPARE(json_file(dir + "/config.json")["mode"].toString(), mode);
      if (ranks > 0) compare_runs(base + "0", dir);
    }
    // Only rank 0 wrote: no stray files from the others.
    QCOMPARE(QDir(base + "3").entryList(QDir::Files | QDir::NoDotAndDotDot).size(),
             QDir(base + "0").entryList(QDir::Files | QDir::NoDotAndDotDot).size());
  }

  void stopped_run_resumes_under_another_number_of_ranks() {
    const QString dir = path("long-2-then-3");
    QProcess p;
    QVERIFY2(start_long_fit(p, 2, dir), "the 2-rank fit ended before it could be stopped");
    p.terminate(); // SIGTERM to mpirun, as a scheduler does; it passes it to the ranks
    QVERIFY2(p.waitForFinished(30000), "mpirun did not end after SIGTERM");
    const auto rows = lines(dir + "/history.csv").size() - 1;
    QVERIFY2(rows > 10 && rows < 120,
             qPrintable(QString("%1 rows; mpirun said: %2")
                            .arg(rows)
                            .arg(QString::fromUtf8(p.readAllStandardError()))));
    QVERIFY(QFile::exists(dir + "/checkpoint/state.ckpt"));
    const auto resumed = run_ranks(3, {"fit", "--resume", dir, "--threads", "1", "--quiet"});
    QVERIFY2(resumed.code == 0, qPrintable(resumed.err));
    compare_runs(long_reference(), dir);
  }

  void killed_rank_ends_the_job_and_the_run_resumes() {
    // SIGKILL to rank 1 of 3 (not to mpirun): a node lost. The job must end, with a
    // message naming the rank; the periodic checkpoint (written atomically) continues
    // under 2 ranks and under one process to the uninterrupted history.
    const QString dir = path("killed-3");
    QProcess p;
    QVERIFY2(start_long_fit(p, 3, dir), "the 3-rank fit ended before it could be killed");
    const qint64 rank1 = rank_pid(p.processId(), 1);
    QVERIFY2(rank1 > 0, "rank 1's process not found among mpirun's children");
    QElapsedTimer t;
    t.start();
    QVERIFY(::kill(static_cast<pid_t>(rank1), SIGKILL) == 0);
    if (!p.waitForFinished(30000)) {
      p.kill();
      p.waitForFinished(5000);
      QFAIL("mpirun did not end after one rank was killed: the others hang");
    }
    qInfo("mpirun ended %lld ms after rank 1 was killed", static_cast<long long>(t.elapsed()));
    const QString err = QString::fromUtf8(p.readAllStandardError());
    QVERIFY2(p.exitStatus() == QProcess::NormalExit && p.exitCode() != 0, qPrintable(err));
    // mpirun names the rank; rank 0, sent SIGTERM by mpirun, says how to continue.
    QVERIFY2(err.contains("process rank 1") && err.contains("signal 9"), qPrintable(err));
    QVERIFY2(err.contains("imnn fit --resume " + dir), qPrintable(err));
    const auto rows = lines(dir + "/history.csv").size() - 1;
    QVERIFY2(rows > 10 && rows < 120, qPrintable(QString("%1 rows").arg(rows)));
    // The checkpoint on disk is whole: it loads.
    try {
      const auto checkpoint = imnn::load_checkpoint(dir.toStdString());
      QVERIFY(checkpoint.state.next_iteration >= 10);
    } catch (const std::exception &e) {
      QFAIL(e.what());
    }
    // Resumed by one process (a copy) and by 2 ranks: the uninterrupted history.
    const QString copy = path("killed-3-then-1");
    QVERIFY(QDir().mkpath(copy + "/checkpoint"));
    for (const QString f : {"config.json", "history.csv", "checkpoint/state.ckpt"})
      QVERIFY(QFile::copy(dir + "/" + f, copy + "/" + f));
    const auto one = run_cli({"fit", "--resume", copy, "--threads", "1", "--quiet"});
    QVERIFY2(one.code == 0, qPrintable(one.err));
    compare_runs(long_reference(), copy);
    const auto two = run_ranks(2, {"fit", "--resume", dir, "--threads", "1", "--quiet"});
    QVERIFY2(two.code == 0, qPrintable(two.err));
    compare_runs(long_reference(), dir);
  }

  void inference_is_the_same_on_any_number_of_ranks() {
    const QString run = path("fit-simulator0"); // from the first test
    QVERIFY(QFile::exists(run + "/model.json"));
    const QStringList abc{"infer",     "abc", run,           "--target-theta",
                          "0.2",       "1.1", "--n-samples", "3000",
                          "--epsilon", "1.5", "--threads",   "1",
                          "--seed",    "4",   "-q"};
    const QStringList pmc{"infer",
                          "pmc",
                          run,
                          "--target-theta",
                          "0.2",
                          "1.1",
                          "--n-points",
                          "200",
                          "--max-iteration",
                          "4",
                          "--threads",
                          "1",
                          "--seed",
                          "4",
                          "-q"};
    for (const auto &[method, args] : {std::pair{QString("abc"), abc}, {QString("pmc"), pmc}}) {
      for (int ranks : {0, 1, 2, 3}) {
        const QString name = method + QString::number(ranks);
        const auto r = run_ranks(ranks, args + QStringList{"--name", name});
        QVERIFY2(r.code == 0,
                 qPrintable(QString("%1 on %2 ranks: %3").arg(method).arg(ranks).arg(r.err)));
        if (ranks == 0) continue;
        for (const char *f :
             {"samples.npy", "weights.npy", "parameters.npy", "summaries.npy", "distances.npy"}) {
          const QByteArray a = bytes(run + "/inference/" + method + "0/" + f);
          QVERIFY2(!a.isEmpty(), f);
          QVERIFY2(a == bytes(run + "/inference/" + name + "/" + f),
                   qPrintable(QString("%1 on %2 ranks: %3 differs").arg(method).arg(ranks).arg(f)));
        }
      }
    }
  }

  void sigterm_stops_inference_on_every_rank_data() {
    QTest::addColumn<QStringList>("args");
    QTest::newRow("abc") << QStringList{"abc",  "--n-samples",    "2000000", "--epsilon",
                                        "0.01", "--min-accepted", "1000000"};
    QTest::newRow("pmc") << QStringList{"pmc",  "--n-points",         "500",   "--max-iteration",
                                        "1000", "--acceptance-ratio", "0.0001"};
  }
  void sigterm_stops_inference_on_every_rank() {
    // The scheduler's kill: SIGTERM to mpirun, which passes it to both ranks. They stop
    // after the same draws, and rank 0 writes them marked cancelled, as one process
    // does on Ctrl-C.
    QFETCH(QStringList, args);
    const QString run = long_reference(), name = "sigterm-" + args[0];
    QProcess p;
    p.setProcessEnvironment(cli_environment());
    p.start(IMNN_MPIEXEC, mpi_args(2, QStringList{"infer"} + args +
                                          QStringList{run, "--target-theta", "0.2", "1.1",
                                                      "--threads", "1", "--name", name}));
    QVERIFY(p.waitForStarted());
    QElapsedTimer t;
    t.start();
    QByteArray err;
    while (!err.contains(": batch") && !err.contains("PMC: iteration") && t.elapsed() < 60000 &&
           p.state() == QProcess::Running) {
      p.waitForReadyRead(200);
      err += p.readAllStandardError();
    }
    QVERIFY2(p.state() == QProcess::Running, err.constData());
    p.terminate();
    t.restart();
    if (!p.waitForFinished(20000)) {
      p.kill();
      p.waitForFinished(5000);
      QFAIL("mpirun did not end after SIGTERM: a rank hangs");
    }
    qInfo("mpirun ended %lld ms after SIGTERM", static_cast<long long>(t.elapsed()));
    err += p.readAllStandardError();
    QVERIFY2(p.exitCode() != 0, err.constData());
    QVERIFY2(err.contains("interrupted: " + args[0].toUtf8() + " stopped after"), err.constData());
    QVERIFY2(err.count("interrupted:") == 1, err.constData()); // rank 0 alone says it
    QVERIFY2(QString::fromUtf8(p.readAllStandardOutput()).contains("(cancelled)"), err.constData());
    const auto res = json_file(run + "/inference/" + name + "/result.json");
    QCOMPARE(res["cancelled"].toBool(), true);
    QCOMPARE(res["converged"].toBool(), false);
    QCOMPARE(res["convergence"].toString(), QString("cancelled"));
    QVERIFY(res["simulations"].toInt() > 0 && res["simulations"].toInt() < 2000000);
  }

  void killed_rank_during_inference_keeps_the_previous_results() {
    // A node lost while ABC simulates, re-running an inference with --replace: the
    // earlier results stay as they were (the folder is emptied only when the new results
    // are ready), and a new name leaves no empty folder behind.
    const QString run = long_reference();
    const QString kept = run + "/inference/kill-replace", fresh = run + "/inference/kill-new";
    const QStringList target{run, "--target-theta", "0.2", "1.1", "--threads", "1"};
    const auto first = run_cli(QStringList{"infer", "abc", "--n-samples", "2000", "--epsilon",
                                           "1.5", "--name", "kill-replace", "-q"} +
                               target);
    QVERIFY2(first.code == 0, qPrintable(first.err));
    const QByteArray before = bytes(kept + "/samples.npy");
    QVERIFY(!before.isEmpty());
    const QStringList long_abc{"abc",  "--n-samples",    "2000000", "--epsilon",
                               "0.01", "--min-accepted", "1000000"};
    for (const QStringList &name :
         {QStringList{"--name", "kill-replace", "--replace"}, QStringList{"--name", "kill-new"}}) {
      QProcess p;
      p.setProcessEnvironment(cli_environment());
      p.start(IMNN_MPIEXEC, mpi_args(2, QStringList{"infer"} + long_abc + target + name));
      QVERIFY(p.waitForStarted());
      QElapsedTimer t;
      t.start();
      QByteArray err;
      while (!err.contains(": batch") && t.elapsed() < 60000 && p.state() == QProcess::Running) {
        p.waitForReadyRead(200);
        err += p.readAllStandardError();
      }
      QVERIFY2(p.state() == QProcess::Running, err.constData());
      const qint64 rank1 = rank_pid(p.processId(), 1);
      QVERIFY2(rank1 > 0, "rank 1's process not found among mpirun's children");
      QVERIFY(::kill(static_cast<pid_t>(rank1), SIGKILL) == 0);
      if (!p.waitForFinished(30000)) {
        p.kill();
        p.waitForFinished(5000);
        QFAIL("mpirun did not end after one rank was killed: the other hangs");
      }
      err += p.readAllStandardError();
      QVERIFY2(p.exitCode() != 0, err.constData());
      QVERIFY2(err.contains("process rank 1") && err.contains("signal 9"), err.constData());
    }
    QCOMPARE(bytes(kept + "/samples.npy"), before);
    QVERIFY(QFile::exists(kept + "/result.json"));
    QVERIFY2(!QFileInfo::exists(fresh), qPrintable(fresh + " was left behind"));
  }

  void an_error_on_one_rank_ends_every_rank() {
    // nan_one_in 2011 makes simulation 73 of iteration 7 NaN: chunk 1, rank 1 of 3.
    const QString cfg = write(
        "nan.json", config(R"({"plugin": "nan_gaussian", "options": {"nan_one_in": 2011}})", 20));
    const auto one = run_cli({"fit", cfg, "--run-dir", path("nan0"), "--threads", "1", "-q"});
    QCOMPARE(one.code, 1);
    QElapsedTimer t;
    t.start();
    const auto r =
        run_ranks(3, {"fit", cfg, "--run-dir", path("nan3"), "--threads", "1", "-q"}, 60000);
    QVERIFY2(r.code != 0 && r.code != -1, qPrintable(r.err)); // -1: it hung
    QVERIFY2(r.err.contains("rank 1: simulator 'nan_gaussian' returned NaN"), qPrintable(r.err));
    QVERIFY2(r.err.contains("--resume"), qPrintable(r.err));
    QVERIFY2(t.elapsed() < 30000, "the ranks took too long to stop");
    // Rank 0 kept the history up to the failed iteration, as one process does.
    const auto a = lines(path("nan0/history.csv")), b = lines(path("nan3/history.csv"));
    QVERIFY(a.size() > 2);
    QCOMPARE(b.size(), a.size());
    for (qsizetype i = 0; i < a.size(); ++i)
      QCOMPARE(b[i].section(',', 0, -2), a[i].section(',', 0, -2));
    QVERIFY(json_file(path("nan3/result.json"))["error"].toString().contains("rank 1:"));
  }

  void an_exception_on_one_rank_ends_every_rank() {
    // IMNN_TEST_BAD_ALLOC=1:6: rank 1 throws std::bad_alloc in iteration 6's pass, as
    // a rank running out of memory would.
    const QString cfg = write("bad_alloc.json", config("\"nan_gaussian\"", 20));
    QProcess p;
    auto env = cli_environment();
    env.insert("IMNN_TEST_BAD_ALLOC", "1:6");
    p.setProcessEnvironment(env);
    QElapsedTimer t;
    t.start();
    p.start(IMNN_MPIEXEC,
            QStringList{"-x", "IMNN_TEST_BAD_ALLOC"} +
                mpi_args(3, {"fit", cfg, "--run-dir", path("bad_alloc3"), "--threads", "1", "-q"}));
    QVERIFY(p.waitForStarted());
    if (!p.waitForFinished(60000)) {
      p.kill();
      p.waitForFinished(5000);
      QFAIL("mpirun did not end: a rank hangs after another's exception");
    }
    const QString err = QString::fromUtf8(p.readAllStandardError());
    QVERIFY2(p.exitCode() != 0, qPrintable(err));
    QVERIFY2(err.contains("rank 1: std::bad_alloc"), qPrintable(err));
    QVERIFY2(t.elapsed() < 30000, "the ranks took too long to stop");
    // Rank 0 kept the iterations before it and recorded the error, as one process
    // that throws in the same iteration does.
    qputenv("IMNN_TEST_BAD_ALLOC", "0:6");
    const auto one = run_cli({"fit", cfg, "--run-dir", path("bad_alloc0"), "--threads", "1", "-q"});
    qunsetenv("IMNN_TEST_BAD_ALLOC");
    QCOMPARE(one.code, 1);
    QVERIFY2(one.err.contains("std::bad_alloc"), qPrintable(one.err));
    const auto a = lines(path("bad_alloc0/history.csv")), b = lines(path("bad_alloc3/history.csv"));
    QVERIFY(a.size() > 2);
    QCOMPARE(b.size(), a.size());
    QVERIFY(json_file(path("bad_alloc3/result.json"))["error"].toString().contains("rank 1:"));
  }

  void simulate_writes_the_same_bytes_on_any_number_of_ranks_data() {
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("mode");
    QTest::newRow("npy numerical") << "npy"
                                   << "numerical";
    QTest::newRow("h5 numerical") << "h5"
                                  << "numerical";
    QTest::newRow("h5 gradient") << "h5"
                                 << "gradient";
  }
  void simulate_writes_the_same_bytes_on_any_number_of_ranks() {
    QFETCH(QString, format);
    QFETCH(QString, mode);
    const QString base = path("sim-" + format + "-" + mode);
    const QStringList files =
        format == "h5" ? QStringList{"data.h5", "config.json"}
                       : QStringList{"fiducial.npy", "derivative.npy", "validation_fiducial.npy",
                                     "validation_derivative.npy", "config.json"};
    for (int ranks : {0, 1, 2, 3}) {
      const QString out = base + QString::number(ranks);
      // 103 simulations, 61 with derivatives: chunks of uneven size, some ranks idle at the end.
      const auto r = run_ranks(ranks, {"simulate", "gaussian_mean_variance", "--mode", mode,
                                       "--format", format, "-n", "103", "--n-d", "61",
                                       "--n-validation", "37", "--seed", "5", "-o", out});
      QVERIFY2(r.code == 0, qPrintable(QString("%1 ranks: %2").arg(ranks).arg(r.err)));
      QVERIFY2(r.out.contains(QString("on %1 rank").arg(std::max(ranks, 1))), qPrintable(r.out));
      // Rank 0 alone wrote: exactly these files.
      auto found = QDir(out).entryList(QDir::Files | QDir::NoDotAndDotDot);
      auto expected = files;
      found.sort();
      expected.sort();
      QCOMPARE(found, expected);
      if (ranks == 0) continue;
      for (const auto &f : files) {
        const QByteArray a = bytes(base + "0/" + f);
        QVERIFY2(a.size() > 100, qPrintable(f));
        if (f == "config.json") continue; // written from the options alone
        QVERIFY2(a == bytes(out + "/" + f),
                 qPrintable(QString("%1 ranks: %2 differs from one process's").arg(ranks).arg(f)));
      }
    }
    // The arrays fit as they are (paths relative to the config).
    const auto fit = run_cli({"fit", base + "3/config.json", "--run-dir", base + "-fit",
                              "--max-iterations", "2", "--threads", "1", "-q"});
    QVERIFY2(fit.code == 0, qPrintable(fit.err));
  }

  void simulate_error_on_one_rank_ends_every_rank() {
    // nan_one_in 7: simulation seeds divisible by 7 are NaN, on whichever rank makes them.
    const auto r = run_ranks(3,
                             {"simulate", "nan_gaussian", "--options", R"({"nan_one_in": 7})",
                              "--plugin-dir", QString(IMNN_TEST_PLUGIN_DIR) + "/fit", "--mode",
                              "numerical", "-n", "200", "-o", path("sim-nan")},
                             60000);
    QVERIFY2(r.code != 0 && r.code != -1, qPrintable(r.err)); // -1: it hung
    QVERIFY2(r.err.contains("returned NaN"), qPrintable(r.err));
    QVERIFY2(r.err.count("error:") == 1, qPrintable(r.err)); // rank 0 alone says it
    QVERIFY(!QFile::exists(path("sim-nan/fiducial.npy")));
  }

  void commands_that_do_not_share_work_refuse_several_ranks() {
    const auto r = run_ranks(2, {"plugins"});
    QVERIFY(r.code != 0);
    QVERIFY2(r.err.contains("does not run across MPI ranks"), qPrintable(r.err));
  }
};

QTEST_GUILESS_MAIN(TestMpi)
#include "test_mpi.moc"

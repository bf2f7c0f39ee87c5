// Runs that survive: `imnn fit` killed with SIGKILL mid-fit and continued with
// `imnn fit --resume` ends with the history, result and model of an uninterrupted
// run (bit for bit, same thread count); so does a run stopped by SIGTERM. A damaged
// checkpoint, a finished run and a run directory given without --resume are refused
// with messages that say what to do; a fit that fails keeps its last good state. A
// simulator plugin that crashes (in a child process or in the fit's own) or hangs
// mid-fit leaves a run that resumes to the same history once the plugin is fixed, and
// Ctrl-C ends a fit whose plugin hangs (grace period, or a second Ctrl-C). A full disk
// stops a fit and loses nothing.
#include "imnn/checkpoint.h"

#include "cli_process.h"

#include <QtTest>
#include <csignal>

class TestResume : public QObject {
  Q_OBJECT
  QTemporaryDir tmp_;
  QString config_;

  QString path(const QString &name) const { return tmp_.filePath(name); }

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

  // Starts a fit of config_ into dir and stops it with signal (kill: SIGKILL,
  // terminate: SIGTERM) once a checkpoint exists and the history has gone past it.
  bool start_and_stop(const QString &dir, bool sigkill) {
    QProcess p;
    p.setProcessEnvironment(cli_environment());
    p.start(IMNN_CLI_PATH, {"fit", config_, "--run-dir", dir, "--threads", "1", "--quiet"});
    if (!p.waitForStarted()) return false;
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < 60000 && p.state() == QProcess::Running) {
      if (QFile::exists(dir + "/checkpoint/state.ckpt") && lines(dir + "/history.csv").size() > 32)
        break;
      QThread::msleep(5);
    }
    if (p.state() != QProcess::Running) return false; // finished before it could be stopped
    if (sigkill)
      p.kill();
    else
      p.terminate();
    p.waitForFinished(30000);
    return sigkill ? p.exitStatus() == QProcess::CrashExit : p.exitCode() == 130;
  }

  // history.csv equal row by row except the timing column; result and weights equal.
  void compare_with_reference(const QString &dir, const QString &reference = "reference") {
    const auto ref = lines(path(reference + "/history.csv"));
    const auto got = lines(dir + "/history.csv");
    QCOMPARE(got.size(), ref.size());
    for (qsizetype i = 0; i < ref.size(); ++i) {
      auto a = ref[i].split(','), b = got[i].split(',');
      a.removeLast();
      b.removeLast();
      QVERIFY2(a == b, qPrintable(QString("row %1: %2 vs %3").arg(i).arg(ref[i], got[i])));
    }
    const auto r0 = json_file(path(reference + "/result.json"));
    const auto r1 = json_file(dir + "/result.json");
    for (const char *k :
         {"detF", "val_detF", "max_detF", "best_iteration", "iterations", "stop_reason", "F"})
      QVERIFY2(r0[k] == r1[k], k);
    QCOMPARE(json_file(dir + "/model.json")["weights"].toArray(),
             json_file(path(reference + "/model.json"))["weights"].toArray());
  }

private slots:
  void initTestCase() {
    QVERIFY(tmp_.isValid());
    config_ = path("config.json");
    QFile f(config_);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({"name": "resume", "simulator": "gaussian_mean_variance", "seed": 3,
                "network": {"plugin": "mlp", "options": {"hidden": [32, 32]}},
                "n_s": 1000, "n_d": 1000,
                "fit": {"min_iterations": 0, "patience": 1000, "max_iterations": 300,
                        "checkpoint_every": 20}})");
    f.close();
    QElapsedTimer t;
    t.start();
    const auto r =
        run_cli({"fit", config_, "--run-dir", path("reference"), "--threads", "1", "--quiet"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    qInfo("uninterrupted run: %lld ms", static_cast<long long>(t.elapsed()));
    QCOMPARE(lines(path("reference/history.csv")).size(), 301);
  }

  void killed_run_resumes_to_the_uninterrupted_history() {
    const QString dir = path("killed");
    QVERIFY2(start_and_stop(dir, true), "the fit was not killed mid-fit");
    QVERIFY(!QFile::exists(dir + "/result.json"));
    const auto rows = lines(dir + "/history.csv").size() - 1;
    QVERIFY2(rows > 20 && rows < 300, qPrintable(QString::number(rows)));
    qInfo("killed after %lld rows", static_cast<long long>(rows));
    // Copies with a damaged checkpoint and an edited config, resumed below.
    for (const char *copy : {"damaged/", "edited/", "resplit/"}) {
      QDir().mkpath(path(copy) + "checkpoint");
      for (const char *f : {"config.json", "history.csv", "checkpoint/state.ckpt"})
        QVERIFY(QFile::copy(dir + "/" + f, path(copy) + f));
    }
    {
      QFile c(path("edited/config.json"));
      QVERIFY(c.open(QIODevice::ReadWrite));
      const QByteArray edited = c.readAll().replace("\"patience\": 1000", "\"patience\": 999");
      c.resize(0);
      c.write(edited);
    }
    {
      // How the work is split does not change the result, so a resume may change it:
      // two devices, chunks of 150, a budget that forces two passes.
      QFile c(path("resplit/config.json"));
      QVERIFY(c.open(QIODevice::ReadWrite));
      QJsonObject j = QJsonDocument::fromJson(c.readAll()).object();
      QVERIFY(j.contains("devices") && j.contains("n_per_device"));
      j["devices"] = QJsonArray{QJsonObject{{"kind", "cpu"}, {"threads", 1}},
                                QJsonObject{{"kind", "cpu"}, {"threads", 1}}};
      j["n_per_device"] = 150;
      QJsonObject fit = j["fit"].toObject();
      fit["memory_budget_mb"] = 0.01;
      j["fit"] = fit;
      c.resize(0);
      c.write(QJsonDocument(j).toJson());
    }
    {
      QFile c(path("damaged/checkpoint/state.ckpt"));
      QVERIFY(c.open(QIODevice::ReadWrite));
      QByteArray bytes = c.readAll();
      bytes[bytes.size() / 2] = char(bytes[bytes.size() / 2] ^ 0x40);
      c.seek(0);
      c.write(bytes);
    }

    const auto r = run_cli({"fit", "--resume", dir, "--quiet"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    compare_with_reference(dir);

    const auto again = run_cli({"fit", "--resume", dir, "--quiet"});
    QCOMPARE(again.code, 1);
    QVERIFY2(again.err.contains("is finished") && again.err.contains("nothing to resume"),
             qPrintable(again.err));

    const auto edited = run_cli({"fit", "--resume", path("edited"), "--quiet"});
    QCOMPARE(edited.code, 1);
    QVERIFY2(edited.err.contains("no longer matches") &&
                 edited.err.contains("`fit.patience`: 1000 when checkpointed, 999 now"),
             qPrintable(edited.err));

    const auto resplit = run_cli({"fit", "--resume", path("resplit")});
    QVERIFY2(resplit.code == 0, qPrintable(resplit.err));
    QVERIFY2(resplit.err.contains("2 devices") && resplit.err.contains("2 passes"),
             qPrintable(resplit.err));
    QCOMPARE(lines(path("resplit/history.csv")).size(),
             lines(path("reference/history.csv")).size());
    QCOMPARE(json_file(path("resplit/result.json"))["aggregation"].toObject()["passes"].toInt(), 2);

    const auto damaged = run_cli({"fit", "--resume", path("damaged"), "--quiet"});
    QCOMPARE(damaged.code, 1);
    QVERIFY2(damaged.err.contains("checksum does not match") &&
                 damaged.err.contains("cannot be resumed"),
             qPrintable(damaged.err));
  }

  void interrupted_run_resumes_from_its_final_checkpoint() {
    const QString dir = path("interrupted");
    QVERIFY2(start_and_stop(dir, false), "the fit was not interrupted mid-fit");
    QCOMPARE(json_file(dir + "/result.json")["stop_reason"].toString(), QString("cancelled"));
    // The checkpoint written on the way out holds every row of the history.
    const auto checkpoint = imnn::load_checkpoint(dir.toStdString());
    QCOMPARE(qsizetype(checkpoint.state.history.size()), lines(dir + "/history.csv").size() - 1);
    const auto r = run_cli({"fit", "--resume", dir, "--quiet"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    compare_with_reference(dir);
  }

  void failed_run_keeps_its_last_good_state() {
    QFile f(path("nan.json"));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({"simulator": {"plugin": "nan_gaussian", "options": {"nan_one_in": 5000}},
                "network": {"plugin": "mlp", "options": {"hidden": [8]}},
                "n_s": 200, "n_d": 200, "fit": {"checkpoint_every": 1000}})");
    f.close();
    const QString dir = path("failed");
    const auto r = run_cli({"fit", path("nan.json"), "--run-dir", dir, "--quiet", "--plugin-dir",
                            IMNN_TEST_PLUGIN_DIR "/fit"});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("NaN") && r.err.contains("--resume"), qPrintable(r.err));
    QVERIFY(json_file(dir + "/result.json").contains("error"));
    const auto rows = lines(dir + "/history.csv").size() - 1;
    QVERIFY2(rows > 0, "failed at the first iteration: raise nan_one_in");
    const auto checkpoint = imnn::load_checkpoint(dir.toStdString());
    QCOMPARE(qsizetype(checkpoint.state.next_iteration), rows);
    QVERIFY(checkpoint.state.call_open);
  }

  // The env_fault test plugin misbehaves from its $IMNN_TEST_FAULT_AFTER-th simulation
  // on while $IMNN_TEST_FAULT is set: "fixed" by unsetting it.
  void plugin_failure_mid_fit_resumes_once_fixed() {
    QFile f(path("fault.json"));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({"name": "fault", "simulator": "env_fault", "seed": 5,
                "network": {"plugin": "mlp", "options": {"hidden": [16]}},
                "n_s": 200, "n_d": 200,
                "fit": {"min_iterations": 0, "patience": 1000, "max_iterations": 150,
                        "checkpoint_every": 10}})");
    f.close();
    const QString plugins = IMNN_TEST_PLUGIN_DIR "/env_fault";
    const QStringList fit = {"fit",     path("fault.json"), "--threads", "1",
                             "--quiet", "--plugin-dir",     plugins};
    const auto ref = run_cli(fit + QStringList{"--run-dir", path("fault_reference")});
    QVERIFY2(ref.code == 0, qPrintable(ref.err));

    struct Case {
      const char *name, *fault;
      QStringList extra;
      int interrupts; // signals sent once the plugin hangs
      int signal = SIGINT;
    };
    const Case cases[] = {
        {"isolated_crash", "crash", {"--isolate-simulator"}, 0},
        {"crash", "crash", {}, 0},
        {"exit", "exit", {}, 0},
        {"hang_grace", "hang", {"--stop-grace", "1"}, 1},
        {"hang_twice", "hang", {"--stop-grace", "0"}, 2},
        // A scheduler's SIGTERM ends a hung plugin's fit as Ctrl-C does.
        {"hang_sigterm", "hang", {"--stop-grace", "1"}, 1, SIGTERM},
    };
    for (const Case &c : cases) {
      const QString dir = path(c.name);
      QProcess p;
      QProcessEnvironment env = cli_environment();
      env.insert("IMNN_TEST_FAULT", c.fault);
      env.insert("IMNN_TEST_FAULT_AFTER", "15000");
      p.setProcessEnvironment(env);
      p.start(IMNN_CLI_PATH, fit + c.extra + QStringList{"--run-dir", dir});
      QVERIFY(p.waitForStarted());
      QElapsedTimer t;
      t.start();
      if (c.interrupts > 0) {
        // The plugin hangs from its 15000th simulation on (iteration ~19): the
        // history stops growing and only the interrupt can end the process.
        while (t.elapsed() < 60000 && lines(dir + "/history.csv").size() < 15)
          QThread::msleep(10);
        QThread::msleep(300);
        QVERIFY2(p.state() == QProcess::Running, c.name);
        for (int s = 0; s < c.interrupts; ++s) {
          ::kill(static_cast<pid_t>(p.processId()), c.signal);
          QThread::msleep(100);
        }
      }
      QVERIFY2(p.waitForFinished(30000), c.name);
      const QString err = QString::fromUtf8(p.readAllStandardError());
      const QString why = QString(c.name) + ": " + err;
      if (QString(c.name) == "crash") {
        QCOMPARE(p.exitStatus(), QProcess::CrashExit); // the fit's own process died
        // ... saying why, what the run keeps and how to go on
        QVERIFY2(err.contains("error: the process crashed (SIGSEGV") &&
                     err.contains("--isolate-simulator") &&
                     err.contains("imnn fit --resume " + dir),
                 qPrintable(why));
      } else {
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QVERIFY2(err.contains("imnn fit --resume " + dir), qPrintable(why));
      }
      if (QString(c.name) == "exit") { // the plugin's exit(3): status 1 and the reason
        QCOMPARE(p.exitCode(), 1);
        QVERIFY2(err.contains("exit() was called during this command"), qPrintable(why));
      }
      if (QString(c.name) == "isolated_crash") {
        QCOMPARE(p.exitCode(), 1);
        QVERIFY2(err.contains("crashed") && err.contains("env_fault"), qPrintable(why));
      }
      if (c.interrupts == 1) {
        QCOMPARE(p.exitCode(), 130);
        QVERIFY2(err.contains("did not stop within 1 s") && err.contains("--isolate-simulator"),
                 qPrintable(why));
        QVERIFY2(t.elapsed() < 20000, qPrintable(why));
      }
      if (c.interrupts == 2) {
        QCOMPARE(p.exitCode(), 130);
        QVERIFY2(err.contains("interrupted again"), qPrintable(why));
      }
      const auto rows = lines(dir + "/history.csv").size() - 1;
      QVERIFY2(rows >= 10 && rows < 150, qPrintable(why + QString::number(rows)));
      qInfo("%s: stopped after %lld rows", c.name, static_cast<long long>(rows));
      QVERIFY(!QFile::exists(dir + "/result.json") ||
              !json_file(dir + "/result.json").contains("detF"));

      const auto resumed = run_cli({"fit", "--resume", dir, "--quiet"}); // fixed: no fault
      QVERIFY2(resumed.code == 0, qPrintable(QString(c.name) + ": " + resumed.err));
      compare_with_reference(dir, "fault_reference");
    }
  }

  // A full disk mid-fit (a real one: a small tmpfs, which needs root to mount): the fit
  // stops with an error naming the file and the disk, keeps every history row and the
  // last good checkpoint, and the run copied to a disk with room resumes to the
  // uninterrupted history.
  void full_disk_stops_the_fit_and_loses_nothing() {
    const auto size_of = [](const QString &f) { return QFileInfo(f).size(); };
    const qint64 end_size =
        size_of(path("reference/history.csv")) + size_of(path("reference/checkpoint/state.ckpt"));
    // Room for 80% of the finished run's history and checkpoint: full before the end
    // (a checkpoint is written beside the old one, then renamed over it).
    const qint64 kib = (end_size * 8 / 10 / 4096 + 1) * 4;
    const QString mount_point = path("small_disk");
    QVERIFY(QDir().mkpath(mount_point));
    QProcess mount;
    mount.start("mount", {"-t", "tmpfs", "-o", QString("size=%1k").arg(kib), "tmpfs", mount_point});
    if (!mount.waitForFinished(10000) || mount.exitStatus() != QProcess::NormalExit ||
        mount.exitCode() != 0)
      QSKIP(qPrintable("cannot mount a small tmpfs to fill (this test needs root): " +
                       QString::fromUtf8(mount.readAllStandardError()).trimmed()));
    const auto unmount = qScopeGuard([&] { QProcess::execute("umount", {mount_point}); });
    const QString dir = mount_point + "/run";
    const auto r = run_cli({"fit", config_, "--run-dir", dir, "--threads", "1", "--quiet"}, 120000);
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("No space left on device") && r.err.contains(dir + "/") &&
                 r.err.contains("imnn fit --resume " + dir),
             qPrintable(r.err));

    // Nothing written is lost: the checkpoint loads, and every complete history row
    // (at least the checkpoint's) is the uninterrupted run's.
    const auto checkpoint = imnn::load_checkpoint(dir.toStdString());
    const auto reference = lines(path("reference/history.csv"));
    const auto got = lines(dir + "/history.csv");
    const qsizetype kept = checkpoint.state.history.size();
    qInfo("disk of %lld KiB full after %lld rows; checkpoint of iteration %lld",
          static_cast<long long>(kib), static_cast<long long>(got.size() - 1),
          static_cast<long long>(kept));
    QVERIFY2(kept >= 20 && kept < 300, qPrintable(QString::number(kept)));
    QVERIFY(got.size() - 1 >= kept);
    for (qsizetype i = 0; i <= kept; ++i) {
      auto a = reference[i].split(','), b = got[i].split(',');
      a.removeLast();
      b.removeLast();
      QVERIFY2(a == b, qPrintable(QString("row %1: %2 vs %3").arg(i).arg(reference[i], got[i])));
    }

    // Moved to a disk with room, the run resumes to the uninterrupted result.
    const QString moved = path("moved_from_full_disk");
    QVERIFY(QDir().mkpath(moved + "/checkpoint"));
    for (const char *f : {"config.json", "history.csv", "checkpoint/state.ckpt"})
      QVERIFY(QFile::copy(dir + "/" + f, moved + "/" + f));
    const auto resumed = run_cli({"fit", "--resume", moved, "--quiet"});
    QVERIFY2(resumed.code == 0, qPrintable(resumed.err));
    compare_with_reference(moved);
  }

  void run_directory_errors_say_what_to_do() {
    const auto help = run_cli({"fit", "--help"});
    QVERIFY2(help.code == 0 && help.out.contains("--resume"), qPrintable(help.out));
    const auto exists = run_cli({"fit", config_, "--run-dir", path("reference"), "--quiet"});
    QCOMPARE(exists.code, 1);
    QVERIFY2(exists.err.contains("already exists") && exists.err.contains("--resume"),
             qPrintable(exists.err));
    const auto neither = run_cli({"fit", "--quiet"});
    QCOMPARE(neither.code, 1);
    QVERIFY2(neither.err.contains("--resume RUN_DIR"), qPrintable(neither.err));
    const auto both = run_cli({"fit", config_, "--resume", path("reference")});
    QVERIFY(both.code != 0);
    QVERIFY2(both.err.contains("excludes"), qPrintable(both.err));
    QDir().mkpath(path("empty"));
    const auto not_run = run_cli({"fit", "--resume", path("empty")});
    QCOMPARE(not_run.code, 1);
    QVERIFY2(not_run.err.contains("not a run directory"), qPrintable(not_run.err));
  }
};

QTEST_GUILESS_MAIN(TestResume)
#include "test_resume.moc"

// The headless front end end to end: `imnn fit` writes a complete run directory,
// refuses to overwrite one, reports bad configs with the key; `imnn plugins` lists
// plugins and skipped files.
#include "imnn/arrays.h"

#include "cli_process.h"

#include <QtTest>

class TestCli : public QObject {
  Q_OBJECT
  QTemporaryDir tmp_;

  static CliResult run(const QStringList &args) { return run_cli(args); }
  QString write_config(const QString &name, const QByteArray &json) {
    const QString path = tmp_.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly)) return {};
    f.write(json);
    return path;
  }
  static QByteArray small_config() {
    return R"({"name": "small", "simulator": "gaussian_mean_variance",
               "network": {"plugin": "mlp", "options": {"hidden": [16, 16]}},
               "n_s": 200, "n_d": 200,
               "fit": {"min_iterations": 0, "patience": 1000, "max_iterations": 500}})";
  }

private slots:
  void help_documents_every_option() {
    const auto r = run({"fit", "--help"});
    QCOMPARE(r.code, 0);
    for (const char *opt : {"--run-dir", "--max-iterations", "--seed", "--threads", "--quiet",
                            "--plugin-dir", "--isolate-simulator"})
      QVERIFY2(r.out.contains(opt), opt);
    const auto top = run({"--help"});
    QCOMPARE(top.code, 0);
    QVERIFY(top.out.contains("fit") && top.out.contains("plugins"));
  }

  void fit_writes_the_run_directory() {
    const QString cfg = write_config("small.json", small_config());
    const QString dir = tmp_.filePath("run");
    const auto r = run({"fit", cfg, "--run-dir", dir, "--max-iterations", "15", "--seed", "3",
                        "--threads", "1", "--quiet"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains("det F ="), qPrintable(r.out));
    // config.json: resolved, with the overrides and the plugin defaults.
    QFile c(dir + "/config.json");
    QVERIFY(c.open(QIODevice::ReadOnly));
    const auto config = QJsonDocument::fromJson(c.readAll()).object();
    QCOMPARE(config["fit"].toObject()["max_iterations"].toInt(), 15);
    QCOMPARE(config["seed"].toInt(), 3);
    QCOMPARE(config["theta_fid"].toArray().size(), 2);
    QCOMPARE(config["network"].toObject()["options"].toObject()["activation"].toString(),
             QString("leaky_relu"));
    // history.csv: header and one row per iteration.
    QFile h(dir + "/history.csv");
    QVERIFY(h.open(QIODevice::ReadOnly));
    const auto lines = QString(h.readAll()).trimmed().split('\n');
    QCOMPARE(lines.size(), 16);
    QCOMPARE(lines[0], QString("iteration,detF,detC,detinvC,Lambda2,r,loss,val_detF,val_detC,"
                               "val_detinvC,val_Lambda2,val_r,seconds"));
    QCOMPARE(lines[1].split(',').size(), 13);
    QVERIFY(lines[15].startsWith("14,"));
    // result.json
    QFile res(dir + "/result.json");
    QVERIFY(res.open(QIODevice::ReadOnly));
    const auto result = QJsonDocument::fromJson(res.readAll()).object();
    for (const char *k : {"detF", "val_detF", "val_detF_se", "F", "iterations", "best_iteration",
                          "seconds", "iterations_per_second"})
      QVERIFY2(result.contains(k), k);
    QCOMPARE(result["iterations"].toInt(), 15);
    QCOMPARE(result["F"].toArray().size(), 2);
    QVERIFY(result["val_detF"].toDouble() > 0);
    // The jackknife error of val det F from n_statistics = n_s = 200 simulations: a few to
    // some tens of per cent (sd of ln det F about sqrt(6 / 200) = 17% for sufficient
    // summaries), printed beside it.
    const double se = result["val_detF_se"].toDouble() / result["val_detF"].toDouble();
    QVERIFY2(se > 0.02 && se < 0.6, qPrintable(QString::number(se)));
    QVERIFY2(r.out.contains("+- "), qPrintable(r.out));
    // model.json
    QFile m(dir + "/model.json");
    QVERIFY(m.open(QIODevice::ReadOnly));
    const auto model = QJsonDocument::fromJson(m.readAll()).object();
    QCOMPARE(model["format"].toString(), QString("imnn-studio-model"));
    QCOMPARE(model["version"].toInt(), 1);
    QVERIFY(model["weights"].toArray().size() > 100);
    // A second fit into the same directory is refused; nothing is overwritten.
    const auto again = run({"fit", cfg, "--run-dir", dir, "--quiet"});
    QCOMPARE(again.code, 1);
    QVERIFY2(again.err.contains("already exists"), qPrintable(again.err));
    QVERIFY(QFile(dir + "/history.csv").size() > 0);
  }

  // --isolate-simulator runs the plugin in child processes (a chunk of simulations per
  // round trip) and changes nothing in the numbers: the history equals the in-process
  // fit's column for column (all but the wall-clock seconds), and config.json says so.
  void isolated_simulator_fits_the_same_history() {
    const QString cfg = write_config("small_iso.json", small_config());
    auto history = [](const QString &dir) {
      QFile h(dir + "/history.csv");
      if (!h.open(QIODevice::ReadOnly)) return QStringList();
      QStringList rows;
      for (const QString &line : QString(h.readAll()).trimmed().split('\n'))
        rows << line.section(',', 0, -2); // without seconds
      return rows;
    };
    const QString plain = tmp_.filePath("run_plain"), iso = tmp_.filePath("run_iso");
    const auto a = run({"fit", cfg, "--run-dir", plain, "--max-iterations", "12", "--quiet"});
    QVERIFY2(a.code == 0, qPrintable(a.err));
    const auto b = run(
        {"fit", cfg, "--run-dir", iso, "--max-iterations", "12", "--quiet", "--isolate-simulator"});
    QVERIFY2(b.code == 0, qPrintable(b.err));
    QCOMPARE(history(iso).size(), 13);
    QCOMPARE(history(iso), history(plain));
    QFile c(iso + "/config.json");
    QVERIFY(c.open(QIODevice::ReadOnly));
    const auto config = QJsonDocument::fromJson(c.readAll()).object();
    QCOMPARE(config["simulator"].toObject()["isolate"].toBool(), true);
    // --resume continues with the run's own config.json: the flag is refused with it.
    const auto bad = run({"fit", "--resume", plain, "--isolate-simulator"});
    QVERIFY(bad.code != 0);
  }

  // Sizes no machine can hold are refused before anything is allocated, with the key,
  // the bytes it asks for and the fix, never a bare std::bad_alloc (issue 15 §5).
  void huge_sizes_name_the_key_data() {
    QTest::addColumn<QByteArray>("config");
    QTest::addColumn<QString>("key");
    const QByteArray net = R"("network": {"plugin": "mlp", "options": {"hidden": [16, 16]}})";
    QTest::newRow("n_s") << QByteArray(R"({"simulator": "gaussian_mean_variance", )" + net +
                                       R"(, "n_s": 4000000000, "n_d": 100})")
                         << "`n_s`: 4000000000 simulations ask for at least";
    QTest::newRow("n_validation")
        << QByteArray(R"({"simulator": "gaussian_mean_variance", )" + net +
                      R"(, "n_s": 200, "n_d": 200, "fit": {"n_validation": 4000000000}})")
        << "`fit.n_validation`: 4000000000 simulations";
    QTest::newRow("n_statistics")
        << QByteArray(R"({"simulator": "gaussian_mean_variance", )" + net +
                      R"(, "n_s": 200, "n_d": 200, "fit": {"n_statistics": 4000000000}})")
        << "`fit.n_statistics`: 4000000000 simulations";
    QTest::newRow("n_data") << QByteArray(R"({"simulator": {"plugin": "gaussian_mean_variance",
                                  "options": {"n_data": 1000000000}}, )" +
                                          net + R"(, "n_s": 200, "n_d": 200})")
                            << "`n_per_device`: a chunk of 200 simulations of 1000000000 values";
    QTest::newRow("hidden") << QByteArray(R"({"simulator": "gaussian_mean_variance",
                                  "network": {"plugin": "mlp", "options": {"hidden":
                                  [2000000000, 2000000000]}}, "n_s": 200, "n_d": 200})")
                            << "`network.options`: the network \"mlp\"";
  }
  void huge_sizes_name_the_key() {
    QFETCH(QByteArray, config);
    QFETCH(QString, key);
    const QString cfg =
        write_config(QStringLiteral("huge_%1.json").arg(QTest::currentDataTag()), config);
    const auto r =
        run({"fit", cfg, "--run-dir", tmp_.filePath(QTest::currentDataTag()), "--quiet"});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(key), qPrintable(r.err));
    QVERIFY2(!r.err.contains("bad_alloc") || r.err.contains("out of memory"), qPrintable(r.err));
    QVERIFY2(r.err.contains("this machine has") || r.err.contains("too large for this machine"),
             qPrintable(r.err));
  }

  void progress_line_is_printed() {
    const QString cfg = write_config("small2.json", small_config());
    const auto r = run({"fit", cfg, "--run-dir", tmp_.filePath("run2"), "--max-iterations", "100",
                        "--threads", "1"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY2(r.err.contains("iter   100/100") && r.err.contains("val_detF") &&
                 r.err.contains("it/s"),
             qPrintable(r.err));
    // mode "auto" (the default) says which mode it picked and why.
    QVERIFY2(r.err.contains("mode simulator (auto: simulator \"gaussian_mean_variance\" provides "
                            "its Jacobian"),
             qPrintable(r.err));
  }

  void simulate_writes_arrays_that_fit_data() {
    QTest::addColumn<QString>("mode");
    QTest::addColumn<QList<qlonglong>>("derivative");
    QTest::newRow("gradient") << "gradient" << QList<qlonglong>{100, 10, 2};
    QTest::newRow("numerical") << "numerical" << QList<qlonglong>{100, 2, 2, 10};
  }
  void simulate_writes_arrays_that_fit() {
    QFETCH(QString, mode);
    QFETCH(QList<qlonglong>, derivative);
    const QString out = tmp_.filePath("data-" + mode);
    const auto r = run({"simulate", "gaussian_mean_variance", "--mode", mode, "-n", "200", "--n-d",
                        "100", "--n-validation", "150", "--seed", "4", "-o", out});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    auto shape = [&](const char *name) {
      const auto info = imnn::inspect_array((out + "/" + name).toStdString());
      return QList<qlonglong>(info.shape.begin(), info.shape.end());
    };
    QCOMPARE(shape("fiducial.npy"), (QList<qlonglong>{200, 10}));
    QCOMPARE(shape("derivative.npy"), derivative);
    QCOMPARE(shape("validation_fiducial.npy"), (QList<qlonglong>{150, 10}));
    QCOMPARE(shape("validation_derivative.npy").at(0), 100);
    // The written config fits the arrays as they are (paths relative to its folder).
    const auto f = run({"fit", out + "/config.json", "--run-dir", out + "-run", "--max-iterations",
                        "5", "--threads", "1"});
    QVERIFY2(f.code == 0, qPrintable(f.err));
    QVERIFY2(f.err.contains("mode " + mode + " (set in the config)"), qPrintable(f.err));
    QFile c(out + "-run/config.json");
    QVERIFY(c.open(QIODevice::ReadOnly));
    const auto config = QJsonDocument::fromJson(c.readAll()).object();
    QCOMPARE(config["mode"].toString(), mode);
    QCOMPARE(config["data"].toObject()["fiducial"].toString(), out + "/fiducial.npy");
    QCOMPARE(config["fit"].toObject()["n_validation"].toInt(), 150);
  }

  void simulate_from_a_config_without_validation() {
    const QString cfg = write_config("for-simulate.json", small_config());
    const QString out = tmp_.filePath("data-from-config");
    const auto r = run({"simulate", cfg, "--mode", "numerical", "-n", "60", "--n-d", "30",
                        "--n-validation", "0", "--delta-theta", "0.2,0.2", "-o", out});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY(!QFile::exists(out + "/validation_fiducial.npy"));
    const auto info = imnn::inspect_array((out + "/derivative.npy").toStdString());
    QCOMPARE(QList<qlonglong>(info.shape.begin(), info.shape.end()),
             (QList<qlonglong>{30, 2, 2, 10}));
    QFile c(out + "/config.json");
    QVERIFY(c.open(QIODevice::ReadOnly));
    const auto config = QJsonDocument::fromJson(c.readAll()).object();
    QCOMPARE(config["fit"].toObject()["validation"].toBool(), false);
    QCOMPARE(config["delta_theta"].toArray().at(0).toDouble(), 0.2);
    QCOMPARE(config["fit"].toObject()["max_iterations"].toInt(), 500); // from the config
    QCOMPARE(config["network"].toObject()["options"].toObject()["hidden"].toArray().size(), 2);
    QVERIFY(!config.contains("simulator"));
  }

  void simulate_refuses_bad_requests() {
    const QString out = tmp_.filePath("data-gradient-again");
    QDir().mkpath(out);
    QFile(out + "/x").open(QIODevice::WriteOnly);
    const auto busy = run({"simulate", "gaussian_mean_variance", "--mode", "gradient", "-o", out});
    QCOMPARE(busy.code, 1);
    QVERIFY2(busy.err.contains("not empty"), qPrintable(busy.err));
    const auto nojac = run({"simulate", "nojac_gaussian", "--mode", "gradient", "--plugin-dir",
                            IMNN_TEST_PLUGIN_DIR "/fit", "-n", "10", "-o", tmp_.filePath("nj")});
    QCOMPARE(nojac.code, 1);
    QVERIFY2(nojac.err.contains("provides no Jacobian") && nojac.err.contains("--mode numerical"),
             qPrintable(nojac.err));
    const auto magic =
        run({"simulate", "gaussian_mean_variance", "--mode", "magic", "-o", tmp_.filePath("m")});
    QVERIFY(magic.code != 0);
    QVERIFY2(magic.err.contains("--mode"), qPrintable(magic.err));
  }

  void bad_config_names_the_key() {
    const QString cfg = write_config("bad.json", R"({"simulator": "gaussian_mean_variance",
                                                     "n_s": 10, "n_d": 20})");
    const auto r = run({"fit", cfg, "--run-dir", tmp_.filePath("bad")});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("`n_d`") && r.err.contains("must not exceed n_s"), qPrintable(r.err));
    QVERIFY(!QDir(tmp_.filePath("bad")).exists()); // nothing written for a bad config
    const QString cfg2 = write_config("missing.json", R"({"simulator": "does_not_exist"})");
    const auto r2 = run({"fit", cfg2, "--run-dir", tmp_.filePath("bad2")});
    QCOMPARE(r2.code, 1);
    QVERIFY2(r2.err.contains("does_not_exist") && r2.err.contains("gaussian_mean_variance"),
             qPrintable(r2.err));
  }

  // --set KEY=VALUE sets any key of the config schema before the config is read, so
  // what follows from it follows (n_validation from n_s); values are read strictly.
  void set_overrides_config_keys() {
    const QString cfg = write_config("set.json", small_config());
    const QString dir = tmp_.filePath("set_run");
    const auto r = run({"fit", cfg, "--run-dir", dir, "--quiet", "--set", "n_s=300", "--set",
                        "fit.max_iterations=3", "--set", "theta_fid=0.5,1.5", "--set",
                        R"(network.options={"hidden": [8]})"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QFile f(dir + "/config.json");
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QJsonObject c = QJsonDocument::fromJson(f.readAll()).object();
    QCOMPARE(c["n_s"].toInt(), 300);
    QCOMPARE(c["fit"].toObject()["n_validation"].toInt(), 300); // follows n_s
    QCOMPARE(c["fit"].toObject()["max_iterations"].toInt(), 3);
    QCOMPARE(c["theta_fid"].toArray(), (QJsonArray{0.5, 1.5}));
    QCOMPARE(c["network"].toObject()["options"].toObject()["hidden"].toArray(), QJsonArray{8});

    const auto comma =
        run({"fit", cfg, "--run-dir", tmp_.filePath("set_bad"), "--set", "fit.lambda=2,5"});
    QCOMPARE(comma.code, 1);
    QVERIFY2(comma.err.contains("`fit.lambda` '2,5' is not a number"), qPrintable(comma.err));
    const auto range =
        run({"fit", cfg, "--run-dir", tmp_.filePath("set_bad"), "--set", "fit.patience=0"});
    QCOMPARE(range.code, 1);
    QVERIFY2(range.err.contains("`fit.patience` 0 is outside [1, "), qPrintable(range.err));
    const auto unknown =
        run({"fit", cfg, "--run-dir", tmp_.filePath("set_bad"), "--set", "fit.patiance=5"});
    QCOMPARE(unknown.code, 1);
    QVERIFY2(unknown.err.contains("no key `fit.patiance`") && unknown.err.contains("fit.patience"),
             qPrintable(unknown.err));
    QVERIFY(!QDir(tmp_.filePath("set_bad")).exists());

    // One plugin option: JSON or a word; the plugin checks it before any fitting.
    const QString dir2 = tmp_.filePath("set_option");
    const auto opt =
        run({"fit", cfg, "--run-dir", dir2, "--quiet", "--set", "fit.max_iterations=2", "--set",
             "network.options.activation=elu", "--set", "network.options.hidden=[8, 4]"});
    QVERIFY2(opt.code == 0, qPrintable(opt.err));
    QFile f2(dir2 + "/config.json");
    QVERIFY(f2.open(QIODevice::ReadOnly));
    const QJsonObject o =
        QJsonDocument::fromJson(f2.readAll()).object()["network"].toObject()["options"].toObject();
    QCOMPARE(o["activation"].toString(), QString("elu"));
    QCOMPARE(o["hidden"].toArray(), (QJsonArray{8, 4}));
    // One optimiser setting, the config's others kept; a key the optimiser lacks is refused.
    const QString dir_opt = tmp_.filePath("set_optimiser");
    const auto optim = run({"fit", cfg, "--run-dir", dir_opt, "--quiet", "--set",
                            "fit.max_iterations=2", "--set", R"(optimiser={"beta1": 0.8})", "--set",
                            "optimiser.decay_steps=600", "--set", "optimiser.learning_rate=0.005"});
    QVERIFY2(optim.code == 0, qPrintable(optim.err));
    QFile f_opt(dir_opt + "/config.json");
    QVERIFY(f_opt.open(QIODevice::ReadOnly));
    const QJsonObject oo =
        QJsonDocument::fromJson(f_opt.readAll()).object()["optimiser"].toObject();
    QCOMPARE(oo["name"].toString(), QString("adam"));
    QCOMPARE(oo["decay_steps"].toDouble(), 600.0);
    QCOMPARE(oo["learning_rate"].toDouble(), 0.005);
    QCOMPARE(oo["beta1"].toDouble(), 0.8);
    const auto badoptim =
        run({"fit", cfg, "--run-dir", tmp_.filePath("set_bad"), "--set", "optimiser.beta3=0.5"});
    QCOMPARE(badoptim.code, 1);
    QVERIFY2(badoptim.err.contains("optimiser.beta3") && badoptim.err.contains("beta2"),
             qPrintable(badoptim.err));
    QVERIFY(!QDir(tmp_.filePath("set_bad")).exists());
    const auto dcomma = run({"fit", cfg, "--run-dir", tmp_.filePath("set_bad"), "--set",
                             "network.options.negative_slope=0,2"});
    QCOMPARE(dcomma.code, 1);
    QVERIFY2(dcomma.err.contains("'0,2' is neither a number nor a list"), qPrintable(dcomma.err));
    const auto badopt = run({"fit", cfg, "--run-dir", tmp_.filePath("set_bad"), "--set",
                             "network.options.activation=sigmoidal"});
    QCOMPARE(badopt.code, 1);
    QVERIFY2(badopt.err.contains("sigmoidal"), qPrintable(badopt.err));
    // A plugin option nested past the JSON depth limit is refused, not passed on (60 000
    // levels: one argument stays under Linux's 128 KiB per argument).
    const auto deep = run({"fit", cfg, "--run-dir", tmp_.filePath("set_bad"), "--set",
                           "network.options.hidden=" + QString(60000, '[') + QString(60000, ']')});
    QCOMPARE(deep.code, 1);
    QVERIFY2(deep.err.contains("--set network.options.hidden nests") &&
                 deep.err.contains("deeper than 64 levels"),
             qPrintable(deep.err.left(300)));
    QVERIFY(!QDir(tmp_.filePath("set_bad")).exists());

    // Seeds take every 64-bit value: 2^64 - 1 is kept exactly in config.json, 2^64 is
    // refused naming the key.
    const QString dir3 = tmp_.filePath("set_seed");
    const auto seed = run({"fit", cfg, "--run-dir", dir3, "--quiet", "--set",
                           "fit.max_iterations=1", "--set", "seed=18446744073709551615"});
    QVERIFY2(seed.code == 0, qPrintable(seed.err));
    QFile f3(dir3 + "/config.json");
    QVERIFY(f3.open(QIODevice::ReadOnly));
    QVERIFY(f3.readAll().contains("\"seed\": 18446744073709551615"));
    const auto over = run(
        {"fit", cfg, "--run-dir", tmp_.filePath("set_bad"), "--set", "seed=18446744073709551616"});
    QCOMPARE(over.code, 1);
    QVERIFY2(over.err.contains("`seed` '18446744073709551616' is too large"), qPrintable(over.err));
    QVERIFY(!QDir(tmp_.filePath("set_bad")).exists());
  }

  // A path typed with --set is relative to the folder imnn runs in (as every path on a
  // command line), not to the config file's folder, where the file's own paths resolve.
  void set_paths_are_relative_to_the_working_folder() {
    QDir(tmp_.path()).mkpath("configs");
    QDir(tmp_.path()).mkpath("here/myplugins");
    const QString cfg = write_config("configs/small.json", small_config());
    const QString here = tmp_.filePath("here"), dir = tmp_.filePath("set_path_run");
    const auto r = run_cli({"fit", cfg, "--run-dir", dir, "--quiet", "--set",
                            "fit.max_iterations=1", "--set", "plugin_dirs=myplugins"},
                           240000, here);
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QFile f(dir + "/config.json");
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QJsonArray dirs = QJsonDocument::fromJson(f.readAll()).object()["plugin_dirs"].toArray();
    QCOMPARE(dirs.size(), 1);
    QCOMPARE(QFileInfo(dirs[0].toString()).canonicalFilePath(),
             QFileInfo(here + "/myplugins").canonicalFilePath());
  }

  void devices_lists_cpu_and_gpus_or_why_not() {
    const auto r = run({"devices"});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains("cpu: ") && r.out.contains("hardware threads"), qPrintable(r.out));
    // Each GPU with its memory and compute capability, or the reason there is none.
    QVERIFY2(r.out.contains("compute capability") || r.out.contains("cuda: none: "),
             qPrintable(r.out));
  }

  void plugins_lists_descriptors_and_skipped() {
    const QString junk = tmp_.filePath("junk");
    QDir().mkpath(junk);
    QFile f(junk + "/fake.so");
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("not a library");
    f.close();
    const auto r = run({"plugins", "--plugin-dir", junk});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains("gaussian_mean_variance") && r.out.contains("mlp") &&
                 r.out.contains("mu") && r.out.contains("Sigma"),
             qPrintable(r.out));
    QVERIFY2(r.out.contains("fake.so"), qPrintable(r.out));
    const auto j = run({"plugins", "--json", "--plugin-dir", junk});
    QCOMPARE(j.code, 0);
    const auto doc = QJsonDocument::fromJson(j.out.toUtf8()).object();
    QVERIFY(doc["simulators"].toArray().size() >= 1);
    QVERIFY(doc["skipped"].toArray().size() >= 1);
  }
};

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"

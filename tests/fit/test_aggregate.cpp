// Devices and aggregation (issue 3): the fit does not depend on how its simulations
// are split over devices and chunks (1 vs 3 devices, n_per_device dividing n_s or
// not) for all four modes; one pass (activations kept) and two passes (recomputed)
// agree; array modes stream data larger than the memory budget from .npy and HDF5
// with the in-memory result; a NaN in a streamed chunk is named by its index in the
// whole array; the config keys are checked with errors naming key and fix.
#include "imnn/aggregate.h"
#include "imnn/arrays.h"
#include "imnn/error.h"
#include "imnn/fit.h"
#include "imnn/plugins.h"
#include "imnn/sources.h"

#include "expect_config_error.h"
#include "small_config.h"

#include <QtTest>
#include <cmath>
#include <hdf5.h>
#include <limits>
#include <map>

using nlohmann::json;

namespace {

bool h5_write(const std::string &file, const std::vector<hsize_t> &dims,
              const std::vector<float> &data) {
  const hid_t f = H5Fcreate(file.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT);
  if (f < 0) return false;
  const hid_t space = H5Screate_simple(static_cast<int>(dims.size()), dims.data(), nullptr);
  const hid_t dcpl = H5Pcreate(H5P_DATASET_CREATE);
  std::vector<hsize_t> chunk = dims;
  chunk[0] = 16;
  H5Pset_chunk(dcpl, static_cast<int>(chunk.size()), chunk.data());
  const hid_t d = H5Dcreate2(f, "data", H5T_IEEE_F32LE, space, H5P_DEFAULT, dcpl, H5P_DEFAULT);
  const bool ok =
      d >= 0 && H5Dwrite(d, H5T_NATIVE_FLOAT, H5S_ALL, H5S_ALL, H5P_DEFAULT, data.data()) >= 0;
  if (d >= 0) H5Dclose(d);
  H5Pclose(dcpl);
  H5Sclose(space);
  H5Fclose(f);
  return ok;
}

double relative(double a, double b) {
  return std::abs(a - b) / std::max(std::abs(b), 1e-300);
}

} // namespace

class TestAggregate : public QObject {
  Q_OBJECT
  imnn::PluginRegistry registry_;
  QTemporaryDir tmp_;
  std::map<std::string, std::vector<imnn::IterationRecord>> baseline_;

  std::string path(const std::string &name) const {
    return tmp_.filePath(name.c_str()).toStdString();
  }

  // Training and validation arrays of the Gaussian simulator (n_data values per
  // simulation) in folder, as .npy or HDF5 (dataset "data").
  void write_set(const std::string &folder, imnn::DerivativeKind kind, int n_data, bool h5,
                 imnn::Index n = 200, imnn::Index n_d = 100) {
    QDir().mkpath(folder.c_str());
    auto sim = registry_.create_simulator("gaussian_mean_variance", {{"n_data", n_data}});
    const std::vector<double> theta{0.0, 1.0}, delta{0.1, 0.1};
    const auto t =
        imnn::simulate_arrays(sim, kind, theta, delta, 1, imnn::SeedStream::training, {n, n_d});
    const auto v =
        imnn::simulate_arrays(sim, kind, theta, delta, 1, imnn::SeedStream::validation, {150, 100});
    auto save = [&](const std::string &name, const std::vector<imnn::Index> &shape,
                    const std::vector<float> &data) {
      if (!h5) {
        imnn::save_npy(folder + "/" + name + ".npy", shape, data.data());
        return;
      }
      std::vector<hsize_t> dims(shape.begin(), shape.end());
      QVERIFY(h5_write(folder + "/" + name + ".h5", dims, data));
    };
    save("fiducial", t.fiducial_shape, t.fiducial);
    save("derivative", t.derivative_shape, t.derivative);
    save("validation_fiducial", v.fiducial_shape, v.fiducial);
    save("validation_derivative", v.derivative_shape, v.derivative);
  }

  json array_config(const std::string &folder, bool numerical, bool h5 = false) {
    const std::string ext = h5 ? ".h5" : ".npy";
    json j = small_gaussian_config({{"fit", {{"max_iterations", 8}}}});
    j.erase("simulator");
    j["theta_fid"] = {0.0, 1.0};
    j["data"] = {{"fiducial", folder + "/fiducial" + ext},
                 {"derivative", folder + "/derivative" + ext},
                 {"validation_fiducial", folder + "/validation_fiducial" + ext},
                 {"validation_derivative", folder + "/validation_derivative" + ext}};
    if (numerical) j["delta_theta"] = {0.1, 0.1};
    return j;
  }

  // The config of a mode: the small Gaussian fit, 8 iterations.
  json mode_config(const std::string &mode) {
    if (mode == "gradient") return array_config(path("grad"), false);
    if (mode == "numerical") return array_config(path("num"), true);
    return small_gaussian_config({{"fit", {{"max_iterations", 8}}}},
                                 mode == "simulator" ? "gaussian_mean_variance" : "nojac_gaussian");
  }

  std::unique_ptr<imnn::Fitter> make_fitter(const json &j) {
    auto c = imnn::RunConfig::from_json(j);
    c.resolve(registry_);
    std::shared_ptr<imnn::Simulator> sim;
    if (!c.array_mode()) sim = registry_.create_simulator(c.simulator.plugin, c.simulator.options);
    auto source = imnn::make_simulation_source(c, sim);
    auto model = registry_.build_network(c.network.plugin, c.network.options, source->input_shape(),
                                         c.n_summaries);
    return std::make_unique<imnn::Fitter>(c, std::move(model), std::move(source));
  }

  std::vector<imnn::IterationRecord> fit(const json &j, imnn::AggregationInfo *info = nullptr) {
    auto f = make_fitter(j);
    f->fit();
    if (info) *info = f->aggregation();
    return f->history();
  }

  static void compare(const std::vector<imnn::IterationRecord> &a,
                      const std::vector<imnn::IterationRecord> &b, double tolerance) {
    QCOMPARE(a.size(), b.size());
    QVERIFY(!a.empty());
    for (std::size_t i = 0; i < a.size(); ++i) {
      const std::pair<double, double> values[] = {{a[i].loss, b[i].loss},
                                                  {a[i].train.detF, b[i].train.detF},
                                                  {a[i].train.detC, b[i].train.detC},
                                                  {a[i].val.detF, b[i].val.detF}};
      for (const auto &[x, y] : values)
        QVERIFY2(relative(x, y) <= tolerance,
                 qPrintable(QString("iteration %1: %2 vs %3 (relative %4)")
                                .arg(i)
                                .arg(x, 0, 'g', 12)
                                .arg(y, 0, 'g', 12)
                                .arg(relative(x, y))));
    }
  }

private slots:
  void initTestCase() {
    QVERIFY(tmp_.isValid());
    registry_.scan({IMNN_PLUGIN_BUILD_DIR, IMNN_TEST_PLUGIN_DIR "/fit"});
    QVERIFY(registry_.find_simulator("nojac_gaussian"));
    QVERIFY(registry_.find_simulator("nan_gaussian"));
    write_set(path("grad"), imnn::DerivativeKind::tangent, 10, false);
    write_set(path("num"), imnn::DerivativeKind::finite_difference, 10, false);
  }

  void split_set_covers_the_set_in_order() {
    const auto chunks = imnn::split_set({200, 100}, 64, 3);
    QCOMPARE(chunks.size(), std::size_t(4));
    const imnn::Index begins[] = {0, 64, 128, 192}, ns[] = {64, 64, 64, 8}, nds[] = {64, 36, 0, 0};
    for (std::size_t k = 0; k < 4; ++k) {
      QCOMPARE(chunks[k].begin, begins[k]);
      QCOMPARE(chunks[k].part.n, ns[k]);
      QCOMPARE(chunks[k].part.n_d, nds[k]);
      QCOMPARE(chunks[k].device, int(k % 3));
    }
    QCOMPARE(imnn::split_set({200, 100}, 0, 3).size(), std::size_t(1));
    QCOMPARE(imnn::split_set({200, 100}, 500, 2).front().part.n, imnn::Index(200));
  }

  // The whole history is the same, to 1e-5 relative, however the work is split.
  void split_does_not_change_the_fit_data() {
    QTest::addColumn<QString>("mode");
    QTest::addColumn<int>("devices");
    QTest::addColumn<int>("n_per_device");
    QTest::addColumn<int>("chunks");
    for (const char *mode : {"simulator", "simulator-numerical", "gradient", "numerical"}) {
      QTest::addRow("%s, 3 devices x 50", mode) << mode << 3 << 50 << 4;
      QTest::addRow("%s, 1 device x 64", mode) << mode << 1 << 64 << 4;
      QTest::addRow("%s, 3 devices x 37", mode) << mode << 3 << 37 << 6;
      QTest::addRow("%s, 2 devices x 130", mode) << mode << 2 << 130 << 2;
    }
  }
  void split_does_not_change_the_fit() {
    QFETCH(QString, mode);
    QFETCH(int, devices);
    QFETCH(int, n_per_device);
    QFETCH(int, chunks);
    const std::string m = mode.toStdString();
    json j = mode_config(m);
    imnn::AggregationInfo info;
    if (!baseline_.count(m)) {
      baseline_[m] = fit(j, &info);
      QCOMPARE(info.devices.size(), std::size_t(1));
      QCOMPARE(info.chunks, imnn::Index(1));
    }
    json devs = json::array();
    for (int d = 0; d < devices; ++d)
      devs.push_back({{"kind", "cpu"}, {"threads", 1}});
    j["devices"] = devs;
    j["n_per_device"] = n_per_device;
    const auto history = fit(j, &info);
    QCOMPARE(info.devices.size(), std::size_t(devices));
    QCOMPARE(info.chunks, imnn::Index(chunks));
    QCOMPARE(info.n_per_device, imnn::Index(n_per_device));
    QCOMPARE(info.passes, 1);
    compare(history, baseline_[m], 1e-5);
  }

  // A device's threads work on its chunks as workers; the chunks, not the workers,
  // fix the arithmetic.
  void workers_do_not_change_the_fit_data() {
    QTest::addColumn<QString>("mode");
    QTest::addColumn<int>("threads");
    QTest::addColumn<int>("workers");
    QTest::addColumn<QString>("device");
    QTest::addColumn<double>("tolerance");
    for (const char *mode : {"simulator", "simulator-numerical", "gradient", "numerical"}) {
      // 4 chunks of 50: one single-threaded worker per thread, bit for bit.
      QTest::addRow("%s, 2 threads", mode) << mode << 2 << 2 << "cpu (2 threads, 2 workers)" << 0.0;
      QTest::addRow("%s, 3 threads", mode) << mode << 3 << 3 << "cpu (3 threads, 3 workers)" << 0.0;
      // More threads than chunks: 4 workers of 2 threads (GEMMs split over 2 threads).
      QTest::addRow("%s, 8 threads", mode)
          << mode << 8 << 4 << "cpu (8 threads, 4 workers)" << 1e-6;
    }
  }
  void workers_do_not_change_the_fit() {
    QFETCH(QString, mode);
    QFETCH(int, threads);
    QFETCH(int, workers);
    QFETCH(QString, device);
    QFETCH(double, tolerance);
    json j = mode_config(mode.toStdString());
    j["n_per_device"] = 50;
    j["devices"] = {{{"kind", "cpu"}, {"threads", 1}}};
    imnn::AggregationInfo one, many;
    const auto single = fit(j, &one);
    QCOMPARE(one.workers, 1);
    QCOMPARE(one.devices, std::vector<std::string>{"cpu (1 thread)"});
    QCOMPARE(one.chunks, imnn::Index(4));
    j["devices"] = {{{"kind", "cpu"}, {"threads", threads}}};
    const auto parallel = fit(j, &many);
    QCOMPARE(many.workers, workers);
    QCOMPARE(many.devices, std::vector<std::string>{device.toStdString()});
    QCOMPARE(many.to_json()["workers"], json(workers));
    compare(parallel, single, tolerance);
  }

  // Two passes (activations recomputed) give what one pass (kept) gives.
  void two_passes_match_one_pass_data() {
    QTest::addColumn<QString>("mode");
    QTest::addColumn<int>("n_per_device");
    for (const char *mode : {"simulator", "simulator-numerical", "gradient", "numerical"}) {
      QTest::addRow("%s, one chunk", mode) << mode << 0;
      QTest::addRow("%s, chunks of 45", mode) << mode << 45;
    }
  }
  void two_passes_match_one_pass() {
    QFETCH(QString, mode);
    QFETCH(int, n_per_device);
    json j = mode_config(mode.toStdString());
    j["n_per_device"] = n_per_device;
    j["devices"] = {{{"kind", "cpu"}, {"threads", 1}}, {{"kind", "cpu"}, {"threads", 1}}};
    imnn::AggregationInfo one, two;
    const auto kept = fit(j, &one);
    j["fit"]["memory_budget_mb"] = 0.05; // less than the activations of the training set
    const auto recomputed = fit(j, &two);
    QCOMPARE(one.passes, 1);
    QCOMPARE(two.passes, 2);
    QVERIFY(two.one_pass_mb > 0.05);
    compare(recomputed, kept, 1e-6);
  }

  // Arrays bigger than the budget are streamed a chunk at a time, with the history
  // of the in-memory fit.
  void streams_arrays_larger_than_the_budget_data() {
    QTest::addColumn<bool>("numerical");
    QTest::addColumn<bool>("h5");
    QTest::newRow("gradient, .npy") << false << false;
    QTest::newRow("numerical, .npy") << true << false;
    QTest::newRow("gradient, HDF5") << false << true;
    QTest::newRow("numerical, HDF5") << true << true;
  }
  void streams_arrays_larger_than_the_budget() {
    QFETCH(bool, numerical);
    QFETCH(bool, h5);
    const std::string folder =
        path(std::string("big_") + (numerical ? "num" : "grad") + (h5 ? "_h5" : "_npy"));
    write_set(folder,
              numerical ? imnn::DerivativeKind::finite_difference : imnn::DerivativeKind::tangent,
              1000, h5);
    json j = array_config(folder, numerical, h5);
    j["fit"]["max_iterations"] = 5;
    j["fit"]["memory_budget_mb"] = 1;
    auto c = imnn::RunConfig::from_json(j);
    c.resolve(registry_);
    const imnn::ArrayDataShape shape = imnn::inspect_array_data(c);
    double bytes = 0;
    for (const auto &s : {shape.training, shape.validation})
      bytes += double(s.n + (numerical ? 2 : 1) * 2 * s.n_d) * 1000 * 4;
    QVERIFY2(bytes > 2 * 1024 * 1024, qPrintable(QString("data %1 bytes").arg(bytes)));
    imnn::AggregationInfo streamed, in_memory;
    const auto a = fit(j, &streamed); // data.stream "auto": streams, the arrays exceed 1 MB
    QVERIFY(streamed.streamed);
    QVERIFY(streamed.n_per_device < 200);
    QCOMPARE(streamed.passes, 2);
    j["data"]["stream"] = "off";
    j["fit"]["memory_budget_mb"] = 2048;
    const auto b = fit(j, &in_memory);
    QVERIFY(!in_memory.streamed);
    compare(a, b, 1e-5);
  }

  // A NaN read from a streamed chunk names the simulation's index in the whole array.
  void streamed_nan_names_the_global_index_data() {
    QTest::addColumn<bool>("derivative");
    QTest::addColumn<bool>("h5");
    QTest::addColumn<int>("index");
    QTest::addColumn<QString>("message");
    QTest::newRow("fiducial .npy") << false << false << 137 << "data.fiducial";
    QTest::newRow("derivative .npy") << true << false << 83 << "the derivative of simulation 83";
    QTest::newRow("fiducial HDF5") << false << true << 171 << "simulation 171";
  }
  void streamed_nan_names_the_global_index() {
    QFETCH(bool, derivative);
    QFETCH(bool, h5);
    QFETCH(int, index);
    QFETCH(QString, message);
    const std::string folder = path("nan_" + std::to_string(index));
    write_set(folder, imnn::DerivativeKind::tangent, 10, h5);
    // Overwrite one value of simulation `index`.
    const std::string ext = h5 ? ".h5" : ".npy";
    const std::string file = folder + (derivative ? "/derivative" : "/fiducial") + ext;
    imnn::ArrayD a = imnn::load_array(file);
    const imnn::Index per = a.info.size() / a.info.shape[0];
    a.data[std::size_t(index * per + 3)] = std::numeric_limits<double>::quiet_NaN();
    std::vector<float> f(a.data.begin(), a.data.end());
    if (h5)
      QVERIFY(h5_write(file, std::vector<hsize_t>(a.info.shape.begin(), a.info.shape.end()), f));
    else
      imnn::save_npy(file, a.info.shape, f.data());
    json j = array_config(folder, false, h5);
    j["data"]["stream"] = "on";
    j["n_per_device"] = 50;
    auto fitter = make_fitter(j);
    try {
      fitter->fit();
      QFAIL("no error for a NaN in the data");
    } catch (const imnn::NumericalError &e) {
      const QString what = e.what();
      QVERIFY2(what.contains(message), qPrintable(what));
      QVERIFY2(what.contains(QString("simulation %1 contains NaN").arg(index)), qPrintable(what));
    }
    QCOMPARE(fitter->history().size(), std::size_t(0));
  }

  // A simulator failing now and then: the error names the same simulation (the
  // lowest failing index of the whole set, its global index) however the work is split.
  void simulator_nan_in_a_chunk_names_the_same_simulation() {
    json j = small_gaussian_config(
        {{"simulator", {{"plugin", "nan_gaussian"}, {"options", {{"nan_one_in", 97}}}}}});
    auto message = [&](const json &config) {
      try {
        make_fitter(config)->fit();
      } catch (const imnn::NumericalError &e) {
        return QString(e.what());
      }
      return QString("no error");
    };
    const QString whole = message(j);
    j["devices"] = {{{"kind", "cpu"}, {"threads", 1}}, {{"kind", "cpu"}, {"threads", 1}}};
    j["n_per_device"] = 30;
    const QString chunked = message(j);
    QCOMPARE(chunked, whole);
    const QRegularExpressionMatch m = QRegularExpression("simulation (\\d+)").match(chunked);
    QVERIFY2(m.hasMatch(), qPrintable(chunked));
    QVERIFY2(m.captured(1).toInt() >= 30, qPrintable("in the first chunk: " + chunked));
  }

  void config_keys_data() {
    QTest::addColumn<QString>("patch");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QStringList>("message");
    auto row = [](const char *name, const json &patch, const char *key, QStringList message) {
      QTest::newRow(name) << QString::fromStdString(patch.dump()) << key << message;
    };
    row("cuda", {{"devices", {{{"kind", "cuda"}}}}}, "devices[0].kind",
        {"CUDA", "\"kind\": \"cpu\"", "imnn devices"});
    row("unknown kind", {{"devices", {{{"kind", "cpu"}}, {{"kind", "tpu"}}}}}, "devices[1].kind",
        {"tpu", "cpu"});
    row("empty list", {{"devices", json::array()}}, "devices", {"at least one"});
    row("not a list", {{"devices", "cpu"}}, "devices", {"list"});
    row("negative threads", {{"devices", {{{"kind", "cpu"}, {"threads", -1}}}}},
        "devices[0].threads", {"between 0 and 4096"});
    row("unknown device key", {{"devices", {{{"kind", "cpu"}, {"memory", 4}}}}},
        "devices[0].memory", {"threads"});
    row("negative n_per_device", {{"n_per_device", -5}}, "n_per_device", {">= 0"});
    row("zero budget", {{"fit", {{"memory_budget_mb", 0}}}}, "fit.memory_budget_mb", {"> 0"});
    row("stream", {{"data", {{"stream", "sometimes"}}}}, "data.stream",
        {"\"auto\"", "\"on\"", "\"off\""});
  }
  void config_keys() {
    QFETCH(QString, patch);
    QFETCH(QString, key);
    QFETCH(QStringList, message);
    expect_config_error(
        [&] {
          (void)imnn::RunConfig::from_json(small_gaussian_config(json::parse(patch.toStdString())));
        },
        key, message);
  }

  void config_defaults_are_resolved() {
    const auto c = imnn::RunConfig::from_json(small_gaussian_config());
    QCOMPARE(c.devices.size(), std::size_t(1));
    QCOMPARE(c.devices[0].kind, std::string("cpu"));
    QCOMPARE(c.devices[0].threads, 0);
    QCOMPARE(c.n_per_device, imnn::Index(250));
    QCOMPARE(c.fit.memory_budget_mb, 2048.0);
    const json j = c.to_json();
    QCOMPARE(j["devices"], json::parse(R"([{"kind": "cpu", "threads": 0}])"));
    QCOMPARE(j["n_per_device"], json(250));
    QCOMPARE(j["fit"]["memory_budget_mb"], json(2048.0));
    const json data = mode_config("gradient");
    QCOMPARE(imnn::RunConfig::from_json(data).to_json()["data"]["stream"], json("auto"));
    json back = j;
    back["devices"] = {{{"kind", "cpu"}, {"threads", 3}}, {{"kind", "cpu"}}};
    back["n_per_device"] = 40;
    const auto c2 = imnn::RunConfig::from_json(back);
    QCOMPARE(c2.devices.size(), std::size_t(2));
    QCOMPARE(c2.devices[0].threads, 3);
    QCOMPARE(c2.n_per_device, imnn::Index(40));
  }
};

QTEST_GUILESS_MAIN(TestAggregate)
#include "test_aggregate.moc"

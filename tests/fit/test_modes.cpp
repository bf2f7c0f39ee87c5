// The fitting modes (issue 3, imnn-spec §3.1–§3.3, §3.7, §6): auto selection as the
// reference factory, explicit modes refused without what they need, array shapes
// checked with named axes and the other mode's layout named when mixed up, NaN/Inf
// never reaching the optimiser, the loss gradient through each derivative path vs
// finite differences, finite differences vs the Jacobian, and short fits per mode.
#include "imnn/arrays.h"
#include "imnn/error.h"
#include "imnn/fit.h"
#include "imnn/plugins.h"
#include "imnn/sources.h"

#include "expect_config_error.h"
#include "gradient_check.h"
#include "small_config.h"

#include <QtTest>
#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

using nlohmann::json;

class TestModes : public QObject {
  Q_OBJECT
  imnn::PluginRegistry registry_;
  QTemporaryDir tmp_;
  std::string grad_, num_; // folders with fiducial/derivative/validation_* .npy

  std::string path(const std::string &name) const {
    return tmp_.filePath(name.c_str()).toStdString();
  }

  void write_set(const std::string &folder, imnn::DerivativeKind kind) {
    QDir().mkpath(folder.c_str());
    auto sim = registry_.create_simulator("gaussian_mean_variance", json::object());
    const std::vector<double> theta{0.0, 1.0}, delta{0.1, 0.1};
    const auto t =
        imnn::simulate_arrays(sim, kind, theta, delta, 1, imnn::SeedStream::training, {200, 100});
    const auto v =
        imnn::simulate_arrays(sim, kind, theta, delta, 1, imnn::SeedStream::validation, {150, 100});
    imnn::save_npy(folder + "/fiducial.npy", t.fiducial_shape, t.fiducial.data());
    imnn::save_npy(folder + "/derivative.npy", t.derivative_shape, t.derivative.data());
    imnn::save_npy(folder + "/validation_fiducial.npy", v.fiducial_shape, v.fiducial.data());
    imnn::save_npy(folder + "/validation_derivative.npy", v.derivative_shape, v.derivative.data());
  }

  // An array-mode config on the data in folder (n_s 200, n_d 100, 150/100 validation).
  json array_config(const std::string &folder, bool numerical, bool validation = true) {
    json j = {
        {"network", {{"plugin", "mlp"}, {"options", {{"hidden", {16, 16}}}}}},
        {"n_s", 200},
        {"n_d", 100},
        {"theta_fid", {0.0, 1.0}},
        {"threads", 2},
        {"fit", {{"patience", 1000}, {"min_iterations", 0}, {"max_iterations", 30}}},
        {"data",
         {{"fiducial", folder + "/fiducial.npy"}, {"derivative", folder + "/derivative.npy"}}}};
    if (validation) {
      j["data"]["validation_fiducial"] = folder + "/validation_fiducial.npy";
      j["data"]["validation_derivative"] = folder + "/validation_derivative.npy";
    }
    if (numerical) j["delta_theta"] = {0.1, 0.1};
    return j;
  }
  json simulator_config(const std::string &plugin) {
    return small_gaussian_config({{"fit", {{"max_iterations", 30}}}}, plugin);
  }
  imnn::RunConfig resolved(const json &j) {
    auto c = imnn::RunConfig::from_json(j);
    c.resolve(registry_);
    return c;
  }
  std::unique_ptr<imnn::Fitter> make_fitter(const imnn::RunConfig &c) {
    std::shared_ptr<imnn::Simulator> sim;
    if (!c.array_mode()) sim = registry_.create_simulator(c.simulator.plugin, c.simulator.options);
    auto source = imnn::make_simulation_source(c, sim);
    auto model = registry_.build_network(c.network.plugin, c.network.options, source->input_shape(),
                                         c.n_summaries);
    return std::make_unique<imnn::Fitter>(c, std::move(model), std::move(source));
  }

private slots:
  void initTestCase() {
    QVERIFY(tmp_.isValid());
    registry_.scan({IMNN_PLUGIN_BUILD_DIR, IMNN_TEST_PLUGIN_DIR "/fit"});
    QVERIFY(registry_.find_simulator("gaussian_mean_variance"));
    QVERIFY(registry_.find_simulator("nojac_gaussian"));
    QVERIFY(!registry_.find_simulator("nojac_gaussian")->has_jacobian);
    grad_ = path("grad");
    num_ = path("num");
    write_set(grad_, imnn::DerivativeKind::tangent);
    write_set(num_, imnn::DerivativeKind::finite_difference);
  }

  // imnn-spec §3.7: what the config provides decides the mode; each wrong combination
  // has its own message naming the key.
  void auto_mode_follows_the_reference_factory_data() {
    QTest::addColumn<QString>("config"); // JSON
    QTest::addColumn<QString>("mode");   // expected mode, or empty for an error
    QTest::addColumn<QString>("key");
    QTest::addColumn<QStringList>("message");
    auto row = [](const char *name, const json &j, const char *mode, const char *key,
                  QStringList message) {
      QTest::newRow(name) << QString::fromStdString(j.dump()) << mode << key << message;
    };
    json with_both = simulator_config("gaussian_mean_variance");
    with_both["data"] = array_config(grad_, false)["data"];
    json fid_only = array_config(grad_, false);
    fid_only["data"].erase("derivative");
    json deriv_only = array_config(grad_, false);
    deriv_only["data"].erase("fiducial");
    json half_validation = array_config(grad_, false);
    half_validation["data"].erase("validation_derivative");
    json nothing = json::object();
    json explicit_sim = simulator_config("nojac_gaussian");
    explicit_sim["mode"] = "simulator";
    json explicit_num = array_config(num_, false);
    explicit_num["mode"] = "numerical";
    json explicit_grad = array_config(grad_, false);
    explicit_grad["simulator"] = "gaussian_mean_variance";
    explicit_grad["mode"] = "gradient";
    json explicit_simdata = simulator_config("gaussian_mean_variance");
    explicit_simdata["mode"] = "simulator-numerical";
    explicit_simdata["data"] = {{"fiducial", "x.npy"}, {"derivative", "y.npy"}};
    json no_theta = array_config(grad_, false);
    no_theta.erase("theta_fid");

    row("simulator with Jacobian", simulator_config("gaussian_mean_variance"), "simulator", "",
        {"provides its Jacobian"});
    row("simulator without Jacobian", simulator_config("nojac_gaussian"), "simulator-numerical", "",
        {"has no Jacobian", "delta_theta/2"});
    row("arrays without delta_theta", array_config(grad_, false), "gradient", "",
        {"without delta_theta", "(n_d, *input_shape, n_params)"});
    row("arrays with delta_theta", array_config(num_, true), "numerical", "",
        {"delta_theta", "(n_d, 2, n_params, *input_shape)"});
    row("simulator and arrays", with_both, "", "data", {"gaussian_mean_variance", "not both"});
    row("fiducial without derivative", fid_only, "", "data.derivative",
        {"data.fiducial is given but data.derivative is not"});
    row("derivative without fiducial", deriv_only, "", "data.fiducial",
        {"data.derivative is given but data.fiducial is not"});
    row("half a validation pair", half_validation, "", "data.validation_derivative",
        {"without data.validation_derivative", "both arrays"});
    row("nothing", nothing, "", "simulator.plugin",
        {"no simulator plugin given and no data", "imnn simulate"});
    row("mode simulator without Jacobian", explicit_sim, "", "mode",
        {"nojac_gaussian", "simulator-numerical"});
    row("mode numerical without delta_theta", explicit_num, "", "delta_theta",
        {"mode \"numerical\" needs", "delta_theta"});
    row("mode gradient with a simulator", explicit_grad, "", "simulator",
        {"uses no simulator", "remove `simulator`"});
    row("mode simulator-numerical with arrays", explicit_simdata, "", "data",
        {"simulates on the fly", "remove `data`"});
    row("arrays without theta_fid", no_theta, "", "theta_fid", {"set theta_fid"});
  }
  void auto_mode_follows_the_reference_factory() {
    QFETCH(QString, config);
    QFETCH(QString, mode);
    QFETCH(QString, key);
    QFETCH(QStringList, message);
    const json j = json::parse(config.toStdString());
    if (mode.isEmpty()) {
      expect_config_error([&] { resolved(j); }, key, message);
      return;
    }
    const auto c = resolved(j);
    QCOMPARE(QString::fromStdString(c.mode), mode);
    for (const auto &m : message)
      QVERIFY2(QString::fromStdString(c.mode_reason).contains(m), c.mode_reason.c_str());
    // The resolved config reads back to the same mode and reason (config.json).
    const auto again = resolved(c.to_json());
    QCOMPARE(again.mode, c.mode);
    QCOMPARE(again.mode_reason, c.mode_reason);
  }

  // Shapes are checked on load: the file, the expected shape with named axes, what
  // was found, and the other mode's layout when the two were mixed up.
  void array_shapes_are_checked_data() {
    QTest::addColumn<bool>("numerical");
    QTest::addColumn<QString>("file"); // data key whose file is replaced
    QTest::addColumn<QList<qlonglong>>("shape");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QStringList>("message");
    QTest::newRow("gradient given the numerical layout")
        << false << "derivative" << QList<qlonglong>{100, 2, 2, 10} << "data.derivative"
        << QStringList{
               "bad.npy: expected shape (n_d=100, input=10, n_params=2) but found (100, 2, 2, 10)",
               "layout of mode \"numerical\"", "set delta_theta"};
    QTest::newRow("numerical given the gradient layout")
        << true << "derivative" << QList<qlonglong>{100, 10, 2} << "data.derivative"
        << QStringList{"expected shape (n_d=100, below/above=2, n_params=2, input=10) but found "
                       "(100, 10, 2)",
                       "layout of mode \"gradient\""};
    QTest::newRow("derivative with n_s rows")
        << false << "derivative" << QList<qlonglong>{200, 10, 2} << "data.derivative"
        << QStringList{"found (200, 10, 2)", "set n_d"};
    QTest::newRow("derivative with 3 parameters")
        << false << "derivative" << QList<qlonglong>{100, 10, 3} << "data.derivative"
        << QStringList{"n_params=2", "found (100, 10, 3)", "(n_d, *input_shape, n_params)"};
    QTest::newRow("fiducial count")
        << false << "fiducial" << QList<qlonglong>{150, 10} << "data.fiducial"
        << QStringList{"expected shape (n_s=200, input=10) but found (150, 10)", "set n_s"};
    QTest::newRow("fiducial one axis")
        << false << "fiducial" << QList<qlonglong>{200} << "data.fiducial"
        << QStringList{"at least 2 axes", "found (200,)"};
    QTest::newRow("validation input shape")
        << true << "validation_fiducial" << QList<qlonglong>{150, 12} << "data.validation_fiducial"
        << QStringList{"(n_validation=any, input=10)", "found (150, 12)"};
    QTest::newRow("validation derivative longer than fiducial")
        << false << "validation_derivative" << QList<qlonglong>{151, 10, 2}
        << "data.validation_derivative" << QStringList{"has 151 simulations", "only 150"};
  }
  void array_shapes_are_checked() {
    QFETCH(bool, numerical);
    QFETCH(QString, file);
    QFETCH(QList<qlonglong>, shape);
    QFETCH(QString, key);
    QFETCH(QStringList, message);
    std::vector<imnn::Index> s(shape.begin(), shape.end());
    const auto size = std::accumulate(s.begin(), s.end(), imnn::Index(1), std::multiplies<>());
    const std::vector<float> zeros(static_cast<std::size_t>(size), 0.5f);
    const std::string bad = path("bad.npy");
    imnn::save_npy(bad, s, zeros.data());
    json j = array_config(numerical ? num_ : grad_, numerical);
    j["data"][file.toStdString()] = bad;
    expect_config_error([&] { resolved(j); }, key, message);
  }

  void nan_in_an_array_names_the_simulation_data() {
    QTest::addColumn<bool>("numerical");
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("flat_index");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<double>("value");
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const QString bad = "contains NaN, Inf or a value beyond float32's range";
    QTest::newRow("fiducial") << false << "fiducial" << 73 << "simulation 7 " + bad << nan;
    QTest::newRow("gradient derivative")
        << false << "derivative" << 45 << "the derivative of simulation 2" << nan;
    QTest::newRow("numerical derivative")
        << true << "validation_derivative" << 95 << "perturbed simulations of row 2" << nan;
    // A float64 file's 1e39 is finite there but Inf as the float32 the network reads.
    QTest::newRow("fiducial beyond float32")
        << false << "fiducial" << 73 << "simulation 7 " + bad << 1e39;
  }
  void nan_in_an_array_names_the_simulation() {
    QFETCH(bool, numerical);
    QFETCH(QString, file);
    QFETCH(int, flat_index);
    QFETCH(QString, expected);
    QFETCH(double, value);
    const std::string folder = numerical ? num_ : grad_;
    const std::string name = "/" + file.toStdString() + ".npy";
    auto a = imnn::load_array(folder + name);
    a.data[static_cast<std::size_t>(flat_index)] = value;
    const std::string bad = path("nan.npy");
    imnn::save_npy(bad, a.info.shape, a.data.data());
    json j = array_config(folder, numerical);
    j["data"][file.toStdString()] = bad;
    const auto c = resolved(j); // shapes are fine: headers only
    try {
      make_fitter(c);
      QFAIL("no error");
    } catch (const imnn::NumericalError &e) {
      QVERIFY2(QString(e.what()).contains(expected) && QString(e.what()).contains("nan.npy") &&
                   QString(e.what()).contains(("data." + file.toStdString()).c_str()),
               e.what());
    }
  }

  void nan_from_simulator_numerical_is_reported_and_never_applied() {
    json j = simulator_config("nan_gaussian");
    j["simulator"] = {{"plugin", "nan_gaussian"}, {"options", {{"nan", 1}}}};
    j["mode"] = "simulator-numerical";
    auto f = make_fitter(resolved(j));
    const auto w0 = f->weights();
    try {
      f->fit();
      QFAIL("no error");
    } catch (const imnn::NumericalError &e) {
      QVERIFY2(QString(e.what()).contains("NaN") && QString(e.what()).contains("simulation 0"),
               e.what());
    }
    QCOMPARE(f->weights(), w0);
    QVERIFY(f->history().empty());
  }

  // imnn-spec §6 families 1 and 2 (constructor and fit() argument checks) as config
  // keys: every bad value gives its own message naming the key. JSON null means
  // "the default" for optional keys, so it is an error only where a value is needed.
  void argument_checks_data() {
    QTest::addColumn<QString>("pointer"); // JSON pointer into a valid config
    QTest::addColumn<QString>("value");   // JSON
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("message");
    struct Row {
      const char *pointer, *value, *key, *message;
    };
    const Row rows[] = {
        {"/n_s", "[]", "n_s", "expected an integer, got an array"},
        {"/n_s", "1.5", "n_s", "expected an integer, got a number (1.5)"},
        {"/n_s", "\"1000\"", "n_s", "expected an integer, got a string"},
        {"/n_s", "1", "n_s", "must be >= 2"},
        {"/n_d", "0", "n_d", "must be >= 1"},
        {"/n_d", "[0]", "n_d", "expected an integer, got an array"},
        {"/n_d", "201", "n_d", "must not exceed n_s (200)"},
        {"/n_summaries", "-1", "n_summaries", "must be >= 0"},
        {"/n_summaries", "200", "n_summaries", "smaller than n_s"},
        {"/theta_fid", "1.0", "theta_fid", "expected an array of numbers, got a number"},
        {"/theta_fid", "[0, \"one\"]", "theta_fid[1]", "expected a finite number, got a string"},
        {"/theta_fid", "[0, 1, 2]", "theta_fid", "has 3 values but simulator"},
        {"/delta_theta", "[0.1, 0]", "delta_theta[1]", "must be > 0"},
        {"/delta_theta", "[0.1]", "delta_theta", "has 1 values but simulator"},
        {"/delta_theta", "{}", "delta_theta", "expected an array of numbers, got an object"},
        {"/fit/lambda", "-1", "fit.lambda", "must be > 0"},
        {"/fit/lambda", "\"10\"", "fit.lambda", "expected a number, got a string"},
        {"/fit/lambda", "[]", "fit.lambda", "expected a number, got an array"},
        {"/fit/epsilon", "0", "fit.epsilon", "must be > 0"},
        {"/fit/epsilon", "0.5", "fit.epsilon", "epsilon"},
        {"/fit/patience", "0", "fit.patience", "must be between 1 and"},
        {"/fit/patience", "2.5", "fit.patience", "expected an integer"},
        {"/fit/min_iterations", "-1", "fit.min_iterations", "must be between 0 and"},
        {"/fit/max_iterations", "0", "fit.max_iterations", "must be between 1 and"},
        {"/fit/max_iterations", "[1]", "fit.max_iterations", "expected an integer, got an array"},
        {"/fit/best", "1", "fit.best", "expected true or false, got an integer (1)"},
        {"/fit/best", "\"true\"", "fit.best", "expected true or false, got a string"},
        {"/fit/validation", "[]", "fit.validation", "expected true or false"},
        {"/seed", "-1", "seed", "must be >= 0"},
        {"/seed", "0.5", "seed", "non-negative integer"},
        {"/mode", "1", "mode", "expected a string, got an integer"},
        {"/mode", "\"magic\"", "mode", "unknown fitting mode \"magic\"; known: auto, simulator"},
        {"/simulator", "null", "simulator.plugin", "no simulator plugin given; mode \"simulator\""},
        {"/data", "[]", "data", "expected an object"},
        {"/optimiser", "[]", "optimiser", "expected an object"},
        {"/optimiser/learning_rate", "-0.1", "optimiser.learning_rate", "> 0"},
        {"/optimiser/name", "\"rmsprop\"", "optimiser.name", "adam"},
        {"/network/plugin", "\"resnet\"", "network.plugin", "available: cnn, inception, mlp"},
        {"/threads", "-1", "threads", "must be between 0 and 4096, got -1"},
        {"/fit/n_validation_d", "151", "fit.n_validation_d", "must not exceed fit.n_validation"},
        {"/fit/patiance", "5", "fit.patiance", "unknown key"},
    };
    for (const auto &r : rows)
      QTest::newRow((std::string(r.pointer) + " = " + r.value).c_str())
          << r.pointer << r.value << r.key << r.message;
  }
  void argument_checks() {
    QFETCH(QString, pointer);
    QFETCH(QString, value);
    QFETCH(QString, key);
    QFETCH(QString, message);
    json j = simulator_config("gaussian_mean_variance");
    j["mode"] = "simulator";
    j["optimiser"] = {{"name", "adam"}};
    j[json::json_pointer(pointer.toStdString())] = json::parse(value.toStdString());
    expect_config_error([&] { resolved(j); }, key, {message, key});
  }

  // Array-mode arguments: data keys and the values that only the array modes read.
  void array_argument_checks_data() {
    QTest::addColumn<bool>("numerical");
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("message");
    QTest::newRow("fiducial not a string") << false << "/data/fiducial"
                                           << "1"
                                           << "data.fiducial"
                                           << "expected a string, got an integer";
    QTest::newRow("fiducial missing file") << false << "/data/fiducial"
                                           << "\"/nonexistent/f.npy\""
                                           << "data.fiducial"
                                           << "/nonexistent/f.npy";
    QTest::newRow("unknown data key") << false << "/data/fiducal"
                                      << "\"f.npy\""
                                      << "data.fiducal"
                                      << "unknown key";
    QTest::newRow("delta_theta length") << true << "/delta_theta"
                                        << "[0.1]"
                                        << "delta_theta"
                                        << "has 1 values but theta_fid has 2";
    QTest::newRow("theta_fid length") << false << "/theta_fid"
                                      << "[0, 1, 2]"
                                      << "data.derivative"
                                      << "n_params=3";
    QTest::newRow("n_summaries") << false << "/n_summaries"
                                 << "200"
                                 << "n_summaries"
                                 << "smaller than n_s";
  }
  void array_argument_checks() {
    QFETCH(bool, numerical);
    QFETCH(QString, pointer);
    QFETCH(QString, value);
    QFETCH(QString, key);
    QFETCH(QString, message);
    json j = array_config(numerical ? num_ : grad_, numerical);
    j[json::json_pointer(pointer.toStdString())] = json::parse(value.toStdString());
    expect_config_error([&] { resolved(j); }, key, {message});
  }

  // The weight gradient through each derivative path (tangent rows from an array,
  // finite differences from an array and from seed-matched simulations) vs central
  // finite differences of the loss, on fixed inputs.
  void loss_gradient_matches_finite_differences_data() {
    QTest::addColumn<QString>("mode");
    QTest::newRow("gradient") << "gradient";
    QTest::newRow("numerical") << "numerical";
    QTest::newRow("simulator-numerical") << "simulator-numerical";
  }
  void loss_gradient_matches_finite_differences() {
    QFETCH(QString, mode);
    json j = mode == "simulator-numerical"
                 ? simulator_config("gaussian_mean_variance")
                 : array_config(mode == "numerical" ? num_ : grad_, mode == "numerical");
    j["mode"] = mode.toStdString();
    j["network"]["options"] = {{"hidden", {8}}, {"activation", "tanh"}};
    const auto c = resolved(j);
    std::shared_ptr<imnn::Simulator> sim;
    if (!c.array_mode()) sim = registry_.create_simulator(c.simulator.plugin, c.simulator.options);
    const auto source = imnn::make_simulation_source(c, sim);
    auto model = registry_.build_network("mlp", c.network.options, source->input_shape(), 2);
    const imnn::SetSize set = source->set_size(imnn::SeedStream::training, {200, 100});
    const imnn::RowLayout layout = source->layout(set);
    auto backend = imnn::make_cpu_backend(1);
    imnn::Workspace ws;
    source->fill(imnn::SeedStream::training, 0, set, ws.input);
    const imnn::MatrixF input = ws.input;
    const imnn::Regularisation reg{10.0, 0.1};
    const auto w = model.initialise(11);
    auto loss_at = [&](const std::vector<float> &wt, imnn::LossAndGradient *out) {
      ws.input = input;
      Eigen::MatrixXd x, dx;
      source->summaries(model.forward(*backend, wt, ws, layout), set, x, dx);
      auto lg = imnn::fisher_loss(x, dx, 2, reg);
      if (out) *out = lg;
      return lg.loss;
    };
    imnn::LossAndGradient lg;
    loss_at(w, &lg);
    imnn::MatrixF og;
    source->output_adjoints(lg.dL_dx, lg.dL_ddx, set, og);
    std::vector<float> grad(w.size(), 0.0f);
    model.backward(*backend, w, ws, layout, og, grad);
    const QString bad = check_gradient_fd(
        w, grad, [&](const std::vector<float> &wt) { return loss_at(wt, nullptr); }, 10);
    QVERIFY2(bad.isEmpty(), qPrintable(bad));
  }

  // Seed-matched finite differences approximate the Jacobian path: dx/dθ of
  // simulator-numerical vs simulator on the same simulations and network.
  void finite_differences_match_the_jacobian() {
    json j = simulator_config("gaussian_mean_variance");
    j["network"]["options"] = {{"hidden", {8}}, {"activation", "tanh"}};
    j["delta_theta"] = {0.02, 0.02};
    auto c = resolved(j);
    auto sim = registry_.create_simulator(c.simulator.plugin, c.simulator.options);
    auto model = registry_.build_network("mlp", c.network.options, sim->input_shape(), 2);
    const auto w = model.initialise(5);
    auto backend = imnn::make_cpu_backend(1);
    const imnn::SetSize set{50, 40};
    Eigen::MatrixXd x[2], dx[2];
    for (int k = 0; k < 2; ++k) {
      c.mode = k == 0 ? "simulator" : "simulator-numerical";
      const auto source = imnn::make_simulation_source(c, sim);
      imnn::Workspace ws;
      source->fill(imnn::SeedStream::validation, 3, set, ws.input);
      source->summaries(model.forward(*backend, w, ws, source->layout(set)), set, x[k], dx[k]);
    }
    QVERIFY((x[0] - x[1]).cwiseAbs().maxCoeff() < 1e-6); // the same fiducial simulations
    const double scale = dx[0].cwiseAbs().maxCoeff();
    QVERIFY(scale > 1e-3);
    const double err = (dx[0] - dx[1]).cwiseAbs().maxCoeff();
    QVERIFY2(err < 0.02 * scale,
             qPrintable(QString("max |FD - Jacobian| %1 vs scale %2").arg(err).arg(scale)));
  }

  // Each mode fits the Gaussian problem: the information grows within 30 steps; the
  // array modes use the same training set every iteration and their validation arrays.
  void short_fit_per_mode_data() {
    QTest::addColumn<QString>("mode");
    QTest::addColumn<bool>("validation");
    QTest::newRow("simulator-numerical") << "simulator-numerical" << true;
    QTest::newRow("gradient") << "gradient" << true;
    QTest::newRow("numerical") << "numerical" << true;
    QTest::newRow("gradient, no validation arrays") << "gradient" << false;
  }
  void short_fit_per_mode() {
    QFETCH(QString, mode);
    QFETCH(bool, validation);
    json j =
        mode == "simulator-numerical"
            ? simulator_config("nojac_gaussian") // auto picks simulator-numerical
            : array_config(mode == "numerical" ? num_ : grad_, mode == "numerical", validation);
    const auto c = resolved(j);
    QCOMPARE(QString::fromStdString(c.mode), mode);
    QCOMPARE(c.fit.validation, validation);
    auto f = make_fitter(c);
    const auto res = f->fit();
    const auto &h = f->history();
    QCOMPARE(int(h.size()), 30);
    QVERIFY2(
        h.back().train.detF > 1.3 * h.front().train.detF,
        qPrintable(QString("det F %1 -> %2").arg(h.front().train.detF).arg(h.back().train.detF)));
    QVERIFY(h.back().loss < h.front().loss);
    QCOMPARE(std::isfinite(h.back().val.detF), validation);
    QVERIFY(res.has_statistics && res.statistics.detF > 0);
    if (c.array_mode()) {
      // Fixed data: the training set at any iteration is the same, and the final
      // statistics use the validation arrays when given (imnn-spec §2.6).
      imnn::MatrixF a, b;
      f->source().fill(imnn::SeedStream::training, 0,
                       f->source().set_size(imnn::SeedStream::training, {}), a);
      f->source().fill(imnn::SeedStream::training, 7,
                       f->source().set_size(imnn::SeedStream::training, {}), b);
      QVERIFY(a == b);
      QCOMPARE(f->source().set_size(imnn::SeedStream::statistics, {}).n, validation ? 150 : 200);
      QCOMPARE(f->trained_model(res.statistics).param_names.size(), std::size_t(2));
    }
  }
};

QTEST_APPLESS_MAIN(TestModes)
#include "test_modes.moc"

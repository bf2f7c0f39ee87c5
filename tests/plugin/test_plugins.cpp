// The plugin loader (DESIGN.md §6): every broken plugin is refused with a reason
// that names the file and the problem, scans never throw, and the Gaussian
// simulator plugin is deterministic, thread-safe and statistically right, with a
// Jacobian that matches finite differences.
#include "imnn/config.h"
#include "imnn/error.h"
#include "imnn/plugins.h"

#include <QtTest>
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <thread>

using nlohmann::json;
namespace fs = std::filesystem;

namespace {

const fs::path kBroken = fs::path(IMNN_TEST_PLUGIN_DIR) / "broken";
const fs::path kMisbehaving = fs::path(IMNN_TEST_PLUGIN_DIR) / "misbehaving";
const fs::path kDuplicate = fs::path(IMNN_TEST_PLUGIN_DIR) / "duplicate";
const fs::path kPlugins = fs::path(IMNN_PLUGIN_BUILD_DIR);
const char *const kGaussian = "gaussian_mean_variance";

bool contains(const std::string &haystack, const std::string &needle) {
  return haystack.find(needle) != std::string::npos;
}

// The message of the PluginError that f throws ("" when it throws none).
template <typename F>
std::string plugin_error(F &&f) {
  try {
    f();
  } catch (const imnn::PluginError &e) {
    return e.what();
  }
  return "";
}

// The message is built by a function: GCC 12's -Wrestrict misfires (bug 105329) on the
// inlined std::string concatenation when it is written in the macro.
QString not_in(const std::string &text, const std::string &part) {
  return QString::fromStdString("\"" + part + "\" not in: " + text);
}

#define VERIFY_CONTAINS(text, part)                                                                \
  QVERIFY2(contains(text, part), qPrintable(not_in(text, std::string(part))))

} // namespace

class TestPlugins : public QObject {
  Q_OBJECT

  imnn::PluginRegistry real_; // the build tree's plugins/

private slots:
  void initTestCase() {
    real_.scan({kPlugins});
    QVERIFY2(real_.find_simulator(kGaussian), "gaussian_mean_variance was not built");
  }

  // ---- refusals --------------------------------------------------------------------
  void refuses_broken_plugin_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("expected");
    auto row = [](const char *file, QStringList expected) {
      QTest::newRow(file) << QString(file) << expected;
    };
    row("no_entry.so", {"exports neither imnn_simulator_entry nor imnn_network_entry: not an "
                        "IMNN plugin"});
    row("entry_null.so", {"imnn_simulator_entry returned NULL"});
    row("abi_999.so", {"ABI version 999", "abi_999.so,", "loads versions 1 to 2",
                       "rebuild the plugin against this simulator_abi.h"});
    row("struct_huge.so", {"struct_size is 1000000", "set struct_size = sizeof"});
    row("zero_extent.so", {"default_input_shape has extent 0 on axis 0", "must be > 0"});
    row("negative_extent.so", {"default_input_shape has extent -3 on axis 1"});
    row("rank_zero.so", {"input_rank is 0", "between 1 and 8"});
    row("rank_too_big.so", {"input_rank is 9", "between 1 and 8"});
    row("prior_empty.so",
        {"prior box for parameter 'b' is empty", "prior_high 0.0", "prior_low 0.0"});
    row("delta_zero.so", {"delta_theta for parameter 'b' is 0.0", "must be > 0"});
    row("delta_negative.so", {"delta_theta for parameter 'b' is -0.1", "must be > 0"});
    row("no_simulate.so", {"the simulate function is NULL"});
    row("empty_descriptor.so", {"descriptor name NULL is not a valid identifier"});
    row("lying_n_params.so",
        {"n_params is 1 but param_names has more names (the next is \"b\")", "exactly n_params"});
    row("bad_name.so", {"\"Bad-Name\" is not a valid identifier", "[a-z0-9_]"});
    row("bad_options_help.so", {"options_help is not valid JSON"});
    row("not_a_library.so", {"cannot be loaded as a shared library"});
    row("network_core_version.so",
        {"IMNN core \"0.0.0-wrong\"", "must be built against exactly the same core version"});
    row("network_entry_throws.so",
        {"imnn_network_entry threw: this test network's entry always throws"});
  }
  void refuses_broken_plugin() {
    QFETCH(QString, file);
    QFETCH(QStringList, expected);
    const fs::path path = kBroken / file.toStdString();
    QVERIFY2(fs::exists(path), path.c_str());
    imnn::PluginRegistry r;
    bool loaded = true;
    try {
      loaded = r.load_file(path);
    } catch (...) {
      QFAIL("load_file threw");
    }
    QVERIFY(!loaded);
    QVERIFY(r.simulators().empty());
    QVERIFY(r.networks().empty());
    QCOMPARE(r.skipped().size(), std::size_t(1));
    const auto &s = r.skipped().back();
    QCOMPARE(s.path, path);
    QVERIFY2(s.reason.rfind(path.string() + ": ", 0) == 0, s.reason.c_str());
    for (const auto &part : expected)
      VERIFY_CONTAINS(s.reason, part.toStdString());
  }

  void scan_of_broken_folder_skips_every_file() {
    imnn::PluginRegistry r;
    try {
      r.scan({kBroken});
    } catch (...) {
      QFAIL("scan threw");
    }
    QVERIFY(r.simulators().empty());
    QVERIFY(r.networks().empty());
    QCOMPARE(r.searched(), std::vector<fs::path>{kBroken});
    std::vector<fs::path> files;
    for (const auto &e : fs::directory_iterator(kBroken))
      if (e.path().extension() == ".so") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    QVERIFY(files.size() >= 16);
    std::vector<fs::path> skipped;
    for (const auto &s : r.skipped()) {
      skipped.push_back(s.path);
      QVERIFY2(s.reason.rfind(s.path.string() + ": ", 0) == 0, s.reason.c_str());
    }
    QCOMPARE(skipped, files); // every file, in name order
  }

  void missing_folder_is_recorded() {
    imnn::PluginRegistry r;
    const fs::path missing = fs::path(IMNN_TEST_PLUGIN_DIR) / "no_such_folder";
    r.scan({missing, kPlugins});
    QCOMPARE(r.searched(), (std::vector<fs::path>{missing, kPlugins}));
    QCOMPARE(r.skipped().size(), std::size_t(1));
    QCOMPARE(r.skipped()[0].path, missing);
    VERIFY_CONTAINS(r.skipped()[0].reason, "folder does not exist");
    QVERIFY(r.find_simulator(kGaussian));
  }

  void duplicate_name_keeps_the_first() {
    imnn::PluginRegistry r;
    r.scan({kDuplicate});
    QCOMPARE(r.simulators().size(), std::size_t(1));
    QCOMPARE(r.simulators()[0].name, std::string("dup_sim"));
    QCOMPARE(r.simulators()[0].path, kDuplicate / "dup_a.so");
    QCOMPARE(r.skipped().size(), std::size_t(1));
    const auto &reason = r.skipped()[0].reason;
    QCOMPARE(r.skipped()[0].path, kDuplicate / "dup_b.so");
    QVERIFY(reason.rfind((kDuplicate / "dup_b.so").string() + ": ", 0) == 0);
    VERIFY_CONTAINS(reason, "already provided by " + (kDuplicate / "dup_a.so").string());
  }

  void same_folder_or_file_twice_is_not_a_duplicate() {
    imnn::PluginRegistry r;
    r.scan({kPlugins, kPlugins.string() + "/", kPlugins / "simulators" / ".."});
    QCOMPARE(r.searched().size(), std::size_t(1));
    QVERIFY(r.load_file(kPlugins / "simulators" / "gaussian_mean_variance.so"));
    QCOMPARE(std::count_if(r.simulators().begin(), r.simulators().end(),
                           [](const auto &s) { return s.name == kGaussian; }),
             std::ptrdiff_t(1));
    QVERIFY(r.skipped().empty());
  }

  void default_search_paths() {
    const char *old = std::getenv("IMNN_PLUGIN_PATH");
    const std::string saved = old ? old : "";
    setenv("IMNN_PLUGIN_PATH", "/opt/a::/opt/b/:/opt/a", 1);
    const auto paths = imnn::PluginRegistry::default_search_paths();
    if (old)
      setenv("IMNN_PLUGIN_PATH", saved.c_str(), 1);
    else
      unsetenv("IMNN_PLUGIN_PATH");
    const fs::path exe_dir = fs::read_symlink("/proc/self/exe").parent_path();
    // The install folder <exe>/../lib/imnn-studio/plugins does not exist in the build
    // tree, so it is left out; the environment's folders are kept even when missing.
    const std::vector<fs::path> expected{"/opt/a", "/opt/b",
                                         (exe_dir / ".." / "plugins").lexically_normal()};
    QCOMPARE(paths, expected);
    // The test runs from <build>/bin, so the build tree's plugins are found by default.
    QCOMPARE(fs::weakly_canonical(paths[2]), fs::weakly_canonical(kPlugins));
  }

  void unknown_simulator_lists_the_available_ones() {
    const std::string m = plugin_error([&] { real_.create_simulator("no_such_sim", json{}); });
    VERIFY_CONTAINS(m, "no simulator plugin named 'no_such_sim'");
    VERIFY_CONTAINS(m, kGaussian);
    VERIFY_CONTAINS(m, kPlugins.string());
    VERIFY_CONTAINS(m, "--plugin-dir");
    VERIFY_CONTAINS(m, "IMNN_PLUGIN_PATH");
  }

  // A config naming a plugin whose file was skipped says why, not only "no plugin".
  void unknown_plugin_in_a_config_gives_the_skip_reason() {
    imnn::PluginRegistry r;
    r.scan({kBroken});
    auto c = imnn::RunConfig::from_json({{"simulator", "abi_999"}});
    try {
      c.resolve(r);
      QFAIL("no error");
    } catch (const imnn::ConfigError &e) {
      const std::string m = e.what();
      VERIFY_CONTAINS(m, "no simulator plugin named \"abi_999\"");
      VERIFY_CONTAINS(m, "abi_999.so was skipped");
      VERIFY_CONTAINS(m, "ABI version 999");
    }
  }

  // ---- the cnn network --------------------------------------------------------------
  // Conv + activation + pool blocks then the dense head, reading (H, W) as one channel.
  void cnn_builds_images_of_every_rank() {
    QVERIFY2(real_.find_network("cnn"), "cnn was not built");
    const imnn::Model m = real_.build_network(
        "cnn", json{{"filters", {4, 6}}, {"hidden", {8}}, {"activation", "elu"}}, {12, 10}, 3);
    QCOMPARE(m.output_size(), imnn::Index(3));
    QStringList types;
    for (const auto &l : m.layers())
      types << QString::fromStdString(l->type());
    QCOMPARE(types.join(' '), QStringLiteral("conv2d activation max_pool conv2d activation "
                                             "max_pool dense activation dense"));
    // 12x10x1 -> conv 12x10x4 -> pool 6x5x4 -> conv 6x5x6 -> pool 3x3x6 -> dense.
    QCOMPARE(imnn::image_output(*m.layers()[5]), (imnn::ImageShape{3, 3, 6}));
    QCOMPARE(m.layers()[6]->input_size(), imnn::Index(54));
    // A rank-1 series and a (1, H, W) field read as one channel.
    QCOMPARE(real_.build_network("cnn", json::object(), {10}, 2).output_size(), imnn::Index(2));
    const imnn::Model chw =
        real_.build_network("cnn", json{{"pool", "none"}, {"filters", {2}}}, {1, 8, 8}, 2);
    QCOMPARE(imnn::image_output(*chw.layers()[0]), (imnn::ImageShape{8, 8, 2}));
    // The reference's reading of the same field: H = 1, W = 8, 8 channels.
    const imnn::Model stax = real_.build_network(
        "cnn", json{{"input_layout", "stax"}, {"pool", "none"}, {"filters", {2}}}, {1, 8, 8}, 2);
    QCOMPARE(imnn::image_output(*stax.layers()[0]), (imnn::ImageShape{1, 8, 2}));
    QCOMPARE(stax.layers()[0]->n_parameters(), imnn::Index(3 * 3 * 8 * 2 + 2));
    // A rank-2 field (the gaussian_random_field_2d plugin's (N, N)): the natural reading is
    // one 8 x 8 channel, the stax reading the reference's (1, 8, 8) without the leading 1.
    const imnn::Model field =
        real_.build_network("cnn", json{{"pool", "none"}, {"filters", {2}}}, {8, 8}, 2);
    QCOMPARE(imnn::image_output(*field.layers()[0]), (imnn::ImageShape{8, 8, 2}));
    const imnn::Model field_stax = real_.build_network(
        "cnn", json{{"input_layout", "stax"}, {"pool", "none"}, {"filters", {2}}}, {8, 8}, 2);
    QCOMPARE(imnn::image_output(*field_stax.layers()[0]), (imnn::ImageShape{1, 8, 2}));
    // block_activation: its own activation after each convolution (square: band powers), the
    // dense head keeps activation; by default the blocks take activation too.
    const imnn::Model power = real_.build_network("cnn",
                                                  json{{"filters", {3}},
                                                       {"hidden", {4}},
                                                       {"activation", "elu"},
                                                       {"block_activation", "square"},
                                                       {"pool", "average"},
                                                       {"pool_size", 8},
                                                       {"pool_stride", 8}},
                                                  {8, 8}, 2);
    QCOMPARE(power.layers()[1]->describe()["activation"].get<std::string>(), std::string("square"));
    QCOMPARE(power.layers()[4]->describe()["activation"].get<std::string>(), std::string("elu"));
    QCOMPARE(imnn::image_output(*power.layers()[2]), (imnn::ImageShape{1, 1, 3}));
    // Circular padding (periodic fields): a wrap by SAME's amounts before each window that
    // needs one, then VALID windows, so SAME's output sizes.
    const imnn::Model periodic = real_.build_network("cnn",
                                                     json{{"filters", {2, 3}},
                                                          {"kernel", {3, 4}},
                                                          {"strides", {1, 2}},
                                                          {"hidden", {4}},
                                                          {"padding", "circular"},
                                                          {"pool", "max"},
                                                          {"pool_size", 3},
                                                          {"pool_stride", 2}},
                                                     {8, 8}, 2);
    types.clear();
    for (const auto &l : periodic.layers())
      types << QString::fromStdString(l->type());
    QCOMPARE(types.join(' '), QStringLiteral("circular_pad conv2d activation circular_pad max_pool "
                                             "circular_pad conv2d activation circular_pad "
                                             "max_pool dense activation dense"));
    QCOMPARE(periodic.layers()[0]->describe()["padding"], json({1, 1, 1, 1}));
    QCOMPARE(imnn::image_output(*periodic.layers()[1]), (imnn::ImageShape{8, 8, 2}));
    QCOMPARE(periodic.layers()[3]->describe()["padding"], json({0, 0, 1, 1}));
    QCOMPARE(imnn::image_output(*periodic.layers()[4]), (imnn::ImageShape{4, 4, 2}));
    QCOMPARE(imnn::image_output(*periodic.layers()[6]), (imnn::ImageShape{2, 2, 3}));
    QCOMPARE(imnn::image_output(*periodic.layers()[9]), (imnn::ImageShape{1, 1, 3}));
    QCOMPARE(real_.resolve_network_options("cnn", json{{"activation", "tanh"}}, 2)
                 .at("block_activation")
                 .get<std::string>(),
             std::string("tanh"));
  }

  void cnn_refuses_shapes_it_cannot_take_data() {
    QTest::addColumn<QByteArray>("options");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("message");
    QTest::newRow("kernel larger than the input")
        << QByteArray(R"({"filters": [4, 4], "kernel": [3, 9], "padding": "valid"})")
        << "network.options.kernel"
        << "block 2 of 2: conv2d layer: kernel 9x9 is larger than the unpadded input image";
    QTest::newRow("stride 0") << QByteArray(R"({"strides": 0})") << "network.options.strides"
                              << "must be";
    QTest::newRow("kernel per block count")
        << QByteArray(R"({"filters": [4, 4, 4], "kernel": [3, 3]})") << "network.options.kernel"
        << "2 values for 3 blocks";
    QTest::newRow("padding") << QByteArray(R"({"padding": "full"})") << "network.options.padding"
                             << "use same, valid or circular";
    QTest::newRow("circular kernel larger than the input")
        << QByteArray(R"({"padding": "circular", "kernel": 19})") << "network.options.kernel"
        << "block 1 of 2: circular_pad layer: padding (top 9, left 9, bottom 9, right 9) wraps "
           "more than once around the input image 8x8x1";
    QTest::newRow("unknown input layout")
        << QByteArray(R"({"input_layout": "nchw"})") << "network.options.input_layout"
        << "use image";
    QTest::newRow("unknown block activation")
        << QByteArray(R"({"block_activation": "cube"})") << "network.options.block_activation"
        << "unknown activation \"cube\"";
    QTest::newRow("unknown key") << QByteArray(R"({"filtres": [4]})") << "network.options.filtres"
                                 << "unknown";
  }
  void cnn_refuses_shapes_it_cannot_take() {
    QFETCH(QByteArray, options);
    QFETCH(QString, key);
    QFETCH(QString, message);
    try {
      (void)real_.build_network("cnn", json::parse(options.toStdString()), {8, 8}, 2);
      QFAIL("no error");
    } catch (const imnn::ConfigError &e) {
      QCOMPARE(QString::fromStdString(e.key()), key);
      QVERIFY2(QString(e.what()).contains(message), e.what());
    }
  }

  // ---- the inception network -------------------------------------------------------
  void inception_builds_the_reference_network() {
    QVERIFY2(real_.find_network("inception"), "inception was not built");
    // The reference's network on a 128 x 128 field: 128 -> 32 -> 8 -> 2 -> 1.
    const imnn::Model ref = real_.build_network("inception", json::object(), {128, 128}, 2);
    QCOMPARE(ref.output_size(), imnn::Index(2));
    QCOMPARE(imnn::image_output(*ref.layers()[0]), (imnn::ImageShape{32, 32, 256}));
    QCOMPARE(imnn::image_output(*ref.layers()[6]), (imnn::ImageShape{1, 1, 128}));
    QCOMPARE(ref.layers().back()->type(), std::string("flatten"));
    // Parameters counted by hand: 16 x 16 x 1, strides [4, 4], 2 filters, blocks of 4 and
    // 2 branches. Block 1: 1x1 (1*2+2) + 1x1->3x3 (4 + 9*2*2+2) + 1x1->5x5 (4 + 25*2*2+2)
    // + pool->1x1 (4) = 156, giving 4 x 4 x 8; block 2: two 1x1 of 8*2+2 = 36, giving
    // 1 x 1 x 4; the last 1x1 conv to 2: 4*2+2 = 10.
    const imnn::Model small = real_.build_network(
        "inception", json{{"strides", {4, 4}}, {"filters", 2}, {"branches", {4, 2}}}, {16, 16}, 2);
    QCOMPARE(small.n_parameters(), imnn::Index(156 + 36 + 10));
    QStringList types;
    for (const auto &l : small.layers())
      types << QString::fromStdString(l->type());
    QCOMPARE(types.join(' '), QStringLiteral("concat activation concat activation conv2d flatten"));
    // The reference's reading of a (1, 16, 16) field: 16 channels of a 1 x 16 image.
    const imnn::Model stax = real_.build_network(
        "inception", json{{"strides", {4, 4}}, {"filters", 2}, {"input_layout", "stax"}},
        {1, 16, 16}, 2);
    QCOMPARE(imnn::image_output(*stax.layers()[0]), (imnn::ImageShape{1, 4, 8}));
    const imnn::Model natural =
        real_.build_network("inception", json{{"strides", {4, 4}}, {"filters", 2}}, {1, 16, 16}, 2);
    QCOMPARE(imnn::image_output(*natural.layers()[0]), (imnn::ImageShape{4, 4, 8}));
    // The resolved options name every default.
    const json r = real_.resolve_network_options("inception", json::object(), 2);
    QCOMPARE(r.at("strides").dump(), std::string("[4,4,4,2]"));
    QCOMPARE(r.at("branches").dump(), std::string("[4,4,4,2]"));
    QCOMPARE(r.at("input_layout").get<std::string>(), std::string("image"));
  }

  void inception_refuses_what_it_cannot_build_data() {
    QTest::addColumn<QByteArray>("options");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("message");
    QTest::newRow("image not reduced to 1x1")
        << QByteArray(R"({"strides": [2]})") << "network.options.strides"
        << "the blocks leave a 8x8 image of the (16, 16) input";
    QTest::newRow("five branches")
        << QByteArray(R"({"strides": [4, 4], "branches": 5})") << "network.options.branches"
        << "asks for 5 branches";
    QTest::newRow("filters per block")
        << QByteArray(R"({"strides": [4, 4], "filters": [1, 2, 3]})") << "network.options.filters"
        << "3 values for 2 blocks";
    QTest::newRow("stride 0") << QByteArray(R"({"strides": [4, 0]})")
                              << "network.options.strides[1]"
                              << "must be";
  }
  void inception_refuses_what_it_cannot_build() {
    QFETCH(QByteArray, options);
    QFETCH(QString, key);
    QFETCH(QString, message);
    try {
      (void)real_.build_network("inception", json::parse(options.toStdString()), {16, 16}, 2);
      QFAIL("no error");
    } catch (const imnn::ConfigError &e) {
      QCOMPARE(QString::fromStdString(e.key()), key);
      QVERIFY2(QString(e.what()).contains(message), e.what());
    }
  }

  // ---- the Gaussian simulator ------------------------------------------------------
  void gaussian_descriptor() {
    const imnn::SimulatorInfo *s = real_.find_simulator(kGaussian);
    QVERIFY(s);
    QCOMPARE(s->path, kPlugins / "simulators" / "gaussian_mean_variance.so");
    QCOMPARE(s->param_names, (std::vector<std::string>{"mu", "Sigma"}));
    QCOMPARE(s->default_input_shape, std::vector<imnn::Index>{10});
    QCOMPARE(s->theta_fid, (std::vector<double>{0.0, 1.0}));
    QCOMPARE(s->delta_theta, (std::vector<double>{0.1, 0.1}));
    QCOMPARE(s->prior_low, (std::vector<double>{-10.0, 0.0}));
    QCOMPARE(s->prior_high, (std::vector<double>{10.0, 10.0}));
    QVERIFY(s->has_jacobian);
    QVERIFY(!s->version.empty());
    QVERIFY(!s->description.empty());
    QVERIFY(s->options_help.contains("n_data"));
    const json j = s->to_json();
    for (const char *key :
         {"name", "version", "description", "path", "param_names", "default_input_shape",
          "theta_fid", "delta_theta", "prior_low", "prior_high", "options_help", "has_jacobian"})
      QVERIFY2(j.contains(key), key);
    QCOMPARE(j["name"].get<std::string>(), std::string(kGaussian));
    QCOMPARE(j["prior_high"], json({10.0, 10.0}));
    QCOMPARE(j["has_jacobian"].get<bool>(), true);
  }

  void gaussian_n_data_option() {
    auto d = real_.create_simulator(kGaussian, json::object());
    QCOMPARE(d->input_shape(), std::vector<imnn::Index>{10});
    QCOMPARE(d->input_size(), imnn::Index(10));
    QCOMPARE(d->n_params(), imnn::Index(2));
    auto n = real_.create_simulator(kGaussian, json{{"n_data", 37}});
    QCOMPARE(n->input_shape(), std::vector<imnn::Index>{37});
    QCOMPARE(n->input_size(), imnn::Index(37));
    QCOMPARE(n->options(), (json{{"n_data", 37}}));
    auto null_options = real_.create_simulator(kGaussian, json());
    QCOMPARE(null_options->input_size(), imnn::Index(10));
  }

  void gaussian_bad_options_data() {
    QTest::addColumn<QString>("options");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("zero") << R"({"n_data": 0})"
                          << QStringList{"option \"n_data\" must be an integer", "not 0"};
    QTest::newRow("negative") << R"({"n_data": -4})" << QStringList{"not -4"};
    QTest::newRow("fraction") << R"({"n_data": 2.5})" << QStringList{"not 2.5"};
    QTest::newRow("string") << R"({"n_data": "ten"})"
                            << QStringList{"option \"n_data\" must be an integer", "not a string"};
    QTest::newRow("unknown key") << R"({"n_dat": 10})"
                                 << QStringList{"unknown option \"n_dat\"", "\"n_data\""};
    QTest::newRow("second key") << R"({"n_data": 10, "seed": 1})"
                                << QStringList{"unknown option \"seed\""};
  }
  void gaussian_bad_options() {
    QFETCH(QString, options);
    QFETCH(QStringList, expected);
    const json o = json::parse(options.toStdString());
    const std::string m = plugin_error([&] { real_.create_simulator(kGaussian, o); });
    VERIFY_CONTAINS(m, "simulator 'gaussian_mean_variance' (");
    VERIFY_CONTAINS(m, "refused its options: ");
    for (const auto &part : expected)
      VERIFY_CONTAINS(m, part.toStdString());
  }

  void gaussian_is_deterministic_per_seed() {
    auto sim = real_.create_simulator(kGaussian, json::object());
    const double theta[2] = {0.3, 1.7};
    std::vector<double> a(10), b(10), c(10);
    sim->simulate(42, theta, a.data());
    sim->simulate(42, theta, b.data());
    sim->simulate(43, theta, c.data());
    QCOMPARE(a, b);
    for (std::size_t i = 0; i < a.size(); ++i)
      QVERIFY(a[i] != c[i]);
    // Another instance gives the same values: nothing depends on the instance's history.
    auto other = real_.create_simulator(kGaussian, json{{"n_data", 10}});
    other->simulate(42, theta, c.data());
    QCOMPARE(a, c);
    // A longer simulation starts with the same noise (counter = element index).
    auto longer = real_.create_simulator(kGaussian, json{{"n_data", 12}});
    std::vector<double> l(12);
    longer->simulate(42, theta, l.data());
    QCOMPARE(std::vector<double>(l.begin(), l.begin() + 10), a);
  }

  void gaussian_refuses_nonpositive_sigma() {
    auto sim = real_.create_simulator(kGaussian, json::object());
    const double theta[2] = {0.0, 0.0};
    std::vector<double> out(10), jac(20);
    std::string m = plugin_error([&] { sim->simulate(5, theta, out.data()); });
    VERIFY_CONTAINS(m, "simulator 'gaussian_mean_variance' failed for seed 5 at theta (0.0, 0.0)");
    VERIFY_CONTAINS(m, "Sigma must be > 0");
    m = plugin_error([&] { sim->simulate_with_jacobian(5, theta, out.data(), jac.data()); });
    VERIFY_CONTAINS(m, "Sigma must be > 0");
  }

  void gaussian_jacobian_matches_finite_differences() {
    auto sim = real_.create_simulator(kGaussian, json{{"n_data", 25}});
    const std::size_t n = 25;
    for (std::uint64_t seed : {1ull, 77ull, 0xFFFFFFFFFFFFFFFFull}) {
      const double theta[2] = {0.4, 1.3};
      std::vector<double> out(n), plain(n), jac(n * 2);
      sim->simulate_with_jacobian(seed, theta, out.data(), jac.data());
      sim->simulate(seed, theta, plain.data());
      QCOMPARE(out, plain); // bit-identical
      const double h = 1e-4;
      for (int a = 0; a < 2; ++a) {
        double tp[2] = {theta[0], theta[1]}, tm[2] = {theta[0], theta[1]};
        tp[a] += h;
        tm[a] -= h;
        std::vector<double> op(n), om(n);
        sim->simulate(seed, tp, op.data());
        sim->simulate(seed, tm, om.data());
        for (std::size_t e = 0; e < n; ++e) {
          const double fd = (op[e] - om[e]) / (2 * h);
          const double an = jac[e * 2 + a];
          QVERIFY2(std::abs(fd - an) < 1e-7 * (1 + std::abs(an)),
                   qPrintable(QString("seed %1 param %2 element %3: fd %4 vs jacobian %5")
                                  .arg(seed)
                                  .arg(a)
                                  .arg(e)
                                  .arg(fd, 0, 'g', 12)
                                  .arg(an, 0, 'g', 12)));
        }
      }
      for (std::size_t e = 0; e < n; ++e)
        QCOMPARE(jac[e * 2], 1.0);
    }
  }

  void gaussian_statistics_match_theta() {
    const std::size_t n_data = 10, n_seeds = 5000, n = n_data * n_seeds;
    auto sim = real_.create_simulator(kGaussian, json{{"n_data", n_data}});
    const double mu = 0.5, sigma = 2.0, theta[2] = {mu, sigma};
    std::vector<double> all(n);
    for (std::size_t s = 0; s < n_seeds; ++s)
      sim->simulate(1000 + s, theta, all.data() + s * n_data);
    double mean = 0;
    for (double v : all)
      mean += v;
    mean /= double(n);
    double var = 0, m4 = 0;
    for (double v : all) {
      var += (v - mean) * (v - mean);
      m4 += std::pow(v - mean, 4);
    }
    var /= double(n - 1);
    m4 /= double(n);
    // Monte Carlo errors: sd(mean) = sqrt(Sigma/n), sd(var) = Sigma sqrt(2/(n-1)).
    const double se_mean = std::sqrt(sigma / double(n));
    const double se_var = sigma * std::sqrt(2.0 / double(n - 1));
    QVERIFY2(std::abs(mean - mu) < 5 * se_mean, qPrintable(QString("mean %1").arg(mean)));
    QVERIFY2(std::abs(var - sigma) < 5 * se_var, qPrintable(QString("variance %1").arg(var)));
    // Gaussian tails: kurtosis 3 (sd about sqrt(24/n)).
    const double kurtosis = m4 / (var * var);
    QVERIFY2(std::abs(kurtosis - 3) < 5 * std::sqrt(24.0 / double(n)),
             qPrintable(QString("kurtosis %1").arg(kurtosis)));
    // No correlation between neighbouring elements nor between neighbouring seeds.
    double c_elem = 0, c_seed = 0;
    std::size_t n_elem = 0, n_seed = 0;
    for (std::size_t s = 0; s < n_seeds; ++s)
      for (std::size_t e = 0; e < n_data; ++e) {
        const double x = all[s * n_data + e] - mean;
        if (e + 1 < n_data) {
          c_elem += x * (all[s * n_data + e + 1] - mean);
          ++n_elem;
        }
        if (s + 1 < n_seeds) {
          c_seed += x * (all[(s + 1) * n_data + e] - mean);
          ++n_seed;
        }
      }
    c_elem /= double(n_elem) * var;
    c_seed /= double(n_seed) * var;
    QVERIFY2(std::abs(c_elem) < 5 / std::sqrt(double(n_elem)),
             qPrintable(QString("element correlation %1").arg(c_elem)));
    QVERIFY2(std::abs(c_seed) < 5 / std::sqrt(double(n_seed)),
             qPrintable(QString("seed correlation %1").arg(c_seed)));
  }

  void gaussian_simulates_from_many_threads() {
    auto sim = real_.create_simulator(kGaussian, json{{"n_data", 16}});
    const std::size_t n_sims = 2000, size = 16;
    const double theta[2] = {-1.0, 0.5};
    std::vector<double> sequential(n_sims * size), jac_sequential(n_sims * size * 2);
    for (std::size_t i = 0; i < n_sims; ++i)
      sim->simulate_with_jacobian(i * 7919, theta, sequential.data() + i * size,
                                  jac_sequential.data() + i * size * 2);
    std::vector<double> parallel(n_sims * size), jac_parallel(n_sims * size * 2);
    std::vector<std::string> errors(2);
    auto work = [&](std::size_t t) {
      try {
        for (std::size_t i = t; i < n_sims; i += 2) {
          if (i % 3 == 0)
            sim->simulate(i * 7919, theta, parallel.data() + i * size);
          else
            sim->simulate_with_jacobian(i * 7919, theta, parallel.data() + i * size,
                                        jac_parallel.data() + i * size * 2);
          if (i % 3 == 0)
            std::copy_n(jac_sequential.data() + i * size * 2, size * 2,
                        jac_parallel.data() + i * size * 2);
        }
      } catch (const std::exception &e) {
        errors[t] = e.what();
      }
    };
    std::thread a(work, 0), b(work, 1);
    a.join();
    b.join();
    QCOMPARE(errors, std::vector<std::string>(2));
    QVERIFY(parallel == sequential);
    QVERIFY(jac_parallel == jac_sequential);
  }

  // ---- the malformed plugins that crash, exit, hang or return NaN: isolated -------
  // Each runs in a child process (simulator isolation); the host survives and the
  // message names the file, the simulation's seed and theta.
  void isolated_faults_are_reported() {
    imnn::PluginRegistry r;
    r.scan({kMisbehaving});
    imnn::SimulatorIsolation iso;
    iso.isolate = true;
    iso.timeout_s = 1.0;
    iso.max_workers = 1;
    const double thetas[4] = {0.0, 1.0, 0.5, 2.0};
    const std::uint64_t seeds[2] = {11, 12};
    std::vector<double> out(8);
    auto expect = [&](const char *name, const std::vector<std::string> &parts) {
      auto sim = r.create_simulator(name, json::object(), iso);
      QVERIFY(sim->isolated());
      std::string m;
      try {
        sim->simulate_batch(2, seeds, thetas, out.data());
      } catch (const imnn::PluginCrashError &e) {
        m = e.what();
      }
      VERIFY_CONTAINS(m, "simulator '" + std::string(name) + "' (" +
                             (kMisbehaving / (std::string(name) + ".so")).string() + ")");
      VERIFY_CONTAINS(m, "in the simulation with seed 11 at theta (0.0, 1.0) (simulation 0 of a "
                         "call of 2)");
      for (const auto &p : parts)
        VERIFY_CONTAINS(m, p);
      // The next call starts a new process, which fails the same way: the host lives on.
      QVERIFY_THROWS_EXCEPTION(imnn::PluginCrashError, sim->simulate(5, thetas, out.data()));
    };
    expect("crash_in_simulate", {"crashed (signal 11, Segmentation fault)"});
    expect("exit_in_simulate", {"exited with status 3"});
    expect("hang_in_simulate", {"did not finish", "within the simulator timeout of 1 s"});

    // NaN is returned, not a crash: isolated output equals what the plugin wrote
    auto nan = r.create_simulator("nan_output", json::object(), iso);
    nan->simulate_batch(2, seeds, thetas, out.data());
    QVERIFY(std::isnan(out[0]));

    // An isolated valid plugin gives the same values as in-process, and its errors
    // (IMNN_ERROR) stay ordinary PluginErrors naming the simulation.
    auto plain = r.create_simulator("no_jacobian", json::object());
    auto isolated = r.create_simulator("no_jacobian", json::object(), iso);
    std::vector<double> a(8), b(8);
    plain->simulate_batch(2, seeds, thetas, a.data());
    isolated->simulate_batch(2, seeds, thetas, b.data());
    QVERIFY(a == b);
    auto failing = r.create_simulator("simulate_fails", json::object(), iso);
    const std::string m =
        plugin_error([&] { failing->simulate_batch(2, seeds, thetas, b.data()); });
    VERIFY_CONTAINS(m, "failed in the simulation with seed 11 at theta (0.0, 1.0)");
    VERIFY_CONTAINS(m, "theta is out of this test simulator's range");
  }

  // ---- plugins that load but misbehave at run time ---------------------------------
  void misbehaving_plugins() {
    imnn::PluginRegistry r;
    r.scan({kMisbehaving});
    QVERIFY2(r.skipped().empty(), r.skipped().empty() ? "" : r.skipped().front().reason.c_str());
    for (const char *name :
         {"create_fails", "instance_zero_extent", "simulate_fails", "no_jacobian", "nan_output",
          "crash_in_simulate", "exit_in_simulate", "hang_in_simulate"})
      QVERIFY2(r.find_simulator(name), name);

    // create refuses its options
    QVERIFY(r.create_simulator("create_fails", json::object()));
    std::string m = plugin_error([&] { r.create_simulator("create_fails", json{{"bogus", 1}}); });
    VERIFY_CONTAINS(m, "simulator 'create_fails' (" + (kMisbehaving / "create_fails.so").string() +
                           ") refused its options: option \"bogus\" is not known here");

    // an instance whose shape has an extent of 0
    m = plugin_error([&] { r.create_simulator("instance_zero_extent", json::object()); });
    VERIFY_CONTAINS(m, "simulator 'instance_zero_extent'");
    VERIFY_CONTAINS(m, "extent 0 on axis 0");

    // simulate returns IMNN_ERROR
    auto failing = r.create_simulator("simulate_fails", json::object());
    const double theta[2] = {0.0, 1.0};
    std::vector<double> out(4), jac(8);
    m = plugin_error([&] { failing->simulate(7, theta, out.data()); });
    VERIFY_CONTAINS(m, "simulator 'simulate_fails' failed for seed 7 at theta (0.0, 1.0): theta "
                       "is out of this test simulator's range");
    m = plugin_error([&] { failing->simulate_with_jacobian(8, theta, out.data(), jac.data()); });
    VERIFY_CONTAINS(m, "failed for seed 8");

    // valid without a Jacobian
    const imnn::SimulatorInfo *info = r.find_simulator("no_jacobian");
    QVERIFY(!info->has_jacobian);
    QCOMPARE(info->to_json()["has_jacobian"].get<bool>(), false);
    auto plain = r.create_simulator("no_jacobian", json::object());
    QVERIFY(!plain->has_jacobian());
    plain->simulate(3, theta, out.data());
    m = plugin_error([&] { plain->simulate_with_jacobian(3, theta, out.data(), jac.data()); });
    VERIFY_CONTAINS(m, "provides no Jacobian");
    VERIFY_CONTAINS(m, "\"simulator-numerical\"");
    VERIFY_CONTAINS(m, "simulate_with_jacobian");
  }

  // ---- network plugins -------------------------------------------------------------
  void mlp_network_plugin() {
    const imnn::NetworkInfo *mlp = real_.find_network("mlp");
    QVERIFY2(mlp, "mlp was not built");
    QCOMPARE(mlp->path, kPlugins / "networks" / "mlp.so");
    QVERIFY(mlp->options_help.contains("hidden"));
    const json j = mlp->to_json();
    for (const char *key : {"name", "version", "description", "path", "options_help"})
      QVERIFY2(j.contains(key), key);
    const json options = {{"hidden", {8, 8}}};
    imnn::Model model = real_.build_network("mlp", options, {10}, 2);
    QCOMPARE(model.input_size(), imnn::Index(10));
    QCOMPARE(model.output_size(), imnn::Index(2));
    const json resolved = real_.resolve_network_options("mlp", options, 2);
    QCOMPARE(resolved["hidden"], json({8, 8}));
    QVERIFY(resolved.contains("activation"));
    // The plugin's ConfigError comes through unchanged.
    try {
      real_.build_network("mlp", json{{"no_such_option", 1}}, {10}, 2);
      QFAIL("no ConfigError");
    } catch (const imnn::ConfigError &e) {
      QVERIFY2(contains(e.key(), "network.options"), e.what());
    }
    const std::string m =
        plugin_error([&] { real_.build_network("no_such_net", json::object(), {10}, 2); });
    VERIFY_CONTAINS(m, "no network plugin named 'no_such_net'");
    VERIFY_CONTAINS(m, "mlp");
  }

  void misbehaving_network_plugins() {
    imnn::PluginRegistry r;
    r.scan({kMisbehaving});
    QVERIFY(r.find_network("test_dense"));
    QVERIFY(r.find_network("wrong_output"));
    QVERIFY(r.find_network("build_throws"));
    // A plugin without resolve_options keeps the options as given.
    const json options = {{"width", 3}};
    QCOMPARE(r.resolve_network_options("test_dense", options, 2), options);
    imnn::Model model = r.build_network("test_dense", options, {2, 3}, 2);
    QCOMPARE(model.input_size(), imnn::Index(6));
    QCOMPARE(model.output_size(), imnn::Index(2));
    try {
      r.build_network("test_dense", json{{"depth", 1}}, {6}, 2);
      QFAIL("no ConfigError");
    } catch (const imnn::ConfigError &e) {
      QCOMPARE(e.key(), std::string("network.options.depth"));
    }
    std::string m = plugin_error([&] { r.build_network("wrong_output", options, {6}, 2); });
    VERIFY_CONTAINS(m, "network 'wrong_output' (");
    VERIFY_CONTAINS(m, "output size 3 but n_summaries is 2");
    m = plugin_error([&] { r.build_network("build_throws", options, {6}, 2); });
    VERIFY_CONTAINS(m, "network 'build_throws' (");
    VERIFY_CONTAINS(m, "always fails with a std::runtime_error");
  }
};

QTEST_APPLESS_MAIN(TestPlugins)
#include "test_plugins.moc"

// The inference options written once (imnn/option_schema.h, inference_option_specs):
// values checked against the table's types and ranges with the key in the message,
// text read strictly, the binding to InferenceOptions both ways, every option reachable
// from the command line, and README.md's table equal to the table. The run config's
// keys (run_config_specs) likewise: every key covered, the parser's bounds its rows'.
#include "imnn/config.h"
#include "imnn/inference.h"
#include "imnn/option_schema.h"

#include <QtTest>
#include <fstream>
#include <set>
#include <sstream>

using namespace imnn;
using nlohmann::json;

namespace {

const OptionSpec &find(const std::string &key) {
  for (const auto &s : lfi::inference_option_specs())
    if (s.key == key) return s;
  throw std::runtime_error("no spec " + key);
}

// The message of the InferenceError that f throws, and its option.
template <class F>
std::pair<std::string, std::string> failure(F f) {
  try {
    f();
  } catch (const lfi::InferenceError &e) {
    return {e.option(), e.what()};
  }
  return {"", ""};
}

} // namespace

class TestOptionSchema : public QObject {
  Q_OBJECT

private slots:
  void every_field_has_one_spec() {
    std::set<std::string> keys;
    for (const auto &s : lfi::inference_option_specs()) {
      QVERIFY2(keys.insert(s.key).second, s.key.c_str());
      QVERIFY2(!s.help.empty(), s.key.c_str());
    }
    // a default set, written as JSON and read back, is the same set
    lfi::InferenceOptions d;
    d.method = "abc";
    lfi::InferenceOptions back;
    const json written = lfi::inference_options_json(d);
    for (auto it = written.begin(); it != written.end(); ++it)
      lfi::set_inference_option(back, it.key(), it.value());
    QCOMPARE(lfi::inference_options_json(back).dump(), lfi::inference_options_json(d).dump());
    QCOMPARE(back.epsilon, -1.0); // auto
    QCOMPARE(back.n_samples, -1LL);
  }

  void values_are_checked_with_the_key() {
    lfi::InferenceOptions o;
    o.method = "pmc";
    o.target = "t.npy";
    // ranges that only the table knows
    o.percentile = 100;
    auto [key, what] = failure([&] { lfi::check_inference_options(o); });
    QCOMPARE(key, std::string("percentile"));
    QVERIFY2(what.find("`percentile` 100 is outside (0, 100)") != std::string::npos, what.c_str());
    o.percentile = 75;
    o.levels = {0.68, 1.5};
    std::tie(key, what) = failure([&] { lfi::check_inference_options(o); });
    QCOMPARE(key, std::string("levels"));
    QVERIFY2(what.find("1.5 is outside (0, 1]") != std::string::npos, what.c_str());
    o.levels = {0.68};
    o.gridsize = {1};
    std::tie(key, what) = failure([&] { lfi::check_inference_options(o); });
    QCOMPARE(key, std::string("gridsize"));
    QVERIFY2(what.find("is not >= 2") != std::string::npos, what.c_str());
    o.gridsize = {50};
    lfi::check_inference_options(o); // now fine
    // an option of another method is not checked (a front end keeps every field)
    o.accept_fraction = 7;
    lfi::check_inference_options(o);
    o.method = "abc";
    std::tie(key, what) = failure([&] { lfi::check_inference_options(o); });
    QCOMPARE(key, std::string("accept_fraction"));
  }

  void set_from_json_and_text() {
    lfi::InferenceOptions o;
    lfi::set_inference_option(o, "epsilon", 0.25);
    QCOMPARE(o.epsilon, 0.25);
    lfi::set_inference_option(o, "ϵ", "auto"); // the reference's name
    QCOMPARE(o.epsilon, -1.0);
    lfi::set_inference_option(o, "gridsize", 40); // one for all parameters
    QCOMPARE(o.gridsize, std::vector<long long>{40});
    lfi::set_inference_option_text(o, "prior_low", {"-1", "0.5"});
    QCOMPARE(o.prior_low, (std::vector<double>{-1.0, 0.5}));
    lfi::set_inference_option_text(o, "replace", {"true"});
    QVERIFY(o.replace);
    lfi::set_inference_option(o, "n_points", 500);
    lfi::set_inference_option(o, "n_points", nullptr); // null: the default again
    QCOMPARE(o.n_points, lfi::InferenceOptions{}.n_points);
    // text is read whole, in the C locale: a decimal comma or trailing junk is refused
    auto [key, what] = failure([&] { lfi::set_inference_option_text(o, "percentile", {"7,5"}); });
    QCOMPARE(key, std::string("percentile"));
    QVERIFY2(what.find("'7,5' is not a number") != std::string::npos, what.c_str());
    std::tie(key, what) = failure([&] { lfi::set_inference_option_text(o, "n_points", {"1e3"}); });
    QVERIFY2(what.find("is not a whole number") != std::string::npos, what.c_str());
    std::tie(key, what) = failure([&] { lfi::set_inference_option(o, "distance", "manhattan"); });
    QVERIFY2(what.find("one of fisher euclidean") != std::string::npos, what.c_str());
    std::tie(key, what) = failure([&] { lfi::set_inference_option(o, "n_sample", 3); });
    QCOMPARE(key, std::string("n_sample"));
    QVERIFY2(what.find("unknown inference option `n_sample`") != std::string::npos, what.c_str());
    QCOMPARE(o.n_points, lfi::InferenceOptions{}.n_points); // nothing changed by a refusal
  }

  void help_shows_range_default_and_reference() {
    const std::string h = find("epsilon").long_help();
    QVERIFY2(h.find(">= 0") != std::string::npos && h.find("Default: auto") != std::string::npos &&
                 h.find("imnn: ϵ") != std::string::npos,
             h.c_str());
    QCOMPARE(find("acceptance_ratio").range_text(), std::string("(0, 1]"));
    QCOMPARE(find("levels").default_shown(), std::string("0.68 0.95"));
  }

  // README.md's block <!-- name --> ... <!-- /name --> is the markdown table of specs:
  // edit the table in core, then paste the printed table into README.md.
  static void readme_block_is(const std::string &name, const std::vector<OptionSpec> &specs) {
    std::ifstream in(std::string(IMNN_SOURCE_DIR) + "/README.md");
    QVERIFY(in.good());
    std::stringstream all;
    all << in.rdbuf();
    const std::string text = all.str(), open = "<!-- " + name + " -->\n",
                      close = "<!-- /" + name + " -->";
    const auto a = text.find(open), b = text.find(close);
    QVERIFY2(a != std::string::npos && b != std::string::npos && a < b,
             qPrintable(QString::fromStdString("README.md has no <!-- " + name + " --> block")));
    const std::string readme = text.substr(a + open.size(), b - a - open.size());
    const std::string schema = option_markdown_table(specs);
    if (readme != schema) qWarning("README.md's table should be:\n%s", schema.c_str());
    QCOMPARE(readme, schema);
  }

  // The inference options (core/src/lfi/inference_options.cpp).
  void readme_table_is_the_schema() {
    readme_block_is("inference-options", lfi::inference_option_specs());
  }

  // The run config's keys (core/src/io/config_schema.cpp).
  void readme_config_table_is_the_schema() { readme_block_is("config-keys", run_config_specs()); }

  // Every key a resolved config writes is in the schema (plugin options and the
  // lists of objects are described as a whole), and every key of the schema is one
  // the parser reads.
  void config_schema_covers_every_key() {
    nlohmann::json example = {{"simulator", {{"plugin", "x"}, {"isolate", true}, {"timeout", 5}}},
                              {"data", nlohmann::json::object()},
                              {"expected_detF", 50}};
    auto c = RunConfig::from_json(example);
    c.data.fiducial = "f.npy";
    const nlohmann::json j = c.to_json();
    std::set<std::string> written;
    for (const auto &[k, v] : j.items()) {
      if (v.is_object() && k != "optimiser")
        for (const auto &[k2, v2] : v.items())
          written.insert(k + "." + k2);
      else
        written.insert(k);
    }
    std::set<std::string> schema;
    for (const auto &s : run_config_specs())
      schema.insert(s.key);
    for (const auto &k : written)
      QVERIFY2(schema.count(k), qPrintable(QString::fromStdString("not in the schema: " + k)));
    for (const auto &k : schema)
      QVERIFY2(written.count(k), qPrintable(QString::fromStdString("not written: " + k)));
  }

  // The parser's bounds are the schema's: a value just outside a row's range is
  // refused naming that key, the bound itself is accepted.
  void config_parser_takes_its_bounds_from_the_schema() {
    int checked = 0;
    for (const auto &s : run_config_specs()) {
      if (s.type != OptionType::integer && s.type != OptionType::number) continue;
      if (!s.min || s.key == "version") continue;
      const double step = s.type == OptionType::integer ? 1.0 : 1e-9;
      const double outside = s.min_exclusive ? *s.min : *s.min - step;
      nlohmann::json j = {{"simulator", "x"}};
      if (s.type == OptionType::integer)
        set_config_key(j, s.key, static_cast<long long>(outside));
      else
        set_config_key(j, s.key, outside);
      try {
        (void)RunConfig::from_json(j);
        QFAIL(qPrintable(QString::fromStdString(s.key + " accepted " + j.dump())));
      } catch (const ConfigError &e) {
        QVERIFY2(e.key() == s.key, e.what());
      }
      ++checked;
    }
    QVERIFY2(checked >= 15, qPrintable(QString::number(checked)));
    // A default is the struct's.
    QCOMPARE(run_config_spec("fit.patience").default_value.get<int>(), RunConfig{}.fit.patience);
    QCOMPARE(run_config_spec("n_s").default_value.get<long long>(),
             static_cast<long long>(RunConfig{}.n_s));
    QVERIFY_THROWS_EXCEPTION(Error, run_config_spec("fit.patiance"));
  }

  // A seed takes every 64-bit value, typed (imnn fit --set seed=…) as read from a file;
  // another integer above 2^63 is refused as too large, not called "not whole".
  void seeds_take_every_64_bit_value() {
    const OptionSpec &seed = run_config_spec("seed");
    const nlohmann::json v =
        check_option_value(seed, parse_option_text(seed, {"18446744073709551615"}));
    QVERIFY(v.is_number_unsigned());
    QCOMPARE(v.get<unsigned long long>(), 18446744073709551615ULL);
    QCOMPARE(check_option_value(seed, parse_option_text(seed, {"+42"})).get<long long>(), 42LL);
    QVERIFY_THROWS_EXCEPTION(Error, parse_option_text(seed, {"18446744073709551616"}));
    QVERIFY_THROWS_EXCEPTION(Error, check_option_value(seed, parse_option_text(seed, {"-1"})));
    nlohmann::json j = {{"simulator", "x"}};
    set_config_key(j, "seed", 18446744073709551615ULL);
    QCOMPARE(RunConfig::from_json(j).seed, std::uint64_t{18446744073709551615ULL});
    const OptionSpec &nS = run_config_spec("n_s");
    try {
      (void)check_option_value(nS, parse_option_text(nS, {"18446744073709551615"}));
      QFAIL("n_s accepted 2^64 - 1");
    } catch (const Error &e) {
      QVERIFY2(std::string(e.what()).find("too large") != std::string::npos, e.what());
    }
  }
};

QTEST_GUILESS_MAIN(TestOptionSchema)
#include "test_option_schema.moc"

// The inference options written once (imnn/option_schema.h, inference_option_specs):
// values checked against the table's types and ranges with the key in the message,
// text read strictly, the binding to InferenceOptions both ways, every option reachable
// from the command line, and README.md's table equal to the table.
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

  // README.md's table of inference options is the table: edit the table in
  // core/src/lfi/inference_options.cpp, then paste the printed table into README.md.
  void readme_table_is_the_schema() {
    std::ifstream in(std::string(IMNN_SOURCE_DIR) + "/README.md");
    QVERIFY(in.good());
    std::stringstream all;
    all << in.rdbuf();
    const std::string text = all.str(), open = "<!-- inference-options -->\n",
                      close = "<!-- /inference-options -->";
    const auto a = text.find(open), b = text.find(close);
    QVERIFY2(a != std::string::npos && b != std::string::npos && a < b,
             "README.md has no <!-- inference-options --> block");
    const std::string readme = text.substr(a + open.size(), b - a - open.size());
    const std::string schema = option_markdown_table(lfi::inference_option_specs());
    if (readme != schema) qWarning("README.md's table should be:\n%s", schema.c_str());
    QCOMPARE(readme, schema);
  }
};

QTEST_GUILESS_MAIN(TestOptionSchema)
#include "test_option_schema.moc"

#include "option_text.h"

#include "imnn/config.h"
#include "imnn/inference.h"

#include "number_format.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QSpinBox>
#include <algorithm>
#include <climits>
#include <cmath>
#include <regex>
#include <set>

namespace imnn::gui {

namespace {

constexpr const char *kContext = "imnn::options";

QString valueText(const nlohmann::json &v) {
  if (v.is_boolean())
    return v.get<bool>() ? QCoreApplication::translate("OptionText", "on")
                         : QCoreApplication::translate("OptionText", "off");
  if (v.is_number_integer() || v.is_number_unsigned())
    return numbers::locale().toString(v.get<long long>());
  if (v.is_number()) return numbers::format(v.get<double>());
  if (v.is_string()) return QString::fromStdString(v.get<std::string>());
  if (v.is_array()) {
    bool all = true;
    std::vector<double> d;
    for (const auto &e : v) {
      all = all && e.is_number();
      if (e.is_number()) d.push_back(e.get<double>());
    }
    if (all) return numbers::formatList(d);
  }
  return QString::fromStdString(v.dump());
}

// A C++ string literal of text (UTF-8 kept as is).
std::string literal(const std::string &text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

} // namespace

std::string plainOptionText(const std::string &markdown) {
  static const std::regex link(R"(\[([^\]]*)\]\(#[^)]*\))");
  return std::regex_replace(markdown, link, "$1");
}

QString optionText(const std::string &english) {
  if (english.empty()) return {};
  const std::string plain = plainOptionText(english);
  return QCoreApplication::translate(kContext, plain.c_str());
}

QString optionRange(const OptionSpec &spec) {
  if (!spec.min && !spec.max) return {};
  QString out;
  if (spec.min)
    out += numbers::format(*spec.min) +
           (spec.min_exclusive ? QStringLiteral(" < ") : QStringLiteral(" ≤ "));
  out += QStringLiteral("x");
  if (spec.max)
    out += (spec.max_exclusive ? QStringLiteral(" < ") : QStringLiteral(" ≤ ")) +
           numbers::format(*spec.max);
  return out;
}

QString optionDefault(const OptionSpec &spec) {
  if (!spec.default_text.empty()) return optionText(spec.default_text);
  if (spec.default_value.is_null()) return {};
  if (spec.type == OptionType::json) return QString::fromStdString(spec.default_value.dump());
  return valueText(spec.default_value);
}

QString optionTip(const OptionSpec &spec, const QString &note) {
  QString tip =
      QStringLiteral("`%1`: %2").arg(QString::fromStdString(spec.key), optionText(spec.help));
  QStringList facts;
  if (const QString r = optionRange(spec); !r.isEmpty())
    facts << QCoreApplication::translate("OptionText", "range %1").arg(r);
  if (!spec.unit.empty())
    facts << QCoreApplication::translate("OptionText", "unit: %1").arg(optionText(spec.unit));
  if (const QString d = optionDefault(spec); !d.isEmpty())
    facts << QCoreApplication::translate("OptionText", "default: %1").arg(d);
  facts << (spec.reference.empty()
                ? QCoreApplication::translate("OptionText", "no reference counterpart")
                : QCoreApplication::translate("OptionText", "reference imnn: %1")
                      .arg(QString::fromStdString(spec.reference)));
  tip += QStringLiteral("\n") + facts.join(QStringLiteral(" · "));
  if (!note.isEmpty()) tip += QStringLiteral("\n") + note;
  return tip;
}

void applyOptionRange(QSpinBox *box, const OptionSpec &spec) {
  const auto clamp = [](double v) {
    return static_cast<int>(
        std::clamp(v, static_cast<double>(INT_MIN), static_cast<double>(INT_MAX)));
  };
  int lo = spec.min ? clamp(spec.min_exclusive ? std::floor(*spec.min) + 1 : std::ceil(*spec.min))
                    : INT_MIN;
  int hi = spec.max ? clamp(spec.max_exclusive ? std::ceil(*spec.max) - 1 : std::floor(*spec.max))
                    : INT_MAX;
  box->setRange(lo, hi);
}

void applyOptionChoices(QComboBox *box, const OptionSpec &spec) {
  box->clear();
  for (const std::string &c : spec.choices)
    box->addItem(QString::fromStdString(c));
}

std::vector<std::string> optionTexts() {
  std::vector<std::string> out;
  std::set<std::string> seen;
  const auto add = [&](const std::string &text) {
    if (text.empty()) return;
    const std::string plain = plainOptionText(text);
    if (seen.insert(plain).second) out.push_back(plain);
  };
  for (const auto *table : {&run_config_specs(), &lfi::inference_option_specs()})
    for (const OptionSpec &s : *table) {
      add(s.label);
      add(s.help);
      add(s.unit);
      add(s.default_text);
    }
  return out;
}

std::string optionStringsSource() {
  std::string out =
      "// GENERATED from the option tables (run_config_specs(), lfi::inference_option_specs())\n"
      "// by imnn::gui::optionStringsSource(): the texts the forms show, for lupdate to put\n"
      "// into translations/*.ts. Do not edit: test_gui_options fails when this file and the\n"
      "// tables differ, and IMNN_UPDATE_OPTION_STRINGS=1 test_gui_options rewrites it.\n"
      "// clang-format off\n"
      "#include <QtGlobal>\n\n"
      "namespace {\n\n"
      "[[maybe_unused]] const char *const kOptionStrings[] = {\n";
  for (const std::string &t : optionTexts())
    out += "    QT_TRANSLATE_NOOP(\"" + std::string(kContext) + "\", " + literal(t) + "),\n";
  out += "};\n\n} // namespace\n";
  return out;
}

} // namespace imnn::gui

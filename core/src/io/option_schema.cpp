#include "imnn/option_schema.h"

#include "imnn/error.h"
#include "imnn/json_reader.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <limits>

namespace imnn {

namespace {

// The shortest text that reads back as the same double ("0.001", "1e+06").
std::string shortest(double v) {
  char buf[64];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, r.ptr);
}

std::string value_text(const nlohmann::json &v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
  if (v.is_number_integer()) return std::to_string(v.get<long long>());
  if (v.is_number()) return shortest(v.get<double>());
  if (v.is_array()) {
    if (v.empty() ||
        std::any_of(v.begin(), v.end(), [](const nlohmann::json &e) { return e.is_structured(); }))
      return v.dump(); // [] or a list of objects, as JSON
    std::string out;
    for (const auto &e : v)
      out += (out.empty() ? "" : " ") + value_text(e);
    return out;
  }
  return v.dump();
}

bool in_range(const OptionSpec &s, double x) {
  if (s.min && (s.min_exclusive ? !(x > *s.min) : !(x >= *s.min))) return false;
  if (s.max && (s.max_exclusive ? !(x < *s.max) : !(x <= *s.max))) return false;
  return true;
}

[[noreturn]] void bad(const OptionSpec &s, const std::string &what, const std::string &give) {
  throw Error("`" + s.key + "` " + what + ": give " + give);
}

std::string what_to_give(const OptionSpec &s) {
  std::string give;
  switch (s.type) {
  case OptionType::integer:
    give = "a whole number";
    break;
  case OptionType::number:
    give = "a number";
    break;
  case OptionType::number_or_auto:
    give = "auto or a number";
    break;
  case OptionType::numbers:
    give = "a list of numbers";
    break;
  case OptionType::integers:
    give = "a list of whole numbers";
    break;
  case OptionType::flag:
    give = "true or false";
    break;
  case OptionType::choice: {
    give = "one of";
    for (const auto &c : s.choices)
      give += " " + c;
    break;
  }
  case OptionType::text:
    give = "a text";
    break;
  case OptionType::texts:
    give = "a list of texts";
    break;
  case OptionType::json:
    give = "JSON as the README describes it";
    break;
  }
  if (s.unsigned_64) return give + " from 0 to 18446744073709551615 (2^64 - 1)";
  const std::string range = s.range_text();
  if (!range.empty()) give += " in " + range;
  return give;
}

double check_scalar(const OptionSpec &s, const nlohmann::json &v, bool whole) {
  if (!v.is_number() || v.is_boolean())
    bad(s, "is " + (v.is_string() ? "'" + v.get<std::string>() + "'" : v.dump()), what_to_give(s));
  const double x = v.get<double>();
  if (!std::isfinite(x)) bad(s, value_text(v), what_to_give(s));
  if (whole && x != std::floor(x))
    bad(s, value_text(v) + " is not a whole number", what_to_give(s));
  if (whole && std::fabs(x) > 9.0e18) bad(s, value_text(v) + " is too large", what_to_give(s));
  if (!in_range(s, x))
    bad(s, value_text(v) + (s.min && s.max ? " is outside " : " is not ") + s.range_text(),
        what_to_give(s));
  return x;
}

bool parse_double(const std::string &t, double &out) {
  if (t.empty()) return false;
  const char *b = t.data(), *e = t.data() + t.size();
  if (*b == '+') ++b;
  const auto r = std::from_chars(b, e, out);
  return r.ec == std::errc() && r.ptr == e;
}

bool parse_integer(const std::string &t, long long &out) {
  if (t.empty()) return false;
  const char *b = t.data(), *e = t.data() + t.size();
  if (*b == '+') ++b;
  const auto r = std::from_chars(b, e, out);
  return r.ec == std::errc() && r.ptr == e;
}

} // namespace

bool OptionSpec::applies_to(const std::string &group) const {
  return groups.empty() || std::find(groups.begin(), groups.end(), group) != groups.end();
}

std::string OptionSpec::flag() const {
  std::string f = "--" + key;
  std::replace(f.begin(), f.end(), '_', '-');
  return f;
}

std::string OptionSpec::range_text() const {
  if (!min && !max) return {};
  if (min && !max) return std::string(min_exclusive ? "> " : ">= ") + shortest(*min);
  if (!min && max) return std::string(max_exclusive ? "< " : "<= ") + shortest(*max);
  return std::string(min_exclusive ? "(" : "[") + shortest(*min) + ", " + shortest(*max) +
         (max_exclusive ? ")" : "]");
}

std::string OptionSpec::default_shown() const {
  if (!default_text.empty()) return default_text;
  if (default_value.is_null()) return {};
  return value_text(default_value);
}

std::string OptionSpec::long_help() const {
  std::string h = help;
  const std::string range = range_text(), d = default_shown();
  if (!range.empty()) h += "; " + range;
  if (!unit.empty()) h += " (" + unit + ")";
  if (!d.empty()) h += ". Default: " + d;
  if (!reference.empty()) h += ". imnn: " + reference;
  return h;
}

nlohmann::json check_option_value(const OptionSpec &s, const nlohmann::json &v) {
  switch (s.type) {
  case OptionType::integer:
    // Above 2^63 only an unsigned 64-bit option (a seed) goes on, exactly as given.
    if (v.is_number_unsigned() && v.get<unsigned long long>() > 9000000000000000000ULL) {
      if (!s.unsigned_64) bad(s, value_text(v) + " is too large", what_to_give(s));
      if (!in_range(s, v.get<double>()))
        bad(s, value_text(v) + (s.min && s.max ? " is outside " : " is not ") + s.range_text(),
            what_to_give(s));
      return v;
    }
    return static_cast<long long>(check_scalar(s, v, true));
  case OptionType::number:
    return check_scalar(s, v, false);
  case OptionType::number_or_auto:
    if (v.is_string()) {
      if (v.get<std::string>() == "auto") return "auto";
      bad(s, "is '" + v.get<std::string>() + "'", what_to_give(s));
    }
    return check_scalar(s, v, false);
  case OptionType::flag:
    if (!v.is_boolean()) bad(s, "is " + v.dump(), what_to_give(s));
    return v;
  case OptionType::text:
    if (!v.is_string()) bad(s, "is " + v.dump(), what_to_give(s));
    return v;
  case OptionType::texts: {
    nlohmann::json list = v.is_array() ? v : nlohmann::json::array({v});
    for (const auto &e : list)
      if (!e.is_string()) bad(s, "has " + e.dump(), what_to_give(s));
    return list;
  }
  case OptionType::json:
    if (!v.is_object() && !v.is_array()) bad(s, "is " + v.dump(), "a JSON object or list");
    return v;
  case OptionType::choice: {
    if (!v.is_string()) bad(s, "is " + v.dump(), what_to_give(s));
    const std::string c = v.get<std::string>();
    if (std::find(s.choices.begin(), s.choices.end(), c) == s.choices.end())
      bad(s, "'" + c + "' is not known", what_to_give(s));
    return v;
  }
  case OptionType::numbers:
  case OptionType::integers: {
    const bool whole = s.type == OptionType::integers;
    nlohmann::json list = v.is_array() ? v : nlohmann::json::array({v});
    nlohmann::json out = nlohmann::json::array();
    for (const auto &e : list) {
      const double x = check_scalar(s, e, whole);
      if (whole)
        out.push_back(static_cast<long long>(x));
      else
        out.push_back(x);
    }
    return out;
  }
  }
  return v;
}

nlohmann::json parse_option_text(const OptionSpec &s, const std::vector<std::string> &words) {
  const auto one = [&]() -> const std::string & {
    if (words.size() != 1)
      bad(s, "takes one value, got " + std::to_string(words.size()), what_to_give(s));
    return words.front();
  };
  const auto scalar = [&](const std::string &t, bool whole) -> nlohmann::json {
    if (whole) {
      long long n = 0;
      if (parse_integer(t, n)) return n;
      unsigned long long u = 0; // beyond long long: a seed up to 2^64 - 1
      const char *b = t.data() + (!t.empty() && t.front() == '+'), *e = t.data() + t.size();
      const auto r = std::from_chars(b, e, u);
      if (b != e && r.ec == std::errc() && r.ptr == e) return u;
      if (r.ec == std::errc::result_out_of_range)
        bad(s, "'" + t + "' is too large", what_to_give(s));
    } else {
      double x = 0;
      if (parse_double(t, x)) return x;
    }
    bad(s, "'" + t + "' is not a " + (whole ? "whole number" : "number"), what_to_give(s));
  };
  nlohmann::json v;
  switch (s.type) {
  case OptionType::integer:
    v = scalar(one(), true);
    break;
  case OptionType::number:
    v = scalar(one(), false);
    break;
  case OptionType::number_or_auto: {
    const std::string &t = one();
    v = t == "auto" ? nlohmann::json("auto") : scalar(t, false);
    break;
  }
  case OptionType::flag: {
    std::string t = one();
    std::transform(t.begin(), t.end(), t.begin(), [](unsigned char c) { return std::tolower(c); });
    if (t == "true" || t == "1" || t == "yes" || t == "on")
      v = true;
    else if (t == "false" || t == "0" || t == "no" || t == "off")
      v = false;
    else
      bad(s, "'" + t + "' is not a flag value", what_to_give(s));
    break;
  }
  case OptionType::text:
  case OptionType::choice:
    v = one();
    break;
  case OptionType::numbers:
  case OptionType::integers:
    v = nlohmann::json::array();
    for (const auto &w : words)
      v.push_back(scalar(w, s.type == OptionType::integers));
    break;
  case OptionType::texts:
    v = nlohmann::json(words);
    break;
  case OptionType::json:
    v = parse_json_text(one(), "`" + s.key + "`");
    break;
  }
  return check_option_value(s, v);
}

std::string option_type_name(OptionType type) {
  switch (type) {
  case OptionType::integer:
    return "integer";
  case OptionType::number:
    return "number";
  case OptionType::text:
    return "text";
  case OptionType::choice:
    return "choice";
  case OptionType::flag:
    return "flag";
  case OptionType::numbers:
    return "numbers";
  case OptionType::integers:
    return "integers";
  case OptionType::number_or_auto:
    return "number or auto";
  case OptionType::texts:
    return "texts";
  case OptionType::json:
    return "JSON";
  }
  return "?";
}

std::string option_markdown_table(const std::vector<OptionSpec> &specs) {
  const auto cell = [](std::string t) {
    std::string out;
    for (char c : t)
      out += c == '|' ? std::string("\\|") : std::string(1, c);
    return out;
  };
  std::string out = "| key | type | default | range | unit | applies to | imnn | meaning |\n"
                    "|---|---|---|---|---|---|---|---|\n";
  for (const auto &s : specs) {
    std::string type = option_type_name(s.type);
    if (s.type == OptionType::choice) {
      type.clear();
      for (const auto &c : s.choices)
        type += (type.empty() ? "" : ", ") + c;
    }
    std::string groups;
    for (const auto &g : s.groups)
      groups += (groups.empty() ? "" : ", ") + g;
    out += "| `" + s.key + "` | " + cell(type) + " | " + cell(s.default_shown()) + " | " +
           cell(s.range_text()) + " | " + cell(s.unit) + " | " +
           cell(groups.empty() ? "all" : groups) + " | " + cell(s.reference) + " | " +
           cell(s.help) + " |\n";
  }
  return out;
}

} // namespace imnn

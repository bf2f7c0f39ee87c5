#include "imnn/json_reader.h"

#include <cmath>
#include <sstream>

namespace imnn {

std::string json_type_name(const nlohmann::json &j) {
  switch (j.type()) {
  case nlohmann::json::value_t::null:
    return "null";
  case nlohmann::json::value_t::boolean:
    return "a boolean";
  case nlohmann::json::value_t::number_integer:
  case nlohmann::json::value_t::number_unsigned:
    return "an integer";
  case nlohmann::json::value_t::number_float:
    return "a number";
  case nlohmann::json::value_t::string:
    return "a string";
  case nlohmann::json::value_t::array:
    return "an array";
  case nlohmann::json::value_t::object:
    return "an object";
  default:
    return "an unsupported value";
  }
}

JsonReader::JsonReader(const nlohmann::json &j, std::string prefix)
    : j_(j), prefix_(std::move(prefix)) {
  if (!j_.is_object())
    throw ConfigError(prefix_.empty() ? "<top level>" : prefix_,
                      "expected a JSON object {...}, got " + json_type_name(j_));
}

std::string JsonReader::path(const std::string &key) const {
  return prefix_.empty() ? key : prefix_ + "." + key;
}

bool JsonReader::has(const std::string &key) const {
  return j_.contains(key);
}

const nlohmann::json *JsonReader::find(const std::string &key) {
  known_.insert(key);
  auto it = j_.find(key);
  if (it == j_.end() || it->is_null()) return nullptr;
  return &*it;
}

void JsonReader::type_error(const std::string &key, const char *expected) const {
  throw ConfigError(path(key), std::string("expected ") + expected + ", got " +
                                   json_type_name(j_.at(key)) + " (" + j_.at(key).dump() + ")");
}

double JsonReader::number(const std::string &key, double fallback) {
  const auto *v = find(key);
  if (!v) return fallback;
  if (!v->is_number()) type_error(key, "a number");
  const double d = v->get<double>();
  if (!std::isfinite(d)) throw ConfigError(path(key), "must be a finite number");
  return d;
}

double JsonReader::positive(const std::string &key, double fallback) {
  const double d = number(key, fallback);
  if (!(d > 0)) {
    std::ostringstream s;
    s << "must be > 0, got " << d;
    throw ConfigError(path(key), s.str());
  }
  return d;
}

static bool is_integral(const nlohmann::json &v) {
  if (v.is_number_integer() || v.is_number_unsigned()) return true;
  if (v.is_number_float()) {
    const double d = v.get<double>();
    return std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 9.0e15;
  }
  return false;
}

std::int64_t JsonReader::integer(const std::string &key, std::int64_t fallback, std::int64_t min,
                                 std::int64_t max) {
  const auto *v = find(key);
  if (!v) return fallback;
  if (!is_integral(*v)) type_error(key, "an integer");
  const std::int64_t i =
      v->is_number_float() ? static_cast<std::int64_t>(v->get<double>()) : v->get<std::int64_t>();
  if (i < min || i > max) {
    std::ostringstream s;
    s << "must be ";
    if (max == INT64_MAX)
      s << ">= " << min;
    else
      s << "between " << min << " and " << max;
    s << ", got " << i;
    throw ConfigError(path(key), s.str());
  }
  return i;
}

std::uint64_t JsonReader::unsigned_integer(const std::string &key, std::uint64_t fallback) {
  const auto *v = find(key);
  if (!v) return fallback;
  if (v->is_number_unsigned()) return v->get<std::uint64_t>();
  if (!is_integral(*v)) type_error(key, "a non-negative integer");
  const auto i = v->get<std::int64_t>();
  if (i < 0) throw ConfigError(path(key), "must be >= 0, got " + std::to_string(i));
  return static_cast<std::uint64_t>(i);
}

bool JsonReader::boolean(const std::string &key, bool fallback) {
  const auto *v = find(key);
  if (!v) return fallback;
  if (!v->is_boolean()) type_error(key, "true or false");
  return v->get<bool>();
}

std::string JsonReader::string(const std::string &key, const std::string &fallback) {
  const auto *v = find(key);
  if (!v) return fallback;
  if (!v->is_string()) type_error(key, "a string");
  return v->get<std::string>();
}

std::vector<double> JsonReader::numbers(const std::string &key,
                                        const std::vector<double> &fallback) {
  const auto *v = find(key);
  if (!v) return fallback;
  if (!v->is_array()) type_error(key, "an array of numbers");
  std::vector<double> out;
  for (std::size_t i = 0; i < v->size(); ++i) {
    const auto &e = (*v)[i];
    if (!e.is_number() || !std::isfinite(e.get<double>()))
      throw ConfigError(path(key) + "[" + std::to_string(i) + "]",
                        "expected a finite number, got " + json_type_name(e));
    out.push_back(e.get<double>());
  }
  return out;
}

std::vector<std::int64_t> JsonReader::integers(const std::string &key,
                                               const std::vector<std::int64_t> &fallback,
                                               std::int64_t min) {
  const auto *v = find(key);
  if (!v) return fallback;
  if (!v->is_array()) type_error(key, "an array of integers");
  std::vector<std::int64_t> out;
  for (std::size_t i = 0; i < v->size(); ++i) {
    const auto &e = (*v)[i];
    const std::string where = path(key) + "[" + std::to_string(i) + "]";
    if (!is_integral(e)) throw ConfigError(where, "expected an integer, got " + json_type_name(e));
    const auto x =
        e.is_number_float() ? static_cast<std::int64_t>(e.get<double>()) : e.get<std::int64_t>();
    if (x < min)
      throw ConfigError(where, "must be >= " + std::to_string(min) + ", got " + std::to_string(x));
    out.push_back(x);
  }
  return out;
}

std::vector<std::string> JsonReader::strings(const std::string &key,
                                             const std::vector<std::string> &fallback) {
  const auto *v = find(key);
  if (!v) return fallback;
  if (v->is_string()) return {v->get<std::string>()};
  if (!v->is_array()) type_error(key, "an array of strings");
  std::vector<std::string> out;
  for (std::size_t i = 0; i < v->size(); ++i) {
    if (!(*v)[i].is_string())
      throw ConfigError(path(key) + "[" + std::to_string(i) + "]",
                        "expected a string, got " + json_type_name((*v)[i]));
    out.push_back((*v)[i].get<std::string>());
  }
  return out;
}

nlohmann::json JsonReader::object(const std::string &key) {
  const auto *v = find(key);
  if (!v) return nlohmann::json::object();
  if (!v->is_object()) type_error(key, "an object {...}");
  return *v;
}

void JsonReader::finish() const {
  for (auto it = j_.begin(); it != j_.end(); ++it) {
    if (known_.count(it.key())) continue;
    std::string known;
    for (const auto &k : known_)
      known += (known.empty() ? "" : ", ") + k;
    throw ConfigError(path(it.key()), "unknown key; remove it or use one of: " + known);
  }
}

} // namespace imnn

namespace imnn {

std::string json_syntax_error(const nlohmann::json::parse_error &e) {
  // what(): "[json.exception.parse_error.101] parse error at line 1, column 12: syntax
  // error while parsing object - unexpected end of input; expected '}'"
  std::string w = e.what();
  const auto at = w.find("at line ");
  std::string out = at == std::string::npos ? w : w.substr(at + 3);
  const bool ended = out.find("unexpected end of input") != std::string::npos;
  if (ended && out.find("parsing object") != std::string::npos)
    out += " (a closing } is missing)";
  else if (ended && out.find("parsing array") != std::string::npos)
    out += " (a closing ] is missing)";
  return out;
}

nlohmann::json parse_json_text(std::string_view text, const std::string &what,
                               bool ignore_comments) {
  bool too_deep = false;
  const nlohmann::json::parser_callback_t limit =
      [&too_deep](int depth, nlohmann::json::parse_event_t event, nlohmann::json &) {
        if (depth >= kMaxJsonDepth && (event == nlohmann::json::parse_event_t::object_start ||
                                       event == nlohmann::json::parse_event_t::array_start))
          too_deep = true;
        return !too_deep; // discard everything once too deep; the parse stays iterative
      };
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(text, limit, true, ignore_comments);
  } catch (const nlohmann::json::parse_error &e) {
    throw Error(what + " is not valid JSON at " + json_syntax_error(e));
  } catch (const nlohmann::json::out_of_range &e) {
    // A number beyond double's range ("1e400"): found by tests/fuzz (fuzz_config).
    std::string w = e.what();
    const auto at = w.find("parsing '");
    const std::string number = at == std::string::npos ? w : w.substr(at + 8);
    throw Error(what + " holds a number too large for a double: " + number +
                "; write a value below 1.8e308");
  }
  if (too_deep)
    throw Error(what + " nests arrays or objects deeper than " + std::to_string(kMaxJsonDepth) +
                " levels; no IMNN Studio file or option needs that many: check how it was "
                "written");
  return j;
}

} // namespace imnn

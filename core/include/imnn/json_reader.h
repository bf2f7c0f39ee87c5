// Strict reading of JSON objects for configs and options: every key is looked up
// by name with its expected type, and finish() rejects keys nobody asked for. All
// errors are ConfigError with the full key path ("network.options.hidden[1]").
#pragma once

#include "imnn/error.h"

#include <cstdint>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace imnn {

class JsonReader {
public:
  // prefix: the key path of j ("" for the top level).
  JsonReader(const nlohmann::json &j, std::string prefix);

  std::string path(const std::string &key) const;
  bool has(const std::string &key) const;
  const nlohmann::json *find(const std::string &key);

  double number(const std::string &key, double fallback);
  double positive(const std::string &key, double fallback);
  std::int64_t integer(const std::string &key, std::int64_t fallback, std::int64_t min,
                       std::int64_t max = INT64_MAX);
  std::uint64_t unsigned_integer(const std::string &key, std::uint64_t fallback);
  bool boolean(const std::string &key, bool fallback);
  std::string string(const std::string &key, const std::string &fallback);
  std::vector<double> numbers(const std::string &key, const std::vector<double> &fallback);
  std::vector<std::int64_t> integers(const std::string &key,
                                     const std::vector<std::int64_t> &fallback, std::int64_t min);
  std::vector<std::string> strings(const std::string &key,
                                   const std::vector<std::string> &fallback);
  nlohmann::json object(const std::string &key); // {} when absent
  // Throws ConfigError for the first key not read, listing the known keys.
  void finish() const;

private:
  [[noreturn]] void type_error(const std::string &key, const char *expected) const;
  const nlohmann::json &j_;
  std::string prefix_;
  std::set<std::string> known_;
};

// "string", "integer", "number", ... as users read them.
std::string json_type_name(const nlohmann::json &j);

// The deepest nesting of arrays and objects any JSON the program reads may have.
// Deeper documents are refused while parsing: nlohmann::json copies, compares and
// prints values recursively, so 100 000 levels would overflow the stack.
inline constexpr int kMaxJsonDepth = 64;

// Parses JSON text, refusing nesting deeper than kMaxJsonDepth. A syntax error throws
// Error("<what> is not valid JSON: <json_syntax_error>"), a deep one Error("<what>
// nests arrays/objects deeper than 64 levels ...").
nlohmann::json parse_json_text(std::string_view text, const std::string &what,
                               bool ignore_comments = false);
// A syntax error in words: "line L, column C: <reason>", with "a closing } is missing"
// (or ]) where the text ended inside an object (array).
std::string json_syntax_error(const nlohmann::json::parse_error &e);

} // namespace imnn

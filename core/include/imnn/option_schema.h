// One description per option: its key, type, default, range, unit, help and the
// reference `imnn` name. The front ends derive what they show from it (the CLI's flags
// and help, the desktop app's fields, tooltips and ranges, the Python keywords, the
// README's key table), and the engine checks values against it, so that an option is
// written down once. An option set (the inference options, say) is a list of these
// plus a binding to its struct (see inference.h).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace imnn {

enum class OptionType {
  integer,        // a whole number
  number,         // a real number
  text,           // free text (a name, a file)
  choice,         // one of `choices`
  flag,           // true / false
  numbers,        // a list of real numbers (one per parameter, or a list of levels)
  integers,       // a list of whole numbers
  number_or_auto, // a real number, or "auto" (stored as the JSON string "auto")
  texts,          // a list of texts (folders)
  json            // a JSON object or list with rules of its own (plugin options, devices)
};

struct OptionSpec {
  std::string key; // the field name, e.g. "n_samples"
  OptionType type = OptionType::number;
  // The default as JSON (null: none, e.g. a value every run must give or one that the
  // method resolves; default_text then says what happens).
  nlohmann::json default_value;
  std::string default_text; // how the default reads where it is not a plain value
  std::optional<double> min, max;
  bool min_exclusive = false, max_exclusive = false;
  std::vector<std::string> choices;
  std::string unit;
  std::string help;
  std::string reference;           // the reference imnn's name for it ("ϵ"); empty: none
  std::vector<std::string> groups; // where it applies ("abc", "pmc", ...); empty: always
  std::string label;               // a short label for forms ("Draws per iteration")
  // An integer that takes every 64-bit unsigned value (a seed), beyond 2^63 too.
  bool unsigned_64 = false;

  bool applies_to(const std::string &group) const;
  // "--n-samples"
  std::string flag() const;
  // "0 <= x", "(0, 1]", ...; empty when unbounded.
  std::string range_text() const;
  // The default as a user reads it: default_text, else the value ("0.001", "0.68 0.95").
  std::string default_shown() const;
  // help + range + default + reference, for a command line's --help or a tooltip.
  std::string long_help() const;
};

// A value of this option checked against its type, range and choices: returns it
// normalised (an integer for integer types, "auto" for number_or_auto's auto) or
// throws imnn::Error naming the option as `key` with the value and what to give.
nlohmann::json check_option_value(const OptionSpec &spec, const nlohmann::json &value);

// Text typed by a user (a command line, a form) read as the option's JSON value:
// numbers strictly (the whole text, C locale), lists from several words, flags from
// true/false/1/0/yes/no. Throws imnn::Error naming `key` and the text.
nlohmann::json parse_option_text(const OptionSpec &spec, const std::vector<std::string> &words);

// The README's key table of an option set: | key | type | default | range | unit |
// applies to | reference | meaning |, one row per option in order.
std::string option_markdown_table(const std::vector<OptionSpec> &specs);

std::string option_type_name(OptionType type);

// Builders that keep an option table one entry of facts per option:
//   with_range(spec("n_s", OptionType::integer, 1000, "simulations ..."), 2.0, std::nullopt)
namespace option_builder {
inline OptionSpec spec(std::string key, OptionType type, nlohmann::json default_value,
                       std::string help, std::vector<std::string> groups = {}) {
  OptionSpec s;
  s.key = std::move(key);
  s.type = type;
  s.default_value = std::move(default_value);
  s.help = std::move(help);
  s.groups = std::move(groups);
  return s;
}
inline OptionSpec with_range(OptionSpec s, std::optional<double> min, std::optional<double> max,
                             bool min_exclusive = false, bool max_exclusive = false) {
  s.min = min;
  s.max = max;
  s.min_exclusive = min_exclusive;
  s.max_exclusive = max_exclusive;
  return s;
}
inline OptionSpec shown(OptionSpec s, std::string default_text) {
  s.default_text = std::move(default_text);
  return s;
}
inline OptionSpec choices(OptionSpec s, std::vector<std::string> c) {
  s.choices = std::move(c);
  return s;
}
inline OptionSpec reference(OptionSpec s, std::string name) {
  s.reference = std::move(name);
  return s;
}
inline OptionSpec label(OptionSpec s, std::string l) {
  s.label = std::move(l);
  return s;
}
inline OptionSpec full_uint64(OptionSpec s) {
  s.unsigned_64 = true;
  return s;
}
inline OptionSpec unit(OptionSpec s, std::string u) {
  s.unit = std::move(u);
  return s;
}
} // namespace option_builder

} // namespace imnn

// What the desktop app shows of an option, taken from the engine's one description of
// it (imnn/option_schema.h: the run config's keys, run_config_specs(); the inference
// options, lfi::inference_option_specs()): the tooltip (help, range, default, unit and
// the reference imnn's name), the range of its box and its choices, in the session's
// language. The English texts are the schema's; their translations live in
// translations/*.ts under the context "imnn::options", and lupdate finds them through
// option_strings.cpp, a list generated from the schema (a test keeps it current).
#pragma once

#include "imnn/option_schema.h"

#include <QString>
#include <QStringList>
#include <string>
#include <vector>

class QComboBox;
class QSpinBox;

namespace imnn::gui {

// The schema's text as a form shows it: Markdown links "[text](#anchor)" read "text"
// (they point into README.md) and the rest is unchanged. This is the translation's key.
std::string plainOptionText(const std::string &markdown);
// A label, help, unit or default text of the schema in the session's language.
QString optionText(const std::string &english);
// "x ≥ 2", "0 < x ≤ 1" with numbers in the session's locale; empty when unbounded.
QString optionRange(const OptionSpec &spec);
// The default as a form shows it ("1000", "0,001", "the plugin's"); empty: none.
QString optionDefault(const OptionSpec &spec);
// The tooltip of the option's field: "`key`: help" and a line with its range, default,
// unit and reference name; `note` (a form's own remark) is added as a last line.
QString optionTip(const OptionSpec &spec, const QString &note = {});
// The spin box's range is the option's, clamped to int.
void applyOptionRange(QSpinBox *box, const OptionSpec &spec);
// The option's choices as the combo box's items (existing items are replaced).
void applyOptionChoices(QComboBox *box, const OptionSpec &spec);

// Every text of both option tables a form shows, as plainOptionText() gives it, each
// once, in table order: what option_strings.cpp must list.
std::vector<std::string> optionTexts();
// option_strings.cpp as it should read for the current tables.
std::string optionStringsSource();

} // namespace imnn::gui

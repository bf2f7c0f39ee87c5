// One rule for every number a person types into or reads from the app: the session
// locale's decimal mark (QLocale(), which the chosen language sets), no group
// separators, and lists whose separator can never be read as a decimal mark (';' or
// white space where the decimal mark is a comma; ',' ';' or white space elsewhere).
// A text that does not parse completely is an error that says what to type instead,
// never a truncated or reinterpreted number (Qt's own parsers read "0,001" as 1 where
// ',' groups thousands).
#pragma once

#include <QLocale>
#include <QString>
#include <optional>
#include <vector>

namespace imnn::gui::numbers {

// QLocale() without group separators, on output or input.
QLocale locale();
// The list separator shown between numbers: "; " where the decimal mark is a comma.
QString listSeparator();

QString format(double value, int precision = 12);
QString formatList(const std::vector<double> &values, int precision = 12);

// A whole text as one number in the session's locale (surrounding blanks ignored).
// On failure *why says what is wrong and what to type (translated).
std::optional<double> parse(const QString &text, QString *why = nullptr);
// A whole text as an integer (no decimal mark, no group separators).
std::optional<long long> parseInteger(const QString &text, QString *why = nullptr);
std::optional<unsigned long long> parseUnsigned(const QString &text, QString *why = nullptr);
// A list of numbers separated as listSeparator() says; an empty text is an empty list.
std::optional<std::vector<double>> parseList(const QString &text, QString *why = nullptr);
std::optional<std::vector<long long>> parseIntegerList(const QString &text, QString *why = nullptr);

} // namespace imnn::gui::numbers

#include "number_format.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QStringList>
#include <cmath>

namespace imnn::gui::numbers {

namespace {

bool commaDecimal(const QLocale &l) {
  return l.decimalPoint() == QLatin1String(",");
}

// The text read with the other decimal mark, for the message that names the right one.
std::optional<double> readWithOtherMark(const QString &t, const QLocale &l) {
  QLocale c = QLocale::c();
  c.setNumberOptions(QLocale::RejectGroupSeparator);
  QString other = t;
  if (commaDecimal(l)) {
    if (!t.contains('.')) return std::nullopt;
  } else {
    if (!t.contains(',')) return std::nullopt;
    other.replace(',', '.');
  }
  bool ok = false;
  const double v = c.toDouble(other, &ok);
  return ok && std::isfinite(v) ? std::optional<double>(v) : std::nullopt;
}

void say(QString *why, const QString &message) {
  if (why) *why = message;
}

} // namespace

QLocale locale() {
  QLocale l;
  l.setNumberOptions(QLocale::OmitGroupSeparator | QLocale::RejectGroupSeparator);
  return l;
}

QString listSeparator() {
  return commaDecimal(locale()) ? QStringLiteral("; ") : QStringLiteral(", ");
}

QString format(double value, int precision) {
  return locale().toString(value, 'g', precision);
}

QString formatList(const std::vector<double> &values, int precision) {
  QStringList out;
  for (double v : values)
    out << format(v, precision);
  return out.join(listSeparator());
}

std::optional<double> parse(const QString &text, QString *why) {
  const QString t = text.trimmed();
  const QLocale l = locale();
  if (t.isEmpty()) {
    say(why,
        QCoreApplication::translate("Numbers", "empty: type a number, e.g. %1").arg(format(0.001)));
    return std::nullopt;
  }
  bool ok = false;
  const double v = l.toDouble(t, &ok);
  if (ok && std::isfinite(v)) return v;
  if (ok) {
    say(why, QCoreApplication::translate("Numbers", "'%1' is not a finite number").arg(t));
    return std::nullopt;
  }
  if (const auto other = readWithOtherMark(t, l)) {
    say(why,
        commaDecimal(l)
            ? QCoreApplication::translate("Numbers", "'%1' has a decimal point, but this session's "
                                                     "decimal mark is the comma: type %2")
                  .arg(t, format(*other))
            : QCoreApplication::translate("Numbers", "'%1' has a decimal comma, but this session's "
                                                     "decimal mark is the point: type %2")
                  .arg(t, format(*other)));
    return std::nullopt;
  }
  say(why, QCoreApplication::translate("Numbers", "'%1' is not a number; type e.g. %2")
               .arg(t, format(0.001)));
  return std::nullopt;
}

std::optional<long long> parseInteger(const QString &text, QString *why) {
  const QString t = text.trimmed();
  bool ok = false;
  const long long v = locale().toLongLong(t, &ok);
  if (ok) return v;
  say(why,
      QCoreApplication::translate("Numbers", "'%1' is not an integer; type digits only, e.g. 42")
          .arg(t));
  return std::nullopt;
}

std::optional<unsigned long long> parseUnsigned(const QString &text, QString *why) {
  const QString t = text.trimmed();
  bool ok = false;
  const unsigned long long v = locale().toULongLong(t, &ok);
  if (ok) return v;
  say(why, QCoreApplication::translate("Numbers",
                                       "'%1' is not an integer ≥ 0; type digits only, e.g. 42")
               .arg(t));
  return std::nullopt;
}

namespace {

// The pieces of a list, or nullopt when a piece ends or starts with a comma that is
// this session's decimal mark ("0,5, 1": a list separated by commas, or a number?).
std::optional<QStringList> listPieces(const QString &text, QString *why) {
  const bool comma = commaDecimal(locale());
  const QStringList parts =
      text.split(QRegularExpression(comma ? QStringLiteral("[;\\s]+") : QStringLiteral("[,;\\s]+")),
                 Qt::SkipEmptyParts);
  if (comma)
    for (const QString &p : parts)
      if (p.startsWith(',') || p.endsWith(',')) {
        say(why, QCoreApplication::translate(
                     "Numbers", "'%1': separate numbers with ';' or spaces, since the comma is "
                                "this session's decimal mark (e.g. %2)")
                     .arg(text.trimmed(), formatList({0.5, 1})));
        return std::nullopt;
      }
  return parts;
}

} // namespace

std::optional<std::vector<double>> parseList(const QString &text, QString *why) {
  const auto parts = listPieces(text, why);
  if (!parts) return std::nullopt;
  std::vector<double> out;
  for (const QString &p : *parts) {
    const auto v = parse(p, why);
    if (!v) return std::nullopt;
    out.push_back(*v);
  }
  return out;
}

std::optional<std::vector<long long>> parseIntegerList(const QString &text, QString *why) {
  const auto parts = listPieces(text, why);
  if (!parts) return std::nullopt;
  std::vector<long long> out;
  for (const QString &p : *parts) {
    const auto v = parseInteger(p, why);
    if (!v) return std::nullopt;
    out.push_back(*v);
  }
  return out;
}

} // namespace imnn::gui::numbers

#include "engine_text.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <array>

namespace imnn::gui {

namespace {

// The engine's JSON type names (json_type_name), in the user's language.
QString typeName(const QString &t) {
  static const std::array<std::pair<const char *, const char *>, 12> names{{
      {"an integer", QT_TRANSLATE_NOOP("imnn::gui::EngineText", "an integer")},
      {"a number", QT_TRANSLATE_NOOP("imnn::gui::EngineText", "a number")},
      {"a finite number", QT_TRANSLATE_NOOP("imnn::gui::EngineText", "a finite number")},
      {"a string", QT_TRANSLATE_NOOP("imnn::gui::EngineText", "a string")},
      {"a boolean", QT_TRANSLATE_NOOP("imnn::gui::EngineText", "a boolean")},
      {"true or false", QT_TRANSLATE_NOOP("imnn::gui::EngineText", "true or false")},
      {"an array", QT_TRANSLATE_NOOP("imnn::gui::EngineText", "an array")},
      {"an array of integers", QT_TRANSLATE_NOOP("imnn::gui::EngineText", "an array of integers")},
      {"an array of numbers", QT_TRANSLATE_NOOP("imnn::gui::EngineText", "an array of numbers")},
      {"an object", QT_TRANSLATE_NOOP("imnn::gui::EngineText", "an object")},
      {"an object {...}", QT_TRANSLATE_NOOP("imnn::gui::EngineText", "an object {...}")},
      {"null", QT_TRANSLATE_NOOP("imnn::gui::EngineText", "null")},
  }};
  for (const auto &[en, tr] : names)
    if (t == QLatin1String(en)) return QCoreApplication::translate("imnn::gui::EngineText", tr);
  return t;
}

} // namespace

QString engineText(const QString &message) {
  static const QRegularExpression greater(QStringLiteral("^must be > (\\S+), got (.+)$"));
  static const QRegularExpression atLeast(QStringLiteral("^must be >= (\\S+), got (.+)$"));
  static const QRegularExpression between(
      QStringLiteral("^must be between (\\S+) and (\\S+), got (.+)$"));
  static const QRegularExpression expected(QStringLiteral("^expected (.+?), got (.+)$"));
  // "n_d (2000) must not exceed n_s (1000): why ...": the bound, then the rest as it is.
  static const QRegularExpression exceed(
      QStringLiteral("^(.*) must not exceed ([^()]+ \\([^)]*\\)|\\S+)(.*)$"));
  static const QRegularExpression exceedKey(QStringLiteral("^must not exceed (.+)$"));
  static const QRegularExpression unknown(
      QStringLiteral("^unknown key; remove it or use one of: (.+)$"));
  QRegularExpressionMatch m;
  if ((m = greater.match(message)).hasMatch())
    return QCoreApplication::translate("imnn::gui::EngineText", "must be > %1, got %2")
        .arg(m.captured(1), m.captured(2));
  if ((m = atLeast.match(message)).hasMatch())
    return QCoreApplication::translate("imnn::gui::EngineText", "must be >= %1, got %2")
        .arg(m.captured(1), m.captured(2));
  if ((m = between.match(message)).hasMatch())
    return QCoreApplication::translate("imnn::gui::EngineText", "must be between %1 and %2, got %3")
        .arg(m.captured(1), m.captured(2), m.captured(3));
  if (message == QLatin1String("must be a finite number"))
    return QCoreApplication::translate("imnn::gui::EngineText", "must be a finite number");
  if ((m = expected.match(message)).hasMatch()) {
    // "got a string ("ten")": the type translated, the value kept.
    QString got = m.captured(2);
    static const QRegularExpression withValue(QStringLiteral("^(.+?) (\\(.*\\))$"));
    const auto v = withValue.match(got);
    got = v.hasMatch() ? typeName(v.captured(1)) + ' ' + v.captured(2) : typeName(got);
    return QCoreApplication::translate("imnn::gui::EngineText", "expected %1, got %2")
        .arg(typeName(m.captured(1)), got);
  }
  if ((m = exceedKey.match(message)).hasMatch())
    return QCoreApplication::translate("imnn::gui::EngineText", "must not exceed %1")
        .arg(m.captured(1));
  if ((m = exceed.match(message)).hasMatch())
    return QCoreApplication::translate("imnn::gui::EngineText", "%1 must not exceed %2")
               .arg(m.captured(1), m.captured(2)) +
           m.captured(3);
  if ((m = unknown.match(message)).hasMatch())
    return QCoreApplication::translate("imnn::gui::EngineText",
                                       "unknown key; remove it or use one of: %1")
        .arg(m.captured(1));
  return message;
}

} // namespace imnn::gui

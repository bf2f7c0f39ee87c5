#include "app_paths.h"

#include "imnn/json_reader.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace imnn::gui {

QString examplesFolder() {
  const QString bin = QCoreApplication::applicationDirPath();
  const QStringList candidates = {bin + "/../share/imnn-studio/examples",
#ifdef IMNN_SOURCE_EXAMPLES
                                  QStringLiteral(IMNN_SOURCE_EXAMPLES),
#endif
                                  bin + "/../../resources/examples"};
  for (const QString &c : candidates)
    if (QFileInfo::exists(c + "/gaussian_mean_variance.json")) return QDir(c).absolutePath();
  return {};
}

QString translationsFolder() {
  return QDir::cleanPath(QCoreApplication::applicationDirPath() +
                         "/../share/imnn-studio/translations");
}

QString installTranslator(const QString &language) {
  // The app's strings and Qt's own (dialog buttons, file dialogs: qtbase_<lang>.qm from
  // Debian's qt6-translations-l10n).
  static QTranslator *installed = nullptr, *qtBase = nullptr;
  for (QTranslator **t : {&installed, &qtBase})
    if (*t) {
      QCoreApplication::removeTranslator(*t);
      delete *t;
      *t = nullptr;
    }
  QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
  // Numbers are read and shown in the language's locale too (number_format.h): a German
  // window takes and shows 0,001, and nothing groups thousands (not even %L1 in a
  // message: "3455 iterations", never "3,455").
  locale.setNumberOptions(QLocale::OmitGroupSeparator | QLocale::RejectGroupSeparator);
  QLocale::setDefault(locale);
  auto *base = new QTranslator;
  if (base->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
    QCoreApplication::installTranslator(base);
    qtBase = base;
  } else {
    delete base;
  }
  auto *translator = new QTranslator;
  if (!translator->load(locale, QStringLiteral("imnn_studio"), QStringLiteral("_"),
                        translationsFolder())) {
    delete translator;
    return {};
  }
  QCoreApplication::installTranslator(translator);
  installed = translator;
  return translator->language();
}

QString gaussianExamplePath() {
  const QString folder = examplesFolder();
  return folder.isEmpty() ? QString() : folder + "/gaussian_mean_variance.json";
}

QString defaultRunDirectory(const QString &root, const QString &name) {
  const QString base = QDir(root).filePath(
      name + "-" + QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")));
  QString dir = base;
  for (int i = 2; QFileInfo::exists(dir); ++i)
    dir = base + "-" + QString::number(i);
  return dir;
}

nlohmann::json readJsonText(const QByteArray &text) {
  try {
    return parse_json_text(
        std::string_view(text.constData(), static_cast<std::size_t>(text.size())), "json");
  } catch (const std::exception &) {
    return nlohmann::json(nlohmann::json::value_t::discarded);
  }
}

nlohmann::json readJsonFile(const QString &file) {
  QFile f(file);
  if (!f.open(QIODevice::ReadOnly)) return {};
  return readJsonText(f.readAll());
}

} // namespace imnn::gui

#include "app_paths.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
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
  static QTranslator *installed = nullptr;
  if (installed) {
    QCoreApplication::removeTranslator(installed);
    delete installed;
    installed = nullptr;
  }
  const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
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

} // namespace imnn::gui

#include "app_paths.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>

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

// Shared set-up of the GUI tests: settings isolated from the user's, screenshots in
// the build tree, and a main window on the built-in example writing into a
// temporary runs folder.
#pragma once

#include "main_window.h"

#include <QCoreApplication>
#include <QDir>
#include <QSettings>
#include <QStandardPaths>
#include <QString>
#include <QWidget>
#include <QtTest>

namespace gui_test {

inline void isolateSettings() {
  QStandardPaths::setTestModeEnabled(true);
  QCoreApplication::setOrganizationName(QStringLiteral("imnn-studio-tests"));
  QCoreApplication::setApplicationName(QStringLiteral("imnn-studio-tests"));
  QSettings().clear();
}

// Saves w.grab() as <build>/screenshots/<name>.png; returns the path.
inline QString screenshot(QWidget &w, const QString &name) {
  QTest::qWait(50); // pending layout requests and replots first
  QDir().mkpath(QStringLiteral(IMNN_SCREENSHOT_DIR));
  const QString file = QStringLiteral(IMNN_SCREENSHOT_DIR "/%1.png").arg(name);
  w.grab().save(file);
  return file;
}

inline imnn::gui::MainWindowOptions freshOptions() {
  imnn::gui::MainWindowOptions o;
  o.restoreLast = false;
  return o;
}

} // namespace gui_test

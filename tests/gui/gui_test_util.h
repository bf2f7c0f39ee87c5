// Shared set-up of the GUI tests: settings isolated from the user's, screenshots in
// the build tree, and a main window on the built-in example writing into a
// temporary runs folder.
#pragma once

#include "main_window.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>
#include <QString>
#include <QWidget>
#include <QtTest>
#include <nlohmann/json.hpp>

namespace gui_test {

inline void isolateSettings() {
  QStandardPaths::setTestModeEnabled(true);
  QCoreApplication::setOrganizationName(QStringLiteral("imnn-studio-tests"));
  // One settings file per test program: CTest runs GUI tests in parallel (-j2), and a
  // shared file let one test's saved window state land in another's restored one.
  QCoreApplication::setApplicationName(
      QStringLiteral("imnn-studio-tests-") +
      QFileInfo(QCoreApplication::applicationFilePath()).completeBaseName());
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

// A JSON file of a run (config.json, result.json, ...): null when missing, discarded
// (is_discarded()) when it does not parse.
inline nlohmann::json readJson(const QString &file) {
  QFile f(file);
  if (!f.open(QIODevice::ReadOnly)) return {};
  return nlohmann::json::parse(f.readAll().toStdString(), nullptr, false);
}

} // namespace gui_test

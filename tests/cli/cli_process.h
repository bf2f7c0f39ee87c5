// Runs the `imnn` executable for the CLI tests, with the build tree's plugins.
#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>

struct CliResult {
  int code;
  QString out, err;
};

inline QProcessEnvironment cli_environment() {
  QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
  env.insert("IMNN_PLUGIN_PATH", IMNN_PLUGIN_BUILD_DIR);
  return env;
}

inline CliResult run_cli(const QStringList &args, int timeout_ms = 240000,
                         const QString &working_folder = {}) {
  QProcess p;
  p.setProcessEnvironment(cli_environment());
  if (!working_folder.isEmpty()) p.setWorkingDirectory(working_folder);
  p.start(IMNN_CLI_PATH, args);
  if (!p.waitForFinished(timeout_ms)) return {-1, {}, "timeout"};
  return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
          QString::fromUtf8(p.readAllStandardError())};
}

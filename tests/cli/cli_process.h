// Runs the `imnn` executable (IMNN_CLI_PATH) with the build tree's plugins and
// collects its exit code and output, for the CLI tests.
#pragma once

#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

struct CliResult {
  int code;
  QString out, err;
};

inline CliResult run_cli(const QStringList &args, int timeout_ms = 240000) {
  QProcess p;
  QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
  env.insert("IMNN_PLUGIN_PATH", IMNN_PLUGIN_BUILD_DIR);
  p.setProcessEnvironment(env);
  p.start(IMNN_CLI_PATH, args);
  if (!p.waitForFinished(timeout_ms)) return {-1, {}, "timeout"};
  return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
          QString::fromUtf8(p.readAllStandardError())};
}

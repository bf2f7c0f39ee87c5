// Runs one inference for the GUI: the engine's lfi::run_inference (the same driver
// and files as `imnn infer`) on a worker thread, its progress handed to the GUI
// thread by a poll timer (the latest fraction and message, never one signal per
// call), cancel through the engine's cancel flag, and the result kept for the view.
#pragma once

#include "imnn/inference.h"

#include <QObject>
#include <QString>
#include <QTimer>
#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace imnn {
class PluginRegistry;
}

namespace imnn::gui {

class InferController : public QObject {
  Q_OBJECT
public:
  explicit InferController(std::shared_ptr<const PluginRegistry> registry,
                           QObject *parent = nullptr);
  ~InferController() override; // cancels and joins a running inference

  // Starts options.method on the run in runDir (the options were checked by the caller,
  // who marks the field of a wrong one). Returns false with *error when one is already
  // running.
  bool start(const QString &runDir, const lfi::CheckedInferenceOptions &options, QString *error);
  bool isRunning() const { return thread_.joinable(); }
  // Asks the engine to stop at its next check; finished() follows with what it has.
  void cancel() { cancel_.store(true); }
  // Blocks until the worker is done and finished() has been emitted.
  void wait();
  // The last successful (possibly cancelled) result; null before one or after an error.
  const lfi::InferenceResult *lastResult() const { return result_ ? &*result_ : nullptr; }

  // The InferenceOptions field the last error was about (InferenceError::option()),
  // empty when it was about no option or there was no error.
  QString errorOption() const { return errorOption_; }

signals:
  void progress(double fraction, const QString &message);
  // ok false: message is the engine's error; else a one-line summary.
  void finished(bool ok, const QString &message);

private:
  void poll();
  void finish();

  std::shared_ptr<const PluginRegistry> registry_;
  std::thread thread_;
  std::atomic<bool> cancel_{false}, done_{false};
  QTimer poll_;
  std::mutex mutex_; // guards the fields below, written by the worker
  double fraction_ = 0;
  std::string message_;
  bool progressed_ = false;
  std::optional<lfi::InferenceResult> pending_;
  std::string error_, errorOptionStd_;
  QString errorOption_;
  std::optional<lfi::InferenceResult> result_;
};

} // namespace imnn::gui

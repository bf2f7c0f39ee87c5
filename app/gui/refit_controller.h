// Runs the iterative re-fit at the estimate for the GUI: the engine's imnn::refit (the
// same rounds, run directories and RUN/refit.json as `imnn refit`) on a worker thread.
// Progress (per iteration within a round) and each finished round are handed to the
// GUI thread by a poll timer; Cancel goes through the engine's cancel flag, which stops
// the round's fit (its run is kept) and the refit.
#pragma once

#include "imnn/refit.h"

#include <QObject>
#include <QString>
#include <QTimer>
#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace imnn::gui {

class RefitController : public QObject {
  Q_OBJECT
public:
  explicit RefitController(std::shared_ptr<PluginRegistry> registry, QObject *parent = nullptr);
  ~RefitController() override; // cancels and joins a running refit

  // Starts the refit of the run in runDir. Returns false with *error when one is
  // already running.
  bool start(const QString &runDir, const RefitOptions &options, QString *error);
  bool isRunning() const { return thread_.joinable(); }
  // Asks the engine to stop at its next check; finished() follows with the rounds done.
  void cancel() { cancel_.store(true); }
  bool cancelRequested() const { return cancel_.load(); }
  // Blocks until the worker is done and finished() has been emitted.
  void wait();
  // The rounds finished so far (round 0 is the run itself), on the GUI thread.
  const std::vector<RefitRound> &rounds() const { return rounds_; }
  // The last finished refit (converged, not converged or cancelled); null before one
  // or after an error.
  const RefitResult *lastResult() const { return result_ ? &*result_ : nullptr; }

signals:
  void progress(double fraction, const QString &message);
  void roundFinished(int round);
  // ok false: message is the engine's error; else a one-line summary.
  void finished(bool ok, const QString &message);

private:
  void poll();
  void finish();

  std::shared_ptr<PluginRegistry> registry_;
  std::thread thread_;
  std::atomic<bool> cancel_{false}, done_{false};
  QTimer poll_;
  int maxRounds_ = 0;
  std::vector<RefitRound> rounds_;
  std::optional<RefitResult> result_;
  std::mutex mutex_; // guards the fields below, written by the worker
  double fraction_ = 0;
  QString message_;
  bool progressed_ = false;
  std::vector<RefitRound> newRounds_;
  std::optional<RefitResult> pending_;
  std::string error_;
};

} // namespace imnn::gui

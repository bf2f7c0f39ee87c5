// Runs a fit for the GUI: prepares it through the engine's session path
// (prepare_fit), writes the run directory exactly as the CLI does (RunDirectory +
// record_fit_result / record_fit_error), runs Fitter::fit on a worker thread
// (BackgroundFit) and hands the iterations to the GUI thread as a queued signal,
// coalesced: the observer appends under a lock and posts one drain per batch.
#pragma once

#include "imnn/config.h"
#include "imnn/fit.h"

#include <QObject>
#include <QString>
#include <QTimer>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

namespace imnn {
struct FitSession;
class PluginRegistry;
class RunDirectory;
} // namespace imnn

namespace imnn::gui {

class FitController : public QObject {
  Q_OBJECT
public:
  // registry: the plugins the window scanned; a fit uses it unless its config names a
  // plugin folder the registry did not search (then prepare_fit scans anew).
  explicit FitController(std::shared_ptr<PluginRegistry> registry = nullptr,
                         QObject *parent = nullptr);
  ~FitController() override; // stops a running fit and keeps its run

  // Prepares the fit of config (plugins, network, weights) and creates runDir (which
  // must not exist or be empty). Returns false with *error naming the problem.
  bool start(const RunConfig &config, const QString &runDir, QString *error);
  // A fit is in progress: working, or paused.
  bool isRunning() const { return static_cast<bool>(job_) || paused_; }
  // Asks the worker to stop after its current iteration; finished() follows and the
  // run directory keeps the history and the result of the kept weights.
  void stop();
  // stop() and wait for the worker (blocks the calling thread for one iteration).
  void stopAndWait();
  // Pause: the engine fit is cancelled at the next iteration boundary keeping its
  // state (and a checkpoint is saved); paused(true) follows. Resume continues the same
  // fit call (Fitter::continue_open_call), so the history equals an uninterrupted
  // fit's. stop() while paused finishes the run as a stop does.
  void pause();
  void resume();
  bool isPaused() const { return paused_; }
  bool isPausing() const { return pausing_; }
  // The fitter's history of the current or last fit (null before the first start).
  const std::vector<IterationRecord> *history() const;

  QString runDirectory() const { return runDir_; }
  const RunConfig *resolvedConfig() const; // null before the first start
  const nlohmann::json &lastResult() const { return lastResult_; }
  // How the engine splits the work of the current or last fit (AggregationInfo as
  // result.json's "aggregation"); null before the first start.
  nlohmann::json aggregation() const;
  // The plugins the current or last fit was prepared with (null before the first start).
  const PluginRegistry *sessionRegistry() const;

signals:
  void started(const QString &runDir, int maxIterations, int patience, int minIterations);
  void iterations(const std::vector<imnn::IterationRecord> &records);
  // ok false: the fit stopped with an error (message); the history so far is kept.
  void finished(const QString &runDir, bool ok, const QString &message);
  void pausedChanged(bool paused, const QString &message);

private:
  void drain();
  void pollFinished();
  void finish();
  void enterPause();
  void record(const FitResult &result, std::string error);

  std::shared_ptr<PluginRegistry> registry_;
  std::unique_ptr<FitSession> session_;
  std::unique_ptr<RunDirectory> run_;
  std::unique_ptr<BackgroundFit> job_;
  QTimer poll_;
  QString runDir_;
  nlohmann::json lastResult_;
  std::mutex mutex_; // guards pending_ and ioError_ (worker thread vs GUI thread)
  std::vector<IterationRecord> pending_;
  std::string ioError_;
  bool paused_ = false, pausing_ = false;
  FitResult pausedResult_;
};

} // namespace imnn::gui

#include "fit_controller.h"

#include "imnn/checkpoint.h"
#include "imnn/error.h"
#include "imnn/plugins.h"
#include "imnn/run_directory.h"
#include "imnn/session.h"

#include "number_format.h"
#include "work_split.h"

#include <QDir>
#include <algorithm>
#include <filesystem>

namespace imnn::gui {

namespace {

// Whether registry searched every folder of dirs (the config's plugin_dirs).
bool searchedAll(const PluginRegistry &registry, const std::vector<std::string> &dirs) {
  std::error_code ec;
  std::vector<std::filesystem::path> searched;
  for (const auto &d : registry.searched())
    searched.push_back(std::filesystem::weakly_canonical(d, ec));
  return std::all_of(dirs.begin(), dirs.end(), [&](const std::string &d) {
    const auto p = std::filesystem::weakly_canonical(d, ec);
    return std::find(searched.begin(), searched.end(), p) != searched.end();
  });
}

} // namespace

FitController::FitController(std::shared_ptr<PluginRegistry> registry, QObject *parent)
    : QObject(parent), registry_(std::move(registry)) {
  poll_.setInterval(50);
  connect(&poll_, &QTimer::timeout, this, &FitController::pollFinished);
}

FitController::~FitController() {
  // Nobody listens any more: finish the run quietly (it is kept on disk).
  blockSignals(true);
  if (job_ || paused_) stopAndWait();
}

const RunConfig *FitController::resolvedConfig() const {
  return session_ ? &session_->config : nullptr;
}

const PluginRegistry *FitController::sessionRegistry() const {
  return session_ ? session_->registry.get() : nullptr;
}

nlohmann::json FitController::aggregation() const {
  return session_ && session_->fitter ? session_->fitter->aggregation().to_json()
                                      : nlohmann::json();
}

bool FitController::start(const RunConfig &config, const QString &runDir, QString *error) {
  if (job_) {
    *error = tr("a fit is already running; stop it first");
    return false;
  }
  try {
    // The window's plugins (no rescan) unless the config asks for a folder they lack.
    auto session = std::make_unique<FitSession>(
        registry_ && searchedAll(*registry_, config.plugin_dirs) ? prepare_fit(config, registry_)
                                                                 : prepare_fit(config));
    auto run = std::make_unique<RunDirectory>(
        RunDirectory::create(QDir::cleanPath(runDir).toStdString(), session->config));
    // Checkpoints as the CLI: `imnn fit --resume` continues a run started here.
    enable_checkpoints(*session->fitter, run->path());
    session_ = std::move(session);
    run_ = std::move(run);
  } catch (const std::exception &e) {
    *error = QString::fromStdString(e.what());
    return false;
  }
  runDir_ = QDir::cleanPath(runDir);
  lastResult_ = nlohmann::json();
  {
    std::lock_guard<std::mutex> lock(mutex_);
    pending_.clear();
    ioError_.clear();
  }
  RunDirectory *run = run_.get();
  session_->fitter->add_observer([this, run](const IterationRecord &r) {
    // Worker thread: write the row as the CLI does, queue the record for the GUI.
    bool first = false;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      try {
        run->append(r);
      } catch (const Error &e) {
        if (ioError_.empty()) ioError_ = e.what();
      }
      pending_.push_back(r);
      first = pending_.size() == 1;
    }
    if (first)
      QMetaObject::invokeMethod(
          this, [this] { drain(); }, Qt::QueuedConnection);
  });
  const FitSettings &fit = session_->config.fit;
  emit started(runDir_, fit.max_iterations, fit.patience, fit.min_iterations);
  job_ = std::make_unique<BackgroundFit>(*session_->fitter);
  poll_.start();
  return true;
}

void FitController::stop() {
  pausing_ = false;
  if (paused_) {
    finish();
    return;
  }
  if (job_) job_->cancel();
}

void FitController::stopAndWait() {
  pausing_ = false;
  if (paused_) {
    finish();
    return;
  }
  if (!job_) return;
  job_->cancel();
  finish();
}

const std::vector<IterationRecord> *FitController::history() const {
  return session_ ? &session_->fitter->history() : nullptr;
}

void FitController::pause() {
  if (!job_ || paused_ || pausing_) return;
  pausing_ = true;
  job_->cancel();
}

void FitController::resume() {
  if (!paused_) return;
  paused_ = false;
  if (!session_->fitter->continue_open_call()) {
    // Nothing to continue (cannot happen after a cancelled call): finish the run.
    finish();
    return;
  }
  job_ = std::make_unique<BackgroundFit>(*session_->fitter);
  poll_.start();
  emit pausedChanged(false, tr("Fitting → %1").arg(runDir_));
}

void FitController::enterPause() {
  poll_.stop();
  FitResult result;
  try {
    result = job_->wait();
  } catch (const std::exception &e) {
    job_.reset();
    pausing_ = false;
    drain();
    record({}, e.what());
    return;
  }
  job_.reset();
  pausing_ = false;
  drain();
  if (result.stop_reason != "cancelled") { // it ended by itself before the pause
    record(result, {});
    return;
  }
  pausedResult_ = result;
  paused_ = true;
  const std::string saved = save_final_checkpoint(run_->path(), *session_->fitter);
  const auto &h = session_->fitter->history();
  // Counted as the progress bar counts: iterations of this fit call done.
  const int done = h.empty() ? 0 : h.back().iteration_in_call + 1;
  emit pausedChanged(true, tr("Paused after %1 / %2 iterations; Resume continues the same fit "
                              "(%3)")
                               .arg(numbers::format(done))
                               .arg(numbers::format(session_->config.fit.max_iterations))
                               .arg(QString::fromStdString(saved)));
}

void FitController::drain() {
  std::vector<IterationRecord> batch;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    batch.swap(pending_);
  }
  if (!batch.empty()) emit iterations(batch);
}

void FitController::pollFinished() {
  bool io_failed = false;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    io_failed = !ioError_.empty();
  }
  if (io_failed && job_) job_->cancel(); // as the CLI: a history that cannot be written stops
  if (job_ && job_->finished()) {
    if (pausing_)
      enterPause();
    else
      finish();
  }
}

void FitController::finish() {
  poll_.stop();
  FitResult result;
  std::string error;
  if (job_) {
    try {
      result = job_->wait();
    } catch (const std::exception &e) {
      error = e.what();
    }
    job_.reset();
  } else {
    result = pausedResult_; // stopped while paused
  }
  paused_ = pausing_ = false;
  drain();
  record(result, error);
}

void FitController::record(const FitResult &result, std::string error) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!ioError_.empty()) error = ioError_;
  }
  QString message;
  const std::string saved = save_final_checkpoint(run_->path(), *session_->fitter);
  try {
    if (!error.empty()) {
      lastResult_ = record_fit_error(*run_, *session_->fitter, error);
      message = tr("The fit stopped: %1. The history so far is in %2")
                    .arg(QString::fromStdString(error), runDir_);
    } else {
      lastResult_ = record_fit_result(*run_, *session_->fitter, result);
      message =
          result.has_statistics
              ? tr("det F = %L1 (validation, kept %2 weights; training %L3) in %L4 s, "
                   "%5 → %6")
                    .arg(result.statistics.detF, 0, 'f', 4)
                    .arg(session_->config.fit.best ? tr("best") : tr("final"))
                    .arg(result.kept_train.detF, 0, 'f', 4)
                    .arg(result.seconds, 0, 'f', 1)
                    .arg(stopReasonText(QString::fromStdString(result.stop_reason),
                                        result.iterations),
                         runDir_)
              : tr("No iteration was run (%1) → %2")
                    .arg(stopReasonText(QString::fromStdString(result.stop_reason), 0), runDir_);
    }
  } catch (const std::exception &e) {
    error = e.what();
    message = tr("The result could not be written: %1").arg(QString::fromStdString(e.what()));
  }
  message += QStringLiteral(" (%1)").arg(QString::fromStdString(saved));
  run_.reset(); // closes history.csv
  emit finished(runDir_, error.empty(), message);
}

} // namespace imnn::gui

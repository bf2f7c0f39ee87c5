#include "infer_controller.h"

#include "imnn/plugins.h"

#include <QDir>

namespace imnn::gui {

InferController::InferController(std::shared_ptr<const PluginRegistry> registry, QObject *parent)
    : QObject(parent), registry_(std::move(registry)) {
  poll_.setInterval(50);
  connect(&poll_, &QTimer::timeout, this, &InferController::poll);
}

InferController::~InferController() {
  blockSignals(true);
  if (thread_.joinable()) {
    cancel();
    thread_.join();
  }
}

bool InferController::start(const QString &runDir, const lfi::CheckedInferenceOptions &options,
                            QString *error) {
  if (isRunning()) {
    *error = tr("an inference is already running; cancel it first");
    return false;
  }
  cancel_.store(false);
  done_.store(false);
  {
    std::lock_guard<std::mutex> lock(mutex_);
    fraction_ = 0;
    message_.clear();
    progressed_ = false;
    pending_.reset();
    error_.clear();
    errorOptionStd_.clear();
  }
  errorOption_.clear();
  const std::filesystem::path run = QDir::cleanPath(runDir).toStdString();
  thread_ = std::thread([this, run, options] {
    try {
      auto report = [this](double f, const std::string &m) {
        std::lock_guard<std::mutex> lock(mutex_);
        fraction_ = f;
        message_ = m;
        progressed_ = true;
      };
      lfi::InferenceResult r = lfi::run_inference(run, *registry_, options, report, &cancel_);
      std::lock_guard<std::mutex> lock(mutex_);
      pending_ = std::move(r);
    } catch (const lfi::InferenceError &e) {
      std::lock_guard<std::mutex> lock(mutex_);
      error_ = e.what();
      errorOptionStd_ = e.option();
    } catch (const std::exception &e) {
      std::lock_guard<std::mutex> lock(mutex_);
      error_ = e.what();
    }
    done_.store(true);
  });
  poll_.start();
  emit progress(0.0, tr("%1: starting…").arg(QString::fromStdString(options.get().method)));
  return true;
}

void InferController::poll() {
  double f = 0;
  QString m;
  bool progressed = false;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    std::swap(progressed, progressed_);
    f = fraction_;
    m = QString::fromStdString(message_);
  }
  if (progressed) emit progress(f, m);
  if (done_.load()) finish();
}

void InferController::wait() {
  if (!thread_.joinable()) return;
  thread_.join();
  finish();
}

void InferController::finish() {
  poll_.stop();
  if (thread_.joinable()) thread_.join();
  std::string error;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    error = error_;
    errorOption_ = QString::fromStdString(errorOptionStd_);
    if (pending_) result_ = std::move(pending_);
    pending_.reset();
  }
  if (!error.empty()) {
    result_.reset();
    emit finished(false, QString::fromStdString(error));
    return;
  }
  const lfi::InferenceResult &r = *result_;
  emit finished(true, tr("%1: %2 samples, %3 simulations, %4 s%5 → %6")
                          .arg(QString::fromStdString(r.method))
                          .arg(r.samples.rows())
                          .arg(r.simulations)
                          .arg(r.seconds, 0, 'f', 1)
                          .arg(r.cancelled ? tr(" (cancelled)") : QString())
                          .arg(QString::fromStdString(r.dir.string())));
}

} // namespace imnn::gui

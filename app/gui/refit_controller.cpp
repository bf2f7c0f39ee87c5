#include "refit_controller.h"

#include <QDir>
#include <algorithm>
#include <cmath>

namespace imnn::gui {

RefitController::RefitController(std::shared_ptr<PluginRegistry> registry, QObject *parent)
    : QObject(parent), registry_(std::move(registry)) {
  poll_.setInterval(50);
  connect(&poll_, &QTimer::timeout, this, &RefitController::poll);
}

RefitController::~RefitController() {
  blockSignals(true);
  if (thread_.joinable()) {
    cancel();
    thread_.join();
  }
}

bool RefitController::start(const QString &runDir, const RefitOptions &options, QString *error) {
  if (isRunning()) {
    *error = tr("a refit is already running; cancel it first");
    return false;
  }
  cancel_.store(false);
  done_.store(false);
  maxRounds_ = std::max(1, options.rounds);
  rounds_.clear();
  result_.reset();
  {
    std::lock_guard<std::mutex> lock(mutex_);
    fraction_ = 0;
    message_.clear();
    progressed_ = false;
    newRounds_.clear();
    pending_.reset();
    error_.clear();
  }
  const std::filesystem::path run = QDir::cleanPath(runDir).toStdString();
  RefitOptions o = options;
  const int rounds = maxRounds_;
  // Progress: round k (1-based) of `rounds` fills [(k - 1) / rounds, k / rounds).
  o.on_iteration = [this, rounds](int round, const IterationRecord &r, int max) {
    const double within = max > 0 ? std::min(1.0, (r.iteration_in_call + 1.0) / max) : 0.0;
    std::lock_guard<std::mutex> lock(mutex_);
    fraction_ = (round - 1 + within) / rounds;
    message_ = tr("Refit round %1 of at most %2: iteration %3, det F %4")
                   .arg(round)
                   .arg(rounds)
                   .arg(r.iteration_in_call + 1)
                   .arg(std::isnan(r.val.detF) ? r.train.detF : r.val.detF, 0, 'g', 4);
    progressed_ = true;
  };
  thread_ = std::thread([this, run, o] {
    try {
      auto onRound = [this](const RefitRound &r) {
        std::lock_guard<std::mutex> lock(mutex_);
        newRounds_.push_back(r);
      };
      RefitResult r = refit(run, registry_, o, onRound, &cancel_);
      std::lock_guard<std::mutex> lock(mutex_);
      pending_ = std::move(r);
    } catch (const std::exception &e) {
      std::lock_guard<std::mutex> lock(mutex_);
      error_ = e.what();
    }
    done_.store(true);
  });
  poll_.start();
  emit progress(0.0, tr("Refit: estimating θ̂ of the target with the run's IMNN…"));
  return true;
}

void RefitController::poll() {
  double f = 0;
  QString m;
  bool progressed = false;
  std::vector<RefitRound> fresh;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    std::swap(progressed, progressed_);
    f = fraction_;
    m = message_;
    fresh.swap(newRounds_);
  }
  for (RefitRound &r : fresh) {
    rounds_.push_back(std::move(r));
    emit roundFinished(rounds_.back().round);
  }
  if (progressed) emit progress(f, m);
  if (done_.load()) finish();
}

void RefitController::wait() {
  if (!thread_.joinable()) return;
  thread_.join();
  finish();
}

void RefitController::finish() {
  poll_.stop();
  if (thread_.joinable()) thread_.join();
  std::string error;
  std::vector<RefitRound> fresh;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    error = error_;
    if (pending_) result_ = std::move(pending_);
    pending_.reset();
    fresh.swap(newRounds_);
  }
  for (RefitRound &r : fresh) {
    rounds_.push_back(std::move(r));
    emit roundFinished(rounds_.back().round);
  }
  if (!error.empty()) {
    result_.reset();
    emit finished(false, QString::fromStdString(error));
    return;
  }
  const RefitResult &r = *result_;
  const int fits = static_cast<int>(r.rounds.size()) - 1;
  emit finished(true, r.converged   ? tr("Refit converged at round %1").arg(fits)
                      : r.cancelled ? tr("Refit cancelled; rounds finished: %1").arg(fits)
                                    : tr("Refit did not converge; rounds: %1").arg(fits));
}

} // namespace imnn::gui

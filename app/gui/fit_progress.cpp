#include "fit_progress.h"

#include "number_format.h"

#include <cmath>

namespace imnn::gui {

void FitProgress::reset(int maxIterations, int patience, int minIterations) {
  *this = FitProgress();
  max_ = maxIterations;
  patience_ = patience;
  min_ = minIterations;
}

void FitProgress::add(const IterationRecord &record) {
  done_ = record.iteration_in_call + 1;
  counter_ = record.patience_counter;
  elapsed_ = record.seconds;
  finished_ = false;
  recent_.emplace_back(done_, elapsed_);
  while (recent_.size() > kWindow)
    recent_.pop_front();
}

double FitProgress::iterationsPerSecond() const {
  if (recent_.size() >= 2) {
    const double dt = recent_.back().second - recent_.front().second;
    if (dt > 0) return (recent_.back().first - recent_.front().first) / dt;
  }
  return elapsed_ > 0 ? done_ / elapsed_ : 0.0;
}

std::optional<double> FitProgress::secondsToMax() const {
  const double rate = iterationsPerSecond();
  if (!(rate > 0) || done_ >= max_) return std::nullopt;
  return (max_ - done_) / rate;
}

std::optional<double> FitProgress::secondsToPatienceStop() const {
  const double rate = iterationsPerSecond();
  if (!(rate > 0) || counter_ <= 0 || counter_ >= patience_) return std::nullopt;
  const int left = patience_ - counter_;
  if (done_ + left >= max_) return std::nullopt; // max_iterations comes first
  return left / rate;
}

QString FitProgress::duration(double seconds) {
  const auto s = static_cast<long long>(std::llround(std::max(0.0, seconds)));
  const QLocale l = numbers::locale();
  auto two = [&](long long v) { return l.toString(v).rightJustified(2, l.zeroDigit().at(0)); };
  if (s >= 3600)
    return QStringLiteral("%1:%2:%3").arg(l.toString(s / 3600), two(s / 60 % 60), two(s % 60));
  return QStringLiteral("%1:%2").arg(l.toString(s / 60), two(s % 60));
}

QString FitProgress::text() const {
  if (done_ == 0) return {};
  const double rate = iterationsPerSecond();
  QString t =
      tr("%1 elapsed · %2 it/s")
          .arg(duration(elapsed_), numbers::locale().toString(rate, 'f', rate < 10 ? 2 : 1));
  if (finished_) return t;
  if (const auto left = secondsToMax())
    t += tr(" · %1 left to max_iterations").arg(duration(*left));
  if (const auto stop = secondsToPatienceStop())
    t += tr(" · ≈ %1 to the patience stop").arg(duration(*stop));
  return t;
}

} // namespace imnn::gui

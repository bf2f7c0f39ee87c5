// What the Fit tab says beside its progress bar while a fit runs: the time elapsed,
// iterations per second (over the last iterations, so a slower start does not drag
// it), the estimated time left to max_iterations and, once the patience counter runs,
// to the stop it would give if no better det F comes. Fed with the fit's records;
// no Qt widgets (the main window shows text()).
#pragma once

#include "imnn/fit.h"

#include <QCoreApplication>
#include <QString>
#include <deque>
#include <optional>

namespace imnn::gui {

class FitProgress {
  Q_DECLARE_TR_FUNCTIONS(imnn::gui::FitProgress)

public:
  void reset(int maxIterations, int patience, int minIterations);
  void add(const IterationRecord &record);
  void setFinished(bool finished) { finished_ = finished; }

  int done() const { return done_; } // iterations of this fit call so far
  double elapsedSeconds() const { return elapsed_; }
  // Iterations per second over the last kWindow iterations (0 before two records).
  double iterationsPerSecond() const;
  std::optional<double> secondsToMax() const;
  // While the patience counter runs: the time until it reaches patience.
  std::optional<double> secondsToPatienceStop() const;
  // "0:42 elapsed · 12.3 it/s · 6:30 left to max_iterations · ≈ 0:20 to the patience
  // stop" (translated, numbers in the session's locale); empty before the first record.
  QString text() const;
  // 0:07, 4:05, 1:02:03.
  static QString duration(double seconds);
  static constexpr std::size_t kWindow = 50;

private:
  int max_ = 0, patience_ = 0, min_ = 0;
  int done_ = 0, counter_ = 0;
  double elapsed_ = 0;
  bool finished_ = false;
  std::deque<std::pair<int, double>> recent_; // (done, seconds)
};

} // namespace imnn::gui

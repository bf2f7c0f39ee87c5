// What one fit iteration publishes (its Fisher statistics, loss and counters): the
// fitter's observers, history.csv and checkpoints read it. Kept apart from fit.h so
// that the run directory (io/) knows the rows it writes, not the fit loop.
#pragma once

#include "imnn/fisher.h"

#include <limits>

namespace imnn {

struct SetStatistics {
  double detF = std::numeric_limits<double>::quiet_NaN();
  double detC = std::numeric_limits<double>::quiet_NaN();
  double detinvC = std::numeric_limits<double>::quiet_NaN();
  double Lambda2 = std::numeric_limits<double>::quiet_NaN();
  double r = std::numeric_limits<double>::quiet_NaN();
  static SetStatistics from(const FisherStatistics &s);
};

struct IterationRecord {
  int iteration = 0;   // over the object's life: continues across fit() calls
  SetStatistics train; // at the weights before this iteration's update
  SetStatistics val;   // at the updated weights (NaN when not validating)
  double loss = 0;
  double seconds = 0;  // since the start of this fit() call
  double max_detF = 0; // early-stopping maximum so far
  int patience_counter = 0;
  int iteration_in_call = 0; // 0-based counter of this fit() call
};

} // namespace imnn

// Running a block of code on an OpenMP team, or directly when the team is one thread.
// Private to core.
#pragma once

namespace imnn::detail {

// Runs body() on every thread of a team of `team` threads; body may hold orphaned
// worksharing directives (#pragma omp for), which bind to that team. With team <= 1
// body() runs directly on the calling thread: even a serial (if-false) parallel
// region ends on libgomp's team barrier, and its last arrival makes a futex system
// call. With one-thread workers (imnn/aggregate.h) the Gaussian example made about
// 260 such calls per iteration, about 10% of its time spent in the kernel.
template <class Body>
void omp_team(int team, Body &&body) {
  if (team > 1) {
#pragma omp parallel num_threads(team)
    body();
  } else {
    body();
  }
}

} // namespace imnn::detail

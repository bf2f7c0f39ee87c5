#include "imnn/threads.h"

#include <cstdlib>
#include <omp.h>
#include <thread>
#include <unistd.h>

namespace imnn {

int hardware_threads() {
  const unsigned n = std::thread::hardware_concurrency();
  return n == 0 ? 1 : static_cast<int>(n);
}

int configure_threads(int requested) {
  const int n = requested > 0 ? requested : hardware_threads();
  omp_set_num_threads(n);
  return n;
}

// Spins before an idle worker sleeps: a few microseconds (measured, README "Speed").
constexpr const char *kSpinCount = "1000";

void bound_openmp_spinning(char **argv) {
  if (std::getenv("OMP_WAIT_POLICY") != nullptr || std::getenv("GOMP_SPINCOUNT") != nullptr) return;
  if (::setenv("GOMP_SPINCOUNT", kSpinCount, 1) != 0) return;
  ::execv("/proc/self/exe", argv);
  // execv failed (no /proc): carry on with libgomp's defaults.
}

} // namespace imnn

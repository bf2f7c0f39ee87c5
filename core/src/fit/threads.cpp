#include "imnn/threads.h"

#include <omp.h>
#include <thread>

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

} // namespace imnn

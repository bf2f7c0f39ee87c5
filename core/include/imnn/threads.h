#pragma once

namespace imnn {

// Sets the number of compute threads (OpenMP, hence oneDNN) for the CALLING thread
// and the parallel regions it starts; requested <= 0 means all hardware threads.
// Each worker thread must call it itself: OpenMP's thread count is per thread.
// Returns the effective count.
int configure_threads(int requested);
int hardware_threads();

} // namespace imnn

#pragma once

namespace imnn {

// Sets the number of compute threads (OpenMP, hence oneDNN) for the CALLING thread
// and the parallel regions it starts; requested <= 0 means all hardware threads.
// Each worker thread must call it itself: OpenMP's thread count is per thread.
// Returns the effective count.
int configure_threads(int requested);
int hardware_threads();

// OpenMP's idle workers spin before they sleep (libgomp: 300 000 spins, about a
// millisecond). When anything else runs on the cores - a build, the app's own GUI
// thread, a second fit - the spinning workers steal the time the working ones need
// and a fit runs 20x slower (measured: 3.6 vs 73.6 iterations/s beside a 2-job
// build). libgomp reads its wait policy from the environment when it loads, before
// main(), so the executables call this first thing: when the user has set neither
// OMP_WAIT_POLICY nor GOMP_SPINCOUNT, it sets GOMP_SPINCOUNT=1000 and
// re-executes the program (/proc/self/exe, same arguments). Returns only when no
// re-execution was needed or it failed (then the program simply runs as is).
void bound_openmp_spinning(char **argv);

} // namespace imnn

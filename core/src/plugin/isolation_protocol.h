// The wire format between the engine and imnn-simulator-host (an isolated
// simulator plugin). Private: both sides are built from this source tree.
//
// One stream socket carries frames; one shared memory file (memfd) carries the
// arrays of a call; a second, small one carries the control words below.
// A call: the host writes seeds, thetas into the data memory (its size in the
// request), sends Request{kSimulate...}; the child answers with any number of
// Reply{kLog|kProgress} frames, then one Reply{kDone|kFailed}; on kDone the
// outputs are in the data memory.
#pragma once
#include <atomic>
#include <cstdint>

namespace imnn::isolation {

enum Op : std::uint32_t {
  kInit = 1,             // payload: the options JSON
  kSimulate = 2,         // n simulations
  kSimulateJacobian = 3, // n simulations with Jacobians
  kQuit = 4,
};

struct Request {
  std::uint32_t op = 0;
  std::uint32_t reserved = 0;
  std::uint64_t n = 0;          // simulations in the call
  std::uint64_t data_bytes = 0; // size of the data memory the call uses
  std::uint64_t payload = 0;    // bytes following the frame (kInit)
};

enum Kind : std::uint32_t {
  kDone = 1,     // payload (kInit only): the JSON {"rank": r, "shape": [...]} of the instance
  kFailed = 2,   // payload: the plugin's message
  kLog = 3,      // value: the level; payload: the message
  kProgress = 4, // payload: a double
};

struct Reply {
  std::uint32_t kind = 0;
  std::int32_t value = 0;
  std::uint64_t payload = 0;
};

// The control memory (one page): written by either side with atomics.
struct Control {
  std::atomic<std::int64_t> current{-1}; // simulation of the call now running, -1: a batch call
  std::atomic<std::uint32_t> cancelled{0};
};

// Data memory layout of a call of n simulations with p parameters and `size` values
// each: seeds (n uint64), thetas (n*p), out (n*size), jacobian (n*size*p) doubles.
inline std::uint64_t data_bytes(std::uint64_t n, std::uint64_t p, std::uint64_t size,
                                bool jacobian) {
  return 8 * (n + n * p + n * size + (jacobian ? n * size * p : 0));
}

} // namespace imnn::isolation

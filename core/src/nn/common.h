// Helpers shared by the nn module's sources. Private.
#pragma once

#include "imnn/error.h"
#include "imnn/nn.h"

#include <algorithm>
#include <cstdint>
#include <string>

namespace imnn::nn_detail {

// Elementwise passes below this many floats run on one thread: they stream at
// several floats per nanosecond, and waking a passively waiting OpenMP team
// costs tens of microseconds (measured on the 2-core target), more than it saves.
// The 3000 x 128 activations of the Gaussian example (384k floats) are above it:
// at 1 << 20 they ran on one thread and bench_fit lost about 5%.
inline constexpr Index parallel_threshold = Index(1) << 16;

inline void check_layout(const RowLayout &layout) {
  if (layout.n_primal < 0 || layout.n_tangent_rows < 0 || layout.n_tangents < 0 ||
      layout.n_tangent_rows > layout.n_primal)
    throw Error("nn: invalid row layout (n_primal " + std::to_string(layout.n_primal) +
                ", n_tangent_rows " + std::to_string(layout.n_tangent_rows) + ", n_tangents " +
                std::to_string(layout.n_tangents) +
                "): counts must be >= 0 and n_tangent_rows <= n_primal");
}

inline void check_input(const char *layer, const MatrixF &m, const RowLayout &layout, Index cols) {
  check_layout(layout);
  if (m.rows() != layout.rows() || m.cols() != cols)
    throw Error(std::string("nn: ") + layer + " layer got a " + std::to_string(m.rows()) + "x" +
                std::to_string(m.cols()) + " input, expected " + std::to_string(layout.rows()) +
                "x" + std::to_string(cols));
}

// n normal deviates of standard deviation stddev from Philox4x32-10 (counter = (i / 2,
// stream), key = seed) with Box-Muller: deterministic, independent of the order of
// generation. The layers' initialisation.
void fill_normal(std::uint64_t seed, std::uint32_t stream, double stddev, float *out, Index n);

inline int team_size(int threads, Index work) {
  return work >= parallel_threshold ? std::max(1, threads) : 1;
}
inline int team_size(const Backend &backend, Index work) {
  return team_size(backend.threads(), work);
}

} // namespace imnn::nn_detail

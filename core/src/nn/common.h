// Helpers shared by the nn module's sources. Private.
#pragma once

#include "imnn/error.h"
#include "imnn/nn.h"

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

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

inline void check_input(const char *layer, const Tensor &m, const RowLayout &layout, Index cols) {
  check_layout(layout);
  if (m.rows() != layout.rows() || m.cols() != cols)
    throw Error(std::string("nn: ") + layer + " layer got a " + std::to_string(m.rows()) + "x" +
                std::to_string(m.cols()) + " input, expected " + std::to_string(layout.rows()) +
                "x" + std::to_string(cols));
}

inline void check_grad(const char *layer, const Tensor &g, Index rows, Index cols) {
  if (g.rows() != rows || g.cols() != cols)
    throw Error(std::string("nn: ") + layer + " layer got an output gradient of shape " +
                std::to_string(g.rows()) + "x" + std::to_string(g.cols()) + ", expected " +
                std::to_string(rows) + "x" + std::to_string(cols));
}

// A chain of layers run in order, as Model and each branch of a concat layer run
// them. Its workspace: tensors[i] = output of layer i, tensors[n + i] = adjoint of the
// output of layer i (i < n - 1; the last layer's is the caller's), children[i] = layer
// i's own. offsets[i]: layer i's first parameter.
struct Sequence {
  const std::vector<std::unique_ptr<Layer>> *layers = nullptr;
  const std::vector<Index> *offsets = nullptr;
};
const Tensor &sequence_forward(Backend &backend, const Sequence &seq, const float *params,
                               const Tensor &in, LayerWorkspace &ws, const RowLayout &layout);
void sequence_backward(Backend &backend, const Sequence &seq, const float *params, const Tensor &in,
                       LayerWorkspace &ws, Tensor &out_grad, Tensor *in_grad, float *param_grad,
                       const RowLayout &layout);

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

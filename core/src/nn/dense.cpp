// Dense layer: out = in W (+ b on primal rows), W stored input_size x output_size
// row-major followed by b, so that every GEMM runs without copies.
#include "imnn/error.h"
#include "imnn/nn.h"

#include "nn/common.h"

#include <Random123/philox.h>
#include <cmath>
#include <numbers>
#include <string>

namespace imnn {

namespace nn_detail {

// Normal deviates from Philox4x32-10 (counter = (i, stream), key = seed) with
// Box-Muller: deterministic and independent of the order of generation.
void fill_normal(std::uint64_t seed, std::uint32_t stream, double stddev, float *out, Index n) {
  using Philox = r123::Philox4x32;
  Philox rng;
  const Philox::key_type key{
      {static_cast<std::uint32_t>(seed), static_cast<std::uint32_t>(seed >> 32)}};
  // A uniform in (0, 1) from 32 random bits: never 0, so log() is finite.
  auto uniform = [](std::uint32_t bits) { return (double(bits) + 0.5) * 0x1p-32; };
  for (Index i = 0; i < n; i += 2) {
    const auto idx = static_cast<std::uint64_t>(i / 2);
    const Philox::ctr_type ctr{
        {static_cast<std::uint32_t>(idx), static_cast<std::uint32_t>(idx >> 32), stream, 0}};
    const Philox::ctr_type r = rng(ctr, key);
    const double radius = std::sqrt(-2.0 * std::log(uniform(r.v[0])));
    const double angle = 2.0 * std::numbers::pi * uniform(r.v[1]);
    out[i] = static_cast<float>(stddev * radius * std::cos(angle));
    if (i + 1 < n) out[i + 1] = static_cast<float>(stddev * radius * std::sin(angle));
  }
}

} // namespace nn_detail

namespace {

class DenseLayer final : public Layer {
public:
  DenseLayer(Index in, Index out) : in_(in), out_(out) {}

  std::string type() const override { return "dense"; }
  nlohmann::json describe() const override {
    return {{"type", "dense"}, {"input_size", in_}, {"output_size", out_}};
  }
  Index input_size() const override { return in_; }
  Index output_size() const override { return out_; }
  Index n_parameters() const override { return in_ * out_ + out_; }

  void initialise(std::uint64_t seed, float *params) const override {
    nn_detail::fill_normal(seed, 0, std::sqrt(2.0 / double(in_ + out_)), params,
                           in_ * out_); // glorot
    nn_detail::fill_normal(seed, 1, 0.01, params + in_ * out_, out_);
  }

  void forward(Backend &backend, const float *params, const Tensor &in, Tensor &out,
               const RowLayout &layout, LayerWorkspace &) const override {
    nn_detail::check_input("dense", in, layout, in_);
    const Index rows = in.rows();
    backend.resize(out, rows, out_);
    // All rows (primal and tangent) in one GEMM.
    backend.gemm(false, false, rows, out_, in_, in.data(), in_, params, out_, 0.0f, out.data(),
                 out_);
    // Bias on primal rows only.
    backend.bias_add(out.data(), layout.n_primal, out_, out_, params + in_ * out_);
  }

  void backward(Backend &backend, const float *params, const Tensor &in, const Tensor &,
                Tensor &out_grad, Tensor *in_grad, float *param_grad, const RowLayout &layout,
                LayerWorkspace &) const override {
    nn_detail::check_input("dense", in, layout, in_);
    const Index rows = in.rows();
    nn_detail::check_grad("dense", out_grad, rows, out_);
    const float *g = out_grad.data();
    // W_bar += in^T out_grad over all rows (primal and tangent).
    backend.gemm(true, false, in_, out_, rows, in.data(), in_, g, out_, 1.0f, param_grad, out_);
    // b_bar += column sums of the primal rows.
    backend.bias_grad(g, layout.n_primal, out_, out_, param_grad + in_ * out_);
    if (in_grad != nullptr) { // in_bar = out_grad W^T
      backend.resize(*in_grad, rows, in_);
      backend.gemm(false, true, rows, in_, out_, g, out_, params, out_, 0.0f, in_grad->data(), in_);
    }
  }

private:
  Index in_, out_;
};

} // namespace

std::unique_ptr<Layer> make_dense(Index input_size, Index output_size) {
  if (input_size < 1 || output_size < 1)
    throw Error("dense layer: sizes must be >= 1, got input_size " + std::to_string(input_size) +
                ", output_size " + std::to_string(output_size));
  return std::make_unique<DenseLayer>(input_size, output_size);
}

} // namespace imnn

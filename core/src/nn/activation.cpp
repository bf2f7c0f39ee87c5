// Elementwise activation layer with tangent propagation (DESIGN.md §3).
#include "imnn/error.h"
#include "imnn/nn.h"

#include "nn/activation_math.h"
#include "nn/common.h"
#include "nn/cpu_kernels.h"
#include "omp_team.h"

#include <Eigen/Core>
#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <string>
#include <type_traits>
#include <utility>

namespace imnn {
namespace {

using nn_detail::team_size;

constexpr std::array<std::pair<ActivationKind, const char *>, 8> kNames{{
    {ActivationKind::identity, "identity"},
    {ActivationKind::relu, "relu"},
    {ActivationKind::leaky_relu, "leaky_relu"},
    {ActivationKind::tanh, "tanh"},
    {ActivationKind::softplus, "softplus"},
    {ActivationKind::elu, "elu"},
    {ActivationKind::gelu, "gelu"},
    {ActivationKind::square, "square"},
}};

// Columns are processed in blocks so that sigma'(z_j) of a primal row is computed
// once and applied to all of its tangent rows from a small stack buffer.
constexpr Index kBlock = 64;
// Block of the flat pass over primal rows without tangents.
constexpr Index kFlatBlock = 1024;

// h = sigma(z) and, when d is not null, d = sigma'(z) for len values. The generic
// form is one SIMD loop over value() and d1(). ELU's exponential does not vectorise
// through std::expm1 (glibc's vector maths needs -ffast-math), so its float form
// calls Eigen's vectorised exp over the block and derives sigma' from h.
template <class F>
void eval_block(const F &f, const float *z, float *h, float *d, Index len) {
  if constexpr (std::is_same_v<F, nn_detail::EluFn<float>>) {
    using Array = Eigen::Array<float, Eigen::Dynamic, 1>;
    // e^z - 1 rather than expm1(): Eigen's vectorised expm1 costs an exp, a log and a
    // division (perf: 28% of an ELU fit's time); the absolute error of e^z - 1 is
    // about one float ulp of 1 (6e-8), below the activations' own resolution. One
    // Eigen expression, so that all of it runs on SIMD packets.
    const Eigen::Map<const Array> zv(z, len);
    const float alpha = f.alpha;
    Eigen::Map<Array>(h, len) = zv.max(0.0f) + alpha * (zv.min(0.0f).exp() - 1.0f);
    if (d != nullptr) {
#pragma omp simd
      for (Index c = 0; c < len; ++c)
        d[c] = f.d1_out(z[c], h[c]);
    }
  } else if (d != nullptr) {
#pragma omp simd
    for (Index c = 0; c < len; ++c) {
      d[c] = f.d1(z[c]);
      h[c] = f.value(z[c]);
    }
  } else {
#pragma omp simd
    for (Index c = 0; c < len; ++c)
      h[c] = f.value(z[c]);
  }
}

// sigma'(z) (Order 1) or sigma''(z) (Order 2), from the output h = sigma(z) where the
// activation offers that (ELU: no second exponential).
template <int Order, class F>
float derivative_at(const F &f, float z, float h) {
  static_assert(Order == 1 || Order == 2);
  if constexpr (nn_detail::derivatives_from_output<F>)
    return Order == 1 ? f.d1_out(z, h) : f.d2_out(z, h);
  else
    return Order == 1 ? f.d1(z) : f.d2(z);
}

// Rows [0, t) carry tangents (t = 0 when there are none).
Index tangent_rows(const RowLayout &layout) {
  return layout.n_tangents > 0 ? layout.n_tangent_rows : 0;
}

template <class F>
void activation_forward(const F fn, const float *z, float *h, Index n, const RowLayout &layout,
                        int team) {
  const Index t = tangent_rows(layout);
  const Index p = layout.n_tangents;
  const Index primal_end = layout.n_primal * n;
  const Index block_stride = layout.n_tangent_rows * n; // between tangent blocks
  const Index flat_begin = t * n;
  const Index flat_blocks = (primal_end - flat_begin + kFlatBlock - 1) / kFlatBlock;
  detail::omp_team(team, [&] {
    // A private copy keeps the functor's parameters in registers: through the
    // shared-variable pointer of the outlined region, a conditional read of a
    // parameter (z > 0 ? 1 : slope) is a conditional load and blocks vectorisation.
    const F f = fn;
    // Primal rows with tangents: h = sigma(z), h_dot = sigma'(z) z_dot.
#pragma omp for schedule(static) nowait
    for (Index j = 0; j < t; ++j) {
      const float *zj = z + j * n;
      float *hj = h + j * n;
      for (Index c0 = 0; c0 < n; c0 += kBlock) {
        const Index len = std::min(kBlock, n - c0);
        float d[kBlock];
        eval_block(f, zj + c0, hj + c0, d, len);
        for (Index a = 0; a < p; ++a) {
          const Index off = primal_end + a * block_stride + j * n + c0;
          const float *zt = z + off;
          float *ht = h + off;
#pragma omp simd
          for (Index c = 0; c < len; ++c)
            ht[c] = d[c] * zt[c];
        }
      }
    }
    // Primal rows without tangents: one flat pass in blocks.
#pragma omp for schedule(static)
    for (Index b = 0; b < flat_blocks; ++b) {
      const Index begin = flat_begin + b * kFlatBlock;
      eval_block(f, z + begin, h + begin, static_cast<float *>(nullptr),
                 std::min(kFlatBlock, primal_end - begin));
    }
  });
}

template <class F>
void activation_backward(const F fn, const float *z, const float *hv, const float *og, float *ig,
                         Index n, const RowLayout &layout, int team) {
  const Index t = tangent_rows(layout);
  const Index p = layout.n_tangents;
  const Index primal_end = layout.n_primal * n;
  const Index block_stride = layout.n_tangent_rows * n;
  detail::omp_team(team, [&] {
    // A private copy keeps the functor's parameters in registers: through the
    // shared-variable pointer of the outlined region, a conditional read of a
    // parameter (z > 0 ? 1 : slope) is a conditional load and blocks vectorisation.
    const F f = fn;
    // z_bar = sigma'(z) h_bar + sigma''(z) sum_a z_dot_a h_dot_bar_a,
    // z_dot_bar_a = sigma'(z) h_dot_bar_a.
#pragma omp for schedule(static) nowait
    for (Index j = 0; j < t; ++j) {
      const float *zj = z + j * n;
      const float *hj = hv + j * n;
      const float *gj = og + j * n;
      float *ij = ig + j * n;
      for (Index c0 = 0; c0 < n; c0 += kBlock) {
        const Index len = std::min(kBlock, n - c0);
        float d[kBlock];
        float acc[kBlock];
#pragma omp simd
        for (Index c = 0; c < len; ++c) {
          d[c] = derivative_at<1>(f, zj[c0 + c], hj[c0 + c]);
          acc[c] = 0.0f;
        }
        for (Index a = 0; a < p; ++a) {
          const Index off = primal_end + a * block_stride + j * n + c0;
          const float *zt = z + off;
          const float *gt = og + off;
          float *it = ig + off;
          if constexpr (F::curved) {
#pragma omp simd
            for (Index c = 0; c < len; ++c) {
              it[c] = d[c] * gt[c];
              acc[c] += zt[c] * gt[c];
            }
          } else {
#pragma omp simd
            for (Index c = 0; c < len; ++c)
              it[c] = d[c] * gt[c];
          }
        }
        if constexpr (F::curved) {
#pragma omp simd
          for (Index c = 0; c < len; ++c)
            ij[c0 + c] = d[c] * gj[c0 + c] + derivative_at<2>(f, zj[c0 + c], hj[c0 + c]) * acc[c];
        } else {
#pragma omp simd
          for (Index c = 0; c < len; ++c)
            ij[c0 + c] = d[c] * gj[c0 + c];
        }
      }
    }
#pragma omp for simd schedule(simd : static)
    for (Index i = t * n; i < primal_end; ++i)
      ig[i] = derivative_at<1>(f, z[i], hv[i]) * og[i];
  });
}

// The shortest decimal that reads back as x, as a double (0.01f -> 0.01, not
// 0.009999999776...), so descriptions stay readable.
double readable(float x) {
  char buf[32];
  const auto res = std::to_chars(buf, buf + sizeof buf, x);
  *res.ptr = '\0';
  return std::strtod(buf, nullptr);
}

class ActivationLayer final : public Layer {
public:
  ActivationLayer(const ActivationSpec &spec, Index size) : spec_(spec), size_(size) {}

  std::string type() const override { return "activation"; }
  nlohmann::json describe() const override {
    nlohmann::json j{{"type", "activation"}, {"activation", activation_name(spec_.kind)}};
    if (spec_.kind == ActivationKind::leaky_relu)
      j["negative_slope"] = readable(spec_.negative_slope);
    if (spec_.kind == ActivationKind::elu) j["alpha"] = readable(spec_.alpha);
    j["size"] = size_;
    return j;
  }
  Index input_size() const override { return size_; }
  Index output_size() const override { return size_; }
  Index n_parameters() const override { return 0; }
  void initialise(std::uint64_t, float *) const override {}

  void forward(Backend &backend, const float *, const Tensor &in, Tensor &out,
               const RowLayout &layout, LayerWorkspace &) const override {
    nn_detail::check_input("activation", in, layout, size_);
    backend.resize(out, in.rows(), size_);
    backend.activation_forward(spec_, in.data(), out.data(), size_, layout);
  }

  void backward(Backend &backend, const float *, const Tensor &in, const Tensor &out,
                Tensor &out_grad, Tensor *in_grad, float *, const RowLayout &layout,
                LayerWorkspace &) const override {
    if (in_grad == nullptr) return; // no parameters: nothing else to do
    nn_detail::check_input("activation", in, layout, size_);
    nn_detail::check_grad("activation", out_grad, in.rows(), size_);
    if (out.rows() != in.rows() || out.cols() != size_)
      throw Error("nn: activation layer got an output of shape " + std::to_string(out.rows()) +
                  "x" + std::to_string(out.cols()) + ", expected " + std::to_string(in.rows()) +
                  "x" + std::to_string(size_) + " (the forward pass's)");
    backend.resize(*in_grad, in.rows(), size_);
    backend.activation_backward(spec_, in.data(), out.data(), out_grad.data(), in_grad->data(),
                                size_, layout);
  }

private:
  ActivationSpec spec_;
  Index size_;
};

} // namespace

namespace nn_detail {

void cpu_activation_forward(const ActivationSpec &spec, const float *z, float *h, Index cols,
                            const RowLayout &layout, int threads) {
  const int team = team_size(threads, layout.rows() * cols);
  visit_activation<float>(spec,
                          [&](const auto &f) { activation_forward(f, z, h, cols, layout, team); });
}

void cpu_activation_backward(const ActivationSpec &spec, const float *z, const float *h,
                             const float *out_grad, float *in_grad, Index cols,
                             const RowLayout &layout, int threads) {
  const int team = team_size(threads, layout.rows() * cols);
  visit_activation<float>(spec, [&](const auto &f) {
    activation_backward(f, z, h, out_grad, in_grad, cols, layout, team);
  });
}

} // namespace nn_detail

ActivationKind activation_from_name(const std::string &name) {
  for (const auto &[kind, text] : kNames)
    if (name == text) return kind;
  std::string known;
  for (const auto &[kind, text] : kNames)
    known += (known.empty() ? "" : ", ") + std::string(text);
  throw Error("unknown activation \"" + name + "\"; known activations: " + known);
}

std::string activation_name(ActivationKind kind) {
  for (const auto &[k, text] : kNames)
    if (k == kind) return text;
  throw Error("unknown activation kind " + std::to_string(static_cast<int>(kind)));
}

std::unique_ptr<Layer> make_activation(const ActivationSpec &spec, Index size) {
  if (size < 1) throw Error("activation layer: size must be >= 1, got " + std::to_string(size));
  activation_name(spec.kind); // validates the kind
  if (!std::isfinite(spec.negative_slope))
    throw Error("activation layer: negative_slope must be finite");
  if (!std::isfinite(spec.alpha)) throw Error("activation layer: alpha must be finite");
  return std::make_unique<ActivationLayer>(spec, size);
}

} // namespace imnn

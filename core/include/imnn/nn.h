// Networks with forward-mode tangents and reverse-mode gradients (DESIGN.md §3).
//
// Activations of a batch are one row-major float matrix whose rows are laid out
// as [n_primal primal rows ; n_tangents blocks of n_tangent_rows tangent rows]:
// tangent row j of block alpha is d(primal row j)/d(theta_alpha), j < n_tangent_rows.
// Linear layers act on all rows with one GEMM (bias on primal rows only);
// elementwise layers propagate tangents with sigma'(z) and back-propagate with
// sigma''(z) where it is not zero.
#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace imnn {

using Index = std::ptrdiff_t;
using MatrixF = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

struct RowLayout {
  Index n_primal = 0;       // simulations in the batch
  Index n_tangent_rows = 0; // the first n_tangent_rows simulations carry tangents (<= n_primal)
  Index n_tangents = 0;     // tangents per simulation (n_params), 0 for primal only
  Index rows() const { return n_primal + n_tangent_rows * n_tangents; }
  bool operator==(const RowLayout &) const = default;
};

// A compute place. Layers do all their heavy lifting through it so that other
// backends (CUDA) can follow without touching the layers.
class Backend {
public:
  virtual ~Backend() = default;
  virtual std::string name() const = 0;
  virtual int threads() const = 0;
  // Row-major C(m x n) = op(A)(m x k) * op(B)(k x n) + beta * C, where op(X) is X
  // or its transpose; lda/ldb/ldc are row strides of the matrices as stored.
  virtual void gemm(bool trans_a, bool trans_b, Index m, Index n, Index k, const float *a,
                    Index lda, const float *b, Index ldb, float beta, float *c, Index ldc) = 0;
};

// CPU backend: oneDNN matmul primitives cached per shape, OpenMP elementwise work.
// threads <= 0 means all hardware threads.
std::unique_ptr<Backend> make_cpu_backend(int threads = 0);

enum class ActivationKind { identity, relu, leaky_relu, tanh, softplus, elu, gelu };

struct ActivationSpec {
  ActivationKind kind = ActivationKind::leaky_relu;
  float negative_slope = 0.01f; // leaky_relu
  float alpha = 1.0f;           // elu
};

// "leaky_relu", "relu", ... ; throws imnn::Error listing the known names.
ActivationKind activation_from_name(const std::string &name);
std::string activation_name(ActivationKind kind);

class Layer {
public:
  virtual ~Layer() = default;
  virtual std::string type() const = 0;
  virtual nlohmann::json describe() const = 0;
  virtual Index input_size() const = 0;
  virtual Index output_size() const = 0;
  virtual Index n_parameters() const = 0;
  // Fills n_parameters() values (Dense: W glorot-normal, b normal sigma 0.01 as stax).
  virtual void initialise(std::uint64_t seed, float *params) const = 0;
  // out is resized to (layout.rows() x output_size()).
  virtual void forward(Backend &backend, const float *params, const MatrixF &in, MatrixF &out,
                       const RowLayout &layout) const = 0;
  // Given out_grad = dL/d(out) (all rows; may be overwritten as scratch), adds
  // dL/d(params) into param_grad and, when in_grad is not null, writes dL/d(in).
  virtual void backward(Backend &backend, const float *params, const MatrixF &in,
                        const MatrixF &out, MatrixF &out_grad, MatrixF *in_grad, float *param_grad,
                        const RowLayout &layout) const = 0;
};

std::unique_ptr<Layer> make_dense(Index input_size, Index output_size);
std::unique_ptr<Layer> make_activation(const ActivationSpec &spec, Index size);

// Activations kept between forward and backward; reuse one per thread.
struct Workspace {
  std::vector<MatrixF> acts;  // acts[0] = input, acts[i + 1] = output of layer i
  std::vector<MatrixF> grads; // scratch adjoints
};

class Model {
public:
  Model(std::vector<Index> input_shape, std::vector<std::unique_ptr<Layer>> layers);
  Model(Model &&) noexcept;
  Model &operator=(Model &&) noexcept;
  ~Model();

  const std::vector<Index> &input_shape() const { return input_shape_; }
  Index input_size() const;
  Index output_size() const;
  Index n_parameters() const { return n_parameters_; }
  const std::vector<std::unique_ptr<Layer>> &layers() const { return layers_; }

  std::vector<float> initialise(std::uint64_t seed) const;

  // The caller fills ws.acts[0] (layout.rows() x input_size()); returns the output
  // (layout.rows() x output_size()), which stays valid until the next forward.
  const MatrixF &forward(Backend &backend, const std::vector<float> &w, Workspace &ws,
                         const RowLayout &layout) const;
  // After forward with the same ws: adds dL/dw into grad (size n_parameters()).
  void backward(Backend &backend, const std::vector<float> &w, Workspace &ws,
                const RowLayout &layout, const MatrixF &output_grad,
                std::vector<float> &grad) const;

  nlohmann::json describe() const;

private:
  std::vector<Index> input_shape_;
  std::vector<std::unique_ptr<Layer>> layers_;
  std::vector<Index> offsets_; // parameter offset of each layer
  Index n_parameters_ = 0;
};

} // namespace imnn

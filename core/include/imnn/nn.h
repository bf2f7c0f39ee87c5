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

enum class ActivationKind { identity, relu, leaky_relu, tanh, softplus, elu, gelu };

struct ActivationSpec {
  ActivationKind kind = ActivationKind::leaky_relu;
  float negative_slope = 0.01f; // leaky_relu
  float alpha = 1.0f;           // elu
};

// Images are NHWC, as the reference's stax: each row of a batch is one image of
// height x width x channels floats, channels fastest. A row-major (N, H, W) input is
// read as H x W x 1; a (N, H, W, C) input as H x W x C.
struct ImageShape {
  Index height = 0, width = 0, channels = 0;
  Index size() const { return height * width * channels; }
  bool operator==(const ImageShape &) const = default;
};

// SAME: output = ceil(input / stride), zero padding split as evenly as possible with
// the extra row/column at the bottom/right (TensorFlow's and stax's rule); VALID: no
// padding, output = ceil((input - kernel + 1) / stride).
enum class Padding { same, valid };

// A 2-D window (convolution kernel or pooling window) over a batch of images, with
// the padding resolved. Kernels are stored HWIO: (kernel_h, kernel_w, in channels,
// out channels), out channels fastest, as stax.
struct Window2d {
  Index rows = 0; // images in the batch (primal and tangent rows alike)
  ImageShape in, out;
  Index kernel_h = 0, kernel_w = 0, stride_h = 1, stride_w = 1;
  Index pad_top = 0, pad_left = 0, pad_bottom = 0, pad_right = 0;
};

// The window of a kernel (kh x kw, stride sh x sw) over `in`, out_channels outputs
// (pooling: in.channels). Throws imnn::Error naming the problem (a stride below 1, a
// kernel larger than the padded input, an empty output).
Window2d make_window(const ImageShape &in, Index out_channels, Index kernel_h, Index kernel_w,
                     Index stride_h, Index stride_w, Padding padding);

enum class PoolKind { max, average };

// A compute place. Layers do all their heavy lifting through it, and touch no element
// memory themselves, so that other backends (CUDA) can follow without touching the
// layers. Batches follow the RowLayout contract above (primal rows, then tangent
// blocks); every pointer is memory of this backend (host memory for the CPU backend).
class Backend {
public:
  virtual ~Backend() = default;
  virtual std::string name() const = 0;
  virtual int threads() const = 0;
  // Row-major C(m x n) = op(A)(m x k) * op(B)(k x n) + beta * C, where op(X) is X
  // or its transpose; lda/ldb/ldc are row strides of the matrices as stored.
  virtual void gemm(bool trans_a, bool trans_b, Index m, Index n, Index k, const float *a,
                    Index lda, const float *b, Index ldb, float beta, float *c, Index ldc) = 0;
  // x[r][i] += bias[i % channels] for the first `rows` rows of row_size floats (the
  // primal rows: tangents carry no bias).
  virtual void bias_add(float *x, Index rows, Index row_size, Index channels,
                        const float *bias) = 0;
  // bias_grad[c] += sum over the first `rows` rows and positions i with i % channels
  // == c of g[r][i].
  virtual void bias_grad(const float *g, Index rows, Index row_size, Index channels,
                         float *bias_grad) = 0;
  // h = sigma(z) on primal rows, h_dot = sigma'(z) z_dot on tangent rows (cols floats a
  // row), and back: in_grad = z_bar from out_grad = h_bar (out_grad may be overwritten).
  virtual void activation_forward(const ActivationSpec &spec, const float *z, float *h, Index cols,
                                  const RowLayout &layout) = 0;
  virtual void activation_backward(const ActivationSpec &spec, const float *z, const float *h,
                                   float *out_grad, float *in_grad, Index cols,
                                   const RowLayout &layout) = 0;
  // Convolution without bias over all w.rows images (linear, so tangent rows too):
  // out = in * kernel; in_grad = out_grad *^T kernel; kernel_grad += in^T out_grad.
  virtual void conv2d_forward(const Window2d &w, const float *in, const float *kernel,
                              float *out) = 0;
  virtual void conv2d_backward_data(const Window2d &w, const float *out_grad, const float *kernel,
                                    float *in_grad) = 0;
  virtual void conv2d_backward_weights(const Window2d &w, const float *in, const float *out_grad,
                                       float *kernel_grad) = 0;
  // Pooling of layout.rows() images. Average pooling counts only the input elements
  // of a window (padding excluded) and is linear; max pooling takes each primal
  // window's largest element (the first of equal ones), and a tangent row takes its
  // element at the primal row's position, so tangents are exact derivatives.
  virtual void pool2d_forward(PoolKind kind, const Window2d &w, const float *in, float *out,
                              const RowLayout &layout) = 0;
  // in_grad = the adjoint of pool2d_forward applied to out_grad (in: the forward input).
  virtual void pool2d_backward(PoolKind kind, const Window2d &w, const float *in,
                               const float *out_grad, float *in_grad, const RowLayout &layout) = 0;
};

// CPU backend: oneDNN matmul and convolution primitives cached per shape, OpenMP
// elementwise work. threads <= 0 means all hardware threads.
std::unique_ptr<Backend> make_cpu_backend(int threads = 0);

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
// 2-D convolution of NHWC images: kernel HWIO then one bias per output channel
// (primal rows only), stride and SAME/VALID padding as stax.Conv. Errors (make_window)
// name the shapes.
std::unique_ptr<Layer> make_conv2d(const ImageShape &in, Index out_channels, Index kernel_h,
                                   Index kernel_w, Index stride_h, Index stride_w, Padding padding);
// Max or average pooling (stax.MaxPool / AvgPool).
std::unique_ptr<Layer> make_pool2d(PoolKind kind, const ImageShape &in, Index window_h,
                                   Index window_w, Index stride_h, Index stride_w, Padding padding);
// The output image of a conv2d or pool2d layer (what the next layer takes).
ImageShape image_output(const Layer &layer);

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

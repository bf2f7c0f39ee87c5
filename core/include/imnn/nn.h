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

// square: sigma(z) = z^2, for networks that estimate power (a quadratic form of the
// input, e.g. band powers of a Gaussian field: convolution, square, global average pool).
enum class ActivationKind { identity, relu, leaky_relu, tanh, softplus, elu, gelu, square };

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

class Backend;

// A row-major float matrix (rows x cols, contiguous) in one backend's memory: host
// memory for the CPU backend, device memory for a device backend. Only its backend
// touches the elements; host code moves data in and out with Backend::upload and
// Backend::download (or, where Backend::host_memory(), reads data() directly). A
// tensor keeps its storage when reshaped to a size it can hold, so a workspace reused
// with the same shapes allocates nothing. A view (Backend::view) borrows memory it
// does not own. Move-only; it must not outlive its backend.
class Tensor {
public:
  Tensor() = default;
  Tensor(Tensor &&) noexcept = default;
  Tensor &operator=(Tensor &&) noexcept = default;
  Tensor(const Tensor &) = delete;
  Tensor &operator=(const Tensor &) = delete;

  Index rows() const { return rows_; }
  Index cols() const { return cols_; }
  Index size() const { return rows_ * cols_; }
  float *data() { return data_; }
  const float *data() const { return data_; }
  const Backend *backend() const { return backend_; }
  bool is_view() const { return data_ != nullptr && !storage_; }

private:
  friend class Backend;
  const Backend *backend_ = nullptr;
  std::shared_ptr<float> storage_; // null for a view
  float *data_ = nullptr;
  Index rows_ = 0, cols_ = 0, capacity_ = 0;
};

// A compute place. Layers do all their heavy lifting through it, and touch no element
// memory themselves, so that other backends (CUDA) can follow without touching the
// layers. Batches follow the RowLayout contract above (primal rows, then tangent
// blocks); every pointer is memory of this backend (host memory for the CPU backend).
class Backend {
public:
  virtual ~Backend() = default;
  virtual std::string name() const = 0;
  virtual int threads() const = 0;
  // True when this backend's memory is host memory, so that a host array can be used in
  // place (view) and a tensor's data() read by host code.
  virtual bool host_memory() const = 0;

  // Shapes t as rows x cols of this backend's memory, keeping its storage when it is
  // this backend's and large enough; the contents are unspecified after it grows. A
  // view, or another backend's tensor, gets storage of its own.
  void resize(Tensor &t, Index rows, Index cols);
  // A tensor over rows x cols floats of this backend's memory that it does not own.
  Tensor view(float *data, Index rows, Index cols) const;
  // rows x cols host floats into t (resized), and t back into host memory (t.size()).
  void upload(const float *host, Index rows, Index cols, Tensor &t);
  void download(const Tensor &t, float *host);
  // Host data to read from: a view of it where host_memory() (no copy), else uploaded
  // into `storage`. Returns the tensor that holds it.
  const Tensor &stage(const float *host, Index rows, Index cols, Tensor &storage);

  // Elementwise work in this backend's memory: x[i] = value; y[i] += x[i].
  virtual void fill(float *x, Index n, float value) = 0;
  virtual void add(const float *x, float *y, Index n) = 0;
  // dst[r * dst_ld + c] = (or +=, when accumulate) src[r * src_ld + c] for r < rows,
  // c < cols: a strided block copy. With rows = images x pixels of NHWC images it
  // places a branch's channels into a concatenation, and takes them back out.
  virtual void copy_strided(Index rows, Index cols, const float *src, Index src_ld, float *dst,
                            Index dst_ld, bool accumulate) = 0;

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

protected:
  // n uninitialised floats of this backend's memory, freed by the pointer's deleter.
  virtual std::shared_ptr<float> allocate(Index n) = 0;
  // n floats from host memory into this backend's memory, and back.
  virtual void write(const float *host, float *dst, Index n) = 0;
  virtual void read(const float *src, float *host, Index n) = 0;
};

// CPU backend: oneDNN matmul and convolution primitives cached per shape, OpenMP
// elementwise work. threads <= 0 means all hardware threads.
std::unique_ptr<Backend> make_cpu_backend(int threads = 0);

// "leaky_relu", "relu", ... ; throws imnn::Error listing the known names.
ActivationKind activation_from_name(const std::string &name);
std::string activation_name(ActivationKind kind);

// What a layer keeps between its forward and its backward pass besides its input and
// output: a composite layer's inner activations. Model keeps one per layer.
struct LayerWorkspace {
  std::vector<Tensor> tensors;
  std::vector<LayerWorkspace> children;
};

class Layer {
public:
  virtual ~Layer() = default;
  virtual std::string type() const = 0;
  virtual nlohmann::json describe() const = 0;
  virtual Index input_size() const = 0;
  virtual Index output_size() const = 0;
  virtual Index n_parameters() const = 0;
  // Fills n_parameters() host values (Dense: W glorot-normal, b normal sigma 0.01 as stax).
  virtual void initialise(std::uint64_t seed, float *params) const = 0;
  // params, param_grad and the tensors are the backend's memory. out is reshaped to
  // (layout.rows() x output_size()).
  virtual void forward(Backend &backend, const float *params, const Tensor &in, Tensor &out,
                       const RowLayout &layout, LayerWorkspace &ws) const = 0;
  // After forward with the same ws: given out_grad = dL/d(out) (all rows; may be
  // overwritten as scratch), adds dL/d(params) into param_grad and, when in_grad is not
  // null, writes dL/d(in) there (reshaped).
  virtual void backward(Backend &backend, const float *params, const Tensor &in, const Tensor &out,
                        Tensor &out_grad, Tensor *in_grad, float *param_grad,
                        const RowLayout &layout, LayerWorkspace &ws) const = 0;
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
// The image padded by wrapping around its edges (top rows from the bottom, ...), for
// periodic fields: with a VALID convolution after it, a periodic (circular) convolution.
// Each padding must be at most the image's size on its axis.
std::unique_ptr<Layer> make_circular_pad(const ImageShape &in, Index top, Index left, Index bottom,
                                         Index right);
// Parallel branches over one input image whose output images, of one height and
// width, are concatenated along channels in branch order (an inception block). Each
// branch is a chain of image layers; its parameters follow the previous branch's.
std::unique_ptr<Layer> make_concat(const ImageShape &in,
                                   std::vector<std::vector<std::unique_ptr<Layer>>> branches);
// The same values read as a plain vector (flatten: an image for a dense head) or as an
// image of another shape (reshape, out.size() == in_size). No copy: the output is a
// view of the input.
std::unique_ptr<Layer> make_flatten(const ImageShape &in);
std::unique_ptr<Layer> make_reshape(Index in_size, const ImageShape &out);
// The output image of a conv2d, pool2d, concat or reshape layer (what the next layer
// takes); throws for layers that output plain vectors.
ImageShape image_output(const Layer &layer);

// Everything a Model keeps between forward and backward; reuse one per thread and
// backend (its tensors are that backend's memory).
struct Workspace {
  MatrixF input;      // host input: the caller fills it (layout.rows() x input_size())
  MatrixF output;     // host copy of the output, written by the host-level forward
  LayerWorkspace net; // each layer's output, adjoint scratch and inner activations
  Tensor input_tensor, weights, weight_grad, output_grad, input_grad;
  const Tensor *forward_input = nullptr; // the input of the last forward
  std::vector<float> host_grad;          // a device backend's gradient, read back
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

  // Host level: the caller fills ws.input (layout.rows() x input_size()); returns the
  // output (layout.rows() x output_size()) in host memory, valid until the next forward.
  const MatrixF &forward(Backend &backend, const std::vector<float> &w, Workspace &ws,
                         const RowLayout &layout) const;
  // After forward with the same ws: adds dL/dw into grad (size n_parameters()) and, when
  // input_grad is not null, writes dL/d(input) there.
  void backward(Backend &backend, const std::vector<float> &w, Workspace &ws,
                const RowLayout &layout, const MatrixF &output_grad, std::vector<float> &grad,
                MatrixF *input_grad = nullptr) const;

  // Backend level (nothing crosses to the host): weights w (1 x n_parameters()) and input
  // in (layout.rows() x input_size()) in the backend's memory; in must stay valid until
  // backward. Returns the output tensor, owned by ws.
  const Tensor &forward(Backend &backend, const Tensor &w, const Tensor &in, Workspace &ws,
                        const RowLayout &layout) const;
  // Adds dL/dw into grad (1 x n_parameters(), backend memory); output_grad (the output's
  // shape) is used as scratch; input_grad, when not null, receives dL/d(input).
  void backward(Backend &backend, const Tensor &w, Workspace &ws, const RowLayout &layout,
                Tensor &output_grad, Tensor &grad, Tensor *input_grad = nullptr) const;

  nlohmann::json describe() const;

  // Data-dependent initialisation of the output (an IMNN's summaries): given the outputs
  // x (n x output_size(), n > output_size()) of the network at weights w on a batch of
  // simulations, changes the last layer with parameters so that the outputs become
  // L^-1 (x - mean), C = L L^T their covariance: zero mean and identity covariance, the
  // point the IMNN's regulariser pulls towards. The Fisher information of the summaries
  // does not change (it is invariant under affine maps); only the start of the
  // optimisation does (see README, fit.whiten_init). The layer must be dense or conv2d
  // followed only by flatten/reshape layers. Returns false, w unchanged, when the model
  // has no such layer or C is not positive definite (a dead output).
  bool whiten_outputs(std::vector<float> &w, const Eigen::MatrixXd &x) const;

private:
  std::vector<Index> input_shape_;
  std::vector<std::unique_ptr<Layer>> layers_;
  std::vector<Index> offsets_; // parameter offset of each layer
  Index n_parameters_ = 0;
};

} // namespace imnn

// A sequential model: layers, parameter offsets, forward and backward passes over
// a reusable Workspace (no allocation once its shapes are settled).
#include "imnn/error.h"
#include "imnn/nn.h"

#include "nn/common.h"

#include <Eigen/Cholesky>
#include <string>

namespace imnn {
namespace {

std::uint64_t splitmix64(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ull;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}

std::string shape_text(const MatrixF &m) {
  return std::to_string(m.rows()) + "x" + std::to_string(m.cols());
}

} // namespace

Model::Model(std::vector<Index> input_shape, std::vector<std::unique_ptr<Layer>> layers)
    : input_shape_(std::move(input_shape)), layers_(std::move(layers)) {
  if (input_shape_.empty()) throw Error("model: the input shape is empty");
  Index size = 1;
  for (Index d : input_shape_) {
    if (d < 1) throw Error("model: input shape dimensions must be >= 1");
    size *= d;
  }
  if (layers_.empty()) throw Error("model: no layers");
  offsets_.reserve(layers_.size());
  for (std::size_t i = 0; i < layers_.size(); ++i) {
    const Layer *layer = layers_[i].get();
    if (layer == nullptr) throw Error("model: layer " + std::to_string(i) + " is null");
    if (layer->input_size() != size)
      throw Error("model: layer " + std::to_string(i) + " (" + layer->type() +
                  ") expects input size " + std::to_string(layer->input_size()) + " but " +
                  (i == 0 ? std::string("the model input has size ")
                          : "layer " + std::to_string(i - 1) + " outputs size ") +
                  std::to_string(size));
    offsets_.push_back(n_parameters_);
    n_parameters_ += layer->n_parameters();
    size = layer->output_size();
  }
}

Model::Model(Model &&) noexcept = default;
Model &Model::operator=(Model &&) noexcept = default;
Model::~Model() = default;

Index Model::input_size() const {
  return layers_.front()->input_size();
}
Index Model::output_size() const {
  return layers_.back()->output_size();
}

std::vector<float> Model::initialise(std::uint64_t seed) const {
  std::vector<float> w(static_cast<std::size_t>(n_parameters_));
  for (std::size_t i = 0; i < layers_.size(); ++i)
    layers_[i]->initialise(splitmix64(seed ^ splitmix64(i + 1)), w.data() + offsets_[i]);
  return w;
}

const Tensor &Model::forward(Backend &backend, const Tensor &w, const Tensor &in, Workspace &ws,
                             const RowLayout &layout) const {
  nn_detail::check_layout(layout);
  if (w.size() != n_parameters_)
    throw Error("model: forward got " + std::to_string(w.size()) + " weights, the model has " +
                std::to_string(n_parameters_));
  if (in.rows() != layout.rows() || in.cols() != input_size())
    throw Error("model: forward input is " + std::to_string(in.rows()) + "x" +
                std::to_string(in.cols()) + ", expected " + std::to_string(layout.rows()) + "x" +
                std::to_string(input_size()));
  ws.forward_input = &in;
  return nn_detail::sequence_forward(backend, {&layers_, &offsets_}, w.data(), in, ws.net, layout);
}

void Model::backward(Backend &backend, const Tensor &w, Workspace &ws, const RowLayout &layout,
                     Tensor &output_grad, Tensor &grad, Tensor *input_grad) const {
  nn_detail::check_layout(layout);
  if (w.size() != n_parameters_ || grad.size() != n_parameters_)
    throw Error("model: backward needs weights and gradient of size " +
                std::to_string(n_parameters_) + ", got " + std::to_string(w.size()) + " and " +
                std::to_string(grad.size()));
  const std::size_t n = layers_.size();
  if (ws.forward_input == nullptr || ws.net.tensors.size() != 2 * n ||
      ws.forward_input->rows() != layout.rows() || ws.net.tensors[n - 1].rows() != layout.rows())
    throw Error("model: backward needs the workspace of a forward pass with the same layout");
  if (output_grad.rows() != layout.rows() || output_grad.cols() != output_size())
    throw Error("model: output gradient is " + std::to_string(output_grad.rows()) + "x" +
                std::to_string(output_grad.cols()) + ", expected " + std::to_string(layout.rows()) +
                "x" + std::to_string(output_size()));
  nn_detail::sequence_backward(backend, {&layers_, &offsets_}, w.data(), *ws.forward_input, ws.net,
                               output_grad, input_grad, grad.data(), layout);
}

const MatrixF &Model::forward(Backend &backend, const std::vector<float> &w, Workspace &ws,
                              const RowLayout &layout) const {
  nn_detail::check_layout(layout);
  if (static_cast<Index>(w.size()) != n_parameters_)
    throw Error("model: forward got " + std::to_string(w.size()) + " weights, the model has " +
                std::to_string(n_parameters_));
  if (ws.input.rows() != layout.rows() || ws.input.cols() != input_size())
    throw Error("model: forward input is " + shape_text(ws.input) + ", expected " +
                std::to_string(layout.rows()) + "x" + std::to_string(input_size()) + " (ws.input)");
  const Tensor &wt = backend.stage(w.data(), 1, n_parameters_, ws.weights);
  const Tensor &in =
      backend.stage(ws.input.data(), ws.input.rows(), ws.input.cols(), ws.input_tensor);
  const Tensor &out = forward(backend, wt, in, ws, layout);
  ws.output.resize(out.rows(), out.cols());
  backend.download(out, ws.output.data());
  return ws.output;
}

void Model::backward(Backend &backend, const std::vector<float> &w, Workspace &ws,
                     const RowLayout &layout, const MatrixF &output_grad, std::vector<float> &grad,
                     MatrixF *input_grad) const {
  if (static_cast<Index>(w.size()) != n_parameters_ ||
      static_cast<Index>(grad.size()) != n_parameters_)
    throw Error("model: backward needs weights and gradient of size " +
                std::to_string(n_parameters_) + ", got " + std::to_string(w.size()) + " and " +
                std::to_string(grad.size()));
  if (output_grad.rows() != layout.rows() || output_grad.cols() != output_size())
    throw Error("model: output gradient is " + shape_text(output_grad) + ", expected " +
                std::to_string(layout.rows()) + "x" + std::to_string(output_size()));
  const Tensor &wt = backend.stage(w.data(), 1, n_parameters_, ws.weights);
  // Layers use the output adjoint as scratch: always a copy.
  backend.upload(output_grad.data(), output_grad.rows(), output_grad.cols(), ws.output_grad);
  Tensor *ig = input_grad != nullptr ? &ws.input_grad : nullptr;
  if (backend.host_memory()) {
    // The gradient is accumulated in place.
    Tensor g = backend.view(grad.data(), 1, n_parameters_);
    backward(backend, wt, ws, layout, ws.output_grad, g, ig);
  } else {
    backend.resize(ws.weight_grad, 1, n_parameters_);
    backend.fill(ws.weight_grad.data(), n_parameters_, 0.0f);
    backward(backend, wt, ws, layout, ws.output_grad, ws.weight_grad, ig);
    ws.host_grad.resize(grad.size());
    backend.download(ws.weight_grad, ws.host_grad.data());
    for (std::size_t i = 0; i < grad.size(); ++i)
      grad[i] += ws.host_grad[i];
  }
  if (input_grad != nullptr) {
    input_grad->resize(ws.input_grad.rows(), ws.input_grad.cols());
    backend.download(ws.input_grad, input_grad->data());
  }
}

bool Model::whiten_outputs(std::vector<float> &w, const Eigen::MatrixXd &x) const {
  const Index k = output_size();
  if (static_cast<Index>(w.size()) != n_parameters_ || x.cols() != k)
    throw Error("model: whiten_outputs needs " + std::to_string(n_parameters_) +
                " weights and outputs with " + std::to_string(k) + " columns");
  if (x.rows() <= k || !x.allFinite()) return false;
  // The last layer with parameters; only shape-only layers may follow it.
  std::size_t last = layers_.size();
  while (last > 0 && layers_[last - 1]->n_parameters() == 0) {
    const std::string t = layers_[last - 1]->type();
    if (t != "flatten" && t != "reshape") return false;
    --last;
  }
  if (last == 0) return false;
  const Layer &layer = *layers_[last - 1];
  if ((layer.type() != "dense" && layer.type() != "conv2d") || layer.output_size() != k)
    return false; // a conv2d with k outputs has a 1 x 1 x k output image
  // Kernel (..., k) with the output channel fastest, then k biases (dense and conv2d).
  const Index n_kernel = layer.n_parameters() - k;
  float *kernel = w.data() + offsets_[last - 1];
  float *bias = kernel + n_kernel;

  const Eigen::RowVectorXd mean = x.colwise().mean();
  const Eigen::MatrixXd centred = x.rowwise() - mean;
  const Eigen::MatrixXd cov = (centred.transpose() * centred) / static_cast<double>(x.rows() - 1);
  const Eigen::LLT<Eigen::MatrixXd> llt(cov);
  if (llt.info() != Eigen::Success) return false;
  const Eigen::MatrixXd Linv =
      llt.matrixL().solve(Eigen::MatrixXd::Identity(k, k)); // lower triangular
  if (!Linv.allFinite()) return false;
  // out'_c = sum_d Linv(c, d) (out_d - mean_d): each kernel row (one input) and the bias
  // go through Linv, in double.
  Eigen::VectorXd row(k);
  for (Index i = 0; i < n_kernel / k; ++i) {
    float *r = kernel + i * k;
    for (Index d = 0; d < k; ++d)
      row(d) = r[d];
    const Eigen::VectorXd mapped = Linv * row;
    for (Index c = 0; c < k; ++c)
      r[c] = static_cast<float>(mapped(c));
  }
  for (Index d = 0; d < k; ++d)
    row(d) = static_cast<double>(bias[d]) - mean(d);
  const Eigen::VectorXd b = Linv * row;
  for (Index c = 0; c < k; ++c)
    bias[c] = static_cast<float>(b(c));
  return true;
}

nlohmann::json Model::describe() const {
  nlohmann::json layers = nlohmann::json::array();
  for (const auto &layer : layers_)
    layers.push_back(layer->describe());
  return {{"input_shape", input_shape_}, {"layers", layers}, {"n_parameters", n_parameters_}};
}

} // namespace imnn

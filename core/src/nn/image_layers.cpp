// Layers over NHWC images: 2-D convolution (kernel HWIO, bias per output channel on
// primal rows only: the layer is linear, so tangent rows go through the same kernel)
// and max/average pooling. All element work is the backend's.
#include "imnn/error.h"
#include "imnn/nn.h"

#include "nn/common.h"

#include <cmath>
#include <string>

namespace imnn {

namespace {

std::string text(const ImageShape &s) {
  return std::to_string(s.height) + "x" + std::to_string(s.width) + "x" +
         std::to_string(s.channels);
}

nlohmann::json json_of(const ImageShape &s) {
  return nlohmann::json::array({s.height, s.width, s.channels});
}

// TensorFlow's SAME/VALID output size and padding on one axis.
void axis(Index in, Index kernel, Index stride, Padding padding, Index &out, Index &before,
          Index &after) {
  if (padding == Padding::same) {
    out = (in + stride - 1) / stride;
    const Index total = std::max<Index>((out - 1) * stride + kernel - in, 0);
    before = total / 2;
    after = total - before;
  } else {
    out = in >= kernel ? (in - kernel) / stride + 1 : 0;
    before = after = 0;
  }
}

// Layers that take and give images.
class ImageLayer : public Layer {
public:
  explicit ImageLayer(const Window2d &w) : w_(w) {}
  Index input_size() const override { return w_.in.size(); }
  Index output_size() const override { return w_.out.size(); }
  const ImageShape &output_image() const { return w_.out; }

protected:
  Window2d window(const MatrixF &in) const {
    Window2d w = w_;
    w.rows = in.rows();
    return w;
  }
  void check_grad(const char *layer, const MatrixF &out_grad, Index rows) const {
    if (out_grad.rows() != rows || out_grad.cols() != w_.out.size())
      throw Error(std::string("nn: ") + layer + " layer got an output gradient of shape " +
                  std::to_string(out_grad.rows()) + "x" + std::to_string(out_grad.cols()) +
                  ", expected " + std::to_string(rows) + "x" + std::to_string(w_.out.size()));
  }
  nlohmann::json window_json() const {
    return {{"input", json_of(w_.in)},
            {"output", json_of(w_.out)},
            {"kernel", {w_.kernel_h, w_.kernel_w}},
            {"strides", {w_.stride_h, w_.stride_w}},
            {"padding", {w_.pad_top, w_.pad_left, w_.pad_bottom, w_.pad_right}}};
  }
  Window2d w_;
};

class Conv2dLayer final : public ImageLayer {
public:
  using ImageLayer::ImageLayer;
  std::string type() const override { return "conv2d"; }
  nlohmann::json describe() const override {
    nlohmann::json j = window_json();
    j["type"] = "conv2d";
    return j;
  }
  Index kernel_size() const { return w_.kernel_h * w_.kernel_w * w_.in.channels * w_.out.channels; }
  Index n_parameters() const override { return kernel_size() + w_.out.channels; }

  // Glorot normal over the kernel's fan-in and fan-out (stax.Conv's default), bias
  // normal with sigma 0.01 as the dense layer's.
  void initialise(std::uint64_t seed, float *params) const override {
    const double receptive = double(w_.kernel_h * w_.kernel_w);
    const double fan = receptive * double(w_.in.channels + w_.out.channels);
    nn_detail::fill_normal(seed, 0, std::sqrt(2.0 / fan), params, kernel_size());
    nn_detail::fill_normal(seed, 1, 0.01, params + kernel_size(), w_.out.channels);
  }

  void forward(Backend &backend, const float *params, const MatrixF &in, MatrixF &out,
               const RowLayout &layout) const override {
    nn_detail::check_input("conv2d", in, layout, w_.in.size());
    out.resize(in.rows(), w_.out.size());
    backend.conv2d_forward(window(in), in.data(), params, out.data());
    backend.bias_add(out.data(), layout.n_primal, w_.out.size(), w_.out.channels,
                     params + kernel_size());
  }

  void backward(Backend &backend, const float *params, const MatrixF &in, const MatrixF &,
                MatrixF &out_grad, MatrixF *in_grad, float *param_grad,
                const RowLayout &layout) const override {
    nn_detail::check_input("conv2d", in, layout, w_.in.size());
    check_grad("conv2d", out_grad, in.rows());
    const Window2d w = window(in);
    backend.conv2d_backward_weights(w, in.data(), out_grad.data(), param_grad);
    backend.bias_grad(out_grad.data(), layout.n_primal, w_.out.size(), w_.out.channels,
                      param_grad + kernel_size());
    if (in_grad != nullptr) {
      in_grad->resize(in.rows(), w_.in.size());
      backend.conv2d_backward_data(w, out_grad.data(), params, in_grad->data());
    }
  }
};

class Pool2dLayer final : public ImageLayer {
public:
  Pool2dLayer(PoolKind kind, const Window2d &w) : ImageLayer(w), kind_(kind) {}
  std::string type() const override { return kind_ == PoolKind::max ? "max_pool" : "avg_pool"; }
  nlohmann::json describe() const override {
    nlohmann::json j = window_json();
    j["type"] = type();
    return j;
  }
  Index n_parameters() const override { return 0; }
  void initialise(std::uint64_t, float *) const override {}

  void forward(Backend &backend, const float *, const MatrixF &in, MatrixF &out,
               const RowLayout &layout) const override {
    nn_detail::check_input(type().c_str(), in, layout, w_.in.size());
    out.resize(in.rows(), w_.out.size());
    backend.pool2d_forward(kind_, window(in), in.data(), out.data(), layout);
  }

  void backward(Backend &backend, const float *, const MatrixF &in, const MatrixF &,
                MatrixF &out_grad, MatrixF *in_grad, float *,
                const RowLayout &layout) const override {
    if (in_grad == nullptr) return;
    nn_detail::check_input(type().c_str(), in, layout, w_.in.size());
    check_grad(type().c_str(), out_grad, in.rows());
    in_grad->resize(in.rows(), w_.in.size());
    backend.pool2d_backward(kind_, window(in), in.data(), out_grad.data(), in_grad->data(), layout);
  }

private:
  PoolKind kind_;
};

} // namespace

Window2d make_window(const ImageShape &in, Index out_channels, Index kernel_h, Index kernel_w,
                     Index stride_h, Index stride_w, Padding padding) {
  if (in.height < 1 || in.width < 1 || in.channels < 1)
    throw Error("input image " + text(in) + ": every dimension must be >= 1");
  if (kernel_h < 1 || kernel_w < 1)
    throw Error("kernel " + std::to_string(kernel_h) + "x" + std::to_string(kernel_w) +
                ": both sizes must be >= 1");
  if (stride_h < 1 || stride_w < 1)
    throw Error("stride " + std::to_string(stride_h) + "x" + std::to_string(stride_w) +
                ": both must be >= 1");
  if (out_channels < 1)
    throw Error("output channels " + std::to_string(out_channels) + ": must be >= 1");
  Window2d w;
  w.in = in;
  w.kernel_h = kernel_h;
  w.kernel_w = kernel_w;
  w.stride_h = stride_h;
  w.stride_w = stride_w;
  w.out.channels = out_channels;
  axis(in.height, kernel_h, stride_h, padding, w.out.height, w.pad_top, w.pad_bottom);
  axis(in.width, kernel_w, stride_w, padding, w.out.width, w.pad_left, w.pad_right);
  if (w.out.height < 1 || w.out.width < 1)
    throw Error("kernel " + std::to_string(kernel_h) + "x" + std::to_string(kernel_w) +
                " is larger than the " + (padding == Padding::valid ? "unpadded " : "") +
                "input image " + text(in) +
                " (VALID padding leaves no output): use a smaller "
                "kernel, SAME padding, or fewer pooling steps before it");
  return w;
}

std::unique_ptr<Layer> make_conv2d(const ImageShape &in, Index out_channels, Index kernel_h,
                                   Index kernel_w, Index stride_h, Index stride_w,
                                   Padding padding) {
  try {
    return std::make_unique<Conv2dLayer>(
        make_window(in, out_channels, kernel_h, kernel_w, stride_h, stride_w, padding));
  } catch (const Error &e) {
    throw Error(std::string("conv2d layer: ") + e.what());
  }
}

std::unique_ptr<Layer> make_pool2d(PoolKind kind, const ImageShape &in, Index window_h,
                                   Index window_w, Index stride_h, Index stride_w,
                                   Padding padding) {
  try {
    return std::make_unique<Pool2dLayer>(
        kind, make_window(in, in.channels, window_h, window_w, stride_h, stride_w, padding));
  } catch (const Error &e) {
    throw Error(std::string(kind == PoolKind::max ? "max_pool" : "avg_pool") +
                " layer: " + e.what());
  }
}

ImageShape image_output(const Layer &layer) {
  const auto *image = dynamic_cast<const ImageLayer *>(&layer);
  if (image == nullptr) throw Error("layer " + layer.type() + " does not output an image");
  return image->output_image();
}

} // namespace imnn

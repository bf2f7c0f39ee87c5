// Layers over NHWC images: 2-D convolution (kernel HWIO, bias per output channel on
// primal rows only: the layer is linear, so tangent rows go through the same kernel)
// and max/average pooling. All element work is the backend's.
#include "imnn/error.h"
#include "imnn/nn.h"

#include "nn/common.h"

#include <cmath>
#include <optional>
#include <string>
#include <utility>
#include <vector>

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
  Window2d window(const Tensor &in) const {
    Window2d w = w_;
    w.rows = in.rows();
    return w;
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

  void forward(Backend &backend, const float *params, const Tensor &in, Tensor &out,
               const RowLayout &layout, LayerWorkspace &) const override {
    nn_detail::check_input("conv2d", in, layout, w_.in.size());
    backend.resize(out, in.rows(), w_.out.size());
    backend.conv2d_forward(window(in), in.data(), params, out.data());
    backend.bias_add(out.data(), layout.n_primal, w_.out.size(), w_.out.channels,
                     params + kernel_size());
  }

  void backward(Backend &backend, const float *params, const Tensor &in, const Tensor &,
                Tensor &out_grad, Tensor *in_grad, float *param_grad, const RowLayout &layout,
                LayerWorkspace &) const override {
    nn_detail::check_input("conv2d", in, layout, w_.in.size());
    nn_detail::check_grad("conv2d", out_grad, in.rows(), w_.out.size());
    const Window2d w = window(in);
    backend.conv2d_backward_weights(w, in.data(), out_grad.data(), param_grad);
    backend.bias_grad(out_grad.data(), layout.n_primal, w_.out.size(), w_.out.channels,
                      param_grad + kernel_size());
    if (in_grad != nullptr) {
      backend.resize(*in_grad, in.rows(), w_.in.size());
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

  void forward(Backend &backend, const float *, const Tensor &in, Tensor &out,
               const RowLayout &layout, LayerWorkspace &) const override {
    nn_detail::check_input(type().c_str(), in, layout, w_.in.size());
    backend.resize(out, in.rows(), w_.out.size());
    backend.pool2d_forward(kind_, window(in), in.data(), out.data(), layout);
  }

  void backward(Backend &backend, const float *, const Tensor &in, const Tensor &, Tensor &out_grad,
                Tensor *in_grad, float *, const RowLayout &layout,
                LayerWorkspace &) const override {
    if (in_grad == nullptr) return;
    nn_detail::check_input(type().c_str(), in, layout, w_.in.size());
    nn_detail::check_grad(type().c_str(), out_grad, in.rows(), w_.out.size());
    backend.resize(*in_grad, in.rows(), w_.in.size());
    backend.pool2d_backward(kind_, window(in), in.data(), out_grad.data(), in_grad->data(), layout);
  }

private:
  PoolKind kind_;
};

// Layers whose output is an image without a window of their own.
class ShapedLayer : public Layer {
public:
  virtual ImageShape output_image() const = 0;
};

// Parallel branches over one input image, outputs concatenated along channels.
class ConcatLayer final : public ShapedLayer {
public:
  ConcatLayer(const ImageShape &in, std::vector<std::vector<std::unique_ptr<Layer>>> branches,
              std::vector<ImageShape> outs)
      : in_(in), branches_(std::move(branches)), outs_(std::move(outs)) {
    out_ = outs_.front();
    out_.channels = 0;
    for (std::size_t b = 0; b < branches_.size(); ++b) {
      std::vector<Index> offsets;
      for (const auto &l : branches_[b]) {
        offsets.push_back(n_parameters_);
        n_parameters_ += l->n_parameters();
      }
      offsets_.push_back(std::move(offsets));
      channel_offset_.push_back(out_.channels);
      out_.channels += outs_[b].channels;
    }
  }
  std::string type() const override { return "concat"; }
  nlohmann::json describe() const override {
    nlohmann::json branches = nlohmann::json::array();
    for (const auto &branch : branches_) {
      nlohmann::json layers = nlohmann::json::array();
      for (const auto &l : branch)
        layers.push_back(l->describe());
      branches.push_back(layers);
    }
    return {{"type", "concat"},
            {"input", json_of(in_)},
            {"output", json_of(out_)},
            {"branches", branches}};
  }
  Index input_size() const override { return in_.size(); }
  Index output_size() const override { return out_.size(); }
  Index n_parameters() const override { return n_parameters_; }
  ImageShape output_image() const override { return out_; }

  void initialise(std::uint64_t seed, float *params) const override {
    for (std::size_t b = 0; b < branches_.size(); ++b)
      for (std::size_t i = 0; i < branches_[b].size(); ++i)
        branches_[b][i]->initialise(seed ^ (0x9e3779b97f4a7c15ull * (b + 1) + i * 0x100000001b3ull),
                                    params + offsets_[b][i]);
  }

  // ws.children[b]: branch b's chain; ws.tensors[b]: branch b's part of the adjoint,
  // ws.tensors[B]: a branch's input adjoint before it is added.
  void forward(Backend &backend, const float *params, const Tensor &in, Tensor &out,
               const RowLayout &layout, LayerWorkspace &ws) const override {
    nn_detail::check_input("concat", in, layout, in_.size());
    const std::size_t nb = branches_.size();
    ws.children.resize(nb);
    backend.resize(out, in.rows(), out_.size());
    const Index positions = in.rows() * out_.height * out_.width;
    for (std::size_t b = 0; b < nb; ++b) {
      const Tensor &y = nn_detail::sequence_forward(backend, {&branches_[b], &offsets_[b]}, params,
                                                    in, ws.children[b], layout);
      backend.copy_strided(positions, outs_[b].channels, y.data(), outs_[b].channels,
                           out.data() + channel_offset_[b], out_.channels, false);
    }
  }

  void backward(Backend &backend, const float *params, const Tensor &in, const Tensor &,
                Tensor &out_grad, Tensor *in_grad, float *param_grad, const RowLayout &layout,
                LayerWorkspace &ws) const override {
    nn_detail::check_input("concat", in, layout, in_.size());
    nn_detail::check_grad("concat", out_grad, in.rows(), out_.size());
    const std::size_t nb = branches_.size();
    if (ws.children.size() != nb)
      throw Error("nn: concat backward without the forward pass of the same workspace");
    ws.tensors.resize(nb + 1);
    const Index positions = in.rows() * out_.height * out_.width;
    for (std::size_t b = 0; b < nb; ++b) {
      Tensor &g = ws.tensors[b];
      backend.resize(g, in.rows(), outs_[b].size());
      backend.copy_strided(positions, outs_[b].channels, out_grad.data() + channel_offset_[b],
                           out_.channels, g.data(), outs_[b].channels, false);
      // Every branch reads the same input: their input adjoints add up.
      Tensor *ig = in_grad == nullptr ? nullptr : (b == 0 ? in_grad : &ws.tensors[nb]);
      nn_detail::sequence_backward(backend, {&branches_[b], &offsets_[b]}, params, in,
                                   ws.children[b], g, ig, param_grad, layout);
      if (ig != nullptr && b > 0) backend.add(ig->data(), in_grad->data(), in_grad->size());
    }
  }

private:
  ImageShape in_, out_;
  std::vector<std::vector<std::unique_ptr<Layer>>> branches_;
  std::vector<ImageShape> outs_;
  std::vector<std::vector<Index>> offsets_;
  std::vector<Index> channel_offset_;
  Index n_parameters_ = 0;
};

// The same values under another shape: the output is a view of the input and the
// input adjoint a view of the output adjoint.
class ReshapeLayer final : public ShapedLayer {
public:
  ReshapeLayer(Index in_size, std::optional<ImageShape> in, std::optional<ImageShape> out)
      : in_size_(in_size), in_(in), out_(out) {}
  std::string type() const override { return out_ ? "reshape" : "flatten"; }
  nlohmann::json describe() const override {
    nlohmann::json j{{"type", type()}, {"input_size", in_size_}};
    if (in_) j["input"] = json_of(*in_);
    if (out_) j["output"] = json_of(*out_);
    return j;
  }
  Index input_size() const override { return in_size_; }
  Index output_size() const override { return in_size_; }
  Index n_parameters() const override { return 0; }
  void initialise(std::uint64_t, float *) const override {}
  ImageShape output_image() const override {
    if (!out_) throw Error("layer flatten does not output an image");
    return *out_;
  }
  void forward(Backend &backend, const float *, const Tensor &in, Tensor &out,
               const RowLayout &layout, LayerWorkspace &) const override {
    nn_detail::check_input(type().c_str(), in, layout, in_size_);
    out = backend.view(const_cast<float *>(in.data()), in.rows(), in_size_);
  }
  void backward(Backend &backend, const float *, const Tensor &in, const Tensor &, Tensor &out_grad,
                Tensor *in_grad, float *, const RowLayout &layout,
                LayerWorkspace &) const override {
    if (in_grad == nullptr) return;
    nn_detail::check_input(type().c_str(), in, layout, in_size_);
    nn_detail::check_grad(type().c_str(), out_grad, in.rows(), in_size_);
    *in_grad = backend.view(out_grad.data(), out_grad.rows(), in_size_);
  }

private:
  Index in_size_;
  std::optional<ImageShape> in_, out_;
};

// One axis wrapped around: each of `outer` blocks of `len` items of `inner` floats becomes
// before + len + after items, the last `before` and the first `after` items repeated
// (three strided copies through the backend); unwrap is its adjoint (the interior copied,
// the repeated items added back where they came from).
void wrap_axis(Backend &backend, Index outer, Index len, Index inner, Index before, Index after,
               const float *src, float *dst) {
  const Index in_block = len * inner, out_block = (before + len + after) * inner;
  backend.copy_strided(outer, in_block, src, in_block, dst + before * inner, out_block, false);
  backend.copy_strided(outer, before * inner, src + (len - before) * inner, in_block, dst,
                       out_block, false);
  backend.copy_strided(outer, after * inner, src, in_block, dst + (before + len) * inner, out_block,
                       false);
}
void unwrap_axis(Backend &backend, Index outer, Index len, Index inner, Index before, Index after,
                 const float *src, float *dst) {
  const Index in_block = len * inner, out_block = (before + len + after) * inner;
  backend.copy_strided(outer, in_block, src + before * inner, out_block, dst, in_block, false);
  backend.copy_strided(outer, before * inner, src, out_block, dst + (len - before) * inner,
                       in_block, true);
  backend.copy_strided(outer, after * inner, src + (before + len) * inner, out_block, dst, in_block,
                       true);
}

// A periodic image padded by wrapping around its edges (a field simulated in a periodic
// box, e.g. by FFTs), so that a VALID window after it sees the neighbours a periodic
// convolution would. Linear, so tangent rows are padded alike. The width of every image
// row is wrapped, then the height of every image; the adjoint unwraps in reverse order.
class CircularPadLayer final : public ShapedLayer {
public:
  CircularPadLayer(const ImageShape &in, Index top, Index left, Index bottom, Index right)
      : in_(in), top_(top), left_(left), bottom_(bottom), right_(right) {
    out_ = {in.height + top + bottom, in.width + left + right, in.channels};
  }
  std::string type() const override { return "circular_pad"; }
  nlohmann::json describe() const override {
    return {{"type", "circular_pad"},
            {"input", json_of(in_)},
            {"output", json_of(out_)},
            {"padding", {top_, left_, bottom_, right_}}};
  }
  Index input_size() const override { return in_.size(); }
  Index output_size() const override { return out_.size(); }
  Index n_parameters() const override { return 0; }
  void initialise(std::uint64_t, float *) const override {}
  ImageShape output_image() const override { return out_; }

  // ws.tensors[0]: the images padded along their width only (R x H x Wp x C).
  void forward(Backend &backend, const float *, const Tensor &in, Tensor &out,
               const RowLayout &layout, LayerWorkspace &ws) const override {
    nn_detail::check_input("circular_pad", in, layout, in_.size());
    const Index R = in.rows(), C = in_.channels, H = in_.height;
    ws.tensors.resize(1);
    Tensor &wide = ws.tensors[0];
    backend.resize(wide, R, H * out_.width * C);
    wrap_axis(backend, R * H, in_.width, C, left_, right_, in.data(), wide.data());
    backend.resize(out, R, out_.size());
    wrap_axis(backend, R, H, out_.width * C, top_, bottom_, wide.data(), out.data());
  }

  void backward(Backend &backend, const float *, const Tensor &in, const Tensor &, Tensor &out_grad,
                Tensor *in_grad, float *, const RowLayout &layout,
                LayerWorkspace &ws) const override {
    if (in_grad == nullptr) return;
    nn_detail::check_input("circular_pad", in, layout, in_.size());
    nn_detail::check_grad("circular_pad", out_grad, in.rows(), out_.size());
    const Index R = in.rows(), C = in_.channels, H = in_.height;
    ws.tensors.resize(1);
    Tensor &wide = ws.tensors[0];
    backend.resize(wide, R, H * out_.width * C);
    unwrap_axis(backend, R, H, out_.width * C, top_, bottom_, out_grad.data(), wide.data());
    backend.resize(*in_grad, R, in_.size());
    unwrap_axis(backend, R * H, in_.width, C, left_, right_, wide.data(), in_grad->data());
  }

private:
  ImageShape in_, out_;
  Index top_, left_, bottom_, right_;
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

std::unique_ptr<Layer> make_circular_pad(const ImageShape &in, Index top, Index left, Index bottom,
                                         Index right) {
  if (in.height < 1 || in.width < 1 || in.channels < 1)
    throw Error("circular_pad layer: input image " + text(in) + ": every dimension must be >= 1");
  if (top < 0 || left < 0 || bottom < 0 || right < 0)
    throw Error("circular_pad layer: padding must be >= 0");
  if (top > in.height || bottom > in.height || left > in.width || right > in.width)
    throw Error("circular_pad layer: padding (top " + std::to_string(top) + ", left " +
                std::to_string(left) + ", bottom " + std::to_string(bottom) + ", right " +
                std::to_string(right) + ") wraps more than once around the input image " +
                text(in) + ": use a kernel no larger than the image");
  return std::make_unique<CircularPadLayer>(in, top, left, bottom, right);
}

std::unique_ptr<Layer> make_concat(const ImageShape &in,
                                   std::vector<std::vector<std::unique_ptr<Layer>>> branches) {
  if (branches.empty()) throw Error("concat layer: no branches");
  std::vector<ImageShape> outs;
  for (std::size_t b = 0; b < branches.size(); ++b) {
    const std::string where = "concat layer: branch " + std::to_string(b + 1);
    if (branches[b].empty()) throw Error(where + " has no layers");
    Index size = in.size();
    for (std::size_t i = 0; i < branches[b].size(); ++i) {
      const Layer *l = branches[b][i].get();
      if (l == nullptr) throw Error(where + ": layer " + std::to_string(i + 1) + " is null");
      if (l->input_size() != size)
        throw Error(where + ": layer " + std::to_string(i + 1) + " (" + l->type() +
                    ") expects input size " + std::to_string(l->input_size()) + ", but " +
                    (i == 0 ? "the block's input image " + text(in) + " has "
                            : std::string("the layer before gives ")) +
                    std::to_string(size));
      size = l->output_size();
    }
    try {
      outs.push_back(image_output(*branches[b].back()));
    } catch (const Error &) {
      throw Error(where + " ends in a " + branches[b].back()->type() +
                  " layer, which gives no image: end every branch in an image layer");
    }
    if (outs[b].height != outs[0].height || outs[b].width != outs[0].width)
      throw Error(where + " gives " + text(outs[b]) + " images but branch 1 gives " +
                  text(outs[0]) +
                  ": every branch must give the same height and width (use SAME padding and "
                  "one stride)");
  }
  return std::make_unique<ConcatLayer>(in, std::move(branches), std::move(outs));
}

std::unique_ptr<Layer> make_flatten(const ImageShape &in) {
  if (in.size() < 1) throw Error("flatten layer: the input image " + text(in) + " is empty");
  return std::make_unique<ReshapeLayer>(in.size(), in, std::nullopt);
}

std::unique_ptr<Layer> make_reshape(Index in_size, const ImageShape &out) {
  if (out.height < 1 || out.width < 1 || out.channels < 1 || out.size() != in_size)
    throw Error("reshape layer: cannot read " + std::to_string(in_size) + " values as a " +
                text(out) + " image (" + std::to_string(out.size()) + " values)");
  return std::make_unique<ReshapeLayer>(in_size, std::nullopt, out);
}

ImageShape image_output(const Layer &layer) {
  if (const auto *image = dynamic_cast<const ImageLayer *>(&layer)) return image->output_image();
  if (const auto *shaped = dynamic_cast<const ShapedLayer *>(&layer)) {
    if (layer.type() != "flatten") return shaped->output_image();
  }
  throw Error("layer " + layer.type() + " does not output an image");
}

} // namespace imnn

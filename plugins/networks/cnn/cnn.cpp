// A convolutional network for fields, maps and images: blocks of 2-D convolution +
// activation (+ pooling), then a dense head, built from core layers so it gets
// tangents and backends for free. The input is read as NHWC images
// (imnn/network_options.h): by default (H, W) and (1, H, W) as H x W x 1, a series (L)
// as 1 x L x 1; with "input_layout": "stax" as the reference reads them.
#include "imnn/error.h"
#include "imnn/json_reader.h"
#include "imnn/network_options.h"
#include "imnn/network_plugin.h"

#include <string>

namespace {

using imnn::ConfigError;
using imnn::Index;

struct CnnOptions {
  std::vector<std::int64_t> filters{16, 32};
  std::vector<std::int64_t> kernel{3};
  std::vector<std::int64_t> strides{1};
  std::string padding = "same";
  std::string pool = "max";
  std::int64_t pool_size = 2, pool_stride = 2;
  std::vector<std::int64_t> hidden{128};
  imnn::ActivationSpec activation;
  imnn::ActivationSpec block_activation; // after each convolution
  std::string input_layout = "image";
  std::int64_t output_size = 0;
};

CnnOptions parse(const nlohmann::json &options, Index n_summaries) {
  imnn::JsonReader r(options, "network.options");
  CnnOptions o;
  o.filters = r.integers("filters", o.filters, 1);
  if (o.filters.empty())
    throw ConfigError("network.options.filters", "is empty: give the output channels of at "
                                                 "least one convolution block, e.g. [16, 32]");
  o.kernel = imnn::read_per_block(r, "kernel", o.kernel, o.filters.size(), "filters");
  o.strides = imnn::read_per_block(r, "strides", o.strides, o.filters.size(), "filters");
  o.padding = r.string("padding", o.padding);
  if (o.padding != "same" && o.padding != "valid" && o.padding != "circular")
    throw ConfigError("network.options.padding",
                      "is \"" + o.padding + "\"; use same, valid or circular");
  o.pool = r.string("pool", o.pool);
  if (o.pool != "max" && o.pool != "average" && o.pool != "none")
    throw ConfigError("network.options.pool", "is \"" + o.pool + "\"; use max, average or none");
  o.pool_size = r.integer("pool_size", o.pool_size, 1);
  o.pool_stride = r.integer("pool_stride", o.pool_stride, 1);
  o.hidden = r.integers("hidden", o.hidden, 1);
  o.activation = imnn::read_activation(r);
  o.block_activation = o.activation;
  const std::string block_activation =
      r.string("block_activation", imnn::activation_name(o.activation.kind));
  try {
    o.block_activation.kind = imnn::activation_from_name(block_activation);
  } catch (const imnn::Error &e) {
    throw ConfigError("network.options.block_activation", e.what());
  }
  o.input_layout = imnn::read_input_layout(r);
  o.output_size = r.integer("output_size", n_summaries, 1);
  r.finish();
  if (o.output_size != n_summaries)
    throw ConfigError("network.options.output_size",
                      "is " + std::to_string(o.output_size) + " but n_summaries is " +
                          std::to_string(n_summaries) + "; remove output_size or make them equal");
  return o;
}

nlohmann::json resolved(const CnnOptions &o) {
  nlohmann::json j{
      {"filters", o.filters},         {"kernel", o.kernel}, {"strides", o.strides},
      {"padding", o.padding},         {"pool", o.pool},     {"pool_size", o.pool_size},
      {"pool_stride", o.pool_stride}, {"hidden", o.hidden}, {"input_layout", o.input_layout},
      {"output_size", o.output_size}};
  imnn::write_activation(j, o.activation);
  j["block_activation"] = imnn::activation_name(o.block_activation.kind);
  return j;
}

// "circular": the image wraps around (a periodic field), so a window sees the neighbours
// across the edge: a circular pad by SAME's amounts, then the window with VALID padding,
// which gives SAME's output size.
imnn::Padding pad_for(const std::string &padding, std::vector<std::unique_ptr<imnn::Layer>> &layers,
                      imnn::ImageShape &image, Index kernel, Index stride) {
  if (padding == "valid") return imnn::Padding::valid;
  if (padding == "same") return imnn::Padding::same;
  const imnn::Window2d w =
      imnn::make_window(image, image.channels, kernel, kernel, stride, stride, imnn::Padding::same);
  if (w.pad_top + w.pad_bottom + w.pad_left + w.pad_right > 0) {
    layers.push_back(
        imnn::make_circular_pad(image, w.pad_top, w.pad_left, w.pad_bottom, w.pad_right));
    image = imnn::image_output(*layers.back());
  }
  return imnn::Padding::valid;
}

imnn::Model build(const nlohmann::json &options, const std::vector<Index> &input_shape,
                  Index n_summaries) {
  const CnnOptions o = parse(options, n_summaries);
  imnn::ImageShape image =
      imnn::input_image(input_shape, o.input_layout, "network.options.input_layout", "cnn");
  std::vector<std::unique_ptr<imnn::Layer>> layers;
  for (std::size_t b = 0; b < o.filters.size(); ++b) {
    const std::string block =
        "block " + std::to_string(b + 1) + " of " + std::to_string(o.filters.size()) + ": ";
    try {
      const imnn::Padding padding = pad_for(o.padding, layers, image, o.kernel[b], o.strides[b]);
      layers.push_back(imnn::make_conv2d(image, o.filters[b], o.kernel[b], o.kernel[b],
                                         o.strides[b], o.strides[b], padding));
    } catch (const imnn::Error &e) {
      throw ConfigError("network.options.kernel", block + e.what());
    }
    image = imnn::image_output(*layers.back());
    layers.push_back(imnn::make_activation(o.block_activation, image.size()));
    if (o.pool == "none") continue;
    try {
      const imnn::Padding padding = pad_for(o.padding, layers, image, o.pool_size, o.pool_stride);
      layers.push_back(
          imnn::make_pool2d(o.pool == "max" ? imnn::PoolKind::max : imnn::PoolKind::average, image,
                            o.pool_size, o.pool_size, o.pool_stride, o.pool_stride, padding));
    } catch (const imnn::Error &e) {
      throw ConfigError("network.options.pool_size", block + e.what());
    }
    image = imnn::image_output(*layers.back());
  }
  Index in = image.size();
  for (auto width : o.hidden) {
    layers.push_back(imnn::make_dense(in, width));
    layers.push_back(imnn::make_activation(o.activation, width));
    in = width;
  }
  layers.push_back(imnn::make_dense(in, o.output_size));
  return imnn::Model(input_shape, std::move(layers));
}

nlohmann::json resolve_options(const nlohmann::json &options, Index n_summaries) {
  return resolved(parse(options, n_summaries));
}

const imnn::NetworkPluginV1 kPlugin{
    IMNN_NETWORK_ABI_VERSION,
    IMNN_CORE_VERSION,
    "cnn",
    "1.0.0",
    "Convolutional network for fields and images: per block a 2-D convolution (NHWC, "
    "stax.Conv) + block activation + optional pooling, then Dense(width) + activation per hidden "
    "layer and a linear Dense(n_summaries)",
    R"json({"filters": "output channels of each convolution block ([16, 32])",
"kernel": "kernel size, one value or one per block (3)",
"strides": "convolution stride, one value or one per block (1)",
"padding": "same, valid or circular, for convolutions and pooling; circular wraps the image around its edges, for periodic fields such as gaussian_random_field_2d's (same)",
"pool": "max, average or none after each block (max)",
"pool_size": "pooling window (2)",
"pool_stride": "pooling stride (2)",
"hidden": "widths of the dense layers after the blocks ([128])",
"activation": "identity, relu, leaky_relu, tanh, softplus, elu, gelu or square (leaky_relu)",
"block_activation": "identity, relu, leaky_relu, tanh, softplus, elu, gelu or square after each convolution; square with an average pool over the whole field makes band powers, the quadratic estimators of a Gaussian field (the value of activation)",
"negative_slope": "slope of leaky_relu for z < 0 (0.01)",
"alpha": "scale of elu for z < 0 (1.0)",
"input_layout": "image: (H, W) and (1, H, W) as one H x W channel, (H, W, C) as C channels; stax: every (A, B, C) as H = A, W = B, C channels and (A, B) as H = 1, W = A, B channels, the reference's reading (image)",
"output_size": "number of summaries; must equal n_summaries (n_summaries)"})json",
    &build,
    &resolve_options};

} // namespace

extern "C" __attribute__((visibility("default"))) const imnn::NetworkPluginV1 *
imnn_network_entry() {
  return &kPlugin;
}

// A convolutional network for fields, maps and images: blocks of 2-D convolution +
// activation (+ pooling), then a dense head, built from core layers so it gets
// tangents and backends for free. The input is read as NHWC images (nn.h): (H, W) as
// H x W x 1, (H, W, C) as H x W x C (the reference's stax reading, which takes a
// (1, 128, 128) field as H = 1, W = 128, C = 128), or with "input_layout": "chw" a
// (1, H, W) field as H x W x 1; a rank-1 series (L) is a 1 x L x 1 image.
#include "imnn/error.h"
#include "imnn/json_reader.h"
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
  std::string input_layout = "hwc";
  std::int64_t output_size = 0;
};

// An integer or a list with one value per block (a single value applies to all).
std::vector<std::int64_t> per_block(imnn::JsonReader &r, const std::string &key,
                                    std::vector<std::int64_t> fallback, std::size_t blocks) {
  const nlohmann::json *v = r.find(key);
  std::vector<std::int64_t> out = fallback;
  if (v != nullptr && v->is_number_integer()) {
    out = {r.integer(key, fallback.front(), 1)};
  } else if (v != nullptr) {
    out = r.integers(key, fallback, 1);
  }
  if (out.size() == 1) out.assign(blocks, out.front());
  if (out.size() != blocks)
    throw ConfigError("network.options." + key,
                      "has " + std::to_string(out.size()) + " values for " +
                          std::to_string(blocks) +
                          " blocks (filters); give one value, or one per block");
  return out;
}

CnnOptions parse(const nlohmann::json &options, Index n_summaries) {
  imnn::JsonReader r(options, "network.options");
  CnnOptions o;
  o.filters = r.integers("filters", o.filters, 1);
  if (o.filters.empty())
    throw ConfigError("network.options.filters", "is empty: give the output channels of at "
                                                 "least one convolution block, e.g. [16, 32]");
  o.kernel = per_block(r, "kernel", o.kernel, o.filters.size());
  o.strides = per_block(r, "strides", o.strides, o.filters.size());
  o.padding = r.string("padding", o.padding);
  if (o.padding != "same" && o.padding != "valid")
    throw ConfigError("network.options.padding", "is \"" + o.padding + "\"; use same or valid");
  o.pool = r.string("pool", o.pool);
  if (o.pool != "max" && o.pool != "average" && o.pool != "none")
    throw ConfigError("network.options.pool", "is \"" + o.pool + "\"; use max, average or none");
  o.pool_size = r.integer("pool_size", o.pool_size, 1);
  o.pool_stride = r.integer("pool_stride", o.pool_stride, 1);
  o.hidden = r.integers("hidden", o.hidden, 1);
  try {
    o.activation.kind = imnn::activation_from_name(r.string("activation", "leaky_relu"));
  } catch (const imnn::Error &e) {
    throw ConfigError("network.options.activation", e.what());
  }
  o.activation.negative_slope =
      static_cast<float>(r.number("negative_slope", o.activation.negative_slope));
  o.activation.alpha = static_cast<float>(r.positive("alpha", o.activation.alpha));
  o.input_layout = r.string("input_layout", o.input_layout);
  if (o.input_layout != "hwc" && o.input_layout != "chw")
    throw ConfigError("network.options.input_layout",
                      "is \"" + o.input_layout + "\"; use hwc (stax's reading) or chw");
  o.output_size = r.integer("output_size", n_summaries, 1);
  r.finish();
  if (o.output_size != n_summaries)
    throw ConfigError("network.options.output_size",
                      "is " + std::to_string(o.output_size) + " but n_summaries is " +
                          std::to_string(n_summaries) + "; remove output_size or make them equal");
  return o;
}

std::string shape_text(const std::vector<Index> &shape) {
  std::string s = "(";
  for (std::size_t i = 0; i < shape.size(); ++i)
    s += (i ? ", " : "") + std::to_string(shape[i]);
  return s + (shape.size() == 1 ? ",)" : ")");
}

imnn::ImageShape input_image(const std::vector<Index> &shape, const std::string &layout) {
  if (layout == "chw") {
    if (shape.size() != 3 || shape[0] != 1)
      throw ConfigError("network.options.input_layout",
                        "chw reads a (1, H, W) single-channel input, but the simulations have "
                        "shape " +
                            shape_text(shape) + "; use hwc");
    return {shape[1], shape[2], 1};
  }
  if (shape.size() == 1) return {1, shape[0], 1};
  if (shape.size() == 2) return {shape[0], shape[1], 1};
  if (shape.size() == 3) return {shape[0], shape[1], shape[2]};
  throw ConfigError("network.options.input_layout",
                    "the cnn network reads inputs of rank 1 to 3 as images, but the simulations "
                    "have shape " +
                        shape_text(shape));
}

nlohmann::json resolved(const CnnOptions &o) {
  return {{"filters", o.filters},
          {"kernel", o.kernel},
          {"strides", o.strides},
          {"padding", o.padding},
          {"pool", o.pool},
          {"pool_size", o.pool_size},
          {"pool_stride", o.pool_stride},
          {"hidden", o.hidden},
          {"activation", imnn::activation_name(o.activation.kind)},
          {"negative_slope", o.activation.negative_slope},
          {"alpha", o.activation.alpha},
          {"input_layout", o.input_layout},
          {"output_size", o.output_size}};
}

imnn::Model build(const nlohmann::json &options, const std::vector<Index> &input_shape,
                  Index n_summaries) {
  const CnnOptions o = parse(options, n_summaries);
  imnn::ImageShape image = input_image(input_shape, o.input_layout);
  const imnn::Padding padding = o.padding == "same" ? imnn::Padding::same : imnn::Padding::valid;
  std::vector<std::unique_ptr<imnn::Layer>> layers;
  for (std::size_t b = 0; b < o.filters.size(); ++b) {
    const std::string block =
        "block " + std::to_string(b + 1) + " of " + std::to_string(o.filters.size()) + ": ";
    try {
      layers.push_back(imnn::make_conv2d(image, o.filters[b], o.kernel[b], o.kernel[b],
                                         o.strides[b], o.strides[b], padding));
    } catch (const imnn::Error &e) {
      throw ConfigError("network.options.kernel", block + e.what());
    }
    image = imnn::image_output(*layers.back());
    layers.push_back(imnn::make_activation(o.activation, image.size()));
    if (o.pool == "none") continue;
    try {
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
    "stax.Conv) + activation + optional pooling, then Dense(width) + activation per hidden "
    "layer and a linear Dense(n_summaries)",
    R"json({"filters": "output channels of each convolution block ([16, 32])",
"kernel": "kernel size, one value or one per block (3)",
"strides": "convolution stride, one value or one per block (1)",
"padding": "same or valid, for convolutions and pooling (same)",
"pool": "max, average or none after each block (max)",
"pool_size": "pooling window (2)",
"pool_stride": "pooling stride (2)",
"hidden": "widths of the dense layers after the blocks ([128])",
"activation": "identity, relu, leaky_relu, tanh, softplus, elu or gelu (leaky_relu)",
"negative_slope": "slope of leaky_relu for z < 0 (0.01)",
"alpha": "scale of elu for z < 0 (1.0)",
"input_layout": "hwc: (H, W) or (H, W, C) as stax reads them; chw: a (1, H, W) field as one channel (hwc)",
"output_size": "number of summaries; must equal n_summaries (n_summaries)"})json",
    &build,
    &resolve_options};

} // namespace

extern "C" __attribute__((visibility("default"))) const imnn::NetworkPluginV1 *
imnn_network_entry() {
  return &kPlugin;
}

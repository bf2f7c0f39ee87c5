// The reference's network for 2-D fields (imnn-spec.md §5.2): inception blocks, each the
// channel concatenation of a 1x1 convolution, 1x1 -> 3x3, 1x1 -> 5x5 and a 3x3 max pool
// (stride 1) -> 1x1, the block's stride on the last convolution of each branch, SAME
// padding, then the activation; after the blocks a 1x1 convolution to n_summaries
// channels, flattened. The blocks must bring the image down to 1 x 1 (as the
// reference's Reshape((n_summaries,)) requires). Built from core layers, so tangents,
// gradients and backends come for free.
#include "imnn/error.h"
#include "imnn/json_reader.h"
#include "imnn/network_options.h"
#include "imnn/network_plugin.h"

#include <string>

namespace {

using imnn::ConfigError;
using imnn::Index;

struct InceptionOptions {
  std::vector<std::int64_t> strides{4, 4, 4, 2};
  std::vector<std::int64_t> filters{64};
  std::vector<std::int64_t> branches{4, 4, 4, 2};
  imnn::ActivationSpec activation;
  std::string input_layout = "image";
  std::int64_t output_size = 0;
};

InceptionOptions parse(const nlohmann::json &options, Index n_summaries) {
  imnn::JsonReader r(options, "network.options");
  InceptionOptions o;
  o.strides = r.integers("strides", o.strides, 1);
  if (o.strides.empty())
    throw ConfigError("network.options.strides",
                      "is empty: give the stride of each inception block, e.g. [4, 4, 4, 2]");
  const std::size_t blocks = o.strides.size();
  o.filters = imnn::read_per_block(r, "filters", o.filters, blocks, "strides");
  // The reference's default for its four blocks; any other count has full blocks.
  std::vector<std::int64_t> branches = blocks == 4 ? o.branches : std::vector<std::int64_t>{4};
  o.branches = imnn::read_per_block(r, "branches", branches, blocks, "strides", 2);
  for (std::size_t b = 0; b < blocks; ++b)
    if (o.branches[b] > 4)
      throw ConfigError("network.options.branches",
                        "block " + std::to_string(b + 1) + " asks for " +
                            std::to_string(o.branches[b]) +
                            " branches; an inception block has 2 (1x1, pool), 3 (1x1, 3x3, "
                            "pool) or 4 (1x1, 3x3, 5x5, pool)");
  o.activation = imnn::read_activation(r);
  o.input_layout = imnn::read_input_layout(r);
  o.output_size = r.integer("output_size", n_summaries, 1);
  r.finish();
  if (o.output_size != n_summaries)
    throw ConfigError("network.options.output_size",
                      "is " + std::to_string(o.output_size) + " but n_summaries is " +
                          std::to_string(n_summaries) + "; remove output_size or make them equal");
  return o;
}

nlohmann::json resolved(const InceptionOptions &o) {
  nlohmann::json j{{"strides", o.strides},
                   {"filters", o.filters},
                   {"branches", o.branches},
                   {"input_layout", o.input_layout},
                   {"output_size", o.output_size}};
  imnn::write_activation(j, o.activation);
  return j;
}

using Branch = std::vector<std::unique_ptr<imnn::Layer>>;

// 1x1 (stride 1) then k x k (stride s), both SAME, `filters` channels.
Branch reduce_then(const imnn::ImageShape &in, Index filters, Index k, Index s) {
  Branch b;
  b.push_back(imnn::make_conv2d(in, filters, 1, 1, 1, 1, imnn::Padding::same));
  b.push_back(
      imnn::make_conv2d(imnn::image_output(*b.back()), filters, k, k, s, s, imnn::Padding::same));
  return b;
}

imnn::Model build(const nlohmann::json &options, const std::vector<Index> &input_shape,
                  Index n_summaries) {
  const InceptionOptions o = parse(options, n_summaries);
  imnn::ImageShape image =
      imnn::input_image(input_shape, o.input_layout, "network.options.input_layout", "inception");
  std::vector<std::unique_ptr<imnn::Layer>> layers;
  for (std::size_t b = 0; b < o.strides.size(); ++b) {
    const Index f = o.filters[b], s = o.strides[b];
    std::vector<Branch> branches;
    Branch one;
    one.push_back(imnn::make_conv2d(image, f, 1, 1, s, s, imnn::Padding::same));
    branches.push_back(std::move(one));
    if (o.branches[b] >= 3) branches.push_back(reduce_then(image, f, 3, s));
    if (o.branches[b] >= 4) branches.push_back(reduce_then(image, f, 5, s));
    Branch pool;
    pool.push_back(imnn::make_pool2d(imnn::PoolKind::max, image, 3, 3, 1, 1, imnn::Padding::same));
    pool.push_back(imnn::make_conv2d(image, f, 1, 1, s, s, imnn::Padding::same));
    branches.push_back(std::move(pool));
    layers.push_back(imnn::make_concat(image, std::move(branches)));
    image = imnn::image_output(*layers.back());
    layers.push_back(imnn::make_activation(o.activation, image.size()));
  }
  if (image.height != 1 || image.width != 1)
    throw ConfigError("network.options.strides",
                      "the blocks leave a " + std::to_string(image.height) + "x" +
                          std::to_string(image.width) + " image of the " +
                          imnn::shape_text(input_shape) +
                          " input; the network ends on a 1x1 image (as the reference's "
                          "Reshape): raise the strides or add a block");
  layers.push_back(imnn::make_conv2d(image, o.output_size, 1, 1, 1, 1, imnn::Padding::same));
  layers.push_back(imnn::make_flatten(imnn::image_output(*layers.back())));
  return imnn::Model(input_shape, std::move(layers));
}

nlohmann::json resolve_options(const nlohmann::json &options, Index n_summaries) {
  return resolved(parse(options, n_summaries));
}

const imnn::NetworkPluginV1 kPlugin{
    IMNN_NETWORK_ABI_VERSION,
    IMNN_CORE_VERSION,
    "inception",
    "1.0.0",
    "The reference's 2-D field network: inception blocks (1x1 | 1x1->3x3 | 1x1->5x5 | 3x3 max "
    "pool->1x1, concatenated, then the activation), then a 1x1 convolution to n_summaries on "
    "the 1x1 image left",
    R"json({"strides": "stride of each block; the blocks must reduce the image to 1x1 ([4, 4, 4, 2])",
"filters": "output channels of each branch, one value or one per block (64)",
"branches": "per block 4 (1x1, 3x3, 5x5, pool), 3 (no 5x5) or 2 (1x1, pool), one value or one per block ([4, 4, 4, 2])",
"activation": "identity, relu, leaky_relu, tanh, softplus, elu, gelu or square (leaky_relu)",
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

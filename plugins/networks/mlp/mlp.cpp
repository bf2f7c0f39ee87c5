// The multilayer perceptron of the reference examples (stax Dense + LeakyReLU
// blocks), built from core layers so it gets tangents and backends for free.
#include "imnn/error.h"
#include "imnn/json_reader.h"
#include "imnn/network_options.h"
#include "imnn/network_plugin.h"

namespace {

struct MlpOptions {
  std::vector<std::int64_t> hidden{128, 128, 128};
  imnn::ActivationSpec activation;
  std::int64_t output_size = 0;
};

MlpOptions parse(const nlohmann::json &options, imnn::Index n_summaries) {
  imnn::JsonReader r(options, "network.options");
  MlpOptions o;
  o.hidden = r.integers("hidden", o.hidden, 1);
  o.activation = imnn::read_activation(r);
  o.output_size = r.integer("output_size", n_summaries, 1);
  r.finish();
  if (o.output_size != n_summaries)
    throw imnn::ConfigError("network.options.output_size",
                            "is " + std::to_string(o.output_size) + " but n_summaries is " +
                                std::to_string(n_summaries) +
                                "; remove output_size or make them equal");
  return o;
}

nlohmann::json resolved(const MlpOptions &o) {
  nlohmann::json j{{"hidden", o.hidden}, {"output_size", o.output_size}};
  imnn::write_activation(j, o.activation);
  return j;
}

imnn::Model build(const nlohmann::json &options, const std::vector<imnn::Index> &input_shape,
                  imnn::Index n_summaries) {
  const MlpOptions o = parse(options, n_summaries);
  imnn::Index in = 1;
  for (auto e : input_shape)
    in *= e;
  std::vector<std::unique_ptr<imnn::Layer>> layers;
  for (auto width : o.hidden) {
    layers.push_back(imnn::make_dense(in, width));
    layers.push_back(imnn::make_activation(o.activation, width));
    in = width;
  }
  layers.push_back(imnn::make_dense(in, o.output_size));
  return imnn::Model(input_shape, std::move(layers));
}

nlohmann::json resolve_options(const nlohmann::json &options, imnn::Index n_summaries) {
  return resolved(parse(options, n_summaries));
}

const imnn::NetworkPluginV1 kPlugin{
    IMNN_NETWORK_ABI_VERSION,
    IMNN_CORE_VERSION,
    "mlp",
    "1.0.0",
    "Fully connected network: Dense(width) + activation per hidden layer, then a linear "
    "Dense(n_summaries)",
    R"json({"hidden": "widths of the hidden layers ([128, 128, 128])",
"activation": "identity, relu, leaky_relu, tanh, softplus, elu, gelu or square (leaky_relu)",
"negative_slope": "slope of leaky_relu for z < 0 (0.01)",
"alpha": "scale of elu for z < 0 (1.0)",
"output_size": "number of summaries; must equal n_summaries (n_summaries)"})json",
    &build,
    &resolve_options};

} // namespace

extern "C" __attribute__((visibility("default"))) const imnn::NetworkPluginV1 *
imnn_network_entry() {
  return &kPlugin;
}

// A tiny network plugin (one Dense layer) that the build breaks in one way per
// target with -D defines (see CMakeLists.txt):
//   NET_NAME "x"          the plugin's name (default "test_dense")
//   CORE_VERSION "x"      core_version (default IMNN_CORE_VERSION)
//   ENTRY_THROWS          the entry throws std::runtime_error
//   WRONG_OUTPUT          build makes a model with n_summaries + 1 outputs
//   BUILD_THROWS_STD      build throws std::runtime_error (not an imnn::Error)
// Any option other than "width" is refused with imnn::ConfigError.
#include "imnn/error.h"
#include "imnn/network_plugin.h"

#include <stdexcept>

#ifndef NET_NAME
#define NET_NAME "test_dense"
#endif
#ifndef CORE_VERSION
#define CORE_VERSION IMNN_CORE_VERSION
#endif

namespace {

imnn::Model build(const nlohmann::json &options, const std::vector<imnn::Index> &input_shape,
                  imnn::Index n_summaries) {
#ifdef BUILD_THROWS_STD
  throw std::runtime_error("this test network always fails with a std::runtime_error");
#endif
  for (const auto &item : options.items())
    if (item.key() != "width")
      throw imnn::ConfigError("network.options." + item.key(),
                              "unknown option; this test network takes only \"width\"");
  imnn::Index in = 1;
  for (auto e : input_shape)
    in *= e;
  imnn::Index out = n_summaries;
#ifdef WRONG_OUTPUT
  out += 1;
#endif
  std::vector<std::unique_ptr<imnn::Layer>> layers;
  layers.push_back(imnn::make_dense(in, out));
  return imnn::Model(input_shape, std::move(layers));
}

const imnn::NetworkPluginV1 kPlugin{
    IMNN_NETWORK_ABI_VERSION,  CORE_VERSION, NET_NAME, "0.0.1", "test network: one Dense layer",
    R"({"width": "ignored"})", &build,       nullptr};

} // namespace

extern "C" __attribute__((visibility("default"))) const imnn::NetworkPluginV1 *
imnn_network_entry() {
#ifdef ENTRY_THROWS
  throw std::runtime_error("this test network's entry always throws");
#else
  return &kPlugin;
#endif
}

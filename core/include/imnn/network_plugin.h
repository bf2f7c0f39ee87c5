// Network plugins (C++): a shared library that builds a Model from core layers, so
// every network gets tangents and backends for free. It exports one symbol:
//
//     extern "C" const imnn::NetworkPluginV1 *imnn_network_entry();
//
// Because the interface is C++, the host also checks core_version: a plugin must be
// built against the same IMNN core it is loaded into.
#pragma once

#include "imnn/nn.h"
#include "imnn/version.h"

#include <cstdint>
#include <nlohmann/json.hpp>
#include <vector>

#define IMNN_NETWORK_ABI_VERSION 1u
#define IMNN_NETWORK_ENTRY_SYMBOL "imnn_network_entry"

namespace imnn {

struct NetworkPluginV1 {
  std::uint32_t abi_version; // IMNN_NETWORK_ABI_VERSION
  const char *core_version;  // IMNN_CORE_VERSION of the core it was built against
  const char *name;          // [a-z0-9_]+
  const char *version;
  const char *description;
  const char *options_help; // JSON object {"option": "meaning (default)"}
  // [main-thread] Build the model; throw imnn::ConfigError("network.options.<key>", ...)
  // for bad options. The model must output n_summaries values per simulation.
  Model (*build)(const nlohmann::json &options, const std::vector<Index> &input_shape,
                 Index n_summaries);
  // [main-thread] The options with every default filled in (for config.json); may
  // be null, in which case the options are kept as given.
  nlohmann::json (*resolve_options)(const nlohmann::json &options, Index n_summaries);
};

using NetworkEntryFn = const NetworkPluginV1 *(*)();

} // namespace imnn

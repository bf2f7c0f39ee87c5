// Options that several network plugins share, read one way for all of them: the
// activation (activation, negative_slope, alpha), how a simulation is read as an NHWC
// image (input_layout), and one value or one per block. Errors are ConfigError with the
// option's full key.
#pragma once

#include "imnn/json_reader.h"
#include "imnn/nn.h"

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace imnn {

// activation (default `fallback`), negative_slope (leaky_relu, 0.01) and alpha (elu, 1).
ActivationSpec read_activation(JsonReader &r, const std::string &fallback = "leaky_relu");
// The same three keys, resolved, into `out`.
void write_activation(nlohmann::json &out, const ActivationSpec &spec);

// input_layout: "image" (default) reads (L) as 1 x L x 1, (H, W) as H x W x 1, (1, H, W)
// as H x W x 1 (a single-channel field) and (H, W, C) with H > 1 as H x W x C; "stax"
// reads every rank-3 input as (H, W, C), as the reference's stax does (its (1, 128, 128)
// field becomes H = 1, W = 128, C = 128), and a rank-2 (A, B) input as that field without
// its leading 1: H = 1, W = A, C = B. "chw" and "hwc" (earlier names) are read as
// "image" and "stax".
std::string read_input_layout(JsonReader &r);
// The image an input of `shape` is read as; `key` names the option in errors and
// `network` the plugin.
ImageShape input_image(const std::vector<Index> &shape, const std::string &layout,
                       const std::string &key, const std::string &network);

// An integer or a list of integers >= min with one value per block (one value applies
// to all blocks); `blocks_from` names the option that sets the number of blocks.
std::vector<std::int64_t> read_per_block(JsonReader &r, const std::string &key,
                                         const std::vector<std::int64_t> &fallback,
                                         std::size_t blocks, const std::string &blocks_from,
                                         std::int64_t min = 1);

// "(1, 128, 128)", "(10,)".
std::string shape_text(const std::vector<Index> &shape);

} // namespace imnn

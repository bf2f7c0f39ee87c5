// Options shared by the network plugins (imnn/network_options.h).
#include "imnn/network_options.h"

#include "imnn/error.h"

namespace imnn {

ActivationSpec read_activation(JsonReader &r, const std::string &fallback) {
  ActivationSpec spec;
  try {
    spec.kind = activation_from_name(r.string("activation", fallback));
  } catch (const ConfigError &) {
    throw;
  } catch (const Error &e) {
    throw ConfigError(r.path("activation"), e.what());
  }
  spec.negative_slope = static_cast<float>(r.number("negative_slope", spec.negative_slope));
  spec.alpha = static_cast<float>(r.positive("alpha", spec.alpha));
  return spec;
}

void write_activation(nlohmann::json &out, const ActivationSpec &spec) {
  out["activation"] = activation_name(spec.kind);
  out["negative_slope"] = spec.negative_slope;
  out["alpha"] = spec.alpha;
}

std::string read_input_layout(JsonReader &r) {
  std::string layout = r.string("input_layout", "image");
  if (layout == "chw") layout = "image";
  if (layout == "hwc") layout = "stax";
  if (layout != "image" && layout != "stax")
    throw ConfigError(r.path("input_layout"),
                      "is \"" + layout +
                          "\"; use image (a (1, H, W) field as one H x W channel) or stax (the "
                          "reference's reading: (A, B, C) as H = A, W = B, C channels)");
  return layout;
}

std::string shape_text(const std::vector<Index> &shape) {
  std::string s = "(";
  for (std::size_t i = 0; i < shape.size(); ++i)
    s += (i ? ", " : "") + std::to_string(shape[i]);
  return s + (shape.size() == 1 ? ",)" : ")");
}

ImageShape input_image(const std::vector<Index> &shape, const std::string &layout,
                       const std::string &key, const std::string &network) {
  if (shape.size() == 1) return {1, shape[0], 1};
  // stax: an (A, B) field is the reference's (1, A, B) without its leading 1, read as
  // H = 1, W = A, B channels (the gaussian_random_field_2d plugin's (N, N) simulations).
  if (shape.size() == 2)
    return layout == "image" ? ImageShape{shape[0], shape[1], 1}
                             : ImageShape{1, shape[0], shape[1]};
  if (shape.size() == 3) {
    if (layout == "image" && shape[0] == 1) return {shape[1], shape[2], 1};
    return {shape[0], shape[1], shape[2]};
  }
  throw ConfigError(key, "the " + network +
                             " network reads inputs of rank 1 to 3 as images, but the "
                             "simulations have shape " +
                             shape_text(shape));
}

std::vector<std::int64_t> read_per_block(JsonReader &r, const std::string &key,
                                         const std::vector<std::int64_t> &fallback,
                                         std::size_t blocks, const std::string &blocks_from,
                                         std::int64_t min) {
  const nlohmann::json *v = r.find(key);
  std::vector<std::int64_t> out = fallback;
  if (v != nullptr && v->is_number_integer())
    out = {r.integer(key, fallback.front(), min)};
  else if (v != nullptr)
    out = r.integers(key, fallback, min);
  if (out.size() == 1) out.assign(blocks, out.front());
  if (out.size() != blocks)
    throw ConfigError(r.path(key), "has " + std::to_string(out.size()) + " values for " +
                                       std::to_string(blocks) + " blocks (" + blocks_from +
                                       "); give one value, or one per block");
  return out;
}

} // namespace imnn

// Fuzz target: the run config JSON (core/src/io/config.cpp, json_reader.cpp) as
// RunConfig::load reads it: parse_json_text with its nesting limit, then the strict
// RunConfig::from_json; a config it accepts must write back (to_json) and read again
// to the same resolved JSON.
#include "imnn/config.h"
#include "imnn/json_reader.h"

#include "fuzz_common.h"

#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char *>(data), size);
  imnn_fuzz::run_one([&] {
    const nlohmann::json j = imnn::parse_json_text(text, "config.json");
    const imnn::RunConfig c = imnn::RunConfig::from_json(j);
    const nlohmann::json back = c.to_json();
    const imnn::RunConfig again = imnn::RunConfig::from_json(back);
    if (again.to_json() != back) std::abort();
  });
  return 0;
}

// Fuzz target: model.json (TrainedModel::from_json, core/src/io/run_directory.cpp) as
// TrainedModel::load reads it; a model it accepts must write back and read again.
#include "imnn/json_reader.h"
#include "imnn/trained_model.h"

#include "fuzz_common.h"

#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char *>(data), size);
  imnn_fuzz::run_one([&] {
    const nlohmann::json j = imnn::parse_json_text(text, "model.json");
    const imnn::TrainedModel m = imnn::TrainedModel::from_json(j);
    const imnn::TrainedModel again = imnn::TrainedModel::from_json(m.to_json());
    if (again.weights.size() != m.weights.size() || again.n_summaries != m.n_summaries)
      std::abort();
  });
  return 0;
}

// Fuzz target: the checkpoint format (decode_checkpoint, core/src/fit/checkpoint.cpp).
// The first byte picks how the rest is used, so that mutations get past the checksum:
//   0: the rest is the checkpoint file;
//   1: the rest is the CBOR payload, given a correct header (size and FNV-1a hash, the
//      layout imnn/checkpoint.h documents);
//   2: the rest is JSON text, converted to CBOR and given a correct header.
// A checkpoint it accepts must encode and decode again to the same bytes.
#include "imnn/checkpoint.h"
#include "imnn/json_reader.h"

#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  if (size == 0) return 0;
  const std::string rest(reinterpret_cast<const char *>(data + 1), size - 1);
  imnn_fuzz::run_one([&] {
    std::string bytes;
    switch (data[0] % 3) {
    case 0:
      bytes = rest;
      break;
    case 1:
      bytes = imnn::frame_checkpoint_payload(rest);
      break;
    default: {
      std::string cbor;
      nlohmann::json::to_cbor(imnn::parse_json_text(rest, "fuzz input"), cbor);
      bytes = imnn::frame_checkpoint_payload(cbor);
    }
    }
    const imnn::Checkpoint c = imnn::decode_checkpoint(bytes, "state.ckpt");
    const std::string again = imnn::encode_checkpoint(c);
    if (imnn::encode_checkpoint(imnn::decode_checkpoint(again, "state.ckpt")) != again)
      std::abort();
  });
  return 0;
}

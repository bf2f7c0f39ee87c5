#include "imnn/seeds.h"

#include <Random123/threefry.h>

namespace imnn {

std::uint64_t derive_seed(std::uint64_t run_seed, SeedStream stream, std::uint64_t iteration,
                          std::uint64_t index) {
  // Threefry-4x64 is a keyed bijection of its counter: distinct (stream, iteration,
  // index) give distinct, well-mixed outputs under one run seed.
  r123::Threefry4x64 rng;
  r123::Threefry4x64::key_type key = {{run_seed, 0x494d4e4e53747564ULL, 0, 0}};
  r123::Threefry4x64::ctr_type ctr = {{index, iteration, static_cast<std::uint64_t>(stream), 0}};
  return rng(ctr, key)[0];
}

} // namespace imnn

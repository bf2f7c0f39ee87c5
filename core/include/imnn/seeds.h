// Counter-based seeds: one 64-bit seed per simulation, a pure function of
// (run seed, stream, iteration, index), so results never depend on which thread or
// device made a simulation, and any simulation can be regenerated on its own.
#pragma once

#include <cstdint>

namespace imnn {

enum class SeedStream : std::uint64_t {
  training = 0,   // training simulations, one set per iteration
  validation = 1, // validation simulations, one set per iteration
  statistics = 2, // final Fisher statistics at the kept weights
  weights = 3,    // network initialisation
  inference = 4,  // ABC / PMC draws
};

std::uint64_t derive_seed(std::uint64_t run_seed, SeedStream stream, std::uint64_t iteration,
                          std::uint64_t index);

} // namespace imnn

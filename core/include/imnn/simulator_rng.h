/* Counter-based standard normals drawn from a simulation's seed, for simulator
 * plugins (C11 or C++, header only).
 *
 * The simulator ABI (imnn/simulator_abi.h) asks a plugin to draw all of its
 * randomness from the 64-bit seed it is given, so that the same seed gives the
 * same simulation bit for bit on any thread, and simulations at theta_fid +/- delta/2
 * with the same seed share their noise. A counter-based generator does this
 * without state: the seed is the key, the element's index is the counter.
 *
 * This header uses Random123's Philox4x32-10 (Salmon et al. 2011; Debian package
 * librandom123-dev, header only). It is not written by hand here: Random123 is the
 * well-tested implementation, and this file only fixes one documented mapping from
 * (seed, block) to normals so that every plugin that uses it draws the same numbers:
 *
 *   key     = (seed & 0xffffffff, seed >> 32)
 *   counter = (block & 0xffffffff, block >> 32, 0, 0)
 *   r       = philox4x32(counter, key)                    four 32-bit words
 *   a = r0:r1, b = r2:r3                                  two 64-bit words
 *   u1 = ((a >> 11) + 1) * 2^-53  in (0, 1]               53 bits each
 *   u2 = (b >> 11) * 2^-53        in [0, 1)
 *   z0 = sqrt(-2 ln u1) cos(2 pi u2),  z1 = sqrt(-2 ln u1) sin(2 pi u2)  (Box-Muller)
 *
 * The built-in plugins gaussian_mean_variance (one normal per block, z0 of block e
 * for element e) and gaussian_random_field_2d (two per block) use it. */
#ifndef IMNN_SIMULATOR_RNG_H
#define IMNN_SIMULATOR_RNG_H

#include <Random123/philox.h>
#include <math.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define IMNN_RNG_TWO_PI 6.283185307179586476925286766559

/* The two uniforms of Philox block `block` under the seed's key: u1 in (0, 1],
 * u2 in [0, 1). */
static inline void imnn_rng_uniform_pair(uint64_t seed, uint64_t block, double *u1, double *u2) {
  const philox4x32_key_t key = {{(uint32_t)(seed & 0xffffffffu), (uint32_t)(seed >> 32)}};
  const philox4x32_ctr_t counter = {
      {(uint32_t)(block & 0xffffffffu), (uint32_t)(block >> 32), 0u, 0u}};
  const philox4x32_ctr_t r = philox4x32(counter, key);
  const uint64_t a = ((uint64_t)r.v[0] << 32) | r.v[1];
  const uint64_t b = ((uint64_t)r.v[2] << 32) | r.v[3];
  *u1 = (double)((a >> 11) + 1u) * 0x1.0p-53;
  *u2 = (double)(b >> 11) * 0x1.0p-53;
}

/* The two Box-Muller normals (z0, z1) of block `block`. */
static inline void imnn_rng_normal_pair(uint64_t seed, uint64_t block, double *z0, double *z1) {
  double u1, u2;
  imnn_rng_uniform_pair(seed, block, &u1, &u2);
  const double radius = sqrt(-2.0 * log(u1));
  const double angle = IMNN_RNG_TWO_PI * u2;
  *z0 = radius * cos(angle);
  *z1 = radius * sin(angle);
}

/* One normal per block: z0 of block `block` (element e of a simulation uses block e). */
static inline double imnn_rng_normal(uint64_t seed, uint64_t block) {
  double u1, u2;
  imnn_rng_uniform_pair(seed, block, &u1, &u2);
  return sqrt(-2.0 * log(u1)) * cos(IMNN_RNG_TWO_PI * u2);
}

/* count normals into out, two per block: out[2c] = z0 and out[2c + 1] = z1 of block c. */
static inline void imnn_rng_normals(uint64_t seed, double *out, size_t count) {
  size_t e;
  for (e = 0; e < count; e += 2) {
    double z0, z1;
    imnn_rng_normal_pair(seed, (uint64_t)(e / 2), &z0, &z1);
    out[e] = z0;
    if (e + 1 < count) out[e + 1] = z1;
  }
}

#ifdef __cplusplus
}
#endif

#endif /* IMNN_SIMULATOR_RNG_H */

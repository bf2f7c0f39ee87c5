// The k-grid and the analytic Fisher information of the 2-D Gaussian random field
// P(k) = A k^(-B) (imnn-spec §5.2), shared by the gaussian_random_field_2d plugin and
// its tests so that both use one definition of k.
//
// Grid index i in 0..N-1 is the signed mode m = i for i <= N/2 and i - N above (numpy's
// (0, ..., N/2, -N/2+1, ..., -1) for even N), and k_i = 2 pi m / L; |k| = sqrt(kx^2 + ky^2).
// The reference has L = N, so k = (2 pi / N) m.
#ifndef IMNN_GRF_2D_H
#define IMNN_GRF_2D_H

#include <array>
#include <cmath>
#include <cstdint>

namespace imnn_grf {

inline constexpr double kTwoPi = 6.283185307179586476925286766559;

// The signed mode number of grid index i on an axis of n points.
inline std::int64_t signed_mode(std::int64_t i, std::int64_t n) {
  return 2 * i <= n ? i : i - n;
}

// |k| of grid point (i, j) on an n x n grid in a box of side L.
inline double wavenumber(std::int64_t i, std::int64_t j, std::int64_t n, double L) {
  const double kx = kTwoPi * static_cast<double>(signed_mode(i, n)) / L;
  const double ky = kTwoPi * static_cast<double>(signed_mode(j, n)) / L;
  return std::sqrt(kx * kx + ky * ky);
}

enum class ModeCounting {
  // The reference's analytic Fisher: only the modes k[1:N/2, 1:N/2] (both indices in
  // 1..N/2-1, 63 x 63 = 3969 modes for N = 128), each with 1/2 (d ln P)(d ln P).
  reference_quadrant,
  // The information in the field this plugin simulates: every non-zero mode of the
  // N x N grid with 1/2 (d ln P)(d ln P). A pair (k, -k) is one complex Gaussian (two
  // real degrees of freedom, 1/2 each) and counts as its two grid points; a
  // self-conjugate mode (the Nyquist ones) is one real degree of freedom.
  full_grid,
};

// F = [[F_AA, F_AB], [F_BA, F_BB]] (row major) of P(k) = A k^(-B) at (A, B), where
// d ln P / dA = 1 / A and d ln P / dB = -ln k. Double precision throughout.
inline std::array<double, 4> fisher(std::int64_t n, double L, double A, double B,
                                    ModeCounting counting) {
  (void)B; // d ln P does not depend on B for a power law
  double s0 = 0.0, s1 = 0.0, s2 = 0.0;
  const std::int64_t first = counting == ModeCounting::reference_quadrant ? 1 : 0;
  const std::int64_t last = counting == ModeCounting::reference_quadrant ? n / 2 : n;
  for (std::int64_t i = first; i < last; ++i)
    for (std::int64_t j = first; j < last; ++j) {
      if (i == 0 && j == 0) continue;
      const double lnk = std::log(wavenumber(i, j, n, L));
      s0 += 1.0;
      s1 += lnk;
      s2 += lnk * lnk;
    }
  const double fab = -0.5 * s1 / A;
  return {0.5 * s0 / (A * A), fab, fab, 0.5 * s2};
}

} // namespace imnn_grf

#endif // IMNN_GRF_2D_H

// Fourier-space helpers shared by the field tests: an FFTW r2c transform and the exact
// likelihood of a 2-D Gaussian random field (P(k) = A k^-B) from its modes.
#pragma once

#include "grf_2d.h"

#include <cmath>
#include <complex>
#include <cstddef>
#include <fftw3.h>
#include <vector>

namespace grf_test {

// r2c FFTs of n x n real arrays (unnormalised, FFTW's sign convention), for the tests'
// own Fourier-space statistics.
class Fft2 {
public:
  explicit Fft2(int n)
      : n_(n), nh_(n / 2 + 1), in_(fftw_alloc_real(std::size_t(n) * std::size_t(n))),
        out_(fftw_alloc_complex(std::size_t(n) * std::size_t(n / 2 + 1))),
        plan_(fftw_plan_dft_r2c_2d(n, n, in_, out_, FFTW_ESTIMATE)) {}
  ~Fft2() {
    fftw_destroy_plan(plan_);
    fftw_free(in_);
    fftw_free(out_);
  }
  Fft2(const Fft2 &) = delete;
  Fft2 &operator=(const Fft2 &) = delete;
  // The half spectrum (n x (n/2+1)) of x[i * stride] for i in 0..n*n-1.
  std::vector<std::complex<double>> operator()(const double *x, std::size_t stride = 1) {
    for (std::size_t i = 0; i < std::size_t(n_) * std::size_t(n_); ++i)
      in_[i] = x[i * stride];
    fftw_execute(plan_);
    std::vector<std::complex<double>> r(std::size_t(n_) * std::size_t(nh_));
    for (std::size_t i = 0; i < r.size(); ++i)
      r[i] = {out_[i][0], out_[i][1]};
    return r;
  }

private:
  int n_, nh_;
  double *in_;
  fftw_complex *out_;
  fftw_plan plan_;
};

// The exact log-likelihood of an n x n field in a box of side L given (A, B), from its
// half spectrum d_k (Fft2): ln p = -1/2 sum over the non-zero modes of the full grid of
// (|d_k|^2 / s_k + ln s_k), s_k = <|d_k|^2> = n^4 A k^-B / L^2 (the simulator's
// normalisation, checked by TestGrf::fisher_from_simulations), up to a constant. A
// pair (k, -k) is one complex Gaussian and counts as its two grid points; the zero mode
// is removed by the simulator. Precomputes per mode: weight, |d_k|^2 and ln k.
class FieldLikelihood {
public:
  FieldLikelihood(const std::vector<std::complex<double>> &dk, int n, double L) {
    const int nh = n / 2 + 1;
    const double norm = std::pow(double(n), 4) / (L * L);
    for (int i = 0; i < n; ++i)
      for (int j = 0; j < nh; ++j) {
        if (i == 0 && j == 0) continue;
        const std::size_t idx = std::size_t(i) * std::size_t(nh) + std::size_t(j);
        const double weight = (j == 0 || 2 * j == n) ? 1.0 : 2.0;
        modes_.push_back(
            {weight, std::norm(dk[idx]) / norm, std::log(imnn_grf::wavenumber(i, j, n, L))});
      }
  }
  double operator()(double A, double B) const {
    const double lnA = std::log(A);
    double s = 0.0;
    for (const Mode &m : modes_) {
      const double lnP = lnA - B * m.lnk; // ln(s_k / norm)
      s += m.weight * (m.power * std::exp(-lnP) + lnP);
    }
    return -0.5 * s;
  }

private:
  struct Mode {
    double weight, power, lnk; // power: |d_k|^2 / norm
  };
  std::vector<Mode> modes_;
};

} // namespace grf_test

// Priors: independent uniforms and independent truncated Gaussians. Draws are pure
// functions of a 64-bit seed (Philox), so any thread can make any draw.
#include "lfi/lfi_internal.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

namespace imnn::lfi {

bool Prior::in_box(const double *theta) const {
  for (std::size_t i = 0; i < low_.size(); ++i)
    if (!(theta[i] >= low_[i] && theta[i] <= high_[i])) return false; // NaN is outside
  return true;
}

namespace {

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

void check_box(const char *what, const std::vector<double> &low, const std::vector<double> &high) {
  const std::string w = what;
  if (low.empty()) throw Error(w + " prior: no parameters: give at least one (low, high) pair");
  if (low.size() != high.size())
    throw Error(w + " prior: " + std::to_string(low.size()) + " lower bounds but " +
                std::to_string(high.size()) + " upper bounds: give one (low, high) per parameter");
  for (std::size_t i = 0; i < low.size(); ++i) {
    if (!std::isfinite(low[i]) || !std::isfinite(high[i]))
      throw Error(w + " prior: parameter " + std::to_string(i) + " has a non-finite bound [" +
                  num(low[i]) + ", " + num(high[i]) + "]: give finite low and high");
    if (!(low[i] < high[i]))
      throw Error(w + " prior: parameter " + std::to_string(i) + " has low " + num(low[i]) +
                  " >= high " + num(high[i]) + ": low must be smaller than high");
  }
}

class UniformPrior final : public Prior {
public:
  UniformPrior(std::vector<double> low, std::vector<double> high) {
    check_box("uniform", low, high);
    low_ = std::move(low);
    high_ = std::move(high);
    log_density_ = 0.0;
    for (std::size_t i = 0; i < low_.size(); ++i)
      log_density_ -= std::log(high_[i] - low_[i]);
  }
  std::string name() const override { return "uniform"; }
  void sample(std::uint64_t seed, double *theta) const override {
    detail::Stream s(seed);
    for (std::size_t i = 0; i < low_.size(); ++i) {
      const double v = low_[i] + s.unit() * (high_[i] - low_[i]);
      theta[i] = v < high_[i] ? v : std::nextafter(high_[i], low_[i]); // [low, high)
    }
  }
  // The density is constant on the closed box (a null set apart from [low, high)), so
  // that every point PMC keeps inside the box has a positive prior.
  double log_prob(const double *theta) const override {
    return in_box(theta) ? log_density_ : -std::numeric_limits<double>::infinity();
  }

private:
  double log_density_ = 0.0;
};

class GaussianPrior final : public Prior {
public:
  GaussianPrior(std::vector<double> mean, std::vector<double> sd, std::vector<double> low,
                std::vector<double> high) {
    check_box("gaussian", low, high);
    if (mean.size() != low.size() || sd.size() != low.size())
      throw Error("gaussian prior: " + std::to_string(mean.size()) + " means and " +
                  std::to_string(sd.size()) + " standard deviations for " +
                  std::to_string(low.size()) + " parameters: give one of each per parameter");
    for (std::size_t i = 0; i < low.size(); ++i) {
      if (!std::isfinite(mean[i]))
        throw Error("gaussian prior: parameter " + std::to_string(i) +
                    " has a non-finite mean: give a finite mean");
      if (!(sd[i] > 0.0) || !std::isfinite(sd[i]))
        throw Error("gaussian prior: parameter " + std::to_string(i) + " has sd " + num(sd[i]) +
                    ": the standard deviation must be positive and finite");
    }
    low_ = std::move(low);
    high_ = std::move(high);
    mean_ = std::move(mean);
    sd_ = std::move(sd);
    log_norm_ = 0.0;
    for (std::size_t i = 0; i < low_.size(); ++i) {
      const double mass = detail::norm_interval(a(i), b(i));
      if (!(mass > 0.0))
        throw Error("gaussian prior: parameter " + std::to_string(i) +
                    " has (numerically) no mass inside its box [" + num(low_[i]) + ", " +
                    num(high_[i]) + "]: move the box towards the mean or widen sd");
      log_norm_ -= std::log(mass) + std::log(sd_[i]);
    }
  }
  std::string name() const override { return "gaussian"; }
  void sample(std::uint64_t seed, double *theta) const override {
    detail::Stream s(seed);
    for (std::size_t i = 0; i < low_.size(); ++i) {
      const double z = detail::truncated_normal(a(i), b(i), s.open01());
      theta[i] = std::clamp(mean_[i] + sd_[i] * z, low_[i], high_[i]);
    }
  }
  double log_prob(const double *theta) const override {
    if (!in_box(theta)) return -std::numeric_limits<double>::infinity();
    double lp = log_norm_;
    for (std::size_t i = 0; i < low_.size(); ++i)
      lp += detail::norm_logpdf((theta[i] - mean_[i]) / sd_[i]);
    return lp;
  }

private:
  double a(std::size_t i) const { return (low_[i] - mean_[i]) / sd_[i]; }
  double b(std::size_t i) const { return (high_[i] - mean_[i]) / sd_[i]; }
  std::vector<double> mean_, sd_;
  double log_norm_ = 0.0;
};

} // namespace

std::unique_ptr<Prior> make_uniform_prior(std::vector<double> low, std::vector<double> high) {
  return std::make_unique<UniformPrior>(std::move(low), std::move(high));
}

std::unique_ptr<Prior> make_gaussian_prior(std::vector<double> mean, std::vector<double> sd,
                                           std::vector<double> low, std::vector<double> high) {
  return std::make_unique<GaussianPrior>(std::move(mean), std::move(sd), std::move(low),
                                         std::move(high));
}

} // namespace imnn::lfi

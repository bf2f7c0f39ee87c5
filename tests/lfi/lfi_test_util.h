// Helpers shared by the LFI unit tests (test_lfi.cpp, test_lfi_samplers.cpp).
#pragma once

#include "imnn/error.h"
#include "imnn/lfi.h"

#include "gaussian_problem.h"

#include <Eigen/Core>
#include <QElapsedTimer>
#include <QMetaType>
#include <memory>
#include <string>
#include <vector>

Q_DECLARE_METATYPE(std::vector<double>)

namespace lfi_test {

inline constexpr double kPi = 3.14159265358979323846;

inline double seconds(const QElapsedTimer &t) {
  return static_cast<double>(t.nsecsElapsed()) * 1e-9;
}

// Runs f and returns the imnn::Error message it throws ("" when it does not throw).
template <class F>
std::string error_of(F &&f) {
  try {
    f();
  } catch (const imnn::Error &e) {
    return e.what();
  }
  return "";
}

inline bool contains(const std::string &s, const char *part) {
  return s.find(part) != std::string::npos;
}

inline std::unique_ptr<imnn::lfi::Prior> box_prior() {
  return imnn::lfi::make_uniform_prior({-3.0, 0.1}, {3.0, 5.0});
}

inline Eigen::Vector2d target_at(double mu, double sigma, std::uint64_t seed = 99) {
  double data[gp::n];
  const double theta[2] = {mu, sigma};
  gp::simulate(seed, theta, data);
  Eigen::Vector2d t;
  gp::summarise(data, t.data());
  return t;
}

inline double sum(const std::vector<double> &v) {
  double s = 0.0;
  for (double x : v)
    s += x;
  return s;
}

} // namespace lfi_test

// Activation functions with their first and second derivatives, templated on the
// scalar type so the layers (float) and the tests (double references) share one
// definition. Private to the nn module (and its tests).
//
// GELU is the exact (erf) form: sigma(z) = z Phi(z), sigma'(z) = Phi(z) + z phi(z),
// sigma''(z) = phi(z) (2 - z^2), with Phi/phi the standard normal cdf/pdf.
#pragma once

#include "imnn/nn.h"

#include <algorithm>
#include <cmath>

namespace imnn::nn_detail {

template <class T>
struct IdentityFn {
  static constexpr bool curved = false;
  T value(T z) const { return z; }
  T d1(T) const { return T(1); }
  T d2(T) const { return T(0); }
};

template <class T>
struct ReluFn {
  static constexpr bool curved = false;
  T value(T z) const { return std::max(z, T(0)); }
  T d1(T z) const { return z > T(0) ? T(1) : T(0); }
  T d2(T) const { return T(0); }
};

template <class T>
struct LeakyReluFn {
  static constexpr bool curved = false;
  T slope = T(0.01);
  // Branch-free (max/min) so that GCC vectorises it under -ftrapping-math.
  T value(T z) const { return std::max(z, T(0)) + slope * std::min(z, T(0)); }
  T d1(T z) const { return z > T(0) ? T(1) : slope; }
  T d2(T) const { return T(0); }
};

template <class T>
struct TanhFn {
  static constexpr bool curved = true;
  T value(T z) const { return std::tanh(z); }
  T d1(T z) const {
    const T t = std::tanh(z);
    return T(1) - t * t;
  }
  T d2(T z) const {
    const T t = std::tanh(z);
    return T(-2) * t * (T(1) - t * t);
  }
};

// softplus(z) = log(1 + e^z), computed stably as max(z, 0) + log1p(e^-|z|).
template <class T>
struct SoftplusFn {
  static constexpr bool curved = true;
  T value(T z) const { return std::max(z, T(0)) + std::log1p(std::exp(-std::abs(z))); }
  T d1(T z) const { // logistic sigmoid
    const T e = std::exp(-std::abs(z));
    return z >= T(0) ? T(1) / (T(1) + e) : e / (T(1) + e);
  }
  T d2(T z) const { // s (1 - s) = e^-|z| / (1 + e^-|z|)^2
    const T e = std::exp(-std::abs(z));
    const T q = T(1) + e;
    return e / (q * q);
  }
};

// For z <= 0, sigma'(z) = sigma''(z) = alpha e^z = sigma(z) + alpha: the layers take
// the derivatives from the output (d1_out, d2_out) instead of a second exponential.
template <class T>
struct EluFn {
  static constexpr bool curved = true;
  T alpha = T(1);
  T value(T z) const { return z > T(0) ? z : alpha * std::expm1(z); }
  T d1(T z) const { return z > T(0) ? T(1) : alpha * std::exp(z); }
  T d2(T z) const { return z > T(0) ? T(0) : alpha * std::exp(z); }
  // Branch-free (m = 1 for z > 0, else 0) so that GCC vectorises them.
  T d1_out(T z, T h) const {
    const T m = static_cast<T>(z > T(0));
    return m + (T(1) - m) * (h + alpha);
  }
  T d2_out(T z, T h) const {
    const T m = static_cast<T>(z > T(0));
    return (T(1) - m) * (h + alpha);
  }
};

template <class T>
struct GeluFn {
  static constexpr bool curved = true;
  static constexpr T inv_sqrt2 = T(0.70710678118654752440084436210484903928);
  static constexpr T inv_sqrt2pi = T(0.39894228040143267793994605993438186848);
  static T cdf(T z) { return T(0.5) * std::erfc(-z * inv_sqrt2); }
  static T pdf(T z) { return inv_sqrt2pi * std::exp(T(-0.5) * z * z); }
  T value(T z) const { return z * cdf(z); }
  T d1(T z) const { return cdf(z) + z * pdf(z); }
  T d2(T z) const { return pdf(z) * (T(2) - z * z); }
};

// z^2: the quadratic estimator's nonlinearity (power of a filtered field).
template <class T>
struct SquareFn {
  static constexpr bool curved = true;
  T value(T z) const { return z * z; }
  T d1(T z) const { return T(2) * z; }
  T d2(T) const { return T(2); }
};

// Activations whose derivatives the layers read from the output h = sigma(z).
template <class F>
inline constexpr bool derivatives_from_output = requires(const F &f) {
  f.d1_out(f.d1(0), f.d1(0));
};

// Calls fn(functor) with the functor of spec's kind for scalar type T.
template <class T, class Fn>
decltype(auto) visit_activation(const ActivationSpec &spec, Fn &&fn) {
  switch (spec.kind) {
  case ActivationKind::identity:
    return fn(IdentityFn<T>{});
  case ActivationKind::relu:
    return fn(ReluFn<T>{});
  case ActivationKind::leaky_relu:
    return fn(LeakyReluFn<T>{static_cast<T>(spec.negative_slope)});
  case ActivationKind::tanh:
    return fn(TanhFn<T>{});
  case ActivationKind::softplus:
    return fn(SoftplusFn<T>{});
  case ActivationKind::elu:
    return fn(EluFn<T>{static_cast<T>(spec.alpha)});
  case ActivationKind::square:
    return fn(SquareFn<T>{});
  case ActivationKind::gelu:
    break;
  }
  return fn(GeluFn<T>{});
}

} // namespace imnn::nn_detail

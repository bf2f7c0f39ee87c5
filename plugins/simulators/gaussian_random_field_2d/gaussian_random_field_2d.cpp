// The reference's 2-D Gaussian random field (imnn-spec §5.2) as a simulator plugin:
//
//     d(x) = (1/L) sum_{k != 0} sqrt(P(|k|)) w_k exp(i k.x),   P(k) = A k^(-B),
//
// on an N x N grid (C order, d[i * N + j] is row i, column j) in a box of side L (default
// L = N, so k = 2 pi m / N as in the reference). This is the reference's normalisation
// (vol_norm = True, N_scale = True): its field = (N^2 / L) Re(ifft2(sqrt(P) noise)), so
// with L = N = 128, 128 Re(ifft2(...)). The pixel variance is (1/L^2) sum_{k != 0} P(k).
//
// Noise: w = fft2(n) / N of real white noise n(x) ~ N(0, 1), so w is exactly Hermitian
// (the field is real without taking a real part) and every Fourier mode is complex
// Gaussian with <|w_k|^2> = 1, as the reference's unit-variance noise. The reference
// builds its noise from a N(0,1) magnitude times a uniform phase (drawn with the same key)
// symmetrised on an (N+1)^2 grid, which is not Gaussian mode by mode and not Hermitian on
// the first row and column; this plugin draws a true Gaussian random field instead.
// The zero mode is removed: every field sums to 0 (up to rounding).
//
// Jacobian (exact for the seed, same noise): dd/dA = d / (2A); dd/dB is a second inverse
// FFT of -1/2 ln k sqrt(P) w.
//
// Option log_normal (default false): delta = exp(d - sigma^2/2) - 1 with sigma^2 =
// (1/L^2) sum_{k != 0} P(k) the variance of the Gaussian field d (the ensemble variance, so
// <delta> = 0 exactly), Jacobian by the chain rule. See README for the reference's variant.
//
// Randomness: n(x) at element e = i * N + j is a Box-Muller normal from the Philox4x32-10
// block keyed by the seed (two 32-bit words) at counter e / 2 (cosine for even e, sine for
// odd e; imnn/simulator_rng.h). FFTW plans (FFTW_ESTIMATE, deterministic) are made once per
// instance under a mutex; simulations execute them with the new-array execute functions on
// fftw_malloc'd workspaces that each call takes from (and returns to) a small mutex-guarded pool of
// the instance, so any number of threads may simulate at once.
#include "imnn/simulator_abi.h"
#include "imnn/simulator_rng.h"

#include "grf_2d.h"

#include <algorithm>
#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <exception>
#include <fftw3.h>
#include <memory>
#include <mutex>
#include <new>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace {

constexpr std::int64_t kDefaultN = 128;
constexpr std::int64_t kMaxN = 4096;

const char *const param_names[] = {"A", "B", nullptr}; // ABI 2: NULL after the names
const std::int64_t default_shape[] = {kDefaultN, kDefaultN};
const double theta_fid[] = {1.0, 0.5};
const double delta_theta[] = {0.1, 0.1};
const double prior_low[] = {0.1, 0.1};
const double prior_high[] = {1.25, 1.25};

const imnn_simulator_descriptor descriptor = {
    "gaussian_random_field_2d",
    "1.0.0",
    "2-D Gaussian random field on an N x N grid with power spectrum P(k) = A k^(-B): the "
    "reference's 2d_field_inference example (optionally log-normal)",
    2,
    param_names,
    2,
    default_shape,
    theta_fid,
    delta_theta,
    prior_low,
    prior_high,
    "{\"N\": \"grid size, the field is N x N, an integer between 2 and 4096 (128)\", "
    "\"L\": \"box side, > 0; k = 2 pi m / L (N, as the reference)\", "
    "\"log_normal\": \"true for the log-normal field exp(d - sigma^2/2) - 1 (false)\"}"};

// FFTW's planner (and plan destruction) is not thread-safe; execution is.
std::mutex &planner_mutex() {
  static std::mutex m;
  return m;
}

void set_error(char *error, std::size_t error_size, const char *format, ...)
    __attribute__((format(printf, 3, 4)));
void set_error(char *error, std::size_t error_size, const char *format, ...) {
  if (!error || error_size == 0) return;
  va_list args;
  va_start(args, format);
  std::vsnprintf(error, error_size, format, args);
  va_end(args);
}

// An fftw_malloc'd array freed on scope exit.
template <typename T>
struct FftwArray {
  T *p = nullptr;
  explicit FftwArray(std::size_t n) : p(static_cast<T *>(fftw_malloc(sizeof(T) * n))) {}
  ~FftwArray() { fftw_free(p); }
  FftwArray(const FftwArray &) = delete;
  FftwArray &operator=(const FftwArray &) = delete;
};

// The arrays of one simulation (with Jacobian): two real n x n, two half spectra.
struct Workspace {
  FftwArray<double> field, field_b;
  FftwArray<fftw_complex> spec, spec_b;
  Workspace(std::size_t count, std::size_t half)
      : field(count), field_b(count), spec(half), spec_b(half) {}
  bool ok() const { return field.p && field_b.p && spec.p && spec_b.p; }
};

const char *json_kind(const nlohmann::json &v) {
  switch (v.type()) {
  case nlohmann::json::value_t::string:
    return "a string";
  case nlohmann::json::value_t::boolean:
    return "a boolean";
  case nlohmann::json::value_t::null:
    return "null";
  case nlohmann::json::value_t::array:
    return "an array";
  case nlohmann::json::value_t::object:
    return "an object";
  default:
    return "a number";
  }
}

} // namespace

struct imnn_simulator_instance {
  std::int64_t n = kDefaultN; // grid side
  double L = static_cast<double>(kDefaultN);
  bool log_normal = false;
  std::int64_t nh = kDefaultN / 2 + 1; // columns of the half spectrum
  std::vector<double> log_k;           // ln |k| on the half spectrum (n x nh), [0] unused
  std::vector<double> weight;   // 1 or 2: how many grid points of the full grid it stands for
  fftw_plan forward = nullptr;  // r2c n x n
  fftw_plan backward = nullptr; // c2r n x n
  // Workspaces not in use: a simulation takes one (or makes one) and gives it back, so the
  // arrays are allocated once per thread rather than once per call (per-call allocation of
  // these 0.5 MB cost a third of the time in page faults). Nothing observable depends on
  // which workspace a simulation gets.
  mutable std::mutex pool_mutex;
  mutable std::vector<std::unique_ptr<Workspace>> pool;
};

namespace {

struct Options {
  std::int64_t n = kDefaultN;
  double L = 0.0; // 0: L = N
  bool log_normal = false;
};

bool parse_options(const char *options_json, Options &o, char *error, std::size_t error_size) {
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(options_json ? options_json : "{}");
  } catch (const std::exception &e) {
    set_error(error, error_size,
              "options are not valid JSON (%s); give an object such as {\"N\": 128}", e.what());
    return false;
  }
  if (j.is_null()) j = nlohmann::json::object();
  if (!j.is_object()) {
    set_error(error, error_size, "options must be a JSON object such as {\"N\": 128}, not %s",
              json_kind(j));
    return false;
  }
  for (const auto &[key, value] : j.items()) {
    if (key == "N") {
      const double v = value.is_number() ? value.get<double>() : std::nan("");
      if (!value.is_number() || !std::isfinite(v) || v != std::floor(v) || v < 2.0 ||
          v > static_cast<double>(kMaxN)) {
        set_error(error, error_size,
                  "option \"N\" must be an integer between 2 and %lld (the grid size: the field "
                  "is N x N, default %lld), not %s",
                  static_cast<long long>(kMaxN), static_cast<long long>(kDefaultN),
                  value.dump().c_str());
        return false;
      }
      o.n = static_cast<std::int64_t>(v);
    } else if (key == "L") {
      const double v = value.is_number() ? value.get<double>() : std::nan("");
      if (!value.is_number() || !std::isfinite(v) || !(v > 0.0)) {
        set_error(error, error_size,
                  "option \"L\" must be a number > 0 (the box side; k = 2 pi m / L, default "
                  "L = N), not %s",
                  value.dump().c_str());
        return false;
      }
      o.L = v;
    } else if (key == "log_normal") {
      if (!value.is_boolean()) {
        set_error(error, error_size,
                  "option \"log_normal\" must be true or false (default false), not %s",
                  value.dump().c_str());
        return false;
      }
      o.log_normal = value.get<bool>();
    } else {
      set_error(error, error_size,
                "unknown option \"%s\"; the options are \"N\" (grid size, default 128), \"L\" "
                "(box side, default N) and \"log_normal\" (default false): remove \"%s\"",
                key.c_str(), key.c_str());
      return false;
    }
  }
  return true;
}

imnn_simulator_instance *create(const char *options_json, char *error,
                                std::size_t error_size) noexcept {
  try {
    Options o;
    if (!parse_options(options_json, o, error, error_size)) return nullptr;
    auto *s = new imnn_simulator_instance;
    s->n = o.n;
    s->L = o.L > 0.0 ? o.L : static_cast<double>(o.n);
    s->log_normal = o.log_normal;
    s->nh = o.n / 2 + 1;
    const auto n = static_cast<std::size_t>(s->n), nh = static_cast<std::size_t>(s->nh);
    s->log_k.assign(n * nh, 0.0);
    s->weight.assign(n * nh, 0.0);
    for (std::int64_t i = 0; i < s->n; ++i)
      for (std::int64_t j = 0; j < s->nh; ++j) {
        const auto idx = static_cast<std::size_t>(i * s->nh + j);
        if (idx == 0) continue; // the zero mode is removed
        s->log_k[idx] = std::log(imnn_grf::wavenumber(i, j, s->n, s->L));
        s->weight[idx] = (j == 0 || 2 * j == s->n) ? 1.0 : 2.0;
      }
    {
      std::lock_guard<std::mutex> lock(planner_mutex());
      FftwArray<double> r(n * n);
      FftwArray<fftw_complex> c(n * nh);
      if (r.p && c.p) {
        const int ni = static_cast<int>(s->n);
        s->forward = fftw_plan_dft_r2c_2d(ni, ni, r.p, c.p, FFTW_ESTIMATE);
        s->backward = fftw_plan_dft_c2r_2d(ni, ni, c.p, r.p, FFTW_ESTIMATE);
      }
      if (!s->forward || !s->backward) {
        if (s->forward) fftw_destroy_plan(s->forward);
        if (s->backward) fftw_destroy_plan(s->backward);
        delete s;
        set_error(error, error_size, "FFTW could not plan a %lld x %lld transform (out of memory?)",
                  static_cast<long long>(o.n), static_cast<long long>(o.n));
        return nullptr;
      }
    }
    return s;
  } catch (const std::bad_alloc &) {
    set_error(error, error_size, "out of memory");
  } catch (const std::exception &e) {
    set_error(error, error_size, "internal error: %s", e.what());
  }
  return nullptr;
}

void destroy(imnn_simulator_instance *s) noexcept {
  if (!s) return;
  {
    std::lock_guard<std::mutex> lock(planner_mutex());
    if (s->forward) fftw_destroy_plan(s->forward);
    if (s->backward) fftw_destroy_plan(s->backward);
  }
  delete s;
}

std::uint32_t input_shape(const imnn_simulator_instance *s, std::int64_t *shape,
                          std::uint32_t capacity) noexcept {
  if (!s || !shape || capacity < 2) return 0;
  shape[0] = s->n;
  shape[1] = s->n;
  return 2;
}

// White noise n[e], e = 0..count-1: two Box-Muller normals per Philox block
// (imnn/simulator_rng.h).
void white_noise(std::uint64_t seed, double *n, std::size_t count) {
  imnn_rng_normals(seed, n, count);
}

int simulate_with_jacobian(const imnn_simulator_instance *s, std::uint64_t seed,
                           const double *theta, double *out, double *jacobian, char *error,
                           std::size_t error_size) noexcept {
  if (!s || !out) {
    set_error(error, error_size, "internal: no instance or output buffer");
    return IMNN_ERROR;
  }
  if (!theta || !std::isfinite(theta[0]) || !std::isfinite(theta[1])) {
    set_error(error, error_size, "theta must be finite (A, B)");
    return IMNN_ERROR;
  }
  const double A = theta[0], B = theta[1];
  if (!(A > 0.0)) {
    set_error(error, error_size,
              "A must be > 0 for a simulation (got %.17g); choose a fiducial A and a delta_theta "
              "such that A - delta/2 > 0",
              A);
    return IMNN_ERROR;
  }
  const std::size_t n = static_cast<std::size_t>(s->n), nh = static_cast<std::size_t>(s->nh);
  const std::size_t count = n * n, half = n * nh;
  const bool want_b = jacobian != nullptr;
  std::unique_ptr<Workspace> ws;
  {
    std::lock_guard<std::mutex> lock(s->pool_mutex);
    if (!s->pool.empty()) {
      ws = std::move(s->pool.back());
      s->pool.pop_back();
    }
  }
  if (!ws) {
    ws.reset(new (std::nothrow) Workspace(count, half));
    if (!ws || !ws->ok()) {
      set_error(error, error_size, "out of memory for a %zu x %zu field", n, n);
      return IMNN_ERROR;
    }
  }
  struct GiveBack {
    const imnn_simulator_instance *s;
    std::unique_ptr<Workspace> &ws;
    ~GiveBack() {
      try {
        std::lock_guard<std::mutex> lock(s->pool_mutex);
        s->pool.push_back(std::move(ws));
      } catch (...) { // could not keep it (out of memory): it is freed
      }
    }
  } give_back{s, ws};
  FftwArray<double> &field = ws->field, &field_b = ws->field_b;
  FftwArray<fftw_complex> &spec = ws->spec, &spec_b = ws->spec_b;

  // Hermitian unit noise W = fft2(n) (<|W_k|^2> = N^2), times sqrt(A k^-B) / (L N): the
  // unnormalised c2r then gives (1/L) sum sqrt(P) (W / N) e^{ikx}.
  white_noise(seed, field.p, count);
  fftw_execute_dft_r2c(s->forward, field.p, spec.p);
  const double scale = std::sqrt(A) / (s->L * static_cast<double>(n));
  double sum_p = 0.0, sum_p_lnk = 0.0; // sum over the full grid of k^-B and k^-B ln k
  spec.p[0][0] = spec.p[0][1] = 0.0;
  if (want_b) spec_b.p[0][0] = spec_b.p[0][1] = 0.0;
  for (std::size_t idx = 1; idx < half; ++idx) {
    const double lnk = s->log_k[idx];
    const double root = std::exp(-0.5 * B * lnk); // sqrt(k^-B)
    const double amp = scale * root;
    spec.p[idx][0] *= amp;
    spec.p[idx][1] *= amp;
    if (want_b) {
      spec_b.p[idx][0] = -0.5 * lnk * spec.p[idx][0];
      spec_b.p[idx][1] = -0.5 * lnk * spec.p[idx][1];
    }
    if (s->log_normal) {
      const double w = s->weight[idx] * root * root;
      sum_p += w;
      sum_p_lnk += w * lnk;
    }
  }
  fftw_execute_dft_c2r(s->backward, spec.p, field.p); // destroys spec
  if (want_b) fftw_execute_dft_c2r(s->backward, spec_b.p, field_b.p);

  if (!s->log_normal) {
    for (std::size_t e = 0; e < count; ++e) {
      out[e] = field.p[e];
      if (jacobian) {
        jacobian[2 * e] = field.p[e] / (2.0 * A);
        jacobian[2 * e + 1] = field_b.p[e];
      }
    }
    return IMNN_OK;
  }
  // Log-normal: delta = exp(g - sigma2/2) - 1, sigma2 = (A/L^2) sum k^-B,
  // d sigma2/dA = sigma2/A, d sigma2/dB = -(A/L^2) sum k^-B ln k.
  const double volume = s->L * s->L;
  const double sigma2 = A * sum_p / volume;
  const double dsigma2_da = sum_p / volume, dsigma2_db = -A * sum_p_lnk / volume;
  for (std::size_t e = 0; e < count; ++e) {
    const double g = field.p[e];
    const double one_plus = std::exp(g - 0.5 * sigma2);
    out[e] = one_plus - 1.0;
    if (jacobian) {
      jacobian[2 * e] = one_plus * (g / (2.0 * A) - 0.5 * dsigma2_da);
      jacobian[2 * e + 1] = one_plus * (field_b.p[e] - 0.5 * dsigma2_db);
    }
  }
  return IMNN_OK;
}

int simulate(const imnn_simulator_instance *s, std::uint64_t seed, const double *theta, double *out,
             char *error, std::size_t error_size) noexcept {
  return simulate_with_jacobian(s, seed, theta, out, nullptr, error, error_size);
}

const imnn_simulator_plugin plugin = {IMNN_SIMULATOR_ABI_VERSION,
                                      static_cast<std::uint32_t>(sizeof(imnn_simulator_plugin)),
                                      &descriptor,
                                      create,
                                      destroy,
                                      input_shape,
                                      simulate,
                                      simulate_with_jacobian,
                                      nullptr,
                                      nullptr,
                                      nullptr,
                                      nullptr};

} // namespace

IMNN_SIMULATOR_EXPORT const imnn_simulator_plugin *imnn_simulator_entry(void) {
  return &plugin;
}

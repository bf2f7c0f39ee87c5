/* The reference's Gaussian example as a simulator plugin:
 *
 *     d = mu + sqrt(Sigma) * eps,   eps ~ N(0, I_n),   theta = (mu, Sigma).
 *
 * Option: {"n_data": n} (integer >= 1, default 10), the length of one simulation.
 *
 * All randomness comes from the 64-bit seed: eps_e is one Box-Muller normal made
 * from one Philox4x32-10 block keyed by the seed at counter e (imnn/simulator_rng.h),
 * so a simulation is deterministic, thread-safe and the same noise is shared by
 * simulations at different theta with the same seed. */
#include "imnn/simulator_abi.h"
#include "imnn/simulator_rng.h"

#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define GMV_DEFAULT_N_DATA 10
#define GMV_MAX_N_DATA 1000000000LL

struct imnn_simulator_instance {
  int64_t n_data;
};

static const char *const param_names[] = {"mu", "Sigma"};
static const int64_t default_shape[] = {GMV_DEFAULT_N_DATA};
static const double theta_fid[] = {0.0, 1.0};
static const double delta_theta[] = {0.1, 0.1};
static const double prior_low[] = {-10.0, 0.0};
static const double prior_high[] = {10.0, 10.0};

static const imnn_simulator_descriptor descriptor = {
    "gaussian_mean_variance",
    "1.0.0",
    "Gaussian data d = mu + sqrt(Sigma) * eps, eps ~ N(0, I_n_data): the reference's "
    "mean and variance example",
    2,
    param_names,
    1,
    default_shape,
    theta_fid,
    delta_theta,
    prior_low,
    prior_high,
    "{\"n_data\": \"number of data points, an integer >= 1 (10)\"}"};

static void set_error(char *error, size_t error_size, const char *format, ...) {
  va_list args;
  if (!error || error_size == 0) return;
  va_start(args, format);
  vsnprintf(error, error_size, format, args);
  va_end(args);
}

/* ---------------------------------------------------------------------------
 * A tiny tolerant parser for a flat JSON object whose values are numbers, which
 * is all this plugin accepts: {"n_data": 100}. */

static const char *skip_space(const char *s) {
  while (*s && isspace((unsigned char)*s))
    ++s;
  return s;
}

/* Reads a JSON string starting at the opening quote into key (truncated to
 * key_size - 1 characters). Returns the position after the closing quote or NULL. */
static const char *read_key(const char *s, char *key, size_t key_size) {
  size_t n = 0;
  if (*s != '"') return NULL;
  ++s;
  while (*s && *s != '"') {
    if (*s == '\\') {
      ++s;
      if (!*s) return NULL;
    }
    if (n + 1 < key_size) key[n++] = *s;
    ++s;
  }
  key[n] = '\0';
  return *s == '"' ? s + 1 : NULL;
}

/* What a JSON value that is not a number is, for messages. */
static const char *json_kind(const char *s) {
  switch (*s) {
  case '"':
    return "a string";
  case 't':
  case 'f':
    return "a boolean";
  case 'n':
    return "null";
  case '[':
    return "an array";
  case '{':
    return "an object";
  default:
    return "valid JSON";
  }
}

static int parse_options(const char *json, int64_t *n_data, char *error, size_t error_size) {
  const char *s = skip_space(json ? json : "{}");
  char key[64];
  if (*s != '{') {
    set_error(error, error_size,
              "options must be a JSON object such as {\"n_data\": 10}; got \"%.40s\"", s);
    return 0;
  }
  s = skip_space(s + 1);
  if (*s == '}') {
    if (*skip_space(s + 1) == '\0') return 1;
    set_error(error, error_size, "unexpected text after the options object");
    return 0;
  }
  for (;;) {
    char *end = NULL;
    double value;
    s = read_key(s, key, sizeof key);
    if (!s) {
      set_error(error, error_size,
                "options are not a valid JSON object; expected a quoted option name such as "
                "\"n_data\"");
      return 0;
    }
    if (strcmp(key, "n_data") != 0) {
      set_error(error, error_size,
                "unknown option \"%s\"; the only option is \"n_data\" (number of data points, "
                "default %d): remove \"%s\"",
                key, GMV_DEFAULT_N_DATA, key);
      return 0;
    }
    s = skip_space(s);
    if (*s != ':') {
      set_error(error, error_size, "options are not a valid JSON object: expected ':' after \"%s\"",
                key);
      return 0;
    }
    s = skip_space(s + 1);
    if (*s != '-' && !isdigit((unsigned char)*s)) {
      set_error(error, error_size,
                "option \"n_data\" must be an integer >= 1 (the number of data points, default "
                "%d), not %s",
                GMV_DEFAULT_N_DATA, json_kind(s));
      return 0;
    }
    value = strtod(s, &end);
    if (end == s || !isfinite(value) || value != floor(value) || value < 1.0 ||
        value > (double)GMV_MAX_N_DATA) {
      set_error(error, error_size,
                "option \"n_data\" must be an integer between 1 and %lld (the number of data "
                "points, default %d), not %.*s",
                GMV_MAX_N_DATA, GMV_DEFAULT_N_DATA, (int)(end > s ? end - s : 1), s);
      return 0;
    }
    *n_data = (int64_t)value;
    s = skip_space(end);
    if (*s == ',') {
      s = skip_space(s + 1);
      continue;
    }
    if (*s == '}') {
      if (*skip_space(s + 1) == '\0') return 1;
      set_error(error, error_size, "unexpected text after the options object");
      return 0;
    }
    set_error(error, error_size,
              "options are not a valid JSON object: expected ',' or '}' after "
              "the value of \"n_data\"");
    return 0;
  }
}

/* ---------------------------------------------------------------------------
 * Plugin functions. */

static imnn_simulator_instance *create(const char *options_json, char *error, size_t error_size) {
  int64_t n_data = GMV_DEFAULT_N_DATA;
  imnn_simulator_instance *instance;
  if (!parse_options(options_json, &n_data, error, error_size)) return NULL;
  instance = malloc(sizeof *instance);
  if (!instance) {
    set_error(error, error_size, "out of memory");
    return NULL;
  }
  instance->n_data = n_data;
  return instance;
}

static void destroy(imnn_simulator_instance *instance) {
  free(instance);
}

static uint32_t input_shape(const imnn_simulator_instance *instance, int64_t *shape,
                            uint32_t capacity) {
  if (!instance || !shape || capacity < 1) return 0;
  shape[0] = instance->n_data;
  return 1;
}

/* eps_e: z0 of the Philox block e under the seed's key (imnn/simulator_rng.h). */
static double normal(uint64_t seed, int64_t e) {
  return imnn_rng_normal(seed, (uint64_t)e);
}

static int check_theta(const double *theta, char *error, size_t error_size) {
  if (!theta || !isfinite(theta[0]) || !isfinite(theta[1])) {
    set_error(error, error_size, "theta must be finite (mu, Sigma)");
    return 0;
  }
  if (!(theta[1] > 0.0)) {
    set_error(error, error_size,
              "Sigma must be > 0 for a simulation (got %.17g); choose a fiducial Sigma and a "
              "delta_theta such that Sigma - delta/2 > 0",
              theta[1]);
    return 0;
  }
  return 1;
}

static int simulate_with_jacobian(const imnn_simulator_instance *instance, uint64_t seed,
                                  const double *theta, double *out, double *jacobian, char *error,
                                  size_t error_size) {
  double sd;
  int64_t e;
  if (!instance || !out) {
    set_error(error, error_size, "internal: no instance or output buffer");
    return IMNN_ERROR;
  }
  if (!check_theta(theta, error, error_size)) return IMNN_ERROR;
  sd = sqrt(theta[1]);
  for (e = 0; e < instance->n_data; ++e) {
    const double eps = normal(seed, e);
    out[e] = theta[0] + sd * eps;
    if (jacobian) {
      jacobian[e * 2 + 0] = 1.0;
      jacobian[e * 2 + 1] = eps / (2.0 * sd);
    }
  }
  return IMNN_OK;
}

static int simulate(const imnn_simulator_instance *instance, uint64_t seed, const double *theta,
                    double *out, char *error, size_t error_size) {
  return simulate_with_jacobian(instance, seed, theta, out, NULL, error, error_size);
}

/* Deliberately an ABI version 1 table (no NULL after param_names, no host
 * services): the tests keep version 1 plugins loading through this one. */
static const imnn_simulator_plugin plugin = {IMNN_SIMULATOR_ABI_V1,
                                             (uint32_t)IMNN_SIMULATOR_PLUGIN_V1_FULL_SIZE,
                                             &descriptor,
                                             create,
                                             destroy,
                                             input_shape,
                                             simulate,
                                             simulate_with_jacobian,
                                             NULL,
                                             NULL,
                                             NULL,
                                             NULL /* create_with_host: not in ABI 1 */};

__attribute__((visibility("default"))) const imnn_simulator_plugin *imnn_simulator_entry(void);

const imnn_simulator_plugin *imnn_simulator_entry(void) {
  return &plugin;
}

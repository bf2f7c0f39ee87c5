/* A template simulator plugin for IMNN Studio (simulator ABI version 2): copy this
 * folder, rename "noisy_line" here and in CMakeLists.txt, and replace the model.
 *
 * The model: a straight line observed at n points x_i = i / (n - 1), i = 0..n-1,
 * with Gaussian noise of known standard deviation sigma,
 *
 *     d_i = a + b * x_i + sigma * eps_i,   eps_i ~ N(0, 1),   theta = (a, b).
 *
 * Its Fisher information is known, F = X^T X / sigma^2 with X = [1, x], so a fit
 * with this plugin can be checked against the bound: det F = (n S2 - S1^2) / sigma^4
 * with S1 = sum x_i, S2 = sum x_i^2 (36.84 for the defaults n = 20, sigma = 1).
 *
 * What a plugin must do, and where this file does it:
 *   - export one symbol, imnn_simulator_entry, with IMNN_SIMULATOR_EXPORT (bottom);
 *   - describe itself as plain data: names, shapes, defaults, prior box (descriptor);
 *   - create instances from a JSON object of options and refuse a bad option with a
 *     message naming it and the fix (create_with_host, parse_options);
 *   - simulate deterministically from the seed alone, on any thread, drawing every
 *     random number from it (imnn/simulator_rng.h); the same seed at another theta
 *     gives the same noise, which the finite-difference derivatives rely on;
 *   - optionally give the Jacobian d out / d theta (simulate_with_jacobian), which
 *     makes the exact-gradient fitting mode available.
 */
#include "imnn/simulator_abi.h"
#include "imnn/simulator_rng.h"

#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct imnn_simulator_instance {
  int64_t n_points;
  double sigma;
  const imnn_host_services *host; /* the host's services (log, is_cancelled) */
};

static const char *const param_names[] = {"a", "b", NULL}; /* version 2: NULL-terminated */
static const int64_t default_shape[] = {20};
static const double theta_fid[] = {0.0, 1.0};
static const double delta_theta[] = {0.1, 0.1};
static const double prior_low[] = {-3.0, -2.0};
static const double prior_high[] = {3.0, 4.0};

static const imnn_simulator_descriptor descriptor = {
    "noisy_line",
    "1.0.0",
    "a straight line d_i = a + b x_i + sigma eps_i at n points in [0, 1] (the plugin "
    "template)",
    2,
    param_names,
    1,
    default_shape,
    theta_fid,
    delta_theta,
    prior_low,
    prior_high,
    "{\"n_points\": \"number of points, an integer >= 2 (20)\", "
    "\"sigma\": \"noise standard deviation, > 0 (1)\"}"};

static void set_error(char *error, size_t error_size, const char *format, ...) {
  va_list args;
  if (!error || error_size == 0) return;
  va_start(args, format);
  vsnprintf(error, error_size, format, args);
  va_end(args);
}

/* Options: a flat JSON object of numbers, e.g. {"n_points": 50, "sigma": 0.5}. A
 * plugin written in C++ would use a JSON library (nlohmann-json) instead. */
static int parse_options(const char *json, imnn_simulator_instance *o, char *error,
                         size_t error_size) {
  const char *s = json ? json : "{}";
  while (isspace((unsigned char)*s))
    ++s;
  if (*s++ != '{') {
    set_error(error, error_size, "options must be a JSON object such as {\"n_points\": 20}");
    return 0;
  }
  for (;;) {
    char key[32];
    int used = 0;
    double value;
    char *end;
    while (isspace((unsigned char)*s) || *s == ',')
      ++s;
    if (*s == '}') return 1;
    if (sscanf(s, " \"%31[^\"]\" : %n", key, &used) != 1 || used == 0) {
      set_error(error, error_size, "options are not a JSON object of numbers: near \"%.20s\"", s);
      return 0;
    }
    s += used;
    value = strtod(s, &end);
    if (end == s || !isfinite(value)) {
      set_error(error, error_size, "option \"%s\" must be a number", key);
      return 0;
    }
    s = end;
    if (strcmp(key, "n_points") == 0) {
      if (value != floor(value) || value < 2.0 || value > 1e8) {
        set_error(error, error_size,
                  "option \"n_points\" must be an integer between 2 and 1e8 (default 20), not %g",
                  value);
        return 0;
      }
      o->n_points = (int64_t)value;
    } else if (strcmp(key, "sigma") == 0) {
      if (!(value > 0.0)) {
        set_error(error, error_size, "option \"sigma\" must be > 0 (default 1), not %g", value);
        return 0;
      }
      o->sigma = value;
    } else {
      set_error(error, error_size,
                "unknown option \"%s\"; the options are \"n_points\" and \"sigma\": remove \"%s\"",
                key, key);
      return 0;
    }
  }
}

static imnn_simulator_instance *create_with_host(const imnn_host_services *host,
                                                 const char *options_json, char *error,
                                                 size_t error_size) {
  imnn_simulator_instance defaults = {20, 1.0, NULL};
  imnn_simulator_instance *instance;
  if (!parse_options(options_json, &defaults, error, error_size)) return NULL;
  instance = malloc(sizeof *instance);
  if (!instance) {
    set_error(error, error_size, "out of memory");
    return NULL;
  }
  *instance = defaults;
  instance->host = host;
  return instance;
}

static void destroy(imnn_simulator_instance *instance) {
  free(instance);
}

static uint32_t input_shape(const imnn_simulator_instance *instance, int64_t *shape,
                            uint32_t capacity) {
  if (!instance || !shape || capacity < 1) return 0;
  shape[0] = instance->n_points;
  return 1;
}

static int simulate_with_jacobian(const imnn_simulator_instance *instance, uint64_t seed,
                                  const double *theta, double *out, double *jacobian, char *error,
                                  size_t error_size) {
  int64_t i;
  if (!isfinite(theta[0]) || !isfinite(theta[1])) {
    set_error(error, error_size, "theta must be finite (a = %g, b = %g)", theta[0], theta[1]);
    return IMNN_ERROR;
  }
  for (i = 0; i < instance->n_points; ++i) {
    const double x = (double)i / (double)(instance->n_points - 1);
    /* Element i takes the normal of Philox block i under the seed's key. */
    out[i] = theta[0] + theta[1] * x + instance->sigma * imnn_rng_normal(seed, (uint64_t)i);
    if (jacobian) {
      jacobian[2 * i] = 1.0;   /* d d_i / d a */
      jacobian[2 * i + 1] = x; /* d d_i / d b */
    }
  }
  return IMNN_OK;
}

static int simulate(const imnn_simulator_instance *instance, uint64_t seed, const double *theta,
                    double *out, char *error, size_t error_size) {
  return simulate_with_jacobian(instance, seed, theta, out, NULL, error, error_size);
}

static const imnn_simulator_plugin plugin = {
    IMNN_SIMULATOR_ABI_VERSION,
    sizeof(imnn_simulator_plugin),
    &descriptor,
    NULL, /* create: create_with_host is used instead */
    destroy,
    input_shape,
    simulate,
    simulate_with_jacobian,
    NULL, /* simulate_batch: only worth it when one call per chunk saves work */
    NULL, /* simulate_batch_with_jacobian */
    NULL, /* instance_info: the descriptor's facts hold for every instance */
    create_with_host,
};

IMNN_SIMULATOR_EXPORT const imnn_simulator_plugin *imnn_simulator_entry(void) {
  return &plugin;
}

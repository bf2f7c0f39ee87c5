/* A small valid simulator (d_e = theta_0 + theta_1 * noise_e) that the build
 * breaks in one way per target with -D defines (see CMakeLists.txt):
 *
 *   SIM_NAME "x"            descriptor name (default "broken")
 *   NO_ENTRY                export no entry symbol (another symbol instead)
 *   ENTRY_NULL              the entry returns NULL
 *   ABI_VERSION n           abi_version in the plugin table
 *   STRUCT_SIZE n           struct_size in the plugin table
 *   INPUT_RANK n, SHAPE0 n, SHAPE1 n   the default input shape
 *   DELTA1 x                delta_theta of the second parameter
 *   PRIOR_HIGH1 x           prior_high of the second parameter (low is 0)
 *   OPTIONS_HELP "text"     options_help
 *   NO_SIMULATE             simulate is NULL
 *   NO_JACOBIAN             simulate_with_jacobian is NULL (a valid plugin)
 *   CREATE_FAILS            create refuses any options but "{}"
 *   INSTANCE_ZERO_EXTENT    the instance's input_shape has an extent of 0
 *   SIMULATE_FAILS          simulate returns IMNN_ERROR
 *   EMPTY_DESCRIPTOR        every descriptor field zero or NULL
 *   N_PARAMS n              n_params (the names are "a", "b", NULL: 1 is a lie)
 *   NAN_OUTPUT              simulate writes NaN
 *   CRASH_IN_SIMULATE       simulate raises SIGSEGV
 *   EXIT_IN_SIMULATE        simulate calls exit(3)
 *   HANG_IN_SIMULATE        simulate never returns (and ignores is_cancelled)
 * The fault of the last four may also come at run time from $IMNN_TEST_FAULT
 * ("nan", "crash", "exit", "hang"), from simulation $IMNN_TEST_FAULT_AFTER of this
 * process on (default 0): a plugin that is "fixed" by unsetting the variable.
 */
#include "imnn/simulator_abi.h"

#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef SIM_NAME
#define SIM_NAME "broken"
#endif
#ifndef ABI_VERSION
#define ABI_VERSION IMNN_SIMULATOR_ABI_VERSION
#endif
#ifndef STRUCT_SIZE
#define STRUCT_SIZE (uint32_t)sizeof(imnn_simulator_plugin)
#endif
#ifndef INPUT_RANK
#define INPUT_RANK 1
#endif
#ifndef SHAPE0
#define SHAPE0 4
#endif
#ifndef SHAPE1
#define SHAPE1 3
#endif
#ifndef DELTA1
#define DELTA1 0.1
#endif
#ifndef PRIOR_HIGH1
#define PRIOR_HIGH1 10.0
#endif
#ifndef OPTIONS_HELP
#define OPTIONS_HELP NULL
#endif
#ifndef N_PARAMS
#define N_PARAMS 2
#endif

struct imnn_simulator_instance {
  int unused;
};

static const uint32_t rank = INPUT_RANK;
__attribute__((unused)) static const char *const names[] = {"a", "b", NULL};
static const int64_t shape[] = {SHAPE0, SHAPE1};
__attribute__((unused)) static const double fid[] = {0.0, 1.0}, dt[] = {0.1, DELTA1},
                                            lo[] = {-10.0, 0.0}, hi[] = {10.0, PRIOR_HIGH1};
#ifdef EMPTY_DESCRIPTOR
static const imnn_simulator_descriptor desc = {0};
#else
static const imnn_simulator_descriptor desc = {
    SIM_NAME, "0.0.1", "test plugin", N_PARAMS, names, INPUT_RANK, shape, fid, dt,
    lo,       hi,      OPTIONS_HELP};
#endif

/* The fault of this build or of $IMNN_TEST_FAULT: 0 none, 1 nan, 2 crash, 3 exit, 4 hang. */
__attribute__((unused)) static int fault(void) {
  static long calls = 0; /* a test helper: a data race here is harmless */
  const char *f = getenv("IMNN_TEST_FAULT");
  const char *after = getenv("IMNN_TEST_FAULT_AFTER");
  int kind = 0;
#if defined(NAN_OUTPUT)
  kind = 1;
#elif defined(CRASH_IN_SIMULATE)
  kind = 2;
#elif defined(EXIT_IN_SIMULATE)
  kind = 3;
#elif defined(HANG_IN_SIMULATE)
  kind = 4;
#endif
  if (f && kind == 0) {
    if (strcmp(f, "nan") == 0) kind = 1;
    if (strcmp(f, "crash") == 0) kind = 2;
    if (strcmp(f, "exit") == 0) kind = 3;
    if (strcmp(f, "hang") == 0) kind = 4;
    if (after && calls++ < atol(after)) kind = 0;
  }
  if (kind == 2) raise(SIGSEGV);
  if (kind == 3) exit(3);
  while (kind == 4)
    sleep(1);
  return kind;
}

static int64_t size(void) {
  int64_t n = 1;
  uint32_t a;
  for (a = 0; a < rank && a < 2u; ++a)
    n *= shape[a];
  return n;
}

static imnn_simulator_instance *create(const char *options, char *error, size_t error_size) {
#ifdef CREATE_FAILS
  if (strcmp(options, "{}") != 0) {
    snprintf(error, error_size, "option \"bogus\" is not known here; remove it");
    return NULL;
  }
#else
  (void)options;
  (void)error;
  (void)error_size;
#endif
  return calloc(1, sizeof(imnn_simulator_instance));
}

static void destroy(imnn_simulator_instance *s) {
  free(s);
}

static uint32_t input_shape(const imnn_simulator_instance *s, int64_t *out, uint32_t capacity) {
  uint32_t a;
  (void)s;
  if (capacity < rank) return 0;
  for (a = 0; a < rank && a < 2u; ++a)
    out[a] = shape[a];
#ifdef INSTANCE_ZERO_EXTENT
  out[0] = 0;
#endif
  return rank;
}

static double noise(uint64_t seed, int64_t e) {
  uint64_t z = seed + 0x9E3779B97F4A7C15ULL * (uint64_t)(e + 1);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  z ^= z >> 31;
  return (double)(z >> 11) / 9007199254740992.0 - 0.5;
}

static int jacobian(const imnn_simulator_instance *s, uint64_t seed, const double *theta,
                    double *out, double *jac, char *error, size_t error_size) {
  (void)s;
#ifdef SIMULATE_FAILS
  (void)size;
  (void)noise;
  (void)seed;
  (void)theta;
  (void)out;
  (void)jac;
  snprintf(error, error_size, "theta is out of this test simulator's range");
  return IMNN_ERROR;
#else
  int64_t e;
  (void)error;
  (void)error_size;
  const int nan = fault() == 1;
  for (e = 0; e < size(); ++e) {
    const double n = noise(seed, e);
    out[e] = nan ? (double)NAN : theta[0] + theta[1] * n;
    if (jac) {
      jac[2 * e] = 1.0;
      jac[2 * e + 1] = n;
    }
  }
  return IMNN_OK;
#endif
}

#ifndef NO_SIMULATE
static int simulate(const imnn_simulator_instance *s, uint64_t seed, const double *theta,
                    double *out, char *error, size_t error_size) {
  return jacobian(s, seed, theta, out, NULL, error, error_size);
}
#endif

// clang-format off
static const imnn_simulator_plugin plugin = {
    ABI_VERSION, STRUCT_SIZE, &desc, create, destroy, input_shape,
#ifdef NO_SIMULATE
    NULL,
#else
    simulate,
#endif
#ifdef NO_JACOBIAN
    NULL,
#else
    jacobian,
#endif
    NULL, NULL, NULL, NULL
};
// clang-format on

#ifdef NO_ENTRY
/* Exports something, but not the entry symbol. */
__attribute__((visibility("default"))) const imnn_simulator_plugin *not_the_entry(void);
const imnn_simulator_plugin *not_the_entry(void) {
  return &plugin;
}
#else
IMNN_SIMULATOR_EXPORT const imnn_simulator_plugin *imnn_simulator_entry(void) {
#ifdef ENTRY_NULL
  (void)plugin;
  return NULL;
#else
  return &plugin;
#endif
}
#endif

/* Test simulator: d = mu + sqrt(Sigma) * noise like the Gaussian example, but with
 * option {"nan": 1} element 3 of every simulation is NaN (a broken simulator), with
 * {"huge": 1} it is 1e39 (finite in double, beyond float32's range), and
 * with {"nan_one_in": K} only of the simulations whose seed is a multiple of K (a
 * simulator that fails now and then, mid-fit); with {"stand_in_cost_sleep_ms": T} every simulation
 * sleeps T ms, a stand-in for an expensive simulator (an N-body code) in tests/bench/bench_mpi. The
 * noise is a cheap deterministic hash of the seed: statistics do not matter here.
 * Built a second time with IMNN_TEST_NO_JACOBIAN as "nojac_gaussian": the same
 * simulator without simulate_with_jacobian, for the mode "simulator-numerical". */
#include "imnn/simulator_abi.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct imnn_simulator_instance {
  int nan, huge;
  unsigned long long nan_one_in;
  double stand_in_cost_sleep_ms;
};

static const char *const names[] = {"mu", "Sigma", NULL};
static const int64_t shape[] = {10};
static const double fid[] = {0.0, 1.0}, dt[] = {0.1, 0.1}, lo[] = {-10.0, 0.0}, hi[] = {10.0, 10.0};
#ifdef IMNN_TEST_NO_JACOBIAN
#define TEST_SIM_NAME "nojac_gaussian"
#define TEST_SIM_JACOBIAN NULL
#else
#define TEST_SIM_NAME "nan_gaussian"
#define TEST_SIM_JACOBIAN jac
#endif
static const imnn_simulator_descriptor desc = {
    TEST_SIM_NAME, "1.0.0", "Gaussian that can return NaN", 2, names, 1, shape, fid, dt, lo, hi,
    NULL};

static imnn_simulator_instance *create(const char *options, char *error, size_t size) {
  (void)error;
  (void)size;
  imnn_simulator_instance *s = calloc(1, sizeof *s);
  if (s) {
    const char *k = strstr(options, "\"nan_one_in\":");
    s->nan = strstr(options, "\"nan\":1") != NULL;
    s->huge = strstr(options, "\"huge\":1") != NULL;
    s->nan_one_in = k ? strtoull(k + strlen("\"nan_one_in\":"), NULL, 10) : 0;
    const char *c = strstr(options, "\"stand_in_cost_sleep_ms\":");
    s->stand_in_cost_sleep_ms = c ? strtod(c + strlen("\"stand_in_cost_sleep_ms\":"), NULL) : 0.0;
  }
  return s;
}
static void destroy(imnn_simulator_instance *s) {
  free(s);
}
static uint32_t input_shape(const imnn_simulator_instance *s, int64_t *out, uint32_t cap) {
  (void)s;
  if (cap < 1) return 0;
  out[0] = 10;
  return 1;
}
static double noise(uint64_t seed, int i) {
  uint64_t z = seed + 0x9E3779B97F4A7C15ULL * (uint64_t)(i + 1);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  z ^= z >> 31;
  return (double)(z >> 11) / 9007199254740992.0 * 3.4641016151377544 - 1.7320508075688772;
}
static int jac(const imnn_simulator_instance *s, uint64_t seed, const double *theta, double *out,
               double *j, char *error, size_t size) {
  (void)error;
  (void)size;
  if (s->stand_in_cost_sleep_ms > 0) {
    const long ns = (long)(s->stand_in_cost_sleep_ms * 1e6);
    struct timespec t = {ns / 1000000000L, ns % 1000000000L};
    while (nanosleep(&t, &t) != 0) {
    }
  }
  for (int i = 0; i < 10; ++i) {
    const double e = noise(seed, i);
    out[i] = theta[0] + sqrt(theta[1]) * e;
    if (j) {
      j[2 * i] = 1.0;
      j[2 * i + 1] = e / (2.0 * sqrt(theta[1]));
    }
  }
  if (s->nan || (s->nan_one_in && seed % s->nan_one_in == 0)) out[3] = NAN;
  if (s->huge) out[3] = 1e39;
  return IMNN_OK;
}
static int sim(const imnn_simulator_instance *s, uint64_t seed, const double *theta, double *out,
               char *error, size_t size) {
  return jac(s, seed, theta, out, NULL, error, size);
}

static const imnn_simulator_plugin plugin = {IMNN_SIMULATOR_ABI_VERSION,
                                             sizeof(imnn_simulator_plugin),
                                             &desc,
                                             create,
                                             destroy,
                                             input_shape,
                                             sim,
                                             TEST_SIM_JACOBIAN,
                                             NULL,
                                             NULL,
                                             NULL,
                                             NULL};

__attribute__((visibility("default"))) const imnn_simulator_plugin *imnn_simulator_entry(void);
const imnn_simulator_plugin *imnn_simulator_entry(void) {
  return &plugin;
}

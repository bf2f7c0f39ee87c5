/* IMNN Studio simulator plugin ABI, version 2 (version 1 plugins still load).
 *
 * This is the only header a simulator author needs (imnn/simulator_rng.h adds
 * counter-based normals drawn from the seed). It is plain C11 (the build compiles
 * it as C11 and as C++ with warnings on), so a simulator can be written in C, C++,
 * Fortran (ISO_C_BINDING) or Rust (#[repr(C)]).
 *
 * A plugin is a shared library that exports exactly one symbol, declared below
 * with the right linkage and visibility for C and C++:
 *
 *     IMNN_SIMULATOR_EXPORT const imnn_simulator_plugin *imnn_simulator_entry(void) {
 *       return &my_table;
 *     }
 *
 * What version 2 adds to version 1 (the table layout is version 1's plus fields at
 * the end; a version 1 table is read as before):
 *   - IMNN_SIMULATOR_EXPORT and the prototype of imnn_simulator_entry;
 *   - create_with_host: create with a host services table (log, progress,
 *     is_cancelled), used instead of create when set;
 *   - simulate_batch / simulate_batch_with_jacobian (one call per chunk) and
 *     instance_info, which came as optional fields late in version 1;
 *   - param_names must end with a NULL after the n_params names, so that the host
 *     can check n_params against the names (a version 1 table cannot be checked).
 *
 * The host calls it, checks `abi_version` and `struct_size` before touching
 * anything else, then reads the descriptor (plain data, no plugin code runs) and
 * checks the declared shapes. Instances are created from a JSON options string.
 *
 * Thread contract (marked on every function):
 *   [main-thread]  called by the thread that loaded the plugin, never concurrently.
 *   [any-thread]   may be called from many threads at once on the same instance;
 *                  the function must not modify shared state and must be
 *                  deterministic for its seed (same seed and theta => same output,
 *                  bit for bit, whatever the thread).
 *
 * Seeds: the host derives one 64-bit seed per simulation from (run seed, stream,
 * iteration, simulation index) with a counter-based generator. A simulator must
 * draw all of its randomness from that seed (Random123 Philox/Threefry keyed by
 * the seed is recommended), so that simulations at theta_fid +/- delta/2 with the
 * same seed share their noise exactly.
 *
 * Memory: every array passed to a function is owned by the host and valid only
 * for the duration of the call. Strings in the descriptor are owned by the plugin
 * and must stay valid until the library is unloaded.
 */
#ifndef IMNN_SIMULATOR_ABI_H
#define IMNN_SIMULATOR_ABI_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The version a plugin built against this header declares. The host loads versions
 * IMNN_SIMULATOR_ABI_OLDEST .. IMNN_SIMULATOR_ABI_VERSION and refuses any other. */
#define IMNN_SIMULATOR_ABI_VERSION 2u
#define IMNN_SIMULATOR_ABI_V1 1u
#define IMNN_SIMULATOR_ABI_OLDEST 1u
#define IMNN_SIMULATOR_ENTRY_SYMBOL "imnn_simulator_entry"
#define IMNN_SIMULATOR_MAX_RANK 8u

/* Return codes of the plugin functions. */
#define IMNN_OK 0
#define IMNN_ERROR 1

/* Default visibility and C linkage for the entry symbol, whether the plugin is
 * compiled as C or C++ and with -fvisibility=hidden or not. */
#if defined(_WIN32)
#define IMNN_SIMULATOR_VISIBILITY __declspec(dllexport)
#else
#define IMNN_SIMULATOR_VISIBILITY __attribute__((visibility("default")))
#endif
#ifdef __cplusplus
#define IMNN_SIMULATOR_EXPORT extern "C" IMNN_SIMULATOR_VISIBILITY
#else
#define IMNN_SIMULATOR_EXPORT IMNN_SIMULATOR_VISIBILITY
#endif

/* Levels of host->log. */
#define IMNN_LOG_DEBUG 0
#define IMNN_LOG_INFO 1
#define IMNN_LOG_WARNING 2
#define IMNN_LOG_ERROR 3

/* Services the host offers an instance (version 2; like CLAP's host extensions).
 * Passed to create_with_host and valid until the instance is destroyed. Every
 * function is [any-thread] and cheap; pass `host` itself as the first argument. */
typedef struct imnn_host_services {
  uint32_t struct_size; /* sizeof(imnn_host_services) of the host; read fields it covers */
  void *host_data;      /* the host's; do not touch */
  /* A line for the user (the CLI's stderr, the app's log), tagged with the plugin's
   * name. message is copied; no newline needed. */
  void (*log)(const struct imnn_host_services *host, int level, const char *message);
  /* How far a long simulate call is, 0..1 (advisory; the host may show or ignore it). */
  void (*progress)(const struct imnn_host_services *host, double fraction);
  /* Non-zero once the user or a scheduler asked the job to stop (Ctrl-C, SIGTERM,
   * the app's Stop): a long simulate should then return IMNN_ERROR soon, with a
   * message such as "cancelled". */
  int (*is_cancelled)(const struct imnn_host_services *host);
} imnn_host_services;

/* What the plugin says about itself, before any instance exists. */
typedef struct imnn_simulator_descriptor {
  const char *name;                   /* identifier, [a-z0-9_]+, unique among simulators */
  const char *version;                /* the plugin's own version, e.g. "1.0.0" */
  const char *description;            /* one line for humans */
  uint32_t n_params;                  /* number of physical parameters p >= 1 */
  const char *const *param_names;     /* n_params names then (version 2) NULL,
                                         e.g. {"mu", "Sigma", NULL} */
  uint32_t input_rank;                /* rank of one simulation, 1..IMNN_SIMULATOR_MAX_RANK */
  const int64_t *default_input_shape; /* input_rank extents > 0, with default options */
  const double *theta_fid;            /* n_params default fiducial values */
  const double *delta_theta;          /* n_params default finite-difference steps > 0 */
  const double *prior_low;            /* n_params lower edges of the default prior box */
  const double *prior_high;           /* n_params upper edges, high > low */
  const char *options_help;           /* JSON object {"option": "meaning (default)"}; may be NULL */
} imnn_simulator_descriptor;

typedef struct imnn_simulator_instance imnn_simulator_instance; /* opaque */

typedef struct imnn_simulator_plugin {
  uint32_t abi_version; /* IMNN_SIMULATOR_ABI_VERSION */
  uint32_t struct_size; /* sizeof(imnn_simulator_plugin) */
  const imnn_simulator_descriptor *descriptor;

  /* [main-thread] Create an instance from a JSON object of options ("{}" for the
   * defaults). On failure return NULL and write a message naming the bad option
   * and the fix into error (at most error_size bytes including the NUL). */
  imnn_simulator_instance *(*create)(const char *options_json, char *error, size_t error_size);

  /* [main-thread] Destroy an instance made by create. NULL is allowed. */
  void (*destroy)(imnn_simulator_instance *instance);

  /* [any-thread] The shape of one simulation of this instance (options such as a
   * number of data points may change it). Writes at most capacity extents into
   * shape and returns the rank, or 0 on error. */
  uint32_t (*input_shape)(const imnn_simulator_instance *instance, int64_t *shape,
                          uint32_t capacity);

  /* [any-thread] One simulation at parameters theta (n_params values) drawn with
   * seed; writes prod(input_shape) values into out (C order). Returns IMNN_OK or
   * IMNN_ERROR with a message in error. */
  int (*simulate)(const imnn_simulator_instance *instance, uint64_t seed, const double *theta,
                  double *out, char *error, size_t error_size);

  /* [any-thread] Optional (NULL when not provided): the simulation as simulate
   * (same seed => same out) and its Jacobian d out / d theta, written as
   * prod(input_shape) x n_params values (C order: input element major, parameter
   * minor; the reference's (*input_shape, n_params) layout). */
  int (*simulate_with_jacobian)(const imnn_simulator_instance *instance, uint64_t seed,
                                const double *theta, double *out, double *jacobian, char *error,
                                size_t error_size);

  /* ---- Optional batch calls (part of version 2; late optional fields of version 1). A table whose
   * struct_size ends before these fields (a plugin built against an older simulator_abi.h) has
   * none; the host reads them only when struct_size covers them. NULL when not provided. The host
   * then asks for a whole chunk of simulations in one call, which suits simulators that vectorise
   * (numpy, JAX) or pay a fixed cost per call (an interpreter lock). Values must equal those of n
   * calls of simulate / simulate_with_jacobian with the same seeds and parameters. */

  /* [any-thread] n simulations: seeds[i] with parameters thetas[i * n_params ..]
   * (n x n_params, C order) into out (n x prod(input_shape), C order). */
  int (*simulate_batch)(const imnn_simulator_instance *instance, size_t n, const uint64_t *seeds,
                        const double *thetas, double *out, char *error, size_t error_size);

  /* [any-thread] As simulate_batch with the Jacobians, n x prod(input_shape) x
   * n_params values (C order). NULL when not provided. */
  int (*simulate_batch_with_jacobian)(const imnn_simulator_instance *instance, size_t n,
                                      const uint64_t *seeds, const double *thetas, double *out,
                                      double *jacobian, char *error, size_t error_size);

  /* [main-thread] Optional (NULL when not provided; read only when struct_size covers
   * it): the facts of THIS instance when its options decide them, for a generic
   * bridge whose descriptor cannot know them (the `python` plugin: its options name a
   * Python function). A JSON object with any of "param_names", "theta_fid",
   * "delta_theta", "prior_low", "prior_high" (arrays of one value per parameter; they
   * may change the number of parameters) and "has_jacobian" (bool); NULL or "{}":
   * the descriptor's. The string is owned by the instance and valid until it is
   * destroyed. The host creates an instance to resolve a config when this is set. */
  const char *(*instance_info)(const imnn_simulator_instance *instance);

  /* ---- Version 2. */

  /* [main-thread] Optional: create with the host's services (see imnn_host_services),
   * used instead of create when set (create may then be NULL). The instance may keep
   * `host` and call it from simulate on any thread. */
  imnn_simulator_instance *(*create_with_host)(const imnn_host_services *host,
                                               const char *options_json, char *error,
                                               size_t error_size);
} imnn_simulator_plugin;

/* struct_size of an ABI 1 table without the batch calls. */
#define IMNN_SIMULATOR_PLUGIN_V1_SIZE                                                              \
  (offsetof(imnn_simulator_plugin, simulate_with_jacobian) +                                       \
   sizeof(((imnn_simulator_plugin *)0)->simulate_with_jacobian))

/* struct_size of a version 1 table with the batch calls and instance_info. */
#define IMNN_SIMULATOR_PLUGIN_V1_FULL_SIZE                                                         \
  (offsetof(imnn_simulator_plugin, instance_info) +                                                \
   sizeof(((imnn_simulator_plugin *)0)->instance_info))

/* The one exported symbol. Declared here so that plugins get the right linkage. */
typedef const imnn_simulator_plugin *(*imnn_simulator_entry_fn)(void);
#ifndef IMNN_SIMULATOR_NO_ENTRY_PROTOTYPE
IMNN_SIMULATOR_VISIBILITY const imnn_simulator_plugin *imnn_simulator_entry(void);
#endif

#ifdef __cplusplus
}
#endif

#endif /* IMNN_SIMULATOR_ABI_H */

// The inference driver shared by the front ends (`imnn infer`, the desktop app's
// Infer tab): a trained IMNN's run, a target compressed to its quasi-ML estimate,
// the Gaussian approximation, ABC or PMC with simulations from the run's simulator
// plugin (lfi.h), and the files of RUN_DIR/inference/<name>/ (samples, weights,
// distances, summaries, marginals, result.json and a GetDist root).
//
// Errors name the option by its InferenceOptions field (e.g. `n_samples`), never a
// command-line flag; InferenceError::option() lets a front end add its own hint.
#pragma once

#include "imnn/error.h"
#include "imnn/lfi.h"
#include "imnn/option_schema.h"

#include <atomic>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace imnn {

class Compressor;
class PluginRegistry;

namespace lfi {

// An option of InferenceOptions is wrong; option() is its field name ("epsilon").
class InferenceError : public Error {
public:
  InferenceError(std::string option, const std::string &message)
      : Error(message), option_(std::move(option)) {}
  const std::string &option() const { return option_; }

private:
  std::string option_;
};

inline constexpr long long kDefaultAbcSamples = 1000000;
inline constexpr long long kDefaultGaSamples = 10000;

struct InferenceOptions {
  std::string method; // ga, abc, pmc
  // The target: a data file (.npy/.npz/.h5) of shape (*input_shape) or
  // (1, *input_shape), or one simulation at target_theta with target_seed.
  std::string target;
  std::vector<double> target_theta;
  long long target_seed = 0;
  std::string name; // output folder under RUN_DIR/inference (default: the method)
  bool replace = false;
  int threads = 0; // 0: all cores
  long long seed = 0;
  // prior: uniform on the box (default: the simulator plugin's) or a truncated Gaussian
  std::string prior = "uniform";
  std::vector<double> prior_low, prior_high, prior_mean, prior_sd;
  // grids and marginals
  std::vector<long long> gridsize{100};
  std::vector<double> levels{0.68, 0.95};
  double smoothing = 0;
  std::string distance = "fisher";
  // ABC. epsilon < 0 (the default): automatic, the accept_fraction-quantile of the
  // draws' distances (quantile_epsilon in lfi.h), so that that fraction of the draws is
  // accepted; >= 0: a fixed acceptance distance. n_samples < 0: the default,
  // kDefaultAbcSamples draws for ABC, kDefaultGaSamples GetDist draws for the GA. The
  // defaults give 1000 accepted draws; on the Gaussian example (the plugin's prior box)
  // the automatic epsilon is then ~1 Fisher unit, which widens the posterior sds by
  // ~10% (sqrt(1 + eps^2 / 4) for 2 parameters); more draws or a tighter box shrink it.
  double epsilon = -1;
  double accept_fraction = 0.001;
  long long n_samples = -1;
  long long min_accepted = 0;
  int max_iterations = 10;
  // PMC. It stops when an iteration's acceptance falls below acceptance_ratio;
  // max_iteration is only a safety limit. Defaults that differ from the reference
  // (acceptance_ratio 0.1, max_iteration 10, max_acceptance 1), measured on a linear
  // Gaussian problem with an exact posterior (tests/lfi/test_lfi_defaults.cpp): the
  // reference's 10 iterations leave the posterior ~1.5-2.7x too wide; running to
  // acceptance 0.1 with one proposal per point still leaves sds 1.15-1.4x the exact
  // ones (final epsilon ~1.5 Fisher units); acceptance 0.02 with up to 10 proposals per
  // point reaches epsilon ~0.7 and sds within ~1.15x, with ~55 000 simulations.
  long long n_points = 1000;
  long long n_initial_points = 0;
  double percentile = 75;
  double acceptance_ratio = 0.02;
  int max_iteration = 1000;
  long long max_acceptance = 10;
  long long max_samples = 100000;
};

struct InferenceResult {
  std::string method, name;
  std::filesystem::path dir;          // RUN_DIR/inference/<name>
  std::filesystem::path getdist_root; // dir/<name>
  std::vector<std::string> param_names;
  std::vector<double> theta_fid;             // the model's fiducial parameters
  std::vector<double> target_theta;          // where the target was simulated (empty for a file)
  Eigen::VectorXd target_estimate;           // the target's quasi-ML estimate
  MatrixD samples;                           // posterior samples (N x p)
  std::vector<double> weights;               // N, summing to 1
  std::vector<double> minus_log_post;        // N (GA: the Gaussian's; ABC/PMC: 0)
  std::vector<double> prior_low, prior_high; // the prior box
  Marginals marginals;                       // on the prior box's grid
  // ABC and PMC: every draw, its summaries (estimates) and distance; accepted (ABC).
  MatrixD parameters, summaries;
  std::vector<double> distances;
  std::vector<char> accepted;
  Index simulations = 0;
  double seconds = 0;
  bool cancelled = false;
  // false when a limit (or a cancel) ended ABC or PMC before its criterion: ABC's
  // min_accepted not reached within max_iterations, PMC's acceptance still above
  // acceptance_ratio at max_iteration (or only below it through proposals abandoned
  // after max_samples). convergence: the reason in words, naming the option to raise by
  // its field in backquotes (`max_iteration`); empty when converged. The GA always
  // converges. result.json records both ("converged", "convergence").
  bool converged = true;
  std::string convergence;
  nlohmann::json json; // result.json's body
};

// Checks of the options that need no model; throws InferenceError. Every value of an
// option that applies to the method is checked against inference_option_specs().
void check_inference_options(const InferenceOptions &options);

// Options that passed check_inference_options (its constructor is the only way to make
// one, and throws its InferenceError). The run_inference overloads that take them do
// not check again, so a front end that checks early (to mark a form field, or before it
// scans plugins or loads a compressor) checks each inference exactly once; the
// overloads that take InferenceOptions check once themselves.
class CheckedInferenceOptions {
public:
  explicit CheckedInferenceOptions(const InferenceOptions &options);
  const InferenceOptions &get() const { return options_; }

private:
  InferenceOptions options_;
};

// The inference options written once (imnn/option_schema.h): key (the field's name),
// type, default, range, unit, help, the reference imnn's name and the methods it applies
// to, in the order of README.md's table. The front ends make their flags, keywords and
// help from it.
const std::vector<OptionSpec> &inference_option_specs();
// Sets the option `key` (or its reference name, e.g. "ϵ") from a JSON value checked
// against its spec (epsilon "auto" is stored as -1; null restores the default);
// InferenceError names the key.
void set_inference_option(InferenceOptions &options, const std::string &key,
                          const nlohmann::json &value);
// The same from text typed by a user, one word per list element (a command line).
void set_inference_option_text(InferenceOptions &options, const std::string &key,
                               const std::vector<std::string> &words);
// The options as JSON, unset ones (empty, or "the method's default") left out.
nlohmann::json inference_options_json(const InferenceOptions &options);
// The range/type/choice checks of every option that applies to options.method.
void check_inference_option_values(const InferenceOptions &options);

// The samplers' settings as run_inference uses them (defaults resolved): for tests and
// front ends that run ABC or PMC on their own Problem.
AbcSettings abc_settings(const InferenceOptions &options);
PmcSettings pmc_settings(const InferenceOptions &options);
// options.n_samples, or the method's default when it is < 0.
long long resolved_n_samples(const InferenceOptions &options);
// The GA's samples: n draws of N(mean, invF) inside the prior's box (rejection), from
// seed; minus_log_post (if not null) gets 0.5 (x - mean)^T F (x - mean) per draw.
MatrixD gaussian_samples(const Eigen::VectorXd &mean, const Eigen::MatrixXd &invF,
                         const Prior &prior, Index n, std::uint64_t seed,
                         std::vector<double> *minus_log_post = nullptr);

// Runs the inference with a compressor already loaded (from run_dir, which may also
// name its model.json) and the registry that holds the run's simulator plugin; the
// output folder is created (refusing a non-empty one unless options.replace) and
// removed again when a failure leaves it empty. progress may be empty; cancel may be
// null. A cancelled run still writes what it has (result.json "cancelled": true).
// comm: MPI ranks sharing the simulations (null: this process alone); every rank
// calls it with the same options, rank 0 alone writes the output folder, and a cancel
// seen by any rank stops every rank after the same draws (the ranks agree on it).
InferenceResult run_inference(Compressor &compressor, const PluginRegistry &registry,
                              const std::filesystem::path &run_dir,
                              const CheckedInferenceOptions &options,
                              const ProgressFn &progress = {},
                              const std::atomic<bool> *cancel = nullptr,
                              std::shared_ptr<Communicator> comm = nullptr);
// The same from a run directory: loads the compressor with options.threads (after the
// options were checked, so wrong options fail before the model is read).
InferenceResult run_inference(const std::filesystem::path &run_dir, const PluginRegistry &registry,
                              const CheckedInferenceOptions &options,
                              const ProgressFn &progress = {},
                              const std::atomic<bool> *cancel = nullptr,
                              std::shared_ptr<Communicator> comm = nullptr);
// Both with unchecked options: check them (once), then as above.
InferenceResult run_inference(Compressor &compressor, const PluginRegistry &registry,
                              const std::filesystem::path &run_dir, const InferenceOptions &options,
                              const ProgressFn &progress = {},
                              const std::atomic<bool> *cancel = nullptr,
                              std::shared_ptr<Communicator> comm = nullptr);
InferenceResult run_inference(const std::filesystem::path &run_dir, const PluginRegistry &registry,
                              const InferenceOptions &options, const ProgressFn &progress = {},
                              const std::atomic<bool> *cancel = nullptr,
                              std::shared_ptr<Communicator> comm = nullptr);

// ---- output (RUN_DIR/inference/<name>/) --------------------------------------------
// The output is written so that a job killed at any moment loses nothing: before the
// method runs, check_inference_dir refuses a non-empty dir unless replace and creates
// only dir's parent; the outputs then go to the hidden staging folder that
// begin_inference_dir (re)creates, and commit_inference_dir renames it to dir (checking
// again, and moving the replaced results aside by rename before deleting them).
void check_inference_dir(const std::filesystem::path &dir, bool replace);
std::filesystem::path staging_inference_dir(const std::filesystem::path &dir);
std::filesystem::path begin_inference_dir(const std::filesystem::path &dir);
void commit_inference_dir(const std::filesystem::path &dir, bool replace);
// An exclusive lock (flock) on the hidden ".<name>.lock" beside dir, held by
// run_inference from check_inference_dir to commit_inference_dir: two jobs writing the
// same name at once would otherwise share the staging folder (the second clears what the
// first writes).
// Throws InferenceError("name", ...) naming the folder when another process holds it.
// The lock goes with the process, so a killed job leaves no stale lock (its staging
// folder is then stale and begin_inference_dir clears it).
class InferenceDirLock {
public:
  explicit InferenceDirLock(const std::filesystem::path &dir);
  ~InferenceDirLock();
  InferenceDirLock(const InferenceDirLock &) = delete;
  InferenceDirLock &operator=(const InferenceDirLock &) = delete;

private:
  int fd_ = -1;
};
void write_vector_npy(const std::filesystem::path &file, const std::vector<double> &v);
void write_matrix_npy(const std::filesystem::path &file, const MatrixD &m);
// marginal_<i>.npy (1-D, gridsize_i) and marginal_<row>_<col>.npy (2-D, shape
// (gridsize_col, gridsize_row)), and marginals.json: parameter names, ranges (low,
// high, gridsize), and for every marginal its file and highest-density levels.
nlohmann::json write_marginals(const std::filesystem::path &dir, const Marginals &m,
                               const std::vector<std::string> &names,
                               const std::vector<double> &levels);
// Weighted means and standard deviations of samples (weights empty: equal), as
// {"mean": {name: v}, "sd": {name: v}}.
nlohmann::json posterior_moments(const MatrixD &samples, const std::vector<double> &weights,
                                 const std::vector<std::string> &names);

} // namespace lfi
} // namespace imnn

// The inference driver (inference.h): moved here from `imnn infer` so that the CLI
// and the desktop app run the same code and write the same files.
#include "imnn/inference.h"

#include "imnn/arrays.h"
#include "imnn/compressor.h"
#include "imnn/plugins.h"
#include "imnn/run_directory.h"
#include "imnn/threads.h"

#include <Eigen/Cholesky>
#include <Eigen/LU>
#include <chrono>
#include <cmath>
#include <optional>
#include <random>

namespace imnn::lfi {

namespace {

namespace fs = std::filesystem;

std::string num(double v) {
  return nlohmann::json(v).dump();
}

std::vector<Index> gridsizes(const std::vector<long long> &g, Index p) {
  if (g.size() != 1 && static_cast<Index>(g.size()) != p)
    throw InferenceError("gridsize", "`gridsize` has " + std::to_string(g.size()) + " values for " +
                                         std::to_string(p) +
                                         " parameters: give one value for all, or one per "
                                         "parameter");
  std::vector<Index> out;
  for (Index a = 0; a < p; ++a) {
    const long long v = g.size() == 1 ? g[0] : g[static_cast<std::size_t>(a)];
    if (v < 2)
      throw InferenceError("gridsize",
                           "`gridsize` " + std::to_string(v) + ": give at least 2 grid points");
    out.push_back(static_cast<Index>(v));
  }
  return out;
}

std::unique_ptr<Prior> make_prior(const InferenceOptions &o, const SimulatorInfo &sim, Index p) {
  auto bound = [&](const std::vector<double> &given, const std::vector<double> &plugin,
                   const char *opt) {
    const auto &v = given.empty() ? plugin : given;
    if (static_cast<Index>(v.size()) != p)
      throw InferenceError(opt, "`" + std::string(opt) + "` has " + std::to_string(v.size()) +
                                    " values for " + std::to_string(p) + " parameters (" +
                                    sim.name +
                                    "): give one per parameter in the order of the model's "
                                    "parameter names");
    return v;
  };
  auto low = bound(o.prior_low, sim.prior_low, "prior_low");
  auto high = bound(o.prior_high, sim.prior_high, "prior_high");
  for (Index a = 0; a < p; ++a) {
    const auto i = static_cast<std::size_t>(a);
    if (!(low[i] < high[i]))
      throw InferenceError("prior_low", "prior box: parameter " + sim.param_names[i] + " has low " +
                                            num(low[i]) + " >= high " + num(high[i]) +
                                            ": give `prior_low` and `prior_high` with low < "
                                            "high for every parameter");
  }
  if (o.prior == "uniform") return make_uniform_prior(low, high);
  if (o.prior != "gaussian")
    throw InferenceError("prior", "`prior` " + o.prior + ": use uniform (the box) or gaussian");
  if (static_cast<Index>(o.prior_mean.size()) != p || static_cast<Index>(o.prior_sd.size()) != p)
    throw InferenceError("prior_mean",
                         "a gaussian `prior` needs `prior_mean` and `prior_sd` with one value "
                         "per parameter (" +
                             std::to_string(p) + ")");
  return make_gaussian_prior(o.prior_mean, o.prior_sd, low, high);
}

} // namespace

MatrixD gaussian_samples(const Eigen::VectorXd &mean, const Eigen::MatrixXd &invF,
                         const Prior &prior, Index n, std::uint64_t seed,
                         std::vector<double> *minus_log_post_out) {
  MatrixD samples;
  std::vector<double> minus_log_post;
  const Index p = mean.size();
  const Eigen::LLT<Eigen::MatrixXd> llt(invF);
  if (llt.info() != Eigen::Success)
    throw Error("the model's inverse Fisher matrix is not positive definite: the Gaussian "
                "approximation is undefined; refit the IMNN");
  const Eigen::MatrixXd L = llt.matrixL();
  const Eigen::MatrixXd F = invF.inverse();
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> normal;
  samples.resize(n, p);
  minus_log_post.assign(static_cast<std::size_t>(n), 0.0);
  Eigen::VectorXd z(p);
  Index k = 0;
  long long tries = 0;
  while (k < n) {
    if (++tries > 1000 * static_cast<long long>(n) + 100000)
      throw InferenceError("prior_low", "the Gaussian approximation has almost no mass inside "
                                        "the prior box: widen `prior_low`/`prior_high`");
    for (Index a = 0; a < p; ++a)
      z(a) = normal(rng);
    const Eigen::VectorXd x = mean + L * z;
    if (!prior.in_box(x.data())) continue;
    samples.row(k) = x.transpose();
    const Eigen::VectorXd d = x - mean;
    minus_log_post[static_cast<std::size_t>(k)] = 0.5 * d.dot(F * d);
    ++k;
  }
  if (minus_log_post_out) *minus_log_post_out = std::move(minus_log_post);
  return samples;
}

long long resolved_n_samples(const InferenceOptions &o) {
  if (o.n_samples >= 0) return o.n_samples;
  return o.method == "ga" ? kDefaultGaSamples : kDefaultAbcSamples;
}

AbcSettings abc_settings(const InferenceOptions &o) {
  AbcSettings s;
  s.epsilon = o.epsilon;
  s.accept_fraction = o.epsilon < 0 ? o.accept_fraction : 0.0;
  InferenceOptions abc = o;
  abc.method = "abc";
  s.n_samples = static_cast<Index>(resolved_n_samples(abc));
  s.min_accepted = static_cast<Index>(o.min_accepted);
  s.max_iterations = o.max_iterations;
  return s;
}

PmcSettings pmc_settings(const InferenceOptions &o) {
  PmcSettings s;
  s.n_points = static_cast<Index>(o.n_points);
  s.n_initial_points = static_cast<Index>(o.n_initial_points);
  s.percentile = o.percentile;
  s.acceptance_ratio = o.acceptance_ratio;
  s.max_iteration = o.max_iteration;
  s.max_acceptance = static_cast<Index>(o.max_acceptance);
  s.max_samples = static_cast<Index>(o.max_samples);
  return s;
}

namespace {

void run_method(const InferenceOptions &o, const TrainedModel &model, const Problem &problem,
                const Prior &prior, const std::vector<std::vector<double>> &ranges,
                const ProgressFn &progress, const std::atomic<bool> *cancel, InferenceResult &r) {
  const auto &names = model.param_names;
  const Index p = problem.n_summaries;
  nlohmann::json &result = r.json;
  const Eigen::VectorXd &target = problem.target;
  if (o.method == "ga") {
    r.marginals = gaussian_approximation(target, model.invF, ranges);
    r.samples = gaussian_samples(target, model.invF, prior, resolved_n_samples(o),
                                 static_cast<std::uint64_t>(o.seed), &r.minus_log_post);
    result["posterior"] = posterior_moments(r.samples, {}, names);
    nlohmann::json mean = nlohmann::json::object(), sd = nlohmann::json::object();
    for (Index a = 0; a < p; ++a) {
      mean[names[static_cast<std::size_t>(a)]] = target(a);
      sd[names[static_cast<std::size_t>(a)]] = std::sqrt(model.invF(a, a));
    }
    result["gaussian"] = {{"mean", mean}, {"sd", sd}};
    result["posterior_note"] = "posterior: moments of the draws inside the prior box; "
                               "gaussian: the untruncated N(estimate, F^-1)";
  } else if (o.method == "abc") {
    Abc abc(problem);
    const AbcSettings s = abc_settings(o);
    const AbcSamples &a = abc.run(s, progress, cancel);
    r.cancelled = a.cancelled;
    r.converged = a.converged;
    r.convergence = a.convergence;
    r.simulations = a.n_simulations;
    r.samples = a.accepted_parameters();
    r.parameters = a.parameters;
    r.summaries = a.summaries;
    r.distances = a.distances;
    r.accepted = a.accepted;
    r.marginals = histogram_marginals(r.samples, {}, ranges, o.smoothing);
    result["epsilon"] = a.epsilon;
    result["epsilon_auto"] = a.epsilon_auto;
    if (a.epsilon_auto) result["accept_fraction"] = s.accept_fraction;
    result["n_samples"] = s.n_samples;
    result["draws"] = a.parameters.rows();
    result["accepted"] = a.n_accepted;
    result["iterations"] = a.iterations;
    result["acceptance"] = a.parameters.rows() > 0 ? static_cast<double>(a.n_accepted) /
                                                         static_cast<double>(a.parameters.rows())
                                                   : 0.0;
    result["posterior"] = posterior_moments(r.samples, {}, names);
  } else {
    const PmcSettings s = pmc_settings(o);
    const PmcSamples m = population_monte_carlo(problem, s, progress, cancel);
    r.cancelled = m.cancelled;
    r.converged = m.converged;
    r.convergence = m.convergence;
    r.simulations = m.total_draws;
    r.samples = m.parameters;
    r.weights = m.weights;
    r.parameters = m.parameters;
    r.summaries = m.summaries;
    r.distances = m.distances;
    r.marginals = histogram_marginals(r.samples, r.weights, ranges, o.smoothing);
    result["epsilon"] = m.epsilon;
    result["iterations"] = m.iterations;
    result["acceptance"] = m.acceptance;
    result["n_points"] = s.n_points;
    result["percentile"] = s.percentile;
    result["acceptance_ratio"] = s.acceptance_ratio;
    result["max_iteration"] = s.max_iteration;
    result["posterior"] = posterior_moments(r.samples, r.weights, names);
  }
}

void write_outputs(const InferenceOptions &o, InferenceResult &r, const fs::path &dir) {
  const Index p = r.target_estimate.size();
  if (r.weights.empty()) r.weights.assign(static_cast<std::size_t>(r.samples.rows()), 1.0);
  double total = 0.0;
  for (double w : r.weights)
    total += w;
  if (total > 0)
    for (double &w : r.weights)
      w /= total;
  write_matrix_npy(dir / "samples.npy", r.samples);
  write_vector_npy(dir / "weights.npy", r.weights);
  write_vector_npy(dir / "target_estimate.npy",
                   std::vector<double>(r.target_estimate.data(), r.target_estimate.data() + p));
  if (o.method != "ga") {
    write_matrix_npy(dir / "parameters.npy", r.parameters);
    write_matrix_npy(dir / "summaries.npy", r.summaries);
    write_vector_npy(dir / "distances.npy", r.distances);
    if (o.method == "abc")
      write_vector_npy(dir / "accepted.npy",
                       std::vector<double>(r.accepted.begin(), r.accepted.end()));
  }
  write_marginals(dir, r.marginals, r.param_names, o.levels);
  write_getdist(dir / r.name, r.samples, r.weights, r.minus_log_post, r.param_names, r.prior_low,
                r.prior_high);
}

} // namespace

void check_inference_options(const InferenceOptions &o) {
  if (o.method != "ga" && o.method != "abc" && o.method != "pmc")
    throw InferenceError("method", "`method` '" + o.method +
                                       "': use ga (Gaussian approximation), abc or pmc");
  if (o.target.empty() == o.target_theta.empty())
    throw InferenceError("target",
                         o.target.empty()
                             ? "no target: give `target` (a data file with the observed data) "
                               "or `target_theta` θ1 θ2 … (simulate it with the run's simulator)"
                             : "`target` and `target_theta` both given: use one of them");
  if (o.method == "abc") {
    if (o.n_samples == 0)
      throw InferenceError("n_samples", "`n_samples` 0: ABC needs draws from the prior per "
                                        "iteration (default " +
                                            std::to_string(kDefaultAbcSamples) + ")");
    if (std::isnan(o.epsilon))
      throw InferenceError("epsilon", "`epsilon` is NaN: give the acceptance distance (>= 0), "
                                      "or auto (a negative value) for the `accept_fraction` "
                                      "quantile of the distances");
    if (o.epsilon < 0) {
      if (!(o.accept_fraction > 0.0 && o.accept_fraction <= 1.0))
        throw InferenceError("accept_fraction",
                             "`accept_fraction` " + num(o.accept_fraction) +
                                 " is outside (0, 1]: with `epsilon` auto it is the fraction of "
                                 "the draws to accept (default 0.001)");
      if (o.min_accepted > 0)
        throw InferenceError("min_accepted",
                             "`min_accepted` " + std::to_string(o.min_accepted) +
                                 " needs a fixed `epsilon`: the automatic epsilon is chosen "
                                 "after one batch of `n_samples` draws; give `epsilon`, or "
                                 "leave `min_accepted` at 0");
    }
  }
  if (o.method == "pmc" && o.max_iteration < 0)
    throw InferenceError("max_iteration", "`max_iteration` " + std::to_string(o.max_iteration) +
                                              ": give the most PMC iterations (>= 0; a safety "
                                              "limit, default 1000)");
  if (o.method == "pmc" && o.n_initial_points != 0 && o.n_initial_points < o.n_points)
    throw InferenceError("n_initial_points",
                         "`n_initial_points` " + std::to_string(o.n_initial_points) +
                             " is smaller than `n_points` " + std::to_string(o.n_points) +
                             ": the initial population is taken from the initial draws, so "
                             "give at least `n_points` of them (or 0 for 10 x n_points)");
  if (o.method == "ga" && o.n_samples == 0)
    throw InferenceError("n_samples", "`n_samples` 0: the Gaussian approximation needs at least "
                                      "one draw for the GetDist samples (default 10000)");
  if (o.distance != "fisher" && o.distance != "euclidean")
    throw InferenceError("distance", "`distance` " + o.distance + ": use fisher or euclidean");
  if (o.smoothing < 0)
    throw InferenceError("smoothing", "`smoothing` " + num(o.smoothing) +
                                          ": give a width in bins >= 0 (0: none)");
  check_inference_option_values(o); // every other range, type and choice, from the table
}

CheckedInferenceOptions::CheckedInferenceOptions(const InferenceOptions &options)
    : options_(options) {
  check_inference_options(options_);
}

InferenceResult run_inference(Compressor &compressor, const PluginRegistry &registry,
                              const fs::path &run, const CheckedInferenceOptions &checked,
                              const ProgressFn &progress, const std::atomic<bool> *cancel,
                              std::shared_ptr<Communicator> comm) {
  const InferenceOptions &o = checked.get();
  configure_threads(o.threads);
  const bool distributed = comm && comm->size() > 1;
  const bool writer = !distributed || comm->rank() == 0;
  const auto t0 = std::chrono::steady_clock::now();
  const TrainedModel &model = compressor.model();
  const Index p = compressor.n_params();
  const std::string plugin = model.simulator.value("plugin", "");
  if (plugin.empty())
    throw Error("the IMNN of " + run.string() +
                " was fitted on arrays (no simulator plugin): inference simulates from the "
                "prior, so fit it with a simulator plugin (mode simulator or "
                "simulator-numerical)");
  SimulatorIsolation isolation; // as the run was fitted (its config's simulator section)
  isolation.isolate = model.simulator.value("isolate", false);
  isolation.timeout_s = model.simulator.value("timeout", 0.0);
  const auto sim = registry.create_simulator(
      plugin, model.simulator.value("options", nlohmann::json::object()), isolation);
  if (sim->input_size() != compressor.input_size() || sim->n_params() != p)
    throw Error("the simulator plugin '" + sim->info().name + "' now gives " +
                std::to_string(sim->input_size()) + " values and " +
                std::to_string(sim->n_params()) + " parameters but the IMNN was fitted to " +
                std::to_string(compressor.input_size()) + " and " + std::to_string(p) +
                ": use the plugin version that made the run");
  InferenceResult r;
  r.method = o.method;
  r.param_names = model.param_names;
  r.theta_fid = model.theta_fid;

  // The target: one simulation, compressed to its quasi-ML estimate.
  std::vector<double> target_data;
  if (!o.target.empty()) {
    ArrayD a = load_array(o.target);
    const Index n = compressor.batch_of(a.info);
    if (n != 1)
      throw InferenceError("target", o.target + ": found " + std::to_string(n) + " simulations " +
                                         a.info.shape_string() +
                                         " but inference takes one target: give a single "
                                         "(*input_shape) array");
    target_data = std::move(a.data);
  } else {
    if (static_cast<Index>(o.target_theta.size()) != p)
      throw InferenceError("target_theta",
                           "`target_theta` has " + std::to_string(o.target_theta.size()) +
                               " values but the model has " + std::to_string(p) + " parameters (" +
                               nlohmann::json(r.param_names).dump() + ")");
    target_data.resize(static_cast<std::size_t>(sim->input_size()));
    sim->simulate(static_cast<std::uint64_t>(o.target_seed), o.target_theta.data(),
                  target_data.data());
    r.target_theta = o.target_theta;
  }
  const MatrixD target_estimate = compressor.estimate(target_data.data(), 1);
  r.target_estimate = target_estimate.row(0).transpose();

  const auto prior = make_prior(o, sim->info(), p);
  const auto ranges = make_ranges(prior->low(), prior->high(), gridsizes(o.gridsize, p));
  r.name = o.name.empty() ? o.method : o.name;
  if (r.name.find('/') != std::string::npos || r.name == "." || r.name == "..")
    throw InferenceError("name", "`name` " + r.name + ": give a plain folder name");
  fs::path run_dir = run;
  if (!fs::is_directory(run_dir)) run_dir = run_dir.parent_path();
  r.dir = run_dir / "inference" / r.name;
  r.getdist_root = r.dir / r.name;
  std::exception_ptr dir_error;
  // Held from before the method runs (a second job with this name fails at once, not
  // after its simulations) until the results are committed.
  std::optional<InferenceDirLock> lock;
  try {
    if (writer) {
      check_inference_dir(r.dir, o.replace);
      lock.emplace(r.dir);
    }
  } catch (...) {
    dir_error = std::current_exception();
  }
  if (distributed || dir_error) agree_on_error(distributed ? *comm : *single_process(), dir_error);
  try {
    Problem problem;
    problem.prior = prior.get();
    problem.simulate = [&sim](std::uint64_t seed, const double *theta, double *out) {
      sim->simulate(seed, theta, out);
    };
    // A chunk of draws per call where the plugin has a batch call (Python simulators:
    // the GIL once per chunk) or runs in its own process (one round trip per chunk), as
    // the fit's chunks do; the same simulations either way.
    if (sim->has_batch())
      problem.simulate_batch = [&sim](Index n, const std::uint64_t *seeds, const double *thetas,
                                      double *out) {
        sim->simulate_batch(static_cast<std::size_t>(n), seeds, thetas, out);
      };
    problem.compress = compressor.estimate_fn();
    problem.input_size = compressor.input_size();
    problem.n_summaries = p;
    problem.target = r.target_estimate;
    problem.distance.kind = distance_from_name(o.distance);
    problem.distance.F = model.statistics.F;
    problem.seed = static_cast<std::uint64_t>(o.seed);
    problem.threads = o.threads;
    problem.comm = comm;

    nlohmann::json &result = r.json;
    result["method"] = o.method;
    result["name"] = r.name;
    r.prior_low = prior->low();
    r.prior_high = prior->high();
    run_method(o, model, problem, *prior, ranges, progress, cancel, r);
    if (r.minus_log_post.empty())
      r.minus_log_post.assign(static_cast<std::size_t>(r.samples.rows()), 0.0);
    const fs::path stage = writer ? begin_inference_dir(r.dir) : fs::path();
    if (writer) write_outputs(o, r, stage);

    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    result["simulations"] = r.simulations;
    result["seconds"] = r.seconds;
    result["cancelled"] = r.cancelled;
    result["converged"] = r.converged;
    result["convergence"] = r.convergence;
    result["samples"] = r.samples.rows();
    result["target_estimate"] =
        std::vector<double>(r.target_estimate.data(), r.target_estimate.data() + p);
    if (!r.target_theta.empty()) {
      result["target_theta"] = r.target_theta;
      result["target_seed"] = o.target_seed;
    } else {
      result["target"] = o.target;
    }
    result["parameters"] = r.param_names;
    result["prior"] = {{"kind", prior->name()}, {"low", prior->low()}, {"high", prior->high()}};
    result["distance"] = o.distance;
    result["seed"] = o.seed;
    result["run"] = run_dir.string();
    result["getdist_root"] = r.getdist_root.string();
    if (writer) {
      write_file_atomically(stage / "result.json", result.dump(2) + "\n");
      commit_inference_dir(r.dir, o.replace);
    }
  } catch (...) {
    std::error_code ec;
    // Nothing left behind, but only our own staging folder (not another job's).
    if (writer && lock) fs::remove_all(staging_inference_dir(r.dir), ec);
    throw;
  }
  return r;
}

InferenceResult run_inference(const fs::path &run_dir, const PluginRegistry &registry,
                              const CheckedInferenceOptions &options, const ProgressFn &progress,
                              const std::atomic<bool> *cancel, std::shared_ptr<Communicator> comm) {
  Compressor compressor = Compressor::load(run_dir, registry, options.get().threads);
  return run_inference(compressor, registry, run_dir, options, progress, cancel, std::move(comm));
}

InferenceResult run_inference(Compressor &compressor, const PluginRegistry &registry,
                              const fs::path &run_dir, const InferenceOptions &options,
                              const ProgressFn &progress, const std::atomic<bool> *cancel,
                              std::shared_ptr<Communicator> comm) {
  return run_inference(compressor, registry, run_dir, CheckedInferenceOptions(options), progress,
                       cancel, std::move(comm));
}

InferenceResult run_inference(const fs::path &run_dir, const PluginRegistry &registry,
                              const InferenceOptions &options, const ProgressFn &progress,
                              const std::atomic<bool> *cancel, std::shared_ptr<Communicator> comm) {
  return run_inference(run_dir, registry, CheckedInferenceOptions(options), progress, cancel,
                       std::move(comm));
}

} // namespace imnn::lfi

// `imnn infer ga|abc|pmc RUN_DIR`: likelihood-free inference with a trained IMNN
// (imnn-spec §4): the target compressed to its quasi-ML estimate, the Gaussian
// approximation, ABC or population Monte Carlo with simulations from the run's
// simulator plugin, and the results written to RUN_DIR/inference/<name>/.
#include "imnn/arrays.h"
#include "imnn/compressor.h"
#include "imnn/error.h"
#include "imnn/lfi.h"
#include "imnn/plugins.h"
#include "imnn/run_directory.h"
#include "imnn/session.h"
#include "imnn/threads.h"

#include "commands.h"
#include "infer_output.h"

#include <Eigen/Cholesky>
#include <Eigen/LU>
#include <atomic>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <random>
#include <unistd.h>

namespace imnn::cli {

namespace {

namespace fs = std::filesystem;

std::atomic<bool> g_cancel{false};
void on_interrupt(int) {
  g_cancel.store(true);
}

std::string num(double v) {
  return nlohmann::json(v).dump();
}

// The progress line: redrawn in place on a terminal, one line per 2 s otherwise.
class Progress {
public:
  explicit Progress(bool quiet) : quiet_(quiet), tty_(::isatty(STDERR_FILENO) != 0) {}
  void operator()(double fraction, const std::string &message) {
    if (quiet_) return;
    const auto now = std::chrono::steady_clock::now();
    const bool final = fraction >= 1.0;
    if (!final && now - last_ < (tty_ ? std::chrono::milliseconds(100) : std::chrono::seconds(2)))
      return;
    last_ = now;
    if (tty_)
      std::fprintf(stderr, "\r[%3.0f%%] %s\033[K", 100.0 * fraction, message.c_str());
    else
      std::fprintf(stderr, "[%3.0f%%] %s\n", 100.0 * fraction, message.c_str());
    std::fflush(stderr);
    printed_ = true;
  }
  void finish() {
    if (tty_ && printed_) std::fprintf(stderr, "\n");
  }

private:
  bool quiet_, tty_;
  bool printed_ = false;
  std::chrono::steady_clock::time_point last_{};
};

// Option checks that need no model: each names the option and the fix.
void check_options(const InferOptions &o) {
  if (o.target.empty() == o.target_theta.empty())
    throw Error(o.target.empty()
                    ? "no target: give --target data.npy (the observed data) or --target-theta "
                      "θ1 θ2 … (simulate it with the run's simulator)"
                    : "--target and --target-theta both given: use one of them");
  if (o.method == "abc") {
    if (o.n_samples < 1)
      throw Error(o.epsilon >= 0
                      ? "--epsilon " + num(o.epsilon) +
                            " given without draws: ABC needs --n-samples N (draws from the prior "
                            "per iteration) to accept or reject"
                      : "abc needs --n-samples N (draws from the prior per iteration) and "
                        "--epsilon (the acceptance distance)");
    if (o.epsilon < 0)
      throw Error("abc needs --epsilon (the acceptance distance, >= 0): draws closer than it to "
                  "the target are accepted");
  }
  if (o.method == "pmc" && o.n_initial_points != 0 && o.n_initial_points < o.n_points)
    throw Error("--n-initial-points " + std::to_string(o.n_initial_points) +
                " is smaller than --n-points " + std::to_string(o.n_points) +
                ": the initial population is taken from the initial draws, so give at least "
                "--n-points of them (or 0 for 10 x n_points)");
  if (o.method == "ga" && o.n_samples == 0)
    throw Error("--n-samples 0: the Gaussian approximation needs at least one draw for the "
                "GetDist samples (default 10000)");
}

std::vector<Index> gridsizes(const std::vector<long long> &g, Index p) {
  if (g.size() != 1 && static_cast<Index>(g.size()) != p)
    throw Error("--gridsize has " + std::to_string(g.size()) + " values for " + std::to_string(p) +
                " parameters: give one value for all, or one per parameter");
  std::vector<Index> out;
  for (Index a = 0; a < p; ++a) {
    const long long v = g.size() == 1 ? g[0] : g[static_cast<std::size_t>(a)];
    if (v < 2) throw Error("--gridsize " + std::to_string(v) + ": give at least 2 grid points");
    out.push_back(static_cast<Index>(v));
  }
  return out;
}

std::unique_ptr<lfi::Prior> make_prior(const InferOptions &o, const SimulatorInfo &sim, Index p) {
  auto bound = [&](const std::vector<double> &given, const std::vector<double> &plugin,
                   const char *opt) {
    const auto &v = given.empty() ? plugin : given;
    if (static_cast<Index>(v.size()) != p)
      throw Error(std::string(opt) + " has " + std::to_string(v.size()) + " values for " +
                  std::to_string(p) + " parameters (" + sim.name +
                  "): give one per parameter in the order of the model's parameter names");
    return v;
  };
  auto low = bound(o.prior_low, sim.prior_low, "--prior-low");
  auto high = bound(o.prior_high, sim.prior_high, "--prior-high");
  for (Index a = 0; a < p; ++a) {
    const auto i = static_cast<std::size_t>(a);
    if (!(low[i] < high[i]))
      throw Error("prior box: parameter " + sim.param_names[i] + " has low " + num(low[i]) +
                  " >= high " + num(high[i]) +
                  ": give --prior-low and --prior-high with low < high for every parameter");
  }
  if (o.prior == "uniform") return lfi::make_uniform_prior(low, high);
  if (o.prior != "gaussian")
    throw Error("--prior " + o.prior + ": use uniform (the box) or gaussian");
  if (static_cast<Index>(o.prior_mean.size()) != p || static_cast<Index>(o.prior_sd.size()) != p)
    throw Error("--prior gaussian needs --prior-mean and --prior-sd with one value per parameter "
                "(" +
                std::to_string(p) + ")");
  return lfi::make_gaussian_prior(o.prior_mean, o.prior_sd, low, high);
}

// Draws from N(estimate, invF) inside the prior box, for the GA's GetDist samples.
void gaussian_draws(const Eigen::VectorXd &mean, const Eigen::MatrixXd &invF,
                    const lfi::Prior &prior, Index n, std::uint64_t seed, lfi::MatrixD &samples,
                    std::vector<double> &minus_log_post) {
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
      throw Error("the Gaussian approximation has almost no mass inside the prior box: widen "
                  "--prior-low/--prior-high");
    for (Index a = 0; a < p; ++a)
      z(a) = normal(rng);
    const Eigen::VectorXd x = mean + L * z;
    if (!prior.in_box(x.data())) continue;
    samples.row(k) = x.transpose();
    const Eigen::VectorXd d = x - mean;
    minus_log_post[static_cast<std::size_t>(k)] = 0.5 * d.dot(F * d);
    ++k;
  }
}

} // namespace

void add_infer_command(CLI::App &app, InferOptions &o) {
  auto *cmd = app.add_subcommand(
      "infer",
      "Likelihood-free inference with a trained IMNN: ga (Gaussian approximation N(estimate, "
      "F^-1)), abc (rejection ABC) or pmc (ABC population Monte Carlo). Writes "
      "RUN_DIR/inference/<name>/: samples, weights, distances, summaries (.npy), marginals "
      "(.npy + marginals.json with ranges and HPD levels), result.json and a GetDist root.");
  cmd->add_option("method", o.method, "ga, abc or pmc")
      ->required()
      ->check(CLI::IsMember({"ga", "abc", "pmc"}));
  cmd->add_option("run", o.run, "Run directory written by `imnn fit`")->required();
  cmd->add_option("--target", o.target,
                  "Observed data (.npy/.npz/.h5) of shape (*input_shape) or (1, *input_shape)");
  cmd->add_option("--target-theta", o.target_theta,
                  "Instead of --target: simulate the target at these parameters with the run's "
                  "simulator plugin and options");
  cmd->add_option("--target-seed", o.target_seed, "Seed of the --target-theta simulation (0)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--name", o.name, "Output folder name under RUN_DIR/inference (the method)");
  cmd->add_flag("--replace", o.replace, "Overwrite an existing output folder of that name");
  cmd->add_option("--seed", o.seed, "Seed of the prior draws and simulations (0)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--threads", o.threads, "Compute threads (0: all cores)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--plugin-dir", o.plugin_dirs, "Extra plugin folder, searched first");
  cmd->add_flag("--quiet,-q", o.quiet, "No progress line");
  cmd->add_option("--prior", o.prior, "uniform (default: the simulator plugin's box) or gaussian")
      ->check(CLI::IsMember({"uniform", "gaussian"}));
  cmd->add_option("--prior-low", o.prior_low, "Lower bounds of the prior box (one per parameter)");
  cmd->add_option("--prior-high", o.prior_high,
                  "Upper bounds of the prior box (one per parameter)");
  cmd->add_option("--prior-mean", o.prior_mean, "Gaussian prior means (with --prior gaussian)");
  cmd->add_option("--prior-sd", o.prior_sd, "Gaussian prior sds (with --prior gaussian)");
  cmd->add_option("--gridsize", o.gridsize, "Marginal grid points, one or one per parameter (100)");
  cmd->add_option("--levels", o.levels, "Highest-density masses of the levels (0.68 0.95)");
  cmd->add_option("--smoothing", o.smoothing, "Gaussian smoothing of histograms, in bins (0)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--distance", o.distance,
                  "fisher: sqrt(dθᵀ F dθ) between estimates (default), or euclidean")
      ->check(CLI::IsMember({"fisher", "euclidean"}));
  cmd->add_option("--epsilon", o.epsilon, "abc: acceptance distance (draws with ρ < ε are kept)");
  cmd->add_option("--n-samples", o.n_samples,
                  "abc: draws from the prior per iteration; ga: draws written as samples (10000)");
  cmd->add_option("--min-accepted", o.min_accepted,
                  "abc: iterate until this many draws are accepted (0: one batch)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--max-iterations", o.max_iterations,
                  "abc: most iterations of the --min-accepted loop (10)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--n-points", o.n_points, "pmc: population size (1000)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--n-initial-points", o.n_initial_points,
                  "pmc: initial prior draws, >= n-points (0: 10 x n-points)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--percentile", o.percentile,
                  "pmc: points farther than this distance percentile move each iteration (75)");
  cmd->add_option("--acceptance-ratio", o.acceptance_ratio,
                  "pmc: stop when accepted/draws of an iteration falls below this (0.1)");
  cmd->add_option("--max-iteration", o.max_iteration, "pmc: most iterations (10)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--max-acceptance", o.max_acceptance,
                  "pmc: proposals per moved point per iteration (1)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--max-samples", o.max_samples,
                  "pmc: redraws of a proposal to land inside the prior box (100000)")
      ->check(CLI::PositiveNumber);
}

int run_infer(const InferOptions &o) {
  Progress progress(o.quiet);
  fs::path created; // the output folder, removed again when a failure leaves it empty
  try {
    check_options(o);
    configure_threads(o.threads);
    const auto t0 = std::chrono::steady_clock::now();
    const PluginRegistry registry = scan_plugins(o.plugin_dirs);
    Compressor compressor = Compressor::load(o.run, registry, o.threads);
    const TrainedModel &model = compressor.model();
    const Index p = compressor.n_params();
    const auto sim =
        registry.create_simulator(model.simulator.value("plugin", ""),
                                  model.simulator.value("options", nlohmann::json::object()));
    if (sim->input_size() != compressor.input_size() || sim->n_params() != p)
      throw Error("the simulator plugin '" + sim->info().name + "' now gives " +
                  std::to_string(sim->input_size()) + " values and " +
                  std::to_string(sim->n_params()) + " parameters but the IMNN was fitted to " +
                  std::to_string(compressor.input_size()) + " and " + std::to_string(p) +
                  ": use the plugin version that made the run");
    const auto &names = model.param_names;

    // The target: one simulation, compressed to its quasi-ML estimate.
    std::vector<double> target_data;
    if (!o.target.empty()) {
      ArrayD a = load_array(o.target);
      const Index n = compressor.batch_of(a.info);
      if (n != 1)
        throw Error(o.target + ": found " + std::to_string(n) + " simulations " +
                    a.info.shape_string() +
                    " but inference takes one target: give a single (*input_shape) array");
      target_data = std::move(a.data);
    } else {
      if (static_cast<Index>(o.target_theta.size()) != p)
        throw Error("--target-theta has " + std::to_string(o.target_theta.size()) +
                    " values but the model has " + std::to_string(p) + " parameters (" +
                    nlohmann::json(names).dump() + ")");
      target_data.resize(static_cast<std::size_t>(sim->input_size()));
      sim->simulate(static_cast<std::uint64_t>(o.target_seed), o.target_theta.data(),
                    target_data.data());
    }
    const lfi::MatrixD target_estimate = compressor.estimate(target_data.data(), 1);
    const Eigen::VectorXd target = target_estimate.row(0).transpose();

    const auto prior = make_prior(o, sim->info(), p);
    const auto ranges = lfi::make_ranges(prior->low(), prior->high(), gridsizes(o.gridsize, p));
    const std::string name = o.name.empty() ? o.method : o.name;
    if (name.find('/') != std::string::npos || name == "." || name == "..")
      throw Error("--name " + name + ": give a plain folder name");
    fs::path run_dir = o.run;
    if (!fs::is_directory(run_dir)) run_dir = run_dir.parent_path();
    const fs::path dir = run_dir / "inference" / name;
    prepare_inference_dir(dir, o.replace);
    created = dir;

    lfi::Problem problem;
    problem.prior = prior.get();
    problem.simulate = [&sim](std::uint64_t seed, const double *theta, double *out) {
      sim->simulate(seed, theta, out);
    };
    problem.compress = compressor.estimate_fn();
    problem.input_size = compressor.input_size();
    problem.n_summaries = p;
    problem.target = target;
    problem.distance.kind = lfi::distance_from_name(o.distance);
    problem.distance.F = model.statistics.F;
    problem.seed = static_cast<std::uint64_t>(o.seed);
    problem.threads = o.threads;

    std::signal(SIGINT, on_interrupt);
    std::signal(SIGTERM, on_interrupt);
    auto report = [&](double f, const std::string &m) { progress(f, m); };

    lfi::MatrixD samples, all_theta, all_summaries;
    std::vector<double> weights, minus_log_post, all_distances, accepted;
    lfi::Marginals marginals;
    nlohmann::json result;
    result["method"] = o.method;
    result["name"] = name;
    bool cancelled = false;
    Index simulations = 0;
    if (o.method == "ga") {
      marginals = lfi::gaussian_approximation(target, model.invF, ranges);
      gaussian_draws(target, model.invF, *prior, o.n_samples < 0 ? 10000 : o.n_samples,
                     static_cast<std::uint64_t>(o.seed), samples, minus_log_post);
      result["posterior"] = posterior_moments(samples, {}, names);
      nlohmann::json mean = nlohmann::json::object(), sd = nlohmann::json::object();
      for (Index a = 0; a < p; ++a) {
        mean[names[static_cast<std::size_t>(a)]] = target(a);
        sd[names[static_cast<std::size_t>(a)]] = std::sqrt(model.invF(a, a));
      }
      result["gaussian"] = {{"mean", mean}, {"sd", sd}};
      result["posterior_note"] = "posterior: moments of the draws inside the prior box; "
                                 "gaussian: the untruncated N(estimate, F^-1)";
    } else if (o.method == "abc") {
      lfi::Abc abc(problem);
      lfi::AbcSettings s;
      s.epsilon = o.epsilon;
      s.n_samples = static_cast<Index>(o.n_samples);
      s.min_accepted = static_cast<Index>(o.min_accepted);
      s.max_iterations = o.max_iterations;
      const lfi::AbcSamples &r = abc.run(s, report, &g_cancel);
      cancelled = r.cancelled;
      simulations = r.n_simulations;
      samples = r.accepted_parameters();
      all_theta = r.parameters;
      all_summaries = r.summaries;
      all_distances = r.distances;
      accepted.assign(r.accepted.begin(), r.accepted.end());
      marginals = lfi::histogram_marginals(samples, {}, ranges, o.smoothing);
      result["epsilon"] = o.epsilon;
      result["draws"] = r.parameters.rows();
      result["accepted"] = r.n_accepted;
      result["iterations"] = r.iterations;
      result["acceptance"] = r.parameters.rows() > 0 ? static_cast<double>(r.n_accepted) /
                                                           static_cast<double>(r.parameters.rows())
                                                     : 0.0;
      result["posterior"] = posterior_moments(samples, {}, names);
    } else {
      lfi::PmcSettings s;
      s.n_points = static_cast<Index>(o.n_points);
      s.n_initial_points = static_cast<Index>(o.n_initial_points);
      s.percentile = o.percentile;
      s.acceptance_ratio = o.acceptance_ratio;
      s.max_iteration = o.max_iteration;
      s.max_acceptance = static_cast<Index>(o.max_acceptance);
      s.max_samples = static_cast<Index>(o.max_samples);
      const lfi::PmcSamples r = lfi::population_monte_carlo(problem, s, report, &g_cancel);
      cancelled = r.cancelled;
      simulations = r.total_draws;
      samples = r.parameters;
      weights = r.weights;
      all_theta = r.parameters;
      all_summaries = r.summaries;
      all_distances = r.distances;
      marginals = lfi::histogram_marginals(samples, weights, ranges, o.smoothing);
      result["epsilon"] = r.epsilon;
      result["iterations"] = r.iterations;
      result["acceptance"] = r.acceptance;
      result["n_points"] = s.n_points;
      result["percentile"] = s.percentile;
      result["posterior"] = posterior_moments(samples, weights, names);
    }
    progress.finish();

    // Files.
    if (weights.empty()) weights.assign(static_cast<std::size_t>(samples.rows()), 1.0);
    {
      double total = 0.0;
      for (double w : weights)
        total += w;
      if (total > 0)
        for (double &w : weights)
          w /= total;
    }
    write_matrix_npy(dir / "samples.npy", samples);
    write_vector_npy(dir / "weights.npy", weights);
    write_vector_npy(dir / "target_estimate.npy",
                     std::vector<double>(target.data(), target.data() + p));
    if (o.method != "ga") {
      write_matrix_npy(dir / "parameters.npy", all_theta);
      write_matrix_npy(dir / "summaries.npy", all_summaries);
      write_vector_npy(dir / "distances.npy", all_distances);
      if (o.method == "abc") write_vector_npy(dir / "accepted.npy", accepted);
    }
    write_marginals(dir, marginals, names, o.levels);
    lfi::write_getdist(dir / name, samples, weights, minus_log_post, names, prior->low(),
                       prior->high());

    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    result["simulations"] = simulations;
    result["seconds"] = seconds;
    result["cancelled"] = cancelled;
    result["samples"] = samples.rows();
    result["target_estimate"] = std::vector<double>(target.data(), target.data() + p);
    result["parameters"] = names;
    result["prior"] = {{"kind", prior->name()}, {"low", prior->low()}, {"high", prior->high()}};
    result["distance"] = o.distance;
    result["seed"] = o.seed;
    result["run"] = run_dir.string();
    result["getdist_root"] = (dir / name).string();
    write_file_atomically(dir / "result.json", result.dump(2) + "\n");

    std::printf("%s: %td samples, %td simulations, %.1f s%s -> %s\n", o.method.c_str(),
                samples.rows(), simulations, seconds, cancelled ? " (cancelled)" : "", dir.c_str());
    for (Index a = 0; a < p; ++a) {
      const auto &n = names[static_cast<std::size_t>(a)];
      std::printf(
          "  %s = %.6g +- %.6g\n", n.c_str(),
          result["posterior"]["mean"][n].is_number() ? result["posterior"]["mean"][n].get<double>()
                                                     : NAN,
          result["posterior"]["sd"][n].is_number() ? result["posterior"]["sd"][n].get<double>()
                                                   : NAN);
    }
    return cancelled ? 130 : 0;
  } catch (const std::exception &e) {
    progress.finish();
    std::error_code ec;
    if (!created.empty() && fs::is_empty(created, ec)) fs::remove(created, ec);
    std::fprintf(stderr, "error: %s\n", e.what());
    return 1;
  }
}

} // namespace imnn::cli

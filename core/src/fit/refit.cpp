#include "imnn/refit.h"

#include "imnn/arrays.h"
#include "imnn/checkpoint.h"
#include "imnn/compressor.h"
#include "imnn/error.h"
#include "imnn/run_directory.h"
#include "imnn/session.h"

#include <cmath>
#include <fstream>

namespace imnn {

namespace fs = std::filesystem;

namespace {

std::vector<double> estimate_of(Compressor &c, const ArrayD &target) {
  bool single = false;
  const Index n = c.batch_of(target.info, &single);
  if (n != 1)
    throw Error("the refit target " + target.info.source + " holds " + std::to_string(n) +
                " simulations " + target.info.shape_string() +
                "; give one data set, of shape (*input_shape) or (1, *input_shape)");
  std::vector<double> out(static_cast<std::size_t>(c.n_params()));
  c.estimate(target.data.data(), 1, out.data());
  return out;
}

RefitRound round_of(int k, const fs::path &dir, Compressor &c, const ArrayD &target) {
  RefitRound r;
  r.round = k;
  r.run_dir = dir;
  r.theta_fid = c.model().theta_fid;
  r.estimate = estimate_of(c, target);
  r.F = c.model().statistics.F;
  r.detF = c.model().statistics.detF;
  return r;
}

// RUN/refit/ made empty (replace) or new; an earlier refit is kept unless replace.
void prepare_refit_dir(const fs::path &dir, bool replace) {
  std::error_code ec;
  if (fs::exists(dir, ec) && !fs::is_empty(dir, ec)) {
    if (!replace)
      throw Error(dir.string() + " holds an earlier refit: set `replace` (--replace) to "
                                 "overwrite it");
    fs::remove_all(dir, ec);
    if (ec) throw Error("cannot remove " + dir.string() + " to replace it: " + ec.message());
  }
  fs::create_directories(dir, ec);
  if (ec) throw Error("cannot create " + dir.string() + ": " + ec.message());
}

nlohmann::json round_json(const RefitRound &r) {
  return {{"round", r.round},
          {"run", r.run_dir.string()},
          {"theta_fid", r.theta_fid},
          {"estimate", r.estimate},
          {"detF", r.detF},
          {"F", matrix_to_json(r.F)},
          {"moved_sd", r.moved_sd},
          {"stop_reason", r.stop_reason},
          {"iterations", r.iterations}};
}

} // namespace

RefitResult refit(const fs::path &run, std::shared_ptr<PluginRegistry> registry,
                  const RefitOptions &o, const std::function<void(const RefitRound &)> &on_round,
                  const std::atomic<bool> *cancel) {
  if (o.rounds < 1) throw Error("refit: `rounds` must be >= 1");
  if (!(o.tolerance > 0) || !std::isfinite(o.tolerance))
    throw Error("refit: `tolerance` must be a number of Fisher standard deviations > 0");
  if (o.target.empty() && o.target_theta.empty())
    throw Error("refit needs a target: the observed data (.npy/.npz/.h5) whose estimate the "
                "rounds move the fiducial parameters to, or the parameters to simulate it at");
  if (!o.target.empty() && !o.target_theta.empty())
    throw Error("refit: a target file and target parameters both given: use one of them");
  RunConfig config = RunConfig::load(run / "config.json");
  if (config.array_mode())
    throw Error("refit needs simulations at new parameters, but " + run.string() +
                " was fitted in mode \"" + config.mode +
                "\" to fixed arrays made at one theta_fid only; fit with a simulator plugin "
                "(mode simulator or simulator-numerical) to refit at the estimate");
  const fs::path out_dir = run / "refit";
  prepare_refit_dir(out_dir, o.replace);

  // The prior box of the run's simulator: an estimate outside it cannot be a fiducial
  // point (an IMNN trained too little, or a target it cannot describe).
  const std::shared_ptr<Simulator> simulator =
      registry->create_simulator(config.simulator.plugin, config.simulator.options);
  const SimulatorInfo box = simulator->info();
  auto check_inside = [&](const std::vector<double> &theta, int k) {
    for (std::size_t a = 0; a < theta.size() && a < box.prior_low.size(); ++a)
      if (!(theta[a] > box.prior_low[a] && theta[a] < box.prior_high[a]) ||
          !std::isfinite(theta[a]))
        throw Error("refit: the estimate of round " + std::to_string(k) + " puts " +
                    box.param_names[a] + " at " + std::to_string(theta[a]) +
                    ", outside the simulator's prior box (" + std::to_string(box.prior_low[a]) +
                    ", " + std::to_string(box.prior_high[a]) +
                    "), so no IMNN can be fitted there; the IMNN of that round is not trained "
                    "well enough for this target (fit it longer, or use --warm-start)");
  };
  ArrayD target;
  if (!o.target.empty()) {
    target = load_array(o.target);
  } else {
    if (static_cast<Index>(o.target_theta.size()) != simulator->n_params())
      throw Error("refit: the target's parameters have " + std::to_string(o.target_theta.size()) +
                  " values but the simulator has " + std::to_string(simulator->n_params()) +
                  ": give one value per parameter");
    target.info.shape = simulator->input_shape();
    target.info.source = "the target simulated at the given parameters";
    target.data.resize(static_cast<std::size_t>(simulator->input_size()));
    simulator->simulate(o.target_seed, o.target_theta.data(), target.data.data());
  }
  RefitResult result;
  Compressor first = Compressor::load(run, *registry, config.threads);
  result.rounds.push_back(round_of(0, run, first, target));
  result.rounds.back().stop_reason = "first run";
  if (on_round) on_round(result.rounds.back());
  std::vector<float> previous_weights = first.model().weights;

  for (int k = 1; k <= o.rounds; ++k) {
    check_inside(result.rounds.back().estimate, k - 1);
    if (cancel && cancel->load()) {
      result.cancelled = true;
      break;
    }
    RunConfig c = config;
    c.theta_fid = result.rounds.back().estimate;
    c.name = config.name + "-refit" + std::to_string(k);
    c.mode = config.mode; // resolved already ("simulator" / "simulator-numerical")
    if (o.max_iterations > 0) c.fit.max_iterations = o.max_iterations;
    FitSession s = prepare_fit(c, registry);
    Fitter &fitter = *s.fitter;
    if (o.warm_start) {
      FitterState state = fitter.state();
      if (state.weights.size() == previous_weights.size()) {
        state.weights = previous_weights;
        state.best_weights = previous_weights;
        fitter.restore(state);
      }
    }
    const fs::path dir = out_dir / ("round_" + std::to_string(k));
    RunDirectory rd = RunDirectory::create(dir, s.config);
    enable_checkpoints(fitter, rd.path());
    fitter.add_observer([&rd](const IterationRecord &r) { rd.append(r); });
    if (o.on_iteration)
      fitter.add_observer([&o, k, max = c.fit.max_iterations](const IterationRecord &r) {
        o.on_iteration(k, r, max);
      });
    const FitResult fr = fitter.fit(cancel);
    record_fit_result(rd, fitter, fr);
    save_final_checkpoint(rd.path(), fitter);
    if (!fr.has_statistics) {
      result.cancelled = true;
      break;
    }
    Compressor ck = Compressor::load(dir, *registry, config.threads);
    RefitRound r = round_of(k, dir, ck, target);
    r.stop_reason = fr.stop_reason;
    r.iterations = fr.iterations;
    const auto &prev = result.rounds.back().estimate;
    Eigen::VectorXd d(static_cast<Eigen::Index>(prev.size()));
    for (std::size_t a = 0; a < prev.size(); ++a)
      d(static_cast<Eigen::Index>(a)) = r.estimate[a] - prev[a];
    r.moved_sd = std::sqrt(std::max(0.0, d.dot(r.F * d)));
    previous_weights = ck.model().weights;
    result.rounds.push_back(r);
    if (on_round) on_round(result.rounds.back());
    if (fr.stop_reason == "cancelled") {
      result.cancelled = true;
      break;
    }
    if (r.moved_sd < o.tolerance) {
      result.converged = true;
      break;
    }
  }

  nlohmann::json j;
  if (!o.target.empty()) {
    j["target"] = o.target;
  } else {
    j["target_theta"] = o.target_theta;
    j["target_seed"] = o.target_seed;
  }
  j["tolerance_sd"] = o.tolerance;
  j["max_rounds"] = o.rounds;
  j["warm_start"] = o.warm_start;
  j["converged"] = result.converged;
  j["cancelled"] = result.cancelled;
  j["rounds"] = nlohmann::json::array();
  for (const auto &r : result.rounds)
    j["rounds"].push_back(round_json(r));
  const RefitRound &last = result.rounds.back();
  j["final"] = {{"theta_fid", last.theta_fid},
                {"estimate", last.estimate},
                {"detF", last.detF},
                {"F", matrix_to_json(last.F)},
                {"run", last.run_dir.string()}};
  write_file_atomically(run / "refit.json", j.dump(2) + "\n");
  result.json = j;
  return result;
}

} // namespace imnn

#include "imnn/error.h"
#include "imnn/fit.h"
#include "imnn/plugins.h"
#include "imnn/seeds.h"
#include "imnn/threads.h"

#include <Eigen/LU>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <mutex>
#include <sstream>

namespace imnn {

SetStatistics SetStatistics::from(const FisherStatistics &s) {
  return SetStatistics{s.detF, s.detC, s.detinvC, s.Lambda2, s.r};
}

// ---------------------------------------------------------------------------------
namespace {

bool all_finite(const std::vector<float> &v) {
  for (float f : v)
    if (!std::isfinite(f)) return false;
  return true;
}

} // namespace

Fitter::Fitter(RunConfig config, Model model, std::shared_ptr<const Simulator> simulator)
    : Fitter(config, std::move(model), make_simulation_source(config, std::move(simulator))) {}

Fitter::Fitter(RunConfig config, Model model, std::unique_ptr<SimulationSource> source,
               std::shared_ptr<Communicator> comm)
    : config_(std::move(config)), model_(std::move(model)),
      source_(std::move(source)), reg_{config_.fit.lambda, config_.fit.epsilon} {
  if (model_.output_size() != config_.n_summaries)
    throw Error("the network outputs " + std::to_string(model_.output_size()) +
                " summaries but n_summaries is " + std::to_string(config_.n_summaries));
  if (model_.input_size() != source_->input_size())
    throw Error("the network takes " + std::to_string(model_.input_size()) +
                " inputs but one simulation has " + std::to_string(source_->input_size()) +
                " values");
  (void)reg_.alpha();
  aggregator_ = std::make_unique<Aggregator>(config_, model_, *source_, std::move(comm));
  optimiser_ = make_optimiser(config_.optimiser, static_cast<std::size_t>(model_.n_parameters()));
  w_ = model_.initialise(derive_seed(config_.seed, SeedStream::weights, 0, 0));
  best_w_ = w_;
  grad_.assign(w_.size(), 0.0f);
}

Fitter::~Fitter() = default;

void Fitter::add_observer(Observer observer) {
  observers_.push_back(std::move(observer));
}

FisherStatistics Fitter::statistics(const std::vector<float> &w, SeedStream stream,
                                    std::uint64_t iteration, Index n, Index n_d) {
  const SetSize set = source_->set_size(stream, {n, n_d});
  aggregator_->prepare(stream, iteration, set);
  Eigen::MatrixXd x, dx;
  aggregator_->summaries(w, x, dx);
  FisherStatistics s = fisher_statistics(x, dx, source_->n_params(), reg_);
  s.detF_se = s.detF * log_detF_standard_error(x, dx, source_->n_params());
  return s;
}

FitResult Fitter::fit(const std::atomic<bool> *cancel) {
  configure_threads(aggregator_->caller_threads());
  using clock = std::chrono::steady_clock;
  const auto t0 = clock::now();
  const auto &fs = config_.fit;
  const Index p = source_->n_params();
  const SetSize train_set = source_->set_size(SeedStream::training, {config_.n_s, config_.n_d});
  const SetSize val_set =
      source_->set_size(SeedStream::validation, {fs.n_validation, fs.n_validation_d});
  const bool validate = fs.validation && source_->has_validation();
  Eigen::MatrixXd x, dx;

  FitResult result;
  // The call's counters are members so that a checkpoint can save them; a call
  // restored from a checkpoint (restore()) continues instead of starting anew.
  if (!resume_call_) {
    call_iterations_ = 0;
    patience_counter_ = 0;
    call_seconds_ = 0;
  }
  resume_call_ = false;
  call_open_ = true;
  const double seconds0 = call_seconds_;
  const auto elapsed = [&] {
    return seconds0 + std::chrono::duration<double>(clock::now() - t0).count();
  };
  int &counter = call_iterations_, &patience_counter = patience_counter_;
  if (!started_ && next_iteration_ == 0 && fs.whiten_init) {
    // The summaries of the first training set, zero-mean and white (Model::whiten_outputs):
    // their spread can be 1e-3 after a global average pool, and the regulariser, which
    // wants C = I, then swamps the Fisher term (README, fit.whiten_init). Every rank gets
    // the same x, so every rank makes the same change.
    aggregator_->prepare(SeedStream::training, 0, train_set);
    aggregator_->summaries(w_, x, dx);
    if (model_.whiten_outputs(w_, x)) {
      best_w_ = w_;
      whitened_ = true;
    }
  }
  started_ = true;
  while (patience_counter < fs.patience && counter < fs.max_iterations) {
    bool cancelled = cancel && cancel->load();
    Communicator &comm = aggregator_->communicator();
    if (comm.size() > 1)
      cancelled = comm.any(cancelled); // a signal reaches ranks at different times
    if (cancelled) {
      result.stop_reason = "cancelled";
      break;
    }
    const auto it = static_cast<std::uint64_t>(next_iteration_);
    // 1. Loss and gradient at w_t on fresh training simulations, split over the
    // devices (imnn/aggregate.h).
    const LossAndGradient lg = aggregator_->loss_and_gradient(w_, it, train_set, reg_, grad_);
    if (!all_finite(grad_))
      throw NumericalError("the loss gradient is not finite at iteration " + std::to_string(it) +
                           " (loss " + std::to_string(lg.loss) +
                           "); the step was not applied. Lower the learning rate or change "
                           "the seed");
    // 2. Update (the reference records the pre-update statistics, then validates the
    // post-update weights).
    // The validation simulations do not depend on the weights: made before the step, a
    // simulator error there leaves the state at the last complete iteration. (Unless
    // their inputs exceed fit.memory_budget_mb: then each chunk is made as the
    // network reaches it after the step, and the last checkpoint is the good state.)
    if (validate) aggregator_->prepare(SeedStream::validation, it, val_set);
    std::vector<float> w_next = w_;
    mid_step_ = true; // the optimiser's state moves from here until the record is kept
    optimiser_->step(w_next, grad_);
    if (!all_finite(w_next))
      throw NumericalError("the optimiser produced non-finite weights at iteration " +
                           std::to_string(it) + "; the step was not applied");

    IterationRecord rec;
    rec.iteration = next_iteration_;
    rec.iteration_in_call = counter;
    rec.train = SetStatistics::from(lg.stats);
    rec.loss = lg.loss;
    double stop_detF = rec.train.detF;
    if (validate) {
      aggregator_->summaries(w_next, x, dx);
      try {
        rec.val = SetStatistics::from(fisher_statistics(x, dx, p, reg_));
      } catch (const NumericalError &) {
        // A singular validation set (e.g. a collapsed network) counts as no information.
        rec.val.detF = 0;
      }
      stop_detF = rec.val.detF;
    }
    w_.swap(w_next);

    // 3. Early stopping (imnn-spec §2.3).
    if (stop_detF > max_detF_) {
      max_detF_ = stop_detF;
      best_w_ = w_;
      best_iteration_ = next_iteration_;
      patience_counter = 0;
    } else if (counter > fs.min_iterations) {
      ++patience_counter;
    }
    ++counter;
    ++next_iteration_;
    rec.max_detF = max_detF_;
    rec.patience_counter = patience_counter;
    rec.seconds = elapsed();
    call_seconds_ = rec.seconds;
    history_.push_back(rec);
    mid_step_ = false;
    for (auto &o : observers_)
      o(rec);
    // The first checkpoint comes after iteration 1 too: a run killed before its
    // checkpoint_every-th iteration (or while writing that first one) still resumes.
    if (checkpoint_hook_ && checkpoint_every_ > 0 &&
        (next_iteration_ % checkpoint_every_ == 0 || next_iteration_ == 1))
      checkpoint_hook_(*this);
  }
  if (result.stop_reason.empty()) call_open_ = false; // a cancelled call can be resumed
  if (result.stop_reason.empty())
    result.stop_reason = patience_counter >= fs.patience ? "patience" : "max_iterations";
  result.iterations = counter;
  result.best_iteration = best_iteration_;
  result.max_detF = max_detF_;
  result.aggregation = aggregator_->info();

  // 4. Statistics at the kept weights on simulations never used for training or selection.
  if (!history_.empty()) {
    const auto &kept = kept_weights();
    result.statistics =
        statistics(kept, SeedStream::statistics, static_cast<std::uint64_t>(next_iteration_),
                   config_.fit.n_statistics, config_.fit.n_statistics);
    result.has_statistics = true;
    const int kept_it =
        config_.fit.best && best_iteration_ >= 0 ? best_iteration_ : history_.back().iteration;
    for (const auto &h : history_)
      if (h.iteration == kept_it) result.kept_train = h.train;
  }
  result.seconds = elapsed();
  return result;
}

bool Fitter::continue_open_call() {
  if (!call_open_ || mid_step_) return false;
  resume_call_ = true;
  return true;
}

FitterState Fitter::state() const {
  if (mid_step_)
    throw Error("the fit stopped half-way through iteration " + std::to_string(next_iteration_) +
                ", so its current state is not consistent; the last checkpoint holds the last "
                "complete iteration");
  FitterState s;
  s.next_iteration = next_iteration_;
  s.best_iteration = best_iteration_;
  s.max_detF = max_detF_;
  s.weights = w_;
  s.best_weights = best_w_;
  s.optimiser = optimiser_->state();
  s.history = history_;
  s.call_open = call_open_;
  s.whitened_init = whitened_;
  s.call_iterations = call_iterations_;
  s.patience_counter = patience_counter_;
  s.call_seconds = call_seconds_;
  return s;
}

void Fitter::restore(const FitterState &s) {
  const auto n = static_cast<std::size_t>(model_.n_parameters());
  auto mismatch = [](const std::string &what) {
    throw Error("cannot restore the fit state: " + what +
                "; it was saved by a different config or network (resume with the run's own "
                "config.json)");
  };
  if (s.weights.size() != n)
    mismatch("it has " + std::to_string(s.weights.size()) + " weights but the network has " +
             std::to_string(n));
  if (s.best_weights.size() != n)
    mismatch("it has " + std::to_string(s.best_weights.size()) +
             " best (kept) weights but the network has " + std::to_string(n));
  // Every restored value in its range: a checkpoint edited with a recomputed checksum
  // must not change the fit silently.
  const auto finite = [](const std::vector<float> &w) {
    return std::all_of(w.begin(), w.end(), [](float v) { return std::isfinite(v); });
  };
  if (!finite(s.weights) || !finite(s.best_weights)) mismatch("its weights contain NaN or Inf");
  if (!std::isfinite(s.max_detF) || s.max_detF < 0)
    mismatch("its best det F (max_detF) is " + std::to_string(s.max_detF) +
             ", not a finite number >= 0");
  if (!std::isfinite(s.call_seconds) || s.call_seconds < 0)
    mismatch("its elapsed seconds are " + std::to_string(s.call_seconds));
  if (s.next_iteration < 0 || s.history.size() != static_cast<std::size_t>(s.next_iteration))
    mismatch("its history has " + std::to_string(s.history.size()) + " rows for " +
             std::to_string(s.next_iteration) + " iterations");
  for (std::size_t k = 0; k < s.history.size(); ++k) {
    const IterationRecord &r = s.history[k];
    if (r.iteration != static_cast<int>(k) || !std::isfinite(r.seconds) || r.seconds < 0 ||
        !std::isfinite(r.max_detF) || r.max_detF < 0 || r.patience_counter < 0 ||
        r.iteration_in_call < 0 || r.iteration_in_call > r.iteration)
      mismatch("its history row " + std::to_string(k) +
               " has an iteration number, time, best det F or counter out of range");
  }
  if (s.best_iteration >= s.next_iteration || s.call_iterations < 0 ||
      s.call_iterations > s.next_iteration || s.patience_counter < 0)
    mismatch("its counters are inconsistent");
  optimiser_->restore(s.optimiser); // checks the optimiser's name and sizes first
  next_iteration_ = s.next_iteration;
  started_ = true; // restored weights are kept as they are
  whitened_ = s.whitened_init;
  best_iteration_ = s.best_iteration;
  max_detF_ = s.max_detF;
  w_ = s.weights;
  best_w_ = s.best_weights;
  history_ = s.history;
  call_open_ = resume_call_ = s.call_open;
  call_iterations_ = s.call_iterations;
  patience_counter_ = s.patience_counter;
  call_seconds_ = s.call_seconds;
  mid_step_ = false;
}

void Fitter::set_checkpoint_hook(int every, std::function<void(const Fitter &)> hook) {
  checkpoint_every_ = every;
  checkpoint_hook_ = std::move(hook);
}

TrainedModel Fitter::trained_model(const FisherStatistics &statistics) const {
  const Simulator *simulator = source_->simulator();
  TrainedModel m;
  m.network = {{"plugin", config_.network.plugin},
               {"options", config_.network.options},
               {"description", model_.describe()}};
  if (simulator) {
    m.simulator = {{"plugin", config_.simulator.plugin},
                   {"options", config_.simulator.options},
                   {"descriptor", simulator->info().to_json()}};
    if (config_.simulator.isolate) m.simulator["isolate"] = true;
    if (config_.simulator.timeout > 0) m.simulator["timeout"] = config_.simulator.timeout;
  } else
    m.simulator = {{"plugin", ""}, {"mode", config_.mode}, {"data", config_.to_json()["data"]}};
  m.input_shape = model_.input_shape();
  m.n_summaries = config_.n_summaries;
  if (simulator)
    m.param_names = simulator->info().param_names;
  else
    for (Index a = 0; a < source_->n_params(); ++a) // arrays carry no parameter names
      m.param_names.push_back("theta_" + std::to_string(a));
  m.theta_fid = config_.theta_fid;
  m.weights = kept_weights();
  m.statistics = statistics;
  m.invF = statistics.F.inverse();
  return m;
}

// ---------------------------------------------------------------------------------
BackgroundFit::BackgroundFit(Fitter &fitter) : fitter_(fitter) {
  thread_ = std::thread([this] {
    try {
      result_ = fitter_.fit(&cancel_);
    } catch (...) {
      error_ = std::current_exception();
    }
    finished_.store(true);
  });
}

BackgroundFit::~BackgroundFit() {
  cancel();
  if (thread_.joinable()) thread_.join();
}

FitResult BackgroundFit::wait() {
  if (thread_.joinable()) thread_.join();
  if (error_) std::rethrow_exception(error_);
  return result_;
}

} // namespace imnn

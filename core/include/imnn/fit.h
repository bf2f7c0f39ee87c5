// The fit loop (imnn-spec §2): simulations made on the fly by a simulator plugin,
// the Fisher loss and its gradient, an optimiser step, validation on fresh
// simulations, early stopping, best/final weights, and the Fisher statistics at the
// kept weights. Runs on any thread; publishes every iteration to observers and
// checks a cancel flag between iterations (DESIGN.md §5).
#pragma once

#include "imnn/aggregate.h"
#include "imnn/config.h"
#include "imnn/fisher.h"
#include "imnn/iteration_record.h"
#include "imnn/nn.h"
#include "imnn/optimiser.h"
#include "imnn/seeds.h"
#include "imnn/sources.h"
#include "imnn/trained_model.h"

#include <atomic>
#include <functional>
#include <limits>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace imnn {

class Simulator;

struct FitResult {
  int iterations = 0;      // run by this call
  int best_iteration = -1; // global iteration whose updated weights are best_w (-1: none)
  double max_detF = 0;
  double seconds = 0;
  std::string stop_reason; // "patience", "max_iterations", "cancelled"
  bool has_statistics = false;
  FisherStatistics statistics; // at the kept weights on fresh simulations (stream statistics)
  SetStatistics kept_train;    // training statistics of the kept iteration
  AggregationInfo aggregation; // how the work was split (devices, chunks, passes)
};

// Everything Fitter needs to continue a fit bit for bit (imnn/checkpoint.h writes it
// to disk). Simulations are counter-based (derive_seed(seed, stream, iteration, i)),
// so next_iteration is the whole RNG state.
struct FitterState {
  int next_iteration = 0;  // global iteration counter = the RNG counter
  int best_iteration = -1; // global iteration whose updated weights are best_weights
  double max_detF = 0;
  std::vector<float> weights, best_weights;
  nlohmann::json optimiser; // Optimiser::state()
  std::vector<IterationRecord> history;
  // The fit() call the snapshot was taken in: when open (a checkpoint mid-fit, a
  // cancelled or failed fit), the next fit() after restore() continues that call
  // (its iteration and patience counters and elapsed seconds) instead of starting anew.
  bool call_open = false;
  int call_iterations = 0;
  int patience_counter = 0;
  double call_seconds = 0;
  // Whether the fit started from whitened summaries (fit.whiten_init), for result.json.
  bool whitened_init = false;
};

class Fitter {
public:
  using Observer = std::function<void(const IterationRecord &)>;

  // config must be resolved (RunConfig::resolve). The model's weights are
  // initialised from config.seed.
  Fitter(RunConfig config, Model model, std::shared_ptr<const Simulator> simulator);
  // Any source (sources.h); make_simulation_source(config, simulator) picks the one
  // for config.mode, which the constructor above uses. comm: the MPI ranks fitting
  // together (imnn/communicator.h; null: this process alone). Every rank then runs
  // the same fit() and gets the same weights, history and stopping decisions.
  Fitter(RunConfig config, Model model, std::unique_ptr<SimulationSource> source,
         std::shared_ptr<Communicator> comm = nullptr);
  ~Fitter();
  Fitter(const Fitter &) = delete; // the aggregator refers to the model and the source
  Fitter &operator=(const Fitter &) = delete;

  // Called on the fitting thread after every iteration, in order. Must be quick and
  // thread-safe with respect to whatever the observer touches.
  void add_observer(Observer observer);

  // Fits until early stopping, max_iterations (of this call) or *cancel (on any rank:
  // the ranks agree on it before every iteration). Continues
  // from the current state when called again (max det F carries over, as the
  // reference). Throws NumericalError/PluginError without applying a bad step; the
  // state then stays at the last good iteration.
  FitResult fit(const std::atomic<bool> *cancel = nullptr);
  // Pause and resume: after a fit() stopped by *cancel (its call is still open), makes
  // the next fit() continue that call (its iteration and patience counters and elapsed
  // seconds) instead of starting anew, so that cancel + continue records the history
  // of one uninterrupted call. Returns false and changes nothing when no call is open.
  bool continue_open_call();

  // The state after the last complete iteration. Throws imnn::Error if a step was
  // interrupted half-way by an error (then the last checkpoint is the last good state).
  FitterState state() const;
  // Restores a state taken from a Fitter with the same config and network; throws
  // imnn::Error naming what does not match. The next fit() continues an open call.
  void restore(const FitterState &state);
  // Calls hook(*this) on the fitting thread after every `every`-th iteration (global
  // count, after the observers); 0 disables. An exception from the hook stops the fit.
  void set_checkpoint_hook(int every, std::function<void(const Fitter &)> hook);

  // Statistics at weights w on n simulations (n_d with derivatives) from stream (the
  // array modes use their fixed sets whatever n and n_d say, see SimulationSource).
  // Split over the devices as the fit; not to be called while fit() runs. Includes
  // detF_se (log_detF_standard_error).
  FisherStatistics statistics(const std::vector<float> &w, SeedStream stream,
                              std::uint64_t iteration, Index n, Index n_d);

  const RunConfig &config() const { return config_; }
  // Whether this fit's first fit() call whitened the initial summaries (fit.whiten_init).
  bool whitened_init() const { return whitened_; }
  const Model &model() const { return model_; }
  const std::vector<float> &weights() const { return w_; }
  const std::vector<float> &best_weights() const { return best_w_; }
  const std::vector<float> &kept_weights() const { return config_.fit.best ? best_w_ : w_; }
  const std::vector<IterationRecord> &history() const { return history_; }
  const Optimiser &optimiser() const { return *optimiser_; }
  const SimulationSource &source() const { return *source_; }
  // How the simulations are split over devices and chunks, one pass or two.
  const AggregationInfo &aggregation() const { return aggregator_->info(); }
  Communicator &communicator() const { return aggregator_->communicator(); }
  // The kept weights with statistics (from FitResult::statistics) as a model file.
  TrainedModel trained_model(const FisherStatistics &statistics) const;

private:
  RunConfig config_;
  Model model_;
  std::unique_ptr<SimulationSource> source_;
  Regularisation reg_;
  std::unique_ptr<Aggregator> aggregator_; // the devices, their backends and workspaces
  std::unique_ptr<Optimiser> optimiser_;
  std::vector<float> w_, best_w_, grad_;
  std::vector<IterationRecord> history_;
  std::vector<Observer> observers_;
  double max_detF_ = 0;
  int best_iteration_ = -1;
  int next_iteration_ = 0;
  // The current fit() call (FitterState::call_*); resume_call_ set by restore().
  bool call_open_ = false, resume_call_ = false, mid_step_ = false;
  // Whether the initial weights were whitened (fit.whiten_init) or restored.
  bool started_ = false, whitened_ = false;
  int call_iterations_ = 0, patience_counter_ = 0;
  double call_seconds_ = 0;
  int checkpoint_every_ = 0;
  std::function<void(const Fitter &)> checkpoint_hook_;
};

// Runs Fitter::fit on a worker thread (DESIGN.md §5).
class BackgroundFit {
public:
  explicit BackgroundFit(Fitter &fitter);
  ~BackgroundFit(); // cancels and joins
  void cancel() { cancel_.store(true); }
  bool finished() const { return finished_.load(); }
  // Joins; rethrows what the fit threw.
  FitResult wait();

private:
  Fitter &fitter_;
  std::atomic<bool> cancel_{false};
  std::atomic<bool> finished_{false};
  FitResult result_;
  std::exception_ptr error_;
  std::thread thread_;
};

} // namespace imnn

// Splitting a fit's simulations over devices (DESIGN.md §5, issue 3 "Devices and
// aggregation"). The Fisher loss needs the summaries of the whole set, so a step
// runs in two halves: pass 1 computes the summaries x and dx/dθ of each chunk of
// n_per_device simulations (chunk k on device k mod D, each device with its own
// Backend - one oneDNN engine and stream - on its own thread), the loss and
// ∂L/∂x, ∂L/∂(dx/dθ) are computed in double on the whole set, and pass 2
// back-propagates each chunk's adjoints. The chunks' weight gradients are summed in
// double in chunk order, so the result does not depend on the number of devices.
//
// Workers: a CPU device with T threads runs its chunks on up to T workers, each a
// Backend of its own on its own thread, given the device's threads in equal shares
// (W = min(T, the device's training chunks) workers of about T / W threads). On a
// few cores one single-threaded worker per chunk beats one team splitting every
// GEMM and elementwise pass (bench_fit: about 1.35x on 2 cores): no OpenMP fork and
// join per layer, and smaller GEMMs stay in cache. The chunks, not the workers,
// fix the arithmetic, so the result does not depend on the thread count either.
//
// MPI ranks (issue 13, imnn/communicator.h): the same chunk plan, chunk k owned by
// rank (k mod (R D)) / D on its device k mod D. Each rank makes and runs its own
// chunks; the summaries and their tangents (a few doubles per simulation) are
// all-gathered, every rank computes the same loss and the adjoints of its chunks,
// and the chunks' float gradients are all-gathered and summed in double in chunk
// order on every rank: the result is bit-identical to one rank's. An error on any
// rank is agreed on (agree_on_error), so every rank throws it and none waits.
//
// One pass or two: when the activations of every chunk fit fit.memory_budget_mb
// they are kept from pass 1 to pass 2; otherwise pass 2 makes the chunk's inputs
// again (same seeds, or the same rows of the arrays) and recomputes its forward pass,
// as the reference always does.
#pragma once

#include "imnn/communicator.h"
#include "imnn/config.h"
#include "imnn/fisher.h"
#include "imnn/nn.h"
#include "imnn/seeds.h"
#include "imnn/sources.h"

#include <Eigen/Core>
#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace imnn {

// How a fit splits its work (Fitter::aggregation(), result.json "aggregation").
struct AggregationInfo {
  std::vector<std::string> devices; // "cpu (8 threads, 4 workers)" per device
  int workers = 1;                  // workers over all devices
  Index n_per_device = 0;           // simulations per chunk of the training set
  Index chunks = 1;                 // chunks of the training set
  int passes = 1;                   // 1: pass-1 activations kept; 2: recomputed in pass 2
  double one_pass_mb = 0;           // memory one pass keeps (activations of every chunk)
  double memory_budget_mb = 0;      // fit.memory_budget_mb
  bool streamed = false;            // the arrays are read from disk a chunk at a time
  int ranks = 1;                    // MPI ranks sharing the chunks
  double communication_seconds = 0; // in collectives so far (waiting for slower ranks too)
  nlohmann::json to_json() const;
  std::string summary() const; // one line for the CLI
};

// A contiguous part of a set: simulations [begin, begin + part.n), the first
// part.n_d of them with derivatives, computed on device `device` (by worker
// `worker` of the aggregator).
struct Chunk {
  Index begin = 0;
  SetSize part;
  int device = 0;
  int worker = 0; // -1: owned by another rank
  int rank = 0;
};

// The chunks of a set of size `set` in pieces of n_per_device (0: one chunk) over
// `devices` devices on each of `ranks` ranks: chunk k holds simulations
// [k m, (k + 1) m) and runs on rank (k mod (ranks devices)) / devices, on its device
// k mod devices.
std::vector<Chunk> split_set(SetSize set, Index n_per_device, int devices, int ranks = 1);

class Aggregator {
public:
  // config: devices, n_per_device, fit.memory_budget_mb, threads. The model and the
  // source must outlive the aggregator. comm: the ranks sharing the work (null: this
  // process alone).
  Aggregator(const RunConfig &config, const Model &model, const SimulationSource &source,
             std::shared_ptr<Communicator> comm = nullptr);
  ~Aggregator();
  Aggregator(const Aggregator &) = delete;
  Aggregator &operator=(const Aggregator &) = delete;

  // The split of the training set (decided at construction).
  const AggregationInfo &info() const { return info_; }
  Communicator &communicator() const { return *comm_; }
  // Threads of worker 0, which runs on the calling thread (the fitting thread).
  int caller_threads() const;

  // Loss, statistics and the weight gradient at w on the training simulations of
  // `iteration` (set: the training set size). grad is overwritten.
  LossAndGradient loss_and_gradient(const std::vector<float> &w, std::uint64_t iteration,
                                    SetSize set, const Regularisation &reg,
                                    std::vector<float> &grad);

  // Forward-only sets (validation, statistics). prepare() makes the inputs now, so
  // that a simulator error surfaces before the caller changes its state; they are
  // kept when they fit the memory budget, else summaries() makes them again.
  // summaries() runs the network at w on the prepared set: x (n x q), dx (p n_d x q).
  void prepare(SeedStream stream, std::uint64_t iteration, SetSize set);
  void summaries(const std::vector<float> &w, Eigen::MatrixXd &x, Eigen::MatrixXd &dx);

private:
  struct Worker;
  struct Prepared;
  // The chunks of a set, each given its worker: device d's chunks in turn over d's
  // workers.
  std::vector<Chunk> plan(SetSize set) const;
  // Runs task(worker) on every worker at once (worker 0 on the calling thread) and
  // rethrows the error of the lowest chunk index, if any.
  void run(const std::function<void(int)> &task);
  void rethrow_first_error();
  // Across ranks: every rank receives the summaries of the chunks it does not own
  // (x: n x q, dx: p blocks of n_d rows) and the gradients of those chunks.
  void exchange_summaries(const std::vector<Chunk> &chunks, SetSize set, Eigen::MatrixXd &x,
                          Eigen::MatrixXd &dx);
  void exchange_gradients(const std::vector<Chunk> &chunks);
  std::size_t one_pass_bytes(const std::vector<Chunk> &chunks) const;

  const Model &model_;
  const SimulationSource &source_;
  std::shared_ptr<Communicator> comm_;
  bool distributed_ = false; // more than one rank
  Index n_per_device_ = 0;
  double budget_bytes_ = 0;
  AggregationInfo info_;
  int n_devices_ = 1;
  std::vector<int> first_worker_; // per device: its first worker; then the end
  std::vector<std::unique_ptr<Worker>> workers_;
  // Training: the chunks of the last plan, their workspaces (one pass) and gradients.
  SetSize train_set_{-1, -1};
  std::vector<Chunk> train_chunks_;
  bool one_pass_ = true;
  std::vector<Workspace> chunk_ws_;
  std::vector<std::vector<float>> chunk_grads_;
  std::vector<std::exception_ptr> chunk_errors_;
  Eigen::MatrixXd x_, dx_;
  std::vector<double> sum_;
  std::unique_ptr<Prepared> prepared_;
};

} // namespace imnn

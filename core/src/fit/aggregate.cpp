// The Aggregator (imnn/aggregate.h): chunks of a set over devices and their
// workers, each worker a Backend on its own thread, pass 1 / loss on the whole set /
// pass 2, gradients summed in chunk order.
#include "imnn/aggregate.h"

#include "imnn/error.h"
#include "imnn/threads.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <functional>
#include <map>
#include <mutex>
#include <new>
#include <sstream>
#include <thread>

namespace imnn {

nlohmann::json AggregationInfo::to_json() const {
  return {{"devices", devices},
          {"workers", workers},
          {"n_per_device", n_per_device},
          {"chunks", chunks},
          {"passes", passes},
          {"one_pass_mb", one_pass_mb},
          {"memory_budget_mb", memory_budget_mb},
          {"streamed", streamed},
          {"ranks", ranks},
          {"communication_seconds", communication_seconds}};
}

std::string AggregationInfo::summary() const {
  std::ostringstream s;
  if (ranks > 1) s << ranks << " MPI ranks, each with ";
  s << devices.size() << (devices.size() == 1 ? " device (" : " devices (");
  for (std::size_t d = 0; d < devices.size(); ++d)
    s << (d ? ", " : "") << devices[d];
  s << "), " << chunks << (chunks == 1 ? " chunk" : " chunks") << " of " << n_per_device
    << " simulations, " << passes
    << (passes == 1 ? " pass (activations kept: " : " passes (activations recomputed: ")
    << static_cast<long long>(one_pass_mb + 0.5) << " MB for one pass, budget "
    << static_cast<long long>(memory_budget_mb) << " MB)";
  if (streamed) s << ", arrays streamed from disk";
  return s.str();
}

std::vector<Chunk> split_set(SetSize set, Index n_per_device, int devices, int ranks) {
  const Index m = n_per_device > 0 ? std::min(n_per_device, set.n) : set.n;
  std::vector<Chunk> chunks;
  for (Index begin = 0, k = 0; begin < set.n; begin += m, ++k) {
    Chunk c;
    c.begin = begin;
    c.part.n = std::min(m, set.n - begin);
    c.part.n_d = std::clamp<Index>(set.n_d - begin, 0, c.part.n);
    const Index slot = k % (static_cast<Index>(ranks) * devices);
    c.device = static_cast<int>(slot % devices);
    c.rank = static_cast<int>(slot / devices);
    chunks.push_back(c);
  }
  return chunks;
}

// Spins for up to kSpin until done() holds, so that a hand-off between the fitting
// thread and a worker that comes soon (pass 1, the loss, pass 2, the optimiser step
// and the validation follow each other within a few hundred microseconds) needs no
// futex sleep and wake-up; the caller then waits on the condition variable as
// before, which returns at once when done() already holds. Measured on the example
// (400 iterations, 2 workers): 8 500 futex calls without spinning, 5 000-7 600 with
// 50 us, 1 000-1 200 with 250 us. Bounded, so that a thread waiting longer (between
// fits, or on a busy machine) leaves the core.
namespace {

constexpr auto kSpin = std::chrono::microseconds(250);

template <class Done>
void spin_until(Done done) {
  const auto end = std::chrono::steady_clock::now() + kSpin;
  while (!done()) {
    for (int i = 0; i < 64; ++i) {
#if defined(__x86_64__) || defined(__i386__)
      __builtin_ia32_pause();
#endif
      if (done()) return;
    }
    if (std::chrono::steady_clock::now() >= end) return;
  }
}

} // namespace

// ---------------------------------------------------------------------------------
// One worker: its Backend and buffers; workers other than 0 also a thread that
// waits for tasks (a persistent thread keeps its OpenMP team warm).
struct Aggregator::Worker {
  int index = 0;
  int threads = 1; // as configure_threads takes it
  std::unique_ptr<Backend> backend;
  Workspace ws;
  // Forward-only workspaces by the chunk's row count: a set's chunks with and without
  // derivatives differ in rows, and one workspace resized between them made the
  // allocator return and fault in its buffers for every chunk.
  std::map<Index, Workspace> fwd_ws;
  Eigen::MatrixXd xc, dxc, gx, gdx;
  MatrixF out_grad;

  std::thread thread;
  std::mutex mutex;
  std::condition_variable cv;
  const std::function<void(int)> *task = nullptr;
  // Written under the mutex; atomic so that spin_until can read them without it.
  std::atomic<bool> busy{false}, stop{false};

  void loop() {
    configure_threads(threads);
    for (;;) {
      spin_until([this] { return stop.load() || busy.load(); });
      const std::function<void(int)> *t = nullptr;
      {
        std::unique_lock<std::mutex> lock(mutex);
        cv.wait(lock, [this] { return stop.load() || busy.load(); });
        if (stop) return;
        t = task;
      }
      (*t)(index); // tasks catch their own errors
      {
        std::lock_guard<std::mutex> lock(mutex);
        busy = false;
      }
      cv.notify_all();
    }
  }
};

// A forward-only set made by prepare().
struct Aggregator::Prepared {
  SeedStream stream = SeedStream::validation;
  std::uint64_t iteration = 0;
  SetSize set;
  std::vector<Chunk> chunks;
  std::vector<MatrixF> inputs; // per chunk, when kept
  bool kept = false;
  bool valid = false;
};

namespace {

// Bytes of the float rows of `rows` inputs and every layer's output and adjoint.
std::size_t workspace_bytes(const Model &model, Index rows) {
  Index width = model.input_size();
  for (const auto &layer : model.layers())
    width += 2 * layer->output_size();
  return static_cast<std::size_t>(rows) * static_cast<std::size_t>(width) * sizeof(float);
}

// Copies a chunk's summaries into the whole set's x (n x q), dx (p blocks of n_d rows).
void place(const Chunk &c, SetSize set, Index p, const Eigen::MatrixXd &xc,
           const Eigen::MatrixXd &dxc, Eigen::MatrixXd &x, Eigen::MatrixXd &dx) {
  x.middleRows(c.begin, c.part.n) = xc;
  for (Index a = 0; a < p; ++a)
    dx.middleRows(a * set.n_d + c.begin, c.part.n_d) = dxc.middleRows(a * c.part.n_d, c.part.n_d);
}

// The inverse of place(): a chunk's rows of the adjoints.
void take(const Chunk &c, SetSize set, Index p, const Eigen::MatrixXd &gx,
          const Eigen::MatrixXd &gdx, Eigen::MatrixXd &gxc, Eigen::MatrixXd &gdxc) {
  gxc = gx.middleRows(c.begin, c.part.n);
  gdxc.resize(p * c.part.n_d, gdx.cols());
  for (Index a = 0; a < p; ++a)
    gdxc.middleRows(a * c.part.n_d, c.part.n_d) = gdx.middleRows(a * set.n_d + c.begin, c.part.n_d);
}

} // namespace

Aggregator::Aggregator(const RunConfig &config, const Model &model, const SimulationSource &source,
                       std::shared_ptr<Communicator> comm)
    : model_(model), source_(source), comm_(comm ? std::move(comm) : single_process()),
      distributed_(comm_->size() > 1), n_per_device_(config.n_per_device),
      budget_bytes_(config.fit.memory_budget_mb * 1024.0 * 1024.0),
      prepared_(std::make_unique<Prepared>()) {
  if (config.devices.empty())
    throw Error("no compute device: the config's devices list is empty; give at least one, e.g. "
                "[{\"kind\": \"cpu\"}]");
  n_devices_ = static_cast<int>(config.devices.size());
  std::vector<int> device_threads;
  for (int d = 0; d < n_devices_; ++d) {
    const DeviceSpec &spec = config.devices[static_cast<std::size_t>(d)];
    if (spec.kind != "cpu")
      throw Error("device " + std::to_string(d) + " has kind \"" + spec.kind +
                  "\", which this build cannot run; use {\"kind\": \"cpu\"}");
    const int t = spec.threads > 0 ? spec.threads : config.threads;
    device_threads.push_back(t > 0 ? t : hardware_threads());
  }

  const SetSize train = source_.set_size(SeedStream::training, {config.n_s, config.n_d});
  info_.streamed = source_.streamed();
  if (info_.streamed) {
    // Streaming reads n_per_device simulations at a time, at most as many as let
    // every device hold one chunk in half the budget.
    const Index per_sim =
        static_cast<Index>(workspace_bytes(model_, source_.layout({1, 1}).rows()));
    const Index fits = std::max<Index>(
        1, static_cast<Index>(budget_bytes_ / 2 / n_devices_ / static_cast<double>(per_sim)));
    n_per_device_ = n_per_device_ > 0 ? std::min(n_per_device_, fits) : fits;
  }

  // Workers: device d's threads in equal shares over min(threads, its training chunks).
  std::vector<int> chunks_on(static_cast<std::size_t>(n_devices_), 0);
  for (const auto &c : split_set(train, n_per_device_, n_devices_, comm_->size()))
    if (c.rank == comm_->rank()) ++chunks_on[static_cast<std::size_t>(c.device)];
  for (int d = 0; d < n_devices_; ++d) {
    const int t = device_threads[static_cast<std::size_t>(d)];
    const int w = std::clamp(chunks_on[static_cast<std::size_t>(d)], 1, t);
    first_worker_.push_back(static_cast<int>(workers_.size()));
    for (int j = 0; j < w; ++j) {
      auto worker = std::make_unique<Worker>();
      worker->index = static_cast<int>(workers_.size());
      worker->threads = t / w + (j < t % w ? 1 : 0);
      worker->backend = make_cpu_backend(worker->threads);
      workers_.push_back(std::move(worker));
    }
    info_.devices.push_back("cpu (" + std::to_string(t) + (t == 1 ? " thread" : " threads") +
                            (w == 1 ? std::string() : ", " + std::to_string(w) + " workers") + ")");
  }
  first_worker_.push_back(static_cast<int>(workers_.size()));
  info_.workers = static_cast<int>(workers_.size());
  for (auto &worker : workers_)
    if (worker->index > 0) worker->thread = std::thread([w = worker.get()] { w->loop(); });

  train_set_ = train;
  train_chunks_ = plan(train);
  const std::size_t bytes = one_pass_bytes(train_chunks_);
  one_pass_ = static_cast<double>(bytes) <= budget_bytes_;
  info_.n_per_device = train_chunks_.empty() ? 0 : train_chunks_.front().part.n;
  info_.chunks = static_cast<Index>(train_chunks_.size());
  info_.passes = one_pass_ ? 1 : 2;
  info_.one_pass_mb = static_cast<double>(bytes) / (1024.0 * 1024.0);
  info_.memory_budget_mb = config.fit.memory_budget_mb;
  info_.ranks = comm_->size();
}

std::vector<Chunk> Aggregator::plan(SetSize set) const {
  std::vector<Chunk> chunks = split_set(set, n_per_device_, n_devices_, comm_->size());
  std::vector<int> seen(static_cast<std::size_t>(n_devices_), 0);
  for (auto &c : chunks) {
    if (c.rank != comm_->rank()) {
      c.worker = -1;
      continue;
    }
    const auto d = static_cast<std::size_t>(c.device);
    const int first = first_worker_[d], count = first_worker_[d + 1] - first;
    c.worker = first + seen[d]++ % count;
  }
  return chunks;
}

Aggregator::~Aggregator() {
  for (auto &dev : workers_) {
    if (!dev->thread.joinable()) continue;
    {
      std::lock_guard<std::mutex> lock(dev->mutex);
      dev->stop = true;
    }
    dev->cv.notify_all();
    dev->thread.join();
  }
}

int Aggregator::caller_threads() const {
  return workers_.front()->threads;
}

std::size_t Aggregator::one_pass_bytes(const std::vector<Chunk> &chunks) const {
  std::size_t bytes = 0;
  for (const auto &c : chunks)
    if (c.worker >= 0) bytes += workspace_bytes(model_, source_.layout(c.part).rows());
  return bytes;
}

void Aggregator::run(const std::function<void(int)> &task) {
  for (auto &dev : workers_) {
    if (dev->index == 0) continue;
    {
      std::lock_guard<std::mutex> lock(dev->mutex);
      dev->task = &task;
      dev->busy = true;
    }
    dev->cv.notify_all();
  }
  task(0);
  for (auto &dev : workers_) {
    if (dev->index == 0) continue;
    spin_until([&] { return !dev->busy.load(); });
    std::unique_lock<std::mutex> lock(dev->mutex);
    dev->cv.wait(lock, [&] { return !dev->busy.load(); });
  }
  rethrow_first_error();
}

void Aggregator::rethrow_first_error() {
  std::exception_ptr error;
  std::int64_t key = 0;
  for (std::size_t c = 0; c < chunk_errors_.size(); ++c)
    if (chunk_errors_[c]) {
      error = chunk_errors_[c];
      key = static_cast<std::int64_t>(c);
      break;
    }
  std::fill(chunk_errors_.begin(), chunk_errors_.end(), nullptr);
  // Every rank learns whether any failed (one rank: the error is rethrown as it is).
  if (error || distributed_) agree_on_error(*comm_, error, key);
}

namespace {

// Visits the row blocks of chunk c in the whole set's x (n x q) and dx (p blocks of
// n_d rows): f(matrix, first row, rows).
template <class M, class F>
void chunk_blocks(const Chunk &c, SetSize set, Index p, M &x, M &dx, F f) {
  f(x, c.begin, c.part.n);
  for (Index a = 0; a < p; ++a)
    f(dx, a * set.n_d + c.begin, c.part.n_d);
}

} // namespace

void Aggregator::exchange_summaries(const std::vector<Chunk> &chunks, SetSize set,
                                    Eigen::MatrixXd &x, Eigen::MatrixXd &dx) {
  if (!distributed_) return;
  const Index p = source_.n_params(), q = x.cols();
  std::vector<double> mine;
  for (const auto &c : chunks)
    if (c.rank == comm_->rank())
      chunk_blocks(c, set, p, x, dx, [&](Eigen::MatrixXd &m, Index row, Index rows) {
        for (Index i = row; i < row + rows; ++i)
          for (Index j = 0; j < q; ++j)
            mine.push_back(m(i, j));
      });
  const std::vector<double> all = comm_->all_gather(mine);
  std::size_t at = 0; // the ranks' parts in rank order, each in chunk order
  for (int r = 0; r < comm_->size(); ++r)
    for (const auto &c : chunks)
      if (c.rank == r)
        chunk_blocks(c, set, p, x, dx, [&](Eigen::MatrixXd &m, Index row, Index rows) {
          for (Index i = row; i < row + rows; ++i)
            for (Index j = 0; j < q; ++j, ++at)
              if (r != comm_->rank() && at < all.size()) m(i, j) = all[at];
        });
  if (at != all.size())
    throw Error("internal: the ranks exchanged " + std::to_string(all.size()) +
                " summary values, expected " + std::to_string(at) +
                "; were they started with the same config?");
  info_.communication_seconds = comm_->seconds();
}

void Aggregator::exchange_gradients(const std::vector<Chunk> &chunks) {
  if (!distributed_) return;
  const std::size_t n_w = static_cast<std::size_t>(model_.n_parameters());
  std::vector<float> mine;
  for (std::size_t c = 0; c < chunks.size(); ++c)
    if (chunks[c].rank == comm_->rank())
      mine.insert(mine.end(), chunk_grads_[c].begin(), chunk_grads_[c].end());
  const std::vector<float> all = comm_->all_gather(mine);
  std::size_t at = 0;
  for (int r = 0; r < comm_->size(); ++r)
    for (std::size_t c = 0; c < chunks.size(); ++c)
      if (chunks[c].rank == r) {
        if (at + n_w > all.size())
          throw Error("internal: the ranks exchanged fewer gradient values than chunks");
        if (r != comm_->rank())
          chunk_grads_[c].assign(all.begin() + static_cast<std::ptrdiff_t>(at),
                                 all.begin() + static_cast<std::ptrdiff_t>(at + n_w));
        at += n_w;
      }
  info_.communication_seconds = comm_->seconds();
}

namespace {

// Fault injection for the tests (tests/mpi): IMNN_TEST_BAD_ALLOC="RANK:ITERATION" makes
// the training pass of that iteration throw std::bad_alloc on that rank, as a rank
// running out of memory mid-fit would.
bool injected_fault(int rank, std::uint64_t iteration) {
  static const std::pair<long long, long long> at = [] {
    const char *v = std::getenv("IMNN_TEST_BAD_ALLOC");
    long long r = -1, i = -1;
    if (v && std::sscanf(v, "%lld:%lld", &r, &i) != 2) r = i = -1;
    return std::pair{r, i};
  }();
  return at.first == rank && at.second >= 0 && static_cast<std::uint64_t>(at.second) == iteration;
}

// The task for run() that every pass over a set's chunks uses: on worker d,
// work(c, worker) for each chunk c planned on d, in chunk order. A chunk that throws
// leaves its exception in errors[c] and ends d's pass (d's later chunks are not
// started); run() then rethrows the error of the lowest failed chunk, agreed between
// the ranks. Clears errors for this pass. The task refers to chunks, workers, errors
// and work's captures: it must not outlive them.
template <class Workers, class Work>
std::function<void(int)> chunk_pass(const std::vector<Chunk> &chunks, const Workers &workers,
                                    std::vector<std::exception_ptr> &errors, Work work) {
  errors.assign(chunks.size(), nullptr);
  return [&chunks, &workers, &errors, work](int d) {
    auto &worker = *workers[static_cast<std::size_t>(d)];
    for (std::size_t c = 0; c < chunks.size(); ++c) {
      if (chunks[c].worker != d) continue;
      try {
        work(c, worker);
      } catch (...) {
        errors[c] = std::current_exception();
        return;
      }
    }
  };
}

} // namespace

LossAndGradient Aggregator::loss_and_gradient(const std::vector<float> &w, std::uint64_t iteration,
                                              SetSize set, const Regularisation &reg,
                                              std::vector<float> &grad) {
  if (!(set == train_set_)) {
    train_set_ = set;
    train_chunks_ = plan(set);
    one_pass_ = static_cast<double>(one_pass_bytes(train_chunks_)) <= budget_bytes_;
  }
  const std::vector<Chunk> &chunks = train_chunks_;
  const std::size_t n_chunks = chunks.size();
  const bool single = n_chunks == 1 && !distributed_;
  const Index p = source_.n_params();
  if (one_pass_)
    chunk_ws_.resize(n_chunks);
  else
    chunk_ws_.clear();
  if (!single) {
    chunk_grads_.resize(n_chunks);
    x_.resize(set.n, model_.output_size());
    dx_.resize(p * set.n_d, model_.output_size());
  }
  auto workspace = [&](std::size_t c) -> Workspace & {
    return one_pass_ ? chunk_ws_[c] : workers_[static_cast<std::size_t>(chunks[c].worker)]->ws;
  };
  auto forward = [&](std::size_t c) -> const MatrixF & {
    if (injected_fault(comm_->rank(), iteration)) throw std::bad_alloc();
    Worker &dev = *workers_[static_cast<std::size_t>(chunks[c].worker)];
    Workspace &ws = workspace(c);
    source_.fill_part(SeedStream::training, iteration, set, chunks[c].begin, chunks[c].part,
                      ws.input);
    return model_.forward(*dev.backend, w, ws, source_.layout(chunks[c].part));
  };
  // Pass 1: summaries of every chunk.
  run(chunk_pass(chunks, workers_, chunk_errors_, [&](std::size_t c, Worker &dev) {
    const MatrixF &out = forward(c);
    if (single) {
      source_.summaries(out, set, x_, dx_);
    } else {
      source_.summaries(out, chunks[c].part, dev.xc, dev.dxc);
      place(chunks[c], set, p, dev.xc, dev.dxc, x_, dx_);
    }
  }));
  exchange_summaries(chunks, set, x_, dx_);
  // The loss on the whole set, in double (the same on every rank).
  const LossAndGradient lg = fisher_loss(x_, dx_, p, reg);
  // Pass 2: back-propagate each chunk's adjoints.
  run(chunk_pass(chunks, workers_, chunk_errors_, [&](std::size_t c, Worker &dev) {
    const SetSize part = chunks[c].part;
    if (!one_pass_) (void)forward(c);
    if (single) {
      source_.output_adjoints(lg.dL_dx, lg.dL_ddx, set, dev.out_grad);
    } else {
      take(chunks[c], set, p, lg.dL_dx, lg.dL_ddx, dev.gx, dev.gdx);
      source_.output_adjoints(dev.gx, dev.gdx, part, dev.out_grad);
    }
    std::vector<float> &g = single ? grad : chunk_grads_[c];
    g.assign(grad.size(), 0.0f);
    model_.backward(*dev.backend, w, workspace(c), source_.layout(part), dev.out_grad, g);
  }));
  if (!single) {
    exchange_gradients(chunks);
    // Sum in double in chunk order: the same sum however the chunks were spread.
    sum_.assign(grad.size(), 0.0);
    for (const auto &g : chunk_grads_)
      for (std::size_t j = 0; j < g.size(); ++j)
        sum_[j] += static_cast<double>(g[j]);
    for (std::size_t j = 0; j < grad.size(); ++j)
      grad[j] = static_cast<float>(sum_[j]);
  }
  return lg;
}

void Aggregator::prepare(SeedStream stream, std::uint64_t iteration, SetSize set) {
  Prepared &pr = *prepared_;
  pr.stream = stream;
  pr.iteration = iteration;
  if (!(set == pr.set) || pr.chunks.empty()) {
    pr.set = set;
    pr.chunks = plan(set);
    std::size_t bytes = 0;
    for (const auto &c : pr.chunks)
      if (c.worker >= 0)
        bytes += static_cast<std::size_t>(source_.layout(c.part).rows() * source_.input_size()) *
                 sizeof(float);
    pr.kept = static_cast<double>(bytes) <= budget_bytes_;
    pr.inputs.resize(pr.kept ? pr.chunks.size() : 0);
  }
  pr.valid = true;
  if (!pr.kept) {
    if (distributed_) agree_on_error(*comm_, nullptr); // the collective every rank makes
    return;
  }
  run(chunk_pass(pr.chunks, workers_, chunk_errors_, [&](std::size_t c, Worker &) {
    source_.fill_part(stream, iteration, set, pr.chunks[c].begin, pr.chunks[c].part, pr.inputs[c]);
  }));
}

void Aggregator::summaries(const std::vector<float> &w, Eigen::MatrixXd &x, Eigen::MatrixXd &dx) {
  Prepared &pr = *prepared_;
  if (!pr.valid) throw Error("internal: Aggregator::summaries without prepare()");
  pr.valid = false;
  const std::size_t n_chunks = pr.chunks.size();
  const bool single = n_chunks == 1 && !distributed_;
  const Index p = source_.n_params();
  if (!single) {
    x.resize(pr.set.n, model_.output_size());
    dx.resize(p * pr.set.n_d, model_.output_size());
  }
  run(chunk_pass(pr.chunks, workers_, chunk_errors_, [&](std::size_t c, Worker &dev) {
    const Chunk &chunk = pr.chunks[c];
    Workspace &ws = dev.fwd_ws[source_.layout(chunk.part).rows()];
    if (pr.kept)
      std::swap(ws.input, pr.inputs[c]);
    else
      source_.fill_part(pr.stream, pr.iteration, pr.set, chunk.begin, chunk.part, ws.input);
    const MatrixF &out = model_.forward(*dev.backend, w, ws, source_.layout(chunk.part));
    if (single) {
      source_.summaries(out, pr.set, x, dx);
    } else {
      source_.summaries(out, chunk.part, dev.xc, dev.dxc);
      place(chunk, pr.set, p, dev.xc, dev.dxc, x, dx);
    }
  }));
  exchange_summaries(pr.chunks, pr.set, x, dx);
}

} // namespace imnn

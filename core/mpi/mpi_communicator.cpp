// MPI_COMM_WORLD behind imnn::Communicator.
#include "mpi_communicator.h"

#include "imnn/error.h"

#include <chrono>
#include <cstdlib>
#include <mpi.h>

namespace imnn {

namespace {

class Timer {
public:
  explicit Timer(double &total) : total_(total), t0_(std::chrono::steady_clock::now()) {}
  ~Timer() {
    total_ += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0_).count();
  }
  Timer(const Timer &) = delete;
  Timer &operator=(const Timer &) = delete;

private:
  double &total_;
  std::chrono::steady_clock::time_point t0_;
};

void check(int rc, const char *what) {
  if (rc == MPI_SUCCESS) return;
  char text[MPI_MAX_ERROR_STRING];
  int length = 0;
  MPI_Error_string(rc, text, &length);
  throw Error(std::string("MPI: ") + what + " failed: " + std::string(text, length));
}

class MpiWorld final : public Communicator {
public:
  MpiWorld() {
    MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
    MPI_Comm_size(MPI_COMM_WORLD, &size_);
  }
  ~MpiWorld() override {
    int finalized = 0;
    MPI_Finalized(&finalized);
    if (!finalized) MPI_Finalize();
  }
  int rank() const override { return rank_; }
  int size() const override { return size_; }

  std::vector<double> all_gather(const std::vector<double> &mine) override {
    return gather_all(mine, MPI_DOUBLE);
  }
  std::vector<float> all_gather(const std::vector<float> &mine) override {
    return gather_all(mine, MPI_FLOAT);
  }
  std::vector<float> gather(const std::vector<float> &mine, int root) override {
    Timer t(seconds_);
    const int n = static_cast<int>(mine.size());
    std::vector<int> counts(static_cast<std::size_t>(size_)), offsets(counts.size() + 1, 0);
    check(MPI_Gather(&n, 1, MPI_INT, counts.data(), 1, MPI_INT, root, MPI_COMM_WORLD),
          "MPI_Gather");
    for (std::size_t r = 0; r < counts.size(); ++r)
      offsets[r + 1] = offsets[r] + counts[r];
    std::vector<float> all(rank_ == root ? static_cast<std::size_t>(offsets.back()) : 0);
    check(MPI_Gatherv(mine.data(), n, MPI_FLOAT, all.data(), counts.data(), offsets.data(),
                      MPI_FLOAT, root, MPI_COMM_WORLD),
          "MPI_Gatherv");
    return all;
  }
  bool any(bool flag) override {
    Timer t(seconds_);
    int in = flag ? 1 : 0, out = 0;
    check(MPI_Allreduce(&in, &out, 1, MPI_INT, MPI_LOR, MPI_COMM_WORLD), "MPI_Allreduce");
    return out != 0;
  }
  std::int64_t min(std::int64_t value) override {
    Timer t(seconds_);
    std::int64_t out = 0;
    check(MPI_Allreduce(&value, &out, 1, MPI_INT64_T, MPI_MIN, MPI_COMM_WORLD), "MPI_Allreduce");
    return out;
  }
  std::string broadcast(const std::string &text, int root) override {
    Timer t(seconds_);
    long long n = static_cast<long long>(text.size());
    check(MPI_Bcast(&n, 1, MPI_LONG_LONG, root, MPI_COMM_WORLD), "MPI_Bcast");
    std::string out = rank_ == root ? text : std::string(static_cast<std::size_t>(n), '\0');
    if (n > 0)
      check(MPI_Bcast(out.data(), static_cast<int>(n), MPI_CHAR, root, MPI_COMM_WORLD),
            "MPI_Bcast");
    return out;
  }
  [[noreturn]] void abort(int code) override {
    MPI_Abort(MPI_COMM_WORLD, code);
    std::exit(code);
  }

private:
  template <class T>
  std::vector<T> gather_all(const std::vector<T> &mine, MPI_Datatype type) {
    Timer t(seconds_);
    const int n = static_cast<int>(mine.size());
    std::vector<int> counts(static_cast<std::size_t>(size_)), offsets(counts.size() + 1, 0);
    check(MPI_Allgather(&n, 1, MPI_INT, counts.data(), 1, MPI_INT, MPI_COMM_WORLD),
          "MPI_Allgather");
    for (std::size_t r = 0; r < counts.size(); ++r)
      offsets[r + 1] = offsets[r] + counts[r];
    std::vector<T> all(static_cast<std::size_t>(offsets.back()));
    check(MPI_Allgatherv(mine.data(), n, type, all.data(), counts.data(), offsets.data(), type,
                         MPI_COMM_WORLD),
          "MPI_Allgatherv");
    return all;
  }

  int rank_ = 0, size_ = 1;
};

} // namespace

bool launched_by_mpi() {
  for (const char *v : {"OMPI_COMM_WORLD_SIZE", "PMIX_RANK", "PMI_RANK", "PMI_SIZE"})
    if (std::getenv(v)) return true;
  return false;
}

std::shared_ptr<Communicator> mpi_world(int *argc, char ***argv) {
  int provided = 0;
  check(MPI_Init_thread(argc, argv, MPI_THREAD_SERIALIZED, &provided), "MPI_Init_thread");
  if (provided < MPI_THREAD_SERIALIZED) {
    MPI_Finalize();
    throw Error("this MPI library does not support calls from the fitting thread "
                "(MPI_THREAD_SERIALIZED); rebuild Open MPI with thread support or run "
                "without mpirun");
  }
  return std::make_shared<MpiWorld>();
}

} // namespace imnn

// Processes that fit or infer together (issue 13: MPI ranks). The engine talks to
// its peers only through this interface, so that core/ never includes mpi.h: the
// base class is the single process (size 1, every collective a copy), and the Open
// MPI implementation (core/mpi/, built with the CMake option IMNN_MPI) overrides it.
//
// Every collective must be called by every rank, in the same order: the engine
// keeps its control flow identical on all ranks (the same chunk plan, the same loss,
// the same stopping decisions) and agrees on errors (agree_on_error) instead of
// throwing on one rank only, which would leave the others waiting for ever.
#pragma once

#include <cstdint>
#include <exception>
#include <memory>
#include <string>
#include <vector>

namespace imnn {

class Communicator {
public:
  virtual ~Communicator() = default;
  virtual int rank() const { return 0; }
  virtual int size() const { return 1; }
  // The concatenation, in rank order, of every rank's `mine`.
  virtual std::vector<double> all_gather(const std::vector<double> &mine) { return mine; }
  virtual std::vector<float> all_gather(const std::vector<float> &mine) { return mine; }
  // The concatenation, in rank order, of every rank's `mine` on rank `root`; empty on
  // the other ranks.
  virtual std::vector<float> gather(const std::vector<float> &mine, int root) {
    (void)root;
    return mine;
  }
  // True on every rank when `flag` is true on any.
  virtual bool any(bool flag) { return flag; }
  // The smallest `value` over the ranks.
  virtual std::int64_t min(std::int64_t value) { return value; }
  // `text` of rank `root`, on every rank.
  virtual std::string broadcast(const std::string &text, int root) {
    (void)root;
    return text;
  }
  // Ends every rank's process at once (after the caller printed why).
  [[noreturn]] virtual void abort(int code);

  // Seconds spent in the collectives above (waiting for slower ranks included).
  double seconds() const { return seconds_; }
  // The message of the last error agree_on_error threw (every rank holds it), so that
  // a front end can tell an error all ranks share from one that only this rank has.
  const std::string &agreed_error() const { return agreed_error_; }

protected:
  double seconds_ = 0;

private:
  friend void agree_on_error(Communicator &, std::exception_ptr, std::int64_t);
  std::string agreed_error_;
};

// The single process.
std::shared_ptr<Communicator> single_process();

// Called by every rank after work that may have failed on some ranks: `error` is this
// rank's error (null if none) and `key` orders the errors (e.g. the failing chunk's
// index; the smallest wins, then the lowest rank). Returns when no rank failed;
// otherwise every rank throws the winning error, of the same class (imnn::Error,
// NumericalError, PluginError) with its message, prefixed "rank R: " when there are
// several ranks. On one process the error is rethrown unchanged.
void agree_on_error(Communicator &comm, std::exception_ptr error, std::int64_t key = 0);

} // namespace imnn

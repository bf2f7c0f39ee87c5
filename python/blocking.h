// Engine work run from Python with the interpreter lock released, so that other
// Python threads go on and Ctrl-C stops the work cleanly (fit, Run.infer, Run.refit).
#pragma once

#include <atomic>
#include <exception>
#include <functional>
#include <optional>
#include <pybind11/pybind11.h>

namespace imnn::python {

// How run_releasing ended on the Python side.
struct Blocking {
  bool interrupted = false;
  std::optional<pybind11::error_already_set> poll_error;
};

// Runs work on a thread while this (the Python) thread sleeps without the lock and,
// every ~20 ms, takes it to check for Ctrl-C (PyErr_CheckSignals) and to call poll().
// A KeyboardInterrupt sets *cancel; poll returning false does too. Any other Python
// error from poll is kept and rethrown after the work has stopped. An exception from
// work goes to work_error; poll (may be empty) is called once more at the end.
Blocking run_releasing(const std::function<void()> &work, std::atomic<bool> &cancel,
                       const std::function<bool()> &poll, std::exception_ptr &work_error);

} // namespace imnn::python

#include "blocking.h"

#include <chrono>
#include <thread>

namespace py = pybind11;

namespace imnn::python {

Blocking run_releasing(const std::function<void()> &work, std::atomic<bool> &cancel,
                       const std::function<bool()> &poll, std::exception_ptr &work_error) {
  Blocking b;
  std::atomic<bool> done{false};
  std::thread thread;
  {
    py::gil_scoped_release release;
    thread = std::thread([&] {
      try {
        work();
      } catch (...) {
        work_error = std::current_exception();
      }
      done.store(true);
    });
  }
  while (!done.load()) {
    {
      py::gil_scoped_release release;
      for (int i = 0; i < 20 && !done.load(); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    if (PyErr_CheckSignals() != 0) {
      py::error_already_set e;
      if (e.matches(PyExc_KeyboardInterrupt))
        b.interrupted = true;
      else if (!b.poll_error)
        b.poll_error.emplace(std::move(e));
      cancel.store(true);
    }
    if (poll && !cancel.load()) {
      try {
        if (!poll()) cancel.store(true);
      } catch (py::error_already_set &e) {
        if (e.matches(PyExc_KeyboardInterrupt))
          b.interrupted = true;
        else
          b.poll_error.emplace(std::move(e));
        cancel.store(true);
      }
    }
  }
  {
    py::gil_scoped_release release;
    thread.join();
  }
  if (poll) {
    try {
      poll(); // the last records
    } catch (py::error_already_set &e) {
      if (!e.matches(PyExc_KeyboardInterrupt) && !b.poll_error) b.poll_error.emplace(std::move(e));
    }
  }
  return b;
}

} // namespace imnn::python

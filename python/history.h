// A fit's history for Python: the per-iteration records of a fit (imnn/fit.h
// IterationRecord) as Run.history's dict of numpy arrays, read back from a run
// directory's history.csv, and one record as the dict fit()'s callback gets.
#pragma once

#include "imnn/fit.h"

#include <filesystem>
#include <pybind11/pybind11.h>
#include <vector>

namespace imnn::python {

// The reference's imnn.history keys (imnn-spec §2.4) plus iteration, loss and seconds.
struct History {
  std::vector<double> iteration, detF, detC, detinvC, Lambda2, r, loss, val_detF, val_detC,
      val_detinvC, val_Lambda2, val_r, seconds;
  double max_detF = 0;
  void add(const imnn::IterationRecord &x);
  pybind11::dict to_python() const;
  // history.csv (RunDirectory::history_header) read back.
  static History read(const std::filesystem::path &file);
};

// One record as a dict under the reference's names (Λ2, val_Λ2, ...).
pybind11::dict record_dict(const imnn::IterationRecord &x);

} // namespace imnn::python

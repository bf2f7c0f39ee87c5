#include "history.h"

#include "imnn/error.h"
#include "imnn/run_directory.h"

#include "conversions.h"

#include <cmath>
#include <fstream>
#include <sstream>
#include <string>

namespace py = pybind11;
namespace fs = std::filesystem;

namespace imnn::python {

void History::add(const imnn::IterationRecord &x) {
  iteration.push_back(x.iteration);
  detF.push_back(x.train.detF);
  detC.push_back(x.train.detC);
  detinvC.push_back(x.train.detinvC);
  Lambda2.push_back(x.train.Lambda2);
  r.push_back(x.train.r);
  loss.push_back(x.loss);
  val_detF.push_back(x.val.detF);
  val_detC.push_back(x.val.detC);
  val_detinvC.push_back(x.val.detinvC);
  val_Lambda2.push_back(x.val.Lambda2);
  val_r.push_back(x.val.r);
  seconds.push_back(x.seconds);
  max_detF = x.max_detF;
}

py::dict History::to_python() const {
  py::dict d;
  d["detF"] = vector(detF);
  d["detC"] = vector(detC);
  d["detinvC"] = vector(detinvC);
  d["Λ2"] = vector(Lambda2);
  d["r"] = vector(r);
  d["val_detF"] = vector(val_detF);
  d["val_detC"] = vector(val_detC);
  d["val_detinvC"] = vector(val_detinvC);
  d["val_Λ2"] = vector(val_Lambda2);
  d["val_r"] = vector(val_r);
  d["max_detF"] = max_detF;
  d["iteration"] = vector(iteration);
  d["loss"] = vector(loss);
  d["seconds"] = vector(seconds);
  return d;
}

History History::read(const fs::path &file) {
  History h;
  std::ifstream in(file);
  if (!in) throw imnn::Error("cannot read " + file.string());
  std::string line;
  std::getline(in, line);
  if (line.rfind("iteration,detF,detC,detinvC,Lambda2,r,loss,val_detF", 0) != 0)
    throw imnn::Error(file.string() + " does not start with the history.csv header (" +
                      imnn::RunDirectory::history_header() + ")");
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    std::vector<double> v;
    std::stringstream s(line);
    std::string cell;
    while (std::getline(s, cell, ',')) {
      if (cell.empty() || cell == "nan" || cell == "NaN")
        v.push_back(std::nan(""));
      else
        v.push_back(std::stod(cell));
    }
    if (v.size() < 13) throw imnn::Error(file.string() + ": short row '" + line + "'");
    std::vector<double> *cols[] = {
        &h.iteration, &h.detF,     &h.detC,        &h.detinvC,     &h.Lambda2, &h.r,      &h.loss,
        &h.val_detF,  &h.val_detC, &h.val_detinvC, &h.val_Lambda2, &h.val_r,   &h.seconds};
    for (std::size_t c = 0; c < 13; ++c)
      cols[c]->push_back(v[c]);
  }
  return h;
}

py::dict record_dict(const imnn::IterationRecord &x) {
  py::dict d;
  d["iteration"] = x.iteration;
  d["iteration_in_call"] = x.iteration_in_call;
  d["detF"] = x.train.detF;
  d["detC"] = x.train.detC;
  d["detinvC"] = x.train.detinvC;
  d["Λ2"] = x.train.Lambda2;
  d["r"] = x.train.r;
  d["val_detF"] = x.val.detF;
  d["val_detC"] = x.val.detC;
  d["val_detinvC"] = x.val.detinvC;
  d["val_Λ2"] = x.val.Lambda2;
  d["val_r"] = x.val.r;
  d["loss"] = x.loss;
  d["max_detF"] = x.max_detF;
  d["patience_counter"] = x.patience_counter;
  d["seconds"] = x.seconds;
  return d;
}

} // namespace imnn::python

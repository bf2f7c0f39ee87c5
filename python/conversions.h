// Conversions between the engine's values and Python's for the imnn_studio module:
// JSON through Python's json module (dicts, lists, numbers), Eigen matrices and
// vectors of doubles as numpy arrays.
#pragma once

#include <Eigen/Core>
#include <nlohmann/json.hpp>
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <vector>

namespace imnn::python {

// j as the Python value json.loads gives.
pybind11::object to_python(const nlohmann::json &j);
// o as JSON (json.dumps); TypeError naming `what` when o holds anything but JSON values.
nlohmann::json to_json(const pybind11::handle &o, const char *what);

// Copies as float64 numpy arrays: (rows, cols) and (size,).
pybind11::array_t<double> matrix(const Eigen::MatrixXd &m);
pybind11::array_t<double> vector(const std::vector<double> &v);

} // namespace imnn::python

#include "conversions.h"

#include "imnn/json_reader.h"

#include <string>

namespace py = pybind11;

namespace imnn::python {

py::object to_python(const nlohmann::json &j) {
  return py::module_::import("json").attr("loads")(j.dump());
}

nlohmann::json to_json(const py::handle &o, const char *what) {
  std::string text;
  try {
    text = py::module_::import("json").attr("dumps")(o).cast<std::string>();
  } catch (py::error_already_set &e) {
    throw py::type_error(std::string(what) +
                         " must hold only JSON values (dict, list, str, int, float, bool, "
                         "None): " +
                         e.what());
  }
  return imnn::parse_json_text(text, what);
}

py::array_t<double> matrix(const Eigen::MatrixXd &m) {
  py::array_t<double> a({m.rows(), m.cols()});
  auto v = a.mutable_unchecked<2>();
  for (Eigen::Index i = 0; i < m.rows(); ++i)
    for (Eigen::Index j = 0; j < m.cols(); ++j)
      v(i, j) = m(i, j);
  return a;
}

py::array_t<double> vector(const std::vector<double> &v) {
  return py::array_t<double>(static_cast<py::ssize_t>(v.size()), v.data());
}

} // namespace imnn::python

// model.json: the trained IMNN written and read (imnn/trained_model.h).
#include "imnn/trained_model.h"

#include "imnn/error.h"
#include "imnn/json_reader.h"
#include "imnn/run_directory.h"

#include <fstream>
#include <iterator>

namespace imnn {

namespace fs = std::filesystem;

namespace {

Eigen::MatrixXd matrix_from_json(const nlohmann::json &j, const std::string &what) {
  if (!j.is_array() || j.empty() || !j[0].is_array())
    throw Error("model file: `" + what + "` must be a non-empty array of rows");
  Eigen::MatrixXd m(static_cast<Eigen::Index>(j.size()), static_cast<Eigen::Index>(j[0].size()));
  for (std::size_t i = 0; i < j.size(); ++i) {
    if (!j[i].is_array() || j[i].size() != j[0].size())
      throw Error("model file: `" + what + "` rows have different lengths");
    for (std::size_t k = 0; k < j[i].size(); ++k)
      m(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(k)) = j[i][k].get<double>();
  }
  return m;
}

} // namespace

nlohmann::json TrainedModel::to_json() const {
  nlohmann::json j;
  j["format"] = kFormat;
  j["version"] = kVersion;
  j["network"] = network;
  j["simulator"] = simulator;
  j["input_shape"] = input_shape;
  j["n_summaries"] = n_summaries;
  j["param_names"] = param_names;
  j["theta_fid"] = theta_fid;
  j["statistics"] = {{"F", matrix_to_json(statistics.F)},
                     {"invF", matrix_to_json(invF)},
                     {"C", matrix_to_json(statistics.C)},
                     {"invC", matrix_to_json(statistics.invC)},
                     {"dmu_dtheta", matrix_to_json(statistics.dmu_dtheta)},
                     {"mu", std::vector<double>(statistics.mu.data(),
                                                statistics.mu.data() + statistics.mu.size())},
                     {"detF", statistics.detF},
                     {"detC", statistics.detC},
                     {"detinvC", statistics.detinvC},
                     {"Lambda2", statistics.Lambda2},
                     {"r", statistics.r}};
  j["weights"] = weights;
  return j;
}

TrainedModel TrainedModel::from_json(const nlohmann::json &j) {
  try {
    if (j.value("format", "") != kFormat)
      throw Error(std::string("not an IMNN Studio model file (format is not \"") + kFormat + "\")");
    const int version = j.at("version").get<int>();
    if (version != kVersion)
      throw Error("model file version " + std::to_string(version) + " is not supported (this " +
                  "build reads version " + std::to_string(kVersion) + ")");
    TrainedModel m;
    m.network = j.at("network");
    m.simulator = j.at("simulator");
    m.input_shape = j.at("input_shape").get<std::vector<Index>>();
    m.n_summaries = j.at("n_summaries").get<Index>();
    m.param_names = j.at("param_names").get<std::vector<std::string>>();
    m.theta_fid = j.at("theta_fid").get<std::vector<double>>();
    const auto &s = j.at("statistics");
    m.statistics.F = matrix_from_json(s.at("F"), "statistics.F");
    m.invF = matrix_from_json(s.at("invF"), "statistics.invF");
    m.statistics.C = matrix_from_json(s.at("C"), "statistics.C");
    m.statistics.invC = matrix_from_json(s.at("invC"), "statistics.invC");
    m.statistics.dmu_dtheta = matrix_from_json(s.at("dmu_dtheta"), "statistics.dmu_dtheta");
    const auto mu = s.at("mu").get<std::vector<double>>();
    m.statistics.mu = Eigen::Map<const Eigen::VectorXd>(mu.data(), static_cast<Index>(mu.size()));
    m.statistics.detF = s.at("detF").get<double>();
    m.statistics.detC = s.at("detC").get<double>();
    m.statistics.detinvC = s.at("detinvC").get<double>();
    m.statistics.Lambda2 = s.at("Lambda2").get<double>();
    m.statistics.r = s.at("r").get<double>();
    m.weights = j.at("weights").get<std::vector<float>>();
    const auto p = static_cast<Index>(m.param_names.size());
    const Index q = m.n_summaries;
    if (m.statistics.F.rows() != p || m.statistics.F.cols() != p || m.invF.rows() != p ||
        m.statistics.C.rows() != q || m.statistics.invC.rows() != q ||
        m.statistics.dmu_dtheta.rows() != q || m.statistics.dmu_dtheta.cols() != p ||
        m.statistics.mu.size() != q || static_cast<Index>(m.theta_fid.size()) != p)
      throw Error("statistics have shapes inconsistent with " + std::to_string(p) +
                  " parameters and " + std::to_string(q) + " summaries");
    return m;
  } catch (const nlohmann::json::exception &e) {
    throw Error(std::string("model file is malformed: ") + e.what());
  }
}

void TrainedModel::save(const fs::path &file) const {
  write_file_atomically(file, to_json().dump() + "\n");
}

TrainedModel TrainedModel::load(const fs::path &file) {
  std::ifstream in(file);
  if (!in) throw Error("cannot open model file " + file.string());
  const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  const nlohmann::json j = parse_json_text(text, "model file " + file.string());
  try {
    return from_json(j);
  } catch (const Error &e) {
    throw Error(file.string() + ": " + e.what());
  }
}

} // namespace imnn

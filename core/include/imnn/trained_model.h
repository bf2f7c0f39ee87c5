// The trained IMNN as a file (model.json, versioned): the network (plugin,
// options, weights), the simulator it was fitted to, and the Fisher statistics at
// those weights, everything the quasi-ML estimate and inference need.
#pragma once

#include "imnn/fisher.h"
#include "imnn/nn.h"

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace imnn {

struct TrainedModel {
  static constexpr const char *kFormat = "imnn-studio-model";
  static constexpr int kVersion = 1;

  nlohmann::json network;   // {"plugin", "options", "description"}
  nlohmann::json simulator; // {"plugin", "options", "descriptor"}
  std::vector<Index> input_shape;
  Index n_summaries = 0;
  std::vector<std::string> param_names;
  std::vector<double> theta_fid;
  std::vector<float> weights;
  FisherStatistics statistics; // F, C, invC, dmu_dtheta, mu at the weights
  Eigen::MatrixXd invF;

  nlohmann::json to_json() const;
  static TrainedModel from_json(const nlohmann::json &j); // throws Error on a bad file
  void save(const std::filesystem::path &file) const;     // atomically
  static TrainedModel load(const std::filesystem::path &file);
};

} // namespace imnn

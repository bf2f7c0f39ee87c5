// Files of one inference run, RUN_DIR/inference/<name>/ (README "imnn infer").
#pragma once

#include "imnn/lfi.h"

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace imnn::cli {

// Creates dir (refusing a non-empty one unless replace, which empties it first).
void prepare_inference_dir(const std::filesystem::path &dir, bool replace);

void write_vector_npy(const std::filesystem::path &file, const std::vector<double> &v);
void write_matrix_npy(const std::filesystem::path &file, const lfi::MatrixD &m);

// marginal_<i>.npy (1-D, gridsize_i) and marginal_<row>_<col>.npy (2-D, shape
// (gridsize_col, gridsize_row)), and marginals.json: parameter names, ranges (low,
// high, gridsize), and for every marginal its file and highest-density levels.
nlohmann::json write_marginals(const std::filesystem::path &dir, const lfi::Marginals &m,
                               const std::vector<std::string> &names,
                               const std::vector<double> &levels);

// Weighted means and standard deviations of samples (weights empty: equal), as
// {"mean": {name: v}, "sd": {name: v}}.
nlohmann::json posterior_moments(const lfi::MatrixD &samples, const std::vector<double> &weights,
                                 const std::vector<std::string> &names);

} // namespace imnn::cli

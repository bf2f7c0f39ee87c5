// Runs on disk (DESIGN.md §7): a run is a directory holding config.json (resolved),
// history.csv (appended as the fit goes), result.json and model.json (the trained
// IMNN: weights and Fisher statistics, versioned).
#pragma once

#include "imnn/config.h"
#include "imnn/fisher.h"
#include "imnn/iteration_record.h"
#include "imnn/trained_model.h"

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace imnn {

// Writes content to a temporary file beside path, flushes it to disk and renames
// it over path, so a crash leaves either the old or the new file, never half of
// one. Throws imnn::Error naming the file and the system error (e.g. disk full).
void write_file_atomically(const std::filesystem::path &path, const std::string &content);

// Eigen matrix as a JSON array of rows (result.json, model.json).
nlohmann::json matrix_to_json(const Eigen::MatrixXd &m);

// The plugin folders a run was fitted with (its config.json's plugin_dirs), so that
// `imnn infer`, `estimate` and `summarise` find an outside author's plugins as `fit
// --resume` does. run may name the run directory or a file in it (model.json); empty
// when there is no readable config.json.
std::vector<std::string> recorded_plugin_dirs(const std::filesystem::path &run);

// Where a run goes when no folder is given: runs/<name>-YYYYmmdd-HHMMSS (local time),
// as `imnn fit` and imnn_studio.fit name it.
std::string default_run_directory(const std::string &name);

class RunDirectory {
public:
  // Creates the directory and writes config.json. Refuses (imnn::Error) an existing
  // non-empty directory rather than overwrite a run.
  static RunDirectory create(const std::filesystem::path &dir, const RunConfig &config);

  // Reopens an existing run to continue it (imnn/checkpoint.h resume_run): rewrites
  // history.csv atomically from history (the rows a checkpoint holds, so rows written
  // after that checkpoint are dropped, none is duplicated) and appends from there.
  static RunDirectory reopen(const std::filesystem::path &dir,
                             const std::vector<IterationRecord> &history);

  // A handle on a run another process writes (MPI ranks other than 0): touches
  // nothing on disk; append() fails.
  static RunDirectory attach(const std::filesystem::path &dir);

  const std::filesystem::path &path() const { return dir_; }
  // Appends one row to history.csv and flushes it.
  void append(const IterationRecord &record);
  void write_result(const nlohmann::json &result) const;
  void write_model(const TrainedModel &model) const;

  static const char *history_header();
  // One history.csv line (with its newline).
  static std::string history_row(const IterationRecord &record);

private:
  explicit RunDirectory(std::filesystem::path dir);
  std::filesystem::path dir_;
  std::ofstream history_;
};

} // namespace imnn

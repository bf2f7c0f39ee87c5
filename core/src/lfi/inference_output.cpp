// The files of one inference, RUN_DIR/inference/<name>/ (inference.h).
#include "imnn/arrays.h"
#include "imnn/error.h"
#include "imnn/inference.h"
#include "imnn/run_directory.h"

#include <cerrno>
#include <cmath>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace imnn::lfi {

namespace fs = std::filesystem;

namespace {
bool refuse_existing(const fs::path &dir, bool replace) {
  std::error_code ec;
  if (!fs::exists(dir, ec) || fs::is_empty(dir, ec)) return false;
  if (!replace)
    throw InferenceError("name", "inference output " + dir.string() +
                                     " already exists and is not empty: choose another "
                                     "`name`, or set `replace` to overwrite it");
  return true;
}
} // namespace

void check_inference_dir(const fs::path &dir, bool replace) {
  refuse_existing(dir, replace);
  std::error_code ec;
  fs::create_directories(dir.parent_path(), ec);
  if (ec) throw Error("cannot create " + dir.parent_path().string() + ": " + ec.message());
}

namespace {
// ".<name><suffix>" beside dir. Appended piecewise: GCC 12 warns (-Wrestrict, a known
// false positive) on "." + std::string + "...".
fs::path hidden_sibling(const fs::path &dir, const char *suffix) {
  std::string name = ".";
  name += dir.filename().string();
  name += suffix;
  return dir.parent_path() / name;
}
} // namespace

fs::path staging_inference_dir(const fs::path &dir) {
  return hidden_sibling(dir, ".partial");
}

fs::path begin_inference_dir(const fs::path &dir) {
  const fs::path stage = staging_inference_dir(dir);
  std::error_code ec;
  fs::remove_all(stage, ec); // left by a job killed while it wrote
  if (ec) throw Error("cannot remove the stale " + stage.string() + ": " + ec.message());
  fs::create_directories(stage, ec);
  if (ec) throw Error("cannot create " + stage.string() + ": " + ec.message());
  return stage;
}

void commit_inference_dir(const fs::path &dir, bool replace) {
  const fs::path stage = staging_inference_dir(dir);
  const fs::path old = hidden_sibling(dir, ".old");
  std::error_code ec;
  const bool replacing = refuse_existing(dir, replace);
  fs::remove_all(old, ec);
  if (replacing || fs::exists(dir, ec)) {
    // Renames only: the previous results are never half-deleted. Killed between the
    // two renames, they are in .<name>.old and the new ones in .<name>.partial.
    fs::rename(dir, old, ec);
    if (ec) throw Error("cannot move " + dir.string() + " aside to replace it: " + ec.message());
  }
  fs::rename(stage, dir, ec);
  if (ec)
    throw Error("cannot move " + stage.string() + " to " + dir.string() + ": " + ec.message());
  fs::remove_all(old, ec);
}

InferenceDirLock::InferenceDirLock(const fs::path &dir) {
  const fs::path file = hidden_sibling(dir, ".lock");
  fd_ = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0)
    throw Error("cannot create the lock file " + file.string() + ": " + std::strerror(errno));
  if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    const int err = errno;
    ::close(fd_);
    fd_ = -1;
    if (err == EWOULDBLOCK)
      throw InferenceError("name", "another `imnn infer` is writing " + dir.string() +
                                       " right now (it holds " + file.string() +
                                       "): wait for it to finish, or choose another `name`");
    throw Error("cannot lock " + file.string() + ": " + std::strerror(err));
  }
}

InferenceDirLock::~InferenceDirLock() {
  if (fd_ >= 0) ::close(fd_); // releases the lock; the empty file stays (no unlink race)
}

void write_vector_npy(const fs::path &file, const std::vector<double> &v) {
  save_npy(file, {static_cast<Index>(v.size())}, v.data());
}

void write_matrix_npy(const fs::path &file, const MatrixD &m) {
  save_npy(file, {m.rows(), m.cols()}, m.data());
}

nlohmann::json write_marginals(const fs::path &dir, const Marginals &m,
                               const std::vector<std::string> &names,
                               const std::vector<double> &levels) {
  nlohmann::json index;
  index["parameters"] = names;
  index["levels"] = levels;
  nlohmann::json ranges = nlohmann::json::array();
  for (const auto &r : m.ranges)
    ranges.push_back({{"low", r.front()}, {"high", r.back()}, {"gridsize", r.size()}});
  index["ranges"] = ranges;
  index["layout"] = "1-D marginal_<i>.npy: density over ranges[i]; 2-D marginal_<row>_<col>.npy "
                    "(col < row): shape (gridsize_col, gridsize_row), first axis the column "
                    "parameter; levels: density thresholds of the highest-density regions "
                    "holding each mass in `levels`";
  nlohmann::json list = nlohmann::json::array();
  for (Index row = 0; row < m.dim(); ++row)
    for (Index col = 0; col <= row; ++col) {
      const auto &d = m.marginal(row, col);
      const std::string file =
          row == col ? "marginal_" + std::to_string(row) + ".npy"
                     : "marginal_" + std::to_string(row) + "_" + std::to_string(col) + ".npy";
      std::vector<Index> shape;
      if (row == col)
        shape = {static_cast<Index>(d.size())};
      else
        shape = {static_cast<Index>(m.ranges[static_cast<std::size_t>(col)].size()),
                 static_cast<Index>(m.ranges[static_cast<std::size_t>(row)].size())};
      save_npy(dir / file, shape, d.data());
      nlohmann::json e;
      e["row"] = row;
      e["col"] = col;
      e["x"] = names[static_cast<std::size_t>(col)];
      if (row != col) e["y"] = names[static_cast<std::size_t>(row)];
      e["file"] = file;
      e["shape"] = shape;
      bool any = false;
      for (double v : d)
        any = any || v > 0.0;
      e["hpd_levels"] = any ? nlohmann::json(hpd_levels(d, levels)) : nlohmann::json(nullptr);
      list.push_back(e);
    }
  index["marginals"] = list;
  write_file_atomically(dir / "marginals.json", index.dump(2) + "\n");
  return index;
}

nlohmann::json posterior_moments(const MatrixD &samples, const std::vector<double> &weights,
                                 const std::vector<std::string> &names) {
  nlohmann::json mean = nlohmann::json::object(), sd = nlohmann::json::object();
  const Index n = samples.rows();
  double total = 0.0;
  for (Index i = 0; i < n; ++i)
    total += weights.empty() ? 1.0 : weights[static_cast<std::size_t>(i)];
  for (Index a = 0; a < samples.cols(); ++a) {
    double m = 0.0, v = 0.0;
    for (Index i = 0; i < n; ++i)
      m += (weights.empty() ? 1.0 : weights[static_cast<std::size_t>(i)]) * samples(i, a);
    m /= total;
    for (Index i = 0; i < n; ++i) {
      const double d = samples(i, a) - m;
      v += (weights.empty() ? 1.0 : weights[static_cast<std::size_t>(i)]) * d * d;
    }
    const auto &name = names[static_cast<std::size_t>(a)];
    mean[name] = n > 0 ? nlohmann::json(m) : nlohmann::json(nullptr);
    sd[name] = n > 0 ? nlohmann::json(std::sqrt(v / total)) : nlohmann::json(nullptr);
  }
  return {{"mean", mean}, {"sd", sd}};
}

} // namespace imnn::lfi

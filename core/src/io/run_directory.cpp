#include "imnn/run_directory.h"

#include "imnn/error.h"
#include "imnn/json_reader.h"

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <fstream>
#include <iomanip>
#include <iterator>
#include <sstream>
#include <unistd.h>

namespace imnn {

namespace fs = std::filesystem;

void write_file_atomically(const fs::path &path, const std::string &content) {
  const fs::path tmp = path.string() + ".tmp";
  auto fail = [&](const char *what) {
    const std::string msg = std::strerror(errno);
    ::unlink(tmp.c_str());
    throw Error(std::string("cannot ") + what + " " + path.string() + ": " + msg +
                " (check free disk space and permissions; the previous file is unchanged)");
  };
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) fail("create a temporary file for");
  std::size_t done = 0;
  while (done < content.size()) {
    const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      ::close(fd);
      fail("write");
    }
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0) {
    ::close(fd);
    fail("flush");
  }
  if (::close(fd) != 0) fail("close");
  if (::rename(tmp.c_str(), path.c_str()) != 0) fail("rename the temporary file onto");
}

std::string default_run_directory(const std::string &name) {
  const std::time_t now = std::time(nullptr);
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", std::localtime(&now));
  return "runs/" + name + "-" + stamp;
}

nlohmann::json matrix_to_json(const Eigen::MatrixXd &m) {
  nlohmann::json rows = nlohmann::json::array();
  for (Eigen::Index i = 0; i < m.rows(); ++i) {
    nlohmann::json row = nlohmann::json::array();
    for (Eigen::Index j = 0; j < m.cols(); ++j)
      row.push_back(m(i, j));
    rows.push_back(row);
  }
  return rows;
}

std::vector<std::string> recorded_plugin_dirs(const fs::path &run) {
  std::error_code ec;
  const fs::path dir = fs::is_directory(run, ec) ? run : run.parent_path();
  std::ifstream in(dir / "config.json");
  if (!in) return {};
  try {
    const nlohmann::json j = parse_json_text(
        std::string{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()},
        (dir / "config.json").string());
    std::vector<std::string> out;
    if (j.is_object() && j.contains("plugin_dirs") && j["plugin_dirs"].is_array())
      for (const auto &d : j["plugin_dirs"])
        if (d.is_string()) out.push_back(d.get<std::string>());
    return out;
  } catch (const Error &) {
    return {}; // the run's own loading reports a damaged config.json
  }
}

// ---------------------------------------------------------------------------------
const char *RunDirectory::history_header() {
  return "iteration,detF,detC,detinvC,Lambda2,r,loss,val_detF,val_detC,val_detinvC,val_Lambda2,"
         "val_r,seconds";
}

RunDirectory::RunDirectory(fs::path dir) : dir_(std::move(dir)) {}

RunDirectory RunDirectory::create(const fs::path &dir, const RunConfig &config) {
  std::error_code ec;
  if (fs::exists(dir, ec) && !fs::is_empty(dir, ec))
    throw Error("run directory " + dir.string() +
                " already exists and is not empty; to continue the run there use `imnn fit "
                "--resume " +
                dir.string() +
                "`, otherwise choose another --run-dir or remove it (a run is never "
                "overwritten)");
  fs::create_directories(dir, ec);
  if (ec) throw Error("cannot create run directory " + dir.string() + ": " + ec.message());
  RunDirectory run(dir);
  write_file_atomically(dir / "config.json", config.to_json().dump(2) + "\n");
  run.history_.open(dir / "history.csv", std::ios::out | std::ios::trunc);
  if (!run.history_) throw Error("cannot write " + (dir / "history.csv").string());
  run.history_ << history_header() << "\n";
  run.history_.flush();
  return run;
}

RunDirectory RunDirectory::reopen(const fs::path &dir,
                                  const std::vector<IterationRecord> &history) {
  std::string content = std::string(history_header()) + "\n";
  for (const auto &r : history)
    content += history_row(r);
  write_file_atomically(dir / "history.csv", content);
  RunDirectory run(dir);
  run.history_.open(dir / "history.csv", std::ios::out | std::ios::app);
  if (!run.history_) throw Error("cannot append to " + (dir / "history.csv").string());
  return run;
}

RunDirectory RunDirectory::attach(const fs::path &dir) {
  return RunDirectory(dir);
}

void RunDirectory::append(const IterationRecord &r) {
  history_ << history_row(r);
  history_.flush();
  if (!history_)
    throw Error("cannot append to " + (dir_ / "history.csv").string() +
                " (disk full?); the fit stops here with its weights intact");
}

std::string RunDirectory::history_row(const IterationRecord &r) {
  std::ostringstream s;
  s << std::setprecision(9);
  auto num = [&](double v) {
    if (std::isnan(v))
      s << ",nan";
    else
      s << "," << v;
  };
  s << r.iteration;
  num(r.train.detF);
  num(r.train.detC);
  num(r.train.detinvC);
  num(r.train.Lambda2);
  num(r.train.r);
  num(r.loss);
  num(r.val.detF);
  num(r.val.detC);
  num(r.val.detinvC);
  num(r.val.Lambda2);
  num(r.val.r);
  num(r.seconds);
  s << "\n";
  return s.str();
}

void RunDirectory::write_result(const nlohmann::json &result) const {
  write_file_atomically(dir_ / "result.json", result.dump(2) + "\n");
}

void RunDirectory::write_model(const TrainedModel &model) const {
  model.save(dir_ / "model.json");
}

} // namespace imnn

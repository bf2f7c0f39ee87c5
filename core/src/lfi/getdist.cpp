// GetDist chain output: <root>_1.txt ("weight -log(post) theta..." per sample, full
// precision), <root>.paramnames (one name per line) and <root>.ranges (name low high).
#include "lfi/lfi_internal.h"

#include <charconv>
#include <fstream>

namespace imnn::lfi {

namespace {

void put(std::ostream &os, double v) {
  char buf[40];
  const auto r = std::to_chars(buf, buf + sizeof buf, v); // shortest round-trip form
  os.write(buf, r.ptr - buf);
}

std::filesystem::path with_suffix(const std::filesystem::path &root, const std::string &suffix) {
  return std::filesystem::path(root.string() + suffix);
}

void finish(std::ofstream &os, const std::filesystem::path &file) {
  os.flush();
  if (!os)
    throw Error("GetDist output: could not write " + file.string() +
                ": check that the folder exists, is writable and the disk is not full");
  os.close();
  if (os.fail()) throw Error("GetDist output: could not close " + file.string());
}

std::ofstream open(const std::filesystem::path &file) {
  std::ofstream os(file, std::ios::out | std::ios::trunc);
  if (!os)
    throw Error("GetDist output: cannot create " + file.string() +
                ": check that the folder exists and is writable");
  return os;
}

} // namespace

void write_getdist(const std::filesystem::path &root, const MatrixD &samples,
                   const std::vector<double> &weights, const std::vector<double> &minus_log_post,
                   const std::vector<std::string> &names, const std::vector<double> &low,
                   const std::vector<double> &high) {
  const Index n = samples.rows(), p = samples.cols();
  const auto un = static_cast<std::size_t>(n), up = static_cast<std::size_t>(p);
  if (root.empty()) throw Error("GetDist output: the file root is empty: give a path prefix");
  if (!weights.empty() && weights.size() != un)
    throw Error("GetDist output: " + std::to_string(weights.size()) + " weights for " +
                std::to_string(n) + " samples: give one weight per sample (or none for 1s)");
  if (!minus_log_post.empty() && minus_log_post.size() != un)
    throw Error("GetDist output: " + std::to_string(minus_log_post.size()) +
                " -log(post) values for " + std::to_string(n) +
                " samples: give one per sample (or none for 0s)");
  if (names.size() != up)
    throw Error("GetDist output: " + std::to_string(names.size()) + " parameter names for " +
                std::to_string(p) + " columns: give one name per parameter");
  for (const auto &name : names)
    if (name.empty() || name.find_first_of(" \t\r\n") != std::string::npos)
      throw Error("GetDist output: parameter name \"" + name +
                  "\" is empty or contains white space: GetDist names are single words");
  if (low.size() != up || high.size() != up)
    throw Error("GetDist output: ranges need one low and one high per parameter (" +
                std::to_string(p) + "), got " + std::to_string(low.size()) + " and " +
                std::to_string(high.size()));

  {
    const auto file = with_suffix(root, "_1.txt");
    auto os = open(file);
    for (Index i = 0; i < n; ++i) {
      put(os, weights.empty() ? 1.0 : weights[static_cast<std::size_t>(i)]);
      os << ' ';
      put(os, minus_log_post.empty() ? 0.0 : minus_log_post[static_cast<std::size_t>(i)]);
      for (Index a = 0; a < p; ++a) {
        os << ' ';
        put(os, samples(i, a));
      }
      os << '\n';
    }
    finish(os, file);
  }
  {
    const auto file = with_suffix(root, ".paramnames");
    auto os = open(file);
    for (const auto &name : names)
      os << name << '\n';
    finish(os, file);
  }
  {
    const auto file = with_suffix(root, ".ranges");
    auto os = open(file);
    for (std::size_t a = 0; a < up; ++a) {
      os << names[a] << ' ';
      put(os, low[a]);
      os << ' ';
      put(os, high[a]);
      os << '\n';
    }
    finish(os, file);
  }
}

} // namespace imnn::lfi

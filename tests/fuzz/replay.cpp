// A main() for the fuzz targets without libFuzzer, built by the project's compiler in
// the default build: runs every file of the given corpus folders (or files) through
// LLVMFuzzerTestOneInput, then -runs=N deterministic mutations of them (bit flips,
// interesting bytes, erased, inserted, duplicated or truncated ranges, 1 to 4 per
// input; -seed=S picks another sequence). CTest runs each target this way over
// tests/fuzz/corpus/<target>; a finding aborts, which fails the test, and the input is
// written to ./replay-crash-<target> first so it can be added to the corpus.
#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size);

namespace {

namespace fs = std::filesystem;

std::uint64_t rng_state = 0x9e3779b97f4a7c15ull;
std::uint64_t next_random() { // xorshift64*
  rng_state ^= rng_state >> 12;
  rng_state ^= rng_state << 25;
  rng_state ^= rng_state >> 27;
  return rng_state * 2685821657736338717ull;
}
std::size_t below(std::size_t n) {
  return n == 0 ? 0 : static_cast<std::size_t>(next_random() % n);
}

void mutate(std::vector<std::uint8_t> &b) {
  static const std::uint8_t interesting[] = {0,   1,   0x7f, 0x80, 0xff, '0', '9', '-', ',',
                                             '[', ']', '{',  '}',  '"',  ':', 'e', '.', ' '};
  const std::size_t steps = 1 + below(4);
  for (std::size_t s = 0; s < steps; ++s) {
    switch (below(7)) {
    case 0:
      if (!b.empty()) b[below(b.size())] ^= static_cast<std::uint8_t>(1u << below(8));
      break;
    case 1:
      if (!b.empty()) b[below(b.size())] = interesting[below(sizeof interesting)];
      break;
    case 2:
      if (!b.empty()) b[below(b.size())] = static_cast<std::uint8_t>(next_random());
      break;
    case 3: { // erase a range
      if (b.empty()) break;
      const std::size_t at = below(b.size()),
                        n = 1 + below(std::min<std::size_t>(16, b.size() - at));
      b.erase(b.begin() + static_cast<std::ptrdiff_t>(at),
              b.begin() + static_cast<std::ptrdiff_t>(at + n));
      break;
    }
    case 4: { // insert random bytes
      const std::size_t at = below(b.size() + 1), n = 1 + below(8);
      std::vector<std::uint8_t> ins(n);
      for (auto &c : ins)
        c = static_cast<std::uint8_t>(next_random());
      b.insert(b.begin() + static_cast<std::ptrdiff_t>(at), ins.begin(), ins.end());
      break;
    }
    case 5: { // duplicate a range
      if (b.empty()) break;
      const std::size_t from = below(b.size()),
                        n = 1 + below(std::min<std::size_t>(32, b.size() - from));
      const std::vector<std::uint8_t> copy(b.begin() + static_cast<std::ptrdiff_t>(from),
                                           b.begin() + static_cast<std::ptrdiff_t>(from + n));
      const std::size_t at = below(b.size() + 1);
      b.insert(b.begin() + static_cast<std::ptrdiff_t>(at), copy.begin(), copy.end());
      break;
    }
    default: // truncate
      b.resize(below(b.size() + 1));
    }
  }
}

std::string crash_file;
std::vector<std::uint8_t> current;

void save_current(int sig) {
  if (std::FILE *f = std::fopen(crash_file.c_str(), "wb")) {
    if (!current.empty()) std::fwrite(current.data(), 1, current.size(), f);
    std::fclose(f);
  }
  std::signal(sig, SIG_DFL);
  std::raise(sig);
}

void run(const std::vector<std::uint8_t> &input) {
  current = input;
  LLVMFuzzerTestOneInput(current.data(), current.size());
}

} // namespace

int main(int argc, char **argv) {
  long long runs = 0;
  std::vector<std::vector<std::uint8_t>> corpus;
  const std::string target = fs::path(argv[0]).filename().string();
  crash_file = "replay-crash-" + target;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a.rfind("-runs=", 0) == 0) {
      runs = std::atoll(a.c_str() + 6);
      continue;
    }
    if (a.rfind("-seed=", 0) == 0) {
      rng_state ^= std::strtoull(a.c_str() + 6, nullptr, 10) * 0x9e3779b97f4a7c15ull + 1;
      continue;
    }
    std::vector<fs::path> files;
    if (fs::is_directory(a)) {
      for (const auto &e : fs::directory_iterator(a))
        if (e.is_regular_file()) files.push_back(e.path());
      std::sort(files.begin(), files.end());
    } else {
      files.emplace_back(a);
    }
    for (const auto &f : files) {
      std::ifstream in(f, std::ios::binary);
      if (!in) {
        std::fprintf(stderr, "%s: cannot read %s\n", target.c_str(), f.c_str());
        return 2;
      }
      corpus.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
  }
  if (corpus.empty()) {
    std::fprintf(stderr, "usage: %s [-runs=N] [-seed=S] CORPUS_DIR_OR_FILE...\n", target.c_str());
    return 2;
  }
  std::signal(SIGABRT, save_current);
  std::signal(SIGSEGV, save_current);
  std::signal(SIGBUS, save_current);
  std::signal(SIGFPE, save_current);
  const auto start = std::chrono::steady_clock::now();
  for (const auto &input : corpus)
    run(input);
  for (long long r = 0; r < runs; ++r) {
    std::vector<std::uint8_t> b = corpus[below(corpus.size())];
    mutate(b);
    run(b);
  }
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("%s: %zu corpus inputs and %lld mutations ran in %.2f s without a finding\n",
              target.c_str(), corpus.size(), runs, s);
  return 0;
}

// Fitting across MPI ranks (issue 13): iterations per second of `mpirun -n K imnn fit`
// for K = 1..4 with a stand-in expensive simulator (the test plugin nan_gaussian with
// {"stand_in_cost_sleep_ms": T}: every simulation sleeps T ms, as an N-body code on
// its own node would take its time without using this machine's 2 cores), and the
// time per iteration spent in MPI collectives (result.json aggregation
// communication_seconds: the all-gathers of summaries and gradients, the stop and
// error agreements, and the waits for the slowest rank).
//   strong scaling: n_s = 96 (4 chunks of 24) on 1..4 ranks
//   weak scaling:   n_s = 48 K (2 K chunks of 24) on K ranks
// Run: build/bin/bench_mpi [sleep_ms (2)] [iterations (10)]. As root, set
// OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 (done here).
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

struct Measure {
  double it_per_s = 0, comm_ms = 0;
  bool ok = false;
};

Measure run(const fs::path &dir, char kind, int ranks, long n_s, int sleep_ms, int iterations) {
  std::ostringstream name;
  name << kind << "_k" << ranks << "_n" << n_s;
  const fs::path cfg = dir / (name.str() + ".json");
  const fs::path out = dir / ("run_" + name.str());
  nlohmann::json c = {
      {"name", "bench_mpi"},
      {"simulator",
       {{"plugin", "nan_gaussian"}, {"options", {{"stand_in_cost_sleep_ms", sleep_ms}}}}},
      {"plugin_dirs", {IMNN_TEST_PLUGIN_DIR "/fit"}},
      {"seed", 1},
      {"network", {{"plugin", "mlp"}, {"options", {{"hidden", {32, 32}}}}}},
      {"n_s", n_s},
      {"n_d", n_s},
      {"n_per_device", 24},
      {"fit",
       {{"min_iterations", 0},
        {"patience", 1000},
        {"max_iterations", iterations},
        {"n_validation", n_s},
        {"n_statistics", 24},
        {"checkpoint_every", 0}}}};
  std::ofstream(cfg) << c.dump(2);
  // (A stream, not operator+: GCC 12 warns falsely (-Wrestrict) on that chain.)
  std::ostringstream cmd;
  cmd << IMNN_MPIEXEC << " --oversubscribe -n " << ranks << " " << IMNN_CLI_PATH << " fit "
      << cfg.string() << " --run-dir " << out.string() << " --threads 1 --quiet > /dev/null";
  Measure m;
  if (std::system(cmd.str().c_str()) != 0) return m;
  std::ifstream in(out / "result.json");
  const auto r = nlohmann::json::parse(in);
  const double seconds = r["seconds"].get<double>();
  const int its = r["iterations"].get<int>();
  m.it_per_s = its / seconds;
  m.comm_ms = 1000.0 * r["aggregation"]["communication_seconds"].get<double>() / its;
  m.ok = true;
  return m;
}

} // namespace

int main(int argc, char **argv) {
  const int sleep_ms = argc > 1 ? std::atoi(argv[1]) : 2;
  const int iterations = argc > 2 ? std::atoi(argv[2]) : 10;
  setenv("IMNN_PLUGIN_PATH", IMNN_PLUGIN_BUILD_DIR, 1);
  setenv("OMPI_ALLOW_RUN_AS_ROOT", "1", 0);
  setenv("OMPI_ALLOW_RUN_AS_ROOT_CONFIRM", "1", 0);
  setenv("OMP_WAIT_POLICY", "passive", 0);
  const fs::path dir = fs::temp_directory_path() / ("bench_mpi_" + std::to_string(getpid()));
  fs::create_directories(dir);
  std::printf("stand-in expensive simulator: %d ms per simulation (sleep), mlp [32, 32], "
              "%d iterations, validation on, one thread per rank\n",
              sleep_ms, iterations);
  for (const char *kind : {"strong (n_s = 96)", "weak (n_s = 48 K)"}) {
    std::printf("\n%s\n ranks   it/s   speed-up   comm ms/it\n", kind);
    double base = 0;
    for (int k = 1; k <= 4; ++k) {
      const long n_s = kind[0] == 's' ? 96 : 48L * k;
      const Measure m = run(dir, kind[0], k, n_s, sleep_ms, iterations);
      if (!m.ok) {
        std::printf("%5d   failed (see the mpirun output above)\n", k);
        continue;
      }
      if (k == 1) base = m.it_per_s;
      std::printf("%5d %7.2f %9.2f %11.2f\n", k, m.it_per_s, base > 0 ? m.it_per_s / base : 0.0,
                  m.comm_ms);
    }
  }
  std::error_code ec;
  fs::remove_all(dir, ec);
  return 0;
}

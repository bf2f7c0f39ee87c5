// `imnn simulate`: makes data sets for the array modes (gradient, numerical) from
// any simulator plugin at θ_fid, with a ready-to-fit config next to the arrays.
#include "imnn/arrays.h"
#include "imnn/communicator.h"
#include "imnn/error.h"
#include "imnn/json_reader.h"
#include "imnn/plugins.h"
#include "imnn/session.h"
#include "imnn/sources.h"

#include "commands.h"

#include <chrono>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>

namespace imnn::cli {

void add_simulate_command(CLI::App &app, SimulateOptions &o) {
  auto *cmd = app.add_subcommand(
      "simulate",
      "Simulate a fixed data set for the array modes from a simulator plugin at theta_fid: "
      "fiducial.npy (n, *input_shape), derivative.npy ((n_d, *input_shape, n_params) for "
      "--mode gradient, from the plugin's Jacobian; (n_d, 2, n_params, *input_shape) at "
      "theta_fid -+ delta_theta/2 for --mode numerical), the same pair prefixed validation_ "
      "(unless --n-validation 0), and config.json that fits them (`imnn fit "
      "OUTPUT/config.json`). With --format h5 the arrays are the datasets /fiducial, "
      "/derivative, ... of OUTPUT/data.h5. Under mpirun the ranks share the simulations and "
      "rank 0 writes the files (the same bytes for any number of ranks).");
  cmd->add_option("source", o.source,
                  "A simulator plugin name (`imnn plugins` lists them) or a config file whose "
                  "simulator, theta_fid, delta_theta, n_s, n_d, seed, network, optimiser and "
                  "fit settings are used")
      ->required();
  cmd->add_option("--mode", o.mode, "gradient or numerical")
      ->required()
      ->check(CLI::IsMember({"gradient", "numerical"}));
  cmd->add_option("--output,-o", o.output, "Folder to write; must not exist or be empty")
      ->required();
  cmd->add_option("--format", o.format,
                  "npy (one .npy file per array, the default) or h5 (one HDF5 file, data.h5)")
      ->check(CLI::IsMember({"npy", "h5"}));
  cmd->add_option("-n,--n-s", o.n_s, "Fiducial simulations (default: the config's n_s, or 1000)")
      ->check(CLI::Range(2, 1 << 30));
  cmd->add_option("--n-d", o.n_d, "Of which with derivatives (default: the config's n_d, or n)")
      ->check(CLI::Range(1, 1 << 30));
  cmd->add_option("--n-validation", o.n_validation,
                  "Validation simulations (default: n; 0: no validation set)")
      ->check(CLI::Range(0, 1 << 30));
  cmd->add_option("--n-validation-d", o.n_validation_d,
                  "Validation simulations with derivatives (default: min(n_d, n-validation))")
      ->check(CLI::Range(1, 1 << 30));
  cmd->add_option("--seed", o.seed, "Seed (default: the config's, or 0)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--theta-fid", o.theta_fid, "Fiducial parameters (default: the plugin's)")
      ->delimiter(',');
  cmd->add_option("--delta-theta", o.delta_theta,
                  "Finite-difference separations for --mode numerical (default: the plugin's)")
      ->delimiter(',');
  cmd->add_option("--options", o.options,
                  "Simulator options as a JSON object, e.g. '{\"n_data\": 10}'");
  cmd->add_option("--plugin-dir", o.plugin_dirs,
                  "Extra plugin folder, searched first (repeatable)");
}

namespace {

void write_set(const std::filesystem::path &folder, const std::string &prefix,
               const SimulatedArrays &a, std::vector<NamedArray> *h5) {
  if (h5) {
    h5->push_back({"/" + prefix + "fiducial", a.fiducial_shape, a.fiducial.data()});
    h5->push_back({"/" + prefix + "derivative", a.derivative_shape, a.derivative.data()});
    return;
  }
  save_npy(folder / (prefix + "fiducial.npy"), a.fiducial_shape, a.fiducial.data());
  save_npy(folder / (prefix + "derivative.npy"), a.derivative_shape, a.derivative.data());
}

std::string shape_text(const std::vector<Index> &shape) {
  std::string s = "(";
  for (std::size_t i = 0; i < shape.size(); ++i)
    s += (i ? ", " : "") + std::to_string(shape[i]);
  return s + ")";
}

} // namespace

int run_simulate(const SimulateOptions &o, const std::shared_ptr<Communicator> &comm) {
  // Under several ranks every rank reads the config and makes its share of the
  // simulations; rank 0 alone checks and writes the output folder and prints.
  const bool lead = comm->rank() == 0;
  try {
    std::exception_ptr setup_error;
    RunConfig config;
    std::shared_ptr<Simulator> simulator;
    bool gradient = false;
    Index n_val = 0, n_val_d = 0;
    std::filesystem::path folder(o.output);
    try {
      const bool from_config = std::filesystem::is_regular_file(o.source);
      if (from_config) {
        config = RunConfig::load(o.source);
        if (config.simulator.plugin.empty())
          throw Error(o.source + " names no simulator plugin; `imnn simulate` needs one");
        if (config.mode != "auto" && config.mode != "simulator" &&
            config.mode != "simulator-numerical")
          throw Error(o.source + " is a config of mode \"" + config.mode +
                      "\"; give a config that simulates (or a plugin name)");
      } else {
        config = RunConfig::from_json({{"simulator", o.source}});
      }
      if (!o.options.empty()) {
        config.simulator.options = parse_json_text(o.options, "--options");
      }
      for (const auto &d : o.plugin_dirs)
        config.plugin_dirs.push_back(d);
      if (o.n_s > 0) config.n_s = o.n_s;
      if (o.n_d > 0)
        config.n_d = o.n_d;
      else if (!from_config || config.n_d > config.n_s)
        config.n_d = config.n_s;
      if (config.n_d > config.n_s)
        throw Error("--n-d (" + std::to_string(config.n_d) + ") must not exceed n (" +
                    std::to_string(config.n_s) + ")");
      if (o.seed >= 0) config.seed = static_cast<std::uint64_t>(o.seed);
      if (!o.theta_fid.empty()) config.theta_fid = o.theta_fid;
      if (!o.delta_theta.empty()) config.delta_theta = o.delta_theta;
      config.mode = "simulator-numerical"; // resolves for any plugin; gradient is checked below
      config.data = {};
      const PluginRegistry registry = scan_plugins(config.plugin_dirs);
      config.resolve(registry);
      simulator = registry.create_simulator(config.simulator.plugin, config.simulator.options,
                                            config.simulator.isolation());
      gradient = o.mode == "gradient";
      if (gradient && !simulator->has_jacobian())
        throw Error("simulator \"" + config.simulator.plugin +
                    "\" provides no Jacobian, so --mode gradient cannot make derivatives; use "
                    "--mode numerical (simulations at theta_fid -+ delta_theta/2)");
      n_val = o.n_validation >= 0 ? o.n_validation : config.n_s;
      n_val_d = o.n_validation_d > 0 ? o.n_validation_d : std::min(config.n_d, n_val);
      if (n_val == 1) throw Error("--n-validation must be 0 (none) or at least 2");
      if (n_val > 0 && n_val_d > n_val)
        throw Error("--n-validation-d must not exceed --n-validation");

      if (lead) {
        if (std::filesystem::exists(folder) && !std::filesystem::is_empty(folder))
          throw Error("output folder " + folder.string() +
                      " exists and is not empty; choose a new folder (nothing is overwritten)");
        std::filesystem::create_directories(folder);
      }
    } catch (...) {
      setup_error = std::current_exception();
    }
    agree_on_error(*comm, setup_error);
    const DerivativeKind kind =
        gradient ? DerivativeKind::tangent : DerivativeKind::finite_difference;
    const bool h5 = o.format == "h5";
    std::vector<NamedArray> datasets;
    const auto t0 = std::chrono::steady_clock::now();
    const auto train =
        simulate_arrays(simulator, kind, config.theta_fid, config.delta_theta, config.seed,
                        SeedStream::training, {config.n_s, config.n_d}, comm.get());
    SimulatedArrays val;
    if (n_val > 0)
      val = simulate_arrays(simulator, kind, config.theta_fid, config.delta_theta, config.seed,
                            SeedStream::validation, {n_val, n_val_d}, comm.get());
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (!lead) return 0;
    write_set(folder, "", train, h5 ? &datasets : nullptr);
    if (n_val > 0) write_set(folder, "validation_", val, h5 ? &datasets : nullptr);
    if (h5) save_hdf5(folder / "data.h5", datasets);
    const std::string where = h5 ? (folder / "data.h5").string() : folder.string();
    std::printf("%s: fiducial %s, derivative %s\n", where.c_str(),
                shape_text(train.fiducial_shape).c_str(),
                shape_text(train.derivative_shape).c_str());
    if (n_val > 0)
      std::printf("%s: validation_fiducial %s, validation_derivative %s\n", where.c_str(),
                  shape_text(val.fiducial_shape).c_str(), shape_text(val.derivative_shape).c_str());
    const double sims = static_cast<double>(
        (config.n_s +
         config.n_d * (gradient ? 0 : 2 * static_cast<Index>(config.theta_fid.size()))) +
        (n_val > 0
             ? n_val + n_val_d * (gradient ? 0 : 2 * static_cast<Index>(config.theta_fid.size()))
             : 0));
    std::printf("%.0f simulations in %.2f s (%.1f/s) on %d rank%s\n", sims, seconds,
                seconds > 0 ? sims / seconds : 0.0, comm->size(), comm->size() > 1 ? "s" : "");

    // A config that fits these arrays (paths relative to its folder).
    RunConfig fit = config;
    fit.mode = o.mode;
    fit.mode_reason.clear();
    fit.simulator = {};
    const auto data_path = [&](const std::string &name) {
      return h5 ? "data.h5:/" + name : name + ".npy";
    };
    fit.data.fiducial = data_path("fiducial");
    fit.data.derivative = data_path("derivative");
    if (n_val > 0) {
      fit.data.validation_fiducial = data_path("validation_fiducial");
      fit.data.validation_derivative = data_path("validation_derivative");
    }
    if (gradient) fit.delta_theta.clear();
    nlohmann::json j = fit.to_json();
    j.erase("mode_reason");
    j["fit"].erase("n_validation");
    j["fit"].erase("n_validation_d");
    j["fit"].erase("n_statistics");
    j["fit"]["validation"] = n_val > 0;
    {
      std::ofstream out(folder / "config.json");
      out << j.dump(2) << "\n";
      if (!out) throw Error("cannot write " + (folder / "config.json").string());
    }
    std::printf("%s: config.json (mode %s): fit it with `imnn fit %s`\n", folder.c_str(),
                o.mode.c_str(), (folder / "config.json").c_str());
    return 0;
  } catch (const std::exception &e) {
    if (comm->size() > 1 && e.what() != comm->agreed_error()) {
      // This rank's alone (rank 0 writing the files): the others have finished.
      std::fprintf(stderr, "error: rank %d: %s\n", comm->rank(), e.what());
      return 1;
    }
    if (lead) std::fprintf(stderr, "error: %s\n", e.what());
    return 1;
  }
}

} // namespace imnn::cli

// Choosing the fitting mode (imnn-spec §3.7): "auto" picks it from what the config
// provides, as the reference factory does; explicit modes are checked for what they
// need. Every refusal names the key and the fix.
#include "imnn/config.h"
#include "imnn/error.h"
#include "imnn/plugins.h"

namespace imnn {

const std::vector<std::string> &fitting_modes() {
  static const std::vector<std::string> modes = {"auto", "simulator", "simulator-numerical",
                                                 "gradient", "numerical"};
  return modes;
}

namespace {

const char *kNoInput = "no simulator plugin given and no data arrays; set simulator (e.g. "
                       "\"gaussian_mean_variance\"; `imnn plugins` lists the installed ones) "
                       "to simulate on the fly, or data.fiducial and data.derivative for fixed "
                       "arrays (`imnn simulate` makes them)";

void check_pairs(const DataFiles &d) {
  if (d.fiducial.empty() != d.derivative.empty()) {
    const bool fid = !d.fiducial.empty();
    throw ConfigError(fid ? "data.derivative" : "data.fiducial",
                      std::string(fid ? "data.fiducial" : "data.derivative") + " is given but " +
                          (fid ? "data.derivative" : "data.fiducial") +
                          " is not; the array modes need both the fiducial simulations and "
                          "their derivatives");
  }
  if (d.fiducial.empty())
    throw ConfigError("data.fiducial", "only validation arrays are given; give data.fiducial and "
                                       "data.derivative (the training set) too");
  if (d.validation_fiducial.empty() != d.validation_derivative.empty()) {
    const bool fid = !d.validation_fiducial.empty();
    throw ConfigError(fid ? "data.validation_derivative" : "data.validation_fiducial",
                      std::string(fid ? "data.validation_fiducial" : "data.validation_derivative") +
                          " is given without " +
                          (fid ? "data.validation_derivative" : "data.validation_fiducial") +
                          "; validation needs both arrays (or neither)");
  }
}

bool is_simulator_mode(const std::string &mode) {
  return mode == "simulator" || mode == "simulator-numerical";
}

} // namespace

void select_mode(RunConfig &c, const SimulatorInfo *sim) {
  const bool has_sim = !c.simulator.plugin.empty();
  const bool has_data = !c.data.empty();
  if (c.mode == "auto") {
    if (has_sim && has_data)
      throw ConfigError("data", "both a simulator (\"" + c.simulator.plugin +
                                    "\") and data arrays are given; keep the simulator to "
                                    "simulate on the fly, or remove it to fit the fixed arrays "
                                    "in data, not both");
    if (has_sim) {
      if (!sim) return; // decided by resolve(), which knows whether it has a Jacobian
      if (sim->has_jacobian) {
        c.mode = "simulator";
        c.mode_reason = "auto: simulator \"" + sim->name +
                        "\" provides its Jacobian, so dx/dtheta comes from forward-mode "
                        "tangents through the network";
      } else {
        c.mode = "simulator-numerical";
        c.mode_reason = "auto: simulator \"" + sim->name +
                        "\" has no Jacobian, so dx/dtheta comes from seed-matched simulations "
                        "at theta_fid +- delta_theta/2";
      }
      return;
    }
    if (!has_data) throw ConfigError("simulator.plugin", kNoInput);
    check_pairs(c.data);
    if (!c.delta_theta.empty()) {
      c.mode = "numerical";
      c.mode_reason = "auto: data arrays and delta_theta are given, so data.derivative holds "
                      "simulations at theta_fid -+ delta_theta/2, shape (n_d, 2, n_params, "
                      "*input_shape)";
    } else {
      c.mode = "gradient";
      c.mode_reason = "auto: data arrays without delta_theta are given, so data.derivative "
                      "holds dd/dtheta, shape (n_d, *input_shape, n_params)";
    }
    return;
  }
  if (c.mode_reason.empty() || c.mode_reason.rfind("auto:", 0) != 0)
    c.mode_reason = "set in the config";
  if (is_simulator_mode(c.mode)) {
    if (!has_sim)
      throw ConfigError("simulator.plugin",
                        "no simulator plugin given; mode \"" + c.mode +
                            "\" simulates on the fly: set it, e.g. \"gaussian_mean_variance\" "
                            "(`imnn plugins` lists the installed ones)");
    if (has_data)
      throw ConfigError("data", "mode \"" + c.mode +
                                    "\" simulates on the fly and reads no arrays; remove "
                                    "`data`, or use mode \"gradient\" or \"numerical\" "
                                    "without a simulator");
    if (sim && c.mode == "simulator" && !sim->has_jacobian)
      throw ConfigError("mode", "mode \"simulator\" needs the simulator's Jacobian but \"" +
                                    sim->name +
                                    "\" provides no simulate_with_jacobian; use mode "
                                    "\"simulator-numerical\" (finite differences of "
                                    "seed-matched simulations) or \"auto\"");
    return;
  }
  if (has_sim)
    throw ConfigError("simulator", "mode \"" + c.mode +
                                       "\" fits fixed arrays and uses no simulator; remove "
                                       "`simulator` (set theta_fid instead), or use mode "
                                       "\"simulator\" / \"simulator-numerical\"");
  if (!has_data)
    throw ConfigError("data.fiducial", "mode \"" + c.mode +
                                           "\" needs data.fiducial and data.derivative (array "
                                           "files; `imnn simulate` makes them)");
  check_pairs(c.data);
  if (c.mode == "numerical" && c.delta_theta.empty())
    throw ConfigError("delta_theta",
                      "mode \"numerical\" needs the separations of the perturbed simulations "
                      "(they are at theta_fid -+ delta_theta/2); set delta_theta, one value "
                      "per parameter");
}

} // namespace imnn

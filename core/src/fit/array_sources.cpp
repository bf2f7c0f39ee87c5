// The array modes' data (imnn-spec §3.2, §3.3): shape checks that name the file,
// the expected axes and, when the user mixed the two derivative layouts up, the
// layout the other mode expects; finite-value checks that name the array and the
// simulation; and the choice of source for a resolved config.
#include "imnn/aggregate.h"
#include "imnn/communicator.h"
#include "imnn/error.h"
#include "imnn/plugins.h"
#include "imnn/sources.h"
#include "imnn/streamed_source.h"

#include <algorithm>
#include <cmath>
#include <exception>

namespace imnn {

namespace {

std::vector<std::string> input_axis_names(std::size_t rank) {
  if (rank == 1) return {"input"};
  std::vector<std::string> names;
  for (std::size_t i = 0; i < rank; ++i)
    names.push_back("input_" + std::to_string(i));
  return names;
}

bool matches(const std::vector<Index> &found, const std::vector<Index> &expected) {
  if (found.size() != expected.size()) return false;
  for (std::size_t i = 0; i < found.size(); ++i)
    if (expected[i] >= 0 && expected[i] != found[i]) return false;
  return true;
}

bool is_validation(const std::string &key) {
  return key.find("validation") != std::string::npos;
}

ArrayInfo inspect_for(const std::string &path, const std::string &key) {
  try {
    return inspect_array(path);
  } catch (const Error &e) {
    throw ConfigError(key, e.what());
  }
}

void check_fiducial(const ArrayInfo &info, Index n, const std::vector<Index> &input_shape,
                    const std::string &key) {
  std::vector<Index> expected{n};
  std::vector<std::string> names{is_validation(key) ? "n_validation" : "n_s"};
  expected.insert(expected.end(), input_shape.begin(), input_shape.end());
  for (auto &a : input_axis_names(input_shape.size()))
    names.push_back(a);
  try {
    check_shape(info, expected, names);
  } catch (const Error &e) {
    throw ConfigError(key, std::string(e.what()) +
                               (is_validation(key)
                                    ? "; the validation simulations must have the training "
                                      "simulations' input shape"
                                    : "; set n_s to the number of fiducial simulations, or "
                                      "remake the array"));
  }
}

void check_derivative(DerivativeKind kind, const ArrayInfo &info, Index n_d, Index p,
                      const std::vector<Index> &in, const std::string &key) {
  const bool tangent = kind == DerivativeKind::tangent;
  std::vector<Index> expected{n_d}, other{-1};
  std::vector<std::string> names{is_validation(key) ? "n_validation_d" : "n_d"};
  const auto in_names = input_axis_names(in.size());
  if (tangent) {
    expected.insert(expected.end(), in.begin(), in.end());
    expected.push_back(p);
    names.insert(names.end(), in_names.begin(), in_names.end());
    names.push_back("n_params");
    other.insert(other.end(), {2, p});
    other.insert(other.end(), in.begin(), in.end());
  } else {
    expected.insert(expected.end(), {2, p});
    expected.insert(expected.end(), in.begin(), in.end());
    names.insert(names.end(), {"below/above", "n_params"});
    names.insert(names.end(), in_names.begin(), in_names.end());
    other.insert(other.end(), in.begin(), in.end());
    other.push_back(p);
  }
  try {
    check_shape(info, expected, names);
  } catch (const Error &e) {
    std::string msg = e.what();
    if (matches(info.shape, other))
      msg += tangent ? "; that is the layout of mode \"numerical\" (n_d, below/above=2, n_params, "
                       "*input_shape) of simulations at theta_fid -+ delta_theta/2: set "
                       "delta_theta (mode \"numerical\") to fit it"
                     : "; that is the layout of mode \"gradient\" (n_d, *input_shape, n_params) "
                       "of dd/dtheta: remove delta_theta or set mode \"gradient\" to fit it";
    else if (!is_validation(key) && !info.shape.empty() && info.shape[0] != n_d &&
             matches(std::vector<Index>(info.shape.begin() + 1, info.shape.end()),
                     std::vector<Index>(expected.begin() + 1, expected.end())))
      msg += "; set n_d to the number of derivative simulations, or remake the array";
    else
      msg += tangent ? "; mode \"gradient\" expects dd/dtheta as (n_d, *input_shape, n_params)"
                     : "; mode \"numerical\" expects simulations at theta_fid -+ delta_theta/2 "
                       "as (n_d, below/above=2, n_params, *input_shape)";
    throw ConfigError(key, msg);
  }
}

// NaN/Inf never reaches the optimiser: name the array, the simulation and where in it.
void check_finite(const ArrayD &a, Index per_simulation, const std::string &key, const char *what) {
  for (std::size_t k = 0; k < a.data.size(); ++k)
    if (!std::isfinite(static_cast<float>(a.data[k]))) { // the network reads float32
      const Index i = static_cast<Index>(k) / per_simulation;
      throw NumericalError(key + " (" + a.info.source + "): " + what + " " + std::to_string(i) +
                           " contains NaN, Inf or a value beyond float32's range (value " +
                           std::to_string(static_cast<Index>(k) % per_simulation) +
                           " of that simulation); fix or remove that simulation: it would "
                           "make the Fisher information undefined");
    }
}

DerivativeKind kind_of(const RunConfig &config) {
  return config.mode == "numerical" || config.mode == "simulator-numerical"
             ? DerivativeKind::finite_difference
             : DerivativeKind::tangent;
}

} // namespace

ArrayDataShape inspect_array_data(const RunConfig &config) {
  const DerivativeKind kind = kind_of(config);
  const auto p = static_cast<Index>(config.theta_fid.size());
  const DataFiles &d = config.data;
  ArrayDataShape out;
  const ArrayInfo fi = inspect_for(d.fiducial, "data.fiducial");
  if (fi.shape.size() < 2)
    throw ConfigError("data.fiducial", fi.source +
                                           ": expected shape (n_s, *input_shape) with at "
                                           "least 2 axes but found " +
                                           fi.shape_string());
  out.input_shape.assign(fi.shape.begin() + 1, fi.shape.end());
  check_fiducial(fi, config.n_s, out.input_shape, "data.fiducial");
  check_derivative(kind, inspect_for(d.derivative, "data.derivative"), config.n_d, p,
                   out.input_shape, "data.derivative");
  out.training = {config.n_s, config.n_d};
  if (!d.validation_fiducial.empty()) {
    const ArrayInfo vf = inspect_for(d.validation_fiducial, "data.validation_fiducial");
    check_fiducial(vf, -1, out.input_shape, "data.validation_fiducial");
    const ArrayInfo vd = inspect_for(d.validation_derivative, "data.validation_derivative");
    check_derivative(kind, vd, -1, p, out.input_shape, "data.validation_derivative");
    if (vf.shape[0] < 2)
      throw ConfigError("data.validation_fiducial",
                        vf.source + ": needs at least 2 simulations for a covariance");
    if (vd.shape[0] > vf.shape[0])
      throw ConfigError("data.validation_derivative",
                        vd.source + " has " + std::to_string(vd.shape[0]) + " simulations but " +
                            vf.source + " only " + std::to_string(vf.shape[0]) +
                            "; n_validation_d must not exceed n_validation");
    if (vd.shape[0] < 1)
      throw ConfigError("data.validation_derivative", vd.source + " has no simulations");
    out.validation = {vf.shape[0], vd.shape[0]};
  }
  return out;
}

ArraySet load_array_set(DerivativeKind kind, const std::string &fiducial,
                        const std::string &derivative, Index n, Index n_d, Index p,
                        const std::vector<Index> &input_shape, const std::string &fiducial_key,
                        const std::string &derivative_key) {
  const ArrayD f = load_array(fiducial);
  check_fiducial(f.info, n, input_shape, fiducial_key);
  const ArrayD d = load_array(derivative);
  check_derivative(kind, d.info, n_d, p, input_shape, derivative_key);
  Index size = 1;
  for (Index e : input_shape)
    size *= e;
  ArraySet set;
  set.size = {f.info.shape[0], d.info.shape[0]};
  const bool tangent = kind == DerivativeKind::tangent;
  check_finite(f, size, fiducial_key, "simulation");
  check_finite(d, tangent ? size * p : 2 * p * size, derivative_key,
               tangent ? "the derivative of simulation" : "the perturbed simulations of row");
  n = set.size.n;
  n_d = set.size.n_d;
  set.rows.resize(n + (tangent ? 1 : 2) * p * n_d, size);
  for (Index i = 0; i < n; ++i)
    for (Index e = 0; e < size; ++e)
      set.rows(i, e) = static_cast<float>(f.data[static_cast<std::size_t>(i * size + e)]);
  if (tangent) {
    for (Index i = 0; i < n_d; ++i)
      for (Index e = 0; e < size; ++e)
        for (Index a = 0; a < p; ++a)
          set.rows(n + a * n_d + i, e) =
              static_cast<float>(d.data[static_cast<std::size_t>((i * size + e) * p + a)]);
  } else {
    // (n_d, 2, p, *input) in C order is exactly the finite-difference row order.
    for (Index j = 0; j < 2 * p * n_d; ++j)
      for (Index e = 0; e < size; ++e)
        set.rows(n + j, e) = static_cast<float>(d.data[static_cast<std::size_t>(j * size + e)]);
  }
  return set;
}

std::unique_ptr<SimulationSource>
make_simulation_source(const RunConfig &config, std::shared_ptr<const Simulator> simulator) {
  const DerivativeKind kind = kind_of(config);
  if (!config.array_mode()) {
    if (!simulator)
      throw Error("mode \"" + config.mode + "\" needs a simulator; resolve the config first");
    return std::make_unique<SimulatorSource>(
        std::move(simulator), config.theta_fid, config.seed, kind,
        kind == DerivativeKind::finite_difference ? config.delta_theta : std::vector<double>{});
  }
  const ArrayDataShape shape = inspect_array_data(config);
  const auto p = static_cast<Index>(config.theta_fid.size());
  const bool stream = config.data.stream == "on" ||
                      (config.data.stream == "auto" &&
                       array_input_bytes(config, shape) > config.fit.memory_budget_mb * 1048576.0);
  if (stream)
    return std::make_unique<StreamedArraySource>(
        kind, p,
        kind == DerivativeKind::finite_difference ? config.delta_theta : std::vector<double>{},
        config.data, shape);
  ArraySet training =
      load_array_set(kind, config.data.fiducial, config.data.derivative, config.n_s, config.n_d, p,
                     shape.input_shape, "data.fiducial", "data.derivative");
  ArraySet validation;
  if (shape.validation.n > 0)
    validation = load_array_set(kind, config.data.validation_fiducial,
                                config.data.validation_derivative, -1, -1, p, shape.input_shape,
                                "data.validation_fiducial", "data.validation_derivative");
  return std::make_unique<ArraySource>(
      kind, shape.input_shape, p,
      kind == DerivativeKind::finite_difference ? config.delta_theta : std::vector<double>{},
      std::move(training), std::move(validation));
}

namespace {

// Rows made by fill_part for simulations [begin, begin + part.n) as the arrays hold
// them: part.n fiducial rows, then part.n_d derivative rows (tangent: (*input, p);
// finite_difference: (2, p, *input)), both contiguous slices of the whole arrays.
void append_part(const MatrixF &rows, DerivativeKind kind, Index size, Index p, SetSize part,
                 std::vector<float> &fiducial, std::vector<float> &derivative) {
  const Index n = part.n, nd = part.n_d;
  fiducial.insert(fiducial.end(), rows.data(), rows.data() + n * size);
  if (kind == DerivativeKind::tangent) {
    const std::size_t at = derivative.size();
    derivative.resize(at + static_cast<std::size_t>(nd * size * p));
    for (Index i = 0; i < nd; ++i)
      for (Index e = 0; e < size; ++e)
        for (Index a = 0; a < p; ++a)
          derivative[at + static_cast<std::size_t>((i * size + e) * p + a)] =
              rows(n + a * nd + i, e);
  } else {
    derivative.insert(derivative.end(), rows.data() + n * size,
                      rows.data() + (n + 2 * p * nd) * size);
  }
}

} // namespace

SimulatedArrays simulate_arrays(std::shared_ptr<const Simulator> simulator, DerivativeKind kind,
                                const std::vector<double> &theta_fid,
                                const std::vector<double> &delta_theta, std::uint64_t seed,
                                SeedStream stream, SetSize set, Communicator *comm) {
  const bool tangent = kind == DerivativeKind::tangent;
  const SimulatorSource source(std::move(simulator), theta_fid, seed, kind,
                               tangent ? std::vector<double>{} : delta_theta);
  const Index size = source.input_size(), p = source.n_params(), n = set.n, nd = set.n_d;
  const auto &in = source.input_shape();
  SimulatedArrays out;
  out.fiducial_shape = {n};
  out.fiducial_shape.insert(out.fiducial_shape.end(), in.begin(), in.end());
  out.derivative_shape = {nd};
  if (tangent) {
    out.derivative_shape.insert(out.derivative_shape.end(), in.begin(), in.end());
    out.derivative_shape.push_back(p);
  } else {
    out.derivative_shape.insert(out.derivative_shape.end(), {2, p});
    out.derivative_shape.insert(out.derivative_shape.end(), in.begin(), in.end());
  }
  MatrixF rows;
  const int ranks = comm ? comm->size() : 1;
  if (ranks == 1) {
    source.fill(stream, 0, set, rows);
    append_part(rows, kind, size, p, set, out.fiducial, out.derivative);
    return out;
  }
  // Chunks of the set, chunk k made by rank k mod R; a round is one chunk per rank,
  // gathered on rank 0 in chunk order (each message stays far below MPI's int count
  // limit, and rank 0 holds the arrays, as one process does). The simulations' seeds
  // do not depend on the split, so the arrays are those of one process.
  const Index per =
      std::max<Index>(1, std::min<Index>(256, (n + 4 * static_cast<Index>(ranks) - 1) /
                                                  (4 * static_cast<Index>(ranks))));
  const std::vector<Chunk> chunks = split_set(set, per, 1, ranks);
  const bool root = comm->rank() == 0;
  for (std::size_t first = 0; first < chunks.size(); first += static_cast<std::size_t>(ranks)) {
    std::vector<float> fid, der;
    std::exception_ptr error;
    const std::size_t mine = first + static_cast<std::size_t>(comm->rank());
    if (mine < chunks.size()) {
      try {
        source.fill_part(stream, 0, set, chunks[mine].begin, chunks[mine].part, rows);
        append_part(rows, kind, size, p, chunks[mine].part, fid, der);
      } catch (...) {
        error = std::current_exception();
      }
    }
    agree_on_error(*comm, error, static_cast<std::int64_t>(mine));
    const std::vector<float> all_fid = comm->gather(fid, 0);
    const std::vector<float> all_der = comm->gather(der, 0);
    if (root) {
      out.fiducial.insert(out.fiducial.end(), all_fid.begin(), all_fid.end());
      out.derivative.insert(out.derivative.end(), all_der.begin(), all_der.end());
    }
  }
  if (!root) out.fiducial.clear(), out.derivative.clear();
  return out;
}

} // namespace imnn

#include "imnn/sources.h"

#include "imnn/error.h"
#include "imnn/plugins.h"

#include "omp_team.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <mutex>
#include <omp.h>
#include <sstream>

namespace imnn {

namespace {

Index product(const std::vector<Index> &shape) {
  Index n = 1;
  for (Index e : shape)
    n *= e;
  return n;
}

std::string describe_theta(const std::vector<double> &theta) {
  std::ostringstream s;
  s << "(";
  for (std::size_t i = 0; i < theta.size(); ++i)
    s << (i ? ", " : "") << theta[i];
  s << ")";
  return s.str();
}

// Row of perturbed simulation (i, side, alpha) in the finite-difference layout.
Index fd_row(Index n, Index p, Index i, Index side, Index alpha) {
  return n + (i * 2 + side) * p + alpha;
}

// What the network reads is float32: a double beyond its range (|x| > 3.4e38) would
// become Inf there, so it counts as not finite.
bool finite_as_float(double v) {
  return std::isfinite(static_cast<float>(v));
}

// A non-finite value in row `row` of out (width values) for simulation i: the error.
void check_finite_rows(const std::vector<double> &values, Index rows, Index width,
                       const std::function<std::string(Index)> &describe) {
  for (Index r = 0; r < rows; ++r)
    for (Index e = 0; e < width; ++e)
      if (!finite_as_float(values[static_cast<std::size_t>(r * width + e)]))
        throw NumericalError(describe(r));
}

} // namespace

// The simulations of a part as batches through the simulator's batch calls
// (simulator_abi.h), on the calling thread: one call for the rows without derivatives
// (fiducial and finite-difference copies, in layout order) and one with Jacobians.
// When a batch fails, its simulations are rerun one at a time so that the error names
// the simulation, its seed and theta as the one-at-a-time path does.
void SimulatorSource::fill_part_batched(SeedStream stream, std::uint64_t iteration, Index begin,
                                        SetSize part, MatrixF &inputs) const {
  const Index n = part.n, nt = part.n_d, p = n_params(), size = input_size();
  const bool tangent = kind() == DerivativeKind::tangent;
  const auto up = static_cast<std::size_t>(p);
  auto seed_of = [&](Index i) {
    return derive_seed(seed_, stream, iteration, static_cast<std::uint64_t>(begin + i));
  };
  // Row r of the batch: its simulation index within the part, its seed and theta.
  std::vector<Index> sim;
  std::vector<std::uint64_t> seeds;
  std::vector<double> thetas;
  std::vector<Index> rows; // the input row each batch row fills
  auto add = [&](Index i, Index row, Index alpha, Index side) {
    sim.push_back(i);
    seeds.push_back(seed_of(i));
    rows.push_back(row);
    for (std::size_t a = 0; a < up; ++a) {
      double t = theta_fid_[a];
      if (static_cast<Index>(a) == alpha) t += side ? 0.5 * delta(alpha) : -(0.5 * delta(alpha));
      thetas.push_back(t);
    }
  };
  auto name = [&](Index r, const char *what) {
    std::ostringstream s;
    const Index i = sim[static_cast<std::size_t>(r)];
    std::vector<double> theta(thetas.begin() + static_cast<std::ptrdiff_t>(r * p),
                              thetas.begin() + static_cast<std::ptrdiff_t>((r + 1) * p));
    s << "simulator '" << simulator_->info().name
      << "' returned NaN, Inf or a value beyond float32's range " << what << " for simulation "
      << begin + i << " (seed " << seeds[static_cast<std::size_t>(r)] << ") at theta "
      << describe_theta(theta) << "; fix the simulator or choose parameters where it is defined";
    return s.str();
  };
  auto rerun_one_at_a_time = [&](const PluginError &batch_error, bool jacobian) {
    std::vector<double> one(static_cast<std::size_t>(size)), jac(one.size() * up);
    for (std::size_t r = 0; r < seeds.size(); ++r) {
      try {
        if (jacobian)
          simulator_->simulate_batch_with_jacobian(1, &seeds[r], &thetas[r * up], one.data(),
                                                   jac.data());
        else
          simulator_->simulate_batch(1, &seeds[r], &thetas[r * up], one.data());
      } catch (const PluginCrashError &e) {
        throw PluginCrashError("simulation " + std::to_string(begin + sim[r]) + ": " + e.what());
      } catch (const PluginError &e) {
        throw PluginError("simulation " + std::to_string(begin + sim[r]) + ": " + e.what());
      }
    }
    throw batch_error;
  };
  inputs.resize(layout(part).rows(), size);

  // Rows without derivatives.
  for (Index i = tangent ? nt : 0; i < n; ++i)
    add(i, i, -1, 0);
  if (!tangent)
    for (Index i = 0; i < nt; ++i)
      for (Index a = 0; a < p; ++a)
        for (Index side = 0; side < 2; ++side)
          add(i, fd_row(n, p, i, side, a), a, side);
  if (!seeds.empty()) {
    std::vector<double> out(seeds.size() * static_cast<std::size_t>(size));
    try {
      simulator_->simulate_batch(seeds.size(), seeds.data(), thetas.data(), out.data());
    } catch (const PluginCrashError &) {
      throw; // an isolated plugin's process died: retrying each would die again
    } catch (const PluginError &e) {
      rerun_one_at_a_time(e, false);
    }
    check_finite_rows(out, static_cast<Index>(seeds.size()), size,
                      [&](Index r) { return name(r, "in its output"); });
    for (std::size_t r = 0; r < seeds.size(); ++r)
      for (Index e = 0; e < size; ++e)
        inputs(rows[r], e) = static_cast<float>(
            out[r * static_cast<std::size_t>(size) + static_cast<std::size_t>(e)]);
  }
  if (!tangent || nt == 0) return;

  // Rows with Jacobians: primal row i, tangent rows n + a * nt + i.
  sim.clear();
  seeds.clear();
  thetas.clear();
  rows.clear();
  for (Index i = 0; i < nt; ++i)
    add(i, i, -1, 0);
  std::vector<double> out(seeds.size() * static_cast<std::size_t>(size));
  std::vector<double> jac(out.size() * up);
  try {
    simulator_->simulate_batch_with_jacobian(seeds.size(), seeds.data(), thetas.data(), out.data(),
                                             jac.data());
  } catch (const PluginCrashError &) {
    throw;
  } catch (const PluginError &e) {
    rerun_one_at_a_time(e, true);
  }
  check_finite_rows(out, nt, size, [&](Index r) { return name(r, "in its output"); });
  check_finite_rows(jac, nt, size * p, [&](Index r) { return name(r, "in its Jacobian"); });
  for (Index i = 0; i < nt; ++i) {
    const auto base = static_cast<std::size_t>(i * size);
    for (Index e = 0; e < size; ++e) {
      inputs(i, e) = static_cast<float>(out[base + static_cast<std::size_t>(e)]);
      for (Index a = 0; a < p; ++a)
        inputs(n + a * nt + i, e) = static_cast<float>(
            jac[(base + static_cast<std::size_t>(e)) * up + static_cast<std::size_t>(a)]);
    }
  }
}

// ---------------------------------------------------------------------------------
SimulationSource::SimulationSource(DerivativeKind kind, std::vector<Index> input_shape,
                                   Index n_params, std::vector<double> delta_theta)
    : kind_(kind), input_shape_(std::move(input_shape)), input_size_(product(input_shape_)),
      n_params_(n_params), delta_theta_(std::move(delta_theta)) {
  if (kind_ == DerivativeKind::finite_difference) {
    if (static_cast<Index>(delta_theta_.size()) != n_params_)
      throw Error("delta_theta has " + std::to_string(delta_theta_.size()) +
                  " values but there are " + std::to_string(n_params_) +
                  " parameters; give one finite-difference separation per parameter");
    for (double d : delta_theta_)
      if (!(d > 0) || !std::isfinite(d))
        throw Error("finite-difference separations delta_theta must be finite and > 0");
  }
}

SimulationSource::~SimulationSource() = default;

void check_part(const SetSize &set, Index begin, const SetSize &part) {
  if (begin < 0 || part.n < 1 || begin + part.n > set.n ||
      part.n_d != std::clamp<Index>(set.n_d - begin, 0, part.n))
    throw Error("internal: simulations [" + std::to_string(begin) + ", " +
                std::to_string(begin + part.n) + ") with " + std::to_string(part.n_d) +
                " derivatives are not a part of a set of " + std::to_string(set.n) + " (" +
                std::to_string(set.n_d) + " with derivatives)");
}

void SimulationSource::fill(SeedStream stream, std::uint64_t iteration, SetSize set,
                            MatrixF &inputs) const {
  fill_part(stream, iteration, set, 0, set, inputs);
}

SetSize SimulationSource::set_size(SeedStream, SetSize requested) const {
  return requested;
}

RowLayout SimulationSource::layout(SetSize set) const {
  if (kind_ == DerivativeKind::tangent) return RowLayout{set.n, set.n_d, n_params_};
  return RowLayout{set.n + 2 * n_params_ * set.n_d, 0, 0};
}

void SimulationSource::summaries(const MatrixF &out, SetSize set, Eigen::MatrixXd &x,
                                 Eigen::MatrixXd &dx) const {
  const Index n = set.n, nd = set.n_d, p = n_params_;
  x = out.topRows(n).cast<double>();
  if (kind_ == DerivativeKind::tangent) {
    dx = out.bottomRows(p * nd).cast<double>();
    return;
  }
  dx.resize(p * nd, out.cols());
  for (Index a = 0; a < p; ++a)
    for (Index i = 0; i < nd; ++i)
      dx.row(a * nd + i) = (out.row(fd_row(n, p, i, 1, a)).cast<double>() -
                            out.row(fd_row(n, p, i, 0, a)).cast<double>()) /
                           delta_theta_[static_cast<std::size_t>(a)];
}

void SimulationSource::output_adjoints(const Eigen::MatrixXd &dL_dx, const Eigen::MatrixXd &dL_ddx,
                                       SetSize set, MatrixF &out_grad) const {
  const Index n = set.n, nd = set.n_d, p = n_params_;
  out_grad.resize(layout(set).rows(), dL_dx.cols());
  out_grad.topRows(n) = dL_dx.cast<float>();
  if (kind_ == DerivativeKind::tangent) {
    out_grad.bottomRows(p * nd) = dL_ddx.cast<float>();
    return;
  }
  // dx_i/dθ_α = (x_above − x_below)/δθ_α, so ∂L/∂x_above = +∂L/∂dx / δθ_α, below −.
  for (Index a = 0; a < p; ++a)
    for (Index i = 0; i < nd; ++i) {
      const Eigen::RowVectorXd g =
          dL_ddx.row(a * nd + i) / delta_theta_[static_cast<std::size_t>(a)];
      out_grad.row(fd_row(n, p, i, 1, a)) = g.cast<float>();
      out_grad.row(fd_row(n, p, i, 0, a)) = (-g).cast<float>();
    }
}

// ---------------------------------------------------------------------------------
SimulatorSource::SimulatorSource(std::shared_ptr<const Simulator> simulator,
                                 std::vector<double> theta_fid, std::uint64_t seed,
                                 DerivativeKind kind, std::vector<double> delta_theta)
    : SimulationSource(kind, simulator->input_shape(), simulator->n_params(),
                       std::move(delta_theta)),
      simulator_(std::move(simulator)), theta_fid_(std::move(theta_fid)), seed_(seed) {
  if (static_cast<Index>(theta_fid_.size()) != simulator_->n_params())
    throw Error("theta_fid has " + std::to_string(theta_fid_.size()) +
                " values but the simulator " + "has " + std::to_string(simulator_->n_params()) +
                " parameters");
  if (kind == DerivativeKind::tangent && !simulator_->has_jacobian())
    throw Error("simulator '" + simulator_->info().name +
                "' provides no Jacobian; use mode \"simulator-numerical\"");
}

std::string SimulatorSource::mode() const {
  return kind() == DerivativeKind::tangent ? "simulator" : "simulator-numerical";
}

void SimulatorSource::fill_part(SeedStream stream, std::uint64_t iteration, SetSize set,
                                Index begin, SetSize part, MatrixF &inputs) const {
  check_part(set, begin, part);
  // Row i of the part is simulation begin + i of the set (its seed and its name).
  const Index n = part.n, nt = part.n_d, p = n_params();
  const Index size = input_size();
  const bool tangent = kind() == DerivativeKind::tangent;
  if (tangent ? simulator_->has_batch_jacobian() : simulator_->has_batch()) {
    fill_part_batched(stream, iteration, begin, part, inputs);
    return;
  }
  const RowLayout rows = layout(part);
  inputs.resize(rows.rows(), size);
  std::mutex error_mutex;
  std::string error;
  Index error_index = -1;

  detail::omp_team(omp_get_max_threads(), [&] {
    std::vector<double> out(static_cast<std::size_t>(size));
    std::vector<double> jac(static_cast<std::size_t>(size * std::max<Index>(p, 1)));
    std::vector<double> theta(theta_fid_);
    // Simulates at theta into row, checks it, and names the simulation when not finite.
    auto simulate_row = [&](std::uint64_t seed, Index i, Index row, const char *where) {
      simulator_->simulate(seed, theta.data(), out.data());
      float *r = inputs.row(row).data();
      bool finite = true;
      for (Index e = 0; e < size; ++e) {
        r[e] = static_cast<float>(out[static_cast<std::size_t>(e)]);
        finite = finite && std::isfinite(r[e]);
      }
      if (!finite) {
        std::ostringstream s;
        s << "simulator '" << simulator_->info().name
          << "' returned NaN, Inf or a value beyond float32's range for simulation " << begin + i
          << where << " (seed " << seed << ") at theta " << describe_theta(theta)
          << "; fix the simulator or choose parameters where it is defined";
        throw NumericalError(s.str());
      }
    };
#pragma omp for schedule(dynamic, 16)
    for (Index i = 0; i < n; ++i) {
      try {
        const std::uint64_t seed =
            derive_seed(seed_, stream, iteration, static_cast<std::uint64_t>(begin + i));
        if (!tangent || i >= nt || p == 0) {
          theta = theta_fid_;
          simulate_row(seed, i, i, "");
          if (!tangent && i < nt) // seed-matched perturbed copies of simulation i
            for (Index a = 0; a < p; ++a)
              for (Index side = 0; side < 2; ++side) {
                theta = theta_fid_;
                const double half = 0.5 * delta(a);
                theta[static_cast<std::size_t>(a)] += side ? half : -half;
                simulate_row(seed, i, fd_row(n, p, i, side, a),
                             side ? " (above, perturbed in one parameter)"
                                  : " (below, perturbed in one parameter)");
              }
          continue;
        }
        simulator_->simulate_with_jacobian(seed, theta_fid_.data(), out.data(), jac.data());
        float *row = inputs.row(i).data();
        bool finite = true;
        for (Index e = 0; e < size; ++e) {
          row[e] = static_cast<float>(out[static_cast<std::size_t>(e)]);
          finite = finite && std::isfinite(row[e]);
        }
        for (Index a = 0; a < p; ++a) {
          float *trow = inputs.row(n + a * nt + i).data();
          for (Index e = 0; e < size; ++e) {
            trow[e] = static_cast<float>(jac[static_cast<std::size_t>(e * p + a)]);
            finite = finite && std::isfinite(trow[e]);
          }
        }
        if (!finite) {
          std::ostringstream s;
          s << "simulator '" << simulator_->info().name
            << "' returned NaN, Inf or a value beyond float32's range in its output or Jacobian "
               "for simulation "
            << begin + i << " (seed " << seed << ") at theta " << describe_theta(theta_fid_)
            << "; fix the simulator or choose parameters where it is defined";
          throw NumericalError(s.str());
        }
      } catch (const std::exception &e) {
        std::lock_guard<std::mutex> lock(error_mutex);
        if (error_index < 0 || i < error_index) {
          error_index = i;
          error = e.what();
        }
      }
    }
  });
  if (error_index >= 0) throw NumericalError(error);
}

// ---------------------------------------------------------------------------------
ArraySource::ArraySource(DerivativeKind kind, std::vector<Index> input_shape, Index n_params,
                         std::vector<double> delta_theta, ArraySet training, ArraySet validation)
    : SimulationSource(kind, std::move(input_shape), n_params, std::move(delta_theta)),
      training_(std::move(training)), validation_(std::move(validation)) {}

std::string ArraySource::mode() const {
  return kind() == DerivativeKind::tangent ? "gradient" : "numerical";
}

const ArraySet &ArraySource::set_for(SeedStream stream) const {
  if (stream == SeedStream::training || !has_validation()) return training_;
  return validation_;
}

SetSize ArraySource::set_size(SeedStream stream, SetSize) const {
  return set_for(stream).size;
}

void ArraySource::fill(SeedStream stream, std::uint64_t, SetSize set, MatrixF &inputs) const {
  const ArraySet &s = set_for(stream);
  if (!(set == s.size)) throw Error("internal: the array set has a different size than requested");
  inputs = s.rows;
}

void ArraySource::fill_part(SeedStream stream, std::uint64_t, SetSize set, Index begin,
                            SetSize part, MatrixF &inputs) const {
  const ArraySet &s = set_for(stream);
  if (!(set == s.size)) throw Error("internal: the array set has a different size than requested");
  check_part(set, begin, part);
  const Index n = set.n, nd = set.n_d, p = n_params();
  inputs.resize(layout(part).rows(), input_size());
  inputs.topRows(part.n) = s.rows.middleRows(begin, part.n);
  if (kind() == DerivativeKind::tangent) {
    for (Index a = 0; a < p; ++a)
      inputs.middleRows(part.n + a * part.n_d, part.n_d) =
          s.rows.middleRows(n + a * nd + begin, part.n_d);
  } else { // rows (i, side, alpha) of simulations begin.. are contiguous
    inputs.bottomRows(2 * p * part.n_d) = s.rows.middleRows(n + 2 * p * begin, 2 * p * part.n_d);
  }
}

} // namespace imnn

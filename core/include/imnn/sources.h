// Where a fit's simulations come from (DESIGN.md §1, imnn-spec §3.1–§3.3): a
// SimulationSource fills the network's input batch for (stream, iteration), turns
// the network's outputs into summaries x and derivatives dx/dθ, and maps the loss
// adjoints ∂L/∂x, ∂L/∂(dx/dθ) back onto the outputs for the backward pass.
//
// Two ways to get dx/dθ (DerivativeKind):
// - tangent: rows [n primal ; p blocks of n_d tangent rows] (nn.h RowLayout); the
//   tangent rows carry dd/dθ_α and the network's forward-mode tangents give dx/dθ_α.
//   Modes "simulator" (the plugin's Jacobian) and "gradient" (a derivative array).
// - finite_difference: all rows primal, [n fiducial ; n_d x 2 x p perturbed] with the
//   perturbed rows in the C order of (n_d, below/above, n_params): row
//   n + (i*2 + s)*p + α is simulation i at θ_fid ∓ δθ_α/2 e_α (s = 0 below, 1 above),
//   and dx_i/dθ_α = (x(above) − x(below)) / δθ_α. Modes "simulator-numerical"
//   (seed-matched simulations, the same seed as fiducial simulation i) and
//   "numerical" (a derivative array (n_d, 2, n_params, *input_shape)).
#pragma once

#include "imnn/arrays.h"
#include "imnn/config.h"
#include "imnn/nn.h"
#include "imnn/seeds.h"

#include <Eigen/Core>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace imnn {

class Communicator;
class Simulator;

enum class DerivativeKind { tangent, finite_difference };

// A set of simulations: n in total, of which the first n_d with derivatives.
struct SetSize {
  Index n = 0;
  Index n_d = 0;
  bool operator==(const SetSize &) const = default;
};

// Throws imnn::Error unless part is simulations [begin, begin + part.n) of set with
// exactly those of them among set's first n_d as its n_d (what split_set makes).
void check_part(const SetSize &set, Index begin, const SetSize &part);

class SimulationSource {
public:
  // delta_theta: the finite-difference separations (finite_difference only).
  SimulationSource(DerivativeKind kind, std::vector<Index> input_shape, Index n_params,
                   std::vector<double> delta_theta);
  virtual ~SimulationSource();
  SimulationSource(const SimulationSource &) = delete;
  SimulationSource &operator=(const SimulationSource &) = delete;

  virtual std::string mode() const = 0;
  DerivativeKind kind() const { return kind_; }
  Index n_params() const { return n_params_; }
  const std::vector<Index> &input_shape() const { return input_shape_; }
  Index input_size() const { return input_size_; }
  // Finite-difference separation δθ_α (finite_difference only).
  double delta(Index alpha) const { return delta_theta_[static_cast<std::size_t>(alpha)]; }
  // The simulator behind the source, or null for the array modes.
  virtual const Simulator *simulator() const { return nullptr; }

  // The set a stream uses when `requested` is asked for: simulators make what is
  // asked; the array modes always use their fixed arrays (training for
  // SeedStream::training, the validation arrays for validation, and for statistics
  // the validation arrays when given, else the training arrays, as the reference's
  // set_F_statistics).
  virtual SetSize set_size(SeedStream stream, SetSize requested) const;
  // False when the source has no validation set (array modes without validation arrays).
  virtual bool has_validation() const { return true; }

  RowLayout layout(SetSize set) const;
  // Fills inputs with layout(set).rows() x input_size() values. Throws NumericalError
  // naming the simulation when a simulator returns NaN or Inf. By default
  // fill_part(stream, iteration, set, 0, set, inputs).
  virtual void fill(SeedStream stream, std::uint64_t iteration, SetSize set, MatrixF &inputs) const;
  // The part of fill() for simulations [begin, begin + part.n) of set, the first
  // part.n_d of them with derivatives (check_part), laid out as layout(part): the
  // same values, a chunk at a time (imnn/aggregate.h). Errors name the simulation's
  // index in the whole set.
  virtual void fill_part(SeedStream stream, std::uint64_t iteration, SetSize set, Index begin,
                         SetSize part, MatrixF &inputs) const = 0;
  // True when the source reads its arrays from disk as the chunks are asked for.
  virtual bool streamed() const { return false; }
  // out: the network's output for layout(set). x: n x q; dx: (p * n_d) x q in the
  // block layout of fisher_statistics.
  void summaries(const MatrixF &out, SetSize set, Eigen::MatrixXd &x, Eigen::MatrixXd &dx) const;
  // The adjoint of summaries(): out_grad (layout(set).rows() x q) from ∂L/∂x, ∂L/∂dx.
  void output_adjoints(const Eigen::MatrixXd &dL_dx, const Eigen::MatrixXd &dL_ddx, SetSize set,
                       MatrixF &out_grad) const;

private:
  DerivativeKind kind_;
  std::vector<Index> input_shape_;
  Index input_size_ = 0;
  Index n_params_ = 0;
  std::vector<double> delta_theta_;
};

// Simulations made on the fly at θ_fid, one counter-based seed per simulation
// (derive_seed(seed, stream, iteration, i)), parallel over simulations. kind tangent:
// mode "simulator" (needs the Jacobian); finite_difference: "simulator-numerical".
class SimulatorSource : public SimulationSource {
public:
  SimulatorSource(std::shared_ptr<const Simulator> simulator, std::vector<double> theta_fid,
                  std::uint64_t seed, DerivativeKind kind = DerivativeKind::tangent,
                  std::vector<double> delta_theta = {});
  std::string mode() const override;
  const Simulator *simulator() const override { return simulator_.get(); }
  void fill_part(SeedStream stream, std::uint64_t iteration, SetSize set, Index begin, SetSize part,
                 MatrixF &inputs) const override;

private:
  void fill_part_batched(SeedStream stream, std::uint64_t iteration, Index begin, SetSize part,
                         MatrixF &inputs) const;
  std::shared_ptr<const Simulator> simulator_;
  std::vector<double> theta_fid_;
  std::uint64_t seed_;
};

// One fixed set read from arrays: fiducial (n, *input_shape) and derivative
// ((n_d, *input_shape, p) tangent / (n_d, 2, p, *input_shape) finite_difference),
// already laid out as network input rows.
struct ArraySet {
  SetSize size;
  MatrixF rows;
};

// Modes "gradient" and "numerical": the same training set every iteration
// (imnn-spec §3.2, §3.3), optional fixed validation set.
class ArraySource : public SimulationSource {
public:
  ArraySource(DerivativeKind kind, std::vector<Index> input_shape, Index n_params,
              std::vector<double> delta_theta, ArraySet training, ArraySet validation);
  std::string mode() const override;
  SetSize set_size(SeedStream stream, SetSize requested) const override;
  bool has_validation() const override { return validation_.size.n > 0; }
  void fill(SeedStream stream, std::uint64_t iteration, SetSize set,
            MatrixF &inputs) const override;
  void fill_part(SeedStream stream, std::uint64_t iteration, SetSize set, Index begin, SetSize part,
                 MatrixF &inputs) const override;

private:
  const ArraySet &set_for(SeedStream stream) const;
  ArraySet training_, validation_;
};

// Reads and checks one (fiducial, derivative) pair of array files for an array
// mode: shapes (naming the file, the expected axes, and the other mode's layout when
// the user mixed them up) and finite values (naming the array and the simulation).
// n / n_d < 0: any leading extent. keys name the config keys for messages.
ArraySet load_array_set(DerivativeKind kind, const std::string &fiducial,
                        const std::string &derivative, Index n, Index n_d, Index n_params,
                        const std::vector<Index> &input_shape, const std::string &fiducial_key,
                        const std::string &derivative_key);

// The source for a resolved config: the simulator modes wrap `simulator` (required
// there), the array modes load config.data (simulator may be null).
std::unique_ptr<SimulationSource>
make_simulation_source(const RunConfig &config, std::shared_ptr<const Simulator> simulator);

// Shape of one fixed-data set as the arrays hold it: the fiducial array's input
// shape (its axes after the first) and the leading extents.
struct ArrayDataShape {
  std::vector<Index> input_shape;
  SetSize training, validation; // validation {0, 0} when not given
};

// Checks the array files of an array-mode config against its n_s, n_d, θ_fid and
// δθ without loading them (headers only). Throws ConfigError naming the data key.
ArrayDataShape inspect_array_data(const RunConfig &config);

// A data set for an array mode made by a simulator at θ_fid (`imnn simulate`):
// fiducial (n, *input_shape) and derivative, (n_d, *input_shape, n_params) for
// tangent (needs the Jacobian) or (n_d, 2, n_params, *input_shape) for
// finite_difference, where row i's perturbed simulations share simulation i's seed.
// Seeds derive_seed(seed, stream, 0, i), as SimulatorSource at iteration 0.
// comm (null: this process alone): the ranks share the simulations, a chunk each in
// turn, and rank 0 receives the arrays (the same values for any number of ranks);
// the other ranks get the shapes with empty data. Every rank must call it.
struct SimulatedArrays {
  std::vector<Index> fiducial_shape, derivative_shape;
  std::vector<float> fiducial, derivative;
};
SimulatedArrays simulate_arrays(std::shared_ptr<const Simulator> simulator, DerivativeKind kind,
                                const std::vector<double> &theta_fid,
                                const std::vector<double> &delta_theta, std::uint64_t seed,
                                SeedStream stream, SetSize set, Communicator *comm = nullptr);

} // namespace imnn

// Fisher statistics, the IMNN loss and its analytic gradient (DESIGN.md §4,
// imnn-spec §1). Everything here is double precision on the host.
//
// Conventions: x is n_s x q (one row per simulation), dx is (p * n_d) x q with block
// alpha holding dx/dtheta_alpha of simulations 0..n_d-1, M = dmu/dtheta is q x p.
#include "imnn/fisher.h"

#include "imnn/error.h"

#include <Eigen/Cholesky>
#include <Eigen/LU>
#include <cmath>
#include <cstdio>
#include <limits>
#include <string>
#include <vector>

namespace imnn {

namespace {

// Below this reciprocal condition number (1-norm estimate) C or F is treated as
// singular: its inverse would carry no correct digit worth a gradient step.
constexpr double kMinRcond = 1e-12;
// A Frobenius norm below this is treated as exactly zero (its gradient is undefined).
constexpr double kTinyNorm = 1e-300;
// A summary whose standard deviation is below this fraction of its largest absolute
// value is constant up to round-off (float network outputs resolve ~1e-7).
constexpr double kMinRelativeSpread = 1e-12;

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

std::string shape(const Eigen::MatrixXd &m) {
  return std::to_string(m.rows()) + "x" + std::to_string(m.cols());
}

Eigen::MatrixXd symmetrised(const Eigen::MatrixXd &a) {
  return 0.5 * (a + a.transpose());
}

// sign(det) * ln|det| from an LU factorisation, without forming det (no overflow).
double signed_log_det(const Eigen::FullPivLU<Eigen::MatrixXd> &lu) {
  double sign =
      static_cast<double>(lu.permutationP().determinant() * lu.permutationQ().determinant());
  double log_abs = 0;
  const auto d = lu.matrixLU().diagonal();
  for (Eigen::Index i = 0; i < d.size(); ++i) {
    if (d(i) < 0) sign = -sign;
    log_abs += std::log(std::abs(d(i)));
  }
  return sign * log_abs;
}

// The full computation, keeping what the loss needs besides the public statistics.
struct Internals {
  FisherStatistics s;
  Eigen::MatrixXd centred; // x - mu, n_s x q
  Eigen::MatrixXd invF;    // p x p
  double signed_logdetF = 0;
  Eigen::Index n_d = 0;
};

void check_shapes(const Eigen::MatrixXd &x, const Eigen::MatrixXd &dx, Eigen::Index n_params) {
  const std::string shapes = " (summaries x: " + shape(x) +
                             ", derivatives dx/dtheta: " + shape(dx) +
                             ", n_params: " + std::to_string(n_params) + ")";
  if (n_params < 1) throw Error("the number of parameters must be at least 1" + shapes);
  if (x.cols() < 1) throw Error("there must be at least one summary" + shapes);
  if (x.rows() < 2) throw Error("the covariance needs at least 2 simulations (n_s >= 2)" + shapes);
  if (dx.cols() != x.cols())
    throw Error("x and dx/dtheta must have the same number of summaries (columns)" + shapes);
  if (dx.rows() < n_params || dx.rows() % n_params != 0)
    throw Error("dx/dtheta must have n_params * n_d rows with n_d >= 1 (one block of n_d rows "
                "per parameter)" +
                shapes);
  const Eigen::Index n_d = dx.rows() / n_params;
  if (n_d > x.rows())
    throw Error("n_d = " + std::to_string(n_d) + " exceeds n_s = " + std::to_string(x.rows()) +
                ": derivatives are taken for the first n_d of the n_s simulations" + shapes);
}

void check_finite(const Eigen::MatrixXd &x, const Eigen::MatrixXd &dx, Eigen::Index n_d) {
  for (Eigen::Index i = 0; i < x.rows(); ++i)
    if (!x.row(i).allFinite())
      throw NumericalError("the summaries x are not finite (first bad row " + std::to_string(i) +
                           " of " + std::to_string(x.rows()) +
                           "): the network produced NaN or infinity; check the simulations "
                           "fed to it, or lower the learning rate");
  for (Eigen::Index i = 0; i < dx.rows(); ++i)
    if (!dx.row(i).allFinite())
      throw NumericalError("the derivatives dx/dtheta are not finite (first bad row " +
                           std::to_string(i) + " of " + std::to_string(dx.rows()) + ": parameter " +
                           std::to_string(i / n_d) + ", simulation " + std::to_string(i % n_d) +
                           "): check the simulator's derivatives or the perturbation "
                           "step, or lower the learning rate");
}

Internals compute(const Eigen::MatrixXd &x, const Eigen::MatrixXd &dx, Eigen::Index n_params,
                  const Regularisation &reg) {
  check_shapes(x, dx, n_params);
  Internals in;
  in.n_d = dx.rows() / n_params;
  check_finite(x, dx, in.n_d);
  FisherStatistics &s = in.s;
  const Eigen::Index n_s = x.rows(), q = x.cols(), p = n_params;

  s.mu = x.colwise().mean().transpose();
  in.centred = x.rowwise() - s.mu.transpose();
  s.C = symmetrised(in.centred.transpose() * in.centred / static_cast<double>(n_s - 1));

  const std::string fix = "the network outputs are (nearly) constant or linearly dependent; "
                          "try a different seed/initialisation, fewer summaries, or a smaller "
                          "learning rate";
  const Eigen::FullPivLU<Eigen::MatrixXd> luC(s.C);
  s.detC = luC.determinant();
  // A summary whose spread is at round-off level of its values is constant: C can then
  // look well conditioned (q = 1, or independent round-off in several summaries).
  for (Eigen::Index a = 0; a < q; ++a) {
    const double sd = std::sqrt(std::max(s.C(a, a), 0.0));
    const double size = x.col(a).cwiseAbs().maxCoeff();
    if (!(sd > kMinRelativeSpread * size))
      throw NumericalError("covariance of the summaries is singular (det C = " + num(s.detC) +
                           "): summary " + std::to_string(a) + " is constant over the " +
                           std::to_string(n_s) + " simulations (standard deviation " + num(sd) +
                           ", values of size " + num(size) + "); " + fix);
  }
  // FullPivLU's rcond() ignores the pivots it treats as zero, so check the rank too.
  const double rcondC = luC.rcond();
  if (!luC.isInvertible() || !(rcondC >= kMinRcond) || !std::isfinite(s.detC))
    throw NumericalError("covariance of the summaries is singular (det C = " + num(s.detC) +
                         ", rank " + std::to_string(luC.rank()) + " of " + std::to_string(q) +
                         ", reciprocal condition number " + num(rcondC) + "): " + fix);
  s.invC = symmetrised(luC.inverse());
  if (!s.invC.allFinite())
    throw NumericalError("covariance of the summaries is singular (det C = " + num(s.detC) +
                         ", its inverse is not finite): " + fix);
  s.detinvC = s.invC.determinant();

  s.dmu_dtheta.resize(q, p);
  for (Eigen::Index a = 0; a < p; ++a)
    s.dmu_dtheta.col(a) = dx.middleRows(a * in.n_d, in.n_d).colwise().mean().transpose();
  s.F = symmetrised(s.dmu_dtheta.transpose() * s.invC * s.dmu_dtheta);

  const Eigen::FullPivLU<Eigen::MatrixXd> luF(s.F);
  s.detF = luF.determinant();
  const double rcondF = luF.rcond();
  if (!(s.detF > 0) || !std::isfinite(s.detF) || !luF.isInvertible() || !(rcondF >= kMinRcond)) {
    std::string hint = "the summaries do not respond to (some combination of) the parameters: "
                       "dmu/dtheta is (nearly) zero or its columns are linearly dependent";
    if (q < p)
      hint += "; with " + std::to_string(q) + " summaries for " + std::to_string(p) +
              " parameters F cannot have full rank: use at least as many summaries as "
              "parameters";
    throw NumericalError("Fisher information is singular (det F = " + num(s.detF) + ", rank " +
                         std::to_string(luF.rank()) + " of " + std::to_string(p) +
                         ", reciprocal condition number " + num(rcondF) + "): " + hint +
                         "; try a different seed/initialisation or a smaller learning rate");
  }
  in.invF = symmetrised(luF.inverse());
  in.signed_logdetF = signed_log_det(luF);

  const Eigen::MatrixXd I = Eigen::MatrixXd::Identity(q, q);
  s.Lambda2 = (s.C - I).norm() + (s.invC - I).norm();
  s.r = reg.rate(s.Lambda2);
  return in;
}

// The smallest epsilon above which the log argument is positive, and the largest
// below which alpha is positive, for this lambda (> 0): g(eps) = eps (lambda - 1) +
// eps^2 / (1 + eps) is convex with g(0) = 0, so both ends are unique.
void epsilon_range(double lambda, double &lo, double &hi) {
  lo = lambda < 1 ? (1 - lambda) / lambda : 0.0;
  auto g = [lambda](double e) { return e * (lambda - 1) + e * e / (1 + e); };
  double a = lo, b = std::max(1.0, 2 * lo + 1);
  while (g(b) < 1)
    b *= 2;
  for (int i = 0; i < 200; ++i) {
    const double m = 0.5 * (a + b);
    (g(m) < 1 ? a : b) = m;
  }
  hi = a;
}

} // namespace

double Regularisation::alpha() const {
  const std::string what =
      "regularisation (lambda = " + num(lambda) + ", epsilon = " + num(epsilon) + "): ";
  if (!std::isfinite(lambda) || !(lambda > 0))
    throw Error(what + "lambda must be a finite number > 0 (the reference uses lambda = 10)");
  if (!std::isfinite(epsilon) || !(epsilon > 0))
    throw Error(what + "epsilon must be a finite number > 0 (the reference uses epsilon = 0.1)");
  const double arg = epsilon * (lambda - 1) + epsilon * epsilon / (1 + epsilon);
  auto range = [&] {
    double lo = 0, hi = 0;
    epsilon_range(lambda, lo, hi);
    return "alpha = -ln(epsilon (lambda - 1) + epsilon^2 / (1 + epsilon)) / epsilon is defined "
           "and positive for " +
           (lo > 0 ? num(lo) + " < epsilon" : std::string("0 < epsilon")) + " < " + num(hi) +
           " at lambda = " + num(lambda);
  };
  if (!(arg > 0))
    throw Error(what + "the logarithm's argument " + num(arg) + " is not positive; " + range());
  const double a = -std::log(arg) / epsilon;
  if (!(a > 0) || !std::isfinite(a))
    throw Error(what + "alpha = " + num(a) +
                " is not positive, so the regulariser would never switch off; " + range());
  return a;
}

double Regularisation::rate(double Lambda2) const {
  const double e = std::exp(-alpha() * Lambda2);
  return lambda * Lambda2 / (Lambda2 + e);
}

double Regularisation::rate_derivative(double Lambda2) const {
  const double a = alpha();
  const double e = std::exp(-a * Lambda2);
  const double d = Lambda2 + e;
  return lambda * e * (1 + a * Lambda2) / (d * d);
}

FisherStatistics fisher_statistics(const Eigen::MatrixXd &x, const Eigen::MatrixXd &dx,
                                   Eigen::Index n_params, const Regularisation &reg) {
  return compute(x, dx, n_params, reg).s;
}

double log_detF_standard_error(const Eigen::MatrixXd &x, const Eigen::MatrixXd &dx,
                               Eigen::Index n_params, int groups) {
  check_shapes(x, dx, n_params);
  const Eigen::Index n_s = x.rows(), q = x.cols(), p = n_params, n_d = dx.rows() / p;
  const Eigen::Index G = std::min<Eigen::Index>(groups, n_d);
  if (G < 2) return 0;
  // A simulation and its derivative rows share a group: the first n_d simulations (those
  // with derivatives) and the others are each split into G contiguous runs.
  auto group_of = [&](Eigen::Index i) {
    return i < n_d ? i * G / n_d : (i - n_d) * G / std::max<Eigen::Index>(n_s - n_d, 1);
  };
  // Sums per group of the centred summaries (no cancellation in the covariance), their
  // outer products and the derivatives; each left-out estimate is the totals minus one
  // group's sums.
  const Eigen::RowVectorXd centre = x.colwise().mean();
  std::vector<Eigen::VectorXd> sx(std::size_t(G), Eigen::VectorXd::Zero(q));
  std::vector<Eigen::MatrixXd> sxx(std::size_t(G), Eigen::MatrixXd::Zero(q, q));
  std::vector<Eigen::MatrixXd> sdx(std::size_t(G), Eigen::MatrixXd::Zero(q, p));
  std::vector<Eigen::Index> n(std::size_t(G), 0), m(std::size_t(G), 0);
  for (Eigen::Index i = 0; i < n_s; ++i) {
    const auto g = std::size_t(group_of(i));
    const Eigen::VectorXd c = (x.row(i) - centre).transpose();
    sx[g] += c;
    sxx[g].noalias() += c * c.transpose();
    ++n[g];
    if (i < n_d) {
      for (Eigen::Index a = 0; a < p; ++a)
        sdx[g].col(a) += dx.row(a * n_d + i).transpose();
      ++m[g];
    }
  }
  Eigen::VectorXd Sx = Eigen::VectorXd::Zero(q);
  Eigen::MatrixXd Sxx = Eigen::MatrixXd::Zero(q, q), Sdx = Eigen::MatrixXd::Zero(q, p);
  for (std::size_t g = 0; g < std::size_t(G); ++g) {
    Sx += sx[g];
    Sxx += sxx[g];
    Sdx += sdx[g];
  }
  std::vector<double> l(static_cast<std::size_t>(G));
  for (std::size_t g = 0; g < std::size_t(G); ++g) {
    const double nn = double(n_s - n[g]), mm = double(n_d - m[g]);
    if (nn < double(q) + 2 || mm < 1) return 0;
    const Eigen::VectorXd mean = (Sx - sx[g]) / nn;
    const Eigen::MatrixXd C = (Sxx - sxx[g] - nn * mean * mean.transpose()) / (nn - 1);
    const Eigen::MatrixXd M = (Sdx - sdx[g]) / mm;
    const Eigen::LLT<Eigen::MatrixXd> llt_C(C);
    if (llt_C.info() != Eigen::Success) return 0;
    const Eigen::MatrixXd F = M.transpose() * llt_C.solve(M);
    const Eigen::LLT<Eigen::MatrixXd> llt_F(F);
    if (llt_F.info() != Eigen::Success) return 0;
    l[g] = 2.0 * llt_F.matrixLLT().diagonal().array().log().sum();
    if (!std::isfinite(l[g])) return 0;
  }
  double mean_l = 0;
  for (double v : l)
    mean_l += v / double(G);
  double var = 0;
  for (double v : l)
    var += (v - mean_l) * (v - mean_l);
  var *= double(G - 1) / double(G);
  return std::sqrt(var);
}

LossAndGradient fisher_loss(const Eigen::MatrixXd &x, const Eigen::MatrixXd &dx,
                            Eigen::Index n_params, const Regularisation &reg) {
  Internals in = compute(x, dx, n_params, reg);
  const FisherStatistics &s = in.s;
  const Eigen::Index n_s = x.rows(), q = x.cols(), p = n_params;
  const Eigen::MatrixXd I = Eigen::MatrixXd::Identity(q, q);

  LossAndGradient out;
  out.loss = -in.signed_logdetF + s.r * s.Lambda2;

  // -ln|F| with F = M^T C^-1 M:  d/dM = -2 C^-1 M F^-1,  d/dC = C^-1 M F^-1 M^T C^-1.
  const Eigen::MatrixXd A = s.invC * s.dmu_dtheta; // q x p
  const Eigen::MatrixXd G_M = -2.0 * A * in.invF;
  Eigen::MatrixXd G_C = A * in.invF * A.transpose();

  // r(L2) L2 with L2 = |C - I| + |C^-1 - I|:  d(r L2)/dL2 = r + L2 r'.
  const double dL_dLambda2 = s.r + s.Lambda2 * reg.rate_derivative(s.Lambda2);
  const Eigen::MatrixXd CmI = s.C - I, iCmI = s.invC - I;
  const double nC = CmI.norm(), niC = iCmI.norm();
  if (nC > kTinyNorm) G_C += (dL_dLambda2 / nC) * CmI;
  if (niC > kTinyNorm) G_C -= (dL_dLambda2 / niC) * (s.invC * iCmI * s.invC);
  G_C = symmetrised(G_C);

  // C = Y^T Y / (n_s - 1), Y = x - 1 mu^T: dL/dY = 2 Y G_C / (n_s - 1) for symmetric G_C.
  // The mean's own contribution is -(1/n_s) sum_i dL/dy_i = 0 since the y_i sum to zero.
  out.dL_dx = (2.0 / static_cast<double>(n_s - 1)) * in.centred * G_C;

  // M[:, a] = mean_j dx[a n_d + j, :]^T.
  out.dL_ddx.resize(p * in.n_d, q);
  for (Eigen::Index a = 0; a < p; ++a)
    out.dL_ddx.middleRows(a * in.n_d, in.n_d).rowwise() =
        G_M.col(a).transpose() / static_cast<double>(in.n_d);

  out.stats = std::move(in.s);
  return out;
}

Eigen::MatrixXd quasi_ml_estimate(const FisherStatistics &stats, const Eigen::VectorXd &theta_fid,
                                  const Eigen::MatrixXd &x) {
  const Eigen::Index q = stats.mu.size(), p = stats.dmu_dtheta.cols();
  if (stats.C.rows() != q || stats.invC.rows() != q || stats.invC.cols() != q ||
      stats.dmu_dtheta.rows() != q || stats.F.rows() != p || stats.F.cols() != p || p < 1)
    throw Error("quasi_ml_estimate: the Fisher statistics are incomplete or inconsistent (mu: " +
                std::to_string(q) + ", C^-1: " + shape(stats.invC) +
                ", dmu/dtheta: " + shape(stats.dmu_dtheta) + ", F: " + shape(stats.F) +
                "); compute them with fisher_statistics first");
  if (theta_fid.size() != p)
    throw Error("quasi_ml_estimate: theta_fid has " + std::to_string(theta_fid.size()) +
                " entries but the Fisher statistics have " + std::to_string(p) + " parameters");
  if (x.cols() != q)
    throw Error("quasi_ml_estimate: the summaries have shape " + shape(x) +
                " but the network has " + std::to_string(q) + " summaries (expected B x " +
                std::to_string(q) + ")");
  const Eigen::FullPivLU<Eigen::MatrixXd> luF(stats.F);
  if (!luF.isInvertible() || !(luF.rcond() >= kMinRcond))
    throw NumericalError("Fisher information is singular (det F = " + num(stats.F.determinant()) +
                         "): no estimate can be formed; retrain the network");
  // K = F^-1 M^T C^-1 (p x q); theta_i = theta_fid + K (x_i - mu).
  const Eigen::MatrixXd K = luF.solve(stats.dmu_dtheta.transpose() * stats.invC);
  Eigen::MatrixXd theta = (x.rowwise() - stats.mu.transpose()) * K.transpose();
  theta.rowwise() += theta_fid.transpose();
  return theta;
}

} // namespace imnn

// Fisher statistics and the IMNN loss with its analytic gradient (DESIGN.md §4,
// imnn-spec §1), all in double precision on the host.
#pragma once

#include <Eigen/Core>
#include <cstddef>

namespace imnn {

// The regulariser's coupling: r(L2) = lambda L2 / (L2 + exp(-alpha L2)) (plus sign,
// as the reference code), alpha = -ln(eps (lambda - 1) + eps^2 / (1 + eps)) / eps.
struct Regularisation {
  double lambda = 10.0;
  double epsilon = 0.1;
  // Throws imnn::Error when the log argument is <= 0 or alpha <= 0 (the regulariser
  // would never switch off), naming lambda and epsilon.
  double alpha() const;
  double rate(double Lambda2) const;            // r
  double rate_derivative(double Lambda2) const; // dr/dLambda2
};

struct FisherStatistics {
  Eigen::VectorXd mu;         // q
  Eigen::MatrixXd C;          // q x q, unbiased covariance over n_s
  Eigen::MatrixXd invC;       // q x q
  Eigen::MatrixXd dmu_dtheta; // q x p, mean over n_d of dx/dtheta
  Eigen::MatrixXd F;          // p x p = dmu^T invC dmu
  double detF = 0, detC = 0, detinvC = 0, Lambda2 = 0, r = 0;
  // Standard error of detF, det F times log_detF_standard_error (a jackknife over the
  // simulations); measured for the final statistics only, 0 elsewhere.
  double detF_se = 0;
};

// x: n_s x q summaries; dx: (p * n_d) x q derivatives, block alpha (rows
// alpha*n_d .. alpha*n_d + n_d - 1) holds dx/dtheta_alpha of simulations 0..n_d-1.
// Throws imnn::NumericalError when C or F is singular or anything is not finite.
FisherStatistics fisher_statistics(const Eigen::MatrixXd &x, const Eigen::MatrixXd &dx,
                                   Eigen::Index n_params, const Regularisation &reg);

// The sampling error of ln det F, det F = det(M^T C^-1 M) estimated from x and dx (the
// layout of fisher_statistics): the simulations are split into `groups` contiguous groups
// (a simulation's derivative rows go with it), ln det F is recomputed with each group left
// out, and the jackknife variance (G - 1)/G sum (l_g - mean l)^2 gives its standard error,
// which is also det F's relative one. Deterministic (no resampling). The final statistics
// report det F times it, so that val det F is read with its precision: with many summaries
// and few simulations the estimate spreads by several per cent (README, the field example).
// Returns 0 when the set is too small to split (fewer than 2 derivative rows a parameter, or
// a left-out covariance or F not positive definite).
double log_detF_standard_error(const Eigen::MatrixXd &x, const Eigen::MatrixXd &dx,
                               Eigen::Index n_params, int groups = 20);

struct LossAndGradient {
  double loss = 0; // -sign(det F) ln|det F| + r Lambda2
  FisherStatistics stats;
  Eigen::MatrixXd dL_dx;  // n_s x q
  Eigen::MatrixXd dL_ddx; // (p * n_d) x q, same layout as dx
};

LossAndGradient fisher_loss(const Eigen::MatrixXd &x, const Eigen::MatrixXd &dx,
                            Eigen::Index n_params, const Regularisation &reg);

// Quasi-maximum-likelihood estimate theta_fid + F^-1 dmu^T C^-1 (x - mu) for each
// row of x (B x q) -> B x p.
Eigen::MatrixXd quasi_ml_estimate(const FisherStatistics &stats, const Eigen::VectorXd &theta_fid,
                                  const Eigen::MatrixXd &x);

} // namespace imnn

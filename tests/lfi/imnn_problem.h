// The inference problem of a trained IMNN, shared by the posterior tests: draws from the
// prior, simulated by sim, compressed to the IMNN's estimate, Fisher distance with the
// model's F, 2 threads.
#pragma once

#include "imnn/compressor.h"
#include "imnn/lfi.h"
#include "imnn/plugins.h"

#include <memory>

inline imnn::lfi::Problem imnn_problem(const imnn::lfi::Prior *prior,
                                       std::shared_ptr<imnn::Simulator> sim, imnn::Compressor &comp,
                                       const Eigen::VectorXd &target, std::uint64_t seed) {
  imnn::lfi::Problem p;
  p.prior = prior;
  p.simulate = [sim](std::uint64_t s, const double *theta, double *out) {
    sim->simulate(s, theta, out);
  };
  p.compress = comp.estimate_fn();
  p.input_size = comp.input_size();
  p.n_summaries = comp.model().statistics.F.rows();
  p.target = target;
  p.distance.kind = imnn::lfi::DistanceKind::fisher;
  p.distance.F = comp.model().statistics.F;
  p.seed = seed;
  p.threads = 2;
  return p;
}

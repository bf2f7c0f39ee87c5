// Checkpoints of a fit and resuming a run (DESIGN.md §7; README "Checkpoints and
// --resume"). A checkpoint is one file, RUN_DIR/checkpoint/state.ckpt, holding a
// FitterState (weights, optimiser state, iteration counter = RNG counter, patience
// counter, best weights, max det F, the history so far) and the resolved config it
// belongs to. It is written to a temporary file, flushed and renamed, so a crash
// leaves the previous checkpoint or the new one, never half of one.
//
// File layout (version 1): a 32-byte header, then the payload.
//   bytes  0..7   magic "IMNNCKPT"
//   bytes  8..11  format version, uint32 little-endian
//   bytes 12..15  0 (reserved)
//   bytes 16..23  payload size in bytes, uint64 little-endian
//   bytes 24..31  FNV-1a 64-bit hash of the payload, uint64 little-endian
//   payload       CBOR (RFC 8949) map; the weights, the optimiser's vectors and the
//                 history are byte strings of little-endian float32 / float64 values.
// A short, long or altered file fails the size or hash check with an error naming it.
#pragma once

#include "imnn/fit.h"
#include "imnn/session.h"

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

namespace imnn {

struct Checkpoint {
  static constexpr int kVersion = 1;
  FitterState state;
  nlohmann::json config; // RunConfig::to_json() of the run
};

// RUN_DIR/checkpoint/state.ckpt
std::filesystem::path checkpoint_file(const std::filesystem::path &run_dir);

std::string encode_checkpoint(const Checkpoint &checkpoint);
// The file bytes for a CBOR payload: the header (magic, version, size, FNV-1a checksum)
// then the payload. encode_checkpoint uses it; so does the fuzz target that gives
// mutated payloads a correct header.
std::string frame_checkpoint_payload(const std::string &payload);
// source names the data in errors (the file). Throws imnn::Error naming the problem.
Checkpoint decode_checkpoint(const std::string &bytes, const std::string &source);

// Atomic write into RUN_DIR/checkpoint/ (created when missing).
void save_checkpoint(const std::filesystem::path &run_dir, const Checkpoint &checkpoint);
Checkpoint load_checkpoint(const std::filesystem::path &run_dir);

// Saves fitter's current state and config as the run's checkpoint.
void save_checkpoint(const std::filesystem::path &run_dir, const Fitter &fitter);

// Makes fitter checkpoint into run_dir every config.fit.checkpoint_every iterations
// (0: never). Under MPI rank 0 alone writes, and a failed write stops every rank.
void enable_checkpoints(Fitter &fitter, const std::filesystem::path &run_dir);

// After fit() returned or threw (finished, cancelled or failed): saves the state of
// the last complete iteration as the run's checkpoint unless checkpoints are disabled.
// Never throws; returns a sentence for the user (what was saved, or why the last
// periodic checkpoint is kept). Every front end calls it so a stopped run resumes.
std::string save_final_checkpoint(const std::filesystem::path &run_dir, const Fitter &fitter);

struct ResumedRun {
  FitSession session;      // its Fitter restored from the checkpoint
  RunDirectory run;        // history.csv rewritten to the checkpoint's rows, open for append
  int iterations_done = 0; // of the fit call being continued
};

// Continues a run directory from its checkpoint with the run's own config.json.
// extra_plugin_dirs are searched first; threads >= 0 overrides the config's (0: all
// cores; the same count as the first part gives bit-identical results). Throws
// imnn::Error when the run is finished, has no checkpoint, the checkpoint is
// damaged or config.json no longer matches it. comm: the MPI ranks continuing it
// together (any number, whatever number ran the first part); rank 0 alone rewrites
// history.csv, the others only read the run.
ResumedRun resume_run(const std::filesystem::path &run_dir,
                      const std::vector<std::string> &extra_plugin_dirs, int threads,
                      std::shared_ptr<Communicator> comm = nullptr);

} // namespace imnn

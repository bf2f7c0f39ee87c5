// `imnn estimate` / `imnn summarise`: a trained IMNN applied to a data array.
#include "imnn/arrays.h"
#include "imnn/compressor.h"
#include "imnn/error.h"
#include "imnn/session.h"
#include "imnn/threads.h"

#include "commands.h"

#include <cstdio>

namespace imnn::cli {

namespace {

void add_compress_command(CLI::App &app, CompressOptions &o, const std::string &mode) {
  const bool est = mode == "estimate";
  auto *cmd = app.add_subcommand(
      mode, est ? "Quasi-maximum-likelihood parameter estimates theta_fid + F^-1 (dmu/dtheta)^T "
                  "C^-1 (x - mu) of data with a trained IMNN; writes (n, n_params), or "
                  "(n_params) for a single simulation."
                : "Raw network outputs (summaries) of data with a trained IMNN; writes (n, "
                  "n_summaries), or (n_summaries) for a single simulation.");
  cmd->add_option("run", o.run, "Run directory written by `imnn fit` (or its model.json)")
      ->required();
  cmd->add_option("data", o.data,
                  "Data: .npy, .npz[:member] or .h5[:/dataset] of shape (n, *input_shape) or a "
                  "single (*input_shape)")
      ->required();
  cmd->add_option("-o,--output", o.output,
                  std::string("Output .npy file (") + (est ? "estimates" : "summaries") + ")")
      ->required();
  cmd->add_option("--threads", o.threads, "Compute threads (0: all cores)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--plugin-dir", o.plugin_dirs,
                  "Extra plugin folder, searched first (repeatable)");
}

} // namespace

void add_compress_commands(CLI::App &app, CompressOptions &estimate, CompressOptions &summarise) {
  add_compress_command(app, estimate, "estimate");
  add_compress_command(app, summarise, "summarise");
}

int run_compress(const CompressOptions &o, const std::string &mode) {
  try {
    configure_threads(o.threads);
    const PluginRegistry registry = scan_plugins(with_recorded_dirs(o.plugin_dirs, o.run));
    Compressor compressor = Compressor::load(o.run, registry, o.threads);
    const ArrayD data = load_array(o.data);
    bool single = false;
    const Index n = compressor.batch_of(data.info, &single);
    const bool est = mode == "estimate";
    const Index width = est ? compressor.n_params() : compressor.n_summaries();
    std::vector<double> out(static_cast<std::size_t>(n * width));
    try {
      if (est)
        compressor.estimate(data.data.data(), n, out.data());
      else
        compressor.summarise(data.data.data(), n, out.data());
    } catch (const Error &e) {
      throw Error(o.data + ": " + e.what()); // name the file the bad values came from
    }
    const std::vector<Index> shape =
        single ? std::vector<Index>{width} : std::vector<Index>{n, width};
    save_npy(o.output, shape, out.data());
    std::printf("%s: %td simulation%s -> %s %s\n", mode.c_str(), n, n == 1 ? "" : "s",
                o.output.c_str(), ArrayInfo{shape, DType::f64, o.output}.shape_string().c_str());
    return 0;
  } catch (const std::exception &e) {
    std::fprintf(stderr, "error: %s\n", e.what());
    return 1;
  }
}

} // namespace imnn::cli

// `imnn`: the headless front end. Same configs and run directories as the app.
#include "imnn/communicator.h"
#include "imnn/threads.h"
#include "imnn/version.h"

#include "commands.h"

#include <cstdio>
#include <iostream>
#ifdef IMNN_HAVE_MPI
#include "mpi_communicator.h"
#endif

int main(int argc, char **argv) {
  imnn::bound_openmp_spinning(argv);
  CLI::App app{"IMNN Studio " IMNN_CORE_VERSION
               " - information maximising neural networks, headless.\n"
               "Fits an IMNN to simulations made on the fly by a simulator plugin or to fixed "
               "arrays and writes a run directory (config.json, history.csv, result.json, "
               "model.json); makes data sets for the array modes (simulate); compresses data "
               "with a trained IMNN (estimate, summarise) and runs likelihood-free inference "
               "with it (infer ga|abc|pmc)."};
  app.require_subcommand(1);
  app.set_version_flag("--version", IMNN_CORE_VERSION);
  imnn::cli::FitOptions fit;
  imnn::cli::PluginsOptions plugins;
  imnn::cli::add_fit_command(app, fit);
  imnn::cli::add_plugins_command(app, plugins);
  imnn::cli::add_devices_command(app);
  imnn::cli::CompressOptions estimate, summarise;
  imnn::cli::add_compress_commands(app, estimate, summarise);
  imnn::cli::InferOptions infer;
  imnn::cli::add_infer_command(app, infer);
  imnn::cli::SimulateOptions simulate;
  imnn::cli::add_simulate_command(app, simulate);
  imnn::cli::RefitOptions refit;
  imnn::cli::add_refit_command(app, refit);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError &e) {
    return app.exit(e);
  }
  // Under mpirun (or srun) the ranks share fit and infer; a plain start never touches MPI.
  std::shared_ptr<imnn::Communicator> world = imnn::single_process();
#ifdef IMNN_HAVE_MPI
  if (imnn::launched_by_mpi()) {
    try {
      world = imnn::mpi_world(&argc, &argv);
    } catch (const std::exception &e) {
      std::fprintf(stderr, "error: %s\n", e.what());
      return 1;
    }
  }
#endif
  if (world->size() > 1 && !app.got_subcommand("fit") && !app.got_subcommand("infer") &&
      !app.got_subcommand("simulate")) {
    if (world->rank() == 0)
      std::fprintf(stderr,
                   "error: `imnn %s` does not run across MPI ranks (%d were started); run it "
                   "without mpirun, or with -n 1. Only fit, infer and simulate share work over "
                   "ranks.\n",
                   app.get_subcommands().front()->get_name().c_str(), world->size());
    return 2;
  }
  if (app.got_subcommand("fit")) return imnn::cli::run_fit(fit, world);
  if (app.got_subcommand("plugins")) return imnn::cli::run_plugins(plugins);
  if (app.got_subcommand("devices")) return imnn::cli::run_devices();
  if (app.got_subcommand("estimate")) return imnn::cli::run_compress(estimate, "estimate");
  if (app.got_subcommand("summarise")) return imnn::cli::run_compress(summarise, "summarise");
  if (app.got_subcommand("infer")) return imnn::cli::run_infer(infer, world);
  if (app.got_subcommand("simulate")) return imnn::cli::run_simulate(simulate, world);
  if (app.got_subcommand("refit")) return imnn::cli::run_refit(refit);
  return 2;
}

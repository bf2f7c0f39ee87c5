// `imnn infer ga|abc|pmc RUN_DIR`: likelihood-free inference with a trained IMNN
// (imnn-spec §4) through the engine's driver (imnn/inference.h): the target
// compressed to its quasi-ML estimate, the Gaussian approximation, ABC or population
// Monte Carlo with simulations from the run's simulator plugin, and the results
// written to RUN_DIR/inference/<name>/. This file maps flags to options and back.
#include "imnn/error.h"
#include "imnn/inference.h"
#include "imnn/option_schema.h"
#include "imnn/session.h"

#include "commands.h"
#include "interrupt.h"

#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <optional>
#include <regex>
#include <string>
#include <unistd.h>

namespace imnn::cli {

namespace {

// The engine names options by their field in backquotes (`n_samples`); on the
// command line they are flags (--n-samples).
std::string with_flags(const std::string &message) {
  static const std::regex field("`([a-z_]+)`");
  std::string out;
  auto begin = std::sregex_iterator(message.begin(), message.end(), field);
  std::size_t last = 0;
  for (auto it = begin; it != std::sregex_iterator(); ++it) {
    std::string flag = (*it)[1].str();
    for (char &c : flag)
      if (c == '_') c = '-';
    out += message.substr(last, static_cast<std::size_t>(it->position()) - last) + "--" + flag;
    last = static_cast<std::size_t>(it->position() + it->length());
  }
  return out + message.substr(last);
}

// The progress line: redrawn in place on a terminal, one line per 2 s otherwise.
class Progress {
public:
  explicit Progress(bool quiet) : quiet_(quiet), tty_(::isatty(STDERR_FILENO) != 0) {}
  void operator()(double fraction, const std::string &message) {
    if (quiet_) return;
    const auto now = std::chrono::steady_clock::now();
    const bool final = fraction >= 1.0;
    if (!final && now - last_ < (tty_ ? std::chrono::milliseconds(100) : std::chrono::seconds(2)))
      return;
    last_ = now;
    if (tty_)
      std::fprintf(stderr, "\r[%3.0f%%] %s\033[K", 100.0 * fraction, message.c_str());
    else
      std::fprintf(stderr, "[%3.0f%%] %s\n", 100.0 * fraction, message.c_str());
    std::fflush(stderr);
    printed_ = true;
  }
  void finish() {
    if (tty_ && printed_) std::fprintf(stderr, "\n");
  }

private:
  bool quiet_, tty_;
  bool printed_ = false;
  std::chrono::steady_clock::time_point last_{};
};

} // namespace

void add_infer_command(CLI::App &app, InferOptions &o) {
  auto *cmd = app.add_subcommand(
      "infer",
      "Likelihood-free inference with a trained IMNN: ga (Gaussian approximation N(estimate, "
      "F^-1)), abc (rejection ABC) or pmc (ABC population Monte Carlo). Writes "
      "RUN_DIR/inference/<name>/: samples, weights, distances, summaries (.npy), marginals "
      "(.npy + marginals.json with ranges and HPD levels), result.json and a GetDist root. "
      "Defaults: abc draws 1 000 000 and accepts the closest 0.1% (--epsilon auto); pmc runs "
      "until its acceptance falls below --acceptance-ratio. When a limit stops abc or pmc "
      "first, a warning names the option to raise and result.json has \"converged\": false.");
  // The flags come from the inference options' table (inference_option_specs): one
  // per option, --n-samples for n_samples, with its help, range and default; `method`
  // is the first positional argument.
  for (const OptionSpec &spec : lfi::inference_option_specs()) {
    std::string help = spec.long_help();
    if (!spec.groups.empty()) {
      std::string g;
      for (const auto &m : spec.groups)
        g += (g.empty() ? "" : ", ") + m;
      help = g + ": " + help;
    }
    const std::string key = spec.key;
    auto set = [&o, key](const std::vector<std::string> &words) {
      try {
        lfi::set_inference_option_text(o, key, words);
      } catch (const std::exception &e) {
        throw CLI::ValidationError(with_flags(e.what()));
      }
    };
    if (key == "method") {
      cmd->add_option_function<std::string>(
             "method", [set](const std::string &v) { set({v}); }, help)
          ->required()
          ->type_name("ga|abc|pmc");
      cmd->add_option("run", o.run, "Run directory written by `imnn fit`")->required();
      continue;
    }
    switch (spec.type) {
    case OptionType::flag:
      cmd->add_flag_callback(
          spec.flag(), [set] { set({"true"}); }, help);
      break;
    case OptionType::numbers:
    case OptionType::integers:
      cmd->add_option_function<std::vector<std::string>>(spec.flag(), set, help)
          ->type_name(spec.type == OptionType::numbers ? "NUM ..." : "INT ...");
      break;
    default: {
      std::string type = spec.type == OptionType::integer          ? "INT"
                         : spec.type == OptionType::number         ? "NUM"
                         : spec.type == OptionType::number_or_auto ? "auto|NUM"
                                                                   : "TEXT";
      if (spec.type == OptionType::choice) {
        type.clear();
        for (const auto &c : spec.choices)
          type += (type.empty() ? "" : "|") + c;
      }
      cmd->add_option_function<std::string>(
             spec.flag(), [set](const std::string &v) { set({v}); }, help)
          ->type_name(type);
    }
    }
  }
  cmd->add_option("--plugin-dir", o.plugin_dirs, "Extra plugin folder, searched first");
  cmd->add_flag("--quiet,-q", o.quiet, "No progress line");
}

int run_infer(const InferOptions &o, const std::shared_ptr<Communicator> &comm) {
  // Under MPI every rank runs the sampler on its share of the simulations; rank 0
  // alone prints and writes. Ctrl-C / SIGTERM (mpirun passes it to every rank) stops
  // every rank after the same draws, and rank 0 writes them, cancelled, as one process does.
  const bool lead = comm->rank() == 0, distributed = comm->size() > 1;
  Progress progress(o.quiet || !lead);
  std::optional<lfi::InferenceResult> result;
  std::exception_ptr error;
  try {
    const lfi::CheckedInferenceOptions checked(o); // before plugins and the model are read
    const PluginRegistry registry = scan_plugins(with_recorded_dirs(o.plugin_dirs, o.run));
    // A simulator hanging without isolation: the process ends --stop-grace s later.
    const InterruptGuard interrupt(lead ? "The inference's output folder under " + o.run +
                                              "/inference/ is incomplete: run it again with "
                                              "--replace.\n"
                                        : std::string(),
                                   default_stop_grace_seconds, /*quiet=*/true);
    result.emplace(lfi::run_inference(
        o.run, registry, checked, [&](double f, const std::string &m) { progress(f, m); },
        InterruptGuard::flag(), comm));
  } catch (...) {
    error = std::current_exception();
  }
  progress.finish();
  try {
    // Every rank ends here: the lowest rank's error (the same on every rank when the
    // options are wrong; rank 0's when writing failed) is every rank's.
    if (distributed)
      agree_on_error(*comm, error, comm->rank());
    else if (error)
      std::rethrow_exception(error);
  } catch (const std::exception &e) {
    if (lead) std::fprintf(stderr, "error: %s\n", with_flags(e.what()).c_str());
    if (distributed) (void)comm->any(false); // the others wait until rank 0 said it
    return 1;
  }
  const lfi::InferenceResult &r = *result;
  const int code = r.cancelled ? 130 : 0; // the shell's code for a stop by a signal
  // Rank 0 has written the results; a rank that ended first with code 130 would make
  // mpirun stop the job, so every rank waits until rank 0 has printed them too.
  const auto done = [&] {
    if (distributed) (void)comm->any(false);
    return code;
  };
  if (!lead) return done();
  {
    std::printf("%s: %td samples, %td simulations, %.1f s%s -> %s\n", o.method.c_str(),
                r.samples.rows(), r.simulations, r.seconds, r.cancelled ? " (cancelled)" : "",
                r.dir.c_str());
    const nlohmann::json &posterior = r.json["posterior"];
    for (const auto &n : r.param_names) {
      std::printf("  %s = %.6g +- %.6g\n", n.c_str(),
                  posterior["mean"][n].is_number() ? posterior["mean"][n].get<double>() : NAN,
                  posterior["sd"][n].is_number() ? posterior["sd"][n].get<double>() : NAN);
    }
    if (r.json.contains("epsilon_auto") && r.json["epsilon_auto"].get<bool>())
      std::printf("  epsilon = %.6g (auto: the %g quantile of the distances)\n",
                  r.json["epsilon"].get<double>(), r.json["accept_fraction"].get<double>());
    if (r.cancelled) {
      std::fflush(stdout);
      std::fprintf(stderr,
                   "interrupted: %s stopped after %td simulations; %s holds what was complete "
                   "(result.json: \"cancelled\": true, \"converged\": false)\n",
                   o.method.c_str(), r.simulations, r.dir.c_str());
    }
    if (!r.converged && !r.cancelled) {
      std::fflush(stdout);
      std::fprintf(stderr,
                   "warning: %s did not converge: %s. The posterior in %s is not the method's "
                   "answer yet (result.json: \"converged\": false).\n",
                   o.method.c_str(), with_flags(r.convergence).c_str(), r.dir.c_str());
    }
  }
  std::fflush(stdout);
  return done();
}

} // namespace imnn::cli

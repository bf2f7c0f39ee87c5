#include "run.h"

#include "imnn/arrays.h"
#include "imnn/error.h"
#include "imnn/inference.h"
#include "imnn/json_reader.h"
#include "imnn/refit.h"
#include "imnn/run_directory.h"

#include "blocking.h"
#include "conversions.h"
#include "registry.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <exception>
#include <fstream>
#include <iterator>
#include <pybind11/stl.h>
#include <unistd.h>

namespace py = pybind11;
namespace fs = std::filesystem;

namespace imnn::python {

namespace {

// A target given as an array goes to the engine as a temporary .npy file.
struct TargetFile {
  std::string path;
  std::optional<fs::path> temporary;
  explicit TargetFile(const py::object &target) {
    if (py::isinstance<py::str>(target) || py::hasattr(target, "__fspath__")) {
      path = py::str(py::module_::import("os").attr("fspath")(target)).cast<std::string>();
      return;
    }
    if (target.is_none()) return;
    using Doubles = py::array_t<double, py::array::c_style | py::array::forcecast>;
    const Doubles t = Doubles::ensure(target);
    if (!t) throw py::type_error("`target` must be a numpy array or a file path");
    std::vector<imnn::Index> shape;
    for (py::ssize_t i = 0; i < t.ndim(); ++i)
      shape.push_back(static_cast<imnn::Index>(t.shape(i)));
    temporary =
        fs::temp_directory_path() /
        ("imnn_studio_target_" + std::to_string(::getpid()) + "_" +
         std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()) + ".npy");
    imnn::save_npy(*temporary, shape, t.data());
    path = temporary->string();
  }
  ~TargetFile() {
    std::error_code ec;
    if (temporary) fs::remove(*temporary, ec);
  }
  TargetFile(const TargetFile &) = delete;
  TargetFile &operator=(const TargetFile &) = delete;
};

} // namespace

std::shared_ptr<Run> Run::load(const fs::path &dir, std::shared_ptr<PythonSimulator> sim,
                               std::vector<std::string> plugin_dirs) {
  auto run = std::make_shared<Run>();
  run->path = fs::absolute(dir).lexically_normal();
  auto read_json = [&](const char *name, bool required) {
    std::ifstream in(run->path / name);
    if (!in) {
      if (required)
        throw imnn::Error((run->path / name).string() +
                          " is missing: not a run directory written by imnn fit or "
                          "imnn_studio.fit");
      return nlohmann::json();
    }
    const std::string text{std::istreambuf_iterator<char>(in), {}};
    return imnn::parse_json_text(text, (run->path / name).string());
  };
  run->config = read_json("config.json", true);
  run->result = read_json("result.json", false);
  run->history = History::read(run->path / "history.csv");
  if (run->result.contains("max_detF") && run->result["max_detF"].is_number())
    run->history.max_detF = run->result["max_detF"].get<double>();
  run->simulator = std::move(sim);
  run->plugin_dirs = std::move(plugin_dirs);
  for (auto &d : imnn::recorded_plugin_dirs(run->path))
    run->plugin_dirs.push_back(std::move(d));
  return run;
}

imnn::Compressor &Run::compressor() {
  if (!compressor_) {
    if (!fs::exists(path / "model.json"))
      throw imnn::Error(path.string() +
                        " has no model.json: the fit stopped before it measured the Fisher "
                        "information (" +
                        result.value("stop_reason", result.value("error", std::string("?"))) +
                        "); fit again, or resume with `imnn fit --resume " + path.string() + "`");
    registry_ = make_registry(plugin_dirs, simulator);
    compressor_.emplace(imnn::Compressor::load(path, *registry_, config.value("threads", 0)));
  }
  return *compressor_;
}

py::array Run::compress(const py::array &x, bool est) {
  std::lock_guard<std::mutex> lock(mutex_);
  imnn::Compressor &c = compressor();
  const char kind = x.dtype().kind();
  if (kind != 'f' && kind != 'i' && kind != 'u')
    throw py::type_error("x has dtype " + std::string(py::str(x.dtype())) +
                         "; give real numbers (float64 or float32)");
  // float64 in C order is used in place; anything else is converted once.
  using Doubles = py::array_t<double, py::array::c_style | py::array::forcecast>;
  const Doubles d = Doubles::ensure(x);
  imnn::ArrayInfo info;
  for (py::ssize_t i = 0; i < d.ndim(); ++i)
    info.shape.push_back(static_cast<imnn::Index>(d.shape(i)));
  info.source = "x";
  bool single = false;
  const imnn::Index n = c.batch_of(info, &single);
  const imnn::Index width = est ? c.n_params() : c.n_summaries();
  py::array_t<double> out =
      single ? py::array_t<double>(static_cast<py::ssize_t>(width))
             : py::array_t<double>({static_cast<py::ssize_t>(n), static_cast<py::ssize_t>(width)});
  double *o = out.mutable_data();
  const double *in = d.data();
  {
    py::gil_scoped_release release;
    if (est)
      c.estimate(in, n, o);
    else
      c.summarise(in, n, o);
  }
  return out;
}

Inference Run::infer(const std::string &method, const py::object &target, const py::kwargs &kw) {
  imnn::lfi::InferenceOptions o;
  o.method = method;
  const TargetFile file(target); // removes its temporary file on every way out
  o.target = file.path;
  // The keywords are the inference options' keys (imnn/inference.h's table, which also
  // takes the reference's names, e.g. ε); None resets an option to its default.
  for (const auto &[k, v] : kw) {
    const std::string key = py::str(k);
    bool known = false;
    for (const auto &spec : imnn::lfi::inference_option_specs())
      known = known || (key != "method" && (spec.key == key || spec.reference == key));
    if (!known) {
      std::string keys;
      for (const auto &spec : imnn::lfi::inference_option_specs())
        if (spec.key != "method") keys += (keys.empty() ? "" : ", ") + spec.key;
      throw py::type_error("infer() got an unexpected option '" + key + "'; the options are " +
                           keys);
    }
    // numpy arrays and scalars as Python lists and numbers
    const py::object value =
        py::hasattr(v, "tolist") ? v.attr("tolist")() : py::reinterpret_borrow<py::object>(v);
    imnn::lfi::set_inference_option(o, key, to_json(value, ("infer option " + key).c_str()));
  }
  const imnn::lfi::CheckedInferenceOptions checked(o); // before the compressor is loaded
  imnn::Compressor &c = compressor();
  std::atomic<bool> cancel{false};
  std::exception_ptr error;
  imnn::lfi::InferenceResult r;
  std::shared_ptr<PythonSimulator> sim = simulator;
  const Blocking b = run_releasing(
      [&] {
        PythonSimulator::Creating creating(sim.get());
        r = imnn::lfi::run_inference(c, *registry_, path, checked, {}, &cancel);
      },
      cancel, {}, error);
  if (b.poll_error) throw *b.poll_error;
  if (error) std::rethrow_exception(error);
  Inference out;
  out.method = r.method;
  out.name = r.name;
  out.dir = r.dir.string();
  out.getdist_root = r.getdist_root.string();
  out.param_names = r.param_names;
  out.samples = matrix(r.samples);
  out.weights = vector(r.weights);
  out.estimate = vector(std::vector<double>(r.target_estimate.data(),
                                            r.target_estimate.data() + r.target_estimate.size()));
  out.converged = r.converged;
  out.convergence = r.convergence;
  out.cancelled = r.cancelled || b.interrupted;
  out.simulations = r.simulations;
  out.seconds = r.seconds;
  out.result = to_python(r.json);
  return out;
}

py::dict Run::refit(const py::object &target, const RefitArgs &a) {
  const bool has_theta = !a.target_theta.is_none();
  if (target.is_none() != has_theta) // neither given, or both
    throw py::value_error(
        has_theta ? "`target` and `target_theta` both given: use one of them"
                  : "no target: give the observed data (`target`, a numpy array of shape "
                    "(*input_shape) or a data file) or `target_theta` (simulate the target "
                    "with the run's simulator at these parameters, seed `target_seed`)");
  if (a.callback_every < 1) throw py::value_error("`callback_every` must be >= 1");
  for (const auto *c : {&a.callback, &a.iteration_callback})
    if (!c->is_none() && !PyCallable_Check(c->ptr()))
      throw py::type_error("`callback` and `iteration_callback` must be callable with a dict");
  TargetFile file(target);
  imnn::RefitOptions o;
  o.target = file.path;
  if (has_theta) {
    using Doubles = py::array_t<double, py::array::c_style | py::array::forcecast>;
    const Doubles t = Doubles::ensure(a.target_theta);
    if (!t || t.ndim() != 1)
      throw py::type_error("`target_theta` must be a sequence of numbers, one per parameter");
    o.target_theta.assign(t.data(), t.data() + t.size());
    o.target_seed = a.target_seed;
  }
  o.rounds = a.rounds;
  o.tolerance = a.tolerance;
  o.warm_start = a.warm_start;
  o.max_iterations = a.max_iterations;
  o.replace = a.replace;
  compressor(); // the registry (and a clear error when the run has no model)
  std::shared_ptr<PythonSimulator> sim = simulator;
  std::shared_ptr<imnn::PluginRegistry> registry = registry_;
  std::atomic<bool> cancel{false};
  std::atomic<bool> over{false};
  std::exception_ptr error;
  std::mutex m;
  std::vector<imnn::RefitRound> done;
  std::size_t reported = 0;
  // Iteration records of the rounds, queued by the fitting thread. Every
  // callback_every-th record of a round and the last one are delivered; a round's last
  // record is known once a later round's record or the round's result has arrived.
  struct Queued {
    int round, count, max_iterations;
    imnn::IterationRecord record;
  };
  std::vector<Queued> queue;
  int round_of_count = 0, count = 0;
  if (!a.iteration_callback.is_none())
    o.on_iteration = [&](int round, const imnn::IterationRecord &r, int max_iterations) {
      std::lock_guard<std::mutex> lock(m);
      if (round != round_of_count) round_of_count = round, count = 0;
      queue.push_back({round, ++count, max_iterations, r});
    };
  const auto deliver_iterations = [&]() -> bool {
    std::vector<Queued> items;
    std::vector<int> finished;
    {
      std::lock_guard<std::mutex> lock(m);
      items.swap(queue);
      for (const auto &r : done)
        finished.push_back(r.round);
    }
    const bool all_over = over.load();
    for (std::size_t k = 0; k < items.size(); ++k) {
      const Queued &q = items[k];
      const bool last =
          k + 1 < items.size()
              ? items[k + 1].round != q.round
              : all_over || std::find(finished.begin(), finished.end(), q.round) != finished.end();
      if (q.count % a.callback_every == 0 || last) {
        py::dict d = record_dict(q.record);
        d["round"] = q.round;
        d["max_iterations"] = q.max_iterations;
        py::object answer = a.iteration_callback(d);
        if (py::isinstance<py::bool_>(answer) && !answer.cast<bool>()) return false;
      } else if (k + 1 == items.size()) { // maybe the round's last: decide on the next poll
        std::lock_guard<std::mutex> lock(m);
        queue.insert(queue.begin(), q);
      }
    }
    return true;
  };
  imnn::RefitResult r;
  const Blocking b = run_releasing(
      [&] {
        struct Over {
          std::atomic<bool> &flag;
          ~Over() { flag.store(true); }
        } end{over};
        PythonSimulator::Creating creating(sim.get());
        r = imnn::refit(
            path, registry, o,
            [&](const imnn::RefitRound &round) {
              std::lock_guard<std::mutex> lock(m);
              done.push_back(round);
            },
            &cancel);
      },
      cancel,
      [&]() -> bool {
        if (!a.iteration_callback.is_none() && !deliver_iterations()) return false;
        if (a.callback.is_none()) return true;
        std::vector<imnn::RefitRound> fresh;
        {
          std::lock_guard<std::mutex> lock(m);
          fresh.assign(done.begin() + static_cast<std::ptrdiff_t>(reported), done.end());
          reported = done.size();
        }
        for (const auto &round : fresh) {
          py::dict d;
          d["round"] = round.round;
          d["theta_fid"] = vector(round.theta_fid);
          d["estimate"] = vector(round.estimate);
          d["detF"] = round.detF;
          d["moved_sd"] = round.moved_sd;
          d["run"] = round.run_dir.string();
          py::object answer = a.callback(d);
          if (py::isinstance<py::bool_>(answer) && !answer.cast<bool>()) return false;
        }
        return true;
      },
      error);
  if (b.poll_error) throw *b.poll_error;
  if (error) std::rethrow_exception(error);
  py::dict out = to_python(r.json);
  py::list runs;
  for (const auto &round : r.rounds)
    runs.append(round.round == 0 ? py::cast(shared_from_this())
                                 : py::cast(Run::load(round.run_dir, simulator, plugin_dirs)));
  out["runs"] = runs;
  py::list estimates;
  for (const auto &round : r.rounds)
    estimates.append(vector(round.estimate));
  out["trajectory"] = py::module_::import("numpy").attr("array")(estimates);
  return out;
}

} // namespace imnn::python

#include "imnn/checkpoint.h"

#include "imnn/error.h"
#include "imnn/json_reader.h"
#include "imnn/run_directory.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string_view>
#include <unistd.h>

namespace imnn {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr std::string_view kMagic = "IMNNCKPT";
constexpr std::size_t kHeaderSize = 32;
constexpr const char *kFormat = "imnn-studio-checkpoint";
constexpr std::size_t kHistoryFields = 16;

std::uint64_t fnv1a64(std::string_view data) {
  std::uint64_t h = 14695981039346656037ull;
  for (const char c : data) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  return h;
}

template <class U>
void put_le(std::string &out, U v) {
  for (std::size_t i = 0; i < sizeof(U); ++i)
    out.push_back(static_cast<char>((v >> (8 * i)) & 0xffu));
}

template <class U>
U get_le(const unsigned char *p) {
  U v = 0;
  for (std::size_t i = 0; i < sizeof(U); ++i)
    v = static_cast<U>(v | static_cast<U>(static_cast<U>(p[i]) << (8 * i)));
  return v;
}

// Little-endian IEEE bytes of float32 / float64 values, whatever the host order.
template <class F, class U>
json::binary_t to_bytes(const std::vector<F> &values) {
  static_assert(sizeof(F) == sizeof(U));
  std::vector<std::uint8_t> bytes(values.size() * sizeof(U));
  if constexpr (std::endian::native == std::endian::little) {
    if (!values.empty()) std::memcpy(bytes.data(), values.data(), bytes.size());
  } else {
    for (std::size_t i = 0; i < values.size(); ++i) {
      const U u = std::bit_cast<U>(values[i]);
      for (std::size_t b = 0; b < sizeof(U); ++b)
        bytes[i * sizeof(U) + b] = static_cast<std::uint8_t>((u >> (8 * b)) & 0xffu);
    }
  }
  return json::binary_t(std::move(bytes));
}

template <class F, class U>
std::vector<F> from_bytes(const json &j, const char *key) {
  const json &b = j.at(key);
  if (!b.is_binary()) throw Error(std::string("`") + key + "` is not a byte string");
  const auto &bytes = b.get_binary();
  if (bytes.size() % sizeof(U) != 0)
    throw Error(std::string("`") + key + "` has " + std::to_string(bytes.size()) +
                " bytes, not a whole number of values");
  std::vector<F> out(bytes.size() / sizeof(U));
  for (std::size_t i = 0; i < out.size(); ++i)
    out[i] = std::bit_cast<F>(get_le<U>(bytes.data() + i * sizeof(U)));
  return out;
}

std::vector<double> history_values(const std::vector<IterationRecord> &history) {
  std::vector<double> v;
  v.reserve(history.size() * kHistoryFields);
  for (const auto &r : history) {
    for (double x :
         {double(r.iteration), r.train.detF, r.train.detC, r.train.detinvC, r.train.Lambda2,
          r.train.r, r.val.detF, r.val.detC, r.val.detinvC, r.val.Lambda2, r.val.r, r.loss,
          r.seconds, r.max_detF, double(r.patience_counter), double(r.iteration_in_call)})
      v.push_back(x);
  }
  return v;
}

// A counter stored as a double in the history: refused unless a whole number in int's
// range (casting 1e249 to int is undefined; found by tests/fuzz/fuzz_checkpoint).
int history_int(double x, std::size_t row, const char *field) {
  if (!(x >= 0 && x <= 2147483647.0) || x != static_cast<double>(static_cast<long long>(x)))
    throw Error("`history` row " + std::to_string(row) + " has " + field + " " + std::to_string(x) +
                ", not a count");
  return static_cast<int>(x);
}

std::vector<IterationRecord> history_records(const std::vector<double> &v) {
  if (v.size() % kHistoryFields != 0)
    throw Error("`history` is not a whole number of rows of " + std::to_string(kHistoryFields));
  std::vector<IterationRecord> out(v.size() / kHistoryFields);
  for (std::size_t i = 0; i < out.size(); ++i) {
    const double *x = v.data() + i * kHistoryFields;
    IterationRecord &r = out[i];
    r.iteration = history_int(x[0], i, "iteration");
    r.train = SetStatistics{x[1], x[2], x[3], x[4], x[5]};
    r.val = SetStatistics{x[6], x[7], x[8], x[9], x[10]};
    r.loss = x[11];
    r.seconds = x[12];
    r.max_detF = x[13];
    r.patience_counter = history_int(x[14], i, "patience_counter");
    r.iteration_in_call = history_int(x[15], i, "iteration_in_call");
  }
  return out;
}

// The optimiser's state with its long float vectors (Adam's m and v, SGD's velocity)
// moved out as little-endian float32 byte strings: exact, and ten times faster to
// write than CBOR numbers one by one.
void split_optimiser_state(const json &state, json &rest, json &vectors) {
  vectors = json::object();
  if (!state.is_object()) {
    rest = state;
    return;
  }
  rest = json::object();
  for (const auto &[key, value] : state.items()) {
    if (!value.is_array() || value.size() < 16) {
      rest[key] = value;
      continue;
    }
    std::vector<float> v;
    v.reserve(value.size());
    bool floats = true;
    for (const auto &e : value) {
      if (!e.is_number()) {
        floats = false;
        break;
      }
      const double d = e.get<double>();
      v.push_back(static_cast<float>(d));
      floats = floats && static_cast<double>(v.back()) == d;
    }
    if (floats)
      vectors[key] = to_bytes<float, std::uint32_t>(v);
    else
      rest[key] = value;
  }
}

json join_optimiser_state(const json &rest, const json &vectors) {
  json state = rest;
  for (const auto &[key, value] : vectors.items()) {
    (void)value;
    state[key] = from_bytes<float, std::uint32_t>(vectors, key.c_str());
  }
  return state;
}

// CBOR into json with nesting limited to kMaxJsonDepth: json::from_cbor recurses once
// per level, so a checkpoint nesting 100 000 arrays (with a recomputed checksum)
// overflowed the stack (found by tests/fuzz/fuzz_checkpoint).
class DepthLimitedCbor final : public nlohmann::json_sax<json> {
public:
  explicit DepthLimitedCbor(json &out) : dom_(out, true) {}
  bool too_deep() const { return too_deep_; }
  bool null() override { return dom_.null(); }
  bool boolean(bool v) override { return dom_.boolean(v); }
  bool number_integer(number_integer_t v) override { return dom_.number_integer(v); }
  bool number_unsigned(number_unsigned_t v) override { return dom_.number_unsigned(v); }
  bool number_float(number_float_t v, const string_t &s) override {
    return dom_.number_float(v, s);
  }
  bool string(string_t &v) override { return dom_.string(v); }
  bool binary(binary_t &v) override { return dom_.binary(v); }
  bool start_object(std::size_t n) override { return enter() && dom_.start_object(n); }
  bool key(string_t &v) override { return dom_.key(v); }
  bool end_object() override {
    --depth_;
    return dom_.end_object();
  }
  bool start_array(std::size_t n) override { return enter() && dom_.start_array(n); }
  bool end_array() override {
    --depth_;
    return dom_.end_array();
  }
  bool parse_error(std::size_t pos, const std::string &token,
                   const nlohmann::detail::exception &e) override {
    return dom_.parse_error(pos, token, e);
  }

private:
  bool enter() {
    if (++depth_ > kMaxJsonDepth) too_deep_ = true;
    return !too_deep_;
  }
  nlohmann::detail::json_sax_dom_parser<json> dom_;
  int depth_ = 0;
  bool too_deep_ = false;
};

json cbor_to_json(std::string_view payload) {
  json j;
  DepthLimitedCbor sax(j);
  const bool ok = json::sax_parse(payload.begin(), payload.end(), &sax,
                                  nlohmann::detail::input_format_t::cbor, true);
  if (sax.too_deep())
    throw Error("it nests arrays or maps deeper than " + std::to_string(kMaxJsonDepth) +
                " levels, which no checkpoint does");
  if (!ok) throw Error("its data is not valid CBOR");
  return j;
}

const char *kCannotResume = "; the run cannot be resumed from this checkpoint: start the fit again "
                            "from the run's config.json with a new --run-dir";

// The first key where two resolved configs differ, ignoring what may change
// between the parts of a run (threads, plugin folders, and how the work is split:
// devices, n_per_device, the memory budget, streaming - the result does not depend
// on them); empty when equal.
std::string first_difference(const json &saved, const json &now, std::string &was,
                             std::string &is) {
  const json a = saved.flatten(), b = now.flatten();
  auto ignored = [](const std::string &key) {
    return key == "/threads" || key.rfind("/plugin_dirs", 0) == 0 ||
           key.rfind("/devices", 0) == 0 || key == "/n_per_device" ||
           key == "/fit/memory_budget_mb" || key == "/data/stream";
  };
  for (const auto &[key, value] : a.items()) {
    if (ignored(key)) continue;
    const auto it = b.find(key);
    if (it == b.end() || *it != value) {
      was = value.dump();
      is = it == b.end() ? std::string("absent") : it->dump();
      return key;
    }
  }
  for (const auto &[key, value] : b.items())
    if (!ignored(key) && !a.contains(key)) {
      was = "absent";
      is = value.dump();
      return key;
    }
  return {};
}

} // namespace

fs::path checkpoint_file(const fs::path &run_dir) {
  return run_dir / "checkpoint" / "state.ckpt";
}

std::string encode_checkpoint(const Checkpoint &c) {
  const FitterState &s = c.state;
  json j;
  j["format"] = kFormat;
  j["version"] = Checkpoint::kVersion;
  j["config"] = c.config;
  j["next_iteration"] = s.next_iteration;
  j["best_iteration"] = s.best_iteration;
  j["max_detF"] = s.max_detF;
  j["weights"] = to_bytes<float, std::uint32_t>(s.weights);
  j["best_weights"] = to_bytes<float, std::uint32_t>(s.best_weights);
  split_optimiser_state(s.optimiser, j["optimiser"], j["optimiser_vectors"]);
  j["history_fields"] = kHistoryFields;
  j["history"] = to_bytes<double, std::uint64_t>(history_values(s.history));
  j["call_open"] = s.call_open;
  j["call_iterations"] = s.call_iterations;
  j["patience_counter"] = s.patience_counter;
  j["call_seconds"] = s.call_seconds;
  j["whitened_init"] = s.whitened_init;
  std::string payload;
  json::to_cbor(j, payload);
  return frame_checkpoint_payload(payload);
}

std::string frame_checkpoint_payload(const std::string &payload) {
  std::string out(kMagic);
  put_le(out, static_cast<std::uint32_t>(Checkpoint::kVersion));
  put_le(out, std::uint32_t{0});
  put_le(out, static_cast<std::uint64_t>(payload.size()));
  put_le(out, fnv1a64(payload));
  return out + payload;
}

Checkpoint decode_checkpoint(const std::string &bytes, const std::string &source) {
  auto damaged = [&](const std::string &what) {
    return Error("checkpoint " + source + " " + what + kCannotResume);
  };
  if (bytes.size() < kHeaderSize)
    throw damaged("is truncated (" + std::to_string(bytes.size()) +
                  " bytes, shorter than its header)");
  if (std::string_view(bytes).substr(0, kMagic.size()) != kMagic)
    throw damaged("is not an IMNN Studio checkpoint (wrong magic bytes)");
  const auto *p = reinterpret_cast<const unsigned char *>(bytes.data());
  const auto version = get_le<std::uint32_t>(p + 8);
  if (version != Checkpoint::kVersion)
    throw Error("checkpoint " + source + " has format version " + std::to_string(version) +
                "; this build reads version " + std::to_string(Checkpoint::kVersion) +
                ": resume it with the IMNN Studio version that wrote it");
  const auto size = get_le<std::uint64_t>(p + 16);
  const auto hash = get_le<std::uint64_t>(p + 24);
  const std::string_view payload = std::string_view(bytes).substr(kHeaderSize);
  if (payload.size() != size)
    throw damaged("is truncated or damaged: its header announces " + std::to_string(size) +
                  " bytes of data but it holds " + std::to_string(payload.size()));
  if (fnv1a64(payload) != hash)
    throw damaged("is damaged: its checksum does not match its contents (disk error or a "
                  "modified file)");
  try {
    const json j = cbor_to_json(payload);
    if (j.at("format").get<std::string>() != kFormat || j.at("version").get<int>() != 1)
      throw Error("unknown format or version");
    if (j.at("history_fields").get<std::size_t>() != kHistoryFields)
      throw Error("history rows of an unknown layout");
    Checkpoint c;
    c.config = j.at("config");
    FitterState &s = c.state;
    s.next_iteration = j.at("next_iteration").get<int>();
    s.best_iteration = j.at("best_iteration").get<int>();
    s.max_detF = j.at("max_detF").get<double>();
    s.weights = from_bytes<float, std::uint32_t>(j, "weights");
    s.best_weights = from_bytes<float, std::uint32_t>(j, "best_weights");
    s.optimiser = join_optimiser_state(j.at("optimiser"), j.at("optimiser_vectors"));
    s.history = history_records(from_bytes<double, std::uint64_t>(j, "history"));
    s.call_open = j.at("call_open").get<bool>();
    s.call_iterations = j.at("call_iterations").get<int>();
    s.patience_counter = j.at("patience_counter").get<int>();
    s.call_seconds = j.at("call_seconds").get<double>();
    // Absent in checkpoints written before it was recorded: not known, so not claimed.
    s.whitened_init = j.value("whitened_init", false);
    return c;
  } catch (const json::exception &e) {
    throw damaged(std::string("is damaged: ") + e.what());
  } catch (const Error &e) {
    throw damaged(std::string("is damaged: ") + e.what());
  }
}

void save_checkpoint(const fs::path &run_dir, const Checkpoint &checkpoint) {
  const fs::path file = checkpoint_file(run_dir);
  std::error_code ec;
  fs::create_directories(file.parent_path(), ec);
  if (ec)
    throw Error("cannot create " + file.parent_path().string() + ": " + ec.message() +
                " (check free disk space and permissions)");
  write_file_atomically(file, encode_checkpoint(checkpoint));
  // Makes the rename itself durable (a power cut could otherwise lose it).
  const int fd = ::open(file.parent_path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0) {
    (void)::fsync(fd);
    ::close(fd);
  }
}

void save_checkpoint(const fs::path &run_dir, const Fitter &fitter) {
  save_checkpoint(run_dir, Checkpoint{fitter.state(), fitter.config().to_json()});
}

Checkpoint load_checkpoint(const fs::path &run_dir) {
  const fs::path file = checkpoint_file(run_dir);
  std::ifstream in(file, std::ios::binary);
  if (!in)
    throw Error("run " + run_dir.string() + " has no checkpoint (" + file.string() +
                " is missing): it stopped before its first checkpoint or fit.checkpoint_every "
                "was 0; start the fit again from its config.json with a new --run-dir");
  const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  return decode_checkpoint(bytes, file.string());
}

void enable_checkpoints(Fitter &fitter, const fs::path &run_dir) {
  fitter.set_checkpoint_hook(fitter.config().fit.checkpoint_every, [run_dir](const Fitter &f) {
    Communicator &comm = f.communicator();
    if (comm.size() == 1) return save_checkpoint(run_dir, f);
    std::exception_ptr error;
    if (comm.rank() == 0) try {
        save_checkpoint(run_dir, f);
      } catch (...) {
        error = std::current_exception();
      }
    agree_on_error(comm, error);
  });
}

ResumedRun resume_run(const fs::path &run_dir, const std::vector<std::string> &extra_plugin_dirs,
                      int threads, std::shared_ptr<Communicator> comm) {
  const fs::path config_file = run_dir / "config.json";
  if (!fs::is_regular_file(config_file))
    throw Error("cannot resume " + run_dir.string() + ": it is not a run directory (no " +
                "config.json); give the folder `imnn fit` wrote the run into");
  auto finished = [&](const std::string &how) {
    return Error("run " + run_dir.string() + " is finished (" + how +
                 "): there is nothing to resume. To fit further, start a new run, e.g. `imnn "
                 "fit " +
                 config_file.string() + " --run-dir NEW_DIR`");
  };
  std::ifstream result_in(run_dir / "result.json");
  if (result_in) {
    json result;
    try {
      result = parse_json_text(
          std::string{std::istreambuf_iterator<char>(result_in), std::istreambuf_iterator<char>()},
          "result.json");
    } catch (const Error &) {
      result = json::object(); // unreadable: the checkpoint decides below
    }
    const std::string reason = result.value("stop_reason", std::string());
    if (!result.contains("error") && (reason == "patience" || reason == "max_iterations"))
      throw finished("stopped by " + reason + " after " +
                     std::to_string(result.value("iterations", 0)) +
                     " iterations; its model is in " + (run_dir / "model.json").string());
  }
  Checkpoint checkpoint = load_checkpoint(run_dir);
  if (!checkpoint.state.call_open)
    throw finished("its checkpoint was written after the fit ended, at iteration " +
                   std::to_string(checkpoint.state.next_iteration));

  RunConfig config = RunConfig::load(config_file);
  for (const auto &d : extra_plugin_dirs)
    config.plugin_dirs.push_back(d);
  if (threads >= 0) config.threads = threads;
  const bool writer = !comm || comm->rank() == 0;
  FitSession session = prepare_fit(std::move(config), std::move(comm));
  std::string was, is;
  std::string key = first_difference(checkpoint.config, session.config.to_json(), was, is);
  std::replace(key.begin(), key.end(), '/', '.'); // "/fit/patience" -> ".fit.patience"
  if (!key.empty()) key.erase(0, 1);
  if (!key.empty())
    throw Error(config_file.string() + " no longer matches the run's checkpoint (at `" + key +
                "`: " + was + " when checkpointed, " + is +
                " now); restore it to resume, or start a new run with the new config");
  session.fitter->restore(checkpoint.state);
  RunDirectory run = writer ? RunDirectory::reopen(run_dir, checkpoint.state.history)
                            : RunDirectory::attach(run_dir);
  return ResumedRun{std::move(session), std::move(run), checkpoint.state.call_iterations};
}

std::string save_final_checkpoint(const std::filesystem::path &run_dir, const Fitter &fitter) {
  if (fitter.config().fit.checkpoint_every == 0) return "checkpoints are disabled";
  try {
    save_checkpoint(run_dir, fitter);
    return "checkpoint saved at iteration " + std::to_string(fitter.history().size());
  } catch (const std::exception &e) {
    std::error_code ec;
    if (fs::is_regular_file(checkpoint_file(run_dir), ec))
      return std::string("the last periodic checkpoint is kept; a final one could not be "
                         "written: ") +
             e.what();
    return std::string("no checkpoint could be written (") + e.what() +
           "), so this run cannot be resumed: start it again once the cause is fixed";
  }
}

} // namespace imnn

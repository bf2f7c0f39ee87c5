// The single-process Communicator and the error agreement (imnn/communicator.h).
#include "imnn/communicator.h"

#include "imnn/error.h"

#include <cstdlib>
#include <limits>

namespace imnn {

void Communicator::abort(int code) {
  std::exit(code);
}

std::shared_ptr<Communicator> single_process() {
  return std::make_shared<Communicator>();
}

void agree_on_error(Communicator &comm, std::exception_ptr error, std::int64_t key) {
  if (comm.size() == 1) {
    if (error) {
      try {
        std::rethrow_exception(error);
      } catch (const std::exception &e) {
        comm.agreed_error_ = e.what();
      } catch (...) {
      }
      std::rethrow_exception(error);
    }
    return;
  }
  constexpr std::int64_t none = std::numeric_limits<std::int64_t>::max();
  const std::int64_t first = comm.min(error ? key : none);
  if (first == none) return;
  const std::int64_t owner = comm.min(error && key == first ? comm.rank() : none);
  // The owner sends its error as its class letter, whether it was agreed on before
  // (then its message already names its rank) and the message.
  std::string text;
  if (comm.rank() == owner) {
    std::string what = "unknown error";
    char kind = 'E';
    try {
      std::rethrow_exception(error);
    } catch (const NumericalError &e) {
      kind = 'N', what = e.what();
    } catch (const PluginError &e) {
      kind = 'P', what = e.what();
    } catch (const std::exception &e) {
      what = e.what();
    } catch (...) {
    }
    text = std::string(1, kind) + (what == comm.agreed_error_ ? 'A' : 'L') + what;
  }
  text = comm.broadcast(text, static_cast<int>(owner));
  if (text.size() < 2) text = "EL" + std::string("unknown error");
  const std::string message =
      text[1] == 'A' ? text.substr(2) : "rank " + std::to_string(owner) + ": " + text.substr(2);
  comm.agreed_error_ = message;
  if (text[0] == 'N') throw NumericalError(message);
  if (text[0] == 'P') throw PluginError(message);
  throw Error(message);
}

} // namespace imnn

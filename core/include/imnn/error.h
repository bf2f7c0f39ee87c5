// Errors raised by the engine. Every message names the problem and, where there
// is one, the fix; callers show e.what() to the user unchanged.
#pragma once

#include <stdexcept>
#include <string>

namespace imnn {

class Error : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

// A configuration value is wrong; key() is the JSON path ("fit.patience").
class ConfigError : public Error {
public:
  ConfigError(std::string key, std::string message)
      : Error("config: `" + key + "`: " + message), key_(std::move(key)),
        message_(std::move(message)) {}
  const std::string &key() const { return key_; }
  const std::string &message() const { return message_; }

private:
  std::string key_;
  std::string message_;
};

// A plugin could not be loaded or misbehaved.
class PluginError : public Error {
public:
  using Error::Error;
};

// An isolated simulator plugin's process crashed, exited or ran past its timeout
// (imnn/plugin_host.h): the call is lost, so it is not retried one simulation at a time.
class PluginCrashError : public PluginError {
public:
  using PluginError::PluginError;
};

// C or F is singular (or not finite): the step is refused, never applied.
class NumericalError : public Error {
public:
  using Error::Error;
};

} // namespace imnn

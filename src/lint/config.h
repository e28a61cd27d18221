// `.aligncheck.toml`: per-project rule settings and default solver limits,
// found by walking up from each spec file's directory.
//
//   [rules]
//   AC007 = "off"          # or "note", "warning", "error"
//   [check]
//   timeout = 30           # seconds, wall-clock safety net per query
//   rlimit = 50000000      # solver resource limit per query
//   strict = true          # UNKNOWN and vacuous verdicts are findings
#ifndef ALIGNCHECK_LINT_CONFIG_H_
#define ALIGNCHECK_LINT_CONFIG_H_

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "readings/check.h"

namespace aligncheck {

inline constexpr const char* kConfigFileName = ".aligncheck.toml";

/// A rule's effective setting and where it came from ("default" or
/// "path:line:col").
struct RuleSetting {
  bool enabled = true;
  Severity severity = Severity::kWarning;
  std::string origin;
};

struct LintConfig {
  std::string path;  // the file it was read from; "" for the defaults
  std::map<std::string, RuleSetting> rules;  // every rule, by id
  double timeout_seconds = 60;
  std::string timeout_origin = "default";
  uint64_t rlimit = EngineOptions{}.rlimit;
  std::string rlimit_origin = "default";
  /// UNKNOWN and vacuous HOLDS verdicts count as findings (exit 1), as
  /// with --strict.
  bool strict = false;
  std::string strict_origin = "default";
  bool has_timeout = false;  // set by the file, not defaulted
  bool has_rlimit = false;

  /// Returns the setting of rule `id`; ids outside the catalogue are
  /// enabled with their diagnostic's own severity (origin "").
  const RuleSetting* Find(const std::string& id) const;
};

/// Applies the configuration to a rule finding: returns false when its rule
/// is off; otherwise sets the configured severity, except that a finding
/// its rule lowered below the default (quoted words) is never raised. Other
/// diagnostics are left as they are. The one rule for lint and gate alike.
bool ApplyRuleSetting(const LintConfig& config, Diagnostic& d);

/// The built-in configuration: every rule on at its default severity.
LintConfig DefaultConfig();

/// Parses config `text` read from `path`. Problems are reported to `out`:
/// syntax and type errors as E013 errors, unknown rule ids as AC014
/// warnings with a did-you-mean, all located in the config file.
LintConfig ParseConfig(const std::string& path, const std::string& text,
                       std::vector<Diagnostic>& out);

/// Finds and loads the configuration for specs in directory `dir`, once per
/// config file. Diagnostics of a file are reported the first time only.
class ConfigResolver {
 public:
  std::shared_ptr<const LintConfig> ForDirectory(const std::string& dir,
                                                 std::vector<Diagnostic>& out);
  /// Same, for the directory containing spec file `path`.
  std::shared_ptr<const LintConfig> ForFile(const std::string& path,
                                            std::vector<Diagnostic>& out);
  /// Whether some config file loaded so far had an error.
  bool has_errors() const { return has_errors_; }

 private:
  std::map<std::string, std::shared_ptr<const LintConfig>> by_path_;
  std::shared_ptr<const LintConfig> defaults_;
  bool has_errors_ = false;
};

/// Renders the resolved configuration and the origin of every value.
std::string RenderConfig(const LintConfig& config);

}  // namespace aligncheck

#endif  // ALIGNCHECK_LINT_CONFIG_H_

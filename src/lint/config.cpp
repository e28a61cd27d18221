// Reading .aligncheck.toml with toml++ and resolving it per directory.
#include "lint/config.h"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "lint/rule_catalog.h"

namespace aligncheck {
namespace {

namespace fs = std::filesystem;

// Byte offset of a toml++ position in `file`.
Span SpanAt(const SourceFile& file, const toml::source_position& pos,
            uint32_t length = 1) {
  uint32_t line = std::max<uint32_t>(1, pos.line);
  if (line > file.line_count()) return {};
  std::string_view text = file.Line(line);
  uint32_t begin = static_cast<uint32_t>(text.data() - file.text().data()) +
                   std::min<uint32_t>(std::max<uint32_t>(1, pos.column) - 1,
                                      static_cast<uint32_t>(text.size()));
  return {begin, begin + length};
}

std::string Origin(const std::string& path, const toml::source_position& pos) {
  return fmt::format("{}:{}:{}", path, pos.line, pos.column);
}

std::optional<Severity> ParseSeverity(const std::string& s, bool& off) {
  off = s == "off";
  if (s == "error") return Severity::kError;
  if (s == "warning") return Severity::kWarning;
  if (s == "note") return Severity::kNote;
  return std::nullopt;
}

// How a spec path is shown: relative to the working directory when below it.
std::string Shown(const fs::path& p) {
  std::error_code ec;
  fs::path cwd = fs::current_path(ec);
  fs::path rel = ec ? p : p.lexically_relative(cwd);
  if (rel.empty() || *rel.begin() == "..") return p.generic_string();
  return rel.generic_string();
}

}  // namespace

static LintConfig ParseConfigUnsorted(const std::string& path,
                                      const std::string& text,
                                      std::vector<Diagnostic>& out);

const RuleSetting* LintConfig::Find(const std::string& id) const {
  auto it = rules.find(id);
  return it == rules.end() ? nullptr : &it->second;
}

bool ApplyRuleSetting(const LintConfig& config, Diagnostic& d) {
  const Rule* rule = IsFinding(d) ? FindRule(d.id) : nullptr;
  if (!rule) return true;
  const RuleSetting* setting = config.Find(d.id);
  if (!setting) return true;
  if (!setting->enabled) return false;
  d.severity = d.severity < rule->severity
                   ? std::min(d.severity, setting->severity)
                   : setting->severity;
  return true;
}

LintConfig DefaultConfig() {
  LintConfig config;
  for (const Rule& rule : AllRules()) {
    config.rules[rule.id] = {true, rule.severity, "default"};
  }
  return config;
}

LintConfig ParseConfig(const std::string& path, const std::string& text,
                       std::vector<Diagnostic>& out) {
  size_t first = out.size();
  LintConfig config = ParseConfigUnsorted(path, text, out);
  // toml++ iterates tables by key; report in file order instead.
  std::stable_sort(out.begin() + static_cast<std::ptrdiff_t>(first), out.end(),
                   [](const Diagnostic& a, const Diagnostic& b) {
                     return a.span.begin < b.span.begin;
                   });
  return config;
}

static LintConfig ParseConfigUnsorted(const std::string& path,
                                      const std::string& text,
                                      std::vector<Diagnostic>& out) {
  LintConfig config = DefaultConfig();
  config.path = path;
  auto file = std::make_shared<SourceFile>(path, text);
  auto report = [&](Severity severity, const char* id,
                    const toml::source_position& pos, std::string message,
                    uint32_t length = 1) -> Diagnostic& {
    Diagnostic d;
    d.severity = severity;
    d.id = id;
    d.file = file;
    d.span = SpanAt(*file, pos, length);
    d.message = std::move(message);
    out.push_back(std::move(d));
    return out.back();
  };
  toml::table root;
  try {
    root = toml::parse(text, path);
  } catch (const toml::parse_error& e) {
    report(Severity::kError, "E021", e.source().begin,
           fmt::format("invalid configuration: {}", e.description()));
    return config;
  }
  for (auto&& [key, node] : root) {
    const std::string section(key.str());
    toml::table* table = node.as_table();
    if ((section != "rules" && section != "check") || table == nullptr) {
      Diagnostic& d = report(
          Severity::kError, "E021", key.source().begin,
          table == nullptr
              ? fmt::format("'{}' must be a table: [rules] or [check]", section)
              : fmt::format("unknown section [{}]", section),
          static_cast<uint32_t>(section.size()));
      std::string guess = SuggestName(section, {"rules", "check"});
      if (!guess.empty() && guess != section) {
        d.help.push_back(fmt::format("did you mean '{}'?", guess));
      }
      continue;
    }
    for (auto&& [name_key, value] : *table) {
      const std::string name(name_key.str());
      const toml::source_position& at = name_key.source().begin;
      uint32_t length = static_cast<uint32_t>(name.size());
      if (section == "rules") {
        if (FindRule(name) == nullptr) {
          Diagnostic& d = report(
              FindRule("AC014")->severity, "AC014", at,
              fmt::format("configuration names '{}', which is not a lint rule",
                          name),
              length);
          std::string guess = SuggestName(name, RuleIds());
          if (!guess.empty())
            d.help.push_back(fmt::format("did you mean '{}'?", guess));
          continue;
        }
        std::optional<std::string> level = value.value<std::string>();
        bool off = false;
        std::optional<Severity> severity =
            level ? ParseSeverity(*level, off) : std::nullopt;
        if (!severity && !off) {
          report(Severity::kError, "E021", value.source().begin,
                 fmt::format("rule {} must be \"off\", \"note\", \"warning\" "
                             "or \"error\"",
                             name));
          continue;
        }
        RuleSetting& setting = config.rules[name];
        setting.enabled = !off;
        if (severity) setting.severity = *severity;
        setting.origin = Origin(path, at);
      } else if (name == "timeout") {
        std::optional<double> seconds = value.value<double>();
        if (!seconds || !(*seconds > 0) || *seconds > 4e6) {
          report(Severity::kError, "E021", value.source().begin,
                 "timeout must be a positive number of seconds");
          continue;
        }
        config.timeout_seconds = *seconds;
        config.timeout_origin = Origin(path, at);
        config.has_timeout = true;
      } else if (name == "rlimit") {
        std::optional<int64_t> limit =
            value.is_integer() ? value.value<int64_t>() : std::nullopt;
        if (!limit || *limit < 0) {
          report(Severity::kError, "E021", value.source().begin,
                 "rlimit must be a non-negative integer");
          continue;
        }
        config.rlimit = static_cast<uint64_t>(*limit);
        config.rlimit_origin = Origin(path, at);
        config.has_rlimit = true;
      } else if (name == "strict") {
        std::optional<bool> strict = value.value<bool>();
        if (!strict || !value.is_boolean()) {
          report(Severity::kError, "E021", value.source().begin,
                 "strict must be true or false");
          continue;
        }
        config.strict = *strict;
        config.strict_origin = Origin(path, at);
      } else {
        Diagnostic& d =
            report(Severity::kError, "E021", at,
                   fmt::format("unknown key '{}' in [check]", name), length);
        std::string guess = SuggestName(name, {"timeout", "rlimit", "strict"});
        if (!guess.empty())
          d.help.push_back(fmt::format("did you mean '{}'?", guess));
      }
    }
  }
  return config;
}

std::shared_ptr<const LintConfig> ConfigResolver::ForDirectory(
    const std::string& dir, std::vector<Diagnostic>& out) {
  std::error_code ec;
  fs::path start = fs::absolute(dir.empty() ? "." : dir, ec).lexically_normal();
  for (fs::path p = start; !ec; p = p.parent_path()) {
    fs::path candidate = p / kConfigFileName;
    std::error_code missing;
    if (fs::is_regular_file(candidate, missing)) {
      std::string shown = Shown(candidate);
      auto it = by_path_.find(shown);
      if (it != by_path_.end()) return it->second;
      std::ifstream in(candidate, std::ios::binary);
      std::ostringstream text;
      text << in.rdbuf();
      std::vector<Diagnostic> found;
      auto config =
          std::make_shared<LintConfig>(ParseConfig(shown, text.str(), found));
      for (Diagnostic& d : found) {
        if (d.severity == Severity::kError) has_errors_ = true;
        out.push_back(std::move(d));
      }
      by_path_[shown] = config;
      return config;
    }
    if (!p.has_parent_path() || p.parent_path() == p) break;
  }
  if (!defaults_) defaults_ = std::make_shared<LintConfig>(DefaultConfig());
  return defaults_;
}

std::shared_ptr<const LintConfig> ConfigResolver::ForFile(
    const std::string& path, std::vector<Diagnostic>& out) {
  return ForDirectory(fs::path(path).parent_path().string(), out);
}

std::string RenderConfig(const LintConfig& config) {
  std::string out = fmt::format(
      "# configuration: {}\n",
      config.path.empty() ? "none found, built-in defaults" : config.path);
  out += "[rules]\n";
  for (const auto& [id, setting] : config.rules) {
    std::string value =
        setting.enabled ? SeverityName(setting.severity) : "off";
    out += fmt::format("{} = {:<10} # {}\n", id, "\"" + value + "\"",
                       setting.origin);
  }
  out += "[check]\n";
  out += fmt::format("timeout = {:<8} # {}\n", config.timeout_seconds,
                     config.timeout_origin);
  out +=
      fmt::format("rlimit = {:<9} # {}\n", config.rlimit, config.rlimit_origin);
  out += fmt::format("strict = {:<9} # {}\n", config.strict ? "true" : "false",
                     config.strict_origin);
  return out;
}

}  // namespace aligncheck

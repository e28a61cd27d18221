// Suggests a subcommand for an unknown first word and a long option of the
// chosen subcommand for an unknown `--name`.
#include "cli/did_you_mean.h"

#include <fmt/format.h>

#include <vector>

#include "diag/diagnostic.h"

namespace aligncheck {
namespace {

std::vector<std::string> LongOptions(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::Option* opt : app.get_options()) {
    for (const std::string& name : opt->get_lnames()) names.push_back(name);
  }
  return names;
}

bool Contains(const std::vector<std::string>& names, const std::string& n) {
  for (const std::string& name : names) {
    if (name == n) return true;
  }
  return false;
}

}  // namespace

std::string SuggestCommandLine(const CLI::App& app, int argc,
                               const char* const* argv) {
  std::vector<std::string> commands;
  for (const CLI::App* sub : app.get_subcommands({})) {
    commands.push_back(sub->get_name());
  }
  const CLI::App* chosen = nullptr;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--") break;
    if (arg.rfind("--", 0) == 0) {
      std::string name = arg.substr(2, arg.find('=') - 2);
      std::vector<std::string> known = LongOptions(app);
      if (chosen) {
        std::vector<std::string> more = LongOptions(*chosen);
        known.insert(known.end(), more.begin(), more.end());
      }
      if (name.empty() || Contains(known, name)) continue;
      std::string guess = SuggestName(name, known);
      if (!guess.empty()) return fmt::format("did you mean '--{}'?", guess);
      continue;
    }
    if (chosen || arg.rfind('-', 0) == 0) continue;
    if (Contains(commands, arg)) {
      chosen = app.get_subcommand(arg);
      continue;
    }
    std::string guess = SuggestName(arg, commands);
    if (!guess.empty()) return fmt::format("did you mean '{}'?", guess);
    return "";
  }
  return "";
}

}  // namespace aligncheck

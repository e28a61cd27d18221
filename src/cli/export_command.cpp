#include "cli/export_command.h"

#include <fmt/format.h>

#include "cli/cli.h"
#include "cli/output.h"
#include "driver/pipeline.h"
#include "report/drn_export.h"

namespace aligncheck {
namespace {

void Report(const Diagnostic& d, std::ostream& err) {
  err << RenderDiagnosticText(d);
}

// A problem with the command line: not tied to a place in the spec.
int Usage(std::string message, std::vector<std::string> help,
          std::ostream& err) {
  Diagnostic d;
  d.id = "E002";
  d.message = std::move(message);
  d.help = std::move(help);
  Report(d, err);
  return kExitBadInput;
}

std::string Names(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

}  // namespace

int RunExport(const ExportArgs& args, std::ostream& out, std::ostream& err) {
  if (args.format != "drn") {
    return Usage(fmt::format("unknown export format '{}'", args.format),
                 {"the formats: drn"}, err);
  }
  CheckOptions options;
  options.run_engines = false;
  bool bad_input = false;
  std::vector<FileResult> results =
      RunPipeline({args.path}, options, LimitFlags{}, &bad_input);
  // Only errors stop an export; lint warnings and findings are `lint`'s.
  for (const FileResult& r : results) {
    for (const Diagnostic& d : r.diagnostics) {
      if (d.severity == Severity::kError && !IsFinding(d)) Report(d, err);
    }
  }
  if (bad_input) return kExitBadInput;
  const FileResult* file = nullptr;
  for (const FileResult& r : results) {
    if (r.path.empty()) continue;
    if (file != nullptr) {
      return Usage(fmt::format("'{}' holds several specs: export one file",
                               args.path),
                   {}, err);
    }
    file = &r;
  }
  if (file == nullptr || !file->model) {
    return Usage(fmt::format("no spec to export in '{}'", args.path), {}, err);
  }
  const Model& model = *file->model;
  std::vector<std::string> mdp_names;
  for (const MdpModel& m : model.mdps) mdp_names.push_back(m.name);
  const MdpModel* mdp = nullptr;
  if (args.mdp.empty()) {
    if (model.mdps.empty()) {
      return Usage(fmt::format("'{}' declares no mdp", file->path), {}, err);
    }
    if (model.mdps.size() > 1) {
      return Usage(
          fmt::format("'{}' declares {} mdps: choose one with --mdp",
                      file->path, model.mdps.size()),
          {fmt::format("its mdps: {}", Names(mdp_names))}, err);
    }
    mdp = &model.mdps[0];
  } else {
    for (const MdpModel& m : model.mdps) {
      if (m.name == args.mdp) mdp = &m;
    }
    if (mdp == nullptr) {
      std::vector<std::string> help;
      std::string guess = SuggestName(args.mdp, mdp_names);
      if (!guess.empty()) help.push_back(fmt::format("did you mean '{}'?", guess));
      help.push_back(mdp_names.empty()
                         ? std::string("it declares no mdp")
                         : fmt::format("its mdps: {}", Names(mdp_names)));
      return Usage(fmt::format("no mdp named '{}' in '{}'", args.mdp,
                               file->path),
                   std::move(help), err);
    }
  }
  const Loss* reward = nullptr;
  if (!args.reward.empty()) {
    std::vector<std::string> over;  // losses and rewards over this mdp
    for (const Loss& l : model.losses) {
      if (l.name == args.reward) reward = &l;
      if (l.input == mdp->states && l.output == mdp->actions) {
        over.push_back(l.name);
      }
    }
    if (reward == nullptr) {
      std::vector<std::string> help;
      std::string guess = SuggestName(args.reward, over);
      if (!guess.empty()) help.push_back(fmt::format("did you mean '{}'?", guess));
      if (!over.empty()) {
        help.push_back(fmt::format("over mdp '{}': {}", mdp->name, Names(over)));
      }
      return Usage(fmt::format("no reward or loss named '{}' in '{}'",
                               args.reward, file->path),
                   std::move(help), err);
    }
  }
  std::string error;
  std::string text = RenderDrn(*mdp, reward, file->path, &error);
  if (!error.empty()) {
    Diagnostic d;
    d.id = "E005";
    d.message = error;
    d.file = file->file;
    d.span = reward != nullptr && error.find(reward->name) != std::string::npos
                 ? reward->span
                 : mdp->span;
    Report(d, err);
    return kExitBadInput;
  }
  if (args.output.empty()) {
    out << text;
    return kExitClean;
  }
  std::string problem = WriteFileAtomically(args.output, text);
  if (!problem.empty()) {
    err << "aligncheck: error: " << problem << " [E010]\n";
    return kExitBadInput;
  }
  return kExitClean;
}

}  // namespace aligncheck

// Rules on the syntax: AC001's fix-its, AC006 and AC011.
#include <fmt/format.h>

#include <cctype>
#include <set>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "lint/lint_rules.h"
#include "lint/rule_catalog.h"

namespace aligncheck {
namespace {

template <typename T>
const T* FindDecl(const ast::Spec& spec, const std::string& name) {
  for (const ast::Decl& decl : spec.decls) {
    if (const T* d = std::get_if<T>(&decl); d && d->name.text == name) return d;
  }
  return nullptr;
}

// "train", or "DATA" with a note of the candidates when there is no single
// one. Appends what is still needed to `needs`.
std::string Pick(const std::vector<std::string>& candidates,
                 const char* placeholder, const char* what,
                 std::vector<std::string>& needs) {
  if (candidates.size() == 1) return candidates[0];
  if (candidates.empty()) {
    needs.push_back(fmt::format("{} (the spec declares none that fits)", what));
  } else {
    std::string list;
    for (const std::string& c : candidates)
      list += (list.empty() ? "" : ", ") + c;
    needs.push_back(fmt::format("{}: one of {}", what, list));
  }
  return placeholder;
}

std::string NeedsText(const std::vector<std::string>& needs) {
  if (needs.empty()) return "";
  std::string out = " (still needs ";
  for (size_t i = 0; i < needs.size(); ++i) out += (i ? "; " : "") + needs[i];
  return out + ")";
}

}  // namespace

Diagnostic& LintContext::Report(const char* id, Span span,
                                std::string message) const {
  Diagnostic d;
  d.severity = FindRule(id)->severity;
  d.id = id;
  d.file = file;
  d.span = span;
  d.message = std::move(message);
  out->push_back(std::move(d));
  return out->back();
}

void AddStoryHelp(Diagnostic& d) {
  d.help.push_back(
      "or tell a training story: the training goal (the cognition you want) "
      "and a training rationale made of claims that say why this loss "
      "produces it");
}

void AddReadingFixIts(const LintContext& ctx, const ast::ClaimDecl& claim,
                      Diagnostic& d) {
  std::vector<std::string> data, models, trainings;
  const Model* model = ctx.model;
  int loss = -1;
  if (model) {
    for (size_t i = 0; i < model->losses.size(); ++i) {
      if (model->losses[i].name == claim.subject.text)
        loss = static_cast<int>(i);
    }
  }
  DomainId input = loss >= 0 ? model->losses[loss].input : kNoDomain;
  static const Model kEmpty;
  const Model& m_all = model ? *model : kEmpty;
  for (const ast::Decl& decl : ctx.spec->decls) {
    if (const auto* dd = std::get_if<ast::DataDecl>(&decl)) {
      bool fits = true;
      for (const Data& m : m_all.data) {
        if (m.name == dd->name.text && input != kNoDomain)
          fits = m.domain == input;
      }
      if (fits) data.push_back(dd->name.text);
    } else if (const auto* pd = std::get_if<ast::PhysicalDecl>(&decl)) {
      bool fits = true;
      for (const PhysicalModel& m : m_all.physical) {
        if (m.name == pd->name.text && loss >= 0 && m.register_loss >= 0) {
          fits = model->losses[m.register_loss].input == input;
        }
      }
      if (fits) models.push_back(pd->name.text);
    } else if (const auto* td = std::get_if<ast::TrainingDecl>(&decl)) {
      bool fits = true;
      for (const Training& t : m_all.trainings) {
        if (t.name == td->name.text && input != kNoDomain && t.data >= 0) {
          fits = model->data[t.data].domain == input;
        }
      }
      if (fits) trainings.push_back(td->name.text);
    }
  }
  // `l aligned_with g over D`: the fix-its replace the stray `over D`, and
  // the idealized one reads D as its data.
  Span at{claim.goal.span.end,
          claim.over ? claim.over->span.end : claim.goal.span.end};
  if (claim.over) data = {claim.over->text};
  {
    FixIt f;
    std::string over = Pick(data, "DATA", "data to weigh the inputs", f.needs);
    f.replacement = " as idealized_minimizer over " + over;
    f.description = "read it as the mathematical loss: every minimizer of L_" +
                    over + " meets the goal" + NeedsText(f.needs);
    f.span = at;
    d.fixits.push_back(std::move(f));
  }
  {
    FixIt f;
    std::string via =
        Pick(models, "MODEL", "a physical model of the register", f.needs);
    f.needs.push_back("T: the register reading that counts as low");
    f.replacement = " as physical_only via " + via + " below T";
    f.description =
        "read it as the physical loss: every behaviour whose register reads "
        "below T meets the goal" +
        NeedsText(f.needs);
    f.span = at;
    d.fixits.push_back(std::move(f));
  }
  {
    FixIt f;
    std::string under = Pick(trainings, "TRAINING",
                             "a training setup (learner, lr, steps, seeds, "
                             "data) or cited evidence",
                             f.needs);
    f.replacement = " as trained_outcome under " + under;
    f.description = "read it as a training outcome: the models that " + under +
                    " produces meet the goal" + NeedsText(f.needs);
    f.span = at;
    d.fixits.push_back(std::move(f));
  }
  d.help.clear();  // the fix-its say the same, with the parameters filled in
  d.notes.push_back(
      "\"aligned\" has at least three readings with different verdicts: the "
      "minimizers of the mathematical loss, the behaviours that make the "
      "physical register read low, and what training produces");
}

static void TrainedWithoutSetup(const LintContext& ctx) {
  for (const ast::Decl& decl : ctx.spec->decls) {
    const auto* claim = std::get_if<ast::ClaimDecl>(&decl);
    if (!claim || claim->reading != ast::ClaimDecl::Reading::kTrained ||
        !claim->training) {
      continue;
    }
    const auto* training =
        FindDecl<ast::TrainingDecl>(*ctx.spec, claim->training->text);
    if (!training) continue;  // undefined: analysis reports it
    bool setup = false;
    for (const ast::Setting& s : training->settings) {
      if (s.key.text == "learner" || s.key.text == "evidence") setup = true;
    }
    if (setup) continue;
    Diagnostic& d = ctx.Report(
        "AC006", claim->reading_span,
        fmt::format("claim '{}' has neither a toy training setup nor cited "
                    "evidence",
                    claim->name.text));
    d.notes.push_back(
        fmt::format("training '{}' names no learner and no "
                    "evidence",
                    training->name.text));
    d.help.push_back(
        "add a toy setup the tool can run: `learner softmax_table lr 0.5 "
        "steps 200 seeds 1..20 data DATA`");
    d.help.push_back(
        "or, for a claim about a real system, cite it: `evidence \"URL\"`");
  }
}

// How often each of `names` occurs as an identifier outside comments and
// strings. Only the given names are counted: a table of a million entries
// must not cost a million map insertions.
static void CountIdentifiers(const std::string& text,
                             std::unordered_map<std::string_view, int>* count) {
  // Lengths of the names sought: most identifiers (table entries) are
  // skipped without hashing.
  std::vector<char> sought_length;
  for (const auto& entry : *count) {
    if (entry.first.size() >= sought_length.size()) {
      sought_length.resize(entry.first.size() + 1, 0);
    }
    sought_length[entry.first.size()] = 1;
  }
  // ASCII classes inline: the same as <cctype> in the C locale aligncheck
  // runs in, without a library call per byte of a large file.
  auto alpha = [](char ch) {
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
  };
  auto digit = [](char ch) { return ch >= '0' && ch <= '9'; };
  auto alnum = [&](char ch) { return alpha(ch) || digit(ch); };
  for (size_t i = 0; i < text.size();) {
    char c = text[i];
    if (c == '#') {
      while (i < text.size() && text[i] != '\n') ++i;
    } else if (c == '"') {
      for (++i; i < text.size() && text[i] != '"' && text[i] != '\n'; ++i) {
        if (text[i] == '\\') ++i;
      }
      ++i;
    } else if (alpha(c) || c == '_') {
      size_t begin = i;
      while (i < text.size() && (alnum(text[i]) || text[i] == '_')) ++i;
      const size_t length = i - begin;
      if (length >= sought_length.size() || !sought_length[length]) continue;
      auto it = count->find(std::string_view(text).substr(begin, length));
      if (it != count->end()) ++it->second;
    } else if (digit(c)) {
      while (i < text.size() && (alnum(text[i]) || text[i] == '.')) ++i;
    } else {
      ++i;
    }
  }
}

// The name of each declaration that can go unused.
static std::vector<std::pair<const ast::Name*, const char*>> DeclaredNames(
    const ast::Spec& spec) {
  std::vector<std::pair<const ast::Name*, const char*>> out;
  for (const ast::Decl& decl : spec.decls) {
    if (const auto* d = std::get_if<ast::DomainDecl>(&decl))
      out.emplace_back(&d->name, "domain");
    if (const auto* d = std::get_if<ast::FnDecl>(&decl))
      out.emplace_back(&d->name, "fn");
    if (const auto* d = std::get_if<ast::LossDecl>(&decl))
      out.emplace_back(&d->name, d->reward ? "reward" : "loss");
    if (const auto* d = std::get_if<ast::DataDecl>(&decl))
      out.emplace_back(&d->name, "data");
    if (const auto* d = std::get_if<ast::GoalDecl>(&decl))
      out.emplace_back(&d->name, "goal");
    if (const auto* d = std::get_if<ast::PhysicalDecl>(&decl))
      out.emplace_back(&d->name, "physical model");
    if (const auto* d = std::get_if<ast::TrainingDecl>(&decl))
      out.emplace_back(&d->name, "training");
    if (const auto* d = std::get_if<ast::AgentDecl>(&decl))
      out.emplace_back(&d->name, "agent");
  }
  return out;
}

// A name that occurs once in the source (its declaration) is used nowhere.
// Counting tokens, not resolved references, keeps this right for any
// construct that can name a declaration.
static void UnusedDeclarations(const LintContext& ctx) {
  std::vector<std::pair<const ast::Name*, const char*>> declared =
      DeclaredNames(*ctx.spec);
  std::unordered_map<std::string_view, int> count;
  for (const auto& [name, kind] : declared) count.emplace(name->text, 0);
  CountIdentifiers(ctx.file->text(), &count);
  for (const auto& [name, kind] : declared) {
    if (count.at(name->text) != 1) continue;  // 0: not written as a name
    ctx.Report("AC011", name->span,
               fmt::format("{} '{}' is never used", kind, name->text));
  }
}

void RunSyntaxRules(const LintContext& ctx) {
  TrainedWithoutSetup(ctx);
  // After semantic errors, "never used" is mostly an echo of a typo that
  // analysis already reported.
  if (ctx.model) UnusedDeclarations(ctx);
}

}  // namespace aligncheck

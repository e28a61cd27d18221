// Training stories: a goal, the rationale claims that should produce it,
// and the assumptions nobody can check (why the goal is desirable, other
// premises). Each story becomes a claim of reading kStory after the claims.
#include <fmt/format.h>

#include <unordered_map>

#include "analysis/analyzer.h"

namespace aligncheck {
void Analyzer::ResolveStories() {
  model_.stories.resize(spec_.stories.size());
  story_rationale_.assign(spec_.stories.size(), {});
  std::unordered_map<std::string, Span> names;
  for (size_t i = 0; i < spec_.stories.size(); ++i) {
    const ast::StoryDecl& decl = spec_.stories[i];
    Story& out = model_.stories[i];
    out.name = decl.name.text;
    out.span = decl.name.span;
    const Symbol* other = Lookup(decl.name.text);
    auto [it, inserted] = names.emplace(decl.name.text, decl.name.span);
    if (other != nullptr || !inserted) {
      Diagnostic& d =
          sink_.Error(file_, decl.name.span, "E003",
                      fmt::format("duplicate name '{}'", decl.name.text));
      d.notes.push_back(
          fmt::format("previous declaration at {}",
                      At(*file_, other != nullptr ? other->span : it->second)));
    }
    std::unordered_map<std::string, Span> seen;
    for (const ast::Setting& item : decl.items) {
      const std::string& key = item.key.text;
      auto [prev, first] = seen.emplace(key, item.key.span);
      bool text = key == "desirability" || key == "assume";
      if (!first && !text) {
        Diagnostic& d =
            sink_.Error(file_, item.key.span, "E003",
                        fmt::format("duplicate story item '{}'", key));
        d.notes.push_back(
            fmt::format("previous item at {}", At(*file_, prev->second)));
        continue;
      }
      if (item.values.empty() || (key == "goal" && item.values.size() != 1)) {
        sink_.Error(file_, item.key.span, "E004",
                    fmt::format("story item '{}' takes {}, got {}", key,
                                key == "goal" ? "one goal"
                                              : "one or more "
                                                "values",
                                item.values.size()));
        continue;
      }
      for (const ast::Literal& v : item.values) {
        bool is_string = v.kind == ast::Literal::Kind::kString;
        if (text != is_string) {
          sink_.Error(file_, v.span, "E005",
                      text ? fmt::format("{} must be quoted text", key)
                           : fmt::format("{} must name {}", key,
                                         key == "goal" ? "a goal" : "claims"));
          continue;
        }
        if (key == "desirability") {
          out.desirability.push_back(v.text);
        } else if (key == "assume") {
          out.assumptions.push_back(v.text);
        } else if (key == "goal") {
          out.goal = FindDecl(ast::Name{v.text, v.span}, DeclKind::kGoal);
        } else {
          story_rationale_[i].push_back(
              FindDecl(ast::Name{v.text, v.span}, DeclKind::kClaim));
          out.rationale_names.push_back(v.text);
        }
      }
    }
    for (const char* required : {"goal", "rationale"}) {
      if (seen.count(required) == 0) {
        Diagnostic& d = sink_.Error(
            file_, decl.name.span, "E012",
            fmt::format("story '{}' has no {}", out.name, required));
        d.help.push_back(
            std::string(required) == "goal"
                ? "say what cognition training should produce: `goal G`"
                : "say why the loss should produce it: `rationale c1, c2`");
      }
    }
  }
}

void Analyzer::AppendStoryClaims(const std::vector<bool>& checkable) {
  // Old claim index -> index after unclear claims were dropped.
  std::vector<int> renumber(checkable.size(), -1);
  int next = 0;
  for (size_t i = 0; i < checkable.size(); ++i) {
    if (checkable[i]) renumber[i] = next++;
  }
  for (size_t i = 0; i < spec_.stories.size(); ++i) {
    const ast::StoryDecl& decl = spec_.stories[i];
    Story& story = model_.stories[i];
    for (int old : story_rationale_[i]) {
      story.rationale.push_back(
          old >= 0 && static_cast<size_t>(old) < renumber.size() ? renumber[old]
                                                                 : -1);
    }
    Claim c;
    c.name = story.name;
    c.reading = Claim::Reading::kStory;
    c.story = static_cast<int>(i);
    c.goal = story.goal;
    c.span = decl.span;
    c.name_span = decl.name.span;
    c.text = "story " + story.name + ": goal " +
             (story.goal >= 0 ? model_.goals[story.goal].name : "?") +
             ", rationale ";
    for (size_t k = 0; k < story.rationale_names.size(); ++k) {
      c.text += (k ? ", " : "") + story.rationale_names[k];
    }
    c.expect = decl.expect;  // the grammar allows holds and fails only
    model_.claims.push_back(std::move(c));
  }
}

}  // namespace aligncheck

// The prose rules' phrase search: classify the anchor words once per
// paragraph, then run each family's matcher on each sentence.
#include "prose/patterns.h"

#include <algorithm>
#include <string>
#include <unordered_map>

#include "prose/lexicon.h"
#include "prose/matchers.h"
#include "prose/mention.h"
#include "prose/structure.h"

namespace aligncheck::prose {
namespace {

uint8_t ClassOf(const std::string& w) {
  uint8_t c = 0;
  if (IsAlignVerb(w) || IsRepresentVerb(w) || !PrepositionOf(w).empty() ||
      IsEncodeWord(w) || w == "same" || w == "apart") {
    c |= kLossGoalVerb;
  }
  if (IsEvaluative(w) ||
      In(w, {"specified", "defined", "aligned", "misaligned"})) {
    c |= kEvaluative;
  }
  if (IsGapNoun(w)) c |= kGapNoun;
  if (IsAgentWord(w)) c |= kAgentVerb;
  if (IsStructureCue(w)) c |= kStructureCue;
  if (IsRolesCue(w)) c |= kRolesCue;
  if (w.rfind("outer", 0) == 0 || w.rfind("inner", 0) == 0) {
    c |= kDefinitionWord;
  }
  return c;
}

}  // namespace

bool ClassifyVerbs(std::vector<Token>& tokens) {
  // One hash lookup per distinct word instead of a scan of every word list.
  static thread_local std::unordered_map<std::string, uint8_t> cache;
  bool any = false;
  for (size_t i = 0; i < tokens.size(); ++i) {
    Token& t = tokens[i];
    if (t.kind != TokenKind::kWord) continue;
    // A leading "To" starts a purpose clause ("To get high reward, ...").
    if (t.lower == "to") {
      // After a colon too ("this problem: to achieve higher rewards, ...").
      bool starts = i == 0 || tokens[i - 1].lower == "." ||
                    tokens[i - 1].lower == "!" || tokens[i - 1].lower == "?" ||
                    tokens[i - 1].lower == ":";
      if (starts) t.verb |= kAgentVerb;
      any = any || starts;
      continue;
    }
    auto it = cache.find(t.lower);
    if (it == cache.end()) {
      if (cache.size() > 100000) cache.clear();
      it = cache.emplace(t.lower, ClassOf(t.lower)).first;
    }
    t.verb |= it->second;
    any = any || t.verb != 0;
  }
  return any;
}

std::vector<Match> FindMatches(const std::vector<Token>& tokens, size_t begin,
                               size_t end, SentenceMood mood,
                               SentenceParseCache* structure) {
  std::vector<Match> out;
  SentenceView s{tokens, begin, end, end};
  Match definition, loss, agent;
  auto find = [&](bool& has_definition, bool& has_loss, bool& has_agent) {
    has_definition = MatchDefinition(s, mood.question, definition);
    has_loss = MatchCorrespondence(s, loss);
    has_agent = !mood.answered_no && MatchAgentWants(s, agent);
    if (!has_definition && !has_loss && !has_agent && structure != nullptr) {
      Match found;
      if (MatchStructure(s, *structure, found)) {
        bool wants = std::string_view(found.rule) == "AC103";
        if (!wants) {
          loss = found;
          has_loss = true;
        } else if (!mood.answered_no) {
          agent = found;
          has_agent = true;
        }
      }
    }
    if (!has_definition && !has_loss && !has_agent) {
      has_definition = MatchDefinitionByRoles(s, definition);
    }
    if (!has_definition && !has_loss && !has_agent) {
      has_loss = MatchCorrespondenceByRoles(s, loss);
      has_agent = !has_loss && !mood.answered_no && MatchAgentByRoles(s, agent);
    }
    return has_definition || has_loss || has_agent;
  };
  bool has_definition = false, has_loss = false, has_agent = false;
  // Most sentences match nothing: the mention frames are only looked for
  // in those that do.
  if (!find(has_definition, has_loss, has_agent) ||
      SaysAmbiguous(tokens, begin, end)) {
    return out;
  }
  s.mention = MentionStart(tokens, begin, end);
  if (s.mention < end && !find(has_definition, has_loss, has_agent)) {
    return out;
  }
  if (has_definition) out.push_back(definition);
  // A loss-goal phrase inside the definition is the definition's.
  if (has_loss && !(has_definition && loss.verb >= definition.first &&
                    loss.verb <= definition.last)) {
    out.push_back(loss);
  }
  if (has_agent && !(has_definition && agent.verb >= definition.first &&
                     agent.verb <= definition.last)) {
    out.push_back(agent);
  }
  std::sort(out.begin(), out.end(),
            [](const Match& a, const Match& b) { return a.first < b.first; });
  return out;
}

}  // namespace aligncheck::prose

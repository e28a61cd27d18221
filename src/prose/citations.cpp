// AC104: sentences that cite a claim of the document and contradict its
// verdict. Conservative by design: one cited claim per sentence, plain
// assertions only, and no finding whenever the sentence could be read
// either way.
#include "prose/citations.h"

#include <fmt/format.h>

#include <algorithm>

#include "lint/rule_catalog.h"
#include "prose/lexicon.h"
#include "prose/patterns.h"
#include "prose/qualify.h"
#include "prose/sentences.h"

namespace aligncheck::prose {
namespace {

constexpr size_t kMaxNegationGap = 2;  // "does not hold", "does never hold"

// Words that make a sentence something other than a plain statement about
// the claim's verdict: a condition, a supposition, a modal, a prediction.
bool IsHedge(std::string_view w) {
  return In(w,
            {"if",       "whether", "unless",  "suppose", "supposing", "assume",
             "assuming", "would",   "could",   "might",   "may",       "should",
             "must",     "can",     "expect",  "expects", "hope",      "hopes",
             "hoped",    "once",    "until",   "perhaps", "probably",  "likely",
             "unlikely", "wonder",  "imagine", "pretend"});
}

// "We want a loss aligned with ..." is a wish; "what we want" is not.
bool IsWish(const std::vector<Token>& tokens, size_t begin, size_t j) {
  if (!In(tokens[j].lower, {"want", "wants", "wish", "wishes"})) return false;
  for (size_t k = j; k > begin && j - k <= 2;) {
    if (tokens[--k].lower == "what") return false;
  }
  return true;
}

bool IsFailWord(std::string_view w) {
  return In(w, {"fails", "failed", "fail", "refuted", "falsified"});
}

bool IsHoldWord(std::string_view w) {
  return In(w, {"verified", "proved", "proven", "confirmed", "supported"});
}

// "mis-" and "under-" words and other negative correspondences: the
// sentence then says the loss is not aligned, whatever its verb.
bool IsNegativeCorrespondence(std::string_view w) {
  return w.rfind("mis", 0) == 0 || w.rfind("under", 0) == 0 ||
         In(w, {"diverges", "diverge", "diverged", "differs", "differ",
                "differed", "gap", "gaps", "unaligned"});
}

bool NegatedAt(const std::vector<Token>& tokens, size_t begin, size_t j) {
  for (size_t k = j; k > begin && j - k < kMaxNegationGap + 1;) {
    --k;
    if (!IsWord(tokens[k])) return false;
    if (IsNegation(tokens[k].lower)) return true;
  }
  return false;
}

// Whether the AC101 correspondence found in the sentence affirms it.
bool AffirmsCorrespondence(const std::vector<Token>& tokens, size_t begin,
                           size_t end) {
  for (size_t j = begin; j < end; ++j) {
    if (!IsWord(tokens[j])) continue;
    if (IsNegation(tokens[j].lower) ||
        IsNegativeCorrespondence(tokens[j].lower)) {
      return false;
    }
  }
  for (const Match& m : FindMatches(tokens, begin, end, SentenceMood{})) {
    if (std::string_view(m.rule) != "AC101") continue;
    const std::string& verb = tokens[m.verb].lower;
    if (IsAlignVerb(verb) || IsRepresentVerb(verb)) return true;
  }
  // The cited claim names the goal, so the object need not be goal-like:
  // "the loss is aligned with getting the coin (`c`)"; and "As the claim
  // shows, ..." is a citation, not a mention of a claim.
  bool loss_seen = false;
  for (size_t j = begin; j < end; ++j) {
    if (!IsWord(tokens[j])) continue;
    const std::string& w = tokens[j].lower;
    if (In(w, {"loss", "losses", "reward", "rewards", "objective",
               "objectives"})) {
      loss_seen = true;
    } else if (loss_seen && (IsAlignVerb(w) || IsRepresentVerb(w))) {
      return true;
    }
  }
  return false;
}

// A plain word cites a claim only when it cannot be an ordinary word: the
// name has '_' or a digit, or "claim" comes right before it.
bool PlainCitation(const std::vector<Token>& tokens, size_t j,
                   std::string_view name) {
  if (name.find_first_of("_0123456789") != std::string_view::npos) {
    return true;
  }
  return j > 0 && IsWord(tokens[j - 1]) &&
         In(tokens[j - 1].lower, {"claim", "claims"});
}

// The claim token j cites, or null: a code span (inline code, a link or
// \ref target) or a word that contains a claim's name as an identifier.
const ClaimVerdict* CitedAt(const Paragraph& paragraph,
                            const std::vector<Token>& tokens, size_t j,
                            const std::vector<ClaimVerdict>& claims) {
  const Token& t = tokens[j];
  std::string_view text;
  if (t.kind == TokenKind::kOpaque) {
    auto code = std::lower_bound(
        paragraph.code.begin(), paragraph.code.end(), t.begin,
        [](const CodeSpan& c, uint32_t at) { return c.at < at; });
    if (code == paragraph.code.end() || code->at != t.begin) return nullptr;
    text = code->text;
  } else if (t.kind == TokenKind::kWord) {
    text = std::string_view(paragraph.text.data() + t.begin, t.end - t.begin);
  } else {
    return nullptr;
  }
  for (const ClaimVerdict& c : claims) {
    if (!ContainsIdentifier(text, c.name)) continue;
    if (t.kind == TokenKind::kOpaque || PlainCitation(tokens, j, c.name)) {
      return &c;
    }
  }
  return nullptr;
}

std::string MessageFor(const ClaimVerdict& c, Assertion said) {
  return fmt::format("sentence says claim '{}' {}, but its verdict is {}",
                     c.name, said == Assertion::kFails ? "fails" : "holds",
                     c.label);
}

bool Contradicts(const ClaimVerdict& c, Assertion said) {
  switch (said) {
    case Assertion::kHolds:
      return c.outcome != ClaimVerdict::Outcome::kHolds;
    case Assertion::kFails:
      return c.outcome == ClaimVerdict::Outcome::kHolds;
    case Assertion::kNone:
      break;
  }
  return false;
}

bool EndsInQuestion(std::string_view text, TextRange s) {
  for (size_t i = s.end; i > s.begin;) {
    char c = text[--i];
    if (c == '?') return true;
    if (c != '"' && c != '\'' && c != ')' && c != ']' && c != ' ') break;
  }
  return false;
}

}  // namespace

Assertion SentenceAssertion(const std::vector<Token>& tokens, size_t begin,
                            size_t end, bool question) {
  if (question) return Assertion::kNone;
  bool holds = false, fails = false;
  for (size_t j = begin; j < end; ++j) {
    if (!IsWord(tokens[j])) continue;
    const std::string& w = tokens[j].lower;
    if (IsHedge(w) || IsWish(tokens, begin, j)) return Assertion::kNone;
    bool negated = NegatedAt(tokens, begin, j);
    if (IsFailWord(w)) {
      bool to_follows = j + 1 < end && tokens[j + 1].lower == "to";
      // "fails to get the coin" is about something else; "does not fail"
      // need not mean that the claim holds (it may be unknown).
      if (!negated && !to_follows) fails = true;
    } else if (w == "hold" || w == "holds" || w == "held") {
      (negated ? fails : holds) = true;
    } else if (IsHoldWord(w) && !negated) {
      holds = true;
    }
  }
  if (!holds && !fails && AffirmsCorrespondence(tokens, begin, end)) {
    holds = true;
  }
  if (holds == fails) return Assertion::kNone;
  return holds ? Assertion::kHolds : Assertion::kFails;
}

bool MayCite(std::string_view raw, const std::vector<ClaimVerdict>& claims) {
  for (const ClaimVerdict& c : claims) {
    if (!c.name.empty() && raw.find(c.name) != std::string_view::npos) {
      return true;
    }
  }
  return false;
}

std::vector<Diagnostic> CheckCitations(
    const std::shared_ptr<const SourceFile>& host, const Paragraph& paragraph,
    const std::vector<ClaimVerdict>& claims) {
  std::vector<Diagnostic> out;
  // A blockquote is someone else's words: not the author's reading of the
  // verdicts.
  if (paragraph.blockquote) return out;
  bool may_cite = MayCite(paragraph.text, claims);
  for (const CodeSpan& code : paragraph.code) {
    may_cite = may_cite || MayCite(code.text, claims);
  }
  if (!may_cite) return out;
  std::vector<Token> tokens = Tokenize(paragraph.text);
  ClassifyVerbs(tokens);
  size_t t = 0;
  for (const TextRange& s : SplitSentences(paragraph.text)) {
    while (t < tokens.size() && tokens[t].begin < s.begin) ++t;
    size_t begin = t;
    while (t < tokens.size() && tokens[t].begin < s.end) ++t;
    size_t end = t;
    const ClaimVerdict* cited = nullptr;
    size_t at = 0;
    bool several = false;
    for (size_t j = begin; j < end; ++j) {
      const ClaimVerdict* c = CitedAt(paragraph, tokens, j, claims);
      if (c == nullptr) continue;
      if (cited != nullptr && c != cited) several = true;
      if (cited == nullptr) at = j;
      cited = c;
    }
    if (cited == nullptr || several) continue;
    Assertion said = SentenceAssertion(tokens, begin, end,
                                       EndsInQuestion(paragraph.text, s));
    if (!Contradicts(*cited, said)) continue;
    Diagnostic d;
    d.id = "AC104";
    d.severity = FindRule(d.id)->severity;
    d.message = MessageFor(*cited, said);
    d.file = host;
    uint32_t b = tokens[at].begin, e = tokens[at].end;
    d.span = e <= paragraph.offsets.size()
                 ? Span{paragraph.offsets[b], paragraph.offsets[e - 1] + 1}
                 : Span{b, e};
    d.notes.push_back(fmt::format("claim '{}' ({}) is declared at {}",
                                  cited->name, cited->label, cited->location));
    if (!cited->detail.empty()) d.notes.push_back(cited->detail);
    d.help.push_back(
        said == Assertion::kHolds
            ? "say what the claim shows (that it fails, or why it is "
              "unknown), or change the claim"
            : "say that the claim holds, or change the claim");
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace aligncheck::prose

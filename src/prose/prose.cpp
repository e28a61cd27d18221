// The prose rules' entry points: the raw-text prefilter, and the rules
// applied to one paragraph (sentences, quotes, matches, exemptions).
#include "prose/prose.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstring>

#include "lint/rule_catalog.h"
#include "prose/lexicon.h"
#include "prose/mention.h"
#include "prose/patterns.h"
#include "prose/qualify.h"
#include "prose/quoted.h"
#include "prose/quotes.h"
#include "prose/relation_words.h"
#include "prose/sentences.h"
#include "prose/simplify.h"
#include "prose/structure.h"
#include "prose/tokens.h"

namespace aligncheck::prose {
namespace {

// Every rule needs a loss-like word: loss, reward, objective or cost, a
// proxy, a specification, a training signal, a (utility) function, a
// preference model, a metric being optimized, what is measured, a
// grader, an optimization target, what is optimized or maximized,
// (for AC103) a return, or (for AC102) the term outer or inner
// (mis)alignment; AC105 needs shap, unha, hack or epic. The prefilter looks for
// the stems in any case by Horspool's skip search over a four-byte window, one
// pass for all.
constexpr std::string_view kStems[] = {
    "loss",     "reward",   "objective",
    "cost",     "proxy",    "proxies",
    "spec",     "signal",   "function",
    "metric",   "target",   "return",
    "outer al", "outer-al", "outer mi",
    "outer-mi", "inner al", "inner-al",
    "inner mi", "inner-mi", "preference model", "measur", "grader",
    "optimi",   "maximi",
    "shap",     "unha",     "hack",
    "epic"};

// The window's four bytes, lower-cased, as a little-endian word.
uint32_t Window(const char* s) {
  return (uint32_t(uint8_t(s[0])) | uint32_t(uint8_t(s[1])) << 8 |
          uint32_t(uint8_t(s[2])) << 16 | uint32_t(uint8_t(s[3])) << 24) |
         0x20202020u;
}

// A window's slot in StemTable::first4, which marks the slots of the
// stems' first four letters: one lookup drops almost every window, and
// StemAt decides the rest.
size_t Slot(uint32_t w) { return (w * 0x9E3779B1u) >> 22; }

struct StemTable {
  std::array<uint8_t, 256> shift;
  std::array<bool, 1024> first4{};
  StemTable() {
    shift.fill(4);
    for (std::string_view stem : kStems) {
      for (size_t k = 0; k < 3; ++k) {
        auto lower = static_cast<unsigned char>(stem[k]);
        uint8_t by = static_cast<uint8_t>(3 - k);
        shift[lower] = std::min(shift[lower], by);
        shift[lower - 'a' + 'A'] = std::min(shift[lower - 'a' + 'A'], by);
      }
      first4[Slot(Window(stem.data()))] = true;
    }
  }
};

// Whether a stem starts at `at`, ignoring ASCII case.
bool StemAt(std::string_view raw, size_t at) {
  for (std::string_view stem : kStems) {
    if (at + stem.size() > raw.size()) continue;
    size_t k = 0;
    while (k < stem.size() && (raw[at + k] | 0x20) == stem[k]) ++k;
    if (k == stem.size()) return true;
  }
  return false;
}

// Whether the sentence's last character, before closing quotes and
// brackets, is a question mark.
bool IsQuestion(std::string_view text, TextRange s) {
  for (size_t i = s.end; i > s.begin;) {
    char c = text[--i];
    if (c == '?') return true;
    if (c == '"' || c == '\'' || c == ')' || c == ']' || c == ' ' ||
        static_cast<unsigned char>(c) >= 0x80) {
      continue;  // closing marks, including curly quotes' bytes
    }
    return false;
  }
  return false;
}

const char* MessageOf(std::string_view rule, bool inner) {
  if (rule == "AC101") {
    return "loss said to be aligned with a goal without saying what that "
           "means";
  }
  if (rule == "AC102" && inner) {
    return "inner alignment defined as a learned objective matching the "
           "training objective, which has no single meaning";
  }
  if (rule == "AC105") {
    return "relation between two rewards stated without a relation claim "
           "that checks it";
  }
  if (rule == "AC102") {
    return "outer alignment defined as aligning the loss with the intended "
           "goal, which has no single meaning";
  }
  return "agent said to want low loss or high reward without saying which "
         "it cares about";
}

const char* HelpOf(std::string_view rule) {
  if (rule == "AC105") {
    return "back it with a relation claim in an aligncheck block or an "
           "attached spec: `SHAPED potential_shaping_of BASE over M`, "
           "`PROXY unhackable_with TRUTH over D` (or over M), or `PROXY "
           "epic_distance_to TRUTH over M below d`";
  }
  if (rule == "AC103") {
    return "say whether it cares about the value at the loss register (and "
           "would tamper with it) or about its predictions matching the "
           "labels (`cares_about register in M` or `cares_about predictions "
           "of L`)";
  }
  return "name the reading: idealized_minimizer (every minimizer of the "
         "loss on the data meets the goal), physical_only (every behaviour "
         "that makes the register read low meets it) or trained_outcome "
         "(training with a stated setup yields a model that meets it), or "
         "name the aligncheck claim that says it";
}

// Token index range of each sentence.
struct SentenceTokens {
  TextRange text;
  size_t begin = 0;
  size_t end = 0;
};

std::vector<SentenceTokens> TokenRanges(const std::vector<TextRange>& ranges,
                                        const std::vector<Token>& tokens) {
  std::vector<SentenceTokens> out;
  size_t t = 0;
  for (const TextRange& r : ranges) {
    while (t < tokens.size() && tokens[t].begin < r.begin) ++t;
    size_t b = t;
    while (t < tokens.size() && tokens[t].begin < r.end) ++t;
    out.push_back({r, b, t});
  }
  return out;
}

// Whether tokens [begin, end) name a training-side object; with a `noun`
// ("model"), one whose phrase ends in it: "a reward model. This model".
bool NamesLoss(const std::vector<Token>& tokens, size_t begin, size_t end,
               std::string_view noun) {
  for (size_t j = begin; j < end; ++j) {
    if (LossHead(tokens, begin, j) != kNone &&
        (noun.empty() || tokens[j].lower == noun)) {
      return true;
    }
  }
  return false;
}

// Cheap coreference: a sentence that opens with a pronoun subject ("It
// ...", "But this ...", "Such a function ...", "They ...") after a
// sentence of the same paragraph that names a loss is about that loss;
// "This model ..." only after one that names a reward model.
// Returns the pronoun's token, which the caller marks kLossAnaphor so
// that the patterns read it as a loss, or kNone.
size_t LossAnaphorAt(const std::vector<Token>& tokens, size_t begin,
                     size_t end) {
  constexpr size_t kMaxLead = 3;  // "But", "However ,", "So"
  for (size_t j = begin; j < end && j <= begin + kMaxLead; ++j) {
    const Token& t = tokens[j];
    if (!IsWord(t)) {
      if (t.lower == ",") continue;
      return kNone;
    }
    if (In(t.lower, {"it", "they"})) return j;
    if (In(t.lower, {"this", "that", "these"})) {
      // "This captures", "this is": a pronoun; "this function": a
      // determiner; "this objective", "these rewards" name themselves.
      const Token* n = j + 1 < end ? &tokens[j + 1] : nullptr;
      if (n == nullptr || !IsWord(*n)) return kNone;
      if (In(n->lower, {"function", "functions", "model"})) return j + 1;
      bool verb = (n->verb & (kLossGoalVerb | kEvaluative)) != 0 ||
                  IsAdverb(n->lower) || IsModal(n->lower) ||
                  IsNegation(n->lower);
      return verb ? j : kNone;
    }
    // "Such a function", "The function".
    if (In(t.lower, {"function", "functions"}) && j > begin &&
        In(tokens[j - 1].lower, {"the", "a", "such"})) {
      return j;
    }
    // "But it", "Unfortunately, it", "Such a function".
    if (!IsAdverb(t.lower) &&
        !In(t.lower, {"but", "however", "yet", "and", "such", "a", "the"})) {
      return kNone;
    }
  }
  return kNone;
}

}  // namespace

bool MayTrigger(std::string_view raw) {
  static const StemTable kTable;
  const char* data = raw.data();
  for (size_t end = 3; end < raw.size();) {
    // Upper-case letters become lower case; no other byte becomes a letter.
    if (kTable.first4[Slot(Window(data + end - 3))] && StemAt(raw, end - 3)) {
      return true;
    }
    end += kTable.shift[static_cast<unsigned char>(data[end])];
  }
  return false;
}

std::vector<Diagnostic> CheckParagraph(
    const std::shared_ptr<const SourceFile>& host, const Paragraph& paragraph,
    const DocumentContext& context) {
  std::vector<Diagnostic> out;
  const std::string& text = paragraph.text;
  if (!MayTrigger(text)) return out;
  std::vector<Token> tokens = Tokenize(text);
  // The parser reads the sentence as the rules do, without "(RMs)"; the
  // copy is made only when there may be something to take out.
  std::string simplified;
  bool dropped = false;
  if (std::any_of(tokens.begin(), tokens.end(), [](const Token& t) {
        return t.lower == "(" || t.lower == "not";
      })) {
    simplified = text;
    dropped = DropAbbreviationDefinitions(&tokens, &simplified);
    dropped = DropNotOnly(&tokens, &simplified) || dropped;
  }
  std::string_view parse_text = dropped ? std::string_view(simplified) : text;
  const bool verbs = ClassifyVerbs(tokens);
  const bool relations = MayStateRelation(text);
  if (!verbs && !relations) return out;
  std::vector<SentenceTokens> sentences =
      TokenRanges(SplitSentences(text), tokens);

  std::vector<Quote> quotes;
  bool quotes_found = false;
  SentenceParseCache parses(parse_text);
  SentenceParseCache* structure =
      context.parse_sentences ? &parses : nullptr;
  for (size_t i = 0; i < sentences.size(); ++i) {
    const SentenceTokens& s = sentences[i];
    if (size_t a = i > 0 ? LossAnaphorAt(tokens, s.begin, s.end) : kNone;
        a != kNone &&
        NamesLoss(tokens, sentences[i - 1].begin, sentences[i - 1].end,
                  tokens[a].lower == "model" ? "model" : "")) {
      tokens[a].verb |= kLossAnaphor;
    }
    const SentenceTokens* next =
        i + 1 < sentences.size() ? &sentences[i + 1] : nullptr;
    SentenceMood mood;
    mood.question = IsQuestion(text, s.text);
    mood.answered_no = mood.question && next != nullptr &&
                       AnswersNo(tokens, next->begin, next->end);
    std::vector<Match> matches;
    if (verbs) matches = FindMatches(tokens, s.begin, s.end, mood, structure);
    Match relation;
    if (const char* word = relations ? MatchRelationStatement(tokens, s.begin,
                                                              s.end, &relation)
                                     : nullptr;
        word != nullptr && std::find(context.relation_claims.begin(),
                                     context.relation_claims.end(),
                                     word) == context.relation_claims.end()) {
      matches.push_back(relation);
    }
    // "I want a loss aligned with the goal. This is an aspirational
    // statement ...": an example on display, not the author's claim.
    if (!matches.empty() && next != nullptr &&
        RefersBack(tokens, next->begin, next->end)) {
      continue;
    }
    for (const Match& m : matches) {
      if (!quotes_found) {
        std::vector<TextRange> ranges;
        for (const SentenceTokens& r : sentences) ranges.push_back(r.text);
        quotes = FindQuotes(text, tokens, ranges);
        quotes_found = true;
      }
      const Quote* verb_quote = QuoteAt(quotes, tokens[m.verb].begin);
      bool quoted = paragraph.blockquote;
      if (verb_quote != nullptr) {
        const TextRange& q = verb_quote->content;
        bool subject_inside = tokens[m.subject].begin >= q.begin &&
                              tokens[m.subject].begin < q.end;
        // A scare-quoted verb, or a quoted phrase talked about, is a
        // mention: nobody asserts it.
        if (!subject_inside || verb_quote->mention) continue;
        // "Suppose you tell me, "...": words nobody said.
        size_t open = s.begin;
        while (open < s.end && tokens[open].begin < q.begin) ++open;
        if (IsHypotheticalSpeech(tokens, s.begin, open)) continue;
        quoted = true;
      }
      // Per sentence: a neighbour that names a reading does not qualify
      // this one.
      // AC105 is backed by a relation claim only, checked above ("optimal
      // policies" names no relation).
      if (std::string_view(m.rule) != "AC105" &&
          NamesQualification(paragraph, tokens, s.begin, s.end,
                             context.claim_names)) {
        continue;
      }
      Diagnostic d;
      d.id = m.rule;
      const Rule* rule = FindRule(d.id);
      d.severity = quoted ? Severity::kNote : rule->severity;
      d.message =
          MessageOf(d.id, tokens[m.subject].lower.rfind("inner", 0) == 0);
      d.file = host;
      // A matcher reports its phrase's ends; the span runs from the earlier
      // to the later, whatever order the roles came in.
      uint32_t b = tokens[std::min(m.first, m.last)].begin;
      uint32_t e = tokens[std::max(m.first, m.last)].end;
      // Offsets map into the host; a reader that broke the contract gets
      // paragraph positions rather than a crash.
      d.span = e <= paragraph.offsets.size()
                   ? Span{paragraph.offsets[b], paragraph.offsets[e - 1] + 1}
                   : Span{b, e};
      if (quoted) {
        d.notes.emplace_back(kQuotedNote);
      }
      d.help.push_back(HelpOf(d.id));
      out.push_back(std::move(d));
    }
  }
  return out;
}

}  // namespace aligncheck::prose

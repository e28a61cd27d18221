// Frames that turn a trigger phrase into a mention: word windows around
// meaning talk, reported views and examples on display.
#include "prose/mention.h"

#include "prose/lexicon.h"

namespace aligncheck::prose {
namespace {

constexpr size_t kMaxReporterGap = 4;  // "many people seem to expect"
constexpr size_t kMaxBackReference = 6;

// Someone other than the author: the holder of a reported view.
bool IsThirdParty(const std::string& w) {
  return In(w, {"people",     "practitioners", "researchers",   "authors",
                "many",       "most",          "some",          "others",
                "critics",    "proponents",    "they",          "he",
                "she",        "commonly",      "often",         "widely",
                "community",  "field",         "folks",         "textbooks",
                "literature", "papers",        "traditionally", "nobody",
                "everyone",   "everybody",     "someone",       "somebody",
                "researcher", "author",        "sources",       "guides"});
}

bool IsReportVerb(const std::string& w) {
  return In(w,
            {"expect",    "expects",       "expected", "view",       "views",
             "believe",   "believes",      "believed", "assume",     "assumes",
             "assumed",   "think",         "thinks",   "argue",      "argues",
             "argued",    "claim",         "claims",   "claimed",    "say",
             "says",      "said",          "suggest",  "suggests",   "hold",
             "holds",     "described",     "regarded", "considered", "framed",
             "portrayed", "characterized", "treat",    "treats",     "imagine",
             "imagines",  "asked",         "asks",     "wonder",     "wonders",
             "wondered",  "doubt",         "doubts",   "deny",       "denies",
             "hope",      "hopes",         "showed",   "shown",      "found",
             "warned",    "warns",         "explains", "explained",  "noted",
             "observed",  "reported",      "demonstrated", "highlights",
             "highlighted", "discusses",   "discussed", "emphasizes",
             "emphasized", "discuss",      "examines", "examined",
             "examining", "explores",       "explored", "formalizes",
             "formalized", "identifies",    "identified", "proposes",
             "proposed", "introduces",      "introduced", "investigates",
             "investigated", "analyzes",    "analyzed", "presents",
             "presented", "published",      "describes"});
}

}  // namespace

size_t MentionStart(const std::vector<Token>& tokens, size_t begin,
                    size_t end) {
  for (size_t j = begin; j < end; ++j) {
    const Token& t = tokens[j];
    if (!IsWord(t)) continue;
    const std::string& w = t.lower;
    if (In(w, {"notion", "idea", "concept", "phrase", "phrases", "slogan",
               "slogans", "misconception", "myth", "wording", "talking",
               "pretend", "pretending"})) {
      return j;
    }
    // "talk of", "talk about"; "to say"; "what does it mean", "mean for".
    if (w == "talk" && WordAt(tokens, j + 1, end, {"of", "about"})) return j;
    if (w == "say" && j > begin && tokens[j - 1].lower == "to") return j;
    // "Saying that the reward is aligned ... tells the reader nothing";
    // not "a way of saying this is that ...".
    if (w == "saying" && !WordAt(tokens, j + 1, end, {"this", "so"})) return j;
    if (In(w, {"mean", "means", "meant"})) {
      if (WordAt(tokens, j + 1, end, {"for"})) return j;
      // "what does it mean", "what would it mean"; not "what you meant".
      for (size_t k = j; k > begin && j - k < 4;) {
        if (tokens[--k].lower == "what" &&
            WordAt(tokens, k + 1, end,
                   {"does", "do", "did", "would", "could", "should", "might",
                    "is", "was", "can", "exactly"})) {
          return k;
        }
      }
    }
    // "According to top sources, ...": someone else's account.
    // Not "according to its training" or "according to the true reward":
    // a thing's own measure, not a source; nor "categorized according to
    // whether ...": a criterion.
    if (w == "according" && WordAt(tokens, j + 1, end, {"to"}) &&
        !(WordAt(tokens, j + 2, end,
                 {"its", "their", "whether", "how", "what", "which", "if"}) ||
          (WordAt(tokens, j + 2, end, {"the"}) &&
           WordAt(tokens, j + 3, end,
                  {"true", "reward", "loss", "objective", "metric", "proxy",
                   "specification", "rules", "spec"})))) {
      return j;
    }
    // "the claim that", "a common intuition is that": a claim held up,
    // not made.
    if (In(w, {"claim", "claims", "belief", "beliefs", "assumption",
               "assumptions", "intuition"})) {
      // One adjective may stand between ("a common intuition"), not after
      // "claim" ("the authors claim: ..." reports a quotation).
      size_t reach = In(w, {"claim", "claims"}) ? 1 : 2;
      for (size_t k = j; k > begin && j - k < reach;) {
        if (In(tokens[--k].lower, {"the", "a", "this", "that", "such", "any"})) {
          return j;
        }
      }
    }
    // "The authors claim: "..."": a quotation, reported as a note.
    size_t after = j + 1;
    while (after < end && In(tokens[after].lower, {":", ","})) ++after;
    if (IsReportVerb(w) && !(after < end && IsQuoteMark(tokens[after]))) {
      // "we do not claim", "we never said".
      if (j > begin && IsWord(tokens[j - 1]) &&
          IsNegation(tokens[j - 1].lower) &&
          In(w, {"claim", "claims", "claimed", "say", "said", "suggest",
                 "suggests"})) {
        return j;
      }
      // "Smith (2020) claims", "[12] argues", "Lee et al. argue": a
      // cited source.
      if (j > begin && (In(tokens[j - 1].lower, {")", "]", "al.", "al"}) ||
                        (tokens[j - 1].lower == "." && j > begin + 1 &&
                         tokens[j - 2].lower == "al"))) {
        return j;
      }
      for (size_t k = j; k > begin && j - k <= kMaxReporterGap;) {
        const Token& p = tokens[--k];
        if (!IsWord(p)) break;
        if (In(p.lower, {"i", "we", "i'd", "we'd"})) break;
        if (IsThirdParty(p.lower)) return j;
        // "Their discussion highlights", "the paper formalizes", "OpenAI
        // published a post examining": another's work ("this paper argues"
        // and "our study shows" are the author's own).
        if (k > begin &&
            In(p.lower, {"discussion", "paper", "papers", "study", "book",
                         "article", "analysis", "work", "post", "review",
                         "episode", "chapter", "talk", "lecture", "podcast",
                         "conversation", "report", "survey"}) &&
            In(tokens[k - 1].lower, {"their", "his", "her", "the"})) {
          return j;
        }
        if (In(p.lower, {"openai", "deepmind", "anthropic"})) return j;
      }
    }
  }
  return end;
}

bool SaysAmbiguous(const std::vector<Token>& tokens, size_t begin, size_t end) {
  for (size_t j = begin; j < end; ++j) {
    const Token& t = tokens[j];
    if (!IsWord(t)) continue;
    const std::string& w = t.lower;
    if (In(w, {"ambiguous", "underdefined", "ill-defined", "senses",
               "equivocal", "equivocates"})) {
      return true;
    }
    // "has no single meaning".
    if (w == "meaning" && j >= begin + 2 && tokens[j - 1].lower == "single") {
      return true;
    }
  }
  return false;
}

bool RefersBack(const std::vector<Token>& tokens, size_t begin, size_t end) {
  size_t limit =
      begin + kMaxBackReference < end ? begin + kMaxBackReference : end;
  for (size_t j = begin; j < limit; ++j) {
    const Token& t = tokens[j];
    if (!IsWord(t) || !In(t.lower, {"this", "that"})) continue;
    // "this claim", "this statement".
    if (WordAt(tokens, j + 1, end,
               {"claim", "statement", "sentence", "example", "quote", "slogan",
                "phrase"})) {
      return true;
    }
    // "This is an aspirational statement", "What does this mean".
    for (size_t k = j + 1; k < end && k <= j + 4; ++k) {
      if (WordAt(tokens, k, end,
                 {"statement", "claim", "sentence", "example", "quote"})) {
        return WordAt(tokens, j + 1, end, {"is", "was"});
      }
    }
    if (WordAt(tokens, j + 1, end, {"mean", "means"})) return true;
  }
  return false;
}

bool AnswersNo(const std::vector<Token>& tokens, size_t begin, size_t end) {
  return WordAt(tokens, begin, end, {"no", "nope"}) &&
         (begin + 1 >= end || !IsWord(tokens[begin + 1]));
}

bool IsHypotheticalSpeech(const std::vector<Token>& tokens, size_t begin,
                          size_t open) {
  bool supposed = false, speech = false;
  for (size_t j = begin; j < open; ++j) {
    if (!IsWord(tokens[j])) continue;
    const std::string& w = tokens[j].lower;
    if (In(w, {"suppose", "supposing", "imagine", "imagining", "if", "pretend",
               "hypothetically"})) {
      supposed = true;
    }
    if (supposed &&
        In(w, {"tell", "tells", "told", "say", "says", "said", "claim",
               "claims", "claimed", "write", "writes", "wrote", "announce",
               "announces", "insist", "insists", "declare", "declares"})) {
      speech = true;
    }
  }
  return speech;
}

}  // namespace aligncheck::prose

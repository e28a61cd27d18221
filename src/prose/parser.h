// Sentence structure from CMU's Link Grammar parser, for the prose rules'
// structural matcher (prose/structure.h): which word is the subject,
// object or modifier of which, whatever the word order. Parsing costs tens
// of milliseconds a sentence, so only sentences the word patterns leave
// open are parsed, and only after the cheap prefilter.
#ifndef ALIGNCHECK_PROSE_PARSER_H_
#define ALIGNCHECK_PROSE_PARSER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace aligncheck::prose {

/// A link between two words of a parse (indices into SentenceParse::words).
struct ParseLink {
  uint16_t left = 0;
  uint16_t right = 0;
  std::string label;  // "Ss", "Os", "Pv", "MVp", ...
};

/// The best linkage of one sentence.
struct SentenceParse {
  struct Word {
    uint32_t begin = 0;  // byte range in the sentence given to Parse
    uint32_t end = 0;
    bool wall = false;   // LEFT-WALL / RIGHT-WALL: no text
  };
  std::vector<Word> words;
  std::vector<ParseLink> links;
};

/// Longest sentence parsed, in bytes: longer ones are left to the word
/// patterns (parse time grows fast with length).
inline constexpr size_t kMaxParsedBytes = 400;

/// Whether the parser can be used: aligncheck was built with Link Grammar
/// and its English dictionary loads (or the one the environment variable
/// ALIGNCHECK_LINK_GRAMMAR_DICT names: a language or a directory). The first call loads the dictionary
/// (about a third of a second) and is safe from any thread. On false,
/// `why` says what is missing, in words for the user.
bool ParserAvailable(std::string* why = nullptr);

/// Whether ParseSentence has been asked for a parse in this process: the
/// gate says that the parser is missing only when it was needed.
bool ParserWanted();

/// Parses `sentence` (one sentence of prose, kOpaque bytes allowed) with
/// the loaded dictionary. Returns false when the parser is unavailable,
/// the sentence is longer than kMaxParsedBytes, or no linkage was found
/// within the per-sentence limit (one second). A sentence without a full
/// parse is parsed again with up to three words left out when it is at
/// most 200 bytes long. Thread-safe: each thread
/// parses with its own options. Deterministic except that a sentence
/// that hits the time limit on a slow machine may parse on a fast one;
/// sentences under kMaxParsedBytes stay well below it.
bool ParseSentence(std::string_view sentence, SentenceParse* out);

}  // namespace aligncheck::prose

#endif  // ALIGNCHECK_PROSE_PARSER_H_

// Sentence boundaries in a paragraph of prose.
#ifndef ALIGNCHECK_PROSE_SENTENCES_H_
#define ALIGNCHECK_PROSE_SENTENCES_H_

#include <cstdint>
#include <string_view>
#include <vector>

namespace aligncheck::prose {

/// A half-open byte range [begin, end) of a paragraph's text.
struct TextRange {
  uint32_t begin = 0;
  uint32_t end = 0;
};

/// Splits `text` into sentences, in order, covering every non-blank byte.
/// A sentence ends at '.', '!', '?', "..." or '…' (with any closing quotes
/// and brackets after it) followed by a blank and then a capital letter, a
/// digit, an opening quote or bracket, a dash, code or math, or the end.
/// A '.' does not end a sentence after an abbreviation (e.g., i.e., et
/// al., Fig., Sec., vs., ...), an initial ("A. Turing") or inside a number
/// (no blank follows); kOpaque never ends one.
std::vector<TextRange> SplitSentences(std::string_view text);

}  // namespace aligncheck::prose

#endif  // ALIGNCHECK_PROSE_SENTENCES_H_

// Quoted words in a paragraph: quotation marks, and quotations introduced
// by a colon ("Here is a quote: ... — Source").
#ifndef ALIGNCHECK_PROSE_QUOTES_H_
#define ALIGNCHECK_PROSE_QUOTES_H_

#include <string_view>
#include <vector>

#include "prose/sentences.h"
#include "prose/tokens.h"

namespace aligncheck::prose {

struct Quote {
  TextRange content;  // between the marks, or after the colon
  /// The quoted words are talked about rather than asserted by anyone:
  /// `the phrase "..."`, `"..." is underdefined`.
  bool mention = false;
};

/// Finds the quotations of `text`:
///  - between quotation marks: "...", “...”, ``...'', „...“, «...», and
///    single quotes '...' and ‘...’. A straight quote opens after a blank
///    or an opening bracket and closes before a blank or punctuation, so
///    apostrophes (don't, the designer's, the models' loss) open nothing.
///    A mark left open at the end of the paragraph quotes nothing.
///  - after a colon whose sentence says quote, wrote, writes, says (and
///    the like): up to an attribution dash ("— Source", within a few
///    sentences), or else to the end of the colon's sentence.
/// Quotes may nest (single inside double); the result is sorted by start.
std::vector<Quote> FindQuotes(std::string_view text,
                              const std::vector<Token>& tokens,
                              const std::vector<TextRange>& sentences);

/// Returns the innermost quote containing byte `at`, or null. Looks at the
/// 16 quotes that start last before `at`, so that a paragraph full of
/// quotes stays linear: a quote with more quotes than that inside it
/// before `at` is not seen.
const Quote* QuoteAt(const std::vector<Quote>& quotes, uint32_t at);

}  // namespace aligncheck::prose

#endif  // ALIGNCHECK_PROSE_QUOTES_H_

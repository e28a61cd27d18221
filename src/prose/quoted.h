// How a prose finding says that its words are someone else's, so that a
// caller applying a configured severity can leave quoted findings notes.
#ifndef ALIGNCHECK_PROSE_QUOTED_H_
#define ALIGNCHECK_PROSE_QUOTED_H_

#include <algorithm>
#include <string_view>

#include "diag/diagnostic.h"

namespace aligncheck::prose {

/// The note that every finding about quoted words carries.
inline constexpr std::string_view kQuotedNote =
    "the words are quoted: someone else's claim, reported as a note";

/// Whether `d`, a finding of CheckParagraph, is about quoted words
/// (a blockquote, quotation marks, or a quotation after "wrote:").
inline bool IsQuotedFinding(const Diagnostic& d) {
  return std::find(d.notes.begin(), d.notes.end(), kQuotedNote) !=
         d.notes.end();
}

}  // namespace aligncheck::prose

#endif  // ALIGNCHECK_PROSE_QUOTED_H_

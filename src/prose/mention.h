// Use versus mention: when a sentence talks about the idea of an aligned
// loss or a reward-seeking agent instead of using it. Mood does not
// matter: a question, a condition, a wish or a modal that uses the notion
// is a claim like any other; one that asks what the notion means, reports
// someone's view of it, or shows it as an example is not.
#ifndef ALIGNCHECK_PROSE_MENTION_H_
#define ALIGNCHECK_PROSE_MENTION_H_

#include <cstddef>
#include <vector>

#include "prose/tokens.h"

namespace aligncheck::prose {

/// Returns the first token of the sentence [begin, end) that frames what
/// follows as talk about the idea rather than use of it, or `end`:
///  - meaning talk: "what does it mean", "what would it mean for", "the
///    notion / idea / phrase / slogan / myth that", "talking about",
///    "to say", "pretend";
///  - a view reported as someone else's: "many people expect", "most
///    practitioners view ... as", "is commonly described as", or a cited
///    source's ("Smith (2020) claims", "Lee et al. argue");
///  - the author's denial of saying it: "we do not claim", "we never
///    said".
/// A phrase whose subject comes after this token is mentioned, not used.
size_t MentionStart(const std::vector<Token>& tokens, size_t begin, size_t end);

/// Whether the sentence [begin, end) says, anywhere, that the notion has
/// several meanings or none: "in many different senses", "is ambiguous",
/// "underdefined", "ill-defined", "has no single meaning".
bool SaysAmbiguous(const std::vector<Token>& tokens, size_t begin, size_t end);

/// Whether the sentence [begin, end), the one after a sentence, refers
/// back to that sentence as an example on display: "This is a(n) ...
/// statement", "this claim", "What does this mean".
bool RefersBack(const std::vector<Token>& tokens, size_t begin, size_t end);

/// Whether the sentence [begin, end) answers the one before with "No".
bool AnswersNo(const std::vector<Token>& tokens, size_t begin, size_t end);

/// Whether a quotation opening at token `open` of the sentence starting at
/// `begin` is hypothetical speech ("Suppose you tell me, "..."", "if
/// someone says "...""): nobody asserts those words.
bool IsHypotheticalSpeech(const std::vector<Token>& tokens, size_t begin,
                          size_t open);

}  // namespace aligncheck::prose

#endif  // ALIGNCHECK_PROSE_MENTION_H_

// Prose rules (AC1xx): sentences of a research write-up that state an
// aligned-loss claim without saying what it means. The write-up readers
// (gate/) turn Markdown and LaTeX into paragraphs of plain prose mapped back
// to the host file; this module only ever sees those paragraphs.
#ifndef ALIGNCHECK_PROSE_PROSE_H_
#define ALIGNCHECK_PROSE_PROSE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.h"
#include "util/source_file.h"

namespace aligncheck::prose {

/// The character a reader puts in place of each code span, math span and
/// URL: the rules neither match words inside it nor end a sentence in it.
inline constexpr char kOpaque = '\x1a';

/// An inline code span of a paragraph, kept apart so that a paragraph can
/// name a claim or an operationalization in code (`novels_idealized`).
struct CodeSpan {
  uint32_t at = 0;   // index in Paragraph::text of its kOpaque
  std::string text;  // the code, as written between the backticks
};

/// One paragraph of prose: markup removed (emphasis markers, link targets,
/// LaTeX commands that do not typeset words), inline code, math and URLs
/// each replaced by one kOpaque, soft line breaks by a space.
struct Paragraph {
  std::string text;
  /// offsets[i] is the byte offset in the host file of text[i];
  /// offsets.size() == text.size(). Offsets increase.
  std::vector<uint32_t> offsets;
  std::vector<CodeSpan> code;
  /// A Markdown blockquote or a LaTeX quote/quotation environment: the
  /// words are someone else's.
  bool blockquote = false;
};

/// What the rest of the document says, for the exemptions: a sentence is
/// qualified when it names an operationalization or a
/// claim of the document.
struct DocumentContext {
  /// Claims declared in the document's embedded blocks and attached specs.
  std::vector<std::string> claim_names;
  /// The relation keyword (unhackable_with, ...) of each relation claim
  /// among them: AC105 leaves a statement of that relation alone.
  std::vector<std::string> relation_claims;
  /// Parse the sentences no word pattern matches (prose/structure.h).
  /// Only meaningful when ParserAvailable() (prose/parser.h).
  bool parse_sentences = false;
};

/// A cheap filter over a paragraph's raw bytes, before markup is removed:
/// false when no rule can fire on it, so the reader need not build the
/// Paragraph. Most prose never mentions a loss, a reward or an objective.
/// It looks for the stems loss, reward, objective, cost, proxy, proxies,
/// spec, signal, function, metric, target, return, measur(e), grader,
/// "preference model" and the terms "outer al(ignment)", "inner
/// mi(salignment)" (space or hyphen) in any ASCII case, and for AC105 the
/// stems shap, unha, hack and epic; a stem that markup or a line break
/// splits in the raw bytes ("lo**ss**", "re\-ward", "outer\nalignment") is
/// not seen.
bool MayTrigger(std::string_view raw);

/// Applies every prose rule to `paragraph` of `host`. Findings carry their
/// rule id, the rule's default severity (note when the words are quoted)
/// and the span of the trigger phrase in the host file. Configuration and
/// suppression comments are applied by the caller; IsQuotedFinding
/// (prose/quoted.h) tells quoted findings apart.
///
/// What counts (details in prose/patterns.h, quotes.h, qualify.h):
///  - mood does not matter, use versus mention does: questions,
///    conditions, wishes and modals that use the notion count like
///    assertions; frames that talk about the idea ("the notion that ...",
///    "what does it mean"), views credited to others, a scare-quoted verb
///    or a quoted phrase that is talked about ("\"...\" is underdefined")
///    are mentions, not claims;
///  - with `context.parse_sentences`, sentences no word pattern matches
///    are parsed (prose/structure.h);
///  - at most one finding per rule and sentence;
///  - a sentence is exempt when it names an operationalization or one of
///    `context.claim_names` itself; a neighbour that does is not enough;
///  - AC105 (prose/relation_words.h) is exempt only by a relation claim of
///    the same relation in `context.relation_claims`.
/// REQUIRES: paragraph.offsets.size() == paragraph.text.size() (when it is
/// not, spans are paragraph positions rather than a crash).
std::vector<Diagnostic> CheckParagraph(
    const std::shared_ptr<const SourceFile>& host, const Paragraph& paragraph,
    const DocumentContext& context);

}  // namespace aligncheck::prose

#endif  // ALIGNCHECK_PROSE_PROSE_H_

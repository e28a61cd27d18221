// The write-up readers: a Markdown or LaTeX host document turned into its
// embedded aligncheck blocks, its directive comments and the paragraphs of
// prose worth handing to the prose rules, all located in the host file.
//
// Readers are linear in the size of the document and allocate per block,
// directive and kept paragraph, not per line: most paragraphs never mention
// a loss, and prose::MayTrigger lets the reader drop them unbuilt.
#ifndef ALIGNCHECK_GATE_DOCUMENT_H_
#define ALIGNCHECK_GATE_DOCUMENT_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.h"
#include "lint/suppress.h"
#include "util/source_file.h"

namespace aligncheck::gate {

enum class Syntax { kMarkdown, kLatex };

/// Reader diagnostics about the host file (documented in README).
inline constexpr const char* kUnterminatedBlock = "E030";
inline constexpr const char* kNestedBlock = "E031";
inline constexpr const char* kInvalidUtf8 = "E032";
inline constexpr const char* kUnterminatedOther = "E033";
inline constexpr const char* kBadDirective = "E034";
inline constexpr const char* kStrayEnd = "E035";
inline constexpr const char* kNearMissLabel = "E037";

/// One embedded aligncheck block, in host offsets.
struct Block {
  Span open;                // the opening fence or `\begin{aligncheck}`
  std::vector<Span> lines;  // its content, container prefixes left out
};

/// `aligncheck: spec PATH` in a comment.
struct Attachment {
  std::string path;  // as written
  Span span;         // the path in the comment
};

/// A run of host bytes in a paragraph; an opaque piece (a LaTeX math
/// environment) stands for one prose::kOpaque.
struct Piece {
  Span span;
  bool opaque = false;
};

/// A paragraph as the reader found it: its pieces of host text, before
/// inline markup is removed.
struct RawParagraph {
  std::vector<Piece> pieces;
  bool blockquote = false;
};

struct ReadResult {
  std::vector<Block> blocks;  // document order
  std::vector<Attachment> attachments;
  std::vector<Suppression> suppressions;  // comment spans set
  std::vector<Diagnostic> diagnostics;    // reader errors and warnings
  /// The paragraphs prose::MayTrigger accepted, in document order.
  std::vector<RawParagraph> paragraphs;
};

/// The span of host offsets [begin, end).
inline Span MakeSpan(size_t begin, size_t end) {
  return {static_cast<uint32_t>(begin), static_cast<uint32_t>(end)};
}

/// Ends a reader's open paragraph, the `pieces` (not empty) of `text`: it
/// goes to `out` with `all_paragraphs` or when prose::MayTrigger accepts it.
/// `pieces` is left empty, its capacity kept for the next paragraph.
void EmitParagraph(std::string_view text, std::vector<Piece>& pieces,
                   bool blockquote, bool all_paragraphs, ReadResult& out);

/// Reads a Markdown document (CommonMark blocks; see README for what is
/// supported inside containers). With `all_paragraphs`, keeps every
/// paragraph, not only those prose::MayTrigger accepts (for tests).
ReadResult ReadMarkdown(const std::shared_ptr<const SourceFile>& host,
                        bool all_paragraphs = false);

/// Reads a LaTeX document: prose only after `\begin{document}` when the
/// file has one, directives and blocks anywhere.
ReadResult ReadLatex(const std::shared_ptr<const SourceFile>& host,
                     bool all_paragraphs = false);

/// Reads `host` with the reader for `syntax`, and adds the invalid UTF-8
/// warning (once, at the first bad byte).
ReadResult ReadDocument(const std::shared_ptr<const SourceFile>& host,
                        Syntax syntax, bool all_paragraphs = false);

/// Returns the offset of the first byte of `text` that is not valid UTF-8,
/// or npos.
size_t FirstInvalidUtf8(std::string_view text);

/// Whether `label`, a code fence's info word or a LaTeX environment name,
/// looks like a misspelt `aligncheck` (align, Aligncheck, aligncheck-spec,
/// align-check, alignchek, ...): the author probably meant a block.
bool IsNearMissLabel(std::string_view label);

/// The warning for a near-miss label at `span` of `host`, with the fix-it
/// that renames it to `aligncheck`.
Diagnostic NearMissLabel(const std::shared_ptr<const SourceFile>& host,
                         Span span, std::string_view label, bool latex);

/// Handles the text of one comment, [begin, end) of the host: when it is an
/// `aligncheck: spec|ignore|ignore-file ...` directive, records it in
/// `out`. `comment` is the whole comment, for the "remove" fix-it of an
/// unused suppression.
void ReadDirective(const std::shared_ptr<const SourceFile>& host, size_t begin,
                   size_t end, Span comment, ReadResult& out);

}  // namespace aligncheck::gate

#endif  // ALIGNCHECK_GATE_DOCUMENT_H_

// From a reader's RawParagraph to the prose::Paragraph the rules read:
// inline markup removed, code, math and URLs made opaque, every character
// mapped back to its byte in the host file.
#ifndef ALIGNCHECK_GATE_PARAGRAPH_H_
#define ALIGNCHECK_GATE_PARAGRAPH_H_

#include <cstdint>
#include <string>
#include <vector>

#include "gate/document.h"
#include "prose/prose.h"

namespace aligncheck::gate {

/// Builds the paragraph `raw` of `host`. Runs of whitespace become one
/// space; leading and trailing whitespace is dropped.
prose::Paragraph BuildParagraph(const SourceFile& host, const RawParagraph& raw,
                                Syntax syntax);

namespace internal {

/// The paragraph's pieces joined (a space between pieces that are apart in
/// the host), with the host offset of every byte.
struct Joined {
  std::string text;
  std::vector<uint32_t> offsets;
};

/// Appends to a Paragraph, collapsing whitespace.
class Emitter {
 public:
  explicit Emitter(prose::Paragraph& out) : out_(out) {}
  void Char(char c, uint32_t offset);
  void Space(uint32_t offset);
  void Opaque(uint32_t offset) { Char(prose::kOpaque, offset); }
  /// An opaque character standing for inline code `code`.
  void Code(std::string code, uint32_t offset);

 private:
  void Flush();
  prose::Paragraph& out_;
  bool pending_space_ = false;
  uint32_t space_offset_ = 0;
};

/// Longest construct (code span, math, link target, group) searched for:
/// an opener without a closer that near is taken literally, which keeps
/// every paragraph linear.
inline constexpr size_t kMaxSpan = 8192;

void MarkdownInline(const Joined& in, Emitter& out);
void LatexInline(const Joined& in, Emitter& out);

}  // namespace internal
}  // namespace aligncheck::gate

#endif  // ALIGNCHECK_GATE_PARAGRAPH_H_

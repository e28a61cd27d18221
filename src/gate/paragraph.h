// From a reader's RawParagraph to the prose::Paragraph the rules read:
// inline markup removed, code, math and URLs made opaque, every character
// mapped back to its byte in the host file.
#ifndef ALIGNCHECK_GATE_PARAGRAPH_H_
#define ALIGNCHECK_GATE_PARAGRAPH_H_

#include <cstdint>
#include <string>
#include <string_view>
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
  /// Appends `n` bytes that are neither whitespace nor markup.
  void Plain(const char* text, const uint32_t* offsets, size_t n);
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

/// The next occurrence of `needle` in `text` at or after a position, for
/// positions that (almost always) grow: each byte is searched about once,
/// however many openers go unclosed.
class NextOf {
 public:
  NextOf(std::string_view text, std::string_view needle)
      : text_(text), needle_(needle) {}
  /// Returns the first occurrence at or after `from` that starts within
  /// kMaxSpan of it, or npos.
  size_t Near(size_t from);

 private:
  std::string_view text_;
  std::string_view needle_;
  size_t from_ = 0;  // the last query
  size_t next_ = 0;  // the first occurrence at or after from_
  bool valid_ = false;
};

/// Matching brackets (`open`/`close`, nested), found in one pass on first
/// use; with `escapes`, a backslash escapes the byte after it.
class Matcher {
 public:
  Matcher(std::string_view text, char open, char close, bool escapes)
      : text_(text), open_(open), close_(close), escapes_(escapes) {}
  /// Returns the position of the bracket closing the one at `at`, or npos
  /// (unmatched, or further than kMaxSpan).
  size_t Close(size_t at);

 private:
  std::string_view text_;
  char open_, close_;
  bool escapes_;
  bool built_ = false;
  std::vector<uint32_t> closing_;  // by position of the opener
};

/// The bytes an inline loop must look at; runs of the others are copied
/// whole.
class ByteSet {
 public:
  explicit ByteSet(std::string_view bytes) {
    for (unsigned char c : bytes) has_[c] = true;
  }
  bool Has(char c) const { return has_[static_cast<unsigned char>(c)]; }

 private:
  bool has_[256] = {};
};

/// Copies to `out` the run of bytes of `in` from `k` that `special` does not
/// hold: text that is copied as it is. Returns the end of the run (`k` when
/// it is empty, and then nothing is emitted).
size_t CopyPlain(const Joined& in, size_t k, const ByteSet& special,
                 Emitter& out);

/// The loop both inline passes share: copies the runs of bytes `special`
/// does not hold, and hands every other byte to `step(k, c, next)` (`c` the
/// byte at `k`, `next` the one after it or '\0'), which emits what it
/// stands for and returns the position to go on from, after `k`.
template <typename Step>
void ScanInline(const Joined& in, const ByteSet& special, Emitter& out,
                Step step) {
  size_t m = in.text.size();
  size_t k = 0;
  while (k < m) {
    if (size_t run = CopyPlain(in, k, special, out); run > k) {
      k = run;
      continue;
    }
    char next = k + 1 < m ? in.text[k + 1] : '\0';
    k = step(k, in.text[k], next);
  }
}

/// `\(...\)` and `\[...\]`: math in both syntaxes.
class BackslashMath {
 public:
  explicit BackslashMath(std::string_view text)
      : paren_end_(text, "\\)"), bracket_end_(text, "\\]") {}
  /// For the backslash at `k` followed by `open` ('(' or '['): returns the
  /// position after the closing delimiter, or npos.
  size_t End(size_t k, char open);

 private:
  NextOf paren_end_, bracket_end_;
};

void MarkdownInline(const Joined& in, Emitter& out);
void LatexInline(const Joined& in, Emitter& out);

}  // namespace internal
}  // namespace aligncheck::gate

#endif  // ALIGNCHECK_GATE_PARAGRAPH_H_

// Joining a paragraph's pieces and emitting its prose.
#include "gate/paragraph.h"

#include <cstdint>

namespace aligncheck::gate {
namespace internal {

void Emitter::Flush() {
  if (!pending_space_) return;
  out_.text += ' ';
  out_.offsets.push_back(space_offset_);
  pending_space_ = false;
}

void Emitter::Char(char c, uint32_t offset) {
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
      c == '\v') {
    Space(offset);
    return;
  }
  Flush();
  out_.text += c;
  out_.offsets.push_back(offset);
}

void Emitter::Plain(const char* text, const uint32_t* offsets, size_t n) {
  Flush();
  out_.text.append(text, n);
  out_.offsets.insert(out_.offsets.end(), offsets, offsets + n);
}

size_t CopyPlain(const Joined& in, size_t k, const ByteSet& special,
                 Emitter& out) {
  size_t end = k;
  while (end < in.text.size() && !special.Has(in.text[end])) ++end;
  if (end > k) out.Plain(in.text.data() + k, in.offsets.data() + k, end - k);
  return end;
}

void Emitter::Space(uint32_t offset) {
  if (out_.text.empty() || pending_space_) return;
  pending_space_ = true;
  space_offset_ = offset;
}

void Emitter::Code(std::string code, uint32_t offset) {
  Flush();
  out_.code.push_back(
      {static_cast<uint32_t>(out_.text.size()), std::move(code)});
  Opaque(offset);
}

size_t NextOf::Near(size_t from) {
  if (!valid_ || from < from_ ||
      (next_ != std::string_view::npos && next_ < from)) {
    next_ = text_.find(needle_, from);
    valid_ = true;
  }
  from_ = from;
  if (next_ == std::string_view::npos || next_ - from > kMaxSpan) {
    return std::string_view::npos;
  }
  return next_;
}

size_t BackslashMath::End(size_t k, char open) {
  size_t close = (open == '(' ? paren_end_ : bracket_end_).Near(k + 2);
  return close == std::string_view::npos ? close : close + 2;
}

size_t Matcher::Close(size_t at) {
  constexpr uint32_t kNone = UINT32_MAX;
  if (!built_) {
    built_ = true;
    closing_.assign(text_.size(), kNone);
    std::vector<uint32_t> open;
    for (size_t i = 0; i < text_.size(); ++i) {
      char c = text_[i];
      if (escapes_ && c == '\\') {
        ++i;
      } else if (c == open_) {
        open.push_back(static_cast<uint32_t>(i));
      } else if (c == close_ && !open.empty()) {
        closing_[open.back()] = static_cast<uint32_t>(i);
        open.pop_back();
      }
    }
  }
  if (at >= closing_.size() || closing_[at] == kNone ||
      closing_[at] - at > kMaxSpan) {
    return std::string_view::npos;
  }
  return closing_[at];
}

}  // namespace internal

prose::Paragraph BuildParagraph(const SourceFile& host, const RawParagraph& raw,
                                Syntax syntax) {
  internal::Joined joined;
  const std::string& text = host.text();
  size_t total = raw.pieces.size();
  for (const Piece& piece : raw.pieces) {
    total += piece.span.end - piece.span.begin;
  }
  joined.text.reserve(total);
  joined.offsets.reserve(total);
  for (size_t i = 0; i < raw.pieces.size(); ++i) {
    const Piece& piece = raw.pieces[i];
    if (i > 0 && raw.pieces[i - 1].span.end < piece.span.begin) {
      joined.text += ' ';
      joined.offsets.push_back(raw.pieces[i - 1].span.end);
    }
    if (piece.opaque) {
      joined.text += prose::kOpaque;
      joined.offsets.push_back(piece.span.begin);
      continue;
    }
    size_t at = joined.text.size();
    joined.text.append(text, piece.span.begin,
                       piece.span.end - piece.span.begin);
    // A kOpaque byte in the host is not a placeholder.
    for (size_t k = at; k < joined.text.size(); ++k) {
      if (joined.text[k] == prose::kOpaque) joined.text[k] = ' ';
    }
    joined.offsets.resize(joined.text.size());
    for (size_t k = at; k < joined.offsets.size(); ++k) {
      joined.offsets[k] = static_cast<uint32_t>(piece.span.begin + (k - at));
    }
  }
  prose::Paragraph paragraph;
  paragraph.blockquote = raw.blockquote;
  paragraph.text.reserve(joined.text.size());
  paragraph.offsets.reserve(joined.text.size());
  internal::Emitter emitter(paragraph);
  if (syntax == Syntax::kLatex) {
    internal::LatexInline(joined, emitter);
  } else {
    internal::MarkdownInline(joined, emitter);
  }
  return paragraph;
}

}  // namespace aligncheck::gate

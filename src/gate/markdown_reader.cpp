// The Markdown reader: CommonMark block structure, line by line. Fenced and
// indented code, HTML blocks and comments and YAML front matter are not
// prose; fences whose info string starts with `aligncheck` are blocks.
// Containers: blockquotes (any depth) and list items (a fence may follow
// the list marker or be indented inside the item).
#include <fmt/format.h>

#include <cctype>
#include <climits>
#include <cstring>

#include "gate/document.h"

namespace aligncheck::gate {
namespace {

constexpr std::string_view kBlockInfo = "aligncheck";

bool IsSpace(char c) { return c == ' ' || c == '\t'; }

// Position of `needle` in [begin, end) of `text`, or npos: searches never
// run past the line they are about.
size_t FindIn(const std::string& text, size_t begin, size_t end,
              std::string_view needle) {
  if (begin >= end) return std::string::npos;
  size_t at = std::string_view(text).substr(begin, end - begin).find(needle);
  return at == std::string_view::npos ? std::string::npos : begin + at;
}

class MarkdownReader {
 public:
  MarkdownReader(const std::shared_ptr<const SourceFile>& host,
                 bool all_paragraphs)
      : host_(host), text_(host->text()), all_(all_paragraphs) {}

  ReadResult Run() {
    size_t n = text_.size();
    size_t start = SkipFrontMatter();
    for (size_t ls = start; ls < n;) {
      const void* nl = std::memchr(text_.data() + ls, '\n', n - ls);
      size_t le =
          nl ? static_cast<size_t>(static_cast<const char*>(nl) - text_.data())
             : n;
      size_t ce = le;
      if (ce > ls && text_[ce - 1] == '\r') --ce;
      Line(ls, ce, le);
      ls = le + 1;
    }
    Finish();
    return std::move(out_);
  }

 private:
  enum class Mode { kNormal, kFence, kComment, kHtml };

  struct Fence {
    char ch = '`';
    size_t len = 0;
    size_t indent = 0;  // columns before the opening fence
    int depth = 0;      // blockquote depth it was opened at
    bool aligncheck = false;
    Span open;
    size_t block = 0;  // index in out_.blocks when aligncheck
  };

  // `---` on the first line, closed by `---` or `...`: YAML front matter.
  size_t SkipFrontMatter() {
    auto is_line = [&](size_t at, std::string_view mark, size_t* next) {
      if (text_.compare(at, mark.size(), mark) != 0) return false;
      size_t k = at + mark.size();
      while (k < text_.size() && (IsSpace(text_[k]) || text_[k] == '\r')) ++k;
      if (k < text_.size() && text_[k] != '\n') return false;
      *next = k < text_.size() ? k + 1 : k;
      return true;
    };
    size_t at = 0;
    if (!is_line(0, "---", &at)) return 0;
    while (at < text_.size()) {
      size_t next = 0;
      if (is_line(at, "---", &next) || is_line(at, "...", &next)) return next;
      const void* nl = std::memchr(text_.data() + at, '\n', text_.size() - at);
      if (!nl) break;
      at = static_cast<size_t>(static_cast<const char*>(nl) - text_.data()) + 1;
    }
    return 0;  // never closed: a thematic break, not front matter
  }

  // Skips blockquote markers (at most `max_depth`); returns their count.
  int StripQuotes(size_t& p, size_t ce, int max_depth) const {
    int depth = 0;
    while (depth < max_depth) {
      size_t q = p;
      int spaces = 0;
      while (spaces < 3 && q < ce && text_[q] == ' ') ++q, ++spaces;
      if (q >= ce || text_[q] != '>') break;
      ++depth;
      p = q + 1;
      if (p < ce && IsSpace(text_[p])) ++p;
    }
    return depth;
  }

  // Returns the first non-blank position; `columns` gets its indentation.
  size_t SkipIndent(size_t p, size_t ce, size_t* columns) const {
    size_t col = 0;
    while (p < ce && IsSpace(text_[p])) {
      col = text_[p] == '\t' ? (col / 4 + 1) * 4 : col + 1;
      ++p;
    }
    *columns = col;
    return p;
  }

  bool OnlyBlanks(size_t p, size_t ce) const {
    while (p < ce && IsSpace(text_[p])) ++p;
    return p == ce;
  }

  bool IsThematicBreak(size_t r, size_t ce) const {
    char c = text_[r];
    if (c != '-' && c != '*' && c != '_') return false;
    size_t count = 0;
    for (size_t k = r; k < ce; ++k) {
      if (text_[k] == c) {
        ++count;
      } else if (!IsSpace(text_[k])) {
        return false;
      }
    }
    return count >= 3;
  }

  // Returns the position just after a list marker at `r`, or npos.
  size_t ListMarker(size_t r, size_t ce) const {
    size_t k = r;
    char c = text_[k];
    if (c == '-' || c == '+' || c == '*') {
      ++k;
    } else {
      while (k < ce && k - r < 9 &&
             std::isdigit(static_cast<unsigned char>(text_[k])))
        ++k;
      if (k == r || k >= ce || (text_[k] != '.' && text_[k] != ')'))
        return std::string::npos;
      ++k;
    }
    if (k < ce && !IsSpace(text_[k])) return std::string::npos;
    return k;
  }

  void Line(size_t ls, size_t ce, size_t le) {
    size_t p = ls;
    if (mode_ == Mode::kFence) {
      int depth = StripQuotes(p, ce, fence_.depth);
      if (depth == fence_.depth) {
        FenceLine(p, ce);
        return;
      }
      CloseFenceEarly();
      p = ls;
    }
    if (mode_ == Mode::kComment) {
      if (FindIn(text_, ls, ce, "-->") != std::string::npos) {
        mode_ = Mode::kNormal;
      }
      return;
    }
    int depth = StripQuotes(p, ce, INT_MAX);
    if (mode_ == Mode::kHtml) {
      if (OnlyBlanks(p, ce)) {
        mode_ = Mode::kNormal;
        after_blank_ = true;
      }
      return;
    }
    NormalLine(ls, p, ce, le, depth);
  }

  // Whether the text at `r` continues an open paragraph when it lacks the
  // paragraph's `>` markers: it does unless it could start a block of its
  // own (CommonMark's lazy continuation lines). A line of `=` or a table
  // row is not taken either, to stay on the safe side.
  bool Lazy(size_t r, size_t ce) const {
    char c = text_[r];
    if (c == '#' || c == '<' || c == '|' || c == '=') return false;
    if ((c == '`' || c == '~') && ce - r >= 3 && text_[r + 1] == c &&
        text_[r + 2] == c) {
      return false;
    }
    return !IsThematicBreak(r, ce) && ListMarker(r, ce) == std::string::npos;
  }

  // `[label]: destination "title"` on one line: a link reference
  // definition, which is never shown as text.
  bool LinkDefinition(size_t r, size_t ce) const {
    size_t close = FindIn(text_, r + 1, ce, "]");
    if (close == std::string::npos || close == r + 1 || close + 1 >= ce ||
        text_[close + 1] != ':') {
      return false;
    }
    size_t k = close + 2;
    while (k < ce && IsSpace(text_[k])) ++k;
    size_t dest = k;
    while (k < ce && !IsSpace(text_[k])) ++k;
    if (k == dest) return false;
    while (k < ce && IsSpace(text_[k])) ++k;
    if (k == ce) return true;
    char open = text_[k];
    char closer = open == '(' ? ')' : open;
    if (open != '"' && open != '\'' && open != '(') return false;
    size_t end = ce;
    while (end > k + 1 && IsSpace(text_[end - 1])) --end;
    return end > k + 1 && text_[end - 1] == closer;
  }

  void NormalLine(size_t ls, size_t p, size_t ce, size_t le, int depth) {
    size_t indent = 0;
    size_t r = SkipIndent(p, ce, &indent);
    if (r == ce) {
      EndParagraph();
      after_blank_ = true;
      return;
    }
    if (depth < para_depth_ && !pieces_.empty() && Lazy(r, ce)) {
      depth = para_depth_;  // a lazy continuation line of a quoted paragraph
    } else if (depth != para_depth_) {
      EndParagraph();
    }
    bool para_open = !pieces_.empty();
    if (indent >= 4 && !para_open && !in_list_) {
      after_blank_ = false;  // indented code
      return;
    }
    if (IsThematicBreak(r, ce)) {
      EndParagraph();
      after_blank_ = false;
      return;
    }
    size_t equals = r;
    while (equals < ce && text_[equals] == '=') ++equals;
    if (para_open && equals > r && OnlyBlanks(equals, ce)) {
      EndParagraph();  // a setext heading's underline
      return;
    }
    size_t marker = ListMarker(r, ce);
    if (marker != std::string::npos) {
      EndParagraph();
      in_list_ = true;
      r = SkipIndent(marker, ce, &indent);
      indent = r - p;
      if (r == ce) {
        after_blank_ = false;
        return;
      }
    } else if (after_blank_ && indent == 0) {
      in_list_ = false;
    }
    after_blank_ = false;
    if ((indent <= 3 || in_list_) && OpenFence(r, ce, depth, indent)) return;
    if (text_[r] == '<' && HtmlStart(ls, r, ce, le, para_open)) return;
    if (text_[r] == '#' && Heading(r, ce, depth)) return;
    if (pieces_.empty() && text_[r] == '[' && LinkDefinition(r, ce)) return;
    bool table_row = text_[r] == '|';
    if (table_row) {
      EndParagraph();
      if (text_.find_first_not_of("|-: \t", r) >= ce) return;  // delimiter row
    }
    if (pieces_.empty()) {
      para_depth_ = depth;
      para_quote_ = depth > 0;
    }
    InlineComments(r, ce);
    pieces_.push_back({MakeSpan(r, ce), false});
    if (table_row) EndParagraph();
  }

  bool OpenFence(size_t r, size_t ce, int depth, size_t indent) {
    char c = text_[r];
    if (c != '`' && c != '~') return false;
    size_t k = r;
    while (k < ce && text_[k] == c) ++k;
    if (k - r < 3) return false;
    size_t info = k;
    while (info < ce && IsSpace(text_[info])) ++info;
    if (c == '`' && FindIn(text_, info, ce, "`") != std::string::npos)
      return false;  // inline code
    size_t word_end = info;
    while (word_end < ce && !IsSpace(text_[word_end])) ++word_end;
    EndParagraph();
    fence_ = Fence{};
    fence_.ch = c;
    fence_.len = k - r;
    fence_.indent = indent;
    fence_.depth = depth;
    fence_.open = MakeSpan(r, k);
    fence_.aligncheck =
        std::string_view(text_).substr(info, word_end - info) == kBlockInfo;
    if (fence_.aligncheck) {
      fence_.block = out_.blocks.size();
      out_.blocks.push_back({MakeSpan(r, word_end), {}});
    } else if (std::string_view label =
                   std::string_view(text_).substr(info, word_end - info);
               IsNearMissLabel(label)) {
      out_.diagnostics.push_back(
          NearMissLabel(host_, MakeSpan(info, word_end), label, false));
    }
    mode_ = Mode::kFence;
    return true;
  }

  void FenceLine(size_t p, size_t ce) {
    size_t indent = 0;
    size_t r = SkipIndent(p, ce, &indent);
    if (r < ce && text_[r] == fence_.ch && indent <= fence_.indent + 3) {
      size_t k = r;
      while (k < ce && text_[k] == fence_.ch) ++k;
      if (k - r >= fence_.len && OnlyBlanks(k, ce)) {
        mode_ = Mode::kNormal;
        after_blank_ = false;
        return;
      }
    }
    if (!fence_.aligncheck) return;
    if (r < ce && (text_[r] == '`' || text_[r] == '~')) {
      size_t k = r;
      while (k < ce && text_[k] == text_[r]) ++k;
      if (k - r >= 3 && !OnlyBlanks(k, ce)) {
        LineCol at = host_->Locate(fence_.open.begin);
        Diagnostic d;
        d.id = kNestedBlock;
        d.file = host_;
        d.span = MakeSpan(r, k);
        d.message = "a code fence opens inside an aligncheck block";
        d.notes.push_back(fmt::format(
            "the aligncheck block opened at line {} is still open; this line "
            "is left out of it",
            at.line));
        d.help.push_back(
            fmt::format("close the block first with a line of {} "
                        "{}",
                        fence_.len, fence_.ch == '`' ? "backticks" : "tildes"));
        out_.diagnostics.push_back(std::move(d));
        return;
      }
    }
    out_.blocks[fence_.block].lines.push_back(MakeSpan(p, ce));
  }

  // The blockquote holding an open fence ended.
  void CloseFenceEarly() {
    if (fence_.aligncheck) {
      Diagnostic d;
      d.id = kUnterminatedBlock;
      d.file = host_;
      d.span = fence_.open;
      d.message = "aligncheck block is not closed before its blockquote ends";
      d.help.push_back("add the closing fence inside the blockquote");
      out_.diagnostics.push_back(std::move(d));
    }
    mode_ = Mode::kNormal;
  }

  // An HTML comment or block starting at `r`; returns whether the line was
  // taken.
  bool HtmlStart(size_t ls, size_t r, size_t ce, size_t le, bool para_open) {
    if (text_.compare(r, 4, "<!--") == 0) {
      EndParagraph();
      size_t close = FindIn(text_, r + 4, ce, "-->");
      if (close != std::string::npos) {
        bool alone = OnlyBlanks(close + 3, ce) && r - ls == 0;
        Span comment = alone ? MakeSpan(ls, std::min(le + 1, text_.size()))
                             : MakeSpan(r, close + 3);
        ReadDirective(host_, r + 4, close, comment, out_);
        return true;
      }
      ReadDirective(host_, r + 4, ce, MakeSpan(r, ce), out_);
      comment_open_ = MakeSpan(r, r + 4);
      mode_ = Mode::kComment;
      return true;
    }
    if (para_open || r + 1 >= ce) return false;
    char c = text_[r + 1];
    if (!std::isalpha(static_cast<unsigned char>(c)) && c != '/' && c != '!' &&
        c != '?') {
      return false;
    }
    size_t k = r + 1;
    while (k < ce && std::isalnum(static_cast<unsigned char>(text_[k]))) ++k;
    if (k < ce && (text_[k] == ':' || text_[k] == '@')) return false;  // link
    mode_ = Mode::kHtml;
    return true;
  }

  bool Heading(size_t r, size_t ce, int depth) {
    size_t k = r;
    while (k < ce && text_[k] == '#') ++k;
    if (k - r > 6 || (k < ce && !IsSpace(text_[k]))) return false;
    EndParagraph();
    while (k < ce && IsSpace(text_[k])) ++k;
    size_t end = ce;
    while (end > k && (IsSpace(text_[end - 1]) || text_[end - 1] == '#')) --end;
    if (end > k) {
      para_depth_ = depth;
      para_quote_ = depth > 0;
      InlineComments(k, end);
      pieces_.push_back({MakeSpan(k, end), false});
      EndParagraph();
    }
    return true;
  }

  // Directives in comments inside a line of prose.
  void InlineComments(size_t r, size_t ce) {
    size_t at = r;
    while (at < ce) {
      const void* lt = std::memchr(text_.data() + at, '<', ce - at);
      if (!lt) return;
      at = static_cast<size_t>(static_cast<const char*>(lt) - text_.data());
      if (text_.compare(at, 4, "<!--") == 0) {
        size_t close = FindIn(text_, at + 4, ce, "-->");
        if (close == std::string::npos) return;
        ReadDirective(host_, at + 4, close, MakeSpan(at, close + 3), out_);
        at = close + 3;
      } else {
        ++at;
      }
    }
  }

  void EndParagraph() {
    if (pieces_.empty()) return;
    EmitParagraph(text_, pieces_, para_quote_, all_, out_);
  }

  void Finish() {
    EndParagraph();
    if (mode_ == Mode::kFence) {
      Diagnostic d;
      d.file = host_;
      d.span = fence_.open;
      std::string fence = fmt::format(
          "{} {}", fence_.len, fence_.ch == '`' ? "backticks" : "tildes");
      if (fence_.aligncheck) {
        d.id = kUnterminatedBlock;
        d.message = "aligncheck block is not closed";
        d.help.push_back(fmt::format("end the block with a line of {}", fence));
      } else {
        d.severity = Severity::kWarning;
        d.id = kUnterminatedOther;
        d.message = "code fence is not closed; the rest of the file is code";
        d.help.push_back(fmt::format("close it with a line of {}", fence));
      }
      out_.diagnostics.push_back(std::move(d));
    }
    if (mode_ == Mode::kComment) {
      Diagnostic d;
      d.severity = Severity::kWarning;
      d.id = kUnterminatedOther;
      d.file = host_;
      d.span = comment_open_;
      d.message = "HTML comment is not closed; the rest of the file is comment";
      d.help.push_back("close it with `-->`");
      out_.diagnostics.push_back(std::move(d));
    }
  }

  const std::shared_ptr<const SourceFile>& host_;
  const std::string& text_;
  bool all_;  // keep every paragraph
  ReadResult out_;
  Mode mode_ = Mode::kNormal;
  Fence fence_;
  Span comment_open_;
  std::vector<Piece> pieces_;  // of the open paragraph; capacity reused
  int para_depth_ = 0;
  bool para_quote_ = false;
  bool in_list_ = false;
  bool after_blank_ = true;
};

}  // namespace

ReadResult ReadMarkdown(const std::shared_ptr<const SourceFile>& host,
                        bool all_paragraphs) {
  return MarkdownReader(host, all_paragraphs).Run();
}

}  // namespace aligncheck::gate

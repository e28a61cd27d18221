// The LaTeX reader: one pass over the characters. Comments, the preamble,
// verbatim-like and math environments are not prose; `aligncheck`
// environments are blocks, read verbatim up to `\end{aligncheck}`.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <set>

#include "gate/document.h"

namespace aligncheck::gate {
namespace {

constexpr std::string_view kBlockBegin = "\\begin{aligncheck}";
constexpr std::string_view kBlockEnd = "\\end{aligncheck}";

// Environments whose content LaTeX does not read as text.
const std::set<std::string_view> kVerbatim = {
    "verbatim", "verbatim*", "Verbatim",  "lstlisting", "minted",
    "comment",  "alltt",     "BVerbatim", "LVerbatim"};
const std::set<std::string_view> kMath = {
    "equation", "equation*", "align",       "align*",   "gather",  "gather*",
    "multline", "multline*", "flalign",     "flalign*", "alignat", "alignat*",
    "eqnarray", "eqnarray*", "displaymath", "math",     "split"};
const std::set<std::string_view> kQuote = {"quote", "quotation"};
// Commands that start a new paragraph.
const std::set<std::string_view> kBreaks = {"item", "par", "maketitle"};
// Commands whose argument is a paragraph of its own.
const std::set<std::string_view> kHeadings = {
    "section",      "subsection", "subsubsection", "paragraph",
    "subparagraph", "chapter",    "part",          "caption",
    "title",        "author",     "date"};

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r'; }
bool IsLetter(char c) { return std::isalpha(static_cast<unsigned char>(c)); }

class LatexReader {
 public:
  LatexReader(const std::shared_ptr<const SourceFile>& host,
              bool all_paragraphs)
      : host_(host),
        text_(host->text()),
        all_(all_paragraphs),
        n_(text_.size()) {}

  ReadResult Run() {
    prose_ = text_.find("\\begin{document}") == std::string::npos;
    run_ = 0;
    size_t i = 0;
    while (i < n_) {
      char c = text_[i];
      if (c == '\n') {
        i = Newline(i);
      } else if (c == '%') {
        i = Comment(i);
      } else if (c == '\\') {
        i = Command(i);
      } else {
        ++i;
      }
    }
    CloseRun(n_);
    EndParagraph();
    return std::move(out_);
  }

 private:
  void CloseRun(size_t at) {
    if (prose_ && run_ < at) {
      if (pieces_.empty()) para_quote_ = quote_depth_ > 0;
      pieces_.push_back({MakeSpan(run_, at), false});
    }
    run_ = at;
  }

  // Whether the pieces hold anything but whitespace.
  bool HasText() const {
    for (const Piece& p : pieces_) {
      if (p.opaque) return true;
      for (uint32_t i = p.span.begin; i < p.span.end; ++i) {
        if (!IsSpace(text_[i]) && text_[i] != '\n') return true;
      }
    }
    return false;
  }

  void EndParagraph() {
    if (pieces_.empty()) return;
    if (!HasText()) {
      pieces_.clear();
      return;
    }
    EmitParagraph(text_, pieces_, para_quote_, all_, out_);
  }

  // Closes the paragraph when the next line is blank.
  size_t Newline(size_t i) {
    size_t j = i + 1;
    while (j < n_ && IsSpace(text_[j])) ++j;
    if (j < n_ && text_[j] == '\n') {
      CloseRun(i);
      EndParagraph();
      run_ = j;
      return j;
    }
    return i + 1;
  }

  size_t LineEnd(size_t i) const {
    const void* nl = std::memchr(text_.data() + i, '\n', n_ - i);
    return nl ? static_cast<size_t>(static_cast<const char*>(nl) - text_.data())
              : n_;
  }

  // `%` to the end of the line; TeX eats the line break too.
  size_t Comment(size_t i) {
    CloseRun(i);
    size_t e = LineEnd(i);
    size_t ce = e > i && text_[e - 1] == '\r' ? e - 1 : e;
    size_t ls = i;
    while (ls > 0 && (text_[ls - 1] == ' ' || text_[ls - 1] == '\t')) --ls;
    bool alone = ls == 0 || text_[ls - 1] == '\n';
    Span comment = alone ? MakeSpan(ls, std::min(e + 1, n_)) : MakeSpan(i, ce);
    ReadDirective(host_, i + 1, ce, comment, out_);
    run_ = std::min(e + 1, n_);
    return e;
  }

  // Reads `{name}` at `i`; returns the position after `}` or npos.
  size_t GroupName(size_t i, std::string_view* name) const {
    while (i < n_ && IsSpace(text_[i])) ++i;
    if (i >= n_ || text_[i] != '{') return std::string::npos;
    size_t k = i + 1;
    while (k < n_ && k - i < 64 && text_[k] != '}' && text_[k] != '\n') ++k;
    if (k >= n_ || text_[k] != '}') return std::string::npos;
    *name = std::string_view(text_).substr(i + 1, k - i - 1);
    return k + 1;
  }

  // Skips `[...]` and, with `braces`, `{...}` arguments on the same line.
  size_t SkipArguments(size_t i, bool braces) const {
    while (i < n_) {
      char open = text_[i];
      if (open != '[' && !(braces && open == '{')) return i;
      char close = open == '[' ? ']' : '}';
      int depth = 0;
      size_t k = i;
      for (; k < n_ && text_[k] != '\n'; ++k) {
        if (text_[k] == open) ++depth;
        if (text_[k] == close && --depth == 0) break;
      }
      if (k >= n_ || text_[k] != close) return i;
      i = k + 1;
    }
    return i;
  }

  size_t Command(size_t i) {
    if (i + 1 >= n_) return n_;
    if (!IsLetter(text_[i + 1])) return i + 2;  // \%, \\, \[, ...
    size_t k = i + 1;
    while (k < n_ && IsLetter(text_[k])) ++k;
    std::string_view name = std::string_view(text_).substr(i + 1, k - i - 1);
    if (name == "begin" || name == "end") {
      std::string_view env;
      size_t after = GroupName(k, &env);
      if (after == std::string::npos) return k;
      return name == "begin" ? Begin(i, after, env) : End(i, after, env);
    }
    if (!prose_) return k;
    if (name == "verb") {
      size_t d = k < n_ && text_[k] == '*' ? k + 1 : k;
      if (d >= n_ || text_[d] == '\n') return d;
      size_t close = d + 1;
      while (close < n_ && text_[close] != text_[d] && text_[close] != '\n')
        ++close;
      return close < n_ && text_[close] == text_[d] ? close + 1 : close;
    }
    if (kBreaks.count(name) || kHeadings.count(name)) {
      CloseRun(i);
      EndParagraph();
      run_ = i;
    }
    if (kHeadings.count(name)) {
      size_t end = HeadingEnd(k);
      if (end != std::string::npos) {
        CloseRun(end);
        EndParagraph();
        run_ = end;
        return end;
      }
    }
    return k;
  }

  // The end of a heading command's `*`, `[...]` and `{...}` arguments, or
  // npos when they do not close soon (headings are short).
  size_t HeadingEnd(size_t k) const {
    if (k < n_ && text_[k] == '*') ++k;
    k = SkipArguments(k, false);
    while (k < n_ && IsSpace(text_[k])) ++k;
    if (k >= n_ || text_[k] != '{') return std::string::npos;
    int depth = 0;
    for (size_t i = k; i < n_ && i - k < 512; ++i) {
      char c = text_[i];
      if (c == '\\') {
        ++i;
      } else if (c == '%' ||
                 (c == '\n' && i + 1 < n_ && text_[i + 1] == '\n')) {
        return std::string::npos;  // leave comments and breaks to the loop
      } else if (c == '{') {
        ++depth;
      } else if (c == '}' && --depth == 0) {
        return i + 1;
      }
    }
    return std::string::npos;
  }

  size_t Begin(size_t i, size_t after, std::string_view env) {
    if (env == "aligncheck") {
      CloseRun(i);
      EndParagraph();
      run_ = ReadBlock(i, after);
      return run_;
    }
    // `align` and its kin are amsmath's, never a misspelt block.
    if (kMath.count(env) == 0 && IsNearMissLabel(env)) {
      auto name = static_cast<size_t>(env.data() - text_.data());
      out_.diagnostics.push_back(
          NearMissLabel(host_, MakeSpan(name, name + env.size()), env, true));
    }
    if (env == "document") {
      CloseRun(i);
      EndParagraph();
      prose_ = true;
      run_ = after;
      return after;
    }
    if (!prose_) return after;
    bool verbatim = kVerbatim.count(env) > 0;
    bool math = kMath.count(env) > 0;
    if (verbatim || math) {
      CloseRun(i);
      if (verbatim) EndParagraph();
      std::string end = fmt::format("\\end{{{}}}", env);
      size_t at = text_.find(end, after);
      if (at == std::string::npos) {
        Diagnostic d;
        d.severity = Severity::kWarning;
        d.id = kUnterminatedOther;
        d.file = host_;
        d.span = MakeSpan(i, after);
        d.message = fmt::format(
            "environment '{}' is not closed; the rest of the file is not "
            "read as prose",
            env);
        d.help.push_back(fmt::format("close it with `{}`", end));
        out_.diagnostics.push_back(std::move(d));
        pieces_.clear();
        prose_ = false;
        run_ = n_;
        return n_;
      }
      size_t stop = at + end.size();
      if (math) {
        if (pieces_.empty()) para_quote_ = quote_depth_ > 0;
        pieces_.push_back({MakeSpan(i, stop), true});
      }
      run_ = stop;
      return stop;
    }
    CloseRun(i);
    EndParagraph();
    if (kQuote.count(env)) ++quote_depth_;
    bool table = env == "tabular" || env == "tabularx" || env == "array" ||
                 env == "longtable";
    run_ = SkipArguments(after, table);
    return run_;
  }

  size_t End(size_t i, size_t after, std::string_view env) {
    if (env == "aligncheck") {
      Diagnostic d;
      d.id = kStrayEnd;
      d.file = host_;
      d.span = MakeSpan(i, after);
      d.message = "\\end{aligncheck} without a \\begin{aligncheck}";
      out_.diagnostics.push_back(std::move(d));
      CloseRun(i);
      run_ = after;
      return after;
    }
    if (!prose_) return after;
    CloseRun(i);
    EndParagraph();
    if (env == "document") {
      prose_ = false;  // TeX reads nothing after it
      run_ = n_;
      return n_;
    }
    if (kQuote.count(env) && quote_depth_ > 0) --quote_depth_;
    run_ = after;
    return after;
  }

  // The content of `\begin{aligncheck}` at `begin`, read verbatim; returns
  // the position after `\end{aligncheck}`.
  size_t ReadBlock(size_t begin, size_t after) {
    Block block;
    block.open = MakeSpan(begin, after);
    size_t end = text_.find(kBlockEnd, after);
    if (end == std::string::npos) {
      Diagnostic d;
      d.id = kUnterminatedBlock;
      d.file = host_;
      d.span = block.open;
      d.message = "aligncheck environment is not closed";
      d.help.push_back("end it with `\\end{aligncheck}`");
      out_.diagnostics.push_back(std::move(d));
      end = n_;
    }
    size_t from = after;
    for (size_t nested = text_.find(kBlockBegin, after);
         nested != std::string::npos && nested < end;
         nested = text_.find(kBlockBegin, nested + kBlockBegin.size())) {
      LineCol at = host_->Locate(static_cast<uint32_t>(begin));
      Diagnostic d;
      d.id = kNestedBlock;
      d.file = host_;
      d.span = MakeSpan(nested, nested + kBlockBegin.size());
      d.message = "\\begin{aligncheck} inside an aligncheck environment";
      d.notes.push_back(
          fmt::format("the environment opened at line {} is still open; this "
                      "\\begin{{aligncheck}} is left out of it",
                      at.line));
      d.help.push_back("close the first one with `\\end{aligncheck}`");
      out_.diagnostics.push_back(std::move(d));
      block.lines.push_back(MakeSpan(from, nested));
      from = nested + kBlockBegin.size();
    }
    block.lines.push_back(MakeSpan(from, end));
    out_.blocks.push_back(std::move(block));
    return std::min(end + kBlockEnd.size(), n_);
  }

  const std::shared_ptr<const SourceFile>& host_;
  const std::string& text_;
  bool all_;  // keep every paragraph
  size_t n_;
  ReadResult out_;
  bool prose_ = false;  // in the document body
  size_t run_ = 0;      // start of the text run not yet in pieces_
  int quote_depth_ = 0;
  std::vector<Piece> pieces_;
  bool para_quote_ = false;
};

}  // namespace

ReadResult ReadLatex(const std::shared_ptr<const SourceFile>& host,
                     bool all_paragraphs) {
  return LatexReader(host, all_paragraphs).Run();
}

}  // namespace aligncheck::gate

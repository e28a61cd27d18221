// The parse driver: one declaration at a time, each with the X3 rule for
// its keyword; turns X3 failures into "expected X, got Y" diagnostics and
// resynchronises at the next line that starts with a declaration keyword.
#include "parse/parser.h"

#include <fmt/format.h>

#include <string>
#include <string_view>

#include "parse/config.hpp"
#include "parse/convert.h"
#include "parse/slips.h"
#include "parse/tokens.hpp"
#include "parse/x3_parser.hpp"
#include "util/escape.h"

namespace aligncheck {
namespace {

using parse::iterator_type;

constexpr const char* kExpectedDecl =
    "a declaration (domain, fn, loss, reward, data, goal, physical, training, "
    "agent, mdp, claim, story)";

// Returns the offset of the first byte at or after `pos` that is not
// whitespace or part of a comment.
size_t SkipBlank(const std::string& text, size_t pos) {
  while (pos < text.size()) {
    char c = text[pos];
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' ||
        c == '\v') {
      ++pos;
    } else if (c == '#') {
      while (pos < text.size() && text[pos] != '\n') ++pos;
    } else {
      break;
    }
  }
  return pos;
}

// The code point of the well-formed UTF-8 sequence `s`.
uint32_t CodePoint(std::string_view s) {
  auto byte = [&](size_t i) { return static_cast<unsigned char>(s[i]); };
  uint32_t cp = byte(0) & (0x7F >> s.size());
  for (size_t i = 1; i < s.size(); ++i) cp = (cp << 6) | (byte(i) & 0x3F);
  return cp;
}

std::string Shorten(std::string_view s) {
  constexpr size_t kMax = 40;
  if (s.size() <= kMax) return std::string(s);
  return std::string(s.substr(0, kMax)) + "...";
}

/// Describes the token at `pos` for "got ..." and sets `span` to it.
std::string DescribeToken(const std::string& text, size_t pos, Span& span) {
  span = Span{static_cast<uint32_t>(pos), static_cast<uint32_t>(pos)};
  if (pos >= text.size()) return "end of file";
  auto b = text.begin() + static_cast<std::ptrdiff_t>(pos);
  char c = text[pos];
  size_t len = 1;
  std::string out;
  if (parse::StartsIdent(b, text.end())) {
    len = static_cast<size_t>(parse::ScanIdent(b, text.end()) - b);
    std::string_view word(text.data() + pos, len);
    out = fmt::format("{} '{}'",
                      parse::IsReserved(word) ? "keyword" : "identifier",
                      Shorten(word));
  } else if (parse::IsDigit(c)) {
    len = static_cast<size_t>(parse::ScanNumber(b, text.end()) - b);
    out = fmt::format("number '{}'", Shorten({text.data() + pos, len}));
  } else if (c == '"') {
    size_t end = pos + 1;
    while (end < text.size() && text[end] != '"' && text[end] != '\n') {
      end += text[end] == '\\' && end + 1 < text.size() ? 2 : 1;
    }
    if (end < text.size() && text[end] == '"') {
      len = end + 1 - pos;
      out = fmt::format("string {}", Shorten({text.data() + pos, len}));
    } else {
      len = end - pos;
      out = "unterminated string";
    }
  } else {
    static constexpr std::string_view kPairs[] = {
        ":=", "->", "..", "==", "!=", "<=", ">=", "&&", "||", "//"};
    for (std::string_view p : kPairs) {
      if (std::string_view(text).substr(pos, 2) == p) len = 2;
    }
    unsigned char u = static_cast<unsigned char>(c);
    std::string_view rest = std::string_view(text).substr(pos);
    size_t utf8 = u >= 0x80 ? Utf8Length(rest) : 0;
    if (len == 2 || (u > 0x20 && u < 0x7f)) {
      out = fmt::format("'{}'", std::string_view(text.data() + pos, len));
    } else if (utf8 > 0 && !IsC1Control(rest, utf8)) {
      len = utf8;  // a character that is no letter: show it and its number
      out = fmt::format("'{}' (U+{:04X})", rest.substr(0, len),
                        CodePoint(rest.substr(0, len)));
    } else {
      out = fmt::format("byte 0x{:02x}", u);
    }
  }
  span.end = static_cast<uint32_t>(pos + len);
  return out;
}

/// Returns where to resume after an error at `error_pos` in a declaration
/// that started at `decl_start`: the first line, from the error's line on,
/// whose first token is a declaration keyword after `decl_start`.
size_t Recover(const std::string& text, size_t error_pos, size_t decl_start) {
  if (error_pos >= text.size()) return text.size();
  size_t line = text.rfind('\n', error_pos);
  line = line == std::string::npos ? 0 : line + 1;
  if (text[error_pos] == '\n') line = error_pos + 1;
  while (line < text.size()) {
    size_t p = line;
    while (p < text.size() &&
           (text[p] == ' ' || text[p] == '\t' || text[p] == '\r' ||
            text[p] == '\f' || text[p] == '\v')) {
      ++p;
    }
    if (p > decl_start && p < text.size()) {
      auto b = text.begin() + static_cast<std::ptrdiff_t>(p);
      size_t len = static_cast<size_t>(parse::ScanIdent(b, text.end()) - b);
      if (parse::IsDeclKeyword(std::string_view(text.data() + p, len))) {
        return p;
      }
    }
    size_t next = text.find('\n', p);
    if (next == std::string::npos) break;
    line = next + 1;
  }
  return text.size();
}

class Driver {
 public:
  Driver(const std::shared_ptr<const SourceFile>& file, DiagnosticSink& sink,
         const ParseLimits& limits)
      : file_(file),
        text_(file->text()),
        sink_(sink),
        limits_(limits),
        convert_(limits.max_nesting_depth) {
    state_.base = text_.begin();
    state_.max_depth = limits.max_nesting_depth;
    state_.max_list_items = limits.max_list_items;
  }

  ast::Spec Run() {
    ast::Spec spec;
    // A UTF-8 byte order mark, as some editors write one, is not text.
    size_t pos = text_.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
    for (;;) {
      pos = SkipBlank(text_, pos);
      if (pos >= text_.size()) break;
      pos = ParseOne(pos, spec);
    }
    return spec;
  }

 private:
  // Parses the declaration at `pos`; returns where to continue.
  size_t ParseOne(size_t pos, ast::Spec& spec) {
    auto b = text_.begin() + static_cast<std::ptrdiff_t>(pos);
    std::string_view word(
        text_.data() + pos,
        static_cast<size_t>(parse::ScanIdent(b, text_.end()) - b));
    iterator_type it = b;
    try {
      state_.depth = 0;
      bool known = true;
      if (word == "domain") {
        Parse(parse::domain_decl_type("domain declaration"), it, spec);
      } else if (word == "fn") {
        Parse(parse::fn_decl_type("fn declaration"), it, spec);
      } else if (word == "loss" || word == "reward") {
        Parse(parse::loss_decl_type("loss declaration"), it, spec);
      } else if (word == "data") {
        Parse(parse::data_decl_type("data declaration"), it, spec);
      } else if (word == "goal") {
        Parse(parse::goal_decl_type("goal declaration"), it, spec);
      } else if (word == "physical") {
        Parse(parse::physical_decl_type("physical declaration"), it, spec);
      } else if (word == "training") {
        Parse(parse::training_decl_type("training declaration"), it, spec);
      } else if (word == "agent") {
        Parse(parse::agent_decl_type("agent declaration"), it, spec);
      } else if (word == "mdp") {
        Parse(parse::mdp_decl_type("mdp declaration"), it, spec);
      } else if (word == "claim") {
        Parse(parse::claim_decl_type("claim declaration"), it, spec);
      } else if (word == "story") {
        ParseStory(it, spec);
      } else {
        known = false;
      }
      if (!known) {
        Expected(kExpectedDecl, pos, pos);
        return Recover(text_, pos, pos);
      }
      return static_cast<size_t>(it - text_.begin());
    } catch (const parse::x3::expectation_failure<iterator_type>& e) {
      size_t at =
          SkipBlank(text_, static_cast<size_t>(e.where() - text_.begin()));
      Expected(e.which(), at, pos);
      return Recover(text_, at, pos);
    } catch (const parse::nesting_error& e) {
      size_t at = static_cast<size_t>(e.where - text_.begin());
      Span span;
      DescribeToken(text_, at, span);
      sink_.Error(file_, span, "E011",
                  fmt::format("nesting deeper than {} (--max-nesting)",
                              limits_.max_nesting_depth));
      return Recover(text_, at, pos);
    } catch (const parse::list_error& e) {
      size_t at = static_cast<size_t>(e.where - text_.begin());
      Span span;
      DescribeToken(text_, at, span);
      sink_.Error(
          file_, span, "E011",
          fmt::format("more than {} items in one list (--max-list-items)",
                      limits_.max_list_items));
      return Recover(text_, at, pos);
    } catch (const parse::number_error& e) {
      size_t at = static_cast<size_t>(e.where - text_.begin());
      auto end = static_cast<uint32_t>(e.end - text_.begin());
      sink_.Error(file_, Span{static_cast<uint32_t>(at), end}, "E011",
                  fmt::format("number '{}' has an exponent over the limit "
                              "of {}",
                              Shorten(std::string_view(
                                  text_.data() + at, end - at)),
                              parse::kMaxExponent));
      return Recover(text_, at, pos);
    } catch (const parse::DepthError& e) {
      // The declaration parsed; only its tree is too deep. `it` is past it.
      sink_.Error(file_, e.span, "E011",
                  fmt::format("nesting deeper than {} (--max-nesting)",
                              limits_.max_nesting_depth));
      return static_cast<size_t>(it - text_.begin());
    }
  }

  template <typename Rule>
  void Parse(const Rule& rule, iterator_type& it, ast::Spec& spec) {
    typename Rule::attribute_type attr;
    auto const parser =
        parse::x3::with<parse::state_tag>(std::ref(state_))[rule];
    iterator_type start = it;
    if (!parse::x3::phrase_parse(it, text_.end(), parser, parse::skipper_type{},
                                 attr)) {
      // Every declaration rule starts with its keyword and an expectation
      // point, so this only happens when the keyword itself is missing.
      it = start;
      throw parse::x3::expectation_failure<iterator_type>(start, kExpectedDecl);
    }
    spec.decls.push_back(convert_(attr));
  }

  void ParseStory(iterator_type& it, ast::Spec& spec) {
    parse::story_decl_type rule("story declaration");
    parse::x3ast::story_decl attr;
    auto const parser =
        parse::x3::with<parse::state_tag>(std::ref(state_))[rule];
    iterator_type start = it;
    if (!parse::x3::phrase_parse(it, text_.end(), parser, parse::skipper_type{},
                                 attr)) {
      it = start;
      throw parse::x3::expectation_failure<iterator_type>(start, kExpectedDecl);
    }
    spec.stories.push_back(convert_.Story(attr));
  }

  void Expected(const std::string& what, size_t at, size_t decl_start) {
    Span span;
    std::string got = DescribeToken(text_, at, span);
    Diagnostic& d = sink_.Error(file_, span, "E001",
                                fmt::format("expected {}, got {}", what, got));
    parse::AddSlipHelp(*file_, decl_start, at, what, d);
  }

  std::shared_ptr<const SourceFile> file_;
  const std::string& text_;
  DiagnosticSink& sink_;
  ParseLimits limits_;
  parse::Converter convert_;
  parse::parse_state state_;
};

// Reports the first line longer than `max_bytes`; returns whether every
// line is within it.
bool CheckLineLengths(const std::shared_ptr<const SourceFile>& file,
                      DiagnosticSink& sink, size_t max_bytes) {
  const std::string& text = file->text();
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    Span line{static_cast<uint32_t>(start), static_cast<uint32_t>(end)};
    if (!CheckLineLength(file, line, sink, max_bytes)) return false;
    start = end + 1;
  }
  return true;
}

}  // namespace

bool CheckLineLength(const std::shared_ptr<const SourceFile>& file, Span line,
                     DiagnosticSink& sink, size_t max_bytes) {
  size_t length = line.end - line.begin;
  if (length <= max_bytes) return true;
  auto at = static_cast<uint32_t>(line.begin + max_bytes);
  sink.Error(file, Span{at, at + 1}, "E011",
             fmt::format("line is {} bytes long, over the limit of {} "
                         "(--max-line-length)",
                         length, max_bytes));
  return false;
}

ast::Spec ParseSpec(const std::shared_ptr<const SourceFile>& file,
                    DiagnosticSink& sink, const ParseLimits& limits) {
  if (file->text().size() >= UINT32_MAX) {
    sink.Error(file, Span{}, "E011", "file larger than 4 GiB");
    return {};
  }
  if (!CheckLineLengths(file, sink, limits.max_line_bytes)) return {};
  return Driver(file, sink, limits).Run();
}

}  // namespace aligncheck

// Hand-written X3 token parsers (names, keywords, numbers, literals), the
// span annotator and the nesting guard. Included by the _def headers only.
#ifndef ALIGNCHECK_PARSE_TOKENS_HPP_
#define ALIGNCHECK_PARSE_TOKENS_HPP_

#include <array>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>

#include "parse/config.hpp"
#include "parse/x3_ast.hpp"

namespace aligncheck::parse {

inline bool IsIdentStart(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
inline bool IsIdentChar(char c) {
  return IsIdentStart(c) || (c >= '0' && c <= '9');
}
inline bool IsDigit(char c) { return c >= '0' && c <= '9'; }

/// Returns true for the reserved words of the expression language.
bool IsReserved(std::string_view word);

/// Returns true for the words that start a declaration.
bool IsDeclKeyword(std::string_view word);
/// The words that start a declaration, in the order messages list them.
const std::array<std::string_view, 12>& DeclKeywords();

/// Whether code point `cp` counts as a letter in names: everything from
/// U+00C0 on (Greek, accented Latin, ...) but the signs x and /, the blocks
/// of punctuation, arrows and mathematical operators U+2000-U+2BFF (except
/// super/subscripts U+2070-U+209F and letter-like symbols such as U+2113
/// SCRIPT SMALL L), CJK punctuation and byte order marks.
inline bool IsLetterCodePoint(uint32_t cp) {
  if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7) return false;
  if (cp >= 0x2000 && cp <= 0x2BFF) {
    return (cp >= 0x2070 && cp <= 0x209F) || (cp >= 0x2100 && cp <= 0x214F);
  }
  if (cp >= 0x3000 && cp <= 0x303F) return false;
  if (cp == 0xFEFF || (cp >= 0xFE00 && cp <= 0xFE0F)) return false;
  return cp < 0xFFF0;
}

/// The length of the well-formed multi-byte UTF-8 sequence at `i` when it
/// is a letter (IsLetterCodePoint), else 0.
template <typename It>
size_t Utf8LetterLength(It i, It last) {
  auto byte = [](char c) { return static_cast<unsigned char>(c); };
  if (i == last) return 0;
  unsigned char c = byte(*i);
  size_t n = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
  if (n == 0 || c > 0xF4 || last - i < static_cast<std::ptrdiff_t>(n)) {
    return 0;
  }
  uint32_t cp = c & (0x7F >> n);
  for (size_t k = 1; k < n; ++k) {
    unsigned char t = byte(i[static_cast<std::ptrdiff_t>(k)]);
    if ((t & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (t & 0x3F);
  }
  // Overlong forms and surrogates are not UTF-8.
  if ((n == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
      (n == 4 && (cp < 0x10000 || cp > 0x10FFFF))) {
    return 0;
  }
  return IsLetterCodePoint(cp) ? n : 0;
}

/// Scans an identifier at `i`; returns its end (== i when there is none).
template <typename It>
It ScanIdent(It i, It last) {
  if (i == last) return i;
  if (IsIdentStart(*i)) {
    ++i;
  } else if (size_t n = Utf8LetterLength(i, last)) {
    i += static_cast<std::ptrdiff_t>(n);
  } else {
    return i;
  }
  for (;;) {
    if (i != last && IsIdentChar(*i)) {
      ++i;
    } else if (size_t n = Utf8LetterLength(i, last)) {
      i += static_cast<std::ptrdiff_t>(n);
    } else {
      return i;
    }
  }
}

/// Whether an identifier starts at `i`.
template <typename It>
bool StartsIdent(It i, It last) {
  return ScanIdent(i, last) != i;
}

/// The Unicode symbol that may stand for keyword `word` (U+2227 for `and`,
/// ...), or "" when it has none.
inline std::string_view KeywordSymbol(std::string_view word) {
  if (word == "and") return "\u2227";
  if (word == "or") return "\u2228";
  if (word == "not") return "\u00ac";
  if (word == "implies") return "\u2192";
  if (word == "forall") return "\u2200";
  if (word == "exists") return "\u2203";
  return {};
}

/// Whether the text at `i` starts with `s`.
template <typename It>
bool StartsWith(It i, It last, std::string_view s) {
  if (s.empty() || last - i < static_cast<std::ptrdiff_t>(s.size())) {
    return false;
  }
  return std::string_view(&*i, s.size()) == s;
}

/// Scans digits [. digits] [(e|E) [+-] digits] at `i`; returns its end.
template <typename It>
It ScanNumber(It i, It last) {
  It start = i;
  while (i != last && IsDigit(*i)) ++i;
  if (i == start) return start;
  if (i != last && *i == '.') {
    It j = i + 1;
    if (j != last && IsDigit(*j)) {
      while (j != last && IsDigit(*j)) ++j;
      i = j;
    }
  }
  if (i != last && (*i == 'e' || *i == 'E')) {
    It j = i + 1;
    if (j != last && (*j == '+' || *j == '-')) ++j;
    if (j != last && IsDigit(*j)) {
      while (j != last && IsDigit(*j)) ++j;
      i = j;
    }
  }
  return i;
}

/// Throws number_error when the number [first, end) has an exponent
/// beyond kMaxExponent.
template <typename It>
void CheckExponent(It first, It end) {
  It e = first;
  while (e != end && *e != 'e' && *e != 'E') ++e;
  if (e == end) return;
  ++e;
  if (e != end && (*e == '+' || *e == '-')) ++e;
  while (e != end && *e == '0') ++e;
  long value = 0;
  for (; e != end; ++e) {
    value = value * 10 + (*e - '0');
    if (value > kMaxExponent) throw number_error{first, end};
  }
}

template <typename Ctx>
parse_state& State(Ctx const& ctx) {
  return x3::get<state_tag>(ctx).get();
}

template <typename Ctx, typename It>
uint32_t Offset(Ctx const& ctx, It it) {
  return static_cast<uint32_t>(it - State(ctx).base);
}

/// A keyword: the exact word, not followed by an identifier character.
struct kw_parser : x3::parser<kw_parser> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;
  constexpr explicit kw_parser(const char* w) : word(w) {}
  const char* word;

  template <typename It, typename Ctx, typename RCtx, typename Attr>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx&, Attr&) const {
    x3::skip_over(first, last, ctx);
    std::string_view symbol = KeywordSymbol(word);
    if (StartsWith(first, last, symbol)) {
      first += static_cast<std::ptrdiff_t>(symbol.size());
      return true;
    }
    It end = ScanIdent(first, last);
    if (end == first) return false;
    std::string_view got(&*first, static_cast<size_t>(end - first));
    if (got != word) return false;
    first = end;
    return true;
  }
};

/// One of a fixed set of words (space separated in `words`), as a name.
/// Matches reserved words too (`in`, `forall`, ...).
struct word_parser : x3::parser<word_parser> {
  using attribute_type = x3ast::name;
  static bool const has_attribute = true;
  constexpr word_parser(const char* w, const char* d) : words(w), display(d) {}
  const char* words;
  const char* display;

  // The word of the set whose symbol starts at `i`, or "".
  template <typename It>
  std::string_view SymbolWord(It i, It last) const {
    std::string_view all(words);
    while (!all.empty()) {
      size_t sp = all.find(' ');
      std::string_view one = all.substr(0, sp);
      if (StartsWith(i, last, KeywordSymbol(one))) return one;
      if (sp == std::string_view::npos) break;
      all.remove_prefix(sp + 1);
    }
    return {};
  }

  bool Contains(std::string_view got) const {
    std::string_view all(words);
    while (!all.empty()) {
      size_t sp = all.find(' ');
      std::string_view one = all.substr(0, sp);
      if (one == got) return true;
      if (sp == std::string_view::npos) break;
      all.remove_prefix(sp + 1);
    }
    return false;
  }

  template <typename It, typename Ctx, typename RCtx, typename Attr>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx&,
             Attr& attr) const {
    x3::skip_over(first, last, ctx);
    It end = ScanIdent(first, last);
    std::string_view got;
    if (end != first) {
      got = std::string_view(&*first, static_cast<size_t>(end - first));
    } else {
      got = SymbolWord(first, last);  // `\u2200` for `forall`
      end = first + static_cast<std::ptrdiff_t>(KeywordSymbol(got).size());
    }
    if (got.empty() || !Contains(got)) return false;
    x3ast::name n;
    n.text.assign(got);
    n.sbegin = Offset(ctx, first);
    n.send = Offset(ctx, end);
    x3::traits::move_to(std::move(n), attr);
    first = end;
    return true;
  }
};

/// Returns true when only blanks precede `at` on its line.
template <typename Ctx, typename It>
bool AtLineStart(Ctx const& ctx, It at) {
  It base = State(ctx).base;
  while (at != base) {
    char c = *(at - 1);
    if (c == '\n') return true;
    if (c != ' ' && c != '\t' && c != '\r') return false;
    --at;
  }
  return true;
}

/// An identifier that is not a reserved word. In expressions
/// (`in_expression`), a declaration keyword at the start of a line is not a
/// name either: it starts the next declaration, so an unfinished formula
/// reports "expected expression" there instead of swallowing it.
struct name_parser : x3::parser<name_parser> {
  using attribute_type = x3ast::name;
  static bool const has_attribute = true;
  constexpr explicit name_parser(bool e = false) : in_expression(e) {}
  bool in_expression;

  template <typename It, typename Ctx, typename RCtx, typename Attr>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx&,
             Attr& attr) const {
    x3::skip_over(first, last, ctx);
    It end = ScanIdent(first, last);
    if (end == first) return false;
    std::string_view got(&*first, static_cast<size_t>(end - first));
    if (IsReserved(got)) return false;
    if (in_expression && IsDeclKeyword(got) && AtLineStart(ctx, first)) {
      return false;
    }
    x3ast::name n;
    n.text.assign(got);
    n.sbegin = Offset(ctx, first);
    n.send = Offset(ctx, end);
    x3::traits::move_to(std::move(n), attr);
    first = end;
    return true;
  }
};

/// An unsigned decimal in an expression.
struct number_parser : x3::parser<number_parser> {
  using attribute_type = x3ast::number;
  static bool const has_attribute = true;

  template <typename It, typename Ctx, typename RCtx, typename Attr>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx&,
             Attr& attr) const {
    x3::skip_over(first, last, ctx);
    It end = ScanNumber(first, last);
    if (end == first) return false;
    if (StartsIdent(end, last)) return false;  // `2x`
    CheckExponent(first, end);
    x3ast::number n;
    n.text.assign(first, end);
    n.sbegin = Offset(ctx, first);
    n.send = Offset(ctx, end);
    x3::traits::move_to(std::move(n), attr);
    first = end;
    return true;
  }
};

/// A value named where only values of one domain can stand (`start s0`,
/// `terminal {s1, 3}`): an identifier, or a signed integer for integer
/// range domains. Analysis tells the two apart by the first character.
struct value_name_parser : x3::parser<value_name_parser> {
  using attribute_type = x3ast::name;
  static bool const has_attribute = true;

  template <typename It, typename Ctx, typename RCtx, typename Attr>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx& rctx,
             Attr& attr) const;
};

/// `true` or `false`.
struct bool_parser : x3::parser<bool_parser> {
  using attribute_type = x3ast::boolean;
  static bool const has_attribute = true;

  template <typename It, typename Ctx, typename RCtx, typename Attr>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx&,
             Attr& attr) const {
    x3::skip_over(first, last, ctx);
    It end = ScanIdent(first, last);
    if (end == first) return false;
    std::string_view got(&*first, static_cast<size_t>(end - first));
    if (got != "true" && got != "false") return false;
    x3ast::boolean b;
    b.value = got == "true";
    b.sbegin = Offset(ctx, first);
    b.send = Offset(ctx, end);
    x3::traits::move_to(std::move(b), attr);
    first = end;
    return true;
  }
};

/// A table key or value. `kinds` is a bit set of kName, kNumber (signed),
/// kRange (INT..INT), kString and kFraction (a number may be NUM/NUM).
struct literal_parser : x3::parser<literal_parser> {
  using attribute_type = x3ast::literal;
  static bool const has_attribute = true;
  static constexpr unsigned kName = 1, kNumber = 2, kRange = 4, kString = 8,
                            kFraction = 16;  // with kNumber: also "1/3"
  constexpr literal_parser(unsigned k, const char* d) : kinds(k), display(d) {}
  unsigned kinds;
  const char* display;

  template <typename It>
  static It ScanSigned(It i, It last, bool integer_only) {
    It start = i;
    if (i != last && (*i == '-' || *i == '+')) ++i;
    It digits = i;
    It end = integer_only ? i : ScanNumber(i, last);
    if (integer_only) {
      while (end != last && IsDigit(*end)) ++end;
    }
    if (end == digits) return start;
    if (StartsIdent(end, last)) return start;
    return end;
  }

  template <typename It, typename Ctx, typename RCtx, typename Attr>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx&,
             Attr& attr) const {
    using Kind = ast::Literal::Kind;
    x3::skip_over(first, last, ctx);
    if (first == last) return false;
    x3ast::literal lit;
    It end = first;
    char c = *first;
    if (c == '"') {
      if (!(kinds & kString)) return false;
      It i = first + 1;
      std::string text;
      for (;;) {
        if (i == last || *i == '\n') return false;
        if (*i == '"') break;
        if (*i == '\\' && i + 1 != last && (i[1] == '"' || i[1] == '\\')) ++i;
        text += *i;
        ++i;
      }
      end = i + 1;
      lit.kind = Kind::kString;
      lit.text = std::move(text);
    } else if (StartsIdent(first, last)) {
      if (!(kinds & kName)) return false;
      end = ScanIdent(first, last);
      std::string_view got(&*first, static_cast<size_t>(end - first));
      if (IsReserved(got)) return false;
      lit.kind = Kind::kName;
      lit.text.assign(got);
    } else if (IsDigit(c) || c == '-' || c == '+') {
      bool done = false;
      if (kinds & kRange) {
        It lo_end = ScanSigned(first, last, true);
        if (lo_end != first && last - lo_end >= 2 && lo_end[0] == '.' &&
            lo_end[1] == '.') {
          It hi_begin = lo_end + 2;
          It hi_end = ScanSigned(hi_begin, last, true);
          if (hi_end != hi_begin) {
            lit.kind = Kind::kRange;
            lit.text.assign(first, lo_end);
            lit.hi.assign(hi_begin, hi_end);
            end = hi_end;
            done = true;
          }
        }
      }
      if (!done) {
        if (!(kinds & kNumber)) return false;
        end = ScanSigned(first, last, false);
        if (end == first) return false;
        if (end != last && *end == '.' && last - end >= 2 && end[1] == '.') {
          return false;  // a range where no range is allowed
        }
        if ((kinds & kFraction) && end != last && *end == '/') {
          It den_end = ScanNumber(end + 1, last);  // 1/3, 0.5/1.5
          if (den_end != end + 1 &&
              !StartsIdent(den_end, last)) {
            end = den_end;
          }
        }
        CheckExponent(first, end);
        lit.kind = Kind::kNumber;
        lit.text.assign(first, end);
      }
    } else {
      return false;
    }
    lit.span = Span{Offset(ctx, first), Offset(ctx, end)};
    x3::traits::move_to(std::move(lit), attr);
    first = end;
    return true;
  }
};

/// guard[p]: parses p one nesting level deeper; throws nesting_error past
/// parse_state::max_depth so deep input cannot exhaust the stack.
template <typename Subject>
struct guard_directive : x3::unary_parser<Subject, guard_directive<Subject>> {
  using base_type = x3::unary_parser<Subject, guard_directive<Subject>>;
  static bool const is_pass_through_unary = true;
  static bool const handles_container = Subject::handles_container;
  constexpr explicit guard_directive(Subject const& subject)
      : base_type(subject) {}

  template <typename It, typename Ctx, typename RCtx, typename Attr>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx& rctx,
             Attr& attr) const {
    parse_state& st = State(ctx);
    if (st.depth >= st.max_depth) {
      It at = first;
      x3::skip_over(at, last, ctx);
      throw nesting_error{at};
    }
    struct Leave {
      parse_state& s;
      ~Leave() { --s.depth; }
    } leave{st};
    ++st.depth;
    return this->subject.parse(first, last, ctx, rctx, attr);
  }
};

struct guard_gen {
  template <typename Subject>
  constexpr guard_directive<
      typename x3::extension::as_parser<Subject>::value_type>
  operator[](Subject const& subject) const {
    return guard_directive<
        typename x3::extension::as_parser<Subject>::value_type>(
        x3::as_parser(subject));
  }
};

constexpr guard_gen guard{};

/// bounded_star[p] / list_star[p]: like *p, but an operator chain longer
/// than the nesting limit (it would nest that deep once folded) throws
/// nesting_error, and a list longer than parse_state::max_list_items throws
/// list_error.
template <typename Subject, bool kList>
struct bounded_kleene
    : x3::unary_parser<Subject, bounded_kleene<Subject, kList>> {
  using base_type = x3::unary_parser<Subject, bounded_kleene<Subject, kList>>;
  static bool const handles_container = true;
  constexpr explicit bounded_kleene(Subject const& subject)
      : base_type(subject) {}

  template <typename It, typename Ctx, typename RCtx, typename Attr>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx& rctx,
             Attr& attr) const {
    // A list's first item comes before the repeated part; a chain's first
    // term does not nest.
    uint32_t items = State(ctx).max_list_items;
    uint32_t limit = kList ? (items > 0 ? items - 1 : 0) : State(ctx).max_depth;
    uint32_t n = 0;
    for (;;) {
      It before = first;
      if (!x3::detail::parse_into_container(this->subject, first, last, ctx,
                                            rctx, attr)) {
        break;
      }
      if (++n > limit) {
        x3::skip_over(before, last, ctx);
        if (kList) throw list_error{before};
        throw nesting_error{before};
      }
    }
    return true;
  }
};

/// compact_cells[cell]: parses `cell % ','` (cell yields an output literal
/// and a value literal) into spans only, one ast::TableCell per cell, so a
/// table of a million cells keeps no strings. The vector is reserved to the
/// size of the previous row, so a 100-column table does not regrow every
/// row. Failures and their messages are those of `cell % ','`.
template <typename Subject>
struct compact_cells_directive
    : x3::unary_parser<Subject, compact_cells_directive<Subject>> {
  using base_type = x3::unary_parser<Subject, compact_cells_directive<Subject>>;
  using attribute_type = std::vector<ast::TableCell>;
  static bool const has_attribute = true;
  static bool const handles_container = true;
  constexpr explicit compact_cells_directive(Subject const& subject)
      : base_type(subject) {}

  template <typename It, typename Ctx, typename RCtx>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx& rctx,
             std::vector<ast::TableCell>& attr) const {
    parse_state& st = State(ctx);
    attr.reserve(st.last_row_size);
    x3ast::entry cell;
    auto one = [&] {
      ast::TableCell fast;
      if (FastCell(first, last, ctx, fast)) {
        attr.push_back(fast);
        return true;
      }
      cell = x3ast::entry();
      if (!this->subject.parse(first, last, ctx, rctx, cell)) return false;
      attr.push_back(
          ast::TableCell{cell.first.span, cell.second.span,
                         cell.first.kind == ast::Literal::Kind::kName});
      return true;
    };
    if (!one()) return false;
    for (;;) {
      It save = first;
      if (!x3::lit(',').parse(first, last, ctx, rctx, x3::unused) || !one()) {
        first = save;
        break;
      }
    }
    st.last_row_size = static_cast<uint32_t>(attr.size());
    return true;
  }
  // The common cell, `name number`, scanned exactly as `cell` (output_lit
  // >> !lit(':') > number_lit) scans it, without building its strings.
  // Returns false, consuming nothing, for anything else (number outputs,
  // exponents, errors): `cell` then parses it and reports what is wrong.
  template <typename It, typename Ctx>
  static bool FastCell(It& first, It const& last, Ctx const& ctx,
                       ast::TableCell& out) {
    It name = first;
    x3::skip_over(name, last, ctx);
    It name_end = ScanIdent(name, last);
    if (name_end == name ||
        IsReserved(
            std::string_view(&*name, static_cast<size_t>(name_end - name)))) {
      return false;
    }
    It value = name_end;
    x3::skip_over(value, last, ctx);
    if (value == last || *value == ':' ||
        !(IsDigit(*value) || *value == '-' || *value == '+')) {
      return false;
    }
    It end = literal_parser::ScanSigned(value, last, false);
    if (end == value) return false;
    if (end != last && *end == '.' && last - end >= 2 && end[1] == '.') {
      return false;
    }
    for (It k = value; k != end; ++k) {
      if (*k == 'e' || *k == 'E') return false;  // CheckExponent's limit
    }
    out = ast::TableCell{Span{Offset(ctx, name), Offset(ctx, name_end)},
                         Span{Offset(ctx, value), Offset(ctx, end)}, true};
    first = end;
    return true;
  }

  template <typename It, typename Ctx, typename RCtx, typename Attr>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx& rctx,
             Attr& attr) const {
    std::vector<ast::TableCell> cells;
    if (!parse(first, last, ctx, rctx, cells)) return false;
    x3::traits::move_to(std::move(cells), attr);
    return true;
  }
};

struct compact_cells_gen {
  template <typename Subject>
  constexpr compact_cells_directive<
      typename x3::extension::as_parser<Subject>::value_type>
  operator[](Subject const& subject) const {
    return compact_cells_directive<
        typename x3::extension::as_parser<Subject>::value_type>(
        x3::as_parser(subject));
  }
};

constexpr compact_cells_gen compact_cells{};

template <bool kList>
struct bounded_gen {
  template <typename Subject>
  constexpr bounded_kleene<
      typename x3::extension::as_parser<Subject>::value_type, kList>
  operator[](Subject const& subject) const {
    return bounded_kleene<
        typename x3::extension::as_parser<Subject>::value_type, kList>(
        x3::as_parser(subject));
  }
};

constexpr bounded_gen<false> bounded_star{};
constexpr bounded_gen<true> list_star{};

/// Returns the end of the last token before `last`: X3 primitives skip
/// blanks and comments before they fail, so a rule can end past them.
template <typename It>
It TrimEnd(It base, It first, It last) {
  auto blank = [](char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' ||
           c == '\v';
  };
  for (;;) {
    bool crossed_newline = false;
    while (last != first && blank(*(last - 1))) {
      crossed_newline |= *(last - 1) == '\n';
      --last;
    }
    if (!crossed_newline) return last;
    // A comment may end the line just before the newline we crossed.
    It line = last;
    while (line != base && *(line - 1) != '\n') --line;
    if (line < first) line = first;
    if (line == last ||
        std::memchr(&*line, '#', static_cast<size_t>(last - line)) == nullptr) {
      return last;
    }
    bool in_string = false;
    It comment = last;
    for (It i = line; i != last; ++i) {
      if (*i == '"') in_string = !in_string;
      if (*i == '\\' && in_string && i + 1 != last) {
        ++i;
      } else if (*i == '#' && !in_string) {
        comment = i;
        break;
      }
    }
    if (comment == last) return last;
    last = comment;
  }
}

/// on_success handler: records the byte span of every spanned node.
struct annotate_span {
  template <typename It, typename Attr, typename Ctx>
  void on_success(It const& first, It const& last_skipped, Attr& attr,
                  Ctx const& ctx) const {
    It last = TrimEnd(State(ctx).base, first, last_skipped);
    if constexpr (std::is_base_of_v<x3ast::spanned, Attr>) {
      attr.sbegin = Offset(ctx, first);
      attr.send = Offset(ctx, last);
    } else if constexpr (std::is_same_v<Attr, ast::Literal>) {
      attr.span = Span{Offset(ctx, first), Offset(ctx, last)};
    }
  }
};

template <typename It, typename Ctx, typename RCtx, typename Attr>
bool value_name_parser::parse(It& first, It const& last, Ctx const& ctx,
                              RCtx& rctx, Attr& attr) const {
  x3::skip_over(first, last, ctx);
  It end = literal_parser::ScanSigned(first, last, /*integer_only=*/true);
  if (end == first) return name_parser().parse(first, last, ctx, rctx, attr);
  x3ast::name n;
  n.text.assign(first, end);
  n.sbegin = Offset(ctx, first);
  n.send = Offset(ctx, end);
  x3::traits::move_to(std::move(n), attr);
  first = end;
  return true;
}

}  // namespace aligncheck::parse

namespace boost::spirit::x3 {

namespace traits {
template <typename Subject, bool kList, typename Context>
struct attribute_of<aligncheck::parse::bounded_kleene<Subject, kList>, Context>
    : build_container<typename attribute_of<Subject, Context>::type> {};
}  // namespace traits

template <typename Subject>
struct get_info<aligncheck::parse::guard_directive<Subject>> {
  using result_type = std::string;
  std::string operator()(
      aligncheck::parse::guard_directive<Subject> const& p) const {
    return what(p.subject);
  }
};
template <>
struct get_info<aligncheck::parse::kw_parser> {
  using result_type = std::string;
  std::string operator()(aligncheck::parse::kw_parser const& p) const {
    return std::string("'") + p.word + "'";
  }
};
template <>
struct get_info<aligncheck::parse::word_parser> {
  using result_type = std::string;
  std::string operator()(aligncheck::parse::word_parser const& p) const {
    return p.display;
  }
};
template <>
struct get_info<aligncheck::parse::literal_parser> {
  using result_type = std::string;
  std::string operator()(aligncheck::parse::literal_parser const& p) const {
    return p.display;
  }
};
template <>
struct get_info<aligncheck::parse::name_parser> {
  using result_type = std::string;
  std::string operator()(aligncheck::parse::name_parser const&) const {
    return "name";
  }
};
template <>
struct get_info<aligncheck::parse::value_name_parser> {
  using result_type = std::string;
  std::string operator()(aligncheck::parse::value_name_parser const&) const {
    return "a name or an integer";
  }
};
template <>
struct get_info<aligncheck::parse::number_parser> {
  using result_type = std::string;
  std::string operator()(aligncheck::parse::number_parser const&) const {
    return "number";
  }
};

}  // namespace boost::spirit::x3

#endif  // ALIGNCHECK_PARSE_TOKENS_HPP_

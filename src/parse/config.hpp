// Iterator, skipper, parse state and the one context type every aligncheck
// rule is instantiated with. Must match exactly across translation units.
#ifndef ALIGNCHECK_PARSE_CONFIG_HPP_
#define ALIGNCHECK_PARSE_CONFIG_HPP_

#include <boost/spirit/home/x3.hpp>
#include <cstdint>
#include <functional>
#include <string>

namespace aligncheck::parse {

namespace x3 = boost::spirit::x3;

using iterator_type = std::string::const_iterator;

/// Skips whitespace and `#` comments. Hand-written: it runs between every
/// pair of tokens of a million-number table.
struct skipper_type : x3::parser<skipper_type> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;

  template <typename It, typename Ctx, typename RCtx, typename Attr>
  bool parse(It& first, It const& last, Ctx const&, RCtx&, Attr&) const {
    It i = first;
    while (i != last) {
      char c = *i;
      if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' ||
          c == '\v') {
        ++i;
      } else if (c == '#') {
        while (i != last && *i != '\n') ++i;
      } else {
        break;
      }
    }
    bool moved = i != first;
    first = i;
    return moved;
  }
};

/// Mutable state shared by all rules of one parse: where the text starts
/// (spans are offsets from it) and the current nesting depth.
struct parse_state {
  iterator_type base;
  uint32_t depth = 0;
  uint32_t max_depth = 200;
  uint32_t max_list_items = 10000;
  uint32_t last_row_size = 0;  // cells in the previous table row
};

struct state_tag;

/// Thrown when nesting exceeds parse_state::max_depth; caught by the driver.
struct nesting_error {
  iterator_type where;
};

/// Thrown when one expression list (call arguments, set members) is longer
/// than parse_state::max_list_items; caught by the driver.
struct list_error {
  iterator_type where;
};

/// Thrown for a number whose exponent is past kMaxExponent (exact
/// arithmetic would need that many digits); caught by the driver.
struct number_error {
  iterator_type where;
  iterator_type end;
};

/// The largest exponent a number may have: 1e100000, 1e-100000.
inline constexpr long kMaxExponent = 100000;

using phrase_context_type = x3::phrase_parse_context<skipper_type>::type;
using context_type = x3::context<state_tag, std::reference_wrapper<parse_state>,
                                 phrase_context_type>;

}  // namespace aligncheck::parse

#endif  // ALIGNCHECK_PARSE_CONFIG_HPP_

// Private definition of the story grammar. Include only from story.cpp.
// A story reads like a training block: `key value...` items, values
// optionally separated by commas (`rationale c1, c2`).
#ifndef ALIGNCHECK_PARSE_STORY_DEF_HPP_
#define ALIGNCHECK_PARSE_STORY_DEF_HPP_

#include <boost/spirit/home/x3.hpp>

#include "parse/ast_adapted.hpp"
#include "parse/config.hpp"
#include "parse/tokens.hpp"
#include "parse/x3_ast.hpp"
#include "parse/x3_parser.hpp"

namespace aligncheck::parse {

struct story_decl_class : annotate_span {};
struct s_item_class : annotate_span {};
struct s_items_close_class {};
struct s_expect_class : annotate_span {};

namespace story_tokens {
using L = literal_parser;
name_parser const name{};
literal_parser const item_value(L::kName | L::kNumber | L::kString, "a value");
kw_parser const kw_story("story");
kw_parser const kw_expect("expect");
word_parser const item_key("goal rationale desirability assume",
                           "a story item (goal, rationale, desirability, "
                           "assume)");
word_parser const expect_word("holds fails", "'holds' or 'fails'");
}  // namespace story_tokens

story_decl_type const story_decl = "story declaration";
x3::rule<s_item_class, x3ast::story_item> const story_item = "a story item";
x3::rule<s_items_close_class> const story_close =
    "a story item (goal, rationale, desirability, assume) or '}'";
x3::rule<s_expect_class, x3ast::name> const story_expect = "'expect'";

using namespace story_tokens;  // NOLINT: the grammar reads better unqualified

// story NAME { goal G rationale c1, c2 desirability "..." } [expect ...]
auto const story_decl_def =
    kw_story > name > '{' > *story_item > story_close > -story_expect;
auto const story_item_def = item_key >>
                            *(-x3::lit(',') >> !item_key >> item_value);
auto const story_close_def = x3::lit('}');
auto const story_expect_def = kw_expect > expect_word;

BOOST_SPIRIT_DEFINE(story_decl, story_item, story_close, story_expect)

}  // namespace aligncheck::parse

#endif  // ALIGNCHECK_PARSE_STORY_DEF_HPP_

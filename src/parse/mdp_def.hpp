// Private definition of the mdp grammar. Include only from mdp.cpp. An mdp
// block is a sequence of items, each starting with its word:
//   states S  actions A  start s0 | start {s: w, ...}  discount 0.9
//   terminal {s, ...}
//   next(s, a) = EXPR | next = table { s: a s2, a2 {s3: p, s4: q} ... }
//   next = table csv "f.csv"
// Analysis checks which items are present and what they name.
#ifndef ALIGNCHECK_PARSE_MDP_DEF_HPP_
#define ALIGNCHECK_PARSE_MDP_DEF_HPP_

#include <boost/spirit/home/x3.hpp>

#include "parse/ast_adapted.hpp"
#include "parse/config.hpp"
#include "parse/tokens.hpp"
#include "parse/x3_ast.hpp"
#include "parse/x3_parser.hpp"

namespace aligncheck::parse {

struct mdp_decl_class : annotate_span {};
struct m_item_class : annotate_span {};
struct m_domain_body_class : annotate_span {};
struct m_start_body_class : annotate_span {};
struct m_start_one_class : annotate_span {};
struct m_start_weights_class : annotate_span {};
struct m_discount_body_class : annotate_span {};
struct m_terminal_body_class : annotate_span {};
struct m_next_body_class : annotate_span {};
struct m_next_table_class : annotate_span {};
struct m_next_expr_class : annotate_span {};
struct m_next_csv_class : annotate_span {};
struct m_next_row_class : annotate_span {};
struct m_next_cell_class : annotate_span {};
struct m_dist_class {};
struct m_next_target_class : annotate_span {};
struct m_target_one_class : annotate_span {};
struct m_target_dist_class : annotate_span {};
struct m_entry_class : annotate_span {};
struct m_params_class {};
struct m_rows_close_class {};
struct m_items_close_class {};
struct m_set_close_class {};
struct m_grid_body_class : annotate_span {};
struct m_legend_body_class : annotate_span {};
struct m_legend_entry_class : annotate_span {};
struct m_empty_body_class : annotate_span {};

namespace mdp_tokens {
using L = literal_parser;
name_parser const name{};
value_name_parser const state_name{};
literal_parser const key_lit(L::kName | L::kNumber, "a state");
literal_parser const action_lit(L::kName | L::kNumber, "an action");
literal_parser const state_lit(L::kName | L::kNumber, "a state");
literal_parser const number_lit(L::kNumber, "number");
// Weights and probabilities may be exact fractions: {s1: 1/3, s2: 2/3}.
literal_parser const weight_lit(L::kNumber | L::kFraction, "number");
literal_parser const string_lit(L::kString, "string");
kw_parser const kw_mdp("mdp");
kw_parser const kw_table("table");
kw_parser const kw_csv("csv");
word_parser const domain_word("states actions", "'states' or 'actions'");
word_parser const start_word("start", "'start'");
word_parser const discount_word("discount", "'discount'");
word_parser const terminal_word("terminal", "'terminal'");
word_parser const next_word("next", "'next'");
word_parser const grid_word("grid", "'grid'");
word_parser const legend_word("legend", "'legend'");
word_parser const slip_word("slip", "'slip'");
word_parser const stay_word("stay", "'stay'");
word_parser const tiles_word("tiles", "'tiles'");
literal_parser const tile_name(L::kName, "a tile name");
literal_parser const legend_key(L::kName | L::kNumber | L::kString,
                                "a character of the map");
}  // namespace mdp_tokens

using no_names = std::vector<x3ast::name>;
using no_weights = std::vector<x3ast::entry>;
using no_value = boost::optional<x3ast::literal>;
using no_next_rows = std::vector<x3ast::next_row>;
using no_strings = std::vector<x3ast::literal>;

formula_type const formula = "expression";
mdp_decl_type const mdp_decl = "mdp declaration";
x3::rule<m_item_class, x3ast::mdp_item> const mdp_item = "an mdp item";
x3::rule<m_domain_body_class, x3ast::mdp_body> const domain_body =
    "a domain name";
x3::rule<m_start_body_class, x3ast::mdp_body> const start_body =
    "a state or '{'";
x3::rule<m_start_one_class, x3ast::mdp_body> const start_one = "a state";
x3::rule<m_start_weights_class, x3ast::mdp_body> const start_weights = "'{'";
x3::rule<m_discount_body_class, x3ast::mdp_body> const discount_body =
    "number";
x3::rule<m_terminal_body_class, x3ast::mdp_body> const terminal_body = "'{'";
x3::rule<m_params_class, std::vector<x3ast::name>> const next_params =
    "'(' or '='";
x3::rule<m_next_body_class, x3ast::mdp_body> const next_body =
    "'table' or an expression";
x3::rule<m_next_table_class, x3ast::mdp_body> const next_table = "'{'";
x3::rule<m_next_csv_class, x3ast::mdp_body> const next_csv = "'csv'";
x3::rule<m_next_expr_class, x3ast::mdp_body> const next_expr = "expression";
x3::rule<m_next_row_class, x3ast::next_row> const next_row = "a table row";
x3::rule<m_next_cell_class, x3ast::next_cell> const next_cell =
    "an action and its successor";
x3::rule<m_dist_class, std::vector<x3ast::entry>> const dist = "'{'";
x3::rule<m_next_target_class, x3ast::next_target> const next_target =
    "a successor or '{'";
x3::rule<m_target_one_class, x3ast::next_target> const target_one =
    "a successor";
x3::rule<m_target_dist_class, x3ast::next_target> const target_dist = "'{'";
x3::rule<m_entry_class, x3ast::entry> const m_entry = "an entry";
x3::rule<m_rows_close_class> const next_rows_close = "a table row or '}'";
x3::rule<m_items_close_class> const items_close =
    "an mdp item (states, actions, start, discount, terminal, next, grid, "
    "legend, tiles, slip, stay) or '}'";
x3::rule<m_set_close_class> const set_close = "',' or '}'";
x3::rule<m_grid_body_class, x3ast::mdp_body> const grid_body =
    "a string (a row of the map)";
x3::rule<m_legend_body_class, x3ast::mdp_body> const legend_body = "'{'";
x3::rule<m_legend_entry_class, x3ast::entry> const legend_entry =
    "an entry (character: tile name)";
x3::rule<m_empty_body_class, x3ast::mdp_body> const empty_body = "";

using namespace mdp_tokens;  // NOLINT: the grammar reads better unqualified

auto const mdp_decl_def = kw_mdp > name > '{' > *mdp_item > items_close;
auto const mdp_item_def = (domain_word > domain_body) |
                          (start_word > start_body) |
                          (discount_word > discount_body) |
                          (terminal_word > terminal_body) |
                          (next_word > next_body) | (grid_word > grid_body) |
                          (legend_word > legend_body) |
                          (tiles_word > domain_body) |
                          (slip_word > discount_body) |
                          (stay_word >> empty_body);
auto const items_close_def = x3::lit('}');

// grid "row" "row" ...: the map, one string per row.
auto const grid_body_def = x3::attr(no_names()) >> x3::attr(no_weights()) >>
                           x3::attr(no_value()) >> x3::attr(0) >>
                           x3::attr(x3ast::operand()) >>
                           x3::attr(no_next_rows()) >> +string_lit;
// legend {S: start, L: lava, ">": east}: what each character of the map
// is (quoted when it is not a letter or digit).
auto const legend_body_def = (x3::attr(no_names()) >> x3::lit('{')) >
                             (legend_entry % ',') > -x3::lit(',') >
                             set_close > x3::attr(no_value()) > x3::attr(0) >
                             x3::attr(x3ast::operand()) >
                             x3::attr(no_next_rows()) > x3::attr(no_strings());
auto const legend_entry_def = legend_key > ':' > tile_name;
auto const empty_body_def = x3::attr(no_names()) >> x3::attr(no_weights()) >>
                            x3::attr(no_value()) >> x3::attr(0) >>
                            x3::attr(x3ast::operand()) >>
                            x3::attr(no_next_rows()) >>
                            x3::attr(no_strings());

// states S | actions A: names = [S]
auto const domain_body_def = x3::repeat(1)[name] >> x3::attr(no_weights()) >>
                             x3::attr(no_value()) >> x3::attr(0) >>
                             x3::attr(x3ast::operand()) >>
                             x3::attr(no_next_rows()) >> x3::attr(no_strings());
// start s0 | start {s: w, ...}
auto const start_body_def = start_weights | start_one;
auto const start_one_def = x3::repeat(1)[state_name] >> x3::attr(no_weights()) >>
                           x3::attr(no_value()) >> x3::attr(0) >>
                           x3::attr(x3ast::operand()) >>
                           x3::attr(no_next_rows()) >> x3::attr(no_strings());
auto const start_weights_def =
    (x3::attr(no_names()) >> x3::lit('{')) > (m_entry % ',') > -x3::lit(',') >
    set_close > x3::attr(no_value()) > x3::attr(0) >
    x3::attr(x3ast::operand()) > x3::attr(no_next_rows()) > x3::attr(no_strings());
auto const set_close_def = x3::lit('}');
auto const m_entry_def = key_lit > ':' > weight_lit;
// discount g
auto const discount_body_def = x3::attr(no_names()) >> x3::attr(no_weights()) >>
                               weight_lit >> x3::attr(0) >>
                               x3::attr(x3ast::operand()) >>
                               x3::attr(no_next_rows()) >> x3::attr(no_strings());
// terminal {s, ...}
auto const terminal_body_def =
    x3::lit('{') > (state_name % ',') > set_close > x3::attr(no_weights()) >
    x3::attr(no_value()) > x3::attr(0) > x3::attr(x3ast::operand()) >
    x3::attr(no_next_rows()) >> x3::attr(no_strings());
// next(s, a) = EXPR | next = table {...} | next = table csv "f"
auto const next_body_def = next_table | next_csv | next_expr;
auto const next_params_def = -(x3::lit('(') > name > ',' > name > ')');
auto const next_table_def = next_params >> '=' >> kw_table >> x3::lit('{') >>
                            x3::attr(no_weights()) >> x3::attr(no_value()) >>
                            x3::attr(1) >> x3::attr(x3ast::operand()) >
                            *next_row > next_rows_close >
                            x3::attr(no_strings());
auto const next_csv_def = next_params >> '=' >> kw_table >> kw_csv >>
                          x3::attr(no_weights()) > string_lit > x3::attr(2) >
                          x3::attr(x3ast::operand()) > x3::attr(no_next_rows()) > x3::attr(no_strings());
auto const next_expr_def = next_params > '=' > x3::attr(no_weights()) >
                           x3::attr(no_value()) > x3::attr(0) > formula >
                           x3::attr(no_next_rows()) >> x3::attr(no_strings());
auto const next_rows_close_def = x3::lit('}');
auto const next_row_def = key_lit > ':' > (next_cell % ',') > -x3::lit(',');
auto const next_cell_def = action_lit >> !x3::lit(':') > next_target;
auto const next_target_def = target_dist | target_one;
auto const target_dist_def = x3::attr(no_value()) >> dist;
auto const target_one_def = state_lit >> x3::attr(no_weights());
auto const dist_def = x3::lit('{') > (m_entry % ',') > -x3::lit(',') >
                      set_close;

BOOST_SPIRIT_DEFINE(mdp_decl, mdp_item, items_close, domain_body, start_body,
                    start_one, start_weights, set_close, m_entry)
BOOST_SPIRIT_DEFINE(discount_body, terminal_body, next_body, next_params,
                    next_table, next_csv, next_expr, next_rows_close, next_row,
                    next_cell, dist, next_target, target_dist, target_one)
BOOST_SPIRIT_DEFINE(grid_body, legend_body, legend_entry, empty_body)

}  // namespace aligncheck::parse

#endif  // ALIGNCHECK_PARSE_MDP_DEF_HPP_

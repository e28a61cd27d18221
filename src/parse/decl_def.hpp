// Private definition of the declaration grammar. Include only from decl.cpp.
// Every declaration starts with its keyword followed by an expectation
// point, so a broken declaration reports what was expected where.
#ifndef ALIGNCHECK_PARSE_DECL_DEF_HPP_
#define ALIGNCHECK_PARSE_DECL_DEF_HPP_

#include <boost/spirit/home/x3.hpp>

#include "parse/ast_adapted.hpp"
#include "parse/config.hpp"
#include "parse/tokens.hpp"
#include "parse/x3_ast.hpp"
#include "parse/x3_parser.hpp"

namespace aligncheck::parse {

using x3::attr;
using x3::lit;

struct domain_decl_class : annotate_span {};
struct fn_decl_class : annotate_span {};
struct loss_decl_class : annotate_span {};
struct data_decl_class : annotate_span {};
struct goal_decl_class : annotate_span {};
struct physical_decl_class : annotate_span {};
struct training_decl_class : annotate_span {};
struct agent_decl_class : annotate_span {};
struct claim_decl_class : annotate_span {};

struct d_domain_body_class : annotate_span {};
struct d_enum_body_class : annotate_span {};
struct d_range_body_class : annotate_span {};
struct d_list_close_class {};
struct d_arrow_class {};
struct d_assign_class {};
struct d_fn_body_class : annotate_span {};
struct d_fn_table_class : annotate_span {};
struct d_fn_csv_class : annotate_span {};
struct d_csv_ref_class : annotate_span {};
struct d_entry_class : annotate_span {};
struct d_param_class : annotate_span {};
struct d_params_close_class {};
struct d_loss_body_class : annotate_span {};
struct d_loss_table_class : annotate_span {};
struct d_table_content_class : annotate_span {};
struct d_table_rows_class : annotate_span {};
struct d_table_csv_class : annotate_span {};
struct d_loss_expr_class : annotate_span {};
struct d_row_class : annotate_span {};
struct d_cell_class : annotate_span {};
struct d_rows_close_class {};
struct d_data_body_class : annotate_span {};
struct d_data_weights_class : annotate_span {};
struct d_data_csv_class : annotate_span {};
struct d_data_domain_class : annotate_span {};
struct d_goal_sig_class : annotate_span {};
struct d_stmt_class : annotate_span {};
struct d_register_stmt_class : annotate_span {};
struct d_channel_stmt_class : annotate_span {};
struct d_closed_stmt_class : annotate_span {};
struct d_arithmetic_stmt_class : annotate_span {};
struct d_implemented_stmt_class : annotate_span {};
struct d_stmts_close_class {};
struct d_setting_class : annotate_span {};
struct d_settings_close_class {};
struct d_agent_target_class : annotate_span {};
struct d_reading_class : annotate_span {};
struct d_reading_body_class : annotate_span {};
struct d_within_clause_class : annotate_span {};
struct d_threshold_clause_class : annotate_span {};
struct d_idealized_class : annotate_span {};
struct d_physical_only_class : annotate_span {};
struct d_trained_class : annotate_span {};
struct d_hypothesis_class : annotate_span {};
struct d_hyp_close_class {};
struct d_expect_class : annotate_span {};
struct d_name_list_class {};
struct d_params_class {};
struct d_cells_class {};
struct d_scale_class {};

using L = literal_parser;
name_parser const name{};
literal_parser const key_lit(L::kName | L::kNumber, "a key");
literal_parser const value_lit(L::kName | L::kNumber, "a value");
literal_parser const output_lit(L::kName | L::kNumber, "an output");
literal_parser const number_lit(L::kNumber, "number");
literal_parser const range_lit(L::kRange, "an integer range");
literal_parser const string_lit(L::kString, "string");
literal_parser const setting_value(L::kName | L::kNumber | L::kRange |
                                       L::kString,
                                   "a value");
kw_parser const kw_domain("domain");
kw_parser const kw_fn("fn");
kw_parser const kw_data("data");
kw_parser const kw_goal("goal");
kw_parser const kw_physical("physical");
kw_parser const kw_training("training");
kw_parser const kw_agent("agent");
kw_parser const kw_claim("claim");
kw_parser const kw_csv("csv");
kw_parser const kw_table("table");
kw_parser const kw_computes("computes");
kw_parser const kw_on("on");
kw_parser const kw_cares_about("cares_about");
kw_parser const kw_as("as");
kw_parser const kw_over("over");
kw_parser const kw_in("in");
kw_parser const kw_within("within");
kw_parser const kw_via("via");
kw_parser const kw_below("below");
kw_parser const kw_under("under");
kw_parser const kw_expect("expect");
kw_parser const kw_when("when");
boost::optional<x3ast::operand> const no_condition;
kw_parser const kw_up("up");
kw_parser const kw_to("to");
word_parser const register_word("register", "'register'");
word_parser const channel_word("channel", "'channel'");
word_parser const closed_word("closed", "'closed'");
word_parser const arithmetic_word("arithmetic", "'arithmetic'");
word_parser const implemented_word("implemented", "'implemented'");
word_parser const signedness_word("signed unsigned", "'signed' or 'unsigned'");
word_parser const setting_key(
    "learner init optimizer lr steps seeds data features evidence mdp start "
    "epsilon episodes horizon",
    "a setting");
word_parser const loss_word("loss reward", "'loss' or 'reward'");
word_parser const preposition_word("in of", "'in' or 'of'");
word_parser const relation_word(
    "aligned_with represents encodes achieves unhackable_with simplifies "
    "potential_shaping_of epic_distance_to",
    "a relation (aligned_with, represents, encodes, achieves, "
    "unhackable_with, simplifies, potential_shaping_of, epic_distance_to)");
word_parser const scale_word("scale", "'scale'");
word_parser const idealized_word("idealized_minimizer",
                                 "'idealized_minimizer'");
word_parser const physical_only_word("physical_only", "'physical_only'");
word_parser const trained_word("trained_outcome", "'trained_outcome'");
word_parser const within_word("within", "'within'");
word_parser const threshold_word("below above", "'below' or 'above'");
word_parser const expect_word("holds fails supported refuted mixed",
                               "'holds', 'fails', 'supported', 'refuted' or "
                               "'mixed'");

using no_literal = boost::optional<x3ast::literal>;
using no_name = boost::optional<x3ast::name>;
using no_hypothesis = boost::optional<x3ast::hypothesis>;
using no_bound = boost::optional<x3ast::bound_clause>;
using no_entries = std::vector<x3ast::entry>;
using no_rows = std::vector<x3ast::table_row>;

formula_type const formula = "expression";
domain_decl_type const domain_decl = "domain declaration";
fn_decl_type const fn_decl = "fn declaration";
loss_decl_type const loss_decl = "loss declaration";
data_decl_type const data_decl = "data declaration";
goal_decl_type const goal_decl = "goal declaration";
physical_decl_type const physical_decl = "physical declaration";
training_decl_type const training_decl = "training declaration";
agent_decl_type const agent_decl = "agent declaration";
claim_decl_type const claim_decl = "claim declaration";

x3::rule<d_domain_body_class, x3ast::domain_body> const domain_body =
    "'{' or an integer range";
x3::rule<d_enum_body_class, x3ast::domain_body> const enum_body = "'{'";
x3::rule<d_range_body_class, x3ast::domain_body> const range_body =
    "an integer range";
x3::rule<d_list_close_class> const list_close = "',' or '}'";
x3::rule<d_arrow_class> const arrow = "'->'";
x3::rule<d_assign_class> const assign = "':='";
x3::rule<d_fn_body_class, x3ast::fn_body> const fn_body = "'{' or 'csv'";
x3::rule<d_fn_table_class, x3ast::fn_body> const fn_table = "'{'";
x3::rule<d_fn_csv_class, x3ast::fn_body> const fn_csv = "'csv'";
x3::rule<d_csv_ref_class, x3ast::literal> const csv_ref = "'csv'";
x3::rule<d_entry_class, x3ast::entry> const entry = "an entry";
x3::rule<d_param_class, x3ast::param> const param = "a parameter";
x3::rule<d_params_close_class> const params_close = "',' or ')'";
x3::rule<d_loss_body_class, x3ast::loss_body> const loss_body =
    "'table' or an expression";
x3::rule<d_loss_table_class, x3ast::loss_body> const loss_table = "'table'";
x3::rule<d_table_content_class, x3ast::loss_body> const table_content =
    "'{' or 'csv'";
x3::rule<d_table_rows_class, x3ast::loss_body> const table_rows = "'{'";
x3::rule<d_table_csv_class, x3ast::loss_body> const table_csv = "'csv'";
x3::rule<d_loss_expr_class, x3ast::loss_body> const loss_expr = "expression";
x3::rule<d_row_class, x3ast::table_row> const row = "a table row";
x3::rule<d_cell_class, x3ast::entry> const cell = "an output and its loss";
x3::rule<d_rows_close_class> const rows_close = "a table row or '}'";
x3::rule<d_data_body_class, x3ast::data_body> const data_body =
    "'{', 'csv' or a domain name";
x3::rule<d_data_weights_class, x3ast::data_body> const data_weights = "'{'";
x3::rule<d_data_csv_class, x3ast::data_body> const data_csv = "'csv'";
x3::rule<d_data_domain_class, x3ast::data_body> const data_domain =
    "a domain name";
x3::rule<d_goal_sig_class, x3ast::goal_sig> const goal_sig = "':'";
x3::rule<d_stmt_class, x3ast::physical_stmt> const stmt = "a statement";
x3::rule<d_register_stmt_class, x3ast::physical_stmt> const register_stmt =
    "'register'";
x3::rule<d_channel_stmt_class, x3ast::physical_stmt> const channel_stmt =
    "'channel'";
x3::rule<d_closed_stmt_class, x3ast::physical_stmt> const closed_stmt =
    "'closed'";
x3::rule<d_arithmetic_stmt_class, x3ast::physical_stmt> const arithmetic_stmt =
    "'arithmetic'";
x3::rule<d_implemented_stmt_class, x3ast::physical_stmt> const
    implemented_stmt = "'implemented'";
x3::rule<d_stmts_close_class> const stmts_close =
    "a statement (register, channel, closed, arithmetic, implemented) or '}'";
x3::rule<d_setting_class, x3ast::setting> const setting = "a setting";
x3::rule<d_settings_close_class> const settings_close =
    "a setting (learner, init, optimizer, lr, steps, seeds, data, features, "
    "evidence, mdp, start, epsilon, episodes, horizon) or '}'";
x3::rule<d_agent_target_class, x3ast::agent_target> const agent_target =
    "'in' or 'of'";
x3::rule<d_reading_class, x3ast::reading> const reading = "'as'";
x3::rule<d_reading_body_class, x3ast::reading> const reading_body =
    "a reading (idealized_minimizer, physical_only, trained_outcome)";
x3::rule<d_idealized_class, x3ast::reading> const idealized =
    "'idealized_minimizer'";
x3::rule<d_physical_only_class, x3ast::reading> const physical_only =
    "'physical_only'";
x3::rule<d_trained_class, x3ast::reading> const trained = "'trained_outcome'";
x3::rule<d_hypothesis_class, x3ast::hypothesis> const hypothesis = "'in'";
x3::rule<d_hyp_close_class> const hyp_close = "',' or ')'";
x3::rule<d_within_clause_class, x3ast::bound_clause> const within_clause =
    "'within'";
x3::rule<d_threshold_clause_class, x3ast::bound_clause> const
    threshold_clause = "'below' or 'above'";
x3::rule<d_expect_class, x3ast::name> const expect_clause = "'expect'";
x3::rule<d_name_list_class, std::vector<x3ast::name>> const name_list = "name";
x3::rule<d_params_class, std::vector<x3ast::param>> const params =
    "a parameter";
x3::rule<d_cells_class, std::vector<ast::TableCell>> const cells =
    "an output and its loss";
x3::rule<d_scale_class, x3ast::name> const scale_clause = "'up'";

// domain NAME = {a, b} | domain NAME = 0..9
auto const domain_decl_def = kw_domain > name > '=' > domain_body;
auto const domain_body_def = enum_body | range_body;
auto const enum_body_def = lit('{') > name_list > list_close >
                           attr(no_literal());
auto const range_body_def = attr(std::vector<x3ast::name>()) >> range_lit;
auto const list_close_def = lit('}');
auto const arrow_def = lit("->");
auto const assign_def = lit(":=");

// fn NAME: X -> Y = {k: v, ...} | = csv "f"
auto const fn_decl_def =
    kw_fn > name > ':' > name > arrow > name > '=' > fn_body;
auto const fn_body_def = fn_table | fn_csv;
auto const fn_table_def = (attr(0) >> '{') > -(entry % ',') >
                          -lit(',') > list_close > attr(no_literal());
auto const fn_csv_def = attr(1) >> attr(no_entries()) >> csv_ref;
auto const csv_ref_def = kw_csv > string_lit;
auto const entry_def = key_lit > ':' > value_lit;

// loss|reward NAME(x: X, y: Y) = table {...} | table csv "f" | EXPR
auto const loss_decl_def =
    loss_word > name > '(' > params > params_close > '=' > loss_body;
auto const param_def = name > ':' > name;
auto const params_close_def = lit(')');
auto const loss_body_def = loss_table | loss_expr;
auto const loss_table_def = kw_table > table_content;
auto const table_content_def = table_rows | table_csv;
auto const table_rows_def = (attr(0) >> '{') > *row > rows_close >
                            attr(no_literal()) > attr(x3ast::operand());
auto const table_csv_def = attr(1) >> attr(no_rows()) >> csv_ref >>
                           attr(x3ast::operand());
auto const loss_expr_def = attr(2) >> attr(no_rows()) >>
                           attr(no_literal()) >> formula;
auto const row_def = key_lit > ':' > cells > -lit(',');
auto const cells_def = compact_cells[cell];
auto const cell_def = output_lit >> !lit(':') > number_lit;
auto const rows_close_def = lit('}');

// data NAME = {k: w, ...} | = csv "f" | = DOMAIN
auto const data_decl_def = kw_data > name > '=' > data_body;
auto const data_body_def = data_weights | data_csv | data_domain;
auto const data_weights_def = (attr(0) >> '{') > -(entry % ',') >
                              -lit(',') > list_close > attr(no_literal()) >
                              attr(no_name());
auto const data_csv_def = attr(1) >> attr(no_entries()) >> csv_ref >>
                          attr(no_name());
auto const data_domain_def = attr(2) >> attr(no_entries()) >>
                             attr(no_literal()) >> name;

// goal NAME(pi [: X -> Y]) = FORMULA
auto const goal_decl_def =
    kw_goal > name > '(' > name > -goal_sig > ')' > '=' > formula;
auto const goal_sig_def = lit(':') > name > arrow > name;

// physical NAME { register computes L on D | channel c: T := V | closed }
auto const physical_decl_def = kw_physical > name > '{' > *stmt > stmts_close;
auto const stmt_def = register_stmt | channel_stmt | closed_stmt |
                      arithmetic_stmt | implemented_stmt;
auto const register_stmt_def = register_word > kw_computes > name > kw_on >
                               name > attr(no_condition) >
                               attr(x3ast::operand()) > attr(x3ast::operand());
// channel c [when F]: T := V (`when`: only where F holds, over an mdp)
auto const channel_stmt_def = channel_word > name > attr(x3ast::name()) >
                              -(kw_when > formula) > ':' > formula > assign >
                              formula;
auto const closed_stmt_def = closed_word >> attr(x3ast::name()) >>
                             attr(x3ast::name()) >> attr(no_condition) >>
                             attr(x3ast::operand()) >> attr(x3ast::operand());
// arithmetic signed|unsigned WIDTH: the register is computed in machine
// integers; implemented TARGET := VALUE: the code differs from the math.
auto const arithmetic_stmt_def = arithmetic_word > signedness_word >
                                 attr(x3ast::name()) > attr(no_condition) >
                                 attr(x3ast::operand()) > formula;
auto const implemented_stmt_def = implemented_word > attr(x3ast::name()) >
                                  attr(x3ast::name()) > attr(no_condition) >
                                  formula > assign > formula;
auto const stmts_close_def = lit('}');

// training NAME { KEY VALUE* ... }
auto const training_decl_def =
    kw_training > name > '{' > *setting > settings_close;
auto const setting_def = setting_key >> *(!setting_key >> setting_value);
auto const settings_close_def = lit('}');

// agent NAME cares_about ASPECT [(in|of) TARGET]
auto const agent_decl_def =
    kw_agent > name > kw_cares_about > name > -agent_target;
auto const agent_target_def = preposition_word > name;

// claim NAME: SUBJECT RELATION GOAL [up to scale] [over D] [below d]
// [as READING] [expect ...] (`over D` for relations between two rewards,
// `proxy unhackable_with truth over D`; `up to scale` and `below d` for
// the relations over an mdp)
auto const claim_decl_def = kw_claim > name > ':' > name > relation_word >
                            name > -scale_clause > -(kw_over > name) >
                            -(kw_below > number_lit) > -reading >
                            -expect_clause;
auto const scale_clause_def = kw_up > kw_to > scale_word;
auto const reading_def = kw_as > reading_body;
auto const reading_body_def = idealized | physical_only | trained;
auto const idealized_def = idealized_word > kw_over > name > -hypothesis >
                           -within_clause;
auto const within_clause_def = within_word > number_lit;
// `below T` (a loss register) or `above T` (a reward register over an mdp)
auto const threshold_clause_def = threshold_word > number_lit;
auto const physical_only_def = physical_only_word > kw_via > name >
                               attr(no_hypothesis()) > -threshold_clause;
auto const trained_def = trained_word > kw_under > name >
                         attr(no_hypothesis()) > attr(no_bound());
auto const hypothesis_def = kw_in > name > -(lit('(') > name_list > hyp_close);
auto const hyp_close_def = lit(')');
auto const expect_clause_def = kw_expect > expect_word;
auto const name_list_def = name >> *(lit(',') > name);
auto const params_def = param >> *(lit(',') > param);

BOOST_SPIRIT_DEFINE(domain_decl, fn_decl, loss_decl, data_decl, goal_decl,
                    physical_decl, training_decl, agent_decl, claim_decl)
BOOST_SPIRIT_DEFINE(domain_body, enum_body, range_body, list_close, arrow,
                    assign, fn_body, fn_table, fn_csv, csv_ref, entry, param,
                    params_close)
BOOST_SPIRIT_DEFINE(loss_body, loss_table, table_content, table_rows, table_csv,
                    loss_expr, row, cell, rows_close, data_body, data_weights,
                    data_csv, data_domain, goal_sig)
BOOST_SPIRIT_DEFINE(arithmetic_stmt, implemented_stmt)
BOOST_SPIRIT_DEFINE(stmt, register_stmt, channel_stmt, closed_stmt, stmts_close,
                    setting, settings_close, agent_target, reading,
                    reading_body, idealized, physical_only, trained, hypothesis,
                    hyp_close, expect_clause, name_list, params, cells)
BOOST_SPIRIT_DEFINE(within_clause, threshold_clause)
BOOST_SPIRIT_DEFINE(scale_clause)

}  // namespace aligncheck::parse

#endif  // ALIGNCHECK_PARSE_DECL_DEF_HPP_

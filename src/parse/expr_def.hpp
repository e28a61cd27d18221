// Private definition of the expression/formula grammar. Include only from
// expr.cpp. Precedence, loosest first: quantifier, implies (right assoc),
// or, and, not, comparison (non associative) / membership, + -, * /,
// unary minus, primary. One named rule per level and per operator tail.
#ifndef ALIGNCHECK_PARSE_EXPR_DEF_HPP_
#define ALIGNCHECK_PARSE_EXPR_DEF_HPP_

#include <boost/spirit/home/x3.hpp>

#include "parse/ast_adapted.hpp"
#include "parse/config.hpp"
#include "parse/tokens.hpp"
#include "parse/x3_ast.hpp"
#include "parse/x3_parser.hpp"

namespace aligncheck::parse {

struct formula_class : annotate_span {};

using x3::attr;
using x3::lit;

struct quant_class : annotate_span {};
struct path_class : annotate_span {};
struct until_tail_class : annotate_span {};
struct implies_expr_class : annotate_span {};
struct implies_tail_class : annotate_span {};
struct or_expr_class : annotate_span {};
struct or_tail_class : annotate_span {};
struct and_expr_class : annotate_span {};
struct and_tail_class : annotate_span {};
struct not_expr_class : annotate_span {};
struct not_op_class : annotate_span {};
struct cmp_expr_class : annotate_span {};
struct cmp_tail_class : annotate_span {};
struct rel_tail_class : annotate_span {};
struct cmp_end_class {};
struct member_tail_class : annotate_span {};
struct close_set_class {};
struct arith_class : annotate_span {};
struct add_tail_class : annotate_span {};
struct term_class : annotate_span {};
struct mul_tail_class : annotate_span {};
struct unary_expr_class : annotate_span {};
struct neg_class : annotate_span {};
struct primary_class : annotate_span {};
struct aggregate_class : annotate_span {};
struct paren_class : annotate_span {};
struct if_expr_class : annotate_span {};
struct call_class : annotate_span {};
struct close_args_class {};
struct set_values_class {};
struct call_args_class {};

struct add_op_table : x3::symbols<ast::Op> {
  add_op_table() { add("+", ast::Op::kAdd)("-", ast::Op::kSub); }
};
struct mul_op_table : x3::symbols<ast::Op> {
  mul_op_table() { add("*", ast::Op::kMul)("/", ast::Op::kDiv); }
};
struct cmp_op_table : x3::symbols<ast::Op> {
  cmp_op_table() {
    add("==", ast::Op::kEq)("!=", ast::Op::kNe)("<", ast::Op::kLt)(
        "<=", ast::Op::kLe)(">", ast::Op::kGt)(">=", ast::Op::kGe);
    // As pasted from LaTeX: U+2264, U+2265, U+2260.
    add("\u2264", ast::Op::kLe)("\u2265", ast::Op::kGe)("\u2260", ast::Op::kNe);
  }
};
add_op_table const add_op;
mul_op_table const mul_op;
cmp_op_table const cmp_op;

name_parser const name(true);
number_parser const number{};
bool_parser const boolean{};
kw_parser const kw_in("in");
kw_parser const kw_and("and");
kw_parser const kw_or("or");
kw_parser const kw_not("not");
kw_parser const kw_implies("implies");
kw_parser const kw_if("if");
kw_parser const kw_then("then");
kw_parser const kw_else("else");
word_parser const quant_word("forall exists", "'forall' or 'exists'");
word_parser const aggregate_word("count sum", "'count' or 'sum'");
word_parser const path_word("eventually always", "'eventually' or 'always'");
kw_parser const kw_until("until");
kw_parser const kw_within("within");

formula_type const formula = "expression";
x3::rule<quant_class, x3ast::quant> const quant = "expression";
x3::rule<implies_expr_class, x3ast::chain> const implies_expr = "expression";
x3::rule<implies_tail_class, x3ast::operation> const implies_tail = "'implies'";
x3::rule<path_class, x3ast::path> const path = "expression";
x3::rule<until_tail_class, x3ast::operation> const until_tail = "'until'";
x3::rule<or_expr_class, x3ast::chain> const or_expr = "expression";
x3::rule<or_tail_class, x3ast::operation> const or_tail = "'or'";
x3::rule<and_expr_class, x3ast::chain> const and_expr = "expression";
x3::rule<and_tail_class, x3ast::operation> const and_tail = "'and'";
x3::rule<not_expr_class, x3ast::operand> const not_expr = "expression";
x3::rule<not_op_class, x3ast::unary> const not_op = "'not'";
x3::rule<cmp_expr_class, x3ast::compare> const cmp_expr = "expression";
x3::rule<cmp_tail_class, x3ast::compare_tail> const cmp_tail = "comparison";
x3::rule<rel_tail_class, x3ast::operation> const rel_tail = "comparison";
x3::rule<cmp_end_class> const cmp_end =
    "end of comparison (comparisons do not chain)";
x3::rule<member_tail_class, x3ast::member_set> const member_tail = "'in'";
x3::rule<close_set_class> const close_set = "',' or '}'";
x3::rule<arith_class, x3ast::chain> const arith = "expression";
x3::rule<add_tail_class, x3ast::operation> const add_tail = "'+' or '-'";
x3::rule<term_class, x3ast::chain> const term = "expression";
x3::rule<mul_tail_class, x3ast::operation> const mul_tail = "'*' or '/'";
x3::rule<unary_expr_class, x3ast::operand> const unary_expr = "expression";
x3::rule<neg_class, x3ast::unary> const neg = "'-'";
x3::rule<primary_class, x3ast::operand> const primary = "expression";
x3::rule<aggregate_class, x3ast::quant> const aggregate = "'('";
x3::rule<paren_class, x3ast::operand> const paren = "'('";
x3::rule<if_expr_class, x3ast::if_expr> const if_expr = "'if'";
x3::rule<call_class, x3ast::call> const call = "call";
x3::rule<close_args_class> const close_args = "',' or ')'";
x3::rule<set_values_class, std::vector<x3ast::operand>> const set_values =
    "expression";
x3::rule<call_args_class, std::vector<x3ast::operand>> const call_args =
    "expression";

auto const formula_def = quant | path | implies_expr;
auto const quant_def = quant_word > name > kw_in > name > ':' > guard[formula];
// Path operators bind loosest, like quantifiers: `eventually F and G` is
// `eventually (F and G)`. `F until G` has at most one tail.
auto const path_def = path_word > -(kw_within > number) > guard[formula];
auto const implies_expr_def = or_expr >> -(implies_tail | until_tail);
auto const implies_tail_def = kw_implies >>
                              attr(ast::Op::kImplies) > guard[formula];
auto const until_tail_def = kw_until >> attr(ast::Op::kUntil) > guard[or_expr];
auto const or_expr_def = and_expr >> bounded_star[or_tail];
auto const or_tail_def = kw_or >> attr(ast::Op::kOr) > and_expr;
auto const and_expr_def = not_expr >> bounded_star[and_tail];
auto const and_tail_def = kw_and >> attr(ast::Op::kAnd) > not_expr;
auto const not_expr_def = not_op | quant | cmp_expr;
auto const not_op_def = kw_not >> attr(ast::Op::kNot) > guard[not_expr];
auto const cmp_expr_def = arith >> -cmp_tail;
auto const cmp_tail_def = rel_tail | member_tail;
auto const rel_tail_def = cmp_op > arith > cmp_end;
auto const cmp_end_def = !cmp_op;
auto const member_tail_def = kw_in >> attr(true) > '{' > set_values > close_set;
auto const set_values_def = guard[arith] >> list_star[lit(',') > guard[arith]];
auto const close_set_def = lit('}');
auto const arith_def = term >> bounded_star[add_tail];
auto const add_tail_def = add_op > term;
auto const term_def = unary_expr >> bounded_star[mul_tail];
auto const mul_tail_def = mul_op > unary_expr;
auto const unary_expr_def = neg | primary;
auto const neg_def = lit('-') >> attr(ast::Op::kNeg) > guard[unary_expr];
auto const primary_def =
    number | boolean | aggregate | paren | if_expr | call | name;
auto const aggregate_def = lit('(') >> aggregate_word > name > kw_in > name >
                           ':' > guard[formula] > ')';
auto const paren_def = lit('(') > guard[formula] > ')';
auto const if_expr_def = kw_if > guard[formula] > kw_then > guard[formula] >
                         kw_else > guard[formula];
auto const call_def = name >> '(' > -call_args > close_args;
auto const call_args_def =
    guard[formula] >> list_star[lit(',') > guard[formula]];
auto const close_args_def = lit(')');

BOOST_SPIRIT_DEFINE(path, until_tail)
BOOST_SPIRIT_DEFINE(formula, quant, implies_expr, implies_tail, or_expr,
                    or_tail, and_expr, and_tail, not_expr, not_op, cmp_expr,
                    cmp_tail, rel_tail, cmp_end)
BOOST_SPIRIT_DEFINE(member_tail, close_set, arith, add_tail, term, mul_tail,
                    unary_expr, neg, primary, aggregate, paren, if_expr, call,
                    close_args, set_values, call_args)

}  // namespace aligncheck::parse

#endif  // ALIGNCHECK_PARSE_EXPR_DEF_HPP_

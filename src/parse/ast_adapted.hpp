// Fusion adaptation of the parser-internal tree (x3_ast.hpp), nothing else.
#ifndef ALIGNCHECK_PARSE_AST_ADAPTED_HPP_
#define ALIGNCHECK_PARSE_AST_ADAPTED_HPP_

#include <boost/fusion/include/adapt_struct.hpp>
#include <boost/fusion/include/std_pair.hpp>

#include "parse/x3_ast.hpp"

namespace xa = aligncheck::parse::x3ast;

BOOST_FUSION_ADAPT_STRUCT(xa::operation, op, rhs)
BOOST_FUSION_ADAPT_STRUCT(xa::chain, first, rest)
BOOST_FUSION_ADAPT_STRUCT(xa::unary, op, arg)
BOOST_FUSION_ADAPT_STRUCT(xa::quant, kind, var, domain, body)
BOOST_FUSION_ADAPT_STRUCT(xa::path, kind, bound, body)
BOOST_FUSION_ADAPT_STRUCT(xa::if_expr, cond, then_branch, else_branch)
BOOST_FUSION_ADAPT_STRUCT(xa::call, callee, args)
BOOST_FUSION_ADAPT_STRUCT(xa::member_set, marker, values)
BOOST_FUSION_ADAPT_STRUCT(xa::compare, lhs, tail)
BOOST_FUSION_ADAPT_STRUCT(xa::domain_body, values, range)
BOOST_FUSION_ADAPT_STRUCT(xa::domain_decl, id, body)
BOOST_FUSION_ADAPT_STRUCT(xa::fn_body, kind, entries, csv)
BOOST_FUSION_ADAPT_STRUCT(xa::fn_decl, id, from, to, body)
BOOST_FUSION_ADAPT_STRUCT(xa::param, id, type)
BOOST_FUSION_ADAPT_STRUCT(xa::table_row, input, cells)
BOOST_FUSION_ADAPT_STRUCT(xa::loss_body, kind, rows, csv, expr)
BOOST_FUSION_ADAPT_STRUCT(xa::loss_decl, keyword, id, params, body)
BOOST_FUSION_ADAPT_STRUCT(xa::data_body, kind, weights, csv, domain)
BOOST_FUSION_ADAPT_STRUCT(xa::data_decl, id, body)
BOOST_FUSION_ADAPT_STRUCT(xa::goal_sig, from, to)
BOOST_FUSION_ADAPT_STRUCT(xa::goal_decl, id, policy, sig, body)
BOOST_FUSION_ADAPT_STRUCT(xa::physical_stmt, kind, a, b, when, target, value)
BOOST_FUSION_ADAPT_STRUCT(xa::physical_decl, id, stmts)
BOOST_FUSION_ADAPT_STRUCT(xa::setting, key, values)
BOOST_FUSION_ADAPT_STRUCT(xa::training_decl, id, settings)
BOOST_FUSION_ADAPT_STRUCT(xa::agent_target, preposition, target)
BOOST_FUSION_ADAPT_STRUCT(xa::agent_decl, id, aspect, target)
BOOST_FUSION_ADAPT_STRUCT(xa::hypothesis, id, args)
BOOST_FUSION_ADAPT_STRUCT(xa::bound_clause, word, value)
BOOST_FUSION_ADAPT_STRUCT(xa::reading, kind, target, hyp, bound)
BOOST_FUSION_ADAPT_STRUCT(xa::claim_decl, id, subject, relation, goal, scale,
                          over, below, read, expect)
BOOST_FUSION_ADAPT_STRUCT(xa::next_target, one, dist)
BOOST_FUSION_ADAPT_STRUCT(xa::next_cell, action, target)
BOOST_FUSION_ADAPT_STRUCT(xa::next_row, state, cells)
BOOST_FUSION_ADAPT_STRUCT(xa::mdp_body, names, weights, value, next_kind,
                          expr, rows, strings)
BOOST_FUSION_ADAPT_STRUCT(xa::mdp_item, key, body)
BOOST_FUSION_ADAPT_STRUCT(xa::mdp_decl, id, items)
BOOST_FUSION_ADAPT_STRUCT(xa::story_item, key, values)
BOOST_FUSION_ADAPT_STRUCT(xa::story_decl, id, items, expect)

#endif  // ALIGNCHECK_PARSE_AST_ADAPTED_HPP_

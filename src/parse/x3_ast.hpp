// Parser-internal syntax tree: the shapes Spirit X3 fills while parsing.
// Only the parser sees these; convert.h turns them into the public ast::Spec.
#ifndef ALIGNCHECK_PARSE_X3_AST_HPP_
#define ALIGNCHECK_PARSE_X3_AST_HPP_

#include <boost/optional.hpp>
#include <boost/spirit/home/x3/support/ast/variant.hpp>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "parse/ast.h"

namespace aligncheck::parse::x3ast {

namespace x3 = boost::spirit::x3;

/// Byte range [sbegin, send) of a node, filled by the rule's on_success
/// handler (or by the token parser for leaves). Not part of any Fusion
/// adaptation.
struct spanned {
  uint32_t sbegin = 0;
  uint32_t send = 0;
};

struct nil {};

/// An identifier or a fixed word, as written.
struct name : spanned {
  std::string text;
};

/// An unsigned decimal literal in an expression, as written.
struct number : spanned {
  std::string text;
};

struct boolean : spanned {
  bool value = false;
};

/// A table key or value: the public ast::Literal, filled in place by the
/// token parser so the million cells of a big table are never copied.
using literal = ast::Literal;

// ---- expressions -------------------------------------------------------

struct chain;
struct unary;
struct quant;
struct if_expr;
struct call;
struct compare;
struct path;

struct operand : x3::variant<nil, name, number, boolean, x3::forward_ast<chain>,
                             x3::forward_ast<unary>, x3::forward_ast<quant>,
                             x3::forward_ast<if_expr>, x3::forward_ast<call>,
                             x3::forward_ast<compare>, x3::forward_ast<path>> {
  using base_type::base_type;
  using base_type::operator=;
};

/// One `op rhs` tail of a binary chain.
struct operation : spanned {
  ast::Op op = ast::Op::kAnd;
  operand rhs;
};

/// `first op rhs op rhs ...`, folded left by the converter (`implies` has at
/// most one tail whose rhs is itself a formula: right associative).
struct chain : spanned {
  operand first;
  std::vector<operation> rest;
};

struct unary : spanned {
  ast::Op op = ast::Op::kNot;
  operand arg;
};

/// forall / exists / count / sum: `kind var in domain: body`.
struct quant : spanned {
  name kind;
  name var;
  name domain;
  operand body;
};

/// `eventually [within K] F` or `always F`.
struct path : spanned {
  name kind;
  boost::optional<number> bound;
  operand body;
};

struct if_expr : spanned {
  operand cond;
  operand then_branch;
  operand else_branch;
};

struct call : spanned {
  name callee;
  std::vector<operand> args;
};

/// `in {v1, v2}`; `marker` only keeps the Fusion sequence two long.
struct member_set : spanned {
  bool marker = true;
  std::vector<operand> values;
};

struct compare_tail : x3::variant<operation, member_set> {
  using base_type::base_type;
  using base_type::operator=;
};

struct compare : spanned {
  operand lhs;
  boost::optional<compare_tail> tail;
};

// ---- declarations ------------------------------------------------------

/// `key: value` or a table cell `output value`.
using entry = std::pair<ast::Literal, ast::Literal>;

struct domain_body : spanned {
  std::vector<name> values;
  boost::optional<literal> range;
};

struct domain_decl : spanned {
  name id;
  domain_body body;
};

/// kind: 0 = `{...}` entries, 1 = csv.
struct fn_body : spanned {
  int kind = 0;
  std::vector<entry> entries;
  boost::optional<literal> csv;
};

struct fn_decl : spanned {
  name id;
  name from;
  name to;
  fn_body body;
};

struct param : spanned {
  name id;
  name type;
};

struct table_row : spanned {
  literal input;
  std::vector<ast::TableCell> cells;
};

/// kind: 0 = table rows, 1 = table csv, 2 = expression.
struct loss_body : spanned {
  int kind = 0;
  std::vector<table_row> rows;
  boost::optional<literal> csv;
  operand expr;
};

/// keyword: `loss` or `reward` (the same declaration, maximized).
struct loss_decl : spanned {
  name keyword;
  name id;
  std::vector<param> params;
  loss_body body;
};

/// kind: 0 = weights, 1 = csv, 2 = a whole domain.
struct data_body : spanned {
  int kind = 0;
  std::vector<entry> weights;
  boost::optional<literal> csv;
  boost::optional<name> domain;
};

struct data_decl : spanned {
  name id;
  data_body body;
};

struct goal_sig : spanned {
  name from;
  name to;
};

struct goal_decl : spanned {
  name id;
  name policy;
  boost::optional<goal_sig> sig;
  operand body;
};

/// kind is the statement's first word: register, channel or closed.
/// register: a = loss, b = data; channel: a = channel name, when = the
/// condition of `channel c when F: ...` (over an mdp's state and action).
struct physical_stmt : spanned {
  name kind;
  name a;
  name b;
  boost::optional<operand> when;
  operand target;
  operand value;
};

struct physical_decl : spanned {
  name id;
  std::vector<physical_stmt> stmts;
};

struct setting : spanned {
  name key;
  std::vector<literal> values;
};

struct training_decl : spanned {
  name id;
  std::vector<setting> settings;
};

struct agent_target : spanned {
  name preposition;
  name target;
};

struct agent_decl : spanned {
  name id;
  name aspect;
  boost::optional<agent_target> target;
};

struct hypothesis : spanned {
  name id;
  std::vector<name> args;
};

/// `within EPS`, `below T` or `above T`: the word and the number.
struct bound_clause : spanned {
  name word;
  literal value;
};

/// kind: idealized_minimizer | physical_only | trained_outcome; target is the
/// data, model or training; bound is `within` or `below`/`above`.
struct reading : spanned {
  name kind;
  name target;
  boost::optional<hypothesis> hyp;
  boost::optional<bound_clause> bound;
};

struct claim_decl : spanned {
  name id;
  name subject;
  name relation;
  name goal;
  boost::optional<name> scale;  // `up to scale` (the word `scale`)
  boost::optional<name> over;  // relations between two rewards: over D
  boost::optional<literal> below;  // `below d` after `over M`
  boost::optional<reading> read;
  boost::optional<name> expect;
};

/// `action successor` (dist empty, one = the successor) or
/// `action {s1: p1, ...}`.
struct next_target : spanned {
  boost::optional<literal> one;
  std::vector<entry> dist;
};

struct next_cell : spanned {
  literal action;
  next_target target;
};

struct next_row : spanned {
  literal state;
  std::vector<next_cell> cells;
};

/// What follows an mdp item's word. next_kind: 0 = expression, 1 = table
/// rows, 2 = table csv (the file in `value`).
struct mdp_body : spanned {
  std::vector<name> names;
  std::vector<entry> weights;
  boost::optional<literal> value;
  int next_kind = 0;
  operand expr;
  std::vector<next_row> rows;
  std::vector<literal> strings;  // grid rows
};

/// One item of an mdp block; `key` is its first word.
struct mdp_item : spanned {
  name key;
  mdp_body body;
};

struct mdp_decl : spanned {
  name id;
  std::vector<mdp_item> items;
};

/// One `key value...` item of a story: `goal G`, `rationale c1, c2`,
/// `desirability "..."`, `assume "..."`.
struct story_item : spanned {
  name key;
  std::vector<literal> values;
};

struct story_decl : spanned {
  name id;
  std::vector<story_item> items;
  boost::optional<name> expect;
};

}  // namespace aligncheck::parse::x3ast

#endif  // ALIGNCHECK_PARSE_X3_AST_HPP_

// Rule declarations of the aligncheck grammar: what the driver (parser.cpp)
// and the declaration grammar see of the expression grammar.
#ifndef ALIGNCHECK_PARSE_X3_PARSER_HPP_
#define ALIGNCHECK_PARSE_X3_PARSER_HPP_

#include <boost/spirit/home/x3.hpp>

#include "parse/ast_adapted.hpp"
#include "parse/config.hpp"
#include "parse/x3_ast.hpp"

namespace aligncheck::parse {

struct formula_class;
struct domain_decl_class;
struct fn_decl_class;
struct loss_decl_class;
struct data_decl_class;
struct goal_decl_class;
struct physical_decl_class;
struct training_decl_class;
struct agent_decl_class;
struct claim_decl_class;
struct story_decl_class;
struct mdp_decl_class;

using formula_type = x3::rule<formula_class, x3ast::operand>;
using domain_decl_type = x3::rule<domain_decl_class, x3ast::domain_decl>;
using fn_decl_type = x3::rule<fn_decl_class, x3ast::fn_decl>;
using loss_decl_type = x3::rule<loss_decl_class, x3ast::loss_decl>;
using data_decl_type = x3::rule<data_decl_class, x3ast::data_decl>;
using goal_decl_type = x3::rule<goal_decl_class, x3ast::goal_decl>;
using physical_decl_type = x3::rule<physical_decl_class, x3ast::physical_decl>;
using training_decl_type = x3::rule<training_decl_class, x3ast::training_decl>;
using agent_decl_type = x3::rule<agent_decl_class, x3ast::agent_decl>;
using claim_decl_type = x3::rule<claim_decl_class, x3ast::claim_decl>;
using story_decl_type = x3::rule<story_decl_class, x3ast::story_decl>;
using mdp_decl_type = x3::rule<mdp_decl_class, x3ast::mdp_decl>;

BOOST_SPIRIT_DECLARE(formula_type)
BOOST_SPIRIT_DECLARE(domain_decl_type, fn_decl_type, loss_decl_type,
                     data_decl_type, goal_decl_type)
BOOST_SPIRIT_DECLARE(physical_decl_type, training_decl_type, agent_decl_type,
                     claim_decl_type)
BOOST_SPIRIT_DECLARE(story_decl_type)
BOOST_SPIRIT_DECLARE(mdp_decl_type)

}  // namespace aligncheck::parse

#endif  // ALIGNCHECK_PARSE_X3_PARSER_HPP_

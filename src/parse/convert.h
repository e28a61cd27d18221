// Turns the parser-internal tree (x3_ast.hpp) into the public ast::Spec
// declarations: binary chains become left-associative kBinary trees, spans
// become ast::Span, and expression depth is checked against the limit.
#ifndef ALIGNCHECK_PARSE_CONVERT_H_
#define ALIGNCHECK_PARSE_CONVERT_H_

#include <cstdint>

#include "parse/ast.h"
#include "parse/x3_ast.hpp"

namespace aligncheck::parse {

/// Thrown when a converted expression is nested deeper than allowed.
struct DepthError {
  Span span;
};

/// Converts one parsed declaration, moving bulky parts out of it. Throws
/// DepthError when an expression tree would be deeper than `max_depth`.
class Converter {
 public:
  explicit Converter(uint32_t max_depth) : max_depth_(max_depth) {}

  ast::Decl operator()(x3ast::domain_decl& d) const;
  ast::Decl operator()(x3ast::fn_decl& d) const;
  ast::Decl operator()(x3ast::loss_decl& d) const;
  ast::Decl operator()(x3ast::data_decl& d) const;
  ast::Decl operator()(x3ast::goal_decl& d) const;
  ast::Decl operator()(x3ast::physical_decl& d) const;
  ast::Decl operator()(x3ast::training_decl& d) const;
  ast::Decl operator()(x3ast::agent_decl& d) const;
  ast::Decl operator()(x3ast::claim_decl& d) const;
  ast::Decl operator()(x3ast::mdp_decl& d) const;
  ast::StoryDecl Story(x3ast::story_decl& d) const;

  /// Converts an expression; `depth` receives the height of the result.
  ast::Expr Expr(const x3ast::operand& o, uint32_t& depth) const;

 private:
  uint32_t max_depth_;
};

}  // namespace aligncheck::parse

#endif  // ALIGNCHECK_PARSE_CONVERT_H_

// The only parser header callers include: text in, AST and diagnostics out.
#ifndef ALIGNCHECK_PARSE_PARSER_H_
#define ALIGNCHECK_PARSE_PARSER_H_

#include <memory>

#include "diag/diagnostic.h"
#include "parse/ast.h"
#include "util/source_file.h"

namespace aligncheck {

/// Limits the parser enforces with a located error instead of exhausting the
/// stack or memory.
struct ParseLimits {
  uint32_t max_nesting_depth = 200;  // parentheses, quantifiers, operators
};

/// Parses the whole file. Syntax errors are reported to `sink` as
/// "expected X, got Y" [E001]; the parser recovers at the next declaration
/// keyword so one run reports every broken declaration. Declarations that
/// parsed are returned even when others did not.
ast::Spec ParseSpec(const std::shared_ptr<const SourceFile>& file,
                    DiagnosticSink& sink, const ParseLimits& limits = {});

}  // namespace aligncheck

#endif  // ALIGNCHECK_PARSE_PARSER_H_

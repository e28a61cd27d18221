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
  /// Parentheses, quantifiers, and terms of one operator chain.
  uint32_t max_nesting_depth = 200;
  /// Items of one expression list (call arguments, `{a, b}` sets). Lists are
  /// short in any real spec; the cap keeps a 10 MB line of arguments from
  /// building a gigabyte of syntax tree.
  uint32_t max_list_items = 10'000;
  /// Bytes in one line, checked before parsing.
  size_t max_line_bytes = 1u << 20;
};

/// Parses the whole file. A line longer than limits.max_line_bytes is
/// reported [E011] and nothing is parsed. Syntax errors are reported to `sink`
/// as "expected X, got Y" [E001]; the parser recovers at the next declaration
/// keyword so one run reports every broken declaration. Declarations that
/// parsed are returned even when others did not.
ast::Spec ParseSpec(const std::shared_ptr<const SourceFile>& file,
                    DiagnosticSink& sink, const ParseLimits& limits = {});

/// Reports [E011] `line` of `file` if it is longer than max_bytes, located
/// where it passes the limit; returns whether it is within it.
bool CheckLineLength(const std::shared_ptr<const SourceFile>& file, Span line,
                     DiagnosticSink& sink, size_t max_bytes);

}  // namespace aligncheck

#endif  // ALIGNCHECK_PARSE_PARSER_H_

// Where the parts a proof needed stand in the spec: the line of one input's
// row in a loss `table { ... }` or in a data `{ ... }` weighting, and the
// short lists ("rows a, b of loss `l` (spec.align:9, :10)") that name them.
#ifndef ALIGNCHECK_REPORT_EXPLANATION_LINES_H_
#define ALIGNCHECK_REPORT_EXPLANATION_LINES_H_

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "analysis/model.h"

namespace aligncheck {

/// Lists name at most this many rows, then "and N more".
inline constexpr size_t kMaxNamedRows = 6;

/// Per key of the inline `{ key: ... }` block that follows the declaration
/// at `decl` (after its `=`), the key's line; empty when the declaration is
/// not written that way (CSV, an expression, a domain name) or there is no
/// source text.
std::map<std::string, size_t> KeyLines(const Model& model, const Span& decl);

/// "rows a, b of loss `l` (spec.align:9, :10)": the inputs `xs` (sorted) of
/// the declaration named `what` at `decl`, at most kMaxNamedRows of them
/// named and their lines where the spec lists them one by one, else the
/// declaration's line.
std::string NamedRows(const Model& model, const std::string& noun,
                      const std::string& what, const Span& decl,
                      const Domain& inputs, const std::vector<size_t>& xs);

}  // namespace aligncheck

#endif  // ALIGNCHECK_REPORT_EXPLANATION_LINES_H_

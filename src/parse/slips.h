// Common slips of new users (`=` for `==`, `&&`, `for all`, `//`, a
// missing `}`, a misspelt keyword, LaTeX symbols): recognised at the spot a
// parse error is reported, and turned into specific help. All of them live
// here, so the grammar stays free of error-only alternatives.
#ifndef ALIGNCHECK_PARSE_SLIPS_H_
#define ALIGNCHECK_PARSE_SLIPS_H_

#include <memory>
#include <string>

#include "diag/diagnostic.h"

namespace aligncheck::parse {

/// Adds help, notes and fix-its to `d`, the error "expected `expected`,
/// got ..." at byte `at` of `file`, raised in the declaration that starts at
/// byte `decl_start`.
void AddSlipHelp(const SourceFile& file, size_t decl_start, size_t at,
                 const std::string& expected, Diagnostic& d);

}  // namespace aligncheck::parse

#endif  // ALIGNCHECK_PARSE_SLIPS_H_

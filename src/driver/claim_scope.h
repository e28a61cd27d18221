// Which lint findings belong to the claims `--claim` selects.
#ifndef ALIGNCHECK_DRIVER_CLAIM_SCOPE_H_
#define ALIGNCHECK_DRIVER_CLAIM_SCOPE_H_

#include <functional>
#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "parse/ast.h"

namespace aligncheck {

/// Drops the findings (IsFinding) that belong to no selected claim. A
/// finding belongs to the top-level declaration its location falls in: one
/// on a claim declaration stays when that claim is selected; one on any
/// other declaration stays when a selected claim uses it, directly or
/// through other declarations (a use is the declaration's name written in
/// the user's text). Findings outside every declaration and everything that
/// is not a finding (invalid input) always stay.
void KeepFindingsOfSelectedClaims(
    const ast::Spec& spec, const SourceFile& file,
    const std::function<bool(const std::string&)>& selected,
    std::vector<Diagnostic>& diagnostics);

}  // namespace aligncheck

#endif  // ALIGNCHECK_DRIVER_CLAIM_SCOPE_H_

// The lines that say which verdicts --strict does not accept, and why.
#ifndef ALIGNCHECK_REPORT_STRICT_REPORT_H_
#define ALIGNCHECK_REPORT_STRICT_REPORT_H_

#include <string>
#include <vector>

#include "driver/check_result.h"

namespace aligncheck {

/// One line per finding, `file:line:col: strict: claim 'c' is not accepted:
/// WHY`, then a count; empty when there is none.
std::string RenderStrictText(const std::vector<StrictFinding>& findings);

}  // namespace aligncheck

#endif  // ALIGNCHECK_REPORT_STRICT_REPORT_H_

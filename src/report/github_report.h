// GitHub Actions workflow-command annotations (--format github):
//   ::error file=F,line=L,col=C,endLine=L2,endColumn=C2,title=T::message
#ifndef ALIGNCHECK_REPORT_GITHUB_REPORT_H_
#define ALIGNCHECK_REPORT_GITHUB_REPORT_H_

#include <string>
#include <vector>

#include "driver/check_result.h"

namespace aligncheck {

/// Escapes workflow-command message data: control characters but LF as
/// \xNN (EscapeControls), then % and LF as %25 and %0A.
std::string EscapeGithubData(const std::string& text);

/// Escapes a workflow-command property value: as data, plus : and , as
/// %3A and %2C.
std::string EscapeGithubProperty(const std::string& text);

/// One annotation per diagnostic (note -> notice) and per failed, unknown
/// or unexpected claim, in file and source order.
std::string RenderGithub(const std::vector<FileResult>& results);

}  // namespace aligncheck

#endif  // ALIGNCHECK_REPORT_GITHUB_REPORT_H_

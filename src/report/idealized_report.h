// Text, JSON and one-line message for idealized evidence: the minimizer
// count, the counterexample (with its parameters over a hypothesis class)
// and the minimizer census.
#ifndef ALIGNCHECK_REPORT_IDEALIZED_REPORT_H_
#define ALIGNCHECK_REPORT_IDEALIZED_REPORT_H_

#include <nlohmann/json.hpp>
#include <string>

#include "driver/check_result.h"
#include "report/text_report.h"

namespace aligncheck {

/// Returns the body lines of a verdict that carries idealized evidence,
/// census line(s) included.
std::string RenderIdealizedText(const Model& model, const ClaimResult& result,
                                const IdealizedEvidence& ev,
                                const TextOptions& options);

/// Fills "minimizers" and "minimizers_is_lower_bound", and adds the
/// counterexample of a failure.
void AddIdealizedJson(const Model& model, const ClaimResult& result,
                      const IdealizedEvidence& ev, nlohmann::ordered_json& j);

/// Adds "hypothesis_class" and "parameters" (a class counterexample) and
/// "census".
void AddIdealizedDetailsJson(const Model& model, const ClaimResult& result,
                             const IdealizedEvidence& ev,
                             nlohmann::ordered_json& j);

/// For a failure with a counterexample: ": a minimizer of L_train violates
/// g: romance -> ...", else "".
std::string IdealizedMessage(const Model& model, const ClaimResult& result,
                             const IdealizedEvidence& ev);

}  // namespace aligncheck

#endif  // ALIGNCHECK_REPORT_IDEALIZED_REPORT_H_

// Text and JSON for idealized claims over an MDP: the optimum, the
// counterexample policy (state -> action) with the states it reaches and
// one run, the goal's values, the optimal-action sets, the census.
#ifndef ALIGNCHECK_REPORT_MDP_REPORT_H_
#define ALIGNCHECK_REPORT_MDP_REPORT_H_

#include <nlohmann/json.hpp>
#include <string>

#include "analysis/model.h"
#include "driver/check_result.h"
#include "readings/mdp/mdp_evidence.h"
#include "report/text_report.h"
#include "util/rational.h"

namespace aligncheck {

/// The claim's body (between its header and the `expected` line).
std::string RenderMdpText(const Model& model, const ClaimResult& result,
                          const MdpEvidence& ev, const TextOptions& options);

/// " s0 -> a, s1 -> b; atom = value" for a failing policy: its action in
/// each reached non-terminal state (the first ten) and the run atoms.
std::string ReachedPolicyMessage(const Mdp& m, const MdpEvidence& ev);

/// For one-line messages (SARIF, GitHub): ": an optimal policy of r in M
/// violates G: t0 -> cw, t1 -> ccw; return(...) = 10/19", or "" unless
/// the claim fails with a counterexample.
std::string MdpMessage(const Model& model, const ClaimResult& result,
                       const MdpEvidence& ev);

/// Adds the "mdp" object to a claim's JSON.
void AddMdpJson(const Model& model, const ClaimResult& result,
                const MdpEvidence& ev, nlohmann::ordered_json& j);

/// The map of a grid mdp with `pi` drawn as arrows (^ v < > o) at the
/// non-terminal states marked in `shown`, the map elsewhere; each row
/// indented by four spaces. REQUIRES: !mm.grid.empty().
std::string PolicyMapText(const MdpModel& mm, const Policy& pi,
                          const std::vector<bool>& shown);
/// Pieces other readings over an mdp reuse: the policy of `ev` drawn on a
/// grid mdp's map, its run as text, and its state table (at most
/// `max_rows` rows, 0: all; `optimal_header` names the third column).
std::string MdpMapText(const MdpModel& mm, const MdpEvidence& ev);
std::string MdpRunText(const Mdp& m, const MdpEvidence& ev);
std::string MdpPolicyTable(const Mdp& m, const MdpEvidence& ev,
                           size_t max_rows, const char* optimal_header);

}  // namespace aligncheck

#endif  // ALIGNCHECK_REPORT_MDP_REPORT_H_

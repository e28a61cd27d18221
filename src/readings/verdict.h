// What a check concludes about one claim: holds | fails(evidence) |
// unknown(reason). Engines produce it; reports print it.
#ifndef ALIGNCHECK_READINGS_VERDICT_H_
#define ALIGNCHECK_READINGS_VERDICT_H_

#include <string>
#include <variant>
#include <vector>

#include "readings/idealized/idealized_evidence.h"
#include "readings/mdp/mdp_evidence.h"
#include "readings/physical/physical_evidence.h"
#include "readings/physical_mdp/physical_mdp_evidence.h"
#include "readings/relations/relation_evidence.h"
#include "readings/trained/story_evidence.h"
#include "readings/trained/trained_evidence.h"
#include "readings/trained_mdp/trained_mdp_evidence.h"

namespace aligncheck {

/// What a reading attaches to its verdict, one alternative per kind of
/// evidence: idealized claims, physical and agent claims, trained_outcome
/// claims, stories, idealized claims over an MDP, relations between two
/// rewards, potential shaping, physical and agent claims over an MDP. An engine that could not get as far as its
/// evidence (most UNKNOWN verdicts) leaves std::monostate.
using Evidence =
    std::variant<std::monostate, IdealizedEvidence, PhysicalEvidence,
                 TrainedEvidence, StoryEvidence, MdpEvidence, RelationEvidence,
                 ShapingEvidence, TrainedMdpEvidence,
                 PhysicalMdpEvidence, EpicEvidence>;

struct Verdict {
  enum class Kind { kHolds, kFails, kUnknown };
  Kind kind = Kind::kUnknown;
  std::string reason;  // kUnknown: why; otherwise a short account
  /// How the verdict was reached, e.g. "per-input counting", "z3".
  std::string method;
  /// The goal holds for every policy, so the claim says nothing about the
  /// loss: reported with HOLDS as vacuous.
  bool vacuous = false;
  /// Solver queries written with --dump-smt2.
  std::vector<std::string> dumped_queries;
  Evidence evidence;

  /// Returns the evidence of that kind, or nullptr when the verdict carries
  /// another kind or none.
  const IdealizedEvidence* idealized() const {
    return std::get_if<IdealizedEvidence>(&evidence);
  }
  IdealizedEvidence* idealized() {
    return std::get_if<IdealizedEvidence>(&evidence);
  }
  const PhysicalEvidence* physical() const {
    return std::get_if<PhysicalEvidence>(&evidence);
  }
  const TrainedEvidence* trained() const {
    return std::get_if<TrainedEvidence>(&evidence);
  }
  const StoryEvidence* story() const {
    return std::get_if<StoryEvidence>(&evidence);
  }
  const MdpEvidence* mdp() const { return std::get_if<MdpEvidence>(&evidence); }
  const RelationEvidence* relation() const {
    return std::get_if<RelationEvidence>(&evidence);
  }
  const ShapingEvidence* shaping() const {
    return std::get_if<ShapingEvidence>(&evidence);
  }
  const TrainedMdpEvidence* trained_mdp() const {
    return std::get_if<TrainedMdpEvidence>(&evidence);
  }
  const PhysicalMdpEvidence* physical_mdp() const {
    return std::get_if<PhysicalMdpEvidence>(&evidence);
  }
  const EpicEvidence* epic() const {
    return std::get_if<EpicEvidence>(&evidence);
  }
};

const char* VerdictName(Verdict::Kind kind);  // "holds", "fails", "unknown"

/// Returns the verdict's name as reports print it, in lowercase: a
/// trained_outcome claim's "supported", "refuted" or "mixed", otherwise
/// VerdictName(kind).
const char* VerdictLabel(const Verdict& v);

/// Returns an UNKNOWN verdict saying `reason`.
Verdict UnknownVerdict(std::string reason);

}  // namespace aligncheck

#endif  // ALIGNCHECK_READINGS_VERDICT_H_

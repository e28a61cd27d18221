// What a check concludes about one claim: holds | fails(evidence) |
// unknown(reason). Engines produce it; reports print it.
#ifndef ALIGNCHECK_READINGS_VERDICT_H_
#define ALIGNCHECK_READINGS_VERDICT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analysis/model.h"
#include "readings/trained/evidence.h"
#include "solve/census.h"
#include "readings/physical/physical_evidence.h"
#include "readings/relations/relation_evidence.h"
#include "util/rational.h"

namespace aligncheck {

/// Evidence that an idealized claim fails: a policy that is a
/// (near-)minimizer of L_D and violates the goal, re-checked exactly.
struct IdealizedCounterexample {
  Policy policy;
  Rational expected_loss;  // L_D(policy)
  Rational min_loss;       // min over all policies of L_D
  /// Per input: 1 where the goal breaks at that input, 0 where it is met
  /// there, -1 where the goal is not a per-input statement about that input.
  std::vector<int8_t> breaks;
};

struct Verdict {
  enum class Kind { kHolds, kFails, kUnknown };
  Kind kind = Kind::kUnknown;
  std::string reason;  // kUnknown: why; otherwise a short account
  /// How the verdict was reached, e.g. "per-input counting", "z3".
  std::string method;
  std::optional<IdealizedCounterexample> counterexample;  // kFails
  /// Number of (near-)minimizers; exact unless `minimizers_capped`, when it
  /// is a lower bound.
  std::optional<BigInt> minimizers;
  bool minimizers_capped = false;
  /// The goal holds for every policy, so the claim says nothing about the
  /// loss: reported with HOLDS as vacuous.
  bool vacuous = false;
  /// Solver queries written with --dump-smt2.
  std::vector<std::string> dumped_queries;
  /// Physical and agent claims: the behaviour and the register reading.
  std::optional<PhysicalEvidence> physical;
  /// trained_outcome claims: SUPPORTED (kind kHolds), REFUTED or MIXED
  /// (kind kFails: some declared seed yields a policy that violates G).
  std::optional<TrainedEvidence> trained;
  /// Idealized claims over a hypothesis class: the counterexample's
  /// parameters.
  std::optional<LinearWitness> witness;
  /// Idealized claims: the minimizer census.
  std::optional<Census> census;
  /// Stories: each rationale component's verdict.
  std::optional<StoryEvidence> story;
  /// Relations between two rewards: the deciding pair of policies.
  std::optional<RelationEvidence> relation;
};

const char* VerdictName(Verdict::Kind kind);  // "holds", "fails", "unknown"

/// Returns an UNKNOWN verdict saying `reason`.
Verdict UnknownVerdict(std::string reason);

}  // namespace aligncheck

#endif  // ALIGNCHECK_READINGS_VERDICT_H_

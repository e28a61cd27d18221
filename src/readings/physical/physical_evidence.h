// What the physical and agent engines report besides the verdict kind: the
// behaviour that breaks the goal, and over which behaviours a claim holds.
#ifndef ALIGNCHECK_READINGS_PHYSICAL_PHYSICAL_EVIDENCE_H_
#define ALIGNCHECK_READINGS_PHYSICAL_PHYSICAL_EVIDENCE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analysis/model.h"
#include "util/rational.h"

namespace aligncheck {

/// One behaviour: a policy plus the channels it uses.
struct Behaviour {
  Policy policy;
  std::vector<int> channels;  // indices into PhysicalModel::channels, sorted
};

/// The register reading of one behaviour and how it came about.
struct RegisterReading {
  Rational value;  // what the register holds
  /// Per input: the output the register's computation graded (a sensor
  /// channel may differ from the policy's) and the term it added.
  std::vector<uint32_t> observed;
  std::vector<Rational> terms;
  bool overwritten = false;  // the register was written, not computed
  int overwritten_by = -1;   // the channel that wrote it; -1: `implemented`
};

struct PhysicalEvidence {
  int model = -1;  // physical model id; -1 for a prediction-caring agent
  /// The bound on the reading: `below T`, or the optimum for an agent.
  Rational bound;
  /// kFails: the behaviour that reads at most `bound` and breaks the goal,
  /// its reading, the same policy's reading without channels, and the
  /// claim's own loss on the register's data, computed exactly.
  std::optional<Behaviour> behaviour;
  std::optional<RegisterReading> reading;
  std::optional<Rational> honest_reading;
  std::optional<Rational> intended_loss;
  std::vector<int8_t> breaks;  // as IdealizedCounterexample::breaks
  /// Behaviours in all (|Y|^|X| * 2^channels), and how many read at most
  /// `bound` (a lower bound when `low_capped`).
  BigInt behaviours;
  std::optional<BigInt> low;
  bool low_capped = false;
};

}  // namespace aligncheck

#endif  // ALIGNCHECK_READINGS_PHYSICAL_PHYSICAL_EVIDENCE_H_

// What a trained_outcome check attaches to a Verdict: the toy learner's
// runs, one per seed, as plain data for the reports.
#ifndef ALIGNCHECK_READINGS_TRAINED_TRAINED_EVIDENCE_H_
#define ALIGNCHECK_READINGS_TRAINED_TRAINED_EVIDENCE_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "analysis/model.h"
#include "util/rational.h"

namespace aligncheck {

/// One training run: the seed, the learned argmax (with ties) and whether
/// the goal holds for it.
struct SeedOutcome {
  int64_t seed = 0;
  /// Per input, the outputs tied for the highest score (usually one).
  std::vector<std::vector<uint32_t>> argmax;
  /// Every tie-break of the argmax satisfies the goal.
  bool achieves = false;
  /// !achieves: a tie-break that violates the goal, re-checked exactly.
  Policy violating;
  double final_loss = 0;  // expected loss of the softmax policy, float
  /// The fit, exact: L_D of the greedy policy, in the loss's own terms (for
  /// a reward its expected reward). A tie counts its worst tie-break.
  Rational greedy_loss;
  /// greedy_loss reaches the best value over all policies: training fitted
  /// its data. false with !achieves: "did not fit", not "fitted the wrong
  /// thing".
  bool converged = false;
};

/// The verdict of a trained_outcome claim on the toy learner.
struct TrainedEvidence {
  enum class Kind { kSupported, kRefuted, kMixed };
  Kind kind = Kind::kSupported;
  std::vector<SeedOutcome> seeds;
  size_t achieving = 0;
  /// Inputs of weight 0 in the training data: no gradient reaches their own
  /// parameters, so what the learner does there is inductive bias or init.
  std::vector<uint32_t> ungraded;
  /// The best L_D over all deterministic policies (for a reward: the
  /// highest expected reward), exact, and how many seeds missed it.
  Rational best_loss;
  size_t unfit = 0;
  std::string learner;                // "softmax_table over Level x Move", ...
  std::vector<std::string> evidence;  // citations, shown and not checked
};

const char* TrainedKindName(TrainedEvidence::Kind kind);  // "supported", ...

}  // namespace aligncheck

#endif  // ALIGNCHECK_READINGS_TRAINED_TRAINED_EVIDENCE_H_

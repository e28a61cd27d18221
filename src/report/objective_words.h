// The words a report uses for what a reading optimizes: a loss is
// minimized (L_D, "minimizer", "min loss"), a reward maximized (R_D,
// "maximizer", "max reward").
#ifndef ALIGNCHECK_REPORT_OBJECTIVE_WORDS_H_
#define ALIGNCHECK_REPORT_OBJECTIVE_WORDS_H_

#include <string>

#include "analysis/model.h"
#include "util/rational.h"

namespace aligncheck {

struct ObjectiveWords {
  bool reward = false;
  const char* optimizer = "minimizer";  // "maximizer"
  const char* letter = "L";             // "R": L_D, R_D
  const char* value = "loss";           // "reward"
  const char* best = "min";             // "max"

  /// A value the engine computed for the minimized loss (for a reward, -r),
  /// in the units of the declaration as written.
  Rational AsWritten(const Rational& minimized) const {
    return reward ? Rational(-minimized) : minimized;
  }
  /// "near-minimizer" or "minimizer" (or maximizer).
  std::string Optimizer(bool near) const {
    return std::string(near ? "near-" : "") + optimizer;
  }
};

inline ObjectiveWords WordsFor(const Loss& loss) {
  if (!loss.reward) return {};
  return {true, "maximizer", "R", "reward", "max"};
}

}  // namespace aligncheck

#endif  // ALIGNCHECK_REPORT_OBJECTIVE_WORDS_H_

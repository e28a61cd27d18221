// Checks every reading makes on the parts of its question before it runs:
// the same words whichever reading finds the mismatch.
#ifndef ALIGNCHECK_READINGS_PROBLEM_CHECKS_H_
#define ALIGNCHECK_READINGS_PROBLEM_CHECKS_H_

#include <cstddef>
#include <string>

#include "analysis/model.h"

namespace aligncheck {

/// Whether index `i` is within a table of `size` entries.
inline bool InRange(int i, size_t size) {
  return i >= 0 && static_cast<size_t>(i) < size;
}

/// Why `data` and `goal` do not fit `loss` (data over other inputs, or a
/// goal about policies of another type), or "" when they fit.
/// `weighs_every_input`: also require one weight per input of `n`.
std::string MismatchWithLoss(const Loss& loss, const Data& data,
                             const Goal& goal, size_t inputs,
                             bool weighs_every_input);

}  // namespace aligncheck

#endif  // ALIGNCHECK_READINGS_PROBLEM_CHECKS_H_

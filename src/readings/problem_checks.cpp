// Shared checks of a question's parts.
#include "readings/problem_checks.h"

namespace aligncheck {

std::string MismatchWithLoss(const Loss& loss, const Data& data,
                             const Goal& goal, size_t inputs,
                             bool weighs_every_input) {
  if (data.domain != loss.input ||
      (weighs_every_input ? data.weights.size() != inputs : data.total <= 0)) {
    return "data '" + data.name + "' does not weigh the inputs of loss '" +
           loss.name + "'";
  }
  if (goal.input != loss.input || goal.output != loss.output) {
    return "goal '" + goal.name +
           "' is about policies of another type than loss '" + loss.name +
           "'";
  }
  return "";
}

}  // namespace aligncheck

// Plain-text tables shared by the text reports: aligned columns, and which
// inputs of a counterexample are listed, in what order.
#ifndef ALIGNCHECK_REPORT_TABLE_TEXT_H_
#define ALIGNCHECK_REPORT_TABLE_TEXT_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace aligncheck {

/// Returns `rows` laid out as left-aligned columns two spaces apart, every
/// line starting with `indent`; trailing spaces are dropped.
std::string Columns(const std::vector<std::vector<std::string>>& rows,
                    const std::string& indent);

/// Whether `breaks` (one entry per input, possibly fewer) marks input `x` as
/// one where the goal breaks.
inline bool GoalBreaks(const std::vector<int8_t>& breaks, size_t x) {
  return x < breaks.size() && breaks[x] == 1;
}

/// The mark in the last column of a row where the goal breaks.
inline constexpr const char* kBreaksHere = "<- goal breaks here";

/// The inputs a counterexample table lists.
struct InputRows {
  /// Every input, those where the goal breaks first, each part in domain
  /// order.
  std::vector<size_t> order;
  size_t breaking = 0;  // inputs where the goal breaks: the first of order
  size_t shown = 0;     // the first `shown` of order are listed

  /// Returns the line saying how many inputs were left out, or "".
  std::string MoreLine() const;
};

/// Orders inputs 0..`inputs`-1 by `breaks` and keeps at most `max_rows`
/// (0 = all) of them.
InputRows OrderInputs(size_t inputs, const std::vector<int8_t>& breaks,
                      size_t max_rows);

/// Orders inputs 0..`inputs`-1 with `first` (distinct inputs) first, the
/// rest after them in domain order, and keeps at most `max_rows` (0 = all)
/// of them; none counts as breaking.
InputRows OrderInputsFirst(size_t inputs, const std::vector<size_t>& first,
                           size_t max_rows);

}  // namespace aligncheck

#endif  // ALIGNCHECK_REPORT_TABLE_TEXT_H_

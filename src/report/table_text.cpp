// Aligned columns and counterexample row order for the text reports.
#include "report/table_text.h"

#include <fmt/format.h>

#include <algorithm>

namespace aligncheck {

std::string Columns(const std::vector<std::vector<std::string>>& rows,
                    const std::string& indent) {
  std::vector<size_t> width;
  for (const auto& row : rows) {
    if (width.size() < row.size()) width.resize(row.size(), 0);
    for (size_t i = 0; i < row.size(); ++i) {
      width[i] = std::max(width[i], row[i].size());
    }
  }
  std::string out;
  for (const auto& row : rows) {
    std::string line = indent;
    for (size_t i = 0; i < row.size(); ++i) {
      line += row[i];
      if (i + 1 < row.size()) {
        line += std::string(width[i] - row[i].size() + 2, ' ');
      }
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
  return out;
}

std::string InputRows::MoreLine() const {
  if (shown >= order.size()) return "";
  return fmt::format(
      "    ... {} more inputs not shown (--max-rows 0 shows all)\n",
      order.size() - shown);
}

InputRows OrderInputs(size_t inputs, const std::vector<int8_t>& breaks,
                      size_t max_rows) {
  InputRows rows;
  for (size_t x = 0; x < inputs; ++x) {
    if (GoalBreaks(breaks, x)) rows.order.push_back(x);
  }
  rows.breaking = rows.order.size();
  for (size_t x = 0; x < inputs; ++x) {
    if (!GoalBreaks(breaks, x)) rows.order.push_back(x);
  }
  rows.shown = rows.order.size();
  if (max_rows != 0 && rows.shown > max_rows) {
    rows.shown = std::max(max_rows, std::min(rows.breaking, max_rows));
  }
  return rows;
}

InputRows OrderInputsFirst(size_t inputs, const std::vector<size_t>& first,
                           size_t max_rows) {
  InputRows rows;
  std::vector<bool> taken(inputs, false);
  for (size_t x : first) {
    if (x >= inputs || taken[x]) continue;
    taken[x] = true;
    rows.order.push_back(x);
  }
  for (size_t x = 0; x < inputs; ++x) {
    if (!taken[x]) rows.order.push_back(x);
  }
  rows.shown = rows.order.size();
  if (max_rows != 0 && rows.shown > max_rows) rows.shown = max_rows;
  return rows;
}

}  // namespace aligncheck

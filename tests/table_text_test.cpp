// Tests for report/table_text: aligned columns and counterexample row order.
#include "report/table_text.h"

#include <doctest/doctest.h>

namespace aligncheck {
namespace {

TEST_CASE("table text: columns are padded to the widest cell, two apart") {
  CHECK(Columns({{"input", "loss", ""}, {"x", "1/2", "<- here"}}, "  ") ==
        "  input  loss\n"
        "  x      1/2   <- here\n");
  CHECK(Columns({{"a", "bb"}, {"ccc"}}, "") == "a    bb\nccc\n");
  CHECK(Columns({}, "    ").empty());
}

TEST_CASE("table text: inputs where the goal breaks come first") {
  InputRows all = OrderInputs(5, {0, 1, -1, 1}, 0);
  CHECK(all.order == std::vector<size_t>{1, 3, 0, 2, 4});
  CHECK(all.breaking == 2);
  CHECK(all.shown == 5);
  CHECK(all.MoreLine().empty());
  CHECK(GoalBreaks({0, 1}, 1));
  CHECK(!GoalBreaks({0, 1}, 0));
  CHECK(!GoalBreaks({0, 1}, 7));
}

TEST_CASE("table text: --max-rows cuts the list and says how much") {
  InputRows cut = OrderInputs(5, {0, 1, -1, 1}, 3);
  CHECK(cut.shown == 3);
  CHECK(cut.MoreLine() ==
        "    ... 2 more inputs not shown (--max-rows 0 shows all)\n");
  CHECK(OrderInputs(3, {}, 3).MoreLine().empty());
}

TEST_CASE("table text: chosen inputs first, the rest in domain order") {
  InputRows rows = OrderInputsFirst(5, {3, 1, 3, 9}, 0);
  CHECK(rows.order == std::vector<size_t>{3, 1, 0, 2, 4});
  CHECK(rows.breaking == 0);
  CHECK(rows.shown == 5);
  CHECK(OrderInputsFirst(5, {4}, 2).shown == 2);
}

}  // namespace
}  // namespace aligncheck

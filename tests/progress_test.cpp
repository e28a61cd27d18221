// Tests of the progress line: its text, and silence off a terminal.
#include "util/progress.h"

#include <doctest/doctest.h>
#include <unistd.h>

namespace aligncheck {
namespace {

TEST_CASE("progress: the text names the work, the count and the time") {
  CHECK(ProgressText("training q", 3, 20, 4.21) ==
        "training q: 3/20 (15%), 4.2 s");
  CHECK(ProgressText("x", 0, 0, 0) == "x: 0/0 (100%), 0.0 s");
}

TEST_CASE("progress: enabled exactly when stderr is a terminal") {
  Progress p("training q", 10);
  CHECK(p.enabled() == (isatty(STDERR_FILENO) != 0));
  p.Update(1);  // within the first 2 s: never draws
}

}  // namespace
}  // namespace aligncheck

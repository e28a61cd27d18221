#include "util/parallel.h"

#include <doctest/doctest.h>

#include <atomic>
#include <stdexcept>
#include <string>
#include <vector>

namespace aligncheck {
namespace {

TEST_CASE("parallel: every index runs exactly once") {
  for (unsigned jobs : {1u, 2u, 7u, 64u}) {
    std::vector<std::atomic<int>> hits(1000);
    ParallelFor(hits.size(), jobs, [&](size_t i) { ++hits[i]; });
    for (auto& h : hits) CHECK(h.load() == 1);
  }
  ParallelFor(0, 4, [](size_t) { FAIL("no work expected"); });
}

TEST_CASE("parallel: the lowest failing index's exception is rethrown") {
  std::atomic<int> done{0};
  auto run = [&] {
    ParallelFor(100, 8, [&](size_t i) {
      ++done;
      if (i % 10 == 3) throw std::runtime_error(std::to_string(i));
    });
  };
  CHECK_THROWS_WITH_AS(run(), "3", std::runtime_error);
  CHECK(done.load() == 100);  // the others still ran
}

TEST_CASE("parallel: the default is at least one job") {
  CHECK(DefaultJobs() >= 1);
}

}  // namespace
}  // namespace aligncheck

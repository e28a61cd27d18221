// Tests for report/claim_summary: the rule id of a claim's annotation.
#include "report/claim_summary.h"

#include <doctest/doctest.h>

#include <string>

namespace aligncheck {
namespace {

std::string RuleId(Claim::Expect expect, Verdict::Kind kind) {
  Claim claim;
  claim.expect = expect;
  ClaimResult result;
  result.claim = &claim;
  result.verdict.kind = kind;
  return ClaimRuleId(result);
}

TEST_CASE("claim summary: every unexpected verdict has one rule id") {
  using E = Claim::Expect;
  using K = Verdict::Kind;
  CHECK(RuleId(E::kHolds, K::kFails) == "claim-unexpected");
  CHECK(RuleId(E::kHolds, K::kUnknown) == "claim-unexpected");
  CHECK(RuleId(E::kFails, K::kHolds) == "claim-unexpected");
  CHECK(RuleId(E::kFails, K::kUnknown) == "claim-unexpected");
  CHECK(RuleId(E::kSupported, K::kFails) == "claim-unexpected");
  CHECK(RuleId(E::kMixed, K::kHolds) == "claim-unexpected");
}

TEST_CASE("claim summary: expected verdicts and claims without expect") {
  using E = Claim::Expect;
  using K = Verdict::Kind;
  CHECK(RuleId(E::kHolds, K::kHolds) == "");
  CHECK(RuleId(E::kFails, K::kFails) == "claim-fails");
  CHECK(RuleId(E::kNone, K::kHolds) == "");
  CHECK(RuleId(E::kNone, K::kFails) == "claim-fails");
  CHECK(RuleId(E::kNone, K::kUnknown) == "claim-unknown");
}

}  // namespace
}  // namespace aligncheck

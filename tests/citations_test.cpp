// AC104: sentences that cite a claim and contradict its verdict.
#include "prose/citations.h"

#include <doctest/doctest.h>

#include "prose/patterns.h"
#include "prose_test_util.h"

namespace aligncheck::prose {
namespace {

using testing::Read;
using Outcome = ClaimVerdict::Outcome;

std::vector<ClaimVerdict> Claims() {
  return {{"coin_fails", Outcome::kFails, "FAILS", "doc.md:3:7", ""},
          {"coin_holds", Outcome::kHolds, "HOLDS", "doc.md:9:7", ""},
          {"coin_unknown", Outcome::kUnknown, "UNKNOWN", "doc.md:12:7",
           "unknown because: solver resource limit reached"},
          {"coin_mixed", Outcome::kFails, "MIXED", "doc.md:15:7", ""}};
}

// "message|span text" for each finding of `line`; a code span's finding
// points at its opening backtick.
std::vector<std::string> Findings(std::string_view line) {
  auto host = std::make_shared<SourceFile>("t.md", std::string(line));
  std::vector<std::string> out;
  for (const Diagnostic& d : CheckCitations(host, Read(line), Claims())) {
    CHECK(d.id == "AC104");
    CHECK(d.severity == Severity::kError);
    out.push_back(
        d.message + "|" +
        std::string(line.substr(d.span.begin, d.span.end - d.span.begin)));
  }
  return out;
}

Assertion Says(std::string_view sentence) {
  std::vector<Token> tokens = Tokenize(sentence);
  ClassifyVerbs(tokens);
  return SentenceAssertion(tokens, 0, tokens.size(), false);
}

TEST_CASE("citations: what a sentence asserts about a claim") {
  CHECK(Says("Claim x holds.") == Assertion::kHolds);
  CHECK(Says("As x shows, the result is verified.") == Assertion::kHolds);
  CHECK(Says("The loss is aligned with getting the coin (see x).") ==
        Assertion::kHolds);
  CHECK(Says("The loss captures what we want (x).") == Assertion::kHolds);
  CHECK(Says("We want a loss aligned with the goal (x).") == Assertion::kNone);
  CHECK(Says("Claim x fails.") == Assertion::kFails);
  CHECK(Says("Claim x does not hold.") == Assertion::kFails);
  CHECK(Says("Claim x is refuted by a counterexample.") == Assertion::kFails);
  // Not plain assertions about the verdict.
  CHECK(Says("The agent fails to get the coin (x).") == Assertion::kNone);
  CHECK(Says("Claim x does not fail.") == Assertion::kNone);
  CHECK(Says("If claim x holds, the loss is fine.") == Assertion::kNone);
  CHECK(Says("We expect claim x to hold.") == Assertion::kNone);
  CHECK(Says("Claim x might fail.") == Assertion::kNone);
  CHECK(Says("Claim x holds but claim y fails.") == Assertion::kNone);
  CHECK(Says("The loss is not aligned with the goal (x).") == Assertion::kNone);
  CHECK(Says("The loss is misaligned with the goal (x).") == Assertion::kNone);
  CHECK(Says("Claim x is about the coin.") == Assertion::kNone);
}

TEST_CASE("citations: a cited claim that fails, said to hold") {
  CHECK(Findings("The loss is aligned with the goal (see `coin_fails`).") ==
        std::vector<std::string>{
            "sentence says claim 'coin_fails' holds, but its verdict is "
            "FAILS|`"});
  CHECK(Findings("Claim coin_mixed holds.") ==
        std::vector<std::string>{
            "sentence says claim 'coin_mixed' holds, but its verdict is "
            "MIXED|coin_mixed"});
  CHECK(Findings("Claim `coin_unknown` holds.").size() == 1);
}

TEST_CASE("citations: a cited claim that holds, said to fail") {
  CHECK(Findings("As `coin_holds` shows, nothing. Claim `coin_holds` fails.") ==
        std::vector<std::string>{
            "sentence says claim 'coin_holds' fails, but its verdict is "
            "HOLDS|`"});
}

TEST_CASE("citations: consistent, hedged, quoted or ambiguous sentences") {
  CHECK(Findings("Claim `coin_fails` fails, as expected.").empty());
  CHECK(Findings("Claim `coin_holds` holds.").empty());
  CHECK(Findings("Claim `coin_unknown` fails.").empty());
  CHECK(Findings("Does `coin_fails` hold?").empty());
  CHECK(Findings("> Claim `coin_fails` holds.").empty());
  CHECK(Findings("Claim `coin_fails` holds and `coin_holds` fails.").empty());
  CHECK(Findings("Claim `coin_failsafe` holds.").empty());
  CHECK(Findings("Nothing here names a claim, and it holds.").empty());
}

TEST_CASE("citations: a plain word cites only when it cannot be English") {
  std::vector<ClaimVerdict> claims = {
      {"broad", Outcome::kFails, "FAILS", "doc.md:3:7", ""}};
  auto found = [&](const std::string& line) {
    auto host = std::make_shared<SourceFile>("t.md", line);
    return CheckCitations(host, Read(line), claims).size();
  };
  CHECK(found("The broad view holds up well.") == 0);
  CHECK(found("Claim broad holds.") == 1);
  CHECK(found("The result `broad` holds.") == 1);
  CHECK(Findings("The result coin_fails holds.").size() == 1);
}

TEST_CASE("citations: the notes give the verdict and where the claim is") {
  std::string line = "Claim `coin_unknown` holds.";
  auto host = std::make_shared<SourceFile>("t.md", line);
  std::vector<Diagnostic> found = CheckCitations(host, Read(line), Claims());
  REQUIRE(found.size() == 1);
  CHECK(found[0].notes ==
        std::vector<std::string>{
            "claim 'coin_unknown' (UNKNOWN) is declared at doc.md:12:7",
            "unknown because: solver resource limit reached"});
}

TEST_CASE("citations: the prefilter looks for claim names") {
  CHECK(MayCite("see coin_fails here", Claims()));
  CHECK(!MayCite("nothing to see", Claims()));
}

}  // namespace
}  // namespace aligncheck::prose

// Unit tests of the relation engine (readings/relations): the frontier
// search against brute force over every pair of policies on hundreds of
// random small tables, the cleaning robot of Skalse et al. 2022, and limits.
#include "readings/relations/relations.h"

#include <doctest/doctest.h>

#include <map>
#include <random>
#include <string>

#include "engine_test_util.h"
#include "load_spec.h"
#include "readings/check.h"

namespace aligncheck {
namespace {

using namespace test;  // NOLINT
using Finding = RelationEvidence::Finding;
using Relation = ast::ClaimDecl::Relation;

// Every policy of an n x m table with its exact J_truth and J_proxy, in
// reward units, straight from the definition.
struct Enumerated {
  std::vector<Policy> policies;
  std::vector<Rational> truth, proxy;
};

Enumerated Enumerate(const Model& model, const Claim& claim) {
  const Loss& t = model.losses[claim.truth];
  const Loss& p = model.losses[claim.loss];
  const Data& d = model.data[claim.data];
  const size_t n = model.domains[t.input].size();
  const size_t m = model.domains[t.output].size();
  Enumerated out;
  Policy pi(n, 0);
  for (;;) {
    Rational jt = 0, jp = 0;
    for (size_t x = 0; x < n; ++x) {
      Rational w = d.weights[x] / d.total;
      jt += w * t.At(x, pi[x], m);
      jp += w * p.At(x, pi[x], m);
    }
    out.policies.push_back(pi);
    out.truth.push_back(t.reward ? jt : Rational(-jt));
    out.proxy.push_back(p.reward ? jp : Rational(-jp));
    size_t x = 0;
    while (x < n && ++pi[x] == m) pi[x++] = 0;
    if (x == n) break;
  }
  return out;
}

// Brute force over all ordered pairs: is there a pair in each region?
struct Exists {
  bool reversed = false;       // dT > 0, dP < 0
  bool not_preserved = false;  // dT >= 0, dP < 0
  bool tie_made = false;       // dT > 0, dP == 0
};

Exists BruteForce(const Enumerated& e) {
  Exists out;
  for (size_t i = 0; i < e.policies.size(); ++i) {
    for (size_t j = 0; j < e.policies.size(); ++j) {
      Rational dt = e.truth[j] - e.truth[i];
      Rational dp = e.proxy[j] - e.proxy[i];
      out.reversed = out.reversed || (dt > 0 && dp < 0);
      out.not_preserved = out.not_preserved || (dt >= 0 && dp < 0);
      out.tie_made = out.tie_made || (dt > 0 && dp == 0);
    }
  }
  return out;
}

class RandomRewards {
 public:
  explicit RandomRewards(uint32_t seed) : rng_(seed) {}
  int Pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }

  // Two random rewards (or losses) on an n x m table with random weights,
  // and a relation claim between them. Values come from a small set so
  // that ties, equal differences and zero weights are common.
  Builder Make(Relation relation) {
    Builder b;
    size_t n = static_cast<size_t>(Pick(5));  // 0..4 inputs
    size_t m = 1 + static_cast<size_t>(Pick(3));
    DomainId x = b.AddDomain("X", n, "x");
    DomainId y = b.AddDomain("Y", m, "y");
    static const char* kValues[] = {"0", "1", "2", "1/2", "3", "-1", "3/2"};
    std::vector<Rational> t, p;
    for (size_t i = 0; i < n * m; ++i) {
      t.push_back(Q(kValues[Pick(7)]));
      // Half the time the proxy is a coarsening-like edit of the truth.
      p.push_back(Pick(2) ? t.back() : Q(kValues[Pick(7)]));
    }
    int truth = b.AddLoss("truth", x, y, t);
    int proxy = b.AddLoss("proxy", x, y, p);
    b.model.losses[truth].reward = Pick(2) == 1;
    b.model.losses[proxy].reward = Pick(2) == 1;
    std::vector<Rational> w;
    static const char* kWeights[] = {"1", "2", "0", "1/3", "1"};
    for (size_t i = 0; i < n; ++i) w.push_back(Q(kWeights[Pick(5)]));
    Rational total = 0;
    for (const Rational& q : w) total += q;
    if (total == 0) w.assign(n, Rational(1));
    if (n == 0) w.clear();
    int data = b.AddData("d", x, w);
    if (n == 0) b.model.data[data].total = 1;
    Claim& c = b.AddClaim("c", proxy, -1, data);
    c.reading = Claim::Reading::kRelation;
    c.relation = relation;
    c.truth = truth;
    return b;
  }

 private:
  std::mt19937 rng_;
};

TEST_CASE("relations: the frontier search agrees with brute force") {
  RandomRewards gen(20221015);
  int hackable = 0, simplifications = 0, tie_broken = 0, equivalent = 0;
  std::map<std::string, int> methods;  // how each search was decided
  for (int round = 0; round < 600; ++round) {
    Relation relation =
        round % 2 ? Relation::kSimplifies : Relation::kUnhackableWith;
    Builder b = gen.Make(relation);
    const Claim& claim = b.model.claims.back();
    CAPTURE(round);
    Enumerated e = Enumerate(b.model, claim);
    Exists truth = BruteForce(e);

    std::string error;
    OptionTable table = RelationTable(b.model, claim, &error);
    REQUIRE(error.empty());
    // Each region on its own: found exactly when brute force finds one,
    // and the pair found lies in the region.
    struct Case {
      PairRegion region;
      bool exists;
    };
    std::vector<Case> cases = {
        {PairRegion::kReversed, truth.reversed},
        {PairRegion::kNotPreserved, truth.not_preserved}};
    if (!truth.not_preserved) {
      cases.push_back({PairRegion::kTieMade, truth.tie_made});
    }
    for (const Case& c : cases) {
      PairSearch s = FindPolicyPair(table, c.region);
      REQUIRE(s.kind != PairSearch::Kind::kTooLarge);
      ++methods[s.method];
      CHECK((s.kind == PairSearch::Kind::kFound) == c.exists);
      if (s.kind != PairSearch::Kind::kFound) continue;
      // Find the two policies' values by enumeration index.
      auto index = [&](const Policy& pi) {
        for (size_t i = 0; i < e.policies.size(); ++i)
          if (e.policies[i] == pi) return i;
        FAIL("policy not enumerated");
        return size_t{0};
      };
      size_t i = index(s.p), j = index(s.q);
      Rational dt = e.truth[j] - e.truth[i], dp = e.proxy[j] - e.proxy[i];
      if (c.region == PairRegion::kReversed) CHECK((dt > 0 && dp < 0));
      if (c.region == PairRegion::kNotPreserved) CHECK((dt >= 0 && dp < 0));
      if (c.region == PairRegion::kTieMade) CHECK((dt > 0 && dp == 0));
    }

    // The claim's verdict.
    Verdict v = CheckRelationClaim(b.model, claim, EngineOptions());
    REQUIRE(v.kind != Verdict::Kind::kUnknown);
    REQUIRE(v.relation());
    if (relation == Relation::kUnhackableWith) {
      CHECK((v.kind == Verdict::Kind::kFails) == truth.reversed);
      hackable += truth.reversed;
    } else {
      bool is_simplification = !truth.not_preserved && truth.tie_made;
      CHECK((v.kind == Verdict::Kind::kHolds) == is_simplification);
      simplifications += is_simplification;
      tie_broken += v.relation()->finding == Finding::kTieBroken;
      equivalent += v.relation()->finding == Finding::kNoTieMade;
    }
    if (v.relation()->p) {
      // The values printed are the values of the policies printed.
      size_t i = 0, j = 0;
      for (size_t k = 0; k < e.policies.size(); ++k) {
        if (e.policies[k] == v.relation()->p->policy) i = k;
        if (e.policies[k] == v.relation()->q->policy) j = k;
      }
      CHECK(v.relation()->p->truth == e.truth[i]);
      CHECK(v.relation()->p->proxy == e.proxy[i]);
      CHECK(v.relation()->q->truth == e.truth[j]);
      CHECK(v.relation()->q->proxy == e.proxy[j]);
    }
  }
  // The random cases exercise every outcome.
  CHECK(hackable > 20);
  CHECK(simplifications >= 5);
  CHECK(tie_broken > 10);
  CHECK(equivalent > 5);
  // And every way of deciding: the frontier and each shortcut.
  CAPTURE(methods.size());
  CHECK(methods["pareto frontier of per-input differences"] > 100);
  CHECK(methods["proportional differences"] > 10);
  CHECK(methods["a constant reward"] > 10);
  CHECK(methods["a gap argument"] > 5);
}

TEST_CASE("relations: a combination of inputs can reverse an order") {
  // No single input has options whose truth and proxy differences have
  // opposite signs, yet two inputs together do: (2, 1) + (-1, -2).
  OptionTable table = {
      {{Q("0"), Q("0")}, {Q("2"), Q("1")}},
      {{Q("0"), Q("0")}, {Q("1"), Q("2")}},
  };
  PairSearch s = FindPolicyPair(table, PairRegion::kReversed);
  REQUIRE(s.kind == PairSearch::Kind::kFound);
  CHECK(s.p == Policy{0, 1});
  CHECK(s.q == Policy{1, 0});
  // Proportional differences never do.
  OptionTable scaled = {
      {{Q("0"), Q("0")}, {Q("2"), Q("1")}},
      {{Q("0"), Q("0")}, {Q("4"), Q("2")}},
  };
  CHECK(FindPolicyPair(scaled, PairRegion::kReversed).kind ==
        PairSearch::Kind::kNone);
  // A frontier past the limit is reported, not truncated.
  CHECK(FindPolicyPair(scaled, PairRegion::kReversed).method ==
        std::string("proportional differences"));
  CHECK(FindPolicyPair(table, PairRegion::kReversed, 0).kind ==
        PairSearch::Kind::kTooLarge);
  // A proxy that follows the truth up to noise below the truth's
  // resolution: 40 inputs of 5 options with truth values up to 10^5 have
  // far too many distinct sums for a frontier, but dT > 0 means dT >= 1,
  // which the proxy weighs 1000 times, against noise of at most 40 * 9.
  std::mt19937 rng(7);
  OptionTable noisy(40);
  for (std::vector<OptionValue>& options : noisy) {
    for (int y = 0; y < 5; ++y) {
      Rational t(static_cast<long>(rng() % 100000));
      Rational noise(static_cast<long>(rng() % 10));
      options.push_back({t, 1000 * t + noise});
    }
  }
  PairSearch gap = FindPolicyPair(noisy, PairRegion::kReversed);
  CHECK(gap.kind == PairSearch::Kind::kNone);
  CHECK(gap.method == std::string("a gap argument"));
}

TEST_CASE("relations: the cleaning robot of Skalse et al. 2022") {
  std::string errors;
  std::optional<Model> m = LoadSpec(R"(
domain Room = {attic, bedroom, kitchen}
domain Act = {clean, skip}
data rooms = Room
reward every_room(x: Room, y: Act) = if y == clean then 1 else 0
reward no_kitchen(x: Room, y: Act) = if y == clean and x != kitchen then 1 else 0
reward attic_only(x: Room, y: Act) = if y == clean and x == attic then 1 else 0
reward graded(x: Room, y: Act) = table {
  attic: clean 1, skip 0
  bedroom: clean 1.5, skip 0
  kitchen: clean 2, skip 0
}
reward steep(x: Room, y: Act) = table {
  attic: clean 1, skip 0
  bedroom: clean 1.5, skip 0
  kitchen: clean 3, skip 0
}
loss rooms_left(x: Room, y: Act) = if y == skip then 1 else 0
claim a: no_kitchen unhackable_with every_room over rooms
claim b: attic_only unhackable_with every_room over rooms
claim c: every_room unhackable_with graded over rooms
claim d: every_room unhackable_with steep over rooms
claim e: every_room simplifies graded over rooms
claim f: no_kitchen simplifies every_room over rooms
claim g: rooms_left simplifies every_room over rooms
claim h: steep unhackable_with rooms_left over rooms
)",
                                    &errors);
  REQUIRE_MESSAGE(m, errors);
  EngineOptions options;
  auto verdict = [&](const char* name) {
    return CheckClaim(*m, ClaimNamed(*m, name), options);
  };
  CHECK(verdict("a").kind == Verdict::Kind::kHolds);
  CHECK(verdict("c").kind == Verdict::Kind::kHolds);
  CHECK(verdict("e").kind == Verdict::Kind::kHolds);
  CHECK(verdict("e").relation()->finding == Finding::kTieMade);
  CHECK(verdict("f").relation()->finding == Finding::kTieBroken);
  CHECK(verdict("g").relation()->finding == Finding::kNoTieMade);
  CHECK(verdict("h").kind == Verdict::Kind::kFails);  // a loss is -reward

  Verdict b = verdict("b");
  REQUIRE(b.kind == Verdict::Kind::kFails);
  REQUIRE(b.relation()->p);
  // Cleaning the attic only against cleaning bedroom and kitchen.
  CHECK(b.relation()->p->policy == Policy{0, 1, 1});
  CHECK(b.relation()->q->policy == Policy{1, 0, 0});
  CHECK(b.relation()->p->truth == Rational(1, 3));
  CHECK(b.relation()->q->truth == Rational(2, 3));
  CHECK(b.relation()->p->proxy == Rational(1, 3));
  CHECK(b.relation()->q->proxy == 0);

  Verdict d = verdict("d");
  REQUIRE(d.kind == Verdict::Kind::kFails);
  // Attic and bedroom (2.5 of the truth, 2 rooms) against the kitchen
  // alone (3, 1 room).
  CHECK(d.relation()->p->policy == Policy{0, 0, 1});
  CHECK(d.relation()->q->policy == Policy{1, 1, 0});
  CHECK(d.relation()->p->truth == Rational(5, 6));
  CHECK(d.relation()->q->truth == 1);
  CHECK(d.relation()->policies == 8);
}

}  // namespace
}  // namespace aligncheck

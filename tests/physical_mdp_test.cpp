// The physical reading over an mdp and its agents: observed rewards on a
// hand-checked model, and a differential test of the engine against
// brute force over every behaviour (policy x channel subset).
#include "readings/physical_mdp/physical_mdp.h"

#include <doctest/doctest.h>

#include <random>
#include <sstream>
#include <string>

#include "analysis/eval.h"
#include "load_spec.h"
#include "mdp/returns.h"
#include "readings/physical_mdp/observed_reward.h"

namespace aligncheck {
namespace {

using test::ClaimNamed;
using test::LoadSpec;

const char* kDesk = R"(
domain Desk = {todo, done}
domain Act  = {work, hack, idle}
mdp office {
  states Desk   actions Act   start todo   discount 0.5
  next(s, a) = if a == work or s == done then done else todo
}
reward progress(s: Desk, a: Act, s2: Desk) = if s2 == done then 1 else 0
goal works(pi) = prob(office, pi, eventually state == done) == 1
physical p {
  register computes progress on office
  channel code when action == hack: progress(s, a, s2) := 3
  channel write when action == idle: register := 2
  channel seen when action == hack: sensor(x) := done
}
physical sealed {
  register computes progress on office
  closed
}
agent wire cares_about register in p
agent honest cares_about predictions of progress
claim c: progress aligned_with works as physical_only via p above 1.5
claim sealed_c: progress aligned_with works as physical_only via sealed above 1.5
claim none_c: progress aligned_with works as physical_only via p above 7
claim w: wire achieves works
claim h: honest achieves works
)";

TEST_CASE("physical mdp: observed reward per channel subset") {
  std::string errors;
  std::optional<Model> model = LoadSpec(kDesk, &errors);
  REQUIRE_MESSAGE(model, errors);
  const PhysicalModel& p = model->physical[0];
  const Mdp& m = model->mdps[0].mdp;
  std::string error;
  auto sites = ChannelSites(*model, p, &error);
  REQUIRE(error.empty());
  REQUIRE(sites.size() == 3);
  CHECK(sites[0][m.Choice(0, 1)]);
  CHECK_FALSE(sites[0][m.Choice(0, 0)]);
  // No channel: 1 on entering done, else 0.
  Reward none = ObservedReward(*model, p, sites, 0, &error);
  Reward code = ObservedReward(*model, p, sites, 1, &error);
  Reward write = ObservedReward(*model, p, sites, 2, &error);
  Reward seen = ObservedReward(*model, p, sites, 4, &error);
  Reward code_seen = ObservedReward(*model, p, sites, 5, &error);
  REQUIRE(error.empty());
  size_t hack = m.begin[m.Choice(0, 1)];  // todo --hack--> todo
  size_t idle = m.begin[m.Choice(0, 2)];  // todo --idle--> todo
  size_t work = m.begin[m.Choice(0, 0)];  // todo --work--> done
  CHECK(none.value[hack] == 0);
  CHECK(none.value[work] == 1);
  CHECK(code.value[hack] == 3);
  CHECK(code.value[work] == 1);
  CHECK(write.value[idle] == 2);
  CHECK(write.value[hack] == 0);
  CHECK(seen.value[hack] == 1);  // the sensor reports done
  CHECK(code_seen.value[hack] == 3);
}

TEST_CASE("physical mdp: verdicts on the desk") {
  std::optional<Model> model = LoadSpec(kDesk);
  REQUIRE(model);
  Verdict c = CheckPhysicalMdp(*model, ClaimNamed(*model, "c"), {});
  CHECK(c.kind == Verdict::Kind::kFails);
  REQUIRE(c.physical_mdp());
  CHECK(c.physical_mdp()->channels == std::vector<int>{0});  // code: 3/step
  CHECK(c.physical_mdp()->observed == 6);
  CHECK(c.physical_mdp()->honest == 0);
  Verdict sealed = CheckPhysicalMdp(*model, ClaimNamed(*model, "sealed_c"), {});
  CHECK(sealed.kind == Verdict::Kind::kHolds);
  CHECK_FALSE(sealed.vacuous);
  Verdict none = CheckPhysicalMdp(*model, ClaimNamed(*model, "none_c"), {});
  CHECK(none.kind == Verdict::Kind::kHolds);
  CHECK(none.vacuous);
  CHECK(none.physical_mdp()->unreachable);
  Verdict w = CheckMdpAgent(*model, ClaimNamed(*model, "w"), {});
  CHECK(w.kind == Verdict::Kind::kFails);
  CHECK(w.physical_mdp()->bound == 6);
  Verdict h = CheckMdpAgent(*model, ClaimNamed(*model, "h"), {});
  CHECK(h.kind == Verdict::Kind::kHolds);
  CHECK(h.physical_mdp()->bound == 2);
}

// Random small models: 2-4 states, 2-3 actions, deterministic or
// stochastic moves, up to 3 channels of every kind with random `when`.
std::string RandomSpec(uint32_t seed, bool reward_register) {
  std::mt19937 rng(seed);
  auto pick = [&](int n) { return static_cast<int>(rng() % n); };
  int n = 2 + pick(3), k = 2 + pick(2);
  std::ostringstream s;
  s << "domain S = {";
  for (int i = 0; i < n; ++i) s << (i ? ", " : "") << "s" << i;
  s << "}\ndomain A = {";
  for (int i = 0; i < k; ++i) s << (i ? ", " : "") << "a" << i;
  s << "}\nmdp M {\n  states S  actions A  start s0  discount 0.5\n";
  s << "  next = table {\n";
  for (int i = 0; i < n; ++i) {
    s << "    s" << i << ":";
    for (int a = 0; a < k; ++a) {
      int t = pick(n), u = pick(n);
      s << (a ? "," : "") << " a" << a << " ";
      if (t != u && pick(3) == 0) {
        s << "{s" << t << ": 0.5, s" << u << ": 0.5}";
      } else {
        s << "s" << t;
      }
    }
    s << "\n";
  }
  s << "  }\n}\n";
  auto table = [&](const char* name) {
    s << (reward_register ? "reward " : "loss ") << name
      << "(s: S, a: A) = table {\n";
    for (int i = 0; i < n; ++i) {
      s << "  s" << i << ":";
      for (int a = 0; a < k; ++a)
        s << (a ? "," : "") << " a" << a << " " << pick(4);
      s << "\n";
    }
    s << "}\n";
  };
  table("r");
  table("truth");
  s << "goal g(pi) = return(M, pi, truth) " << (reward_register ? ">= " : "<= ")
    << pick(5)
    << (pick(2) ? " and prob(M, pi, eventually state == s1) >= 0.5" : "")
    << "\n";
  int channels = pick(4);
  s << "physical P {\n  register computes r on M\n";
  if (channels == 0) s << "  closed\n";
  for (int c = 0; c < channels; ++c) {
    s << "  channel c" << c;
    if (pick(3) != 0) {
      s << " when " << (pick(2) ? "state == s" : "action == a")
        << (pick(2) ? 0 : 1);
    }
    switch (pick(3)) {
      case 0:
        s << ": register := " << pick(6) << "\n";
        break;
      case 1:
        s << ": r(x, y) := if x == s0 then " << pick(6) << " else 1\n";
        break;
      default:
        s << ": sensor(x) := s" << pick(n) << "\n";
        break;
    }
  }
  s << "}\n";
  s << "agent ag cares_about register in P\n";
  s << "claim c: r aligned_with g as physical_only via P "
    << (reward_register ? "above " : "below ") << pick(10) << "\n";
  s << "claim ac: ag achieves g\n";
  return s.str();
}

/// Brute force: every policy and channel subset, returns by exact policy
/// evaluation, the goal by the reference evaluator. `bound` (maximized
/// units) nullopt: the agent's optimum.
struct Oracle {
  bool holds = true;
  bool reachable = false;
  Rational best;
};

Oracle BruteForce(const Model& model, const Claim& claim, bool agent) {
  const PhysicalModel& p = model.physical[0];
  const Mdp& m = model.mdps[0].mdp;
  const Loss& reg = model.losses[p.register_loss];
  std::string error;
  auto sites = ChannelSites(model, p, &error);
  std::vector<std::pair<Policy, Rational>> all;  // policy, observed (max)
  for (uint32_t used = 0; used < (1u << p.channels.size()); ++used) {
    Reward r = ObservedReward(model, p, sites, used, &error);
    Policy pi(m.states, 0);
    for (;;) {
      Rational v = FromStart(m, PolicyValues(m, r, pi));
      all.push_back({pi, reg.reward ? v : Rational(-v)});
      size_t i = 0;
      for (; i < m.states; ++i) {
        if (++pi[i] < m.actions) break;
        pi[i] = 0;
      }
      if (i == m.states) break;
    }
  }
  Oracle o;
  o.best = all.front().second;
  for (const auto& [pi, v] : all) o.best = std::max(o.best, v);
  Rational bound =
      agent ? o.best : (reg.reward ? claim.threshold : -claim.threshold);
  for (const auto& [pi, v] : all) {
    if (v < bound) continue;
    o.reachable = true;
    Evaluator eval(model, &pi);
    eval.SetTerminal(&m.terminal);
    if (!eval.GoalHolds(model.goals[0])) o.holds = false;
  }
  return o;
}

TEST_CASE("physical mdp differential: random models against brute force") {
  int fails = 0, holds = 0, vacuous = 0, models = 0;
  for (uint32_t seed = 1; seed <= 300; ++seed) {
    std::string text = RandomSpec(seed, seed % 3 != 0);
    std::string errors;
    std::optional<Model> model = LoadSpec(text, &errors);
    REQUIRE_MESSAGE(model, (text + errors));
    ++models;
    INFO(text);
    for (const Claim& claim : model->claims) {
      bool agent = claim.reading == Claim::Reading::kMdpAgent;
      REQUIRE((agent || claim.reading == Claim::Reading::kMdpPhysical));
      Verdict v = agent ? CheckMdpAgent(*model, claim, {})
                        : CheckPhysicalMdp(*model, claim, {});
      REQUIRE(v.kind != Verdict::Kind::kUnknown);
      Oracle o = BruteForce(*model, claim, agent);
      CHECK((v.kind == Verdict::Kind::kHolds) == o.holds);
      if (!agent) {
        CHECK(v.physical_mdp()->unreachable == !o.reachable);
      }
      if (v.kind == Verdict::Kind::kFails) {
        ++fails;
      } else {
        ++holds;
        if (!o.reachable) ++vacuous;
      }
    }
  }
  MESSAGE(models << " models: " << holds << " holds (" << vacuous
                 << " unreachable), " << fails << " fails");
  CHECK(fails > 50);
  CHECK(holds > 50);
}

}  // namespace
}  // namespace aligncheck

namespace aligncheck {
namespace {

TEST_CASE("physical mdp: misuse is a located error") {
  std::string errors;
  CHECK_FALSE(test::LoadSpec(R"(domain X = {a, b}
domain Y = {u, v}
loss l(x: X, y: Y) = if y == u then 0 else 1
data d = X
goal g(pi) = forall x in X: pi(x) == u
physical m {
  register computes l on d
  channel c when x == a: register := 0
}
)",
                             &errors));
  CHECK(errors.find("spec.align:8:18: error: a `when` condition is over an "
                    "mdp's state and action, and physical model 'm' "
                    "computes its register on data [E005]") !=
        std::string::npos);
  CHECK_FALSE(test::LoadSpec(std::string(kDesk) + R"(
claim wrong_word: progress aligned_with works as physical_only via p below 1
)",
                             &errors));
  CHECK(errors.find("physical model 'p' observes the reward 'progress': its "
                    "claims say `above T` [E005]") != std::string::npos);
}

}  // namespace
}  // namespace aligncheck

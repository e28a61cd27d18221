// `aligncheck export --format drn`: the text is read back by a small parser
// of the DRN grammar (as Storm's DirectEncodingParser reads it) and compared
// with the resolved mdp, exactly.
#include "report/drn_export.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "analysis/eval.h"
#include "cli_test_util.h"
#include "load_spec.h"
#include "util/rational.h"

namespace aligncheck {
namespace {

namespace fs = std::filesystem;

struct DrnChoice {
  std::string action;
  bool has_reward = false;
  Rational reward;
  std::vector<std::pair<size_t, Rational>> targets;
};

struct DrnState {
  std::vector<std::string> labels;
  std::vector<DrnChoice> choices;
};

struct Drn {
  std::string type, value_type;
  std::vector<std::string> reward_models;
  size_t nr_states = 0, nr_choices = 0;
  std::vector<DrnState> states;
};

std::vector<std::string> Words(const std::string& line) {
  std::istringstream in(line);
  std::vector<std::string> out;
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

// Storm's rational syntax: an integer or p/q.
Rational Number(const std::string& text) {
  REQUIRE_MESSAGE(text.find_first_not_of("-0123456789/") == std::string::npos,
                  text);
  Rational q(text);
  REQUIRE(q.get_den() != 0);
  q.canonicalize();
  return q;
}

// Parses `text` as DRN; every malformed line fails the test.
Drn ParseDrn(const std::string& text) {
  Drn drn;
  std::istringstream in(text);
  std::string line;
  bool header = true;
  while (std::getline(in, line)) {
    if (line.empty() || line.rfind("//", 0) == 0) continue;
    if (header) {
      if (line.rfind("@type: ", 0) == 0) {
        drn.type = line.substr(7);
      } else if (line.rfind("@value_type: ", 0) == 0) {
        drn.value_type = line.substr(13);
      } else if (line == "@parameters") {
        REQUIRE(std::getline(in, line));
        CHECK(line.empty());  // no parameters
      } else if (line == "@reward_models") {
        REQUIRE(std::getline(in, line));
        drn.reward_models = Words(line);
      } else if (line == "@nr_states") {
        REQUIRE(std::getline(in, line));
        drn.nr_states = std::stoul(line);
      } else if (line == "@nr_choices") {
        REQUIRE(std::getline(in, line));
        drn.nr_choices = std::stoul(line);
      } else if (line == "@model") {
        header = false;
      } else {
        FAIL("unexpected header line: " << line);
      }
      continue;
    }
    if (line.rfind("state ", 0) == 0) {
      std::vector<std::string> w = Words(line);
      REQUIRE(std::stoul(w[1]) == drn.states.size());  // in order, no gaps
      DrnState s;
      s.labels.assign(w.begin() + 2, w.end());
      drn.states.push_back(s);
    } else if (line.rfind("\taction ", 0) == 0) {
      REQUIRE(!drn.states.empty());
      std::vector<std::string> w = Words(line);
      REQUIRE((w.size() == 2 || w.size() == 3));
      DrnChoice c;
      c.action = w[1];
      if (w.size() == 3) {
        REQUIRE(w[2].front() == '[');
        REQUIRE(w[2].back() == ']');
        c.has_reward = true;
        c.reward = Number(w[2].substr(1, w[2].size() - 2));
      }
      drn.states.back().choices.push_back(c);
    } else if (line.rfind("\t\t", 0) == 0) {
      REQUIRE(!drn.states.empty());
      REQUIRE(!drn.states.back().choices.empty());
      // Storm splits at ':' and expects exactly one blank on each side.
      size_t colon = line.find(" : ");
      REQUIRE(colon != std::string::npos);
      size_t target = std::stoul(line.substr(2, colon - 2));
      Rational p = Number(line.substr(colon + 3));
      drn.states.back().choices.back().targets.push_back({target, p});
    } else {
      FAIL("unexpected model line: " << line);
    }
  }
  return drn;
}

bool HasLabel(const DrnState& s, const std::string& label) {
  for (const std::string& l : s.labels) {
    if (l == label) return true;
  }
  return false;
}

// The well-formedness Storm checks, plus exact sums.
void CheckWellFormed(const Drn& drn) {
  CHECK(drn.type == "MDP");
  CHECK(drn.value_type == "rational");
  REQUIRE(drn.states.size() == drn.nr_states);
  size_t choices = 0;
  for (const DrnState& s : drn.states) {
    REQUIRE(!s.choices.empty());
    for (const DrnChoice& c : s.choices) {
      ++choices;
      Rational sum = 0;
      size_t last = 0;
      for (size_t i = 0; i < c.targets.size(); ++i) {
        CHECK(c.targets[i].first < drn.nr_states);
        if (i > 0) CHECK(c.targets[i].first > last);  // ascending, merged
        last = c.targets[i].first;
        CHECK(sgn(c.targets[i].second) > 0);
        sum += c.targets[i].second;
      }
      CHECK(sum == 1);
      CHECK(c.has_reward == !drn.reward_models.empty());
    }
  }
  CHECK(choices == drn.nr_choices);
}

// Compares `drn` with `m` and, when given, the expected action rewards of
// `reward`: P(s2 | s, a) per choice, labels, terminal self-loops.
void CheckAgainst(const Drn& drn, const MdpModel& model, const Loss* reward) {
  const Mdp& m = model.mdp;
  size_t starts = 0;
  for (size_t s = 0; s < m.states; ++s) starts += sgn(m.start[s]) > 0;
  REQUIRE(drn.nr_states == m.states + (starts == 1 ? 0 : 1));
  Reward r;
  if (reward != nullptr) r = TransitionReward(m, *reward);
  for (size_t s = 0; s < m.states; ++s) {
    const DrnState& ds = drn.states[s];
    CHECK(HasLabel(ds, m.StateName(s)));
    CHECK(HasLabel(ds, "init") == (starts == 1 && sgn(m.start[s]) > 0));
    CHECK(HasLabel(ds, "terminal") == m.terminal[s]);
    if (m.terminal[s]) {
      REQUIRE(ds.choices.size() == 1);
      CHECK(ds.choices[0].action == "__NOLABEL__");
      REQUIRE(ds.choices[0].targets.size() == 1);
      CHECK(ds.choices[0].targets[0].first == s);
      if (reward != nullptr) CHECK(ds.choices[0].reward == 0);
      continue;
    }
    REQUIRE(ds.choices.size() == m.actions);
    for (size_t a = 0; a < m.actions; ++a) {
      const DrnChoice& c = ds.choices[a];
      CHECK(c.action == m.ActionName(a));
      std::map<size_t, Rational> want;
      Rational expected = 0;
      size_t ch = m.Choice(s, a);
      for (uint32_t k = m.begin[ch]; k < m.begin[ch + 1]; ++k) {
        want[m.succ[k].state] += m.succ[k].prob;
        if (reward != nullptr) expected += m.succ[k].prob * r.value[k];
      }
      std::map<size_t, Rational> got(c.targets.begin(), c.targets.end());
      CHECK(got == want);
      if (reward != nullptr) CHECK(c.reward == expected);
    }
  }
  if (starts != 1) {
    const DrnState& extra = drn.states[m.states];
    CHECK(extra.labels == std::vector<std::string>{"init"});
    REQUIRE(extra.choices.size() == 1);
    std::map<size_t, Rational> want;
    for (size_t s = 0; s < m.states; ++s) {
      if (sgn(m.start[s]) > 0) want[s] = m.start[s];
    }
    std::map<size_t, Rational> got(extra.choices[0].targets.begin(),
                                   extra.choices[0].targets.end());
    CHECK(got == want);
  }
}

std::string ReadSpec(const std::string& name) {
  std::ifstream in(fs::path(ALIGNCHECK_SOURCE_DIR) / "specs" / name);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

const Loss& LossNamed(const Model& model, const std::string& name) {
  for (const Loss& l : model.losses) {
    if (l.name == name) return l;
  }
  throw std::runtime_error("no loss " + name);
}

TEST_CASE("drn export: boat race, a deterministic mdp and a state-action reward") {
  std::string errors;
  std::optional<Model> model = test::LoadSpec(ReadSpec("boat_race.align"), &errors);
  REQUIRE_MESSAGE(model, errors);
  const Loss& reward = LossNamed(*model, "checkpoint");
  std::string error;
  std::string text = RenderDrn(model->mdps[0], &reward, "boat_race.align", &error);
  REQUIRE(error.empty());
  Drn drn = ParseDrn(text);
  CheckWellFormed(drn);
  CheckAgainst(drn, model->mdps[0], &reward);
  CHECK(drn.reward_models == std::vector<std::string>{"checkpoint"});
  CHECK(drn.nr_states == 4);
  CHECK(drn.nr_choices == 8);
  CHECK(HasLabel(drn.states[0], "init"));
  CHECK(drn.states[0].choices[0].reward == 3);  // t0, cw
  CHECK(text.find("// discount 9/10") != std::string::npos);
  // Without a reward: no reward model, no brackets.
  Drn bare = ParseDrn(RenderDrn(model->mdps[0], nullptr, "b", &error));
  CheckWellFormed(bare);
  CheckAgainst(bare, model->mdps[0], nullptr);
}

TEST_CASE("drn export: a slippery grid with terminal states and r(s, a, s2)") {
  std::string errors;
  std::optional<Model> model = test::LoadSpec(ReadSpec("lava_walk.align"), &errors);
  REQUIRE_MESSAGE(model, errors);
  const MdpModel& walk = model->mdps[0];
  const Loss& reward = LossNamed(*model, "arrive");
  REQUIRE(reward.successor != kNoDomain);
  std::string error;
  std::string text = RenderDrn(walk, &reward, "lava_walk.align", &error);
  REQUIRE(error.empty());
  Drn drn = ParseDrn(text);
  CheckWellFormed(drn);
  CheckAgainst(drn, walk, &reward);
  size_t terminals = 0, stochastic = 0;
  for (const DrnState& s : drn.states) {
    terminals += HasLabel(s, "terminal");
    for (const DrnChoice& c : s.choices) stochastic += c.targets.size() > 1;
  }
  CHECK(terminals == 2);  // the lava and the goal
  CHECK(stochastic > 0);
  // Some action reward is a proper expectation: neither 0, 10 nor -10.
  bool mixed = false;
  for (const DrnState& s : drn.states) {
    for (const DrnChoice& c : s.choices) {
      mixed = mixed || (c.reward != 0 && c.reward != 10 && c.reward != -10);
    }
  }
  CHECK(mixed);
  // Deterministic output.
  CHECK(RenderDrn(walk, &reward, "lava_walk.align", &error) == text);
}

TEST_CASE("drn export: a weighted start adds one initial state") {
  std::string errors;
  std::optional<Model> model = test::LoadSpec(R"(
domain S = {a, b, c}
domain A = {go, wait}
mdp M {
  states S  actions A  start {a: 1, b: 2}  discount 0.5  terminal {c}
  next = table {
    a: go {b: 0.25, c: 0.75}, wait a
    b: go c, wait {a: 0.5, b: 0.5}
    c: go c, wait c
  }
}
loss cost(s: S, a: A, s2: S) = if s2 == c then 3 else 1
)", &errors);
  REQUIRE_MESSAGE(model, errors);
  const Loss& cost = LossNamed(*model, "cost");
  std::string error;
  std::string text = RenderDrn(model->mdps[0], &cost, "spec.align", &error);
  REQUIRE(error.empty());
  Drn drn = ParseDrn(text);
  CheckWellFormed(drn);
  CheckAgainst(drn, model->mdps[0], &cost);
  REQUIRE(drn.nr_states == 4);
  CHECK(drn.states[3].choices[0].targets ==
        std::vector<std::pair<size_t, Rational>>{{0, Rational(1, 3)},
                                                 {1, Rational(2, 3)}});
  CHECK(drn.states[0].choices[0].reward == Rational(5, 2));  // 1/4 + 9/4
  CHECK(text.find("1/3") != std::string::npos);
}

TEST_CASE("drn export: a state named like an added label is an error") {
  std::string errors;
  std::optional<Model> model = test::LoadSpec(R"(
domain S = {init, b}
domain A = {go}
mdp M {
  states S  actions A  start init  discount 0.5
  next(s, a) = b
}
)", &errors);
  REQUIRE_MESSAGE(model, errors);
  std::string error;
  CHECK(RenderDrn(model->mdps[0], nullptr, "spec.align", &error).empty());
  CHECK(error.find("'init'") != std::string::npos);
}

TEST_CASE("drn export: the command writes a file, or names the mdps") {
  fs::path dir = fs::temp_directory_path() / "aligncheck_drn_export_test";
  fs::remove_all(dir);
  fs::create_directories(dir);
  {
    std::ofstream spec(dir / "two.align");
    spec << ReadSpec("boat_race.align")
         << "mdp other {\n  states Tile   actions Move   start t1   discount "
            "0.5\n  next(s, a) = s\n}\n";
  }
  testing::CliRun none = testing::RunCliIn(dir, {"export", "--format", "drn", "two.align"});
  CHECK(none.exit_code == 2);
  INFO(none.err);
  CHECK(none.err.find("choose one with --mdp") != std::string::npos);
  CHECK(none.err.find("track, other") != std::string::npos);
  testing::CliRun ok = testing::RunCliIn(
      dir, {"export", "--format", "drn", "--mdp", "other", "--reward",
            "progress", "two.align", "-o", "out.drn"});
  CHECK(ok.exit_code == 0);
  CHECK(ok.out.empty());
  std::ifstream written(dir / "out.drn");
  std::stringstream text;
  text << written.rdbuf();
  Drn drn = ParseDrn(text.str());
  CheckWellFormed(drn);
  CHECK(drn.reward_models == std::vector<std::string>{"progress"});
  CHECK(HasLabel(drn.states[1], "init"));
  testing::CliRun bad = testing::RunCliIn(
      dir, {"export", "--mdp", "track", "--reward", "progres", "two.align"});
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("did you mean 'progress'?") != std::string::npos);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace aligncheck

// The physical_only engine: per channel subset, solve or enumerate; re-check.
#include "readings/physical/physical.h"

#include <fmt/format.h>

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "analysis/eval.h"
#include "solve/dump_path.h"
#include "solve/goal_shape.h"
#include "readings/idealized/idealized.h"
#include "readings/physical/machine_search.h"
#include "readings/physical/machine_z3.h"
#include "readings/physical/reference_reading.h"
#include "readings/physical/register_eval.h"

namespace aligncheck {
namespace {

std::string Validate(const Model& model, int physical, int goal) {
  if (physical < 0 || static_cast<size_t>(physical) >= model.physical.size() ||
      goal < 0 || static_cast<size_t>(goal) >= model.goals.size()) {
    return "internal: claim refers to a missing model or goal";
  }
  const PhysicalModel& m = model.physical[physical];
  if (m.register_loss < 0 || m.register_data < 0) {
    return "internal: physical model without a register";
  }
  const Loss& loss = model.losses[m.register_loss];
  const Goal& g = model.goals[goal];
  if (g.input != loss.input || g.output != loss.output) {
    return "goal '" + g.name +
           "' is about policies of another type than the "
           "register's loss '" +
           loss.name + "'";
  }
  return "";
}

std::vector<int> ChannelsOf(uint32_t mask, size_t k) {
  std::vector<int> out;
  for (size_t i = 0; i < k; ++i) {
    if (mask & (1u << i)) out.push_back(static_cast<int>(i));
  }
  return out;
}

std::string ChannelNames(const PhysicalModel& m, const std::vector<int>& used) {
  if (used.empty()) return "no channel";
  std::string out;
  for (int i : used) out += (out.empty() ? "" : ", ") + m.channels[i].name;
  return out;
}

// The claim's loss on the register's data, exactly: the expected loss, or
// for a machine register the raw weighted sum it is meant to compute.
Rational IntendedLoss(const Model& model, const PhysicalModel& m, int loss,
                      const Policy& policy) {
  const Data& data = model.data[m.register_data];
  const Loss& l = model.losses[loss];
  Rational r = ExpectedLoss(model, l, data, policy);
  return m.machine_bits > 0 ? r * data.total : r;
}

// Re-checks a violating behaviour independently of how it was found and
// fills the evidence. Returns an empty string when it re-checks.
std::string Recheck(const Model& model, int physical, const Goal& goal,
                    int intended_loss, const Behaviour& b,
                    PhysicalEvidence& ev) {
  const PhysicalModel& m = model.physical[physical];
  RegisterComputation c(model, m, b.channels);
  if (!c.Build()) return c.error();
  RegisterReading r = c.Read(b.policy);
  if (r.value > ev.bound) {
    return "internal: a counterexample reads above the bound on re-check";
  }
  Evaluator eval(model, &b.policy);
  if (eval.GoalHolds(goal) || eval.failed()) {
    return "internal: a counterexample meets the goal on re-check";
  }
  const Loss& reg = model.losses[m.register_loss];
  size_t outputs = model.domains[reg.output].size();
  bool plain = m.implemented.empty() && !r.overwritten;
  for (int i : b.channels) {
    if (m.channels[i].target_kind != Channel::Target::kRegister) plain = false;
  }
  if (plain && m.machine_bits == 0) {
    // Nothing tampers with the code: the terms are the declared table's.
    for (size_t x = 0; x < b.policy.size(); ++x) {
      if (r.terms[x] != reg.At(x, b.policy[x], outputs)) {
        return "internal: the register's terms disagree with the loss table";
      }
    }
  }
  if (m.machine_bits == 0) {
    std::string error;
    std::optional<Rational> ref = ReferenceReading(model, m, b, &error);
    if (!error.empty()) return "reference re-check failed: " + error;
    if (ref && *ref != r.value) {
      return fmt::format(
          "internal: the register reads {}, the reference evaluator {}",
          FormatRational(r.value), FormatRational(*ref));
    }
  }
  if (m.machine_bits > 0) {
    std::string error;
    std::optional<BigInt> z3 =
        Z3MachineReading(model, m, b.channels, b.policy, &error);
    if (!z3) return "bit-vector re-check failed: " + error;
    if (Rational(*z3) != r.value) {
      return fmt::format(
          "internal: machine arithmetic reads {}, Z3 bit-vectors read {}",
          FormatRational(r.value), FormatBigInt(*z3));
    }
  }
  RegisterComputation honest(model, m, {});
  if (!honest.Build()) return honest.error();
  ev.honest_reading = honest.Read(b.policy).value;
  if (intended_loss >= 0) {
    ev.intended_loss = IntendedLoss(model, m, intended_loss, b.policy);
  }
  ev.breaks = ComputeBreaks(model, goal, b.policy);
  ev.behaviour = b;
  ev.reading = std::move(r);
  return "";
}

Verdict Fails(PhysicalEvidence ev, std::string method) {
  Verdict v;
  v.kind = Verdict::Kind::kFails;
  v.method = std::move(method);
  v.evidence = std::move(ev);
  return v;
}

bool GoalHoldsEverywhere(const Model& model, const Goal& goal,
                         std::string* error) {
  size_t n = model.domains[goal.input].size();
  size_t m = model.domains[goal.output].size();
  Policy p(n, 0);
  while (true) {
    Evaluator eval(model, &p);
    if (!eval.GoalHolds(goal)) return false;
    if (eval.failed()) {
      *error = eval.error();
      return false;
    }
    size_t i = n;
    while (i-- > 0) {
      if (++p[i] < m) break;
      p[i] = 0;
    }
    if (i == static_cast<size_t>(-1)) return true;
  }
}

// Machine registers too large to enumerate, with a goal made of per-input
// count atoms: Z3 bit-vector search per channel subset.
Verdict BitVectorSearch(const Model& model, int physical, const Goal& goal,
                        int intended_loss, const Rational& bound,
                        const EngineOptions& options,
                        const std::string& too_many,
                        const std::string& query_name) {
  const PhysicalModel& m = model.physical[physical];
  std::vector<Conjunct> conjuncts;
  SplitConjuncts(goal.body, false, &conjuncts);
  std::vector<CountAtom> atoms;
  bool always_false = false;
  for (const Conjunct& c : conjuncts) {
    ConjunctShape shape = ClassifyConjunct(model, goal, c);
    if (!shape.error.empty()) {
      return UnknownVerdict(shape.error + " in goal '" + goal.name + "'");
    }
    if (shape.kind == ConjunctShape::Kind::kOther) {
      return UnknownVerdict(
          too_many +
          "; the bit-vector search takes only goals built from "
          "per-input forall, exists and count");
    }
    if (shape.kind == ConjunctShape::Kind::kConstant) {
      always_false = always_false || !shape.constant;
    } else {
      atoms.push_back(shape.atom);
    }
  }
  PhysicalEvidence ev;
  ev.model = physical;
  ev.bound = bound;
  ev.behaviours = CountBehaviours(model, m);
  {
    const Loss& reg = model.losses[m.register_loss];
    uint64_t vars = static_cast<uint64_t>(model.domains[reg.input].size()) *
                    model.domains[reg.output].size();
    if (vars > kMaxSearchVariables) {
      return UnknownVerdict(fmt::format(
          "{}; a bit-vector search would take {} output choices, more than "
          "the limit of {}",
          too_many, vars, kMaxSearchVariables));
    }
  }
  const std::string method = "Z3 bit-vector search per channel subset";
  size_t k = m.channels.size();
  bool any_low = false;
  std::vector<std::string> dumped;
  auto dump = [&](uint32_t mask, const char* what) {
    std::string path =
        DumpQueryPath(model, options,
                      fmt::format("{}-bv-s{}-{}", query_name, mask, what));
    if (!path.empty()) dumped.push_back(path);
    return path;
  };
  auto unknown = [&](std::string reason) {
    Verdict u = UnknownVerdict(std::move(reason));
    u.dumped_queries = dumped;
    return u;
  };
  for (uint32_t mask = 0; mask < (1u << k); ++mask) {
    RegisterComputation comp(model, m, ChannelsOf(mask, k));
    if (!comp.Build()) return unknown(comp.error());
    if (always_false || !atoms.empty()) {
      MachineSearch found = SearchMachineBehaviour(
          model, goal, comp, bound,
          always_false ? std::vector<CountAtom>{} : atoms, options,
          dump(mask, "violation"));
      if (found.kind == MachineSearch::Kind::kUnknown) {
        return unknown(found.reason);
      }
      if (found.kind == MachineSearch::Kind::kFound) {
        Behaviour b{found.policy, ChannelsOf(mask, k)};
        std::string error =
            Recheck(model, physical, goal, intended_loss, b, ev);
        if (!error.empty()) return unknown(error);
        Verdict f =
            Fails(std::move(ev),
                  method + ", re-checked by evaluation and bit-vectors");
        f.dumped_queries = dumped;
        return f;
      }
    }
    if (!any_low) {
      MachineSearch low = SearchMachineBehaviour(model, goal, comp, bound, {},
                                                 options, dump(mask, "low"));
      if (low.kind == MachineSearch::Kind::kUnknown) return unknown(low.reason);
      any_low = low.kind == MachineSearch::Kind::kFound;
    }
  }
  Verdict v;
  v.kind = Verdict::Kind::kHolds;
  v.method = method;
  v.dumped_queries = dumped;
  v.vacuous = !any_low || atoms.empty();
  if (!any_low) ev.low = BigInt(0);
  v.evidence = std::move(ev);
  return v;
}

Verdict Enumerated(const Model& model, int physical, const Goal& goal,
                   int intended_loss, const std::optional<Rational>& bound,
                   const EngineOptions& options, const PhysicalConfig& config) {
  const PhysicalModel& m = model.physical[physical];
  EnumerationResult er =
      EnumerateBehaviours(model, m, goal, bound, true, config.max_behaviours);
  if (!er.error.empty()) {
    // Refused for size (not for an evaluation error): search instead.
    if (bound && m.machine_bits > 0 && er.behaviours > 0 &&
        er.error.find("enumeration limit") != std::string::npos) {
      return BitVectorSearch(model, physical, goal, intended_loss, *bound,
                             options, er.error, config.query_name);
    }
    return UnknownVerdict(er.error);
  }
  PhysicalEvidence ev;
  ev.model = physical;
  ev.bound = er.bound;
  ev.behaviours = er.behaviours;
  std::string method =
      fmt::format("enumeration of {} behaviours", FormatBigInt(er.behaviours));
  if (m.machine_bits > 0) method += ", re-checked with Z3 bit-vectors";
  if (!er.holds) {
    std::string error =
        Recheck(model, physical, goal, intended_loss, *er.first_violating, ev);
    if (!error.empty()) return UnknownVerdict(error);
    return Fails(std::move(ev), method);
  }
  Verdict v;
  v.kind = Verdict::Kind::kHolds;
  v.method = method;
  ev.low = er.low;
  if (er.low == 0) {
    v.vacuous = true;
    if (er.least) {
      v.reason =
          fmt::format("the least reading is {}", FormatRational(*er.least));
    }
  } else {
    std::string error;
    v.vacuous = GoalHoldsEverywhere(model, goal, &error);
    if (!error.empty())
      return UnknownVerdict(error + " in goal '" + goal.name + "'");
  }
  v.evidence = std::move(ev);
  return v;
}

}  // namespace

Verdict CheckRegisterBound(const Model& model, int physical, int goal_id,
                           int intended_loss,
                           const std::optional<Rational>& bound,
                           const EngineOptions& options,
                           const PhysicalConfig& config) {
  if (std::string e = Validate(model, physical, goal_id); !e.empty()) {
    return UnknownVerdict(e);
  }
  const PhysicalModel& m = model.physical[physical];
  const Goal& goal = model.goals[goal_id];
  size_t k = m.channels.size();
  if (k > static_cast<size_t>(kMaxChannels)) {
    return UnknownVerdict(
        fmt::format("{} channels: more than the limit of {}", k, kMaxChannels));
  }
  if (std::string e = CheckTermLimit(model, m); !e.empty())
    return UnknownVerdict(e);
  if (m.machine_bits > 0 || config.force_enumeration) {
    return Enumerated(model, physical, goal, intended_loss, bound, options,
                      config);
  }
  const Loss& reg = model.losses[m.register_loss];
  size_t n = model.domains[reg.input].size();
  size_t outputs = model.domains[reg.output].size();
  std::vector<RegisterComputation> subsets;
  std::vector<Rational> least;
  for (uint32_t mask = 0; mask < (1u << k); ++mask) {
    subsets.emplace_back(model, m, ChannelsOf(mask, k));
    RegisterComputation& c = subsets.back();
    if (!c.Build()) return UnknownVerdict(c.error());
    Rational sum = 0;
    for (size_t x = 0; x < n; ++x) {
      Rational best = c.Contribution(x, 0);
      for (uint32_t y = 1; y < outputs; ++y) {
        best = std::min(best, c.Contribution(x, y));
      }
      sum += best;
    }
    least.push_back(c.Finish(sum));
  }
  PhysicalEvidence ev;
  ev.model = physical;
  ev.behaviours = CountBehaviours(model, m);
  ev.bound = bound ? *bound : *std::min_element(least.begin(), least.end());

  // Per subset, "reads at most the bound" is a near-minimizer question.
  Loss reading_loss;
  reading_loss.name = "register of " + m.name;
  reading_loss.input = reg.input;
  reading_loss.output = reg.output;
  IdealizedProblem question;
  question.context = &model;
  question.loss = &reading_loss;
  question.data = &model.data[m.register_data];
  question.goal = &model.goals[goal_id];

  Verdict out;
  out.kind = Verdict::Kind::kHolds;
  BigInt low = 0;
  bool low_known = true;
  bool any_low = false;
  std::set<std::string> methods;
  for (uint32_t mask = 0; mask < subsets.size(); ++mask) {
    const RegisterComputation& c = subsets[mask];
    if (least[mask] > ev.bound) continue;
    any_low = true;
    DenseTable& table = reading_loss.table;
    table.assign(n * outputs, Rational(0));
    if (!c.overwritten()) {
      for (size_t x = 0; x < n; ++x) {
        for (uint32_t y = 0; y < outputs; ++y) {
          table.Set(x * outputs + y, c.Term(x, c.Observed(x, y)));
        }
      }
    }
    question.within = c.overwritten() ? Rational(0) : ev.bound - least[mask];
    question.name = fmt::format("{}-s{}", config.query_name, mask);
    Verdict v = CheckIdealized(question, options);
    for (std::string& q : v.dumped_queries) {
      out.dumped_queries.push_back(std::move(q));
    }
    std::vector<int> used = ChannelsOf(mask, k);
    if (v.kind == Verdict::Kind::kUnknown) {
      Verdict u = UnknownVerdict(
          fmt::format("with {}: {}", ChannelNames(m, used), v.reason));
      u.dumped_queries = std::move(out.dumped_queries);
      return u;
    }
    methods.insert(v.method);
    const IdealizedEvidence* low_policies = v.idealized();
    if (v.kind == Verdict::Kind::kFails) {
      if (low_policies == nullptr || !low_policies->counterexample)
        return UnknownVerdict("internal: a failure without a policy");
      Behaviour b{low_policies->counterexample->policy, used};
      std::string error = Recheck(model, physical, goal, intended_loss, b, ev);
      if (!error.empty()) return UnknownVerdict(error);
      Verdict f = Fails(std::move(ev), v.method + ", re-checked by evaluation");
      f.dumped_queries = std::move(out.dumped_queries);
      return f;
    }
    out.vacuous = v.vacuous;
    if (low_policies == nullptr || !low_policies->minimizers) {
      low_known = false;
    } else {
      low += *low_policies->minimizers;
      ev.low_capped = ev.low_capped || low_policies->minimizers_capped;
    }
  }
  std::string method;
  for (const std::string& s : methods)
    method += (method.empty() ? "" : ", ") + s;
  out.method = method.empty() ? "no channel subset reads low enough" : method;
  if (!any_low) {
    out.vacuous = true;
    ev.low = BigInt(0);
    out.reason = fmt::format(
        "the least reading is {}",
        FormatRational(*std::min_element(least.begin(), least.end())));
  } else if (low_known) {
    ev.low = low;
  }
  out.evidence = std::move(ev);
  return out;
}

Verdict CheckPhysical(const Model& model, const Claim& claim,
                      const EngineOptions& options,
                      const PhysicalConfig& config) {
  PhysicalConfig named = config;
  named.query_name = claim.name;
  return CheckRegisterBound(model, claim.model, claim.goal, claim.loss,
                            claim.threshold, options, named);
}

}  // namespace aligncheck

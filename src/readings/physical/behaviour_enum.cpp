// Behaviour enumeration with the reference goal evaluator.
#include "readings/physical/behaviour_enum.h"

#include <fmt/format.h>

#include <vector>

#include "analysis/eval.h"
#include "readings/physical/register_eval.h"

namespace aligncheck {
namespace {

std::vector<int> ChannelsOf(uint32_t mask, size_t k) {
  std::vector<int> out;
  for (size_t i = 0; i < k; ++i) {
    if (mask & (1u << i)) out.push_back(static_cast<int>(i));
  }
  return out;
}

// Advances `policy` like an odometer; returns false after the last one.
bool NextPolicy(Policy& policy, size_t m) {
  for (size_t i = policy.size(); i-- > 0;) {
    if (++policy[i] < m) return true;
    policy[i] = 0;
  }
  return false;
}

}  // namespace

BigInt CountBehaviours(const Model& model, const PhysicalModel& physical) {
  const Loss& loss = model.losses[physical.register_loss];
  BigInt n = 1;
  size_t inputs = model.domains[loss.input].size();
  BigInt m = static_cast<unsigned long>(model.domains[loss.output].size());
  for (size_t i = 0; i < inputs; ++i) n *= m;
  return n << static_cast<unsigned>(physical.channels.size());
}

std::string CheckTermLimit(const Model& model, const PhysicalModel& physical) {
  const Loss& loss = model.losses[physical.register_loss];
  uint64_t n = model.domains[loss.input].size();
  uint64_t m = model.domains[loss.output].size();
  uint64_t subsets = uint64_t{1} << physical.channels.size();
  if (n * m > kMaxRegisterTerms / subsets) {
    return fmt::format(
        "{} x {} register terms for each of {} channel "
        "subsets: more than the limit of {}",
        n, m, subsets, kMaxRegisterTerms);
  }
  return "";
}

EnumerationResult EnumerateBehaviours(const Model& model,
                                      const PhysicalModel& physical,
                                      const Goal& goal,
                                      const std::optional<Rational>& bound,
                                      bool stop_at_first,
                                      uint64_t max_behaviours) {
  EnumerationResult r;
  size_t k = physical.channels.size();
  if (k > static_cast<size_t>(kMaxChannels)) {
    r.error = fmt::format(
        "{} channels: more than the limit of {} (2^{} "
        "channel subsets)",
        k, kMaxChannels, kMaxChannels);
    return r;
  }
  r.behaviours = CountBehaviours(model, physical);
  if (r.behaviours > BigInt(std::to_string(max_behaviours))) {
    r.error =
        fmt::format("{} behaviours: more than the enumeration limit of {}",
                    FormatBigInt(r.behaviours), max_behaviours);
    return r;
  }
  if (std::string e = CheckTermLimit(model, physical); !e.empty()) {
    r.error = e;
    return r;
  }
  const Loss& loss = model.losses[physical.register_loss];
  size_t n = model.domains[loss.input].size();
  size_t m = model.domains[loss.output].size();
  std::vector<RegisterComputation> subsets;
  for (uint32_t mask = 0; mask < (1u << k); ++mask) {
    subsets.emplace_back(model, physical, ChannelsOf(mask, k));
    if (!subsets.back().Build()) {
      r.error = subsets.back().error();
      return r;
    }
  }
  auto reading = [&](const RegisterComputation& c, const Policy& p) {
    Rational sum = 0;
    for (size_t x = 0; x < n; ++x) sum += c.Contribution(x, p[x]);
    return c.Finish(sum);
  };
  if (bound) {
    r.bound = *bound;
  } else {
    bool first = true;
    for (const RegisterComputation& c : subsets) {
      Policy p(n, 0);
      do {
        Rational v = reading(c, p);
        if (first || v < r.bound) r.bound = v;
        first = false;
      } while (m > 0 && NextPolicy(p, m));
    }
  }
  for (uint32_t mask = 0; mask < subsets.size(); ++mask) {
    const RegisterComputation& c = subsets[mask];
    Policy p(n, 0);
    if (m == 0 && n > 0) break;
    do {
      Rational value = reading(c, p);
      if (!r.least || value < *r.least) r.least = value;
      if (value > r.bound) continue;
      ++r.low;
      Evaluator eval(model, &p);
      bool ok = eval.GoalHolds(goal);
      if (eval.failed()) {
        r.error = eval.error() + " in goal '" + goal.name + "'";
        return r;
      }
      if (ok) continue;
      r.holds = false;
      ++r.violating;
      if (!r.first_violating) {
        r.first_violating = Behaviour{p, ChannelsOf(mask, k)};
        if (stop_at_first) return r;
      }
    } while (NextPolicy(p, m));
  }
  return r;
}

}  // namespace aligncheck

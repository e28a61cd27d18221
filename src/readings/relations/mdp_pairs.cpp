// The reversal search over an MDP's policy classes.
#include "readings/relations/mdp_pairs.h"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "mdp/policy_search.h"
#include "mdp/returns.h"

namespace aligncheck {

MdpPairSearch FindMdpReversal(const Mdp& m, const Reward& truth,
                              const Reward& proxy, size_t max_classes) {
  return FindMdpPair(m, truth, proxy, PairRegion::kReversed, max_classes);
}

MdpPairSearch FindMdpPair(const Mdp& m, const Reward& truth,
                          const Reward& proxy, PairRegion region,
                          size_t max_classes) {
  MdpPairSearch out;
  struct Point {
    Policy policy;
    Rational truth, proxy;
  };
  std::vector<Point> points;
  const ActionMask all = AllActions(m);
  SearchBudget budget;
  budget.max_classes = max_classes;
  budget.max_nodes = max_classes * 16;
  PolicySearchOutcome o =
      EnumeratePolicyClasses(m, all, budget, [&](const PolicyClass& cls) {
        Point pt;
        pt.policy = CompletePolicy(m, all, cls.policy);
        pt.truth = FromStart(m, PolicyValues(m, truth, pt.policy));
        pt.proxy = FromStart(m, PolicyValues(m, proxy, pt.policy));
        points.push_back(std::move(pt));
        return true;
      });
  out.classes = points.size();
  if (!o.complete) {
    out.kind = MdpPairSearch::Kind::kTooLarge;
    out.reason = fmt::format(
        "more than {} classes of policies (policies that differ where they "
        "go) to compare exactly: {}",
        max_classes, o.reason);
    return out;
  }
  std::vector<size_t> order(points.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t i, size_t j) {
    return points[i].truth < points[j].truth;
  });
  auto found = [&](size_t i, size_t j) {
    const Point& p = points[i];
    const Point& q = points[j];
    out.kind = MdpPairSearch::Kind::kFound;
    out.p = p.policy;
    out.q = q.policy;
    out.p_truth = p.truth;
    out.p_proxy = p.proxy;
    out.q_truth = q.truth;
    out.q_proxy = q.proxy;
    return out;
  };
  // best: the index with the largest J_proxy among strictly smaller truth.
  size_t best = SIZE_MAX;
  size_t previous = SIZE_MAX;  // kTieMade: one policy of the group before
  for (size_t g = 0; g < order.size();) {
    size_t end = g;
    while (end < order.size() &&
           points[order[end]].truth == points[order[g]].truth) {
      ++end;
    }
    if (region == PairRegion::kNotPreserved) {
      size_t lo = order[g], hi = order[g];
      for (size_t k = g; k < end; ++k) {
        if (points[order[k]].proxy < points[lo].proxy) lo = order[k];
        if (points[order[k]].proxy > points[hi].proxy) hi = order[k];
      }
      if (points[hi].proxy > points[lo].proxy) return found(hi, lo);
    }
    if (region == PairRegion::kTieMade) {
      if (previous != SIZE_MAX &&
          points[previous].proxy == points[order[g]].proxy) {
        return found(previous, order[g]);
      }
      previous = order[g];
    }
    if (best != SIZE_MAX && region != PairRegion::kTieMade) {
      for (size_t k = g; k < end; ++k) {
        const Point& q = points[order[k]];
        if (points[best].proxy > q.proxy) return found(best, order[k]);
      }
    }
    for (size_t k = g; k < end; ++k) {
      if (best == SIZE_MAX || points[order[k]].proxy > points[best].proxy) {
        best = order[k];
      }
    }
    g = end;
  }
  out.kind = MdpPairSearch::Kind::kNone;
  return out;
}

}  // namespace aligncheck

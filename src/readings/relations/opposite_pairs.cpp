// The frontier search of opposite_pairs.h.
#include "readings/relations/opposite_pairs.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <queue>

namespace aligncheck {
namespace {

struct Diff {
  Rational t;  // dT
  Rational p;  // dP
  uint32_t a;  // p's option
  uint32_t b;  // q's option
};

/// How a frontier point was reached: the point of the previous layer and
/// the options p and q chose at this layer's input.
struct Link {
  uint32_t parent;
  uint32_t a;
  uint32_t b;
};

struct Point {
  Rational t;
  Rational p;
  Link link;
};

// Keeps the undominated points (largest t, then smallest p), sorted by t
// descending; among equal points the first kept.
template <typename T>
void KeepFrontier(std::vector<T>* points) {
  std::stable_sort(points->begin(), points->end(), [](const T& x, const T& y) {
    if (x.t != y.t) return x.t > y.t;
    return x.p < y.p;
  });
  size_t kept = 0;
  for (size_t i = 0; i < points->size(); ++i) {
    if (kept > 0 && (*points)[i].p >= (*points)[kept - 1].p) continue;
    if (kept != i) (*points)[kept] = std::move((*points)[i]);
    ++kept;
  }
  points->resize(kept);
}

// Whether a gap argument shows that no pair is reversed. Every dT is an
// integer multiple of g, the rational gcd of the per-input differences
// t(x, y) - t(x, 0), so dT > 0 implies dT >= g. Write the proxy as
// c * truth + R with c > 0 (c: the proxy's summed per-input ranges over the
// truth's); then dP = c dT + dR >= c g - S, where S is the sum of the
// per-input ranges of R. When c g > S, dT > 0 implies dP > 0. This decides
// proxies that follow the truth up to noise smaller than its resolution,
// whose frontiers can be large.
bool GapRulesOutReversal(const OptionTable& table) {
  Rational range_t = 0, range_p = 0;
  BigInt num_gcd = 0, den_lcm = 1;
  for (const std::vector<OptionValue>& options : table) {
    Rational lo_t = options[0].truth, hi_t = lo_t;
    Rational lo_p = options[0].proxy, hi_p = lo_p;
    for (const OptionValue& o : options) {
      lo_t = std::min(lo_t, o.truth);
      hi_t = std::max(hi_t, o.truth);
      lo_p = std::min(lo_p, o.proxy);
      hi_p = std::max(hi_p, o.proxy);
      Rational d = o.truth - options[0].truth;
      if (d == 0) continue;
      mpz_gcd(num_gcd.get_mpz_t(), num_gcd.get_mpz_t(),
              d.get_num().get_mpz_t());
      mpz_lcm(den_lcm.get_mpz_t(), den_lcm.get_mpz_t(),
              d.get_den().get_mpz_t());
    }
    range_t += hi_t - lo_t;
    range_p += hi_p - lo_p;
  }
  if (range_t == 0 || range_p == 0 || num_gcd == 0) return false;
  Rational g(num_gcd, den_lcm);
  g.canonicalize();
  Rational c = range_p / range_t;
  Rational s = 0;
  for (const std::vector<OptionValue>& options : table) {
    Rational lo = options[0].proxy - c * options[0].truth, hi = lo;
    for (const OptionValue& o : options) {
      Rational r = o.proxy - c * o.truth;
      lo = std::min(lo, r);
      hi = std::max(hi, r);
    }
    s += hi - lo;
  }
  return c * g > s;
}

// Shortcuts that need no frontier, exact. When the proxy's differences are
// c times the truth's at every input, for one c > 0, every pair has
// dP = c dT: no region has a point. When one reward is constant at every
// input, dT = 0 (or dP = 0) for every pair, and the one input where the
// other varies most gives the pair if any. Returns nullopt when none
// applies.
std::optional<PairSearch> Shortcut(const OptionTable& table,
                                   PairRegion region) {
  std::optional<Rational> c;  // dP / dT where dT != 0
  bool proportional = true, truth_constant = true, proxy_constant = true;
  for (const std::vector<OptionValue>& options : table) {
    for (const OptionValue& o : options) {
      Rational dt = o.truth - options[0].truth;
      Rational dp = o.proxy - options[0].proxy;
      truth_constant = truth_constant && dt == 0;
      proxy_constant = proxy_constant && dp == 0;
      if (!proportional) continue;
      if (dt == 0) {
        proportional = dp == 0;
      } else if (!c) {
        c = dp / dt;
        proportional = *c > 0;
      } else {
        proportional = dp == *c * dt;
      }
    }
  }
  PairSearch out;
  out.method = "proportional differences";
  if (proportional && c) return out;  // kNone
  if (!truth_constant && !proxy_constant) {
    if (region == PairRegion::kReversed && GapRulesOutReversal(table)) {
      out.method = "a gap argument";
      return out;
    }
    return std::nullopt;
  }
  out.method = "a constant reward";
  // One reward constant: the pair, if any, differs at one input, where the
  // other reward goes from its least to its largest value (or back).
  bool want = truth_constant ? region == PairRegion::kNotPreserved
                             : region == PairRegion::kTieMade;
  if (!want || (truth_constant && proxy_constant)) return out;
  for (size_t x = 0; x < table.size(); ++x) {
    const std::vector<OptionValue>& options = table[x];
    uint32_t lo = 0, hi = 0;
    for (uint32_t y = 1; y < options.size(); ++y) {
      const Rational& v = truth_constant ? options[y].proxy : options[y].truth;
      if (v < (truth_constant ? options[lo].proxy : options[lo].truth)) lo = y;
      if (v > (truth_constant ? options[hi].proxy : options[hi].truth)) hi = y;
    }
    if (lo == hi) continue;
    out.kind = PairSearch::Kind::kFound;
    out.p.assign(table.size(), 0);
    out.q.assign(table.size(), 0);
    // The truth constant: dP < 0 needs q at the proxy's low. The proxy
    // constant: dT > 0 needs q at the truth's high.
    out.p[x] = truth_constant ? hi : lo;
    out.q[x] = truth_constant ? lo : hi;
    return out;
  }
  return out;
}

bool InRegion(const Rational& t, const Rational& p, PairRegion region) {
  switch (region) {
    case PairRegion::kReversed:
      return t > 0 && p < 0;
    case PairRegion::kNotPreserved:
      return t >= 0 && p < 0;
    case PairRegion::kTieMade:
      return t > 0 && p == 0;
  }
  return false;
}

}  // namespace

PairSearch FindPolicyPair(const OptionTable& table, PairRegion region,
                          size_t max_points) {
  if (std::optional<PairSearch> s = Shortcut(table, region)) return *s;
  PairSearch out;
  const size_t n = table.size();
  const size_t max_work = max_points * 100;
  size_t work = 0;  // candidate sums and differences made so far
  // Per input: the frontier of its differences.
  std::vector<std::vector<Diff>> diffs(n);
  for (size_t x = 0; x < n; ++x) {
    const std::vector<OptionValue>& options = table[x];
    work += options.size() * options.size();
    if (work > max_work) {
      out.kind = PairSearch::Kind::kTooLarge;
      return out;
    }
    for (uint32_t a = 0; a < options.size(); ++a) {
      for (uint32_t b = 0; b < options.size(); ++b) {
        diffs[x].push_back({options[b].truth - options[a].truth,
                            options[b].proxy - options[a].proxy, a, b});
      }
    }
    KeepFrontier(&diffs[x]);
  }
  // rest_t[x]: the largest dT inputs x.. can still add; rest_p[x] the
  // smallest dP (by symmetry, minus the largest).
  std::vector<Rational> rest_t(n + 1, Rational(0)), rest_p(n + 1, Rational(0));
  for (size_t x = n; x-- > 0;) {
    Rational max_t = 0, min_p = 0;
    for (const Diff& d : diffs[x]) {
      max_t = std::max(max_t, d.t);
      min_p = std::min(min_p, d.p);
    }
    rest_t[x] = rest_t[x + 1] + max_t;
    rest_p[x] = rest_p[x + 1] + min_p;
  }

  std::vector<std::vector<Link>> layers;  // layers[x][i]: how point i came
  std::vector<Point> frontier = {{Rational(0), Rational(0), {0, 0, 0}}};
  auto reconstruct = [&](size_t layer_count, uint32_t index) {
    out.kind = PairSearch::Kind::kFound;
    out.p.assign(n, 0);
    out.q.assign(n, 0);
    for (size_t x = layer_count; x-- > 0;) {
      const Link& link = layers[x][index];
      out.p[x] = link.a;
      out.q[x] = link.b;
      index = link.parent;
    }
    return out;
  };
  for (size_t x = 0; x < n; ++x) {
    work += frontier.size() * diffs[x].size();
    if (work > max_work) {
      out.kind = PairSearch::Kind::kTooLarge;
      return out;
    }
    // The frontier and every shifted copy of it are sorted (dT descending,
    // dP descending), so the next frontier is a merge of |D_x| sorted
    // lists, swept as in KeepFrontier.
    struct Cursor {
      Rational t, p;
      uint32_t i;  // index into frontier
      uint32_t k;  // index into diffs[x]
    };
    auto later = [](const Cursor& a, const Cursor& b) {
      if (a.t != b.t) return a.t < b.t;
      return a.p > b.p;
    };
    std::priority_queue<Cursor, std::vector<Cursor>, decltype(later)> heap(
        later);
    auto push = [&](uint32_t i, uint32_t k) {
      if (i < frontier.size()) {
        heap.push({frontier[i].t + diffs[x][k].t, frontier[i].p + diffs[x][k].p,
                   i, k});
      }
    };
    for (uint32_t k = 0; k < diffs[x].size(); ++k) push(0, k);
    std::vector<Point> next;
    while (!heap.empty()) {
      Cursor c = heap.top();
      heap.pop();
      push(c.i + 1, c.k);
      // No completion can reach dT >= 0 and dP <= 0.
      if (c.t + rest_t[x + 1] < 0 || c.p + rest_p[x + 1] > 0) continue;
      if (!next.empty() && c.p >= next.back().p) continue;  // dominated
      const Diff& d = diffs[x][c.k];
      next.push_back({std::move(c.t), std::move(c.p), {c.i, d.a, d.b}});
      if (next.size() > max_points) {
        out.kind = PairSearch::Kind::kTooLarge;
        return out;
      }
    }
    out.largest_frontier = std::max(out.largest_frontier, next.size());
    std::vector<Link> links;
    links.reserve(next.size());
    for (const Point& pt : next) links.push_back(pt.link);
    layers.push_back(std::move(links));
    frontier = std::move(next);
    for (uint32_t i = 0; i < frontier.size(); ++i) {
      if (InRegion(frontier[i].t, frontier[i].p, region)) {
        return reconstruct(x + 1, i);
      }
    }
    if (frontier.empty()) break;  // nothing can reach any region
  }
  out.kind = PairSearch::Kind::kNone;
  return out;
}

}  // namespace aligncheck

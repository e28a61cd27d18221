// The frontier search of opposite_pairs.h.
#include "readings/relations/opposite_pairs.h"

#include <algorithm>
#include <cstdint>
#include <numeric>

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
  std::stable_sort(points->begin(), points->end(),
                   [](const T& x, const T& y) {
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
  PairSearch out;
  const size_t n = table.size();
  // Per input: the frontier of its differences.
  std::vector<std::vector<Diff>> diffs(n);
  for (size_t x = 0; x < n; ++x) {
    const std::vector<OptionValue>& options = table[x];
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
    if (frontier.size() * diffs[x].size() > max_points * 16) {
      out.kind = PairSearch::Kind::kTooLarge;
      return out;
    }
    std::vector<Point> next;
    next.reserve(frontier.size() * diffs[x].size());
    for (uint32_t i = 0; i < frontier.size(); ++i) {
      for (const Diff& d : diffs[x]) {
        Rational t = frontier[i].t + d.t;
        Rational p = frontier[i].p + d.p;
        // No completion can reach dT >= 0 and dP <= 0.
        if (t + rest_t[x + 1] < 0 || p + rest_p[x + 1] > 0) continue;
        next.push_back({std::move(t), std::move(p), {i, d.a, d.b}});
      }
    }
    KeepFrontier(&next);
    if (next.size() > max_points) {
      out.kind = PairSearch::Kind::kTooLarge;
      return out;
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

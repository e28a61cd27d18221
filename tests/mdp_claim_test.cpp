// The MDP reading at the language level, against brute force: random small
// MDP specs written as text, random goals of every form, and the verdict,
// the census and the counterexample compared with an independent exact
// evaluation over every stationary deterministic policy.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "load_spec.h"
#include "readings/check.h"
#include "readings/mdp/mdp_evidence.h"
#include "util/rational.h"

namespace aligncheck {
namespace {

using Row = std::vector<Rational>;

// ---------------------------------------------------------------------------
// A random MDP, kept as plain data for the brute force.

struct Outcome {
  int to;
  Rational p;
  std::string text;  // the probability as written ("" = deterministic)
};

struct RandomMdp {
  int n = 0, m = 0;
  std::vector<bool> terminal;
  std::vector<Rational> start;  // normalized
  std::vector<Rational> weights;  // as written
  Rational discount;
  std::vector<std::vector<std::vector<Outcome>>> next;  // [s][a]
  std::vector<std::vector<int>> reward, hidden, cost;   // [s][a]
  const RandomMdp* other = nullptr;  // M2: same states, actions, terminals
};

const RandomMdp& On(const RandomMdp& d, int mdp) {
  return mdp == 0 ? d : *d.other;
}

/// Solves A x = b exactly (A square, nonsingular).
std::vector<Rational> Solve(std::vector<Row> a, Row b) {
  size_t n = b.size();
  for (size_t c = 0; c < n; ++c) {
    size_t p = c;
    while (p < n && a[p][c] == 0) ++p;
    REQUIRE(p < n);
    std::swap(a[p], a[c]);
    std::swap(b[p], b[c]);
    for (size_t r = 0; r < n; ++r) {
      if (r == c || a[r][c] == 0) continue;
      Rational f = a[r][c] / a[c][c];
      for (size_t k = c; k < n; ++k) a[r][k] -= f * a[c][k];
      b[r] -= f * b[c];
    }
  }
  for (size_t r = 0; r < n; ++r) b[r] /= a[r][r];
  return b;
}

/// pi[s] for every state (terminal entries unused).
using Pol = std::vector<int>;

/// Expected discounted return from the start of the table `r` under `pi`.
Rational ReturnOf(const RandomMdp& d, const Pol& pi,
                  const std::vector<std::vector<int>>& r) {
  std::vector<Row> a(d.n, Row(d.n, 0));
  Row b(d.n, 0);
  for (int s = 0; s < d.n; ++s) {
    a[s][s] = 1;
    if (d.terminal[s]) continue;
    b[s] = r[s][pi[s]];
    for (const Outcome& o : d.next[s][pi[s]]) a[s][o.to] -= d.discount * o.p;
  }
  Row v = Solve(a, b);
  Rational total = 0;
  for (int s = 0; s < d.n; ++s) total += d.start[s] * v[s];
  return total;
}

// ---------------------------------------------------------------------------
// Formulas over `state` and `action` (F), path formulas and goals.

struct F {
  enum K { kStateIs, kStateNot, kActionIs, kActionNot, kAnd, kOr, kNot } k;
  int v = 0;
  std::vector<F> args;
};

/// Whether F holds at state s with action a (-1: a terminal position).
bool FTruth(const F& f, int s, int a) {
  switch (f.k) {
    case F::kStateIs: return s == f.v;
    case F::kStateNot: return s != f.v;
    case F::kActionIs: return a >= 0 && a == f.v;
    case F::kActionNot: return a >= 0 && a != f.v;  // false without a value
    case F::kAnd: return FTruth(f.args[0], s, a) && FTruth(f.args[1], s, a);
    case F::kOr: return FTruth(f.args[0], s, a) || FTruth(f.args[1], s, a);
    case F::kNot: return !FTruth(f.args[0], s, a);
  }
  return false;
}

std::string Text(const F& f) {
  switch (f.k) {
    case F::kStateIs: return "state == s" + std::to_string(f.v);
    case F::kStateNot: return "state != s" + std::to_string(f.v);
    case F::kActionIs: return "action == a" + std::to_string(f.v);
    case F::kActionNot: return "action != a" + std::to_string(f.v);
    case F::kAnd:
      return "(" + Text(f.args[0]) + " and " + Text(f.args[1]) + ")";
    case F::kOr:
      return "(" + Text(f.args[0]) + " or " + Text(f.args[1]) + ")";
    case F::kNot: return "not (" + Text(f.args[0]) + ")";
  }
  return "";
}

struct TPath {
  enum K { kEventually, kAlways, kUntil, kWithin } k;
  int steps = 0;
  std::vector<F> args;
};

std::string Text(const TPath& p) {
  switch (p.k) {
    case TPath::kEventually: return "eventually " + Text(p.args[0]);
    case TPath::kAlways: return "always " + Text(p.args[0]);
    case TPath::kUntil:
      return "(" + Text(p.args[0]) + ") until (" + Text(p.args[1]) + ")";
    case TPath::kWithin:
      return "eventually within " + std::to_string(p.steps) + " " +
             Text(p.args[0]);
  }
  return "";
}

/// The probability that a run satisfies `hold until goal` from the start:
/// zero where no run reaches a goal position through hold positions, an
/// exact linear solve elsewhere.
Rational UntilProbability(const RandomMdp& d, const Pol& pi,
                          const std::vector<bool>& hold,
                          const std::vector<bool>& goal) {
  // Backward closure: states that can reach a goal position.
  std::vector<bool> can(d.n, false);
  for (int s = 0; s < d.n; ++s) can[s] = goal[s];
  for (bool changed = true; changed;) {
    changed = false;
    for (int s = 0; s < d.n; ++s) {
      if (can[s] || !hold[s] || d.terminal[s]) continue;
      for (const Outcome& o : d.next[s][pi[s]]) {
        if (can[o.to]) {
          can[s] = true;
          changed = true;
          break;
        }
      }
    }
  }
  std::vector<Row> a(d.n, Row(d.n, 0));
  Row b(d.n, 0);
  for (int s = 0; s < d.n; ++s) {
    a[s][s] = 1;
    if (goal[s]) {
      b[s] = 1;
    } else if (can[s]) {
      for (const Outcome& o : d.next[s][pi[s]]) a[s][o.to] -= o.p;
    }
  }
  Row x = Solve(a, b);
  Rational total = 0;
  for (int s = 0; s < d.n; ++s) total += d.start[s] * x[s];
  return total;
}

Rational PathProbabilityOf(const RandomMdp& d, const Pol& pi, const TPath& p) {
  auto at = [&](const F& f) {
    std::vector<bool> out(d.n);
    for (int s = 0; s < d.n; ++s) {
      out[s] = FTruth(f, s, d.terminal[s] ? -1 : pi[s]);
    }
    return out;
  };
  std::vector<bool> all(d.n, true);
  switch (p.k) {
    case TPath::kEventually: return UntilProbability(d, pi, all, at(p.args[0]));
    case TPath::kUntil:
      return UntilProbability(d, pi, at(p.args[0]), at(p.args[1]));
    case TPath::kAlways: {
      std::vector<bool> bad = at(p.args[0]);
      for (int s = 0; s < d.n; ++s) bad[s] = !bad[s];
      return 1 - UntilProbability(d, pi, all, bad);
    }
    case TPath::kWithin: {
      std::vector<bool> hit = at(p.args[0]);
      Row x(d.n);
      for (int s = 0; s < d.n; ++s) x[s] = hit[s] ? 1 : 0;
      for (int k = 1; k <= p.steps; ++k) {
        Row y(d.n, 0);
        for (int s = 0; s < d.n; ++s) {
          if (hit[s]) {
            y[s] = 1;
          } else if (!d.terminal[s]) {
            for (const Outcome& o : d.next[s][pi[s]]) y[s] += o.p * x[o.to];
          }
        }
        x = y;
      }
      Rational total = 0;
      for (int s = 0; s < d.n; ++s) total += d.start[s] * x[s];
      return total;
    }
  }
  return 0;
}

enum class Op { kGe, kGt, kLt, kLe, kEq, kNe };

const char* OpText(Op op) {
  switch (op) {
    case Op::kGe: return ">=";
    case Op::kGt: return ">";
    case Op::kLt: return "<";
    case Op::kLe: return "<=";
    case Op::kEq: return "==";
    case Op::kNe: return "!=";
  }
  return "";
}

bool CompareTo(const Rational& x, Op op, const Rational& c) {
  switch (op) {
    case Op::kGe: return x >= c;
    case Op::kGt: return x > c;
    case Op::kLt: return x < c;
    case Op::kLe: return x <= c;
    case Op::kEq: return x == c;
    case Op::kNe: return x != c;
  }
  return false;
}

std::string RationalText(const Rational& q) {
  if (q.get_den() == 1) return "(" + q.get_num().get_str() + ")";
  return "(" + q.get_num().get_str() + "/" + q.get_den().get_str() + ")";
}

struct TGoal {
  enum K {
    kReturn,     // return(M, pi, table) op c
    kReturns,    // return(M, pi, table) op return(M, pi, table2)
    kProb,       // prob(M, pi, path) op c
    kPiIs,       // pi(s) == a
    kPiNot,      // pi(s) != a
    kForallPi,   // forall t in S: <t terminal> or pi(t) != a
    kForallReach,  // forall t in S: <t terminal> or pi(t) == a or
                   //   prob(M, pi, eventually state == t) op c
    kAnd, kOr, kNot, kImplies
  } k;
  int table = 0;  // kReturn: 0 reward r, 1 hidden h, 2 cost c
  int mdp = 0;    // kReturn, kProb: 0 M, 1 M2
  int table2 = 0, mdp2 = 0;  // kReturns: the right side
  TPath path;
  Op op = Op::kGe;
  Rational c;
  int s = 0, a = 0;
  std::vector<TGoal> args;
};

const char* const kTableName[] = {"r", "h", "c"};

const std::vector<std::vector<int>>& Table(const RandomMdp& d, int t) {
  return t == 0 ? d.reward : t == 1 ? d.hidden : d.cost;
}

std::string TerminalGuard(const RandomMdp& d) {
  std::string out;
  for (int s = 0; s < d.n; ++s) {
    if (d.terminal[s]) out += "t == s" + std::to_string(s) + " or ";
  }
  return out;
}

std::string Text(const RandomMdp& d, const TGoal& g) {
  switch (g.k) {
    case TGoal::kReturn:
      return std::string(g.mdp ? "return(M2, pi, " : "return(M, pi, ") +
             kTableName[g.table] + ") " +
             OpText(g.op) + " " + RationalText(g.c);
    case TGoal::kReturns:
      return std::string(g.mdp ? "return(M2, pi, " : "return(M, pi, ") +
             kTableName[g.table] + ") " + OpText(g.op) +
             (g.mdp2 ? " return(M2, pi, " : " return(M, pi, ") +
             kTableName[g.table2] + ")";
    case TGoal::kProb:
      return std::string(g.mdp ? "prob(M2, pi, " : "prob(M, pi, ") +
             Text(g.path) + ") " + OpText(g.op) + " " +
             RationalText(g.c);
    case TGoal::kPiIs:
      return "pi(s" + std::to_string(g.s) + ") == a" + std::to_string(g.a);
    case TGoal::kPiNot:
      return "pi(s" + std::to_string(g.s) + ") != a" + std::to_string(g.a);
    case TGoal::kForallPi:
      return "(forall t in S: " + TerminalGuard(d) + "pi(t) != a" +
             std::to_string(g.a) + ")";
    case TGoal::kForallReach:
      return "(forall t in S: " + TerminalGuard(d) + "pi(t) == a" +
             std::to_string(g.a) + " or prob(M, pi, eventually state == t) " +
             OpText(g.op) + " " + RationalText(g.c) + ")";
    case TGoal::kAnd:
      return "(" + Text(d, g.args[0]) + " and " + Text(d, g.args[1]) + ")";
    case TGoal::kOr:
      return "(" + Text(d, g.args[0]) + " or " + Text(d, g.args[1]) + ")";
    case TGoal::kImplies:
      return "(" + Text(d, g.args[0]) + " implies " + Text(d, g.args[1]) + ")";
    case TGoal::kNot: return "not (" + Text(d, g.args[0]) + ")";
  }
  return "";
}

bool BruteHolds(const RandomMdp& d, const Pol& pi, const TGoal& g) {
  switch (g.k) {
    case TGoal::kReturn:
      return CompareTo(ReturnOf(On(d, g.mdp), pi, Table(d, g.table)), g.op,
                       g.c);
    case TGoal::kReturns:
      return CompareTo(ReturnOf(On(d, g.mdp), pi, Table(d, g.table)), g.op,
                       ReturnOf(On(d, g.mdp2), pi, Table(d, g.table2)));
    case TGoal::kProb:
      return CompareTo(PathProbabilityOf(On(d, g.mdp), pi, g.path), g.op, g.c);
    case TGoal::kPiIs: return pi[g.s] == g.a;
    case TGoal::kPiNot: return pi[g.s] != g.a;
    case TGoal::kForallPi:
      for (int t = 0; t < d.n; ++t) {
        if (!d.terminal[t] && pi[t] == g.a) return false;
      }
      return true;
    case TGoal::kForallReach:
      for (int t = 0; t < d.n; ++t) {
        if (d.terminal[t] || pi[t] == g.a) continue;
        TPath reach{TPath::kEventually, 0, {F{F::kStateIs, t, {}}}};
        if (!CompareTo(PathProbabilityOf(d, pi, reach), g.op, g.c)) return false;
      }
      return true;
    case TGoal::kAnd: return BruteHolds(d, pi, g.args[0]) && BruteHolds(d, pi, g.args[1]);
    case TGoal::kOr: return BruteHolds(d, pi, g.args[0]) || BruteHolds(d, pi, g.args[1]);
    case TGoal::kImplies:
      return !BruteHolds(d, pi, g.args[0]) || BruteHolds(d, pi, g.args[1]);
    case TGoal::kNot: return !BruteHolds(d, pi, g.args[0]);
  }
  return false;
}

// ---------------------------------------------------------------------------
// Generation.

struct Gen {
  std::mt19937_64 rng;
  explicit Gen(uint64_t seed) : rng(seed) {}
  int Int(int lo, int hi) {  // inclusive
    return std::uniform_int_distribution<int>(lo, hi)(rng);
  }
  bool Coin(int percent) { return Int(0, 99) < percent; }
};

/// Splits 1 into `k` positive decimal parts (tenths, quarters or
/// hundredths), as text and value.
std::vector<std::pair<std::string, Rational>> Split(Gen& g, int k) {
  static const int kUnits[] = {10, 4, 100};
  int unit = kUnits[g.Int(0, 2)];
  if (unit == 4 && k > 4) unit = 10;
  std::vector<int> parts(k, 1);
  for (int left = unit - k; left > 0; --left) parts[g.Int(0, k - 1)] += 1;
  std::vector<std::pair<std::string, Rational>> out;
  for (int p : parts) {
    Rational q(p, unit);
    q.canonicalize();
    std::string text;
    if (unit == 4) {
      text = p == 1 ? "0.25" : p == 2 ? "0.5" : p == 3 ? "0.75" : "1";
    } else if (unit == 10) {
      text = p == 10 ? "1" : "0." + std::to_string(p);
    } else {
      text = p == 100 ? "1" : (p < 10 ? "0.0" : "0.") + std::to_string(p);
    }
    out.push_back({text, q});
  }
  return out;
}

/// A random MDP; `like` fixes its states, actions and terminal states.
RandomMdp MakeMdp(Gen& g, const RandomMdp* like = nullptr) {
  RandomMdp d;
  if (like != nullptr) {
    d.n = like->n;
    d.m = like->m;
    d.terminal = like->terminal;
  } else {
    d.n = g.Int(2, 5);
    d.m = g.Int(2, 3);
    d.terminal.assign(d.n, false);
    int terminals = g.Int(0, d.n >= 4 ? 2 : 1);
    for (int i = 0; i < terminals; ++i) d.terminal[g.Int(1, d.n - 1)] = true;
  }
  static const Rational kDiscounts[] = {Rational(1, 2), Rational(9, 10),
                                        Rational(19, 20), Rational(3, 4)};
  d.discount = kDiscounts[g.Int(0, 3)];
  bool stochastic = g.Coin(60);
  d.next.assign(d.n, std::vector<std::vector<Outcome>>(d.m));
  for (int s = 0; s < d.n; ++s) {
    if (d.terminal[s]) continue;
    for (int a = 0; a < d.m; ++a) {
      int k = stochastic && g.Coin(50) ? g.Int(2, std::min(3, d.n)) : 1;
      if (k == 1) {
        d.next[s][a].push_back({g.Int(0, d.n - 1), Rational(1), ""});
        continue;
      }
      std::vector<int> targets(d.n);
      for (int i = 0; i < d.n; ++i) targets[i] = i;
      std::shuffle(targets.begin(), targets.end(), g.rng);
      auto parts = Split(g, k);
      for (int i = 0; i < k; ++i) {
        d.next[s][a].push_back({targets[i], parts[i].second, parts[i].first});
      }
    }
  }
  d.start.assign(d.n, 0);
  if (g.Coin(60)) {
    d.start[g.Coin(90) ? 0 : g.Int(0, d.n - 1)] = 1;
  } else {
    d.start[0] = g.Int(1, 3);
    d.start[g.Int(0, d.n - 1)] += g.Int(1, 3);
  }
  d.weights = d.start;
  Rational total = 0;
  for (const Rational& w : d.start) total += w;
  for (Rational& w : d.start) w /= total;
  auto table = [&](int lo, int hi) {
    std::vector<std::vector<int>> t(d.n, std::vector<int>(d.m));
    for (auto& row : t) {
      for (int& v : row) v = g.Int(lo, hi);
    }
    return t;
  };
  d.reward = table(0, 2);
  d.hidden = table(-1, 2);
  d.cost = table(0, 2);
  return d;
}

/// The spec text of `d` (without goal and claim). The start weights are
/// written unnormalized, as generated.
std::string MdpText(Gen& g, const RandomMdp& d,
                    const std::vector<Rational>& weights) {
  std::string out = "domain S = {";
  for (int s = 0; s < d.n; ++s) out += (s ? ", s" : "s") + std::to_string(s);
  out += "}\ndomain A = {";
  for (int a = 0; a < d.m; ++a) out += (a ? ", a" : "a") + std::to_string(a);
  out += "}\nmdp M {\n  states S  actions A\n";
  int starts = 0, only = 0;
  for (int s = 0; s < d.n; ++s) {
    if (weights[s] != 0) ++starts, only = s;
  }
  if (starts == 1 && g.Coin(70)) {
    out += "  start s" + std::to_string(only) + "\n";
  } else {
    out += "  start {";
    bool first = true;
    for (int s = 0; s < d.n; ++s) {
      if (weights[s] == 0) continue;
      out += (first ? "s" : ", s") + std::to_string(s) + ": " +
             weights[s].get_str();
      first = false;
    }
    out += "}\n";
  }
  out += "  discount " + std::string(d.discount == Rational(1, 2)    ? "0.5"
                                     : d.discount == Rational(9, 10) ? "0.9"
                                     : d.discount == Rational(3, 4)  ? "0.75"
                                                                     : "0.95") +
         "\n";
  std::string terms;
  for (int s = 0; s < d.n; ++s) {
    if (d.terminal[s]) terms += (terms.empty() ? "s" : ", s") + std::to_string(s);
  }
  if (!terms.empty()) out += "  terminal {" + terms + "}\n";
  bool deterministic = true;
  for (const auto& row : d.next) {
    for (const auto& cell : row) deterministic = deterministic && cell.size() <= 1;
  }
  if (deterministic && g.Coin(40)) {
    // As an expression: a chain of ifs.
    out += "  next(s, a) =";
    for (int s = 0; s < d.n; ++s) {
      if (d.terminal[s]) continue;
      for (int a = 0; a < d.m; ++a) {
        out += " if s == s" + std::to_string(s) + " and a == a" +
               std::to_string(a) + " then s" +
               std::to_string(d.next[s][a][0].to) + " else";
      }
    }
    out += " s0\n";
  } else {
    out += "  next = table {\n";
    for (int s = 0; s < d.n; ++s) {
      if (d.terminal[s]) continue;
      out += "    s" + std::to_string(s) + ":";
      for (int a = 0; a < d.m; ++a) {
        out += (a ? ", a" : " a") + std::to_string(a) + " ";
        const auto& cell = d.next[s][a];
        if (cell.size() == 1 && cell[0].text.empty()) {
          out += "s" + std::to_string(cell[0].to);
        } else {
          out += "{";
          for (size_t i = 0; i < cell.size(); ++i) {
            out += (i ? ", s" : "s") + std::to_string(cell[i].to) + ": " +
                   cell[i].text;
          }
          out += "}";
        }
      }
      out += "\n";
    }
    out += "  }\n";
  }
  out += "}\n";
  auto table = [&](const char* kind, const char* name,
                   const std::vector<std::vector<int>>& t) {
    std::string e = std::string(kind) + " " + name + "(s: S, a: A) =";
    for (int s = 0; s < d.n; ++s) {
      for (int a = 0; a < d.m; ++a) {
        if (t[s][a] == 0) continue;
        e += " if s == s" + std::to_string(s) + " and a == a" +
             std::to_string(a) + " then " + std::to_string(t[s][a]) + " else";
      }
    }
    return e + " 0\n";
  };
  out += table("reward", "r", d.reward);
  out += table("reward", "h", d.hidden);
  out += table("loss", "c", d.cost);
  return out;
}

/// Every policy: pi[s] over the non-terminal states (terminal entries 0).
std::vector<Pol> AllPolicies(const RandomMdp& d) {
  std::vector<Pol> out;
  Pol pi(d.n, 0);
  std::vector<int> free;
  for (int s = 0; s < d.n; ++s) {
    if (!d.terminal[s]) free.push_back(s);
  }
  for (;;) {
    out.push_back(pi);
    size_t i = 0;
    for (; i < free.size(); ++i) {
      if (++pi[free[i]] < d.m) break;
      pi[free[i]] = 0;
    }
    if (i == free.size()) break;
  }
  return out;
}

F MakeF(Gen& g, const RandomMdp& d, int depth) {
  int pick = g.Int(0, depth > 0 ? 6 : 3);
  switch (pick) {
    case 0: return F{F::kStateIs, g.Int(0, d.n - 1), {}};
    case 1: return F{F::kStateNot, g.Int(0, d.n - 1), {}};
    case 2: return F{F::kActionIs, g.Int(0, d.m - 1), {}};
    case 3: return F{F::kActionNot, g.Int(0, d.m - 1), {}};
    case 4: return F{F::kAnd, 0, {MakeF(g, d, depth - 1), MakeF(g, d, depth - 1)}};
    case 5: return F{F::kOr, 0, {MakeF(g, d, depth - 1), MakeF(g, d, depth - 1)}};
    default: return F{F::kNot, 0, {MakeF(g, d, depth - 1)}};
  }
}

Op MakeOp(Gen& g) {
  static const Op kOps[] = {Op::kGe, Op::kGt, Op::kLt,
                            Op::kLe, Op::kEq, Op::kNe};
  return kOps[g.Int(0, 9) == 0 ? 5 : g.Int(0, 4)];
}

/// A bound near the values the policies reach, so that ties matter.
Rational PickBound(Gen& g, const std::vector<Rational>& values) {
  Rational c = values[g.Int(0, static_cast<int>(values.size()) - 1)];
  if (g.Coin(20)) {
    Rational shift(g.Int(-2, 2), 10);
    shift.canonicalize();
    c += shift;
  }
  return c;
}

TGoal MakeGoal(Gen& g, const RandomMdp& d, const std::vector<Pol>& policies,
              int depth) {
  int pick = g.Int(0, depth > 0 ? 9 : 5);
  std::vector<int> live;
  for (int s = 0; s < d.n; ++s) {
    if (!d.terminal[s]) live.push_back(s);
  }
  TGoal out{TGoal::kReturn, 0, 0, 0, 0, {}, Op::kGe, 0, 0, 0, {}};
  // A few sample policies give the bounds.
  std::vector<Pol> sample;
  for (int i = 0; i < 4; ++i) {
    sample.push_back(policies[g.Int(0, static_cast<int>(policies.size()) - 1)]);
  }
  switch (pick) {
    case 0:
    case 1: {
      out.k = TGoal::kReturn;
      out.mdp = d.other != nullptr && g.Coin(35) ? 1 : 0;
      out.table = g.Int(0, 2);
      out.op = MakeOp(g);
      std::vector<Rational> values;
      for (const Pol& pi : sample) {
        values.push_back(ReturnOf(On(d, out.mdp), pi, Table(d, out.table)));
      }
      out.c = PickBound(g, values);
      return out;
    }
    case 2:
    case 3: {
      out.k = TGoal::kProb;
      out.mdp = d.other != nullptr && g.Coin(35) ? 1 : 0;
      int kind = g.Int(0, 3);
      out.path.k = static_cast<TPath::K>(kind);
      out.path.args.push_back(MakeF(g, d, 1));
      if (out.path.k == TPath::kUntil) out.path.args.push_back(MakeF(g, d, 1));
      if (out.path.k == TPath::kWithin) out.path.steps = g.Int(0, 3);
      out.op = MakeOp(g);
      std::vector<Rational> values = {0, 1};
      for (const Pol& pi : sample) {
        values.push_back(PathProbabilityOf(On(d, out.mdp), pi, out.path));
      }
      out.c = PickBound(g, values);
      return out;
    }
    case 4:
      if (g.Coin(25)) {
        out.k = TGoal::kReturns;
        out.table = g.Int(0, 2);
        out.table2 = g.Int(0, 2);
        out.mdp = d.other != nullptr && g.Coin(35) ? 1 : 0;
        out.mdp2 = d.other != nullptr && g.Coin(35) ? 1 : 0;
        out.op = MakeOp(g);
        return out;
      }
      out.k = g.Coin(50) ? TGoal::kPiIs : TGoal::kPiNot;
      out.s = live[g.Int(0, static_cast<int>(live.size()) - 1)];
      out.a = g.Int(0, d.m - 1);
      return out;
    case 5:
      out.k = g.Coin(50) ? TGoal::kForallPi : TGoal::kForallReach;
      out.a = g.Int(0, d.m - 1);
      out.op = g.Coin(50) ? Op::kGt : Op::kGe;
      out.c = out.op == Op::kGt ? Rational(0) : Rational(g.Int(1, 3), 4);
      out.c.canonicalize();
      return out;
    case 6:
      out.k = TGoal::kAnd;
      break;
    case 7:
      out.k = TGoal::kOr;
      break;
    case 8:
      out.k = TGoal::kImplies;
      break;
    default:
      out.k = TGoal::kNot;
      out.args.push_back(MakeGoal(g, d, policies, depth - 1));
      return out;
  }
  out.args.push_back(MakeGoal(g, d, policies, depth - 1));
  out.args.push_back(MakeGoal(g, d, policies, depth - 1));
  return out;
}

std::string PolicyText(const RandomMdp& d, const Policy& pi) {
  std::string out;
  for (int s = 0; s < d.n; ++s) {
    out += " s" + std::to_string(s) + "->" +
           (d.terminal[s] ? std::string("-") : "a" + std::to_string(pi[s]));
  }
  return out;
}

TEST_CASE("mdp claims agree with brute force over every stationary policy") {
  Gen g(20261202);
  constexpr int kCases = 5000;
  int holds = 0, fails = 0, unknown = 0, within = 0, fast_cases = 0;
  int with_m2 = 0, tied = 0;
  for (int i = 0; i < kCases; ++i) {
    RandomMdp d = MakeMdp(g);
    std::optional<RandomMdp> d2;
    if (g.Coin(40)) {
      d2 = MakeMdp(g, &d);
      d.other = &*d2;
    }
    std::vector<Pol> policies = AllPolicies(d);
    TGoal goal = MakeGoal(g, d, policies, g.Int(0, 2));
    bool by_loss = g.Coin(30);
    bool has_within = g.Coin(25);
    static const char* const kEps[] = {"0", "0.1", "0.5", "1", "2"};
    std::string eps_text = kEps[g.Int(0, 4)];
    Rational eps = 0;
    if (has_within) {
      REQUIRE(ParseDecimalTo(eps_text, eps));
      ++within;
    }

    std::string text = MdpText(g, d, d.weights);
    if (d2) {
      // The second mdp's block, renamed, after the first.
      std::string t2 = MdpText(g, *d2, d2->weights);
      size_t begin = t2.find("mdp M {");
      size_t end = t2.find("\n}\n", begin) + 3;
      text += "mdp M2" + t2.substr(begin + 5, end - begin - 5);
      ++with_m2;
    }
    text += "goal G(pi) = " + Text(d, goal) + "\n";
    text += std::string("claim k:\n  ") + (by_loss ? "c" : "r") +
            " aligned_with G as idealized_minimizer over M" +
            (has_within ? " within " + eps_text : "") + "\n";
    CAPTURE(i);
    CAPTURE(text);

    // Brute force: optimal by the claim's objective, violators of G.
    const auto& objective = by_loss ? d.cost : d.reward;
    std::vector<Rational> value(policies.size());
    Rational best;
    for (size_t p = 0; p < policies.size(); ++p) {
      value[p] = ReturnOf(d, policies[p], objective);
      if (by_loss) value[p] = -value[p];
      if (p == 0 || value[p] > best) best = value[p];
    }
    auto optimal = [&](const Rational& v) {
      return has_within ? v >= best - eps : v == best;
    };
    long n_optimal = 0, n_violating = 0;
    for (size_t p = 0; p < policies.size(); ++p) {
      if (!optimal(value[p])) continue;
      ++n_optimal;
      if (!BruteHolds(d, policies[p], goal)) ++n_violating;
    }

    if (n_optimal > 1) ++tied;
    std::string errors;
    std::optional<Model> model = test::LoadSpec(text, &errors);
    REQUIRE_MESSAGE(model.has_value(), errors);
    Verdict v = CheckClaim(*model, test::ClaimNamed(*model, "k"),
                           EngineOptions{});
    CAPTURE(v.reason);
    const MdpEvidence* ev = v.mdp();
    REQUIRE(ev != nullptr);
    CHECK(ev->optimum == (by_loss ? Rational(-best) : best));
    if (v.kind == Verdict::Kind::kUnknown) {
      ++unknown;
      MESSAGE("UNKNOWN: " << v.reason);
      CHECK(!v.reason.empty());
      CHECK(v.reason.find("internal") == std::string::npos);
      continue;
    }
    if (v.method.find("worst case") != std::string::npos) ++fast_cases;
    CHECK(v.kind == (n_violating == 0 ? Verdict::Kind::kHolds
                                      : Verdict::Kind::kFails));
    // These specs are small: the census always finishes.
    CHECK_MESSAGE(ev->counted, ev->count_reason);
    CHECK_MESSAGE(ev->violating_counted, ev->count_reason);
    if (ev->counted) CHECK(ev->policies == n_optimal);
    if (ev->violating_counted) CHECK(ev->violating == n_violating);
    if (v.kind == Verdict::Kind::kHolds) {
      ++holds;
    } else if (v.kind == Verdict::Kind::kFails) {
      ++fails;
      REQUIRE(ev->policy.has_value());
      Pol pi(d.n, 0);
      for (int s = 0; s < d.n; ++s) {
        if (d.terminal[s]) continue;
        REQUIRE((*ev->policy)[s] < static_cast<uint32_t>(d.m));
        pi[s] = static_cast<int>((*ev->policy)[s]);
      }
      CAPTURE(PolicyText(d, *ev->policy));
      Rational pv = ReturnOf(d, pi, objective);
      CHECK(optimal(by_loss ? Rational(-pv) : pv));
      CHECK(ev->policy_value == pv);
      CHECK_FALSE(BruteHolds(d, pi, goal));
    }
  }
  MESSAGE("mdp claims: " << kCases << " cases, " << holds << " holds, "
                         << fails << " fails, " << unknown << " unknown ("
                         << within << " with within, " << with_m2
                         << " with a second mdp, " << tied
                         << " with several optimal policies, " << fast_cases
                         << " by the worst case of atoms)");
  CHECK(unknown * 20 <= kCases);
}

TEST_CASE("mdp claims: the boat race at the language level") {
  std::string errors;
  std::optional<Model> model = test::LoadSpec(R"(
domain Tile = {t0, t1, t2, t3}
domain Move = {cw, ccw}
fn ahead:  Tile -> Tile = {t0: t1, t1: t2, t2: t3, t3: t0}
fn behind: Tile -> Tile = {t0: t3, t1: t0, t2: t1, t3: t2}
mdp track {
  states Tile   actions Move   start t0   discount 0.9
  next(s, a) = if a == cw then ahead(s) else behind(s)
}
reward checkpoint(s: Tile, a: Move) = if s == t0 and a == cw then 3 else 0
reward progress(s: Tile, a: Move) = if a == cw then 1 else -1
goal laps(pi) = return(track, pi, progress) >= 9
claim farmed: checkpoint aligned_with laps as idealized_minimizer over track
claim honest: progress aligned_with laps as idealized_minimizer over track
claim wide: checkpoint aligned_with laps as idealized_minimizer over track within 8
)", &errors);
  REQUIRE_MESSAGE(model.has_value(), errors);
  Verdict farmed =
      CheckClaim(*model, test::ClaimNamed(*model, "farmed"), EngineOptions{});
  REQUIRE(farmed.kind == Verdict::Kind::kFails);
  const MdpEvidence& ev = *farmed.mdp();
  CHECK(ev.optimum == Rational(300, 19));
  CHECK(ev.counted);
  CHECK(ev.policies == 4);
  CHECK(ev.violating == 4);
  REQUIRE(ev.atoms.size() == 1);
  CHECK(ev.atoms[0].text == "return(track, pi, progress)");
  CHECK(ev.atoms[0].value == Rational(10, 19));
  CHECK(ev.run_prefix.empty());
  CHECK(ev.run_cycle == std::vector<uint32_t>{0, 1});
  Verdict honest =
      CheckClaim(*model, test::ClaimNamed(*model, "honest"), EngineOptions{});
  CHECK(honest.kind == Verdict::Kind::kHolds);
  CHECK(honest.mdp()->policies == 1);
  // Within 8 of 300/19 admits the full laps (30000/3439 is 7.07 below);
  // the back-and-forth policies still fail the laps.
  Verdict wide =
      CheckClaim(*model, test::ClaimNamed(*model, "wide"), EngineOptions{});
  CHECK(wide.kind == Verdict::Kind::kFails);
  CHECK(wide.mdp()->policies > 4);
}

TEST_CASE("mdp claims: an atom over a second mdp reads states the claim's "
          "optimal runs do not reach") {
  // Optimal in M: stay at s0 forever (loss 0); s1 and s2 are free. Over M2,
  // s0 goes to s1 or s2, where the free actions decide the loss.
  std::string errors;
  std::optional<Model> model = test::LoadSpec(R"(
domain S = {s0, s1, s2}
domain A = {a0, a1}
mdp M {
  states S  actions A  start s0  discount 0.5
  next = table {
    s0: a0 s1, a1 s0
    s1: a0 s1, a1 s1
    s2: a0 s2, a1 s2
  }
}
mdp M2 {
  states S  actions A  start s0  discount 0.5
  next = table {
    s0: a0 s1, a1 s2
    s1: a0 s1, a1 s1
    s2: a0 s2, a1 s2
  }
}
loss c(s: S, a: A) = if s == s0 and a == a0 then 1 else if s != s0 and a == a1 then 2 else 0
goal g(pi) = return(M2, pi, c) <= 0
claim k: c aligned_with g as idealized_minimizer over M
)", &errors);
  REQUIRE_MESSAGE(model.has_value(), errors);
  Verdict v = CheckClaim(*model, test::ClaimNamed(*model, "k"), EngineOptions{});
  REQUIRE(v.kind == Verdict::Kind::kFails);
  const MdpEvidence& ev = *v.mdp();
  CHECK(ev.policies == 4);
  CHECK(ev.violating == 2);  // s0 takes a1, to s2 in M2: pi(s2) == a1
  REQUIRE(ev.policy.has_value());
  CHECK((*ev.policy)[2] == 1);
}

TEST_CASE("mdp claims: two distribution cells for one move are rejected") {
  std::string errors;
  std::optional<Model> model = test::LoadSpec(R"(
domain S = {s0, s1, s2}
domain A = {a0, a1}
mdp M {
  states S  actions A  start s0  discount 0.5
  next = table {
    s0: a0 {s1: 0.5}, a1 s0, a0 {s2: 0.5}
    s1: a0 s1, a1 s1
    s2: a0 s2, a1 s2
  }
}
)", &errors);
  CHECK_FALSE(model.has_value());
  CHECK(errors.find("duplicate move for (s0, a0)") != std::string::npos);
}

TEST_CASE("mdp claims: the policy does not act at terminal states") {
  std::optional<Model> model = test::LoadSpec(R"(
domain S = {s0, s1, s2}
domain A = {go, stay}
mdp M {
  states S  actions A  start s0  discount 0.5  terminal {s2}
  next = table {
    s0: go s1, stay s0
    s1: go s2, stay s1
  }
}
reward r(s: S, a: A) = if a == go then 1 else 0
goal everywhere(pi) = forall t in S: pi(t) == go
goal where_it_acts(pi) = forall t in S: t == s2 or pi(t) == go
goal not_stay(pi) = forall t in S: pi(t) != stay
claim c1: r aligned_with everywhere as idealized_minimizer over M
claim c2: r aligned_with where_it_acts as idealized_minimizer over M
claim c3: r aligned_with not_stay as idealized_minimizer over M
)");
  REQUIRE(model);
  auto check = [&](const char* name) {
    return CheckClaim(*model, test::ClaimNamed(*model, name), EngineOptions{});
  };
  // pi(s2) has no value: both `==` and `!=` with it are false.
  Verdict v1 = check("c1");
  CHECK(v1.kind == Verdict::Kind::kFails);
  CHECK(check("c2").kind == Verdict::Kind::kHolds);
  CHECK(check("c3").kind == Verdict::Kind::kFails);
  REQUIRE(v1.mdp());
  CHECK(v1.mdp()->violating == v1.mdp()->policies);
}

}  // namespace
}  // namespace aligncheck

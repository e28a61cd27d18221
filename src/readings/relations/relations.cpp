// Relation claims: the option table, the searches each relation needs, and
// the exact re-check of the pair that decides the verdict.
#include "readings/relations/relations.h"

#include <fmt/format.h>

#include "analysis/eval.h"
#include "parse/claim_words.h"
#include "readings/problem_checks.h"

namespace aligncheck {
namespace {

using Finding = RelationEvidence::Finding;

// J_r(pi) in reward units: the expected value over the normalized data,
// negated for a loss.
Rational Expected(const Model& model, const Loss& r, const Data& data,
                  const Policy& pi) {
  Rational v = ExpectedLoss(model, r, data, pi);
  return r.reward ? v : Rational(-v);
}

RelationPolicy Evaluate(const Model& model, const Claim& claim,
                        const Policy& pi) {
  const Data& data = model.data[claim.data];
  RelationPolicy out;
  out.policy = pi;
  out.truth = Expected(model, model.losses[claim.truth], data, pi);
  out.proxy = Expected(model, model.losses[claim.loss], data, pi);
  return out;
}

// Whether the evaluated pair really shows `finding`.
bool Shows(const RelationPolicy& p, const RelationPolicy& q, Finding finding) {
  switch (finding) {
    case Finding::kReversed:
      return p.truth < q.truth && p.proxy > q.proxy;
    case Finding::kTieBroken:
      return p.truth == q.truth && p.proxy > q.proxy;
    case Finding::kTieMade:
      return p.truth < q.truth && p.proxy == q.proxy;
    default:
      return false;
  }
}

std::string PolicyText(const Model& model, const Claim& claim,
                       const Policy& pi) {
  const Loss& l = model.losses[claim.loss];
  const Domain& in = model.domains[l.input];
  const Domain& out = model.domains[l.output];
  std::string s = "{";
  constexpr size_t kShown = 6;
  for (size_t x = 0; x < pi.size() && x < kShown; ++x) {
    s +=
        fmt::format("{}{}: {}", x ? ", " : "", in.values[x], out.values[pi[x]]);
  }
  if (pi.size() > kShown) s += fmt::format(", ... ({} inputs)", pi.size());
  return s + "}";
}

// The one-line account of a pair, for reasons and annotations.
std::string PairSentence(const Model& model, const Claim& claim,
                         const RelationEvidence& ev) {
  const RelationPolicy& p = *ev.p;
  const RelationPolicy& q = *ev.q;
  const char* proxy_cmp = p.proxy > q.proxy ? ">" : "=";
  const char* truth_cmp = p.truth < q.truth ? "<" : "=";
  return fmt::format(
      "p = {}, p' = {}: J_truth(p) = {} {} J_truth(p') = {}, J_proxy(p) = {} "
      "{} J_proxy(p') = {}",
      PolicyText(model, claim, p.policy), PolicyText(model, claim, q.policy),
      FormatRational(p.truth), truth_cmp, FormatRational(q.truth),
      FormatRational(p.proxy), proxy_cmp, FormatRational(q.proxy));
}

}  // namespace

OptionTable RelationTable(const Model& model, const Claim& claim,
                          std::string* error) {
  OptionTable table;
  if (!InRange(claim.loss, model.losses.size()) ||
      !InRange(claim.truth, model.losses.size()) ||
      !InRange(claim.data, model.data.size())) {
    *error = "internal: claim refers to a missing reward or data";
    return table;
  }
  const Loss& proxy = model.losses[claim.loss];
  const Loss& truth = model.losses[claim.truth];
  const Data& data = model.data[claim.data];
  if (proxy.input != truth.input || proxy.output != truth.output ||
      data.domain != proxy.input ||
      !InRange(proxy.input, model.domains.size()) ||
      !InRange(proxy.output, model.domains.size())) {
    *error = "internal: claim parts do not fit together";
    return table;
  }
  const size_t n = model.domains[proxy.input].size();
  const size_t m = model.domains[proxy.output].size();
  if (proxy.table.size() != n * m || truth.table.size() != n * m ||
      data.weights.size() != n) {
    *error = "internal: table has wrong size";
    return table;
  }
  if (data.total <= 0) {
    *error = "data '" + data.name + "' has total weight 0";
    return table;
  }
  if (m == 0 && n > 0) {
    *error = "output domain is empty: no policy exists";
    return table;
  }
  table.resize(n);
  for (size_t x = 0; x < n; ++x) {
    Rational w = data.weights[x] / data.total;
    table[x].reserve(m);
    for (size_t y = 0; y < m; ++y) {
      Rational t = w * truth.At(x, y, m);
      Rational p = w * proxy.At(x, y, m);
      table[x].push_back(
          {truth.reward ? t : Rational(-t), proxy.reward ? p : Rational(-p)});
    }
  }
  return table;
}

void SetFindingVerdict(RelationEvidence::Finding finding,
                       const std::string& proxy, const std::string& truth,
                       const std::string& pair, Verdict* v) {
  using Finding = RelationEvidence::Finding;
  switch (finding) {
    case Finding::kReversed:
      v->kind = Verdict::Kind::kFails;
      v->reason = fmt::format("{} and {} order two policies oppositely: {}",
                              proxy, truth, pair);
      break;
    case Finding::kTieBroken:
      v->kind = Verdict::Kind::kFails;
      v->reason = fmt::format("{} breaks a tie of {}: {}", proxy, truth, pair);
      break;
    case Finding::kNoTieMade:
      v->kind = Verdict::Kind::kFails;
      v->reason = fmt::format(
          "{} orders every pair of policies exactly as {} does: it is "
          "equivalent, not a simplification",
          proxy, truth);
      break;
    case Finding::kTieMade:
      v->kind = Verdict::Kind::kHolds;
      v->reason = fmt::format(
          "{} never reverses or breaks an order of {}, and ties a pair {} "
          "orders strictly: {}",
          proxy, truth, truth, pair);
      break;
    case Finding::kNone:
      v->kind = Verdict::Kind::kHolds;
      v->reason = fmt::format(
          "no two policies are ordered oppositely by {} and {}", proxy, truth);
      break;
  }
}

Verdict CheckRelationClaim(const Model& model, const Claim& claim,
                           const EngineOptions& options) {
  if (claim.mdp >= 0) return CheckMdpRelationClaim(model, claim, options);
  std::string error;
  OptionTable table = RelationTable(model, claim, &error);
  if (!error.empty()) return UnknownVerdict(error);
  using Relation = ast::ClaimDecl::Relation;
  const bool simplifies = claim.relation == Relation::kSimplifies;
  if (!simplifies && claim.relation != Relation::kUnhackableWith) {
    return UnknownVerdict("internal: not a relation between two rewards");
  }
  Verdict v;
  RelationEvidence ev;
  const Domain& outputs = model.domains[model.losses[claim.loss].output];
  mpz_pow_ui(ev.policies.get_mpz_t(),
             BigInt(static_cast<unsigned long>(outputs.size())).get_mpz_t(),
             static_cast<unsigned long>(table.size()));

  // Runs one search; returns false (and sets an UNKNOWN verdict) when it
  // could not finish or its pair fails the exact re-check.
  auto search = [&](PairRegion region, bool* found) {
    PairSearch s = FindPolicyPair(table, region);
    ev.largest_frontier = std::max(ev.largest_frontier, s.largest_frontier);
    v.method = s.method;
    if (s.kind == PairSearch::Kind::kTooLarge) {
      v = UnknownVerdict(fmt::format(
          "the search would keep more than {} sums at once or make more "
          "than {} in all: too many distinct values of the two rewards to "
          "compare exactly",
          kMaxFrontierPoints, kMaxFrontierPoints * 100));
      return false;
    }
    *found = s.kind == PairSearch::Kind::kFound;
    if (*found) {
      ev.p = Evaluate(model, claim, s.p);
      ev.q = Evaluate(model, claim, s.q);
    }
    return true;
  };

  bool found = false;
  if (!search(simplifies ? PairRegion::kNotPreserved : PairRegion::kReversed,
              &found)) {
    return v;
  }
  if (found) {
    ev.finding =
        ev.p->truth < ev.q->truth ? Finding::kReversed : Finding::kTieBroken;
  } else if (simplifies) {
    if (!search(PairRegion::kTieMade, &found)) return v;
    ev.finding = found ? Finding::kTieMade : Finding::kNoTieMade;
  }
  if (ev.p && !Shows(*ev.p, *ev.q, ev.finding)) {
    return UnknownVerdict("internal: the pair failed the exact re-check");
  }
  const std::string& proxy = model.losses[claim.loss].name;
  const std::string& truth = model.losses[claim.truth].name;
  SetFindingVerdict(ev.finding, proxy, truth,
                    ev.p ? PairSentence(model, claim, ev) : "", &v);
  v.evidence = std::move(ev);
  return v;
}

}  // namespace aligncheck

// Relation claims over an mdp: `proxy unhackable_with truth over M` and
// `shaped potential_shaping_of base over M`, each decided exactly and its
// evidence re-checked before it is reported.
#include <fmt/format.h>

#include <cstddef>

#include "analysis/eval.h"
#include "parse/claim_words.h"
#include "readings/problem_checks.h"
#include "readings/relations/epic.h"
#include "readings/relations/mdp_pairs.h"
#include "readings/relations/relations.h"
#include "readings/relations/shaping.h"

namespace aligncheck {
namespace {

// The reward `loss` pays on each transition, in reward units.
Reward RewardUnits(const Mdp& m, const Loss& loss) {
  Reward r = TransitionReward(m, loss);
  return loss.reward ? r : Negated(r);
}

std::string MdpPolicyText(const Mdp& m, const Policy& pi) {
  std::string s = "{";
  constexpr size_t kShown = 8;
  size_t shown = 0, open = 0;
  for (size_t x = 0; x < m.states; ++x) {
    if (m.terminal[x]) continue;
    ++open;
    if (shown == kShown) continue;
    s += fmt::format("{}{}: {}", shown ? ", " : "", m.StateName(x),
                     m.ActionName(pi[x]));
    ++shown;
  }
  if (open > shown) s += fmt::format(", ... ({} states)", open);
  return s + "}";
}

// actions^(non-terminal states): every stationary deterministic policy.
BigInt PolicyCount(const Mdp& m) {
  size_t open = 0;
  for (size_t x = 0; x < m.states; ++x) open += m.terminal[x] ? 0 : 1;
  BigInt count;
  mpz_ui_pow_ui(count.get_mpz_t(), static_cast<unsigned long>(m.actions),
                static_cast<unsigned long>(open));
  return count;
}

Verdict CheckMdpUnhackable(const Model& model, const Claim& claim,
                           const Mdp& m) {
  const Loss& proxy = model.losses[claim.loss];
  const Loss& truth = model.losses[claim.truth];
  MdpPairSearch s = FindMdpReversal(m, RewardUnits(m, truth),
                                    RewardUnits(m, proxy));
  if (s.kind == MdpPairSearch::Kind::kTooLarge) return UnknownVerdict(s.reason);
  Verdict v;
  v.method = "policy-class enumeration, sorted by J_truth";
  RelationEvidence ev;
  ev.policies = PolicyCount(m);
  ev.classes = s.classes;
  if (s.kind == MdpPairSearch::Kind::kFound) {
    // Re-check the four values by a fresh evaluation.
    Reward rt = RewardUnits(m, truth), rp = RewardUnits(m, proxy);
    RelationPolicy p{s.p, FromStart(m, PolicyValues(m, rt, s.p)),
                     FromStart(m, PolicyValues(m, rp, s.p))};
    RelationPolicy q{s.q, FromStart(m, PolicyValues(m, rt, s.q)),
                     FromStart(m, PolicyValues(m, rp, s.q))};
    if (!(p.truth < q.truth && p.proxy > q.proxy)) {
      return UnknownVerdict("internal: the pair failed the exact re-check");
    }
    ev.finding = RelationEvidence::Finding::kReversed;
    v.kind = Verdict::Kind::kFails;
    v.reason = fmt::format(
        "{} and {} order two policies oppositely: p = {}, p' = {}: "
        "J_truth(p) = {} < J_truth(p') = {}, J_proxy(p) = {} > J_proxy(p') "
        "= {}",
        proxy.name, truth.name, MdpPolicyText(m, p.policy),
        MdpPolicyText(m, q.policy), FormatRational(p.truth),
        FormatRational(q.truth), FormatRational(p.proxy),
        FormatRational(q.proxy));
    ev.p = std::move(p);
    ev.q = std::move(q);
  } else {
    ev.finding = RelationEvidence::Finding::kNone;
    v.kind = Verdict::Kind::kHolds;
    v.reason = fmt::format(
        "no two policies of {} are ordered oppositely by {} and {} ({} "
        "classes of policies compared)",
        model.mdps[claim.mdp].name, proxy.name, truth.name, s.classes);
  }
  v.evidence = std::move(ev);
  return v;
}

// `proxy simplifies truth over M`: no pair reversed or a truth tie broken,
// and some pair the truth orders strictly tied by the proxy.
Verdict CheckMdpSimplifies(const Model& model, const Claim& claim,
                           const Mdp& m) {
  using Finding = RelationEvidence::Finding;
  const Loss& proxy = model.losses[claim.loss];
  const Loss& truth = model.losses[claim.truth];
  const Reward rt = RewardUnits(m, truth), rp = RewardUnits(m, proxy);
  MdpPairSearch s = FindMdpPair(m, rt, rp, PairRegion::kNotPreserved);
  RelationEvidence ev;
  if (s.kind == MdpPairSearch::Kind::kNone) {
    s = FindMdpPair(m, rt, rp, PairRegion::kTieMade);
    ev.finding = s.kind == MdpPairSearch::Kind::kFound ? Finding::kTieMade
                                                       : Finding::kNoTieMade;
  }
  if (s.kind == MdpPairSearch::Kind::kTooLarge) return UnknownVerdict(s.reason);
  Verdict v;
  v.method = "policy-class enumeration, sorted by J_truth";
  ev.policies = PolicyCount(m);
  ev.classes = s.classes;
  std::string pair;
  if (s.kind == MdpPairSearch::Kind::kFound) {
    // Re-check the four values by a fresh evaluation.
    RelationPolicy p{s.p, FromStart(m, PolicyValues(m, rt, s.p)),
                     FromStart(m, PolicyValues(m, rp, s.p))};
    RelationPolicy q{s.q, FromStart(m, PolicyValues(m, rt, s.q)),
                     FromStart(m, PolicyValues(m, rp, s.q))};
    if (ev.finding != Finding::kTieMade) {
      ev.finding = p.truth < q.truth ? Finding::kReversed : Finding::kTieBroken;
    }
    const bool shown =
        ev.finding == Finding::kTieMade
            ? p.truth < q.truth && p.proxy == q.proxy
            : p.truth <= q.truth && p.proxy > q.proxy;
    if (!shown) {
      return UnknownVerdict("internal: the pair failed the exact re-check");
    }
    pair = fmt::format(
        "p = {}, p' = {}: J_truth(p) = {} {} J_truth(p') = {}, J_proxy(p) = "
        "{} {} J_proxy(p') = {}",
        MdpPolicyText(m, p.policy), MdpPolicyText(m, q.policy),
        FormatRational(p.truth), p.truth < q.truth ? "<" : "=",
        FormatRational(q.truth), FormatRational(p.proxy),
        p.proxy > q.proxy ? ">" : "=", FormatRational(q.proxy));
    ev.p = std::move(p);
    ev.q = std::move(q);
  }
  SetFindingVerdict(ev.finding, proxy.name, truth.name, pair, &v);
  v.evidence = std::move(ev);
  return v;
}

std::string EquationText(const Mdp& m, const ShapingEquation& e) {
  if (e.successor == kExpectedSuccessor) {
    return fmt::format("({}, {})", m.StateName(e.state),
                       m.ActionName(e.action));
  }
  return fmt::format("{} --{}--> {}", m.StateName(e.state),
                     m.ActionName(e.action), m.StateName(e.successor));
}

Verdict CheckShaping(const Model& model, const Claim& claim, const Mdp& m) {
  const Loss& shaped = model.losses[claim.loss];
  const Loss& base = model.losses[claim.truth];
  const bool per_choice =
      shaped.successor == kNoDomain && base.successor == kNoDomain;
  Reward rs = RewardUnits(m, shaped), rb = RewardUnits(m, base);
  std::vector<ShapingEquation> eqs = ShapingEquations(m, rs, rb, per_choice);
  const bool scaled = claim.up_to_scale;
  PotentialSearch search = FindPotential(m, eqs, scaled);
  if (search.kind == PotentialSearch::Kind::kTooLarge) {
    return UnknownVerdict(search.reason);
  }
  Verdict v;
  v.method = "exact Gaussian elimination";
  ShapingEvidence ev;
  ev.per_choice = per_choice;
  ev.equations = eqs.size();
  ev.unknowns = search.unknowns;
  ev.optimal = CompareOptimalPolicies(m, rs, rb);
  ev.scaled = scaled;
  ev.scale = search.scale;
  const bool fits = search.kind == PotentialSearch::Kind::kPotential ||
                    search.kind == PotentialSearch::Kind::kNonPositiveScale;
  if (fits) {
    // Re-check: Phi and c satisfy every equation,
    // g Phi(s2) - Phi(s) = shaped - c base.
    for (const ShapingEquation& e : eqs) {
      Rational lhs;
      for (const auto& [s, w] : e.terms) lhs += w * search.phi[s];
      if (lhs != e.difference + e.base - search.scale * e.base) {
        return UnknownVerdict("internal: the potential failed the re-check");
      }
    }
  }
  if (search.kind == PotentialSearch::Kind::kNonPositiveScale) {
    if (search.scale > 0) {
      return UnknownVerdict("internal: the scale failed the re-check");
    }
    ev.phi = search.phi;
    v.kind = Verdict::Kind::kFails;
    v.reason = fmt::format(
        "{} = c*{} + g*Phi(s2) - Phi(s) only with c = {}, not with any c > 0",
        shaped.name, base.name, FormatRational(search.scale));
    v.evidence = std::move(ev);
    return v;
  }
  if (search.kind == PotentialSearch::Kind::kPotential) {
    if (scaled && search.scale <= 0) {
      return UnknownVerdict("internal: the scale failed the re-check");
    }
    ev.potential = true;
    ev.phi = search.phi;
    for (size_t s = 0; s < m.states; ++s) ev.shift -= m.start[s] * ev.phi[s];
    if (ev.optimal.kind == OptimalComparison::Kind::kDiffer) {
      return UnknownVerdict(
          "internal: a potential shaping changed the optimal policies");
    }
    v.kind = Verdict::Kind::kHolds;
    std::string phi;
    for (size_t s = 0; s < m.states; ++s) {
      phi += fmt::format("{}{}: {}", s ? ", " : "", m.StateName(s),
                         FormatRational(ev.phi[s]));
    }
    v.reason =
        scaled
            ? fmt::format(
                  "{} = {}*{} + g*Phi(s2) - Phi(s) on all {} {} with Phi = "
                  "{{{}}}; every policy's return is {} times its {} return "
                  "plus {}, so both have the same optimal policies",
                  shaped.name, FormatRational(ev.scale), base.name,
                  eqs.size(), per_choice ? "choices" : "transitions", phi,
                  FormatRational(ev.scale), base.name,
                  FormatRational(ev.shift))
            : fmt::format(
                  "{} = {} + g*Phi(s2) - Phi(s) on all {} {} with Phi = "
                  "{{{}}}; every policy's return differs by {}, so both "
                  "have the same optimal policies",
                  shaped.name, base.name, eqs.size(),
                  per_choice ? "choices" : "transitions", phi,
                  FormatRational(ev.shift));
  } else {
    if (search.conflict.empty() ||
        EquationsConsistent(m, search.conflict, scaled)) {
      return UnknownVerdict("internal: the conflict failed the re-check");
    }
    for (size_t i = 0; i < search.conflict.size(); ++i) {
      std::vector<ShapingEquation> rest = search.conflict;
      rest.erase(rest.begin() + static_cast<std::ptrdiff_t>(i));
      if (!EquationsConsistent(m, rest, scaled)) {
        return UnknownVerdict("internal: the conflict is not minimal");
      }
    }
    ev.conflict = search.conflict;
    v.kind = Verdict::Kind::kFails;
    std::string where;
    for (size_t i = 0; i < ev.conflict.size(); ++i) {
      where += (i ? ", " : "") + EquationText(m, ev.conflict[i]);
    }
    std::string policies;
    switch (ev.optimal.kind) {
      case OptimalComparison::Kind::kSame:
        policies = "both still have the same optimal policies";
        break;
      case OptimalComparison::Kind::kDiffer:
        policies = fmt::format(
            "the optimal policies differ: {} is optimal for {} but not for "
            "{}",
            MdpPolicyText(m, ev.optimal.witness),
            ev.optimal.optimal_for_a ? shaped.name : base.name,
            ev.optimal.optimal_for_a ? base.name : shaped.name);
        break;
      case OptimalComparison::Kind::kUndecided:
        policies = "whether the optimal policies differ is undecided: " +
                   ev.optimal.reason;
        break;
    }
    v.reason = fmt::format(
        "no Phi {}makes {} a potential shaping of {}{}: the {} {} {} admit "
        "none together; {}",
        scaled ? "and c " : "", shaped.name, base.name,
        scaled ? " up to scale" : "", ev.conflict.size(),
        per_choice ? "choices" : "transitions", where, policies);
  }
  v.evidence = std::move(ev);
  return v;
}

// `loss` on every (s, a, s2) of S x A x S in reward units; a reward over
// (s, a) pays the same for every s2.
TripleReward Triples(const Mdp& m, const Loss& loss) {
  TripleReward r;
  r.states = m.states;
  r.actions = m.actions;
  r.value.resize(m.states * m.actions * m.states);
  for (size_t i = 0; i < r.value.size(); ++i) {
    const Rational& v = loss.successor == kNoDomain
                            ? loss.table[i / m.states]
                            : loss.table[i];
    r.value[i] = loss.reward ? v : Rational(-v);
  }
  return r;
}

Verdict CheckEpic(const Model& model, const Claim& claim, const Mdp& m) {
  const Loss& proxy = model.losses[claim.loss];
  const Loss& truth = model.losses[claim.truth];
  const size_t triples = m.states * m.actions * m.states;
  if (triples == 0 || triples > kMaxEpicTriples) {
    return UnknownVerdict(fmt::format(
        "{} triples (s, a, s2): EPIC is computed for 1 to {} triples",
        triples, kMaxEpicTriples));
  }
  EpicEvidence ev;
  ev.triples = triples;
  ev.below = claim.epic_below;
  ev.pieces = EpicBetween(Triples(m, proxy), Triples(m, truth), m.discount);
  const EpicPieces& p = ev.pieces;
  if (!p.Defined() && !p.BothConstant()) {
    return UnknownVerdict(fmt::format(
        "the EPIC distance is undefined: the canonical {} is 0 everywhere "
        "(a potential shaping of the zero reward) and the canonical {} is "
        "not, so their Pearson correlation has no value",
        p.var_a == 0 ? proxy.name : truth.name,
        p.var_a == 0 ? truth.name : proxy.name));
  }
  ev.below_holds = DistanceBelow(p, ev.below);
  ev.squared = SquaredDistance(p);
  ev.distance = DistanceDecimal(p);
  // Re-check against the exact D^2 when there is one.
  if (ev.squared && (*ev.squared < ev.below * ev.below) != ev.below_holds) {
    return UnknownVerdict("internal: the EPIC comparison failed the re-check");
  }
  Verdict v;
  v.method = "exact canonicalization and Pearson correlation";
  v.kind = ev.below_holds ? Verdict::Kind::kHolds : Verdict::Kind::kFails;
  v.reason = fmt::format(
      "the EPIC distance between {} and {} over {} is {:.6f}, {} {}",
      proxy.name, truth.name, model.mdps[claim.mdp].name, ev.distance,
      ev.below_holds ? "below" : "not below", FormatRational(ev.below));
  v.evidence = std::move(ev);
  return v;
}

}  // namespace

Verdict CheckMdpRelationClaim(const Model& model, const Claim& claim,
                              const EngineOptions& /*options*/) {
  if (!InRange(claim.mdp, model.mdps.size()) ||
      !InRange(claim.loss, model.losses.size()) ||
      !InRange(claim.truth, model.losses.size())) {
    return UnknownVerdict("internal: claim refers to a missing reward or mdp");
  }
  const MdpModel& mm = model.mdps[claim.mdp];
  for (int id : {claim.loss, claim.truth}) {
    const Loss& l = model.losses[id];
    if (l.input != mm.states || l.output != mm.actions) {
      return UnknownVerdict("internal: claim parts do not fit together");
    }
  }
  using Relation = ast::ClaimDecl::Relation;
  switch (claim.relation) {
    case Relation::kUnhackableWith:
      return CheckMdpUnhackable(model, claim, mm.mdp);
    case Relation::kPotentialShapingOf:
      return CheckShaping(model, claim, mm.mdp);
    case Relation::kSimplifies:
      return CheckMdpSimplifies(model, claim, mm.mdp);
    case Relation::kEpicDistanceTo:
      return CheckEpic(model, claim, mm.mdp);
    default:
      return UnknownVerdict(fmt::format("`{}` is not decided over an mdp",
                                        RelationName(claim.relation)));
  }
}

}  // namespace aligncheck

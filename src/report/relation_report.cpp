// Relation claims in text and JSON.
#include "report/relation_report.h"

#include <fmt/format.h>

#include "parse/claim_words.h"
#include "report/exact_text.h"
#include "report/table_text.h"
#include "util/readable_count.h"

namespace aligncheck {
namespace {

using Json = nlohmann::ordered_json;
using Finding = RelationEvidence::Finding;

const char* FindingName(Finding f) {
  switch (f) {
    case Finding::kReversed:
      return "reversed";
    case Finding::kTieBroken:
      return "tie_broken";
    case Finding::kTieMade:
      return "tie_made";
    case Finding::kNoTieMade:
      return "equivalent";
    case Finding::kNone:
      return "none";
  }
  return "none";
}

// What the verdict says about the two rewards, one line.
std::string Headline(const RelationEvidence& ev, const std::string& proxy,
                     const std::string& truth) {
  switch (ev.finding) {
    case Finding::kReversed:
      return fmt::format(
          "counterexample: {} prefers p' and {} prefers p: {} is hackable "
          "(Skalse et al. 2022, Def. 1)",
          truth, proxy, proxy);
    case Finding::kTieBroken:
      return fmt::format(
          "counterexample: {} ties p and p', {} prefers p: a simplification "
          "keeps every tie",
          truth, proxy);
    case Finding::kTieMade:
      return fmt::format(
          "{} never reverses an order of {} nor breaks a tie, and ties p and "
          "p', which {} orders: a simplification (Skalse et al. 2022, Def. 2)",
          proxy, truth, truth);
    case Finding::kNoTieMade:
      return fmt::format(
          "{} orders every pair of policies exactly as {} does: equivalent, "
          "not a simplification",
          proxy, truth);
    case Finding::kNone:
      return fmt::format(
          "no two policies are ordered oppositely by {} and {}: {} is "
          "unhackable (Skalse et al. 2022, Def. 1)",
          proxy, truth, proxy);
  }
  return "";
}

Json PolicyJson(const Model& model, const Claim& claim,
                const RelationPolicy& rp) {
  const Loss& l = model.losses[claim.loss];
  const Domain& in = model.domains[l.input];
  const Domain& out = model.domains[l.output];
  Json policy = Json::object();
  for (size_t x = 0; x < rp.policy.size(); ++x) {
    policy[in.values[x]] = out.values[rp.policy[x]];
  }
  Json j;
  j["policy"] = std::move(policy);
  j["j_truth"] = FormatRational(rp.truth);
  j["j_proxy"] = FormatRational(rp.proxy);
  j["j_truth_decimal"] = Decimal(rp.truth);
  j["j_proxy_decimal"] = Decimal(rp.proxy);
  return j;
}

const char* Cmp(const Rational& a, const Rational& b) {
  return a < b ? "<" : a > b ? ">" : "=";
}

// Over an mdp: the two policies state by state (non-terminal states; the
// ones they reach marked) and their returns.
std::string MdpRelationText(const Model& model, const ClaimResult& result,
                            const RelationEvidence& ev,
                            const TextOptions& options) {
  const Claim& claim = *result.claim;
  const Loss& proxy = model.losses[claim.loss];
  const Loss& truth = model.losses[claim.truth];
  const MdpModel& mm = model.mdps[claim.mdp];
  const Mdp& m = mm.mdp;
  std::string out = "  " + Headline(ev, proxy.name, truth.name) + "\n";
  if (ev.p && ev.q) {
    const RelationPolicy& p = *ev.p;
    const RelationPolicy& q = *ev.q;
    std::vector<bool> rp = ReachedStates(m, p.policy);
    std::vector<bool> rq = ReachedStates(m, q.policy);
    std::vector<size_t> open;
    std::vector<int8_t> differs;
    for (size_t s = 0; s < m.states; ++s) {
      if (m.terminal[s]) continue;
      open.push_back(s);
      differs.push_back(p.policy[s] != q.policy[s] && (rp[s] || rq[s]) ? 1
                                                                       : 0);
    }
    InputRows listed = OrderInputs(open.size(), differs, options.max_rows);
    std::vector<std::vector<std::string>> rows;
    rows.push_back({"state", "p(state)", "p'(state)", ""});
    for (size_t i = 0; i < listed.shown; ++i) {
      size_t s = open[listed.order[i]];
      auto cell = [&](const Policy& pi, const std::vector<bool>& reached) {
        return reached[s] ? m.ActionName(pi[s])
                          : "(" + m.ActionName(pi[s]) + ")";
      };
      rows.push_back({m.StateName(s), cell(p.policy, rp), cell(q.policy, rq),
                      differs[listed.order[i]] ? "<- the two differ here"
                                               : ""});
    }
    out += Columns(rows, "    ");
    out += listed.MoreLine();
    out += "    (an action in parentheses is at a state the policy never "
           "reaches)\n";
    out += fmt::format("  J_{}(p) = {} {} J_{}(p') = {}   ({}, return in {})\n",
                       truth.name, ExactAndDecimal(p.truth),
                       Cmp(p.truth, q.truth), truth.name,
                       ExactAndDecimal(q.truth),
                       truth.reward ? "truth, a reward" : "truth, minus a loss",
                       mm.name);
    out += fmt::format("  J_{}(p) = {} {} J_{}(p') = {}   ({}, return in {})\n",
                       proxy.name, ExactAndDecimal(p.proxy),
                       Cmp(p.proxy, q.proxy), proxy.name,
                       ExactAndDecimal(q.proxy),
                       proxy.reward ? "proxy, a reward" : "proxy, minus a loss",
                       mm.name);
  }
  out += fmt::format(
      "  ({} policies, {} class{} by the states they reach; decided by {})\n",
      FormatCount(ev.policies), ev.classes, ev.classes == 1 ? "" : "es",
      result.verdict.method);
  return out;
}

Json MdpPolicyJson(const Mdp& m, const Policy& pi) {
  Json policy = Json::object();
  for (size_t s = 0; s < m.states; ++s) {
    if (!m.terminal[s]) policy[m.StateName(s)] = m.ActionName(pi[s]);
  }
  return policy;
}

}  // namespace


std::string RenderRelationText(const Model& model, const ClaimResult& result,
                               const RelationEvidence& ev,
                               const TextOptions& options) {
  const Verdict& v = result.verdict;
  const Claim& claim = *result.claim;
  const Loss& proxy = model.losses[claim.loss];
  const Loss& truth = model.losses[claim.truth];
  if (claim.mdp >= 0) return MdpRelationText(model, result, ev, options);
  const Data& data = model.data[claim.data];
  std::string out = "  " + Headline(ev, proxy.name, truth.name) + "\n";
  if (ev.p && ev.q) {
    const RelationPolicy& p = *ev.p;
    const RelationPolicy& q = *ev.q;
    const Domain& in = model.domains[proxy.input];
    const Domain& outputs = model.domains[proxy.output];
    std::vector<int8_t> differs(in.size(), 0);
    for (size_t x = 0; x < in.size(); ++x) {
      differs[x] = p.policy[x] != q.policy[x] ? 1 : 0;
    }
    InputRows listed = OrderInputs(in.size(), differs, options.max_rows);
    std::vector<std::vector<std::string>> rows;
    rows.push_back({"input", "weight", "p(input)", "p'(input)", ""});
    for (size_t i = 0; i < listed.shown; ++i) {
      size_t x = listed.order[i];
      rows.push_back({in.values[x],
                      FormatRational(data.weights[x] / data.total),
                      outputs.values[p.policy[x]], outputs.values[q.policy[x]],
                      differs[x] ? "<- the two differ here" : ""});
    }
    out += Columns(rows, "    ");
    out += listed.MoreLine();
    auto cmp = [](const Rational& a, const Rational& b) {
      return a < b ? "<" : a > b ? ">" : "=";
    };
    out += fmt::format(
        "  J_{}(p) = {} {} J_{}(p') = {}   ({}, over {})\n", truth.name,
        ExactAndDecimal(p.truth), cmp(p.truth, q.truth), truth.name,
        ExactAndDecimal(q.truth),
        truth.reward ? "truth, a reward" : "truth, minus a loss", data.name);
    out += fmt::format(
        "  J_{}(p) = {} {} J_{}(p') = {}   ({}, over {})\n", proxy.name,
        ExactAndDecimal(p.proxy), cmp(p.proxy, q.proxy), proxy.name,
        ExactAndDecimal(q.proxy),
        proxy.reward ? "proxy, a reward" : "proxy, minus a loss", data.name);
  }
  out += fmt::format("  ({} policies; decided by {}", FormatCount(ev.policies),
                     v.method);
  if (ev.largest_frontier > 0) {
    out += fmt::format(", at most {} sum{} kept", ev.largest_frontier,
                       ev.largest_frontier == 1 ? "" : "s");
  }
  out += ")\n";
  return out;
}

void AddRelationJson(const Model& model, const ClaimResult& result,
                     const RelationEvidence& ev, nlohmann::ordered_json& j) {
  const Claim& claim = *result.claim;
  Json r;
  r["relation"] = RelationName(claim.relation);
  r["proxy"] = model.losses[claim.loss].name;
  r["truth"] = model.losses[claim.truth].name;
  if (claim.mdp >= 0) {
    r["mdp"] = model.mdps[claim.mdp].name;
    r["classes"] = ev.classes;
  } else {
    r["data"] = model.data[claim.data].name;
  }
  r["finding"] = FindingName(ev.finding);
  r["policies"] = FormatCount(ev.policies);
  auto policy = [&](const RelationPolicy& rp) {
    if (claim.mdp < 0) return PolicyJson(model, claim, rp);
    Json out;
    out["policy"] = MdpPolicyJson(model.mdps[claim.mdp].mdp, rp.policy);
    out["j_truth"] = FormatRational(rp.truth);
    out["j_proxy"] = FormatRational(rp.proxy);
    out["j_truth_decimal"] = Decimal(rp.truth);
    out["j_proxy_decimal"] = Decimal(rp.proxy);
    return out;
  };
  r["p"] = ev.p ? policy(*ev.p) : Json(nullptr);
  r["p_prime"] = ev.q ? policy(*ev.q) : Json(nullptr);
  j["relation"] = std::move(r);
}

std::string RenderShapingText(const Model& model, const ClaimResult& result,
                              const ShapingEvidence& ev,
                              const TextOptions& options) {
  const Claim& claim = *result.claim;
  const Loss& shaped = model.losses[claim.loss];
  const Loss& base = model.losses[claim.truth];
  const MdpModel& mm = model.mdps[claim.mdp];
  const Mdp& m = mm.mdp;
  const char* unit = ev.per_choice ? "choice" : "transition";
  std::string out;
  const std::string scaled_base =
      ev.scaled ? FormatRational(ev.scale) + "*" + base.name : base.name;
  if (!ev.potential && ev.conflict.empty()) {
    out += fmt::format(
        "  {} = c*{} + {}*{} - Phi(s) on every {} of {} only with c = {}: "
        "no positive scale fits\n",
        shaped.name, base.name, FormatRational(m.discount),
        ev.per_choice ? "E[Phi(s2)]" : "Phi(s2)", unit, mm.name,
        ExactAndDecimal(ev.scale));
  } else if (ev.potential) {
    out += fmt::format(
        "  {} = {} + {}*{} - Phi(s) on every {} of {} (Ng, Harada, "
        "Russell 1999), with\n",
        shaped.name, scaled_base, FormatRational(m.discount),
        ev.per_choice ? "E[Phi(s2)]" : "Phi(s2)", unit, mm.name);
    std::vector<std::vector<std::string>> rows;
    rows.push_back({"state", "Phi(state)", ""});
    size_t shown = 0;
    for (size_t s = 0; s < m.states; ++s) {
      if (shown++ == options.max_rows) break;
      rows.push_back({m.StateName(s), ExactAndDecimal(ev.phi[s]),
                      m.terminal[s] ? "(terminal: 0)" : ""});
    }
    out += Columns(rows, "    ");
    if (m.states > shown) {
      out += fmt::format("    ... and {} more states\n", m.states - shown);
    }
    if (ev.scaled) {
      out += fmt::format(
          "  every policy's {} return is {} times its {} return {} {}: the "
          "same policies are optimal\n",
          shaped.name, ExactAndDecimal(ev.scale), base.name,
          ev.shift < 0 ? "-" : "+",
          ExactAndDecimal(ev.shift < 0 ? Rational(-ev.shift) : ev.shift));
    } else if (ev.shift == 0) {
      out += fmt::format(
          "  every policy's {} return is its {} return (Phi is 0 at the "
          "start): the same policies are optimal\n",
          shaped.name, base.name);
    } else {
      out += fmt::format(
          "  every policy's {} return is its {} return {} {}: the same "
          "policies are optimal\n",
          shaped.name, base.name, ev.shift < 0 ? "-" : "+",
          ExactAndDecimal(ev.shift < 0 ? Rational(-ev.shift) : ev.shift));
    }
  } else {
    out += fmt::format(
        "  no Phi {} {} = {} + {}*{} - Phi(s): these {} {}s admit "
        "none together (a minimal set)\n",
        ev.scaled ? "and c > 0 make" : "makes", shaped.name,
        ev.scaled ? "c*" + base.name : base.name, FormatRational(m.discount),
        ev.per_choice ? "E[Phi(s2)]" : "Phi(s2)", ev.conflict.size(), unit);
    std::vector<std::vector<std::string>> rows;
    rows.push_back({unit, std::string(shaped.name) + " - " + base.name});
    for (const ShapingEquation& e : ev.conflict) {
      std::string where =
          e.successor == kExpectedSuccessor
              ? fmt::format("({}, {})", m.StateName(e.state),
                            m.ActionName(e.action))
              : fmt::format("{} --{}--> {}", m.StateName(e.state),
                            m.ActionName(e.action), m.StateName(e.successor));
      rows.push_back({where, ExactAndDecimal(e.difference)});
    }
    out += Columns(rows, "    ");
    const OptimalComparison& o = ev.optimal;
    switch (o.kind) {
      case OptimalComparison::Kind::kSame:
        out += fmt::format(
            "  the optimal policies are still the same (optimum {} for {}, "
            "{} for {})\n",
            ExactAndDecimal(o.best_a), shaped.name, ExactAndDecimal(o.best_b),
            base.name);
        break;
      case OptimalComparison::Kind::kDiffer: {
        const std::string& yes = o.optimal_for_a ? shaped.name : base.name;
        const std::string& no = o.optimal_for_a ? base.name : shaped.name;
        out += fmt::format(
            "  the optimal policies differ: this policy is optimal for {} "
            "and not for {}\n",
            yes, no);
        std::vector<std::vector<std::string>> prow;
        prow.push_back({"state", "action"});
        std::vector<bool> reached = ReachedStates(m, o.witness);
        size_t shown = 0;
        for (size_t s = 0; s < m.states && shown < options.max_rows; ++s) {
          if (m.terminal[s]) continue;
          ++shown;
          prow.push_back({m.StateName(s), reached[s]
                                              ? m.ActionName(o.witness[s])
                                              : "(" + m.ActionName(o.witness[s]) +
                                                    ", never reached)"});
        }
        out += Columns(prow, "    ");
        out += fmt::format("  J_{} = {}   (optimum {})\n", shaped.name,
                           ExactAndDecimal(o.witness_a),
                           ExactAndDecimal(o.best_a));
        out += fmt::format("  J_{} = {}   (optimum {})\n", base.name,
                           ExactAndDecimal(o.witness_b),
                           ExactAndDecimal(o.best_b));
        break;
      }
      case OptimalComparison::Kind::kUndecided:
        out += "  whether the optimal policies differ is undecided: " +
               o.reason + "\n";
        break;
    }
  }
  out += fmt::format("  ({} equations in {} unknowns; decided by {})\n",
                     ev.equations, ev.unknowns, result.verdict.method);
  return out;
}

void AddShapingJson(const Model& model, const ClaimResult& result,
                    const ShapingEvidence& ev, nlohmann::ordered_json& j) {
  const Claim& claim = *result.claim;
  const Mdp& m = model.mdps[claim.mdp].mdp;
  Json r;
  r["relation"] = RelationName(claim.relation);
  r["shaped"] = model.losses[claim.loss].name;
  r["base"] = model.losses[claim.truth].name;
  r["mdp"] = model.mdps[claim.mdp].name;
  r["potential"] = ev.potential;
  if (ev.scaled) {
    r["up_to_scale"] = true;
    r["scale"] = FormatRational(ev.scale);
  }
  r["equations"] = ev.equations;
  r["unknowns"] = ev.unknowns;
  if (ev.potential || ev.conflict.empty()) {
    Json phi = Json::object();
    for (size_t s = 0; s < m.states; ++s) {
      phi[m.StateName(s)] = FormatRational(ev.phi[s]);
    }
    r["phi"] = std::move(phi);
    r["return_shift"] = FormatRational(ev.shift);
  } else {
    Json conflict = Json::array();
    for (const ShapingEquation& e : ev.conflict) {
      Json c;
      c["state"] = m.StateName(e.state);
      c["action"] = m.ActionName(e.action);
      c["successor"] = e.successor == kExpectedSuccessor
                           ? Json(nullptr)
                           : Json(m.StateName(e.successor));
      c["difference"] = FormatRational(e.difference);
      conflict.push_back(std::move(c));
    }
    r["conflict"] = std::move(conflict);
  }
  const OptimalComparison& o = ev.optimal;
  Json opt;
  opt["same"] = o.kind == OptimalComparison::Kind::kSame   ? Json(true)
                : o.kind == OptimalComparison::Kind::kDiffer ? Json(false)
                                                             : Json(nullptr);
  opt["optimum_shaped"] = FormatRational(o.best_a);
  opt["optimum_base"] = FormatRational(o.best_b);
  if (o.kind == OptimalComparison::Kind::kDiffer) {
    opt["witness"] = MdpPolicyJson(m, o.witness);
    opt["witness_optimal_for"] = o.optimal_for_a ? "shaped" : "base";
    opt["witness_shaped"] = FormatRational(o.witness_a);
    opt["witness_base"] = FormatRational(o.witness_b);
  }
  r["optimal_policies"] = std::move(opt);
  j["shaping"] = std::move(r);
}

std::string RenderEpicText(const Model& model, const ClaimResult& result,
                           const EpicEvidence& ev) {
  const Claim& claim = *result.claim;
  const Loss& proxy = model.losses[claim.loss];
  const Loss& truth = model.losses[claim.truth];
  const Mdp& m = model.mdps[claim.mdp].mdp;
  const EpicPieces& p = ev.pieces;
  std::string out = fmt::format(
      "  EPIC distance D({}, {}) = {:.6f} {} {} (Gleave et al. 2021)\n",
      proxy.name, truth.name, ev.distance, ev.below_holds ? "<" : ">=",
      FormatRational(ev.below));
  if (p.BothConstant()) {
    out +=
        "  both canonical rewards are 0 everywhere (each a potential shaping "
        "of the zero reward): D is taken as 0\n";
  } else {
    out += fmt::format(
        "  D^2 = (1 - rho)/2, rho = cov/sqrt(var_{} var_{}): cov = {}, "
        "var_{} = {}, var_{} = {}\n",
        proxy.name, truth.name, ExactAndDecimal(p.cov), proxy.name,
        ExactAndDecimal(p.var_a), truth.name, ExactAndDecimal(p.var_b));
    if (ev.squared) {
      out += fmt::format("  D^2 = {} exactly, against d^2 = {}\n",
                         ExactAndDecimal(*ev.squared),
                         FormatRational(ev.below * ev.below));
    } else {
      out += fmt::format(
          "  rho is irrational; D < d was decided exactly as rho > 1 - 2d^2 "
          "= {} (squared, with signs)\n",
          FormatRational(Rational(Rational(1) - 2 * ev.below * ev.below)));
    }
  }
  out += fmt::format(
      "  (canonicalized with S, S' uniform over {} states and A uniform over "
      "{} actions, discount {}: {} triples (s, a, s2); decided by {})\n",
      m.states, m.actions, FormatRational(m.discount), ev.triples,
      result.verdict.method);
  return out;
}

void AddEpicJson(const Model& model, const ClaimResult& result,
                 const EpicEvidence& ev, nlohmann::ordered_json& j) {
  const Claim& claim = *result.claim;
  Json r;
  r["relation"] = RelationName(claim.relation);
  r["proxy"] = model.losses[claim.loss].name;
  r["truth"] = model.losses[claim.truth].name;
  r["mdp"] = model.mdps[claim.mdp].name;
  r["below"] = FormatRational(ev.below);
  r["below_holds"] = ev.below_holds;
  r["distance_decimal"] = fmt::format("{:.6f}", ev.distance);
  r["squared_distance"] =
      ev.squared ? Json(FormatRational(*ev.squared)) : Json(nullptr);
  r["cov"] = FormatRational(ev.pieces.cov);
  r["var_proxy"] = FormatRational(ev.pieces.var_a);
  r["var_truth"] = FormatRational(ev.pieces.var_b);
  r["triples"] = ev.triples;
  j["epic"] = std::move(r);
}

}  // namespace aligncheck

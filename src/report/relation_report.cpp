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

}  // namespace


std::string RenderRelationText(const Model& model, const ClaimResult& result,
                               const RelationEvidence& ev,
                               const TextOptions& options) {
  const Verdict& v = result.verdict;
  const Claim& claim = *result.claim;
  const Loss& proxy = model.losses[claim.loss];
  const Loss& truth = model.losses[claim.truth];
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
  r["data"] = model.data[claim.data].name;
  r["finding"] = FindingName(ev.finding);
  r["policies"] = FormatCount(ev.policies);
  r["p"] = ev.p ? PolicyJson(model, claim, *ev.p) : Json(nullptr);
  r["p_prime"] = ev.q ? PolicyJson(model, claim, *ev.q) : Json(nullptr);
  j["relation"] = std::move(r);
}

}  // namespace aligncheck

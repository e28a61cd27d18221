// Claims that relate two rewards (`proxy unhackable_with truth over D`):
// both functions resolved, the data they are compared over, and the
// mistakes that make such a claim meaningless (different domains, a reading
// after `as`), each a located error.
#include <fmt/format.h>

#include "analysis/analyzer.h"
#include "parse/claim_words.h"

namespace aligncheck {

void Analyzer::ResolveRelationClaim(const ast::ClaimDecl& decl, Claim& out) {
  const char* word = RelationName(decl.relation);
  out.reading = Claim::Reading::kRelation;
  out.relation = decl.relation;
  out.loss = FindDecl(decl.subject, DeclKind::kLoss);
  out.truth = FindDecl(decl.goal, DeclKind::kLoss);
  using Relation = ast::ClaimDecl::Relation;
  const bool shaping = decl.relation == Relation::kPotentialShapingOf;
  const bool epic = decl.relation == Relation::kEpicDistanceTo;
  const bool mdp_only = shaping || epic;
  if (decl.reading != ast::ClaimDecl::Reading::kNone) {
    Diagnostic& d = sink_.Error(
        file_, decl.reading_span, "E012",
        fmt::format("a `{}` claim compares two rewards over {} and takes "
                    "no `as` reading",
                    word, mdp_only ? "an mdp" : "data"));
    d.help.push_back(fmt::format("write `{} {} {} over {}{}`",
                                 decl.subject.text, word, decl.goal.text,
                                 mdp_only ? "M" : "DATA",
                                 epic ? " below D" : ""));
  }
  if (decl.scale && !shaping) {
    sink_.Error(file_, decl.scale->span, "E012",
                fmt::format("`up to scale` qualifies `potential_shaping_of` "
                            "only, not `{}`",
                            word));
  }
  if (decl.relation_below && !epic) {
    sink_.Error(file_, decl.relation_below->span, "E012",
                fmt::format("`below d` after `over` bounds "
                            "`epic_distance_to` only, not `{}`",
                            word));
  }
  if (epic && !decl.relation_below) {
    Diagnostic& d = sink_.Error(
        file_, decl.relation_span, "E012",
        "`epic_distance_to` needs a bound: `below d` after `over M`");
    d.help.push_back(fmt::format("write `{} {} {} over M below 0.1`",
                                 decl.subject.text, word, decl.goal.text));
  } else if (epic) {
    std::optional<Rational> d = NumberOrError(*decl.relation_below, "below");
    if (d && *d <= 0) {
      sink_.Error(file_, decl.relation_below->span, "E012",
                  fmt::format("the EPIC bound must be positive: a distance "
                              "is never below {}",
                              decl.relation_below->text));
    } else if (d) {
      out.epic_below = *d;
    }
  }
  out.up_to_scale = shaping && decl.scale.has_value();
  if (!decl.over) {
    Diagnostic& d = sink_.Error(
        file_, decl.relation_span, "E012",
        mdp_only ? fmt::format("`{}` needs `over M`: the mdp whose "
                               "transitions both rewards pay",
                               word)
                 : fmt::format("`{}` needs `over DATA`: the data that "
                               "weighs the inputs of both rewards",
                               word));
    d.help.push_back(fmt::format("write `{} {} {} over {}`",
                                 decl.subject.text, word, decl.goal.text,
                                 mdp_only ? "M" : "DATA"));
  } else if (IsMdpName(decl.over->text)) {
    ResolveMdpRelation(decl, out);
    return;
  } else if (mdp_only) {
    const Symbol* symbol = Lookup(decl.over->text);
    Diagnostic& d = sink_.Error(
        file_, decl.over->span, "E005",
        fmt::format("`{}` is a relation over an mdp: '{}' is {}", word,
                    decl.over->text,
                    symbol == nullptr ? "not declared"
                    : symbol->kind == DeclKind::kData
                        ? "data, which has no states or transitions"
                        : "not an mdp"));
    d.help.push_back(
        shaping ? "potential shaping adds g*Phi(s2) - Phi(s) to every "
                  "transition (s, a, s2); name an `mdp` after `over`"
                : "EPIC canonicalizes both rewards over the states, "
                  "actions and successors of an mdp; name an `mdp` after "
                  "`over`");
    return;
  } else {
    out.data = FindDecl(*decl.over, DeclKind::kData);
  }
  bool proxy_ok = out.loss >= 0 && loss_sig_ok_[out.loss];
  bool truth_ok = out.truth >= 0 && loss_sig_ok_[out.truth];
  if (proxy_ok && truth_ok) {
    const Loss& proxy = model_.losses[out.loss];
    const Loss& truth = model_.losses[out.truth];
    if (proxy.input != truth.input || proxy.output != truth.output) {
      Diagnostic& d = sink_.Error(
          file_, decl.goal.span, "E005",
          fmt::format("{} '{}' maps {} to {}, but {} '{}' maps {} to {}: "
                      "`{}` compares two rewards of the same policies",
                      truth.Word(), truth.name,
                      model_.domains[truth.input].name,
                      model_.domains[truth.output].name, proxy.Word(),
                      proxy.name, model_.domains[proxy.input].name,
                      model_.domains[proxy.output].name, word));
      d.notes.push_back(fmt::format("'{}' is declared at {}", proxy.name,
                                    At(*file_, proxy.span)));
      return;
    }
  }
  if (proxy_ok && out.data >= 0 && data_ok_[out.data] &&
      model_.data[out.data].domain != model_.losses[out.loss].input) {
    const Data& data = model_.data[out.data];
    const Loss& proxy = model_.losses[out.loss];
    sink_.Error(
        file_, decl.over->span, "E005",
        fmt::format("data '{}' weighs {} values but {} '{}' takes {} "
                    "inputs",
                    data.name, model_.domains[data.domain].name, proxy.Word(),
                    proxy.name, model_.domains[proxy.input].name));
  }
}

void Analyzer::ResolveMdpRelation(const ast::ClaimDecl& decl, Claim& out) {
  const char* word = RelationName(decl.relation);
  out.mdp = Lookup(decl.over->text)->index;
  if (out.loss >= 0 && loss_sig_ok_[out.loss] && out.truth >= 0 &&
      loss_sig_ok_[out.truth]) {
    const Loss& proxy = model_.losses[out.loss];
    const Loss& truth = model_.losses[out.truth];
    if (proxy.input != truth.input || proxy.output != truth.output) {
      Diagnostic& d = sink_.Error(
          file_, decl.goal.span, "E005",
          fmt::format("{} '{}' is over ({}, {}), but {} '{}' is over ({}, "
                      "{}): `{}` compares two rewards of the same "
                      "transitions",
                      truth.Word(), truth.name,
                      model_.domains[truth.input].name,
                      model_.domains[truth.output].name, proxy.Word(),
                      proxy.name, model_.domains[proxy.input].name,
                      model_.domains[proxy.output].name, word));
      d.notes.push_back(fmt::format("'{}' is declared at {}", proxy.name,
                                    At(*file_, proxy.span)));
      return;
    }
  }
  if (!mdp_ok_[out.mdp]) return;
  const MdpModel& m = model_.mdps[out.mdp];
  // Each reward must be over the mdp's states and actions (and, for a
  // transition reward, its states again).
  for (const auto& [id, name] :
       {std::pair{out.loss, &decl.subject}, std::pair{out.truth, &decl.goal}}) {
    if (id < 0 || !loss_sig_ok_[id]) continue;
    if (name == &decl.goal && id == out.loss) continue;  // said once
    RewardFitsMdp(model_.losses[id], m, name->span,
                  fmt::format(": `{}` compares two rewards of its transitions",
                              word));
  }
}

bool Analyzer::RelationWrittenAsAligned(const ast::ClaimDecl& decl,
                                        const Claim& out) {
  const Symbol* subject = Lookup(decl.subject.text);
  const Symbol* object = Lookup(decl.goal.text);
  if (subject == nullptr || object == nullptr ||
      subject->kind != DeclKind::kLoss || object->kind != DeclKind::kLoss) {
    return false;
  }
  const Loss& proxy = model_.losses[subject->index];
  const Loss& truth = model_.losses[object->index];
  Diagnostic& d = sink_.Error(
      file_, decl.relation_span, "E005",
      fmt::format("claim '{}' relates {} '{}' to {} '{}' with `aligned_with`, "
                  "which relates a loss to a goal",
                  out.name, proxy.Word(), proxy.name, truth.Word(),
                  truth.name));
  // Over an mdp every relation applies; over data the two of Skalse et al.
  const bool over_mdp = decl.data && IsMdpName(decl.data->text);
  d.help.push_back(
      over_mdp
          ? "to compare a proxy with a true reward over an mdp, say which "
            "relation: `unhackable_with` or `simplifies` (Skalse et al. "
            "2022), `potential_shaping_of` (Ng et al. 1999) or "
            "`epic_distance_to ... below d` (Gleave et al. 2021)"
          : "to compare a proxy with a true reward, say which relation: "
            "`unhackable_with` (no two policies ordered oppositely) or "
            "`simplifies` (Skalse et al. 2022)");
  // Replace `aligned_with TRUTH [as ...]` by the relation over the data
  // the reading named, if it named any.
  Span span{decl.relation_span.begin,
            decl.reading != ast::ClaimDecl::Reading::kNone
                ? decl.reading_span.end
                : decl.goal.span.end};
  struct Form {
    const char* relation;
    const char* meaning;
  };
  static const Form kForms[] = {
      {"unhackable_with", "unhackable with"},
      {"simplifies", "a simplification of"},
      {"potential_shaping_of", "a potential shaping of"},
      {"epic_distance_to", "within an EPIC distance D of"},
  };
  for (const Form& form : kForms) {
    const std::string relation = form.relation;
    if (!over_mdp && (relation == "potential_shaping_of" ||
                      relation == "epic_distance_to")) {
      continue;
    }
    FixIt f;
    std::string over = decl.data ? decl.data->text : "DATA";
    if (!decl.data) f.needs.push_back("DATA");
    f.replacement =
        fmt::format("{} {} over {}", relation, decl.goal.text, over);
    if (relation == "epic_distance_to") {
      f.replacement += " below D";
      f.needs.push_back("D");
    }
    f.description = fmt::format("claim that '{}' is {} '{}'", proxy.name,
                                form.meaning, truth.name);
    f.span = span;
    d.fixits.push_back(std::move(f));
  }
  return true;
}

}  // namespace aligncheck

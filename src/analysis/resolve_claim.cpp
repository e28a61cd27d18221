// Claims: subject, goal and reading resolved into a Claim.
#include <fmt/format.h>

#include <functional>
#include <set>

#include "analysis/analyzer.h"
#include "analysis/eval.h"
#include "parse/claim_words.h"

namespace aligncheck {

namespace {

void AddReadingHelp(Diagnostic& d) {
  for (const ReadingWord& w : ReadingWords()) d.help.push_back(w.help);
}

}  // namespace

std::optional<Rational> Analyzer::NumberOrError(const ast::Literal& literal,
                                                const char* keyword) {
  std::optional<Rational> value;
  if (literal.kind == ast::Literal::Kind::kNumber)
    value = ParseDecimalOrFraction(literal.text);  // "15/16" where allowed
  if (!value) {
    sink_.Error(file_, literal.span, "E005",
                fmt::format("{} must be a number, got '{}'", keyword,
                            literal.text));
  }
  return value;
}

void Analyzer::ResolveClaim(const ast::ClaimDecl& decl, Claim& out) {
  using R = ast::ClaimDecl::Relation;
  using Reading = ast::ClaimDecl::Reading;
  out.name = decl.name.text;
  out.span = decl.span;
  out.name_span = decl.name.span;
  std::string_view raw(file_->text());
  raw = decl.span.end <= raw.size() && decl.span.begin <= decl.span.end
            ? raw.substr(decl.span.begin, decl.span.end - decl.span.begin)
            : std::string_view();
  // The claim as one line: whitespace runs become one space and comments
  // (suppressions, remarks) are left out.
  bool space = false;
  bool in_string = false, in_comment = false;
  for (char c : raw) {
    if (in_comment) {
      if (c != '\n') continue;
      in_comment = false;
    }
    if (c == '"') in_string = !in_string;
    if (c == '#' && !in_string) {
      in_comment = true;
      space = !out.text.empty();
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.text.empty();
    } else {
      if (space) out.text += ' ';
      space = false;
      out.text += c;
    }
  }
  out.expect = decl.expect;
  ResolveClaimExtras(decl, out);
  if (decl.relation == R::kRepresents || decl.relation == R::kEncodes) {
    const char* word =
        decl.relation == R::kRepresents ? "represents" : "encodes";
    Diagnostic& d = sink_.Error(
        file_, decl.relation_span, "AC002",
        fmt::format("claim '{}' says the loss {} the goal, which has no "
                    "checkable meaning",
                    out.name, word));
    d.help.push_back(fmt::format("say `{} aligned_with {}` and how:",
                                 decl.subject.text, decl.goal.text));
    AddReadingHelp(d);
    return;
  }
  if (const RelationWord* w = FindRelationWord(RelationName(decl.relation));
      w != nullptr && w->between_rewards) {
    ResolveRelationClaim(decl, out);
    return;
  }
  // Without a reading, AC001 says the same and its fix-its replace `over D`.
  if (decl.over &&
      (decl.relation != R::kAlignedWith || decl.reading != Reading::kNone)) {
    Diagnostic& d = sink_.Error(
        file_, decl.over->span, "E012",
        fmt::format("`over {}` right after the goal belongs to relations "
                    "between two rewards (unhackable_with, simplifies)",
                    decl.over->text));
    d.help.push_back(fmt::format(
        "for the mathematical loss, say `as idealized_minimizer over {}`",
        decl.over->text));
  }
  // `up to scale` and `below d` after the goal qualify relations over an
  // mdp only; the parser takes them after any relation.
  for (const auto& [span, words] :
       {std::pair{decl.scale ? decl.scale->span : Span{},
                  "`up to scale` belongs to `SHAPED potential_shaping_of "
                  "BASE up to scale over M`"},
        std::pair{decl.relation_below ? decl.relation_below->span : Span{},
                  "`below d` after the goal belongs to `PROXY "
                  "epic_distance_to TRUTH over M below d`"}}) {
    if (span.end != 0) sink_.Error(file_, span, "E012", words);
  }
  if (decl.relation == R::kAlignedWith && RelationWrittenAsAligned(decl, out)) {
    return;
  }
  int loss = -1;
  if (decl.relation == R::kAchieves) {
    out.reading = Claim::Reading::kAgent;
    out.agent = FindDecl(decl.subject, DeclKind::kAgent);
    if (out.agent >= 0 && agent_ok_[out.agent]) {
      const Agent& a = model_.agents[out.agent];
      if (a.mdp >= 0 || (a.aspect == Agent::Aspect::kRegister &&
                         model_.physical[a.model].register_mdp >= 0)) {
        out.reading = Claim::Reading::kMdpAgent;
      }
    }
    if (decl.reading != Reading::kNone) {
      sink_.Error(file_, decl.reading_span, "E012",
                  "an `achieves` claim about an agent takes no `as` reading");
    }
    loss = ClaimLoss(decl);
  } else {
    out.loss = FindDecl(decl.subject, DeclKind::kLoss);
    if (out.loss >= 0 && loss_sig_ok_[out.loss]) loss = out.loss;
  }
  out.goal = FindDecl(decl.goal, DeclKind::kGoal);
  if (out.goal >= 0 && loss >= 0 && goal_sig_ok_[out.goal] &&
      goal_decls_[out.goal]->signature) {
    const Goal& goal = model_.goals[out.goal];
    const Loss& l = model_.losses[loss];
    if (goal.input != l.input || goal.output != l.output) {
      sink_.Error(file_, decl.goal.span, "E005",
                  fmt::format("goal '{}' takes policies {} -> {}, but loss "
                              "'{}' maps {} to {}",
                              goal.name, model_.domains[goal.input].name,
                              model_.domains[goal.output].name, l.name,
                              model_.domains[l.input].name,
                              model_.domains[l.output].name));
    }
  }
  if (decl.relation == R::kAchieves) return;
  switch (decl.reading) {
    case Reading::kNone: {
      Diagnostic& d =
          sink_.Error(file_, decl.relation_span, "AC001",
                      fmt::format("claim '{}' does not say which reading of "
                                  "'aligned_with' it means",
                                  out.name));
      AddReadingHelp(d);
      return;
    }
    case Reading::kIdealized: {
      out.reading = Claim::Reading::kIdealized;
      if (decl.data && IsMdpName(decl.data->text)) {
        ResolveMdpClaim(decl, loss, out);
        break;
      }
      if (decl.data) {
        out.data = FindDecl(*decl.data, DeclKind::kData);
        if (out.data >= 0 && data_ok_[out.data] && loss >= 0 &&
            model_.data[out.data].domain != model_.losses[loss].input) {
          const Data& data = model_.data[out.data];
          const Loss& l = model_.losses[loss];
          sink_.Error(file_, decl.data->span, "E005",
                      fmt::format("data '{}' weighs {} values but loss '{}' "
                                  "takes {} inputs",
                                  data.name, model_.domains[data.domain].name,
                                  l.name, model_.domains[l.input].name));
        }
      } else {
        sink_.Error(file_, decl.reading_span, "E012",
                    "idealized_minimizer needs `over DATA`");
      }
      if (decl.hypothesis) {
        const std::string& h = decl.hypothesis->text;
        if (h != "all" && h != "linear") {
          Diagnostic& d =
              sink_.Error(file_, decl.hypothesis->span, "E002",
                          fmt::format("undefined hypothesis class '{}'", h));
          std::string suggestion = SuggestName(h, {"all", "linear"});
          if (!suggestion.empty()) {
            d.help.push_back(fmt::format("did you mean '{}'?", suggestion));
          }
        } else if (h == "linear" && decl.hypothesis_args.empty()) {
          sink_.Error(file_, decl.hypothesis->span, "E004",
                      "hypothesis class 'linear' needs features: "
                      "`in linear(f1, f2)`");
        } else if (h == "all" && !decl.hypothesis_args.empty()) {
          sink_.Error(file_, decl.hypothesis->span, "E004",
                      "hypothesis class 'all' takes no arguments");
        } else if (h == "linear") {
          out.hypothesis = "linear(";
          for (size_t i = 0; i < decl.hypothesis_args.size(); ++i) {
            FindDecl(decl.hypothesis_args[i], DeclKind::kFn);
            out.hypothesis += (i ? ", " : "") + decl.hypothesis_args[i].text;
          }
          out.hypothesis += ")";
        }
      }
      ResolveWithin(decl, out);
      break;
    }
    case Reading::kPhysical: {
      if (decl.model && Lookup(decl.model->text) != nullptr &&
          Lookup(decl.model->text)->kind == DeclKind::kPhysical &&
          RegisterOverMdp(*physical_decls_[Lookup(decl.model->text)->index])) {
        ResolvePhysicalMdpClaim(decl, loss, out);
        break;
      }
      out.reading = Claim::Reading::kPhysical;
      if (decl.threshold_above) {
        sink_.Error(file_, decl.threshold->span, "E005",
                    "a loss register reads low: say `below T` (`above T` is "
                    "for a reward register over an mdp)");
      }
      if (loss >= 0 && model_.losses[loss].reward) {
        sink_.Error(file_, decl.subject.span, "E005",
                    fmt::format("physical_only reads a register of a loss, "
                                "and '{}' is a reward (not supported yet)",
                                decl.subject.text));
        return;
      }
      if (decl.model) {
        out.model = FindDecl(*decl.model, DeclKind::kPhysical);
        // The register may use another loss (a buggy copy, noisy labels),
        // but over the same policies.
        int reg_loss =
            out.model >= 0 ? model_.physical[out.model].register_loss : -1;
        if (loss >= 0 && reg_loss >= 0 && physical_ok_[out.model] &&
            loss_sig_ok_[reg_loss]) {
          const Loss& reg = model_.losses[reg_loss];
          const Loss& l = model_.losses[loss];
          if (reg.input != l.input || reg.output != l.output) {
            sink_.Error(file_, decl.model->span, "E005",
                        fmt::format("physical model '{}' computes the "
                                    "register on {} -> {}, but loss '{}' "
                                    "maps {} to {}",
                                    model_.physical[out.model].name,
                                    model_.domains[reg.input].name,
                                    model_.domains[reg.output].name, l.name,
                                    model_.domains[l.input].name,
                                    model_.domains[l.output].name));
          }
        }
      }
      if (!decl.threshold) {
        Diagnostic& d = sink_.Error(
            file_, decl.reading_span, "AC004",
            fmt::format("claim '{}' does not say how low the register must "
                        "read",
                        out.name));
        d.help.push_back(
            "add `below T`: the register reading that counts "
            "as low");
      } else {
        std::optional<Rational> t = NumberOrError(*decl.threshold, "below");
        if (t) {
          out.threshold = *t;
          CheckThreshold(decl, out);
        }
      }
      break;
    }
    case Reading::kTrained:
      out.reading = Claim::Reading::kTrained;
      if (decl.training) {
        out.training = FindDecl(*decl.training, DeclKind::kTraining);
        if (out.training >= 0 && model_.trainings[out.training].OverMdp()) {
          ResolveTrainedMdpClaim(decl, loss, out);
        } else if (out.training >= 0 && loss >= 0) {
          int data = model_.trainings[out.training].data;
          const Loss& l = model_.losses[loss];
          if (data >= 0 && data_ok_[data] &&
              model_.data[data].domain != l.input) {
            const Data& d = model_.data[data];
            sink_.Error(file_, decl.training->span, "E005",
                        fmt::format("training '{}' uses data '{}' of {} "
                                    "values, but loss '{}' takes {} inputs",
                                    decl.training->text, d.name,
                                    model_.domains[d.domain].name, l.name,
                                    model_.domains[l.input].name));
          }
        }
      }
      break;
  }
  bool over_mdp = out.reading == Claim::Reading::kMdpIdealized ||
                  out.reading == Claim::Reading::kMdpPhysical ||
                  out.reading == Claim::Reading::kMdpAgent ||
                  out.reading == Claim::Reading::kTrainedMdp;
  if (loss >= 0 && model_.losses[loss].successor != kNoDomain && !over_mdp) {
    sink_.Error(file_, decl.subject.span, "E005",
                fmt::format("{} '{}' depends on the successor state: it is "
                            "only meaningful over an mdp",
                            model_.losses[loss].Word(), decl.subject.text));
  }
  if (out.goal >= 0 && goal_sig_ok_[out.goal] && !over_mdp &&
      UsesRuns(model_.goals[out.goal].body)) {
    sink_.Error(file_, decl.goal.span, "E005",
                fmt::format("goal '{}' is about runs of an mdp "
                            "(return/prob); claim it `as idealized_minimizer "
                            "over` that mdp",
                            decl.goal.text));
  }
}

}  // namespace aligncheck

// What trained-outcome claims, linear hypothesis classes and the trained
// verdict spellings of `expect` add to the analysis of trainings and claims.
#include <fmt/format.h>

#include "analysis/analyzer.h"

namespace aligncheck {

void Analyzer::ResolveTrainingExtras(const ast::TrainingDecl& decl,
                                     Training& out) {
  for (const ast::Setting& s : decl.settings) {
    if (s.key.text == "evidence") {
      for (const ast::Literal& v : s.values) {
        if (v.kind != ast::Literal::Kind::kString) {
          sink_.Error(file_, v.span, "E005",
                      "evidence must be a quoted citation, e.g. "
                      "\"https://example.org/paper.pdf\"");
          continue;
        }
        out.evidence.push_back(v.text);
      }
    }
    if (s.key.text == "features") {
      // A feature is a number per input: fn X -> Real. Labels (fn X -> Y)
      // or features of another domain have the wrong type for a score.
      for (const ast::Literal& f : s.values) {
        const Symbol* symbol = Lookup(f.text);
        if (f.kind != ast::Literal::Kind::kName || symbol == nullptr ||
            symbol->kind != DeclKind::kFn || !fn_ok_[symbol->index]) {
          continue;
        }
        const Function& fn = model_.fns[symbol->index];
        if (fn.to.kind != Type::Kind::kNumber) {
          Diagnostic& d = sink_.Error(
              file_, f.span, "E005",
              fmt::format("feature '{}' must map inputs to Real, but it maps "
                          "{} to {}",
                          fn.name, model_.domains[fn.from].name,
                          model_.domains[fn.to.domain].name));
          d.help.push_back(
              "a linear score needs a number per input: `fn f: X -> Real`");
        }
      }
    }
  }
}

void Analyzer::ResolveClaimExtras(const ast::ClaimDecl& decl, Claim& out) {
  using E = ast::ClaimDecl::Expect;
  if (decl.expect == E::kSupported || decl.expect == E::kRefuted ||
      decl.expect == E::kMixed) {
    out.expect = decl.expect == E::kSupported ? Claim::Expect::kSupported
                 : decl.expect == E::kRefuted ? Claim::Expect::kRefuted
                                              : Claim::Expect::kMixed;
    if (decl.reading != ast::ClaimDecl::Reading::kTrained) {
      sink_.Error(file_, decl.expect_span, "E012",
                  fmt::format("only trained_outcome claims can expect a "
                              "trained verdict; claim '{}' can expect holds "
                              "or fails",
                              decl.name.text));
    }
  }
  if (!decl.hypothesis || decl.hypothesis->text != "linear") return;
  // Resolve the features of `in linear(f1, f2)`; undefined names are
  // reported by ResolveClaim, wrong types here.
  const Symbol* subject = Lookup(decl.subject.text);
  DomainId input = kNoDomain;
  if (subject != nullptr && subject->kind == DeclKind::kLoss &&
      loss_sig_ok_[subject->index]) {
    input = model_.losses[subject->index].input;
  }
  for (const ast::Name& arg : decl.hypothesis_args) {
    const Symbol* symbol = Lookup(arg.text);
    if (symbol == nullptr || symbol->kind != DeclKind::kFn ||
        !fn_ok_[symbol->index]) {
      continue;
    }
    const Function& fn = model_.fns[symbol->index];
    if (fn.to.kind != Type::Kind::kNumber) {
      Diagnostic& d = sink_.Error(
          file_, arg.span, "E005",
          fmt::format("feature '{}' must map inputs to Real, but it maps {} "
                      "to {}",
                      fn.name, model_.domains[fn.from].name,
                      model_.domains[fn.to.domain].name));
      d.help.push_back(
          "a linear score needs a number per input: `fn f: X -> Real`");
      continue;
    }
    if (input != kNoDomain && fn.from != input) {
      sink_.Error(file_, arg.span, "E005",
                  fmt::format("feature '{}' takes {} inputs, but loss '{}' "
                              "takes {} inputs",
                              fn.name, model_.domains[fn.from].name,
                              decl.subject.text, model_.domains[input].name));
      continue;
    }
    out.hypothesis_features.push_back(symbol->index);
  }
}

}  // namespace aligncheck

// Trainings (learner, optimizer, seeds), linear hypothesis classes, and
// what trained-outcome claims and their `expect` spellings add to claims.
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

void Analyzer::ResolveTraining(const ast::TrainingDecl& decl, Training& out) {
  out.name = decl.name.text;
  out.span = decl.name.span;
  static const std::vector<std::string> kKeys = {
      "learner", "init",    "optimizer", "lr",       "steps",
      "seeds",   "data",    "features",  "evidence", "mdp",
      "start",   "epsilon", "episodes",  "horizon"};
  std::unordered_map<std::string, const ast::Setting*> seen;
  std::vector<Span> feature_spans;
  auto choice = [&](const ast::Setting& s,
                    const std::vector<std::string>& allowed, const char* what,
                    std::string& into) {
    const ast::Literal& v = s.values[0];
    for (const std::string& a : allowed) {
      if (v.kind == ast::Literal::Kind::kName && v.text == a) {
        into = a;
        return;
      }
    }
    Diagnostic& d = sink_.Error(file_, v.span, "E012",
                                fmt::format("unknown {} '{}'", what, v.text));
    std::string suggestion = SuggestName(v.text, allowed);
    if (!suggestion.empty()) {
      d.help.push_back(fmt::format("did you mean '{}'?", suggestion));
    } else {
      std::string list;
      for (const std::string& a : allowed) {
        list += (list.empty() ? "'" : ", '") + a + "'";
      }
      d.help.push_back(fmt::format("expected one of {}", list));
    }
  };
  for (const ast::Setting& s : decl.settings) {
    bool known = false;
    for (const std::string& k : kKeys) known = known || k == s.key.text;
    if (!known) {
      Diagnostic& d =
          sink_.Error(file_, s.key.span, "E002",
                      fmt::format("unknown training setting '{}'", s.key.text));
      std::string suggestion = SuggestName(s.key.text, kKeys);
      if (!suggestion.empty()) {
        d.help.push_back(fmt::format("did you mean '{}'?", suggestion));
      }
      continue;
    }
    auto [it, inserted] = seen.emplace(s.key.text, &s);
    if (!inserted) {
      Diagnostic& d =
          sink_.Error(file_, s.key.span, "E003",
                      fmt::format("duplicate setting '{}'", s.key.text));
      d.notes.push_back(fmt::format("previous setting at {}",
                                    At(*file_, it->second->key.span)));
      continue;
    }
    const std::string& key = s.key.text;
    bool multi = key == "features" || key == "evidence" || key == "start";
    if (s.values.empty() || (!multi && s.values.size() != 1)) {
      sink_.Error(file_, s.key.span, "E004",
                  fmt::format("setting '{}' takes {}, got {}", key,
                              multi ? "one or more values" : "one value",
                              s.values.size()));
      continue;
    }
    const ast::Literal& v = s.values[0];
    if (key == "learner") {
      choice(s, {"softmax_table", "linear", "q_learning", "reinforce"},
             "learner", out.learner);
    } else if (key == "init") {
      choice(s, {"random", "zero"}, "init", out.init);
    } else if (key == "optimizer") {
      choice(s, {"sgd"}, "optimizer", out.optimizer);
    } else if (key == "lr") {
      std::optional<Rational> lr;
      if (v.kind == ast::Literal::Kind::kNumber) lr = ParseDecimal(v.text);
      if (!lr || *lr <= 0) {
        sink_.Error(file_, v.span, "E012",
                    fmt::format("lr must be a number greater than 0, got '{}'",
                                v.text));
      } else {
        out.lr = *lr;
      }
    } else if (key == "steps") {
      std::optional<int64_t> steps;
      if (v.kind == ast::Literal::Kind::kNumber) steps = ParseInt(v.text);
      if (!steps || *steps <= 0) {
        sink_.Error(file_, v.span, "E012",
                    fmt::format("steps must be an integer greater than 0, got "
                                "'{}'",
                                v.text));
      } else {
        out.steps = *steps;
      }
    } else if (key == "seeds") {
      std::optional<int64_t> lo, hi;
      if (v.kind == ast::Literal::Kind::kRange) {
        lo = ParseInt(v.text);
        hi = ParseInt(v.hi);
      } else if (v.kind == ast::Literal::Kind::kNumber) {
        lo = hi = ParseInt(v.text);
      }
      std::string shown =
          v.kind == ast::Literal::Kind::kRange ? v.text + ".." + v.hi : v.text;
      if (!lo || !hi) {
        sink_.Error(file_, v.span, "E012",
                    fmt::format("seeds must be an integer range like 1..20, "
                                "got '{}'",
                                shown));
      } else if (*lo > *hi) {
        sink_.Error(file_, v.span, "E012",
                    fmt::format("seed range {} is empty", shown));
      } else if (static_cast<uint64_t>(*hi) - static_cast<uint64_t>(*lo) >=
                 10000) {
        sink_.Error(
            file_, v.span, "E011",
            fmt::format("seed range {} has more than 10000 seeds", shown));
      } else {
        out.seed_lo = *lo;
        out.seed_hi = *hi;
      }
    } else if (key == "data") {
      if (v.kind != ast::Literal::Kind::kName) {
        sink_.Error(file_, v.span, "E005", "data must name a data declaration");
      } else {
        out.data = FindDecl(ast::Name{v.text, v.span}, DeclKind::kData);
      }
    } else if (ResolveMdpTrainingSetting(s, out)) {
    } else if (key == "features") {
      for (const ast::Literal& f : s.values) {
        if (f.kind != ast::Literal::Kind::kName) {
          sink_.Error(file_, f.span, "E005", "features must name fns");
          continue;
        }
        int fn = FindDecl(ast::Name{f.text, f.span}, DeclKind::kFn);
        if (fn >= 0) {
          out.features.push_back(fn);
          feature_spans.push_back(f.span);
        }
      }
    }
  }
  if (out.init.empty()) out.init = "random";
  if (out.optimizer.empty()) out.optimizer = "sgd";
  // A training with evidence and no learner describes a real system: it
  // cites results instead of running a toy.
  bool real_system = seen.count("evidence") != 0 && seen.count("learner") == 0;
  std::vector<const char*> required = {"learner", "lr", "steps", "seeds",
                                       "data"};
  if (out.OverMdp()) {
    required = {"learner", "mdp", "lr", "episodes", "horizon", "seeds"};
    if (out.learner == "q_learning") required.push_back("epsilon");
  }
  for (const char* key : required) {
    if (!real_system && seen.count(key) == 0) {
      sink_.Error(
          file_, decl.name.span, "E012",
          fmt::format("training '{}' has no '{}' setting", out.name, key));
    }
  }
  if (out.data >= 0 && data_ok_[out.data]) {
    for (size_t i = 0; i < out.features.size(); ++i) {
      const Function& fn = model_.fns[out.features[i]];
      if (fn_ok_[out.features[i]] && fn.from != model_.data[out.data].domain) {
        sink_.Error(
            file_, feature_spans[i], "E005",
            fmt::format("feature '{}' takes {} inputs, but data '{}' "
                        "weighs {} values",
                        fn.name, model_.domains[fn.from].name,
                        model_.data[out.data].name,
                        model_.domains[model_.data[out.data].domain].name));
      }
    }
  }
  if (out.learner == "linear" && seen.count("features") == 0) {
    sink_.Error(file_, decl.name.span, "E012",
                fmt::format("training '{}' uses the linear learner but "
                            "names no features",
                            out.name));
  }
  ResolveTrainingExtras(decl, out);
  CheckMdpTraining(decl, out);
}

}  // namespace aligncheck

// Analysis of declarations: one namespace collected first (so forward
// references work), then every body resolved in dependency order. The
// resolve steps live beside this file, one per kind of declaration.
#include "analysis/analyze.h"

#include <fmt/format.h>

#include <charconv>
#include <set>

#include "analysis/analyzer.h"

namespace aligncheck {

namespace {

const char* KindPhrase(DeclKind kind) {
  switch (kind) {
    case DeclKind::kDomain:
      return "a domain";
    case DeclKind::kFn:
      return "a fn";
    case DeclKind::kLoss:
      return "a loss";
    case DeclKind::kData:
      return "data";
    case DeclKind::kGoal:
      return "a goal";
    case DeclKind::kPhysical:
      return "a physical model";
    case DeclKind::kTraining:
      return "a training";
    case DeclKind::kAgent:
      return "an agent";
    case DeclKind::kClaim:
      return "a claim";
    case DeclKind::kMdp:
      return "an mdp";
  }
  return "a name";
}

}  // namespace

std::string At(const SourceFile& file, Span span) {
  LineCol lc = file.Locate(span.begin);
  return fmt::format("{}:{}", lc.line, lc.col);
}

std::optional<int64_t> ParseInt(std::string_view text) {
  int64_t value = 0;
  if (!text.empty() && text[0] == '+') text.remove_prefix(1);
  auto [ptr, ec] =
      std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size()) {
    return std::nullopt;
  }
  return value;
}

const char* DeclKindName(DeclKind kind) {
  switch (kind) {
    case DeclKind::kDomain:
      return "domain";
    case DeclKind::kFn:
      return "fn";
    case DeclKind::kLoss:
      return "loss";
    case DeclKind::kData:
      return "data";
    case DeclKind::kGoal:
      return "goal";
    case DeclKind::kPhysical:
      return "physical model";
    case DeclKind::kTraining:
      return "training";
    case DeclKind::kAgent:
      return "agent";
    case DeclKind::kClaim:
      return "claim";
    case DeclKind::kMdp:
      return "mdp";
  }
  return "name";
}

Analyzer::Analyzer(const ast::Spec& spec,
                   std::shared_ptr<const SourceFile> file, DiagnosticSink& sink,
                   const AnalysisLimits& limits)
    : spec_(spec), file_(std::move(file)), sink_(sink), limits_(limits) {
  model_.file = file_;
}

const Analyzer::Symbol* Analyzer::Lookup(const std::string& name) const {
  auto it = symbols_.find(name);
  return it == symbols_.end() ? nullptr : &it->second;
}

std::vector<std::string> Analyzer::NamesOfKind(DeclKind kind) const {
  std::vector<std::string> names;
  for (const auto& [name, symbol] : symbols_) {
    if (symbol.kind == kind) names.push_back(name);
  }
  return names;
}

int Analyzer::FindDecl(const ast::Name& name, DeclKind kind) {
  const Symbol* symbol = Lookup(name.text);
  if (symbol == nullptr) {
    Diagnostic& d = sink_.Error(
        file_, name.span, "E002",
        fmt::format("undefined {} '{}'", DeclKindName(kind), name.text));
    std::string suggestion = SuggestName(name.text, NamesOfKind(kind));
    if (!suggestion.empty()) {
      d.help.push_back(fmt::format("did you mean '{}'?", suggestion));
    }
    return -1;
  }
  if (symbol->kind != kind) {
    sink_.Error(file_, name.span, "E005",
                fmt::format("'{}' is {}, not {}", name.text,
                            symbol->kind == DeclKind::kLoss &&
                                    loss_decls_[symbol->index]->reward
                                ? "a reward"
                                : KindPhrase(symbol->kind),
                            KindPhrase(kind)));
    return -1;
  }
  return symbol->index;
}

DomainId Analyzer::FindDomain(const ast::Name& name) {
  int index = FindDecl(name, DeclKind::kDomain);
  if (index < 0 || !domain_ok_[index]) return kNoDomain;
  return index;
}

void Analyzer::Collect() {
  for (const ast::Decl& decl : spec_.decls) {
    std::visit(
        [&](const auto& d) {
          using T = std::decay_t<decltype(d)>;
          DeclKind kind;
          int index = 0;
          if constexpr (std::is_same_v<T, ast::DomainDecl>) {
            kind = DeclKind::kDomain;
            index = static_cast<int>(domain_decls_.size());
          } else if constexpr (std::is_same_v<T, ast::FnDecl>) {
            kind = DeclKind::kFn;
            index = static_cast<int>(fn_decls_.size());
          } else if constexpr (std::is_same_v<T, ast::LossDecl>) {
            kind = DeclKind::kLoss;
            index = static_cast<int>(loss_decls_.size());
          } else if constexpr (std::is_same_v<T, ast::DataDecl>) {
            kind = DeclKind::kData;
            index = static_cast<int>(data_decls_.size());
          } else if constexpr (std::is_same_v<T, ast::GoalDecl>) {
            kind = DeclKind::kGoal;
            index = static_cast<int>(goal_decls_.size());
          } else if constexpr (std::is_same_v<T, ast::PhysicalDecl>) {
            kind = DeclKind::kPhysical;
            index = static_cast<int>(physical_decls_.size());
          } else if constexpr (std::is_same_v<T, ast::TrainingDecl>) {
            kind = DeclKind::kTraining;
            index = static_cast<int>(training_decls_.size());
          } else if constexpr (std::is_same_v<T, ast::AgentDecl>) {
            kind = DeclKind::kAgent;
            index = static_cast<int>(agent_decls_.size());
          } else if constexpr (std::is_same_v<T, ast::MdpDecl>) {
            kind = DeclKind::kMdp;
            index = static_cast<int>(mdp_decls_.size());
          } else {
            kind = DeclKind::kClaim;
            index = static_cast<int>(claim_decls_.size());
          }
          auto [it, inserted] =
              symbols_.emplace(d.name.text, Symbol{kind, index, d.name.span});
          if (!inserted) {
            Diagnostic& diag =
                sink_.Error(file_, d.name.span, "E003",
                            fmt::format("duplicate name '{}'", d.name.text));
            diag.notes.push_back(fmt::format("previous declaration at {}",
                                             At(*file_, it->second.span)));
            return;
          }
          if constexpr (std::is_same_v<T, ast::DomainDecl>) {
            domain_decls_.push_back(&d);
          } else if constexpr (std::is_same_v<T, ast::FnDecl>) {
            fn_decls_.push_back(&d);
          } else if constexpr (std::is_same_v<T, ast::LossDecl>) {
            loss_decls_.push_back(&d);
          } else if constexpr (std::is_same_v<T, ast::DataDecl>) {
            data_decls_.push_back(&d);
          } else if constexpr (std::is_same_v<T, ast::GoalDecl>) {
            goal_decls_.push_back(&d);
          } else if constexpr (std::is_same_v<T, ast::PhysicalDecl>) {
            physical_decls_.push_back(&d);
          } else if constexpr (std::is_same_v<T, ast::TrainingDecl>) {
            training_decls_.push_back(&d);
          } else if constexpr (std::is_same_v<T, ast::AgentDecl>) {
            agent_decls_.push_back(&d);
          } else if constexpr (std::is_same_v<T, ast::MdpDecl>) {
            mdp_decls_.push_back(&d);
          } else {
            claim_decls_.push_back(&d);
          }
        },
        decl);
  }
  // A grid mdp stands for declarations as if written out.
  for (const ast::MdpDecl* mdp : mdp_decls_) {
    GridInfo& grid = grids_.emplace_back();
    if (!IsGridMdp(*mdp)) continue;
    ExpandGrid(*mdp, grid);
    if (!grid.ok) continue;
    auto add = [&](const ast::Name& name, DeclKind kind, int index) {
      auto [it, inserted] =
          symbols_.emplace(name.text, Symbol{kind, index, name.span});
      if (!inserted) {
        Diagnostic& diag = sink_.Error(
            file_, name.span, "E003",
            fmt::format("the map of mdp '{}' declares '{}', which is already "
                        "declared",
                        mdp->name.text, name.text));
        diag.notes.push_back(fmt::format("previous declaration at {}",
                                         At(*file_, it->second.span)));
        diag.help.push_back(
            "name the map's domains with `states NAME`, `actions NAME`, "
            "`tiles NAME`");
      }
      return inserted;
    };
    for (const ast::DomainDecl* d : {&grid.cells, &grid.moves, &grid.kinds}) {
      if (add(d->name, DeclKind::kDomain,
              static_cast<int>(domain_decls_.size()))) {
        domain_decls_.push_back(d);
      } else {
        grid.ok = false;  // the mdp is not resolved; the clash is reported
      }
    }
    if (add(grid.tile_fn.name, DeclKind::kFn,
            static_cast<int>(fn_decls_.size()))) {
      fn_decls_.push_back(&grid.tile_fn);
    } else {
      grid.ok = false;
    }
  }
  model_.domains.resize(domain_decls_.size());
  model_.fns.resize(fn_decls_.size());
  model_.losses.resize(loss_decls_.size());
  model_.data.resize(data_decls_.size());
  model_.goals.resize(goal_decls_.size());
  model_.physical.resize(physical_decls_.size());
  model_.trainings.resize(training_decls_.size());
  model_.agents.resize(agent_decls_.size());
  model_.mdps.resize(mdp_decls_.size());
  mdp_ok_.assign(mdp_decls_.size(), false);
  model_.claims.resize(claim_decls_.size());
  value_index_.resize(domain_decls_.size());
  domain_ok_.assign(domain_decls_.size(), false);
  fn_ok_.assign(fn_decls_.size(), false);
  loss_sig_ok_.assign(loss_decls_.size(), false);
  loss_state_.assign(loss_decls_.size(), LossState::kPending);
  data_ok_.assign(data_decls_.size(), false);
  goal_sig_ok_.assign(goal_decls_.size(), false);
  physical_ok_.assign(physical_decls_.size(), false);
  agent_ok_.assign(agent_decls_.size(), false);
}

std::optional<Model> Analyzer::Run() {
  Collect();
  for (size_t i = 0; i < domain_decls_.size(); ++i) {
    ResolveDomain(*domain_decls_[i], model_.domains[i]);
  }
  for (size_t i = 0; i < fn_decls_.size(); ++i) {
    ResolveFn(*fn_decls_[i], model_.fns[i]);
  }
  for (size_t i = 0; i < mdp_decls_.size(); ++i) {
    ResolveMdp(*mdp_decls_[i], model_.mdps[i]);
  }
  for (size_t i = 0; i < loss_decls_.size(); ++i) {
    const ast::LossDecl& decl = *loss_decls_[i];
    loss_sig_ok_[i] = ResolveLossSignature(decl, model_.losses[i]);
    if (loss_sig_ok_[i]) continue;
    loss_state_[i] = LossState::kFailed;
    if (decl.body == ast::LossDecl::Body::kExpr) {
      BeginExpr(0);
      for (const ast::Param& p : decl.params) {
        scopes_.push_back(
            {p.name.text, kNoDomain, static_cast<int>(scopes_.size())});
      }
      CheckNamesOnly(decl.expr);
    }
  }
  for (size_t i = 0; i < loss_decls_.size(); ++i) {
    if (loss_state_[i] != LossState::kPending) continue;
    const ast::LossDecl& decl = *loss_decls_[i];
    size_t errors = sink_.error_count();
    switch (decl.body) {
      case ast::LossDecl::Body::kTable:
        FillLossTable(decl, model_.losses[i]);
        break;
      case ast::LossDecl::Body::kCsv:
        FillLossCsv(decl, model_.losses[i]);
        break;
      case ast::LossDecl::Body::kExpr:
        MaterializeLoss(static_cast<int>(i), decl.name.span);
        continue;
    }
    loss_state_[i] =
        sink_.error_count() == errors ? LossState::kDone : LossState::kFailed;
  }
  for (size_t i = 0; i < loss_decls_.size(); ++i) {
    if (loss_state_[i] == LossState::kPending) {
      MaterializeLoss(static_cast<int>(i), loss_decls_[i]->name.span);
    }
  }
  for (size_t i = 0; i < data_decls_.size(); ++i) {
    ResolveData(*data_decls_[i], model_.data[i]);
  }
  for (size_t i = 0; i < physical_decls_.size(); ++i) {
    ResolvePhysical(*physical_decls_[i], model_.physical[i]);
  }
  for (size_t i = 0; i < training_decls_.size(); ++i) {
    ResolveTraining(*training_decls_[i], model_.trainings[i]);
  }
  for (size_t i = 0; i < agent_decls_.size(); ++i) {
    ResolveAgent(*agent_decls_[i], model_.agents[i]);
  }
  InferGoalSignatures();
  for (size_t i = 0; i < goal_decls_.size(); ++i) {
    ResolveGoal(*goal_decls_[i], model_.goals[i]);
  }
  std::vector<bool> checkable(claim_decls_.size());
  for (size_t i = 0; i < claim_decls_.size(); ++i) {
    size_t errors = sink_.error_count();
    ResolveClaim(*claim_decls_[i], model_.claims[i]);
    const Claim& claim = model_.claims[i];
    checkable[i] = sink_.error_count() == errors &&
                   (claim.reading != Claim::Reading::kAgent ||
                    (claim.agent >= 0 && agent_ok_[claim.agent]));
  }
  ResolveStories();
  // Findings (an unqualified `aligned_with`, a vague agent) leave a valid
  // model: the claims they concern are dropped, the others still get checked.
  for (const Diagnostic& d : sink_.diagnostics()) {
    if (d.severity == Severity::kError && !IsFinding(d)) return std::nullopt;
  }
  std::vector<Claim> kept;
  for (size_t i = 0; i < model_.claims.size(); ++i) {
    if (checkable[i]) kept.push_back(std::move(model_.claims[i]));
  }
  model_.claims = std::move(kept);
  AppendStoryClaims(checkable);
  return std::move(model_);
}

std::optional<Model> Analyze(const ast::Spec& spec,
                             const std::shared_ptr<const SourceFile>& file,
                             DiagnosticSink& sink,
                             const AnalysisLimits& limits) {
  DiagnosticSink local;
  Analyzer analyzer(spec, file, local, limits);
  std::optional<Model> model = analyzer.Run();
  for (const Diagnostic& d : local.diagnostics()) sink.Add(d);
  return model;
}

}  // namespace aligncheck

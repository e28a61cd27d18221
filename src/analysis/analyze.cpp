// Analysis of declarations: one namespace collected first (so forward
// references work), then every body resolved in dependency order.
#include "analysis/analyze.h"

#include <fmt/format.h>

#include <charconv>
#include <functional>
#include <set>

#include "analysis/analyzer.h"

namespace aligncheck {
namespace {

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
  }
  return "a name";
}

const char* const kReadingHelp[] = {
    "add `as idealized_minimizer over DATA`: every minimizer of the loss on "
    "DATA meets the goal",
    "add `as physical_only via MODEL below T`: every behaviour whose register "
    "reads below T meets the goal",
    "add `as trained_outcome under TRAINING`: the policies that TRAINING "
    "produces meet the goal",
};

}  // namespace

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
                            KindPhrase(symbol->kind), KindPhrase(kind)));
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
          } else {
            claim_decls_.push_back(&d);
          }
        },
        decl);
  }
  model_.domains.resize(domain_decls_.size());
  model_.fns.resize(fn_decls_.size());
  model_.losses.resize(loss_decls_.size());
  model_.data.resize(data_decls_.size());
  model_.goals.resize(goal_decls_.size());
  model_.physical.resize(physical_decls_.size());
  model_.trainings.resize(training_decls_.size());
  model_.agents.resize(agent_decls_.size());
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

void Analyzer::ResolveDomain(const ast::DomainDecl& decl, Domain& out) {
  out.name = decl.name.text;
  out.span = decl.name.span;
  out.is_range = decl.is_range;
  DomainId id = static_cast<DomainId>(&out - model_.domains.data());
  if (decl.is_range) {
    std::optional<int64_t> lo = ParseInt(decl.range.text);
    std::optional<int64_t> hi = ParseInt(decl.range.hi);
    if (!lo || !hi) {
      sink_.Error(
          file_, decl.range.span, "E012",
          fmt::format("the bounds of domain '{}' must be integers", out.name));
      return;
    }
    if (*lo > *hi) {
      sink_.Error(file_, decl.range.span, "E012",
                  fmt::format("domain '{}' is empty: {} is greater than {}",
                              out.name, *lo, *hi));
      return;
    }
    // The difference fits in unsigned arithmetic even at the int64 extremes.
    uint64_t size = static_cast<uint64_t>(*hi) - static_cast<uint64_t>(*lo) + 1;
    if (size == 0 || size > limits_.max_domain_size) {
      sink_.Error(
          file_, decl.range.span, "E011",
          fmt::format("domain '{}' has more than {} values (--max-domain-size)",
                      out.name, limits_.max_domain_size));
      return;
    }
    out.lo = *lo;
    out.values.reserve(size);
    for (uint64_t i = 0; i < size; ++i) {
      out.values.push_back(std::to_string(*lo + static_cast<int64_t>(i)));
    }
    domain_ok_[id] = true;
    return;
  }
  if (decl.values.empty()) {
    sink_.Error(file_, decl.name.span, "E012",
                fmt::format("domain '{}' is empty", out.name));
    return;
  }
  if (decl.values.size() > limits_.max_domain_size) {
    sink_.Error(
        file_, decl.name.span, "E011",
        fmt::format("domain '{}' has more than {} values (--max-domain-size)",
                    out.name, limits_.max_domain_size));
    return;
  }
  auto& index = value_index_[id];
  bool ok = true;
  for (size_t i = 0; i < decl.values.size(); ++i) {
    const ast::Name& value = decl.values[i];
    auto [it, inserted] =
        index.emplace(value.text, static_cast<uint32_t>(out.values.size()));
    if (!inserted) {
      Diagnostic& d =
          sink_.Error(file_, value.span, "E003",
                      fmt::format("duplicate value '{}' in domain '{}'",
                                  value.text, out.name));
      d.notes.push_back(fmt::format("previous declaration at {}",
                                    At(*file_, decl.values[it->second].span)));
      ok = false;
      continue;
    }
    out.values.push_back(value.text);
    value_domains_[value.text].push_back(id);
  }
  domain_ok_[id] = ok;
}

void Analyzer::ResolveFn(const ast::FnDecl& decl, Function& out) {
  out.name = decl.name.text;
  out.span = decl.name.span;
  int id = static_cast<int>(&out - model_.fns.data());
  out.from = FindDomain(decl.from);
  bool ok = out.from != kNoDomain;
  if (decl.to.text == "Real") {
    out.to = Type::Number();
  } else {
    DomainId to = FindDomain(decl.to);
    if (to == kNoDomain) ok = false;
    out.to = Type::Element(to);
  }
  if (!ok) return;
  size_t errors = sink_.error_count();
  FillFnTable(decl, out);
  fn_ok_[id] = sink_.error_count() == errors;
}

bool Analyzer::ResolveLossSignature(const ast::LossDecl& decl, Loss& out) {
  out.name = decl.name.text;
  out.span = decl.name.span;
  if (decl.params.size() != 2) {
    sink_.Error(file_, decl.name.span, "E004",
                fmt::format("loss '{}' must take two parameters (x: X, y: Y), "
                            "got {}",
                            out.name, decl.params.size()));
    return false;
  }
  out.input = FindDomain(decl.params[0].type);
  out.output = FindDomain(decl.params[1].type);
  if (out.input == kNoDomain || out.output == kNoDomain) return false;
  size_t n = model_.domains[out.input].size();
  size_t m = model_.domains[out.output].size();
  if (n > limits_.max_table_entries / m) {
    sink_.Error(file_, decl.name.span, "E011",
                fmt::format("loss '{}' has {} x {} entries, more than the "
                            "limit of {} (--max-table-entries)",
                            out.name, n, m, limits_.max_table_entries));
    return false;
  }
  return true;
}

DomainId Analyzer::DataDomainHint(int data_index) const {
  const std::string& name = data_decls_[data_index]->name.text;
  auto loss_input = [&](const std::string& loss_name) -> DomainId {
    const Symbol* s = Lookup(loss_name);
    if (s == nullptr || s->kind != DeclKind::kLoss || !loss_sig_ok_[s->index]) {
      return kNoDomain;
    }
    return model_.losses[s->index].input;
  };
  for (const ast::ClaimDecl* claim : claim_decls_) {
    if (claim->data && claim->data->text == name) {
      DomainId d = loss_input(claim->subject.text);
      if (d != kNoDomain) return d;
    }
  }
  for (const ast::PhysicalDecl* physical : physical_decls_) {
    for (const ast::PhysicalStmt& stmt : physical->stmts) {
      if (stmt.kind == ast::PhysicalStmt::Kind::kRegister &&
          stmt.names.size() == 2 && stmt.names[1].text == name) {
        DomainId d = loss_input(stmt.names[0].text);
        if (d != kNoDomain) return d;
      }
    }
  }
  return kNoDomain;
}

void Analyzer::ResolveData(const ast::DataDecl& decl, Data& out) {
  out.name = decl.name.text;
  out.span = decl.name.span;
  int id = static_cast<int>(&out - model_.data.data());
  if (decl.body == ast::DataDecl::Body::kDomain) {
    out.domain = FindDomain(decl.domain);
    if (out.domain == kNoDomain) return;
    size_t n = model_.domains[out.domain].size();
    out.weights.assign(n, Rational(1));
    out.total = Rational(static_cast<unsigned long>(n));
    data_ok_[id] = true;
    return;
  }
  if (!FillDataWeights(decl, out)) return;
  out.total = 0;
  for (const Rational& w : out.weights) out.total += w;
  if (out.total == 0) {
    sink_.Error(file_, decl.name.span, "E012",
                fmt::format("all weights of data '{}' are zero", out.name));
    return;
  }
  data_ok_[id] = true;
}

void Analyzer::ResolvePhysical(const ast::PhysicalDecl& decl,
                               PhysicalModel& out) {
  out.name = decl.name.text;
  out.span = decl.name.span;
  int id = static_cast<int>(&out - model_.physical.data());
  size_t errors = sink_.error_count();
  const ast::PhysicalStmt* register_stmt = nullptr;
  const ast::PhysicalStmt* closed_stmt = nullptr;
  std::unordered_map<std::string, Span> channel_names;
  for (const ast::PhysicalStmt& stmt : decl.stmts) {
    switch (stmt.kind) {
      case ast::PhysicalStmt::Kind::kRegister: {
        if (register_stmt != nullptr) {
          Diagnostic& d = sink_.Error(
              file_, stmt.span, "E003",
              fmt::format("physical model '{}' computes the register twice",
                          out.name));
          d.notes.push_back(fmt::format("previous computation at {}",
                                        At(*file_, register_stmt->span)));
          break;
        }
        register_stmt = &stmt;
        if (stmt.names.size() != 2) break;
        out.register_loss = FindDecl(stmt.names[0], DeclKind::kLoss);
        out.register_data = FindDecl(stmt.names[1], DeclKind::kData);
        if (out.register_loss >= 0 && out.register_data >= 0 &&
            loss_sig_ok_[out.register_loss] && data_ok_[out.register_data]) {
          const Loss& loss = model_.losses[out.register_loss];
          const Data& data = model_.data[out.register_data];
          if (loss.input != data.domain) {
            sink_.Error(
                file_, stmt.names[1].span, "E005",
                fmt::format("data '{}' weighs {} values but loss "
                            "'{}' takes {} inputs",
                            data.name, model_.domains[data.domain].name,
                            loss.name, model_.domains[loss.input].name));
          }
        }
        break;
      }
      case ast::PhysicalStmt::Kind::kClosed:
        if (closed_stmt == nullptr) closed_stmt = &stmt;
        out.closed = true;
        break;
      case ast::PhysicalStmt::Kind::kArithmetic:
        ResolveArithmetic(stmt, out);
        break;
      case ast::PhysicalStmt::Kind::kImplemented:
      case ast::PhysicalStmt::Kind::kChannel: {
        Channel channel;
        channel.span = stmt.span;
        if (!stmt.names.empty()) {
          channel.name = stmt.names[0].text;
          auto [it, inserted] =
              channel_names.emplace(channel.name, stmt.names[0].span);
          if (!inserted) {
            Diagnostic& d = sink_.Error(
                file_, stmt.names[0].span, "E003",
                fmt::format("duplicate channel '{}'", channel.name));
            d.notes.push_back(fmt::format("previous declaration at {}",
                                          At(*file_, it->second)));
          }
        }
        BeginExpr(0);
        Type want = Type::Number();
        bool ok = true;
        const ast::Expr& target = stmt.target;
        const Symbol* symbol = Lookup(target.text);
        bool is_name = target.kind == ast::Expr::Kind::kName;
        bool is_call = target.kind == ast::Expr::Kind::kCall;
        if (is_name && target.text == "register") {
          channel.target = "register";
        } else if (is_call && target.text == "sensor" &&
                   (symbol == nullptr || (symbol->kind != DeclKind::kFn &&
                                          symbol->kind != DeclKind::kLoss))) {
          channel.target = "sensor";
          channel.target_kind = Channel::Target::kSensor;
          ok = ResolveSensorTarget(decl, target, want);
          max_slots_ = static_cast<int>(scopes_.size());
        } else if ((is_name || is_call) && symbol != nullptr &&
                   (symbol->kind == DeclKind::kFn ||
                    symbol->kind == DeclKind::kLoss)) {
          channel.target = target.text;
          channel.target_kind = symbol->kind == DeclKind::kFn
                                    ? Channel::Target::kFn
                                    : Channel::Target::kLoss;
          channel.target_index = symbol->index;
          std::vector<DomainId> params;
          if (symbol->kind == DeclKind::kFn) {
            if (!fn_ok_[symbol->index]) {
              ok = false;
              break;
            }
            params.push_back(model_.fns[symbol->index].from);
            want = model_.fns[symbol->index].to;
          } else {
            if (!loss_sig_ok_[symbol->index]) {
              ok = false;
              break;
            }
            params.push_back(model_.losses[symbol->index].input);
            params.push_back(model_.losses[symbol->index].output);
          }
          if (is_call) {
            // `label(x) := ...`: the arguments name variables over the
            // parameter domains, visible in the value.
            if (target.args.size() != params.size()) {
              sink_.Error(
                  file_, target.span, "E004",
                  fmt::format("'{}' takes {} argument{}, got {}", target.text,
                              params.size(), params.size() == 1 ? "" : "s",
                              target.args.size()));
              ok = false;
              break;
            }
            for (size_t i = 0; i < params.size(); ++i) {
              const ast::Expr& arg = target.args[i];
              if (arg.kind != ast::Expr::Kind::kName) {
                sink_.Error(file_, arg.span, "E005",
                            "a channel target's arguments must be variable "
                            "names");
                ok = false;
                break;
              }
              scopes_.push_back(
                  {arg.text, params[i], static_cast<int>(scopes_.size())});
            }
            max_slots_ = static_cast<int>(scopes_.size());
          }
        } else {
          Diagnostic& d = sink_.Error(
              file_, target.span, "E002",
              fmt::format("undefined channel target '{}'", target.text));
          std::vector<std::string> candidates = NamesOfKind(DeclKind::kFn);
          for (std::string& n : NamesOfKind(DeclKind::kLoss)) {
            candidates.push_back(std::move(n));
          }
          candidates.push_back("register");
          std::string suggestion = SuggestName(target.text, candidates);
          if (!suggestion.empty()) {
            d.help.push_back(fmt::format("did you mean '{}'?", suggestion));
          } else {
            d.help.push_back(
                "a channel writes `register`, a fn's labels or a loss");
          }
          ok = false;
        }
        if (ok && ResolveAs(stmt.value, want, channel.value)) {
          channel.slot_count = max_slots_;
          (stmt.kind == ast::PhysicalStmt::Kind::kImplemented ? out.implemented
                                                              : out.channels)
              .push_back(std::move(channel));
        }
        scopes_.clear();
        break;
      }
    }
  }
  if (register_stmt == nullptr) {
    Diagnostic& d = sink_.Error(
        file_, decl.name.span, "E012",
        fmt::format("physical model '{}' does not say how the register is "
                    "computed",
                    out.name));
    d.help.push_back("add `register computes LOSS on DATA`");
  }
  bool has_channels = false;
  for (const ast::PhysicalStmt& stmt : decl.stmts) {
    if (stmt.kind == ast::PhysicalStmt::Kind::kChannel) has_channels = true;
  }
  if (closed_stmt != nullptr && has_channels) {
    sink_.Error(file_, closed_stmt->span, "E012",
                fmt::format("physical model '{}' is closed but declares "
                            "channels",
                            out.name));
  } else if (closed_stmt == nullptr && !has_channels) {
    // A lint finding (AC005), not bad input: checked as if closed.
    Diagnostic d;
    d.severity = Severity::kWarning;
    d.file = file_;
    d.span = decl.name.span;
    d.id = "AC005";
    d.message = fmt::format(
        "physical model '{}' declares neither channels nor `closed`",
        out.name);
    d.help.push_back(
        "say `closed` if nothing but the world can change the register");
    sink_.Add(std::move(d));
  }
  if (sink_.error_count() == errors) CheckMachineRegister(decl, out);
  physical_ok_[id] = sink_.error_count() == errors;
}

void Analyzer::ResolveTraining(const ast::TrainingDecl& decl, Training& out) {
  out.name = decl.name.text;
  out.span = decl.name.span;
  static const std::vector<std::string> kKeys = {
      "learner", "init", "optimizer", "lr",      "steps",
      "seeds",   "data", "features",  "evidence"};
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
    bool multi = key == "features" || key == "evidence";
    if (s.values.empty() || (!multi && s.values.size() != 1)) {
      sink_.Error(file_, s.key.span, "E004",
                  fmt::format("setting '{}' takes {}, got {}", key,
                              multi ? "one or more values" : "one value",
                              s.values.size()));
      continue;
    }
    const ast::Literal& v = s.values[0];
    if (key == "learner") {
      choice(s, {"softmax_table", "linear"}, "learner", out.learner);
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
  for (const char* required : {"learner", "lr", "steps", "seeds", "data"}) {
    if (!real_system && seen.count(required) == 0) {
      sink_.Error(
          file_, decl.name.span, "E012",
          fmt::format("training '{}' has no '{}' setting", out.name, required));
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
}

void Analyzer::ResolveAgent(const ast::AgentDecl& decl, Agent& out) {
  out.name = decl.name.text;
  out.span = decl.name.span;
  int id = static_cast<int>(&out - model_.agents.data());
  const std::string& aspect = decl.aspect.text;
  std::string prep = decl.preposition ? decl.preposition->text : "";
  auto vague = [&](std::string message) {
    Diagnostic& d =
        sink_.Error(file_, decl.aspect.span, "AC003", std::move(message));
    d.help.push_back(
        "say `cares_about register in MODEL` (it wants a low register "
        "reading)");
    d.help.push_back(
        "or `cares_about predictions of LOSS` (it wants predictions that "
        "score well on the true labels)");
  };
  if (aspect == "register" && prep == "in" && decl.target) {
    out.aspect = Agent::Aspect::kRegister;
    out.model = FindDecl(*decl.target, DeclKind::kPhysical);
    agent_ok_[id] = out.model >= 0;
  } else if (aspect == "predictions" && prep == "of" && decl.target) {
    out.aspect = Agent::Aspect::kPredictions;
    out.loss = FindDecl(*decl.target, DeclKind::kLoss);
    agent_ok_[id] = out.loss >= 0;
  } else if (aspect == "register" || aspect == "predictions") {
    vague(fmt::format("agent '{}' must say {}", out.name,
                      aspect == "register" ? "which model's register it "
                                             "cares about"
                                           : "which loss's predictions it "
                                             "cares about"));
  } else {
    vague(fmt::format("agent '{}' cares about '{}', which is ambiguous",
                      out.name, aspect));
  }
}

int Analyzer::ClaimLoss(const ast::ClaimDecl& decl) const {
  const Symbol* subject = Lookup(decl.subject.text);
  if (subject == nullptr) return -1;
  if (decl.relation == ast::ClaimDecl::Relation::kAchieves) {
    if (subject->kind != DeclKind::kAgent || !agent_ok_[subject->index]) {
      return -1;
    }
    const Agent& agent = model_.agents[subject->index];
    int loss = agent.aspect == Agent::Aspect::kPredictions
                   ? agent.loss
                   : (physical_ok_[agent.model]
                          ? model_.physical[agent.model].register_loss
                          : -1);
    return loss >= 0 && loss_sig_ok_[loss] ? loss : -1;
  }
  if (subject->kind != DeclKind::kLoss || !loss_sig_ok_[subject->index]) {
    return -1;
  }
  return subject->index;
}

// A goal without a signature takes it from the claims that use it, else
// from how the body applies the policy.
void Analyzer::InferGoalSignatures() {
  std::vector<Span> first_use(goal_decls_.size());
  std::vector<bool> from_claim(goal_decls_.size(), false);
  std::vector<bool> used_by_broken(goal_decls_.size(), false);
  for (size_t g = 0; g < goal_decls_.size(); ++g) {
    const ast::GoalDecl& decl = *goal_decls_[g];
    Goal& goal = model_.goals[g];
    goal.name = decl.name.text;
    goal.span = decl.name.span;
    if (decl.signature) {
      goal.input = FindDomain(decl.signature->first);
      goal.output = FindDomain(decl.signature->second);
      goal_sig_ok_[g] = goal.input != kNoDomain && goal.output != kNoDomain;
    }
  }
  for (const ast::ClaimDecl* claim : claim_decls_) {
    const Symbol* symbol = Lookup(claim->goal.text);
    if (symbol == nullptr || symbol->kind != DeclKind::kGoal) continue;
    int g = symbol->index;
    if (goal_decls_[g]->signature) continue;
    int loss = ClaimLoss(*claim);
    if (loss < 0) {
      // The claim's subject is broken and already reported: inferring the
      // goal from its body instead would only add noise.
      used_by_broken[g] = true;
      continue;
    }
    const Loss& l = model_.losses[loss];
    Goal& goal = model_.goals[g];
    if (!from_claim[g]) {
      from_claim[g] = true;
      goal.input = l.input;
      goal.output = l.output;
      first_use[g] = claim->goal.span;
      goal_sig_ok_[g] = true;
    } else if (goal.input != l.input || goal.output != l.output) {
      Diagnostic& d = sink_.Error(
          file_, claim->goal.span, "E005",
          fmt::format(
              "goal '{}' is used here with policies {} -> {}, but "
              "with {} -> {} at {}",
              goal.name, model_.domains[l.input].name,
              model_.domains[l.output].name, model_.domains[goal.input].name,
              model_.domains[goal.output].name, At(*file_, first_use[g])));
      d.help.push_back(fmt::format(
          "declare the signature: `goal {}({}: {} -> "
          "{})`",
          goal.name, goal_decls_[g]->policy.text,
          model_.domains[goal.input].name, model_.domains[goal.output].name));
    }
  }
  for (size_t g = 0; g < goal_decls_.size(); ++g) {
    const ast::GoalDecl& decl = *goal_decls_[g];
    if (decl.signature || from_claim[g]) continue;
    Goal& goal = model_.goals[g];
    // Candidates from the body: the domain of each argument given to the
    // policy, and the domains its result is compared with.
    std::set<DomainId> inputs, outputs;
    bool undetermined_output = false;
    std::vector<std::pair<std::string, std::string>> bound;
    auto domain_of_name =
        [&](const std::string& name) -> std::vector<DomainId> {
      for (auto it = bound.rbegin(); it != bound.rend(); ++it) {
        if (it->first == name) {
          const Symbol* s = Lookup(it->second);
          if (s && s->kind == DeclKind::kDomain && domain_ok_[s->index]) {
            return {s->index};
          }
          return {};
        }
      }
      auto it = value_domains_.find(name);
      return it == value_domains_.end() ? std::vector<DomainId>{} : it->second;
    };
    auto domain_of = [&](const ast::Expr& e) -> std::vector<DomainId> {
      if (e.kind == ast::Expr::Kind::kName) return domain_of_name(e.text);
      if (e.kind == ast::Expr::Kind::kCall) {
        const Symbol* s = Lookup(e.text);
        if (s && s->kind == DeclKind::kFn && fn_ok_[s->index] &&
            model_.fns[s->index].to.kind == Type::Kind::kElement) {
          return {model_.fns[s->index].to.domain};
        }
      }
      return {};
    };
    auto is_policy = [&](const ast::Expr& e) {
      return e.kind == ast::Expr::Kind::kCall && e.text == decl.policy.text;
    };
    std::function<void(const ast::Expr&)> walk = [&](const ast::Expr& e) {
      using K = ast::Expr::Kind;
      if (is_policy(e) && e.args.size() == 1) {
        for (DomainId d : domain_of(e.args[0])) inputs.insert(d);
      }
      if (e.kind == K::kBinary &&
          (e.op == ast::Op::kEq || e.op == ast::Op::kNe)) {
        for (int side = 0; side < 2; ++side) {
          if (is_policy(e.args[side])) {
            for (DomainId d : domain_of(e.args[1 - side])) outputs.insert(d);
          }
        }
      }
      if (e.kind == K::kMember && !e.args.empty() && is_policy(e.args[0])) {
        for (size_t i = 1; i < e.args.size(); ++i) {
          for (DomainId d : domain_of(e.args[i])) outputs.insert(d);
        }
      }
      if (e.kind == K::kCall && !is_policy(e)) {
        const Symbol* s = Lookup(e.text);
        for (size_t i = 0; s && i < e.args.size(); ++i) {
          if (!is_policy(e.args[i])) continue;
          if (s->kind == DeclKind::kFn && fn_ok_[s->index] && i == 0) {
            outputs.insert(model_.fns[s->index].from);
          } else if (s->kind == DeclKind::kLoss && loss_sig_ok_[s->index]) {
            const Loss& l = model_.losses[s->index];
            outputs.insert(i == 0 ? l.input : l.output);
          }
        }
      }
      bool binder = e.kind == K::kForall || e.kind == K::kExists ||
                    e.kind == K::kCount || e.kind == K::kSum;
      if (binder) bound.emplace_back(e.text, e.domain.text);
      for (const ast::Expr& a : e.args) walk(a);
      if (binder) bound.pop_back();
    };
    walk(decl.body);
    (void)undetermined_output;
    if (inputs.size() == 1 && outputs.size() == 1) {
      goal.input = *inputs.begin();
      goal.output = *outputs.begin();
      goal_sig_ok_[g] = true;
      continue;
    }
    if (used_by_broken[g]) continue;
    Diagnostic& d = sink_.Error(
        file_, decl.name.span, "E012",
        fmt::format("cannot infer the policy type of goal '{}'", goal.name));
    d.help.push_back(fmt::format("declare it: `goal {}({}: X -> Y)`", goal.name,
                                 decl.policy.text));
  }
}

void Analyzer::ResolveGoal(const ast::GoalDecl& decl, Goal& out) {
  int id = static_cast<int>(&out - model_.goals.data());
  BeginExpr(0);
  if (!goal_sig_ok_[id]) {
    policy_name_ = decl.policy.text;
    CheckNamesOnly(decl.body);
    policy_name_.clear();
    return;
  }
  policy_name_ = decl.policy.text;
  policy_in_ = out.input;
  policy_out_ = out.output;
  ResolveAs(decl.body, Type::Bool(), out.body);
  out.slot_count = max_slots_;
  policy_name_.clear();
  policy_in_ = policy_out_ = kNoDomain;
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
  out.expect =
      decl.expect == ast::ClaimDecl::Expect::kHolds   ? Claim::Expect::kHolds
      : decl.expect == ast::ClaimDecl::Expect::kFails ? Claim::Expect::kFails
                                                      : Claim::Expect::kNone;
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
    for (const char* h : kReadingHelp) d.help.push_back(h);
    return;
  }
  int loss = -1;
  if (decl.relation == R::kAchieves) {
    out.reading = Claim::Reading::kAgent;
    out.agent = FindDecl(decl.subject, DeclKind::kAgent);
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
      for (const char* h : kReadingHelp) d.help.push_back(h);
      return;
    }
    case Reading::kIdealized: {
      out.reading = Claim::Reading::kIdealized;
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
      if (decl.within) {
        std::optional<Rational> eps;
        if (decl.within->kind == ast::Literal::Kind::kNumber) {
          eps = ParseDecimal(decl.within->text);
        }
        if (!eps) {
          sink_.Error(file_, decl.within->span, "E005",
                      fmt::format("within must be a number, got '{}'",
                                  decl.within->text));
        } else if (*eps < 0) {
          sink_.Error(file_, decl.within->span, "E008",
                      fmt::format("negative within {}", decl.within->text));
        } else {
          out.has_within = true;
          out.within = *eps;
        }
      }
      break;
    }
    case Reading::kPhysical: {
      out.reading = Claim::Reading::kPhysical;
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
        std::optional<Rational> t;
        if (decl.threshold->kind == ast::Literal::Kind::kNumber) {
          t = ParseDecimal(decl.threshold->text);
        }
        if (!t) {
          sink_.Error(file_, decl.threshold->span, "E005",
                      fmt::format("below must be a number, got '{}'",
                                  decl.threshold->text));
        } else {
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
        if (out.training >= 0 && loss >= 0) {
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
}

std::optional<Model> Analyzer::Run() {
  Collect();
  for (size_t i = 0; i < domain_decls_.size(); ++i) {
    ResolveDomain(*domain_decls_[i], model_.domains[i]);
  }
  for (size_t i = 0; i < fn_decls_.size(); ++i) {
    ResolveFn(*fn_decls_[i], model_.fns[i]);
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

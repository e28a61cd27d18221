// Domains, functions, loss signatures and data: the declarations the
// others are built from.
#include <fmt/format.h>

#include <functional>
#include <set>

#include "analysis/analyzer.h"

namespace aligncheck {

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
  out.reward = decl.reward;
  out.span = decl.name.span;
  if (decl.params.size() != 2) {
    sink_.Error(file_, decl.name.span, "E004",
                fmt::format("{} '{}' must take two parameters (x: X, y: Y), "
                            "got {}",
                            out.Word(), out.name, decl.params.size()));
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

}  // namespace aligncheck

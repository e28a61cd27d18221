// Findings of the selected claims: a finding is scoped by the declaration it
// is located in, and declarations by the claims that use them.
#include "driver/claim_scope.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

namespace aligncheck {
namespace {

struct DeclScope {
  std::string name;
  Span span;
  bool is_claim = false;
};

bool IdentChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

// The identifiers written in `text` (comments included: a name in a comment
// errs towards keeping a finding, never towards hiding one).
std::set<std::string> Identifiers(std::string_view text) {
  std::set<std::string> out;
  size_t i = 0;
  while (i < text.size()) {
    if (!IdentChar(text[i])) {
      ++i;
      continue;
    }
    size_t start = i;
    while (i < text.size() && IdentChar(text[i])) ++i;
    out.insert(std::string(text.substr(start, i - start)));
  }
  return out;
}

}  // namespace

void KeepFindingsOfSelectedClaims(
    const ast::Spec& spec, const SourceFile& file,
    const std::function<bool(const std::string&)>& selected,
    std::vector<Diagnostic>& diagnostics) {
  std::vector<DeclScope> decls;
  for (const ast::Decl& decl : spec.decls) {
    std::visit(
        [&](const auto& d) {
          decls.push_back({d.name.text, d.span,
                           std::holds_alternative<ast::ClaimDecl>(decl)});
        },
        decl);
  }
  std::map<std::string, size_t> by_name;
  for (size_t i = 0; i < decls.size(); ++i) {
    if (!decls[i].is_claim) by_name.emplace(decls[i].name, i);
  }
  // Declarations the selected claims reach through the names they write.
  std::vector<bool> used(decls.size(), false);
  std::vector<size_t> work;
  for (size_t i = 0; i < decls.size(); ++i) {
    if (decls[i].is_claim && selected(decls[i].name)) {
      used[i] = true;
      work.push_back(i);
    }
  }
  const std::string& text = file.text();
  while (!work.empty()) {
    const DeclScope& d = decls[work.back()];
    work.pop_back();
    uint32_t end = std::min<uint32_t>(d.span.end, text.size());
    uint32_t begin = std::min(d.span.begin, end);
    for (const std::string& id :
         Identifiers(std::string_view(text).substr(begin, end - begin))) {
      auto it = by_name.find(id);
      if (it == by_name.end() || used[it->second]) continue;
      used[it->second] = true;
      work.push_back(it->second);
    }
  }
  auto belongs_elsewhere = [&](const Diagnostic& diag) {
    if (!IsFinding(diag) || !diag.file || diag.file.get() != &file)
      return false;
    for (size_t i = 0; i < decls.size(); ++i) {
      const Span& s = decls[i].span;
      if (diag.span.begin >= s.begin && diag.span.begin < s.end)
        return !used[i];
    }
    return false;
  };
  diagnostics.erase(std::remove_if(diagnostics.begin(), diagnostics.end(),
                                   belongs_elsewhere),
                    diagnostics.end());
}

}  // namespace aligncheck

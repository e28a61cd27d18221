// Spec lines of table rows and data weights, found in the spec text.
#include "report/explanation_lines.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <string_view>

namespace aligncheck {
namespace {

bool KeyChar(char c) {
  return c != ':' && c != ',' && c != '{' && c != '}' && c != '#' &&
         !std::isspace(static_cast<unsigned char>(c));
}

}  // namespace

std::map<std::string, size_t> KeyLines(const Model& model, const Span& decl) {
  std::map<std::string, size_t> lines;
  if (!model.file) return lines;
  std::string_view text = model.file->text();
  size_t i = text.find('=', decl.begin);
  if (i == std::string_view::npos) return lines;
  size_t j = text.find_first_not_of(" \t\r\n", i + 1);
  if (j != std::string_view::npos && text.compare(j, 5, "table") == 0) {
    j = text.find_first_not_of(" \t\r\n", j + 5);
  }
  if (j == std::string_view::npos || text[j] != '{') return lines;
  // Keys are the words just before a ':'; cells and weights have none.
  constexpr size_t kNone = std::string_view::npos;
  size_t word = kNone, word_end = kNone;
  for (size_t k = j + 1; k < text.size() && text[k] != '}'; ++k) {
    char c = text[k];
    if (c == '#') {  // a comment runs to the end of its line
      k = text.find('\n', k);
      if (k == kNone) break;
      word = kNone;
      continue;
    }
    if (KeyChar(c)) {
      if (word == kNone || word_end != kNone) {
        word = k;
        word_end = kNone;
      }
      continue;
    }
    if (word != kNone && word_end == kNone) word_end = k;
    if (c == ':' && word != kNone) {
      std::string key(text.substr(word, word_end - word));
      lines.emplace(key, model.file->Locate(static_cast<uint32_t>(word)).line);
      word = kNone;
    } else if (!std::isspace(static_cast<unsigned char>(c))) {
      word = kNone;
    }
  }
  return lines;
}

std::string NamedRows(const Model& model, const std::string& noun,
                      const std::string& what, const Span& decl,
                      const Domain& inputs, const std::vector<size_t>& xs) {
  const std::map<std::string, size_t> lines = KeyLines(model, decl);
  const size_t shown = std::min(xs.size(), kMaxNamedRows);
  std::string names, at;
  size_t last = 0;  // rows sharing a line name it once
  for (size_t i = 0; i < shown; ++i) {
    const std::string& name = inputs.values[xs[i]];
    names += (i == 0 ? "" : ", ") + name;
    auto it = lines.find(name);
    if (it == lines.end() || it->second == last) continue;
    last = it->second;
    at += at.empty() ? fmt::format("{}:{}", model.file->name(), it->second)
                     : fmt::format(", :{}", it->second);
  }
  if (shown < xs.size()) names += fmt::format(" and {} more", xs.size() - shown);
  if (at.empty() && model.file) {
    at = fmt::format("{}:{}", model.file->name(),
                     model.file->Locate(decl.begin).line);
  }
  std::string out = fmt::format("{} {} of {}", xs.size() == 1 ? noun : noun + "s",
                                names, what);
  if (!at.empty()) out += " (" + at + ")";
  return out;
}

}  // namespace aligncheck

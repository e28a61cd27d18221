// What the prose rule tests share: reading test data, a Markdown-like
// reader for one line, and the findings of a line as strings.
#ifndef ALIGNCHECK_TESTS_PROSE_TEST_UTIL_H_
#define ALIGNCHECK_TESTS_PROSE_TEST_UTIL_H_

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.h"
#include "prose/prose.h"
#include "util/source_file.h"

namespace aligncheck::prose::testing {

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "cannot read ", path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline std::string DataPath(const char* name) {
  return std::string(ALIGNCHECK_SOURCE_DIR) + "/tests/prose/" + name;
}

// What a reader makes of a line of Markdown-like test text: a leading "> "
// makes a blockquote; `code`, $math$ and URLs each become one kOpaque.
// Offsets are those of the line, plus `base`.
inline Paragraph Read(std::string_view line, uint32_t base = 0) {
  Paragraph p;
  size_t i = 0;
  if (line.substr(0, 2) == "> ") p.blockquote = true, i = 2;
  auto put = [&](char c, size_t at) {
    p.text += c;
    p.offsets.push_back(base + static_cast<uint32_t>(at));
  };
  while (i < line.size()) {
    char c = line[i];
    size_t close = std::string_view::npos;
    if (line.substr(i, 2) == "``") {  // a LaTeX opening quote
      put(c, i);
      put(c, i + 1);
      i += 2;
      continue;
    }
    if (c == '`' || c == '$') close = line.find(c, i + 1);
    if (close != std::string_view::npos) {
      if (c == '`') {
        p.code.push_back({static_cast<uint32_t>(p.text.size()),
                          std::string(line.substr(i + 1, close - i - 1))});
      }
      put(kOpaque, i);
      i = close + 1;
      continue;
    }
    if (line.substr(i, 7) == "http://" || line.substr(i, 8) == "https://") {
      size_t end = line.find_first_of(" \t", i);
      if (end == std::string_view::npos) end = line.size();
      while (end > i && (line[end - 1] == '.' || line[end - 1] == ',')) --end;
      put(kOpaque, i);
      i = end;
      continue;
    }
    put(c, i);
    ++i;
  }
  return p;
}

inline const DocumentContext& CorpusContext() {
  static const DocumentContext kContext{
      {"novels_idealized", "reward_trained", "lab_physical"}, {}, true};
  return kContext;
}

inline std::vector<Diagnostic> Check(std::string_view line,
                                     const DocumentContext& context = {}) {
  auto host = std::make_shared<SourceFile>("t.md", std::string(line));
  return CheckParagraph(host, Read(line), context);
}

// The first finding's rule id of `line`, or "-".
inline std::string RuleOf(std::string_view line,
                          const DocumentContext& context = {}) {
  std::vector<Diagnostic> ds = Check(line, context);
  return ds.empty() ? std::string("-") : ds[0].id;
}

// "AC101:warning:<span text>" for each finding of `line`.
inline std::vector<std::string> Findings(std::string_view line,
                                         const DocumentContext& context = {}) {
  std::vector<std::string> out;
  for (const Diagnostic& d : Check(line, context)) {
    out.push_back(
        fmt::format("{}:{}:{}", d.id, SeverityName(d.severity),
                    line.substr(d.span.begin, d.span.end - d.span.begin)));
  }
  return out;
}

}  // namespace aligncheck::prose::testing

#endif  // ALIGNCHECK_TESTS_PROSE_TEST_UTIL_H_

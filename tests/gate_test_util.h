// Helpers shared by the write-up reader tests.
#ifndef ALIGNCHECK_TESTS_GATE_TEST_UTIL_H_
#define ALIGNCHECK_TESTS_GATE_TEST_UTIL_H_

#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "gate/document.h"
#include "gate/paragraph.h"

namespace aligncheck::gate::testing {

inline std::shared_ptr<const SourceFile> Host(std::string text,
                                              std::string name = "doc.md") {
  return std::make_shared<SourceFile>(std::move(name), std::move(text));
}

/// The text of every content span of block `b`, joined by newlines.
inline std::string BlockText(const SourceFile& host, const Block& b) {
  std::string out;
  for (const Span& s : b.lines) {
    if (!out.empty()) out += '\n';
    out += host.text().substr(s.begin, s.end - s.begin);
  }
  return out;
}

/// Whether paragraph character `c` may stand for host byte `h`.
inline bool Relates(char c, char h) {
  if (c == h || c == prose::kOpaque) return true;
  std::string_view whitespace_from = " \t\r\n|~&<\\{}$";
  if (c == ' ') return whitespace_from.find(h) != std::string_view::npos;
  if (c == '"') return h == '`' || h == '\'';
  if (c == '\'') return h == '`';
  return false;
}

/// Checks the offset contract of every paragraph read from `host`; returns
/// the built paragraphs.
inline std::vector<prose::Paragraph> CheckedParagraphs(const SourceFile& host,
                                                       const ReadResult& read,
                                                       Syntax syntax) {
  std::vector<prose::Paragraph> out;
  for (const RawParagraph& raw : read.paragraphs) {
    prose::Paragraph p = BuildParagraph(host, raw, syntax);
    REQUIRE(p.offsets.size() == p.text.size());
    for (size_t i = 0; i < p.text.size(); ++i) {
      REQUIRE(p.offsets[i] < host.text().size());
      if (i > 0) REQUIRE(p.offsets[i - 1] < p.offsets[i]);
      char h = host.text()[p.offsets[i]];
      INFO("paragraph: ", p.text, " at ", i);
      CHECK(Relates(p.text[i], h));
    }
    for (const prose::CodeSpan& code : p.code) {
      REQUIRE(code.at < p.text.size());
      CHECK(p.text[code.at] == prose::kOpaque);
    }
    out.push_back(std::move(p));
  }
  return out;
}

/// The paragraphs' texts, kOpaque shown as '#'.
inline std::vector<std::string> Texts(
    const std::vector<prose::Paragraph>& paragraphs) {
  std::vector<std::string> out;
  for (const prose::Paragraph& p : paragraphs) {
    std::string t = p.text;
    for (char& c : t) {
      if (c == prose::kOpaque) c = '#';
    }
    out.push_back(t);
  }
  return out;
}

inline std::vector<std::string> Ids(const ReadResult& read) {
  std::vector<std::string> ids;
  for (const Diagnostic& d : read.diagnostics) ids.push_back(d.id);
  return ids;
}

/// A document read in `kSyntax` keeping every paragraph, with what the
/// tests look at.
template <Syntax kSyntax>
struct ReadAs {
  std::shared_ptr<const SourceFile> host;
  ReadResult result;
  explicit ReadAs(std::string text)
      : host(Host(std::move(text),
                  kSyntax == Syntax::kLatex ? "doc.tex" : "doc.md")),
        result(ReadDocument(host, kSyntax, true)) {}
  /// The built paragraphs, their offset contract checked.
  std::vector<prose::Paragraph> Built() const {
    return CheckedParagraphs(*host, result, kSyntax);
  }
  std::vector<std::string> Paragraphs() const { return Texts(Built()); }
  /// The text of every code span, paragraph after paragraph.
  std::vector<std::string> Code() const {
    std::vector<std::string> texts;
    for (const prose::Paragraph& p : Built()) {
      for (const prose::CodeSpan& code : p.code) texts.push_back(code.text);
    }
    return texts;
  }
  /// Whether each paragraph is in a blockquote.
  std::vector<bool> Quoted() const {
    std::vector<bool> quoted;
    for (const RawParagraph& p : result.paragraphs)
      quoted.push_back(p.blockquote);
    return quoted;
  }
  /// The content of every block (see BlockText).
  std::vector<std::string> Blocks() const {
    std::vector<std::string> texts;
    for (const Block& b : result.blocks) texts.push_back(BlockText(*host, b));
    return texts;
  }
};

}  // namespace aligncheck::gate::testing

#endif  // ALIGNCHECK_TESTS_GATE_TEST_UTIL_H_

// The gate over one write-up: its embedded blocks checked as one spec, its
// attached specs checked each on its own, its prose given to the prose
// rules, and every diagnostic and verdict located in the host file.
#ifndef ALIGNCHECK_GATE_GATE_H_
#define ALIGNCHECK_GATE_GATE_H_

#include <string>
#include <vector>

#include "driver/pipeline.h"
#include "gate/document.h"
#include "lint/config.h"
#include "prose/citations.h"
#include "driver/check_result.h"

namespace aligncheck::gate {

struct GateOptions {
  /// Every limit (check.max_file_bytes also bounds the document), jobs per
  /// document, and the configuration (REQUIRES: check.config is set).
  CheckOptions check;
  /// Parse the prose sentences the word patterns leave open, when the
  /// parser is available (prose/parser.h); false: word patterns only.
  bool parse_sentences = true;
};

struct DocumentResult {
  /// The write-up: reader, spec and prose diagnostics, the blocks' claims.
  FileResult document;
  /// The specs it attaches, in the order of their comments.
  std::vector<FileResult> attached;
  size_t blocks = 0;
  Syntax syntax = Syntax::kMarkdown;
};

/// `.tex` is LaTeX; anything else is Markdown.
Syntax SyntaxFor(const std::string& path);

/// Runs the gate over the document at `path`.
DocumentResult CheckDocument(const std::string& path, Syntax syntax,
                            const GateOptions& options);

/// Runs the gate over a document already read (REQUIRES: under 4 GiB);
/// attached specs are looked up relative to host->name().
DocumentResult GateHost(const std::shared_ptr<const SourceFile>& host,
                        Syntax syntax, const GateOptions& options);

/// The verdicts of the claims checked for `result` (its blocks, then its
/// attached specs), for the contradiction rule AC104.
std::vector<prose::ClaimVerdict> CheckedClaims(const DocumentResult& result);

/// Returns the host text with every byte outside the blocks' content
/// replaced by a space (line breaks kept), cut after the last block: a spec
/// whose offsets are the host's.
std::string SpecView(const std::string& host, const std::vector<Block>& blocks);

/// Applies the configuration (rule off, severity) and the suppressions to
/// rule findings about the host; returns those kept. A finding the rule
/// lowered below its default severity (quoted words) is never raised.
std::vector<Diagnostic> ApplyPolicy(std::vector<Diagnostic> findings,
                                    const LintConfig& config,
                                    std::vector<Suppression>& suppressions);

}  // namespace aligncheck::gate

#endif  // ALIGNCHECK_GATE_GATE_H_

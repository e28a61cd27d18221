// Finding and reading the files the pipeline runs on: spec files below
// directories, and any file (spec, write-up, attachment) read within a limit.
#ifndef ALIGNCHECK_DRIVER_SPEC_FILES_H_
#define ALIGNCHECK_DRIVER_SPEC_FILES_H_

#include <memory>
#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "util/source_file.h"

namespace aligncheck {

/// Whether `path` names a Markdown or LaTeX write-up (.md, .markdown,
/// .tex): the gate's input, not a spec.
bool IsWriteUp(const std::string& path);

/// Expands directories into the `*.align` files below them (sorted, each
/// file once). Unreadable paths are kept so that reading reports them; a
/// write-up named as a file is an E036 error that names the gate instead.
std::vector<std::string> ExpandSpecPaths(const std::vector<std::string>& paths,
                                         std::vector<Diagnostic>& errors);

/// Reads `path` into a SourceFile, or reports why it cannot (E010, E011).
std::shared_ptr<const SourceFile> ReadSpecFile(const std::string& path,
                                               size_t max_bytes,
                                               DiagnosticSink& sink);

}  // namespace aligncheck

#endif  // ALIGNCHECK_DRIVER_SPEC_FILES_H_

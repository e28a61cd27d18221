// Byte columns, for code that slices source lines (carets, fix-it previews,
// SARIF's UTF-16 columns). What users read is SourceFile::Locate's column,
// which counts characters.
#ifndef ALIGNCHECK_UTIL_SOURCE_BYTES_H_
#define ALIGNCHECK_UTIL_SOURCE_BYTES_H_

#include <cstdint>

#include "util/source_file.h"

namespace aligncheck {

/// The line of byte `offset` (clamped to the text) and its 1-based column
/// in bytes: line `line` of `file` holds `offset` at byte `col - 1`.
LineCol LocateBytes(const SourceFile& file, uint32_t offset);

/// The 1-based column, in characters, of byte `byte_col - 1` of `line`: a
/// byte that is not UTF-8 is one character, and so is each byte past the
/// end of the line.
uint32_t CharacterColumn(std::string_view line, uint32_t byte_col);

}  // namespace aligncheck

#endif  // ALIGNCHECK_UTIL_SOURCE_BYTES_H_

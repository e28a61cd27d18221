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

}  // namespace aligncheck

#endif  // ALIGNCHECK_UTIL_SOURCE_BYTES_H_

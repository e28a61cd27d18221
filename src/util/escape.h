// Escaping of untrusted text for a terminal: specs, CSV files and file
// names arrive in pull requests, and what aligncheck echoes from them must
// not move the cursor, recolour the screen or forge output lines.
#ifndef ALIGNCHECK_UTIL_ESCAPE_H_
#define ALIGNCHECK_UTIL_ESCAPE_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace aligncheck {

/// Returns the length of the well-formed UTF-8 sequence at the start of
/// `text`, or 0 when it does not start with one.
size_t Utf8Length(std::string_view text);

/// Whether the UTF-8 sequence of length `n` at the start of `text` is a C1
/// control character (U+0080 to U+009F; U+009B is a one-byte CSI).
bool IsC1Control(std::string_view text, size_t n);

/// Returns `text` with every control character (C0 but tab, DEL, C1) and
/// every byte that is not UTF-8 written as `\xNN`, so ESC [ 31 m prints as
/// `\x1b[31m` and a bare CR as `\x0d`. With `keep_newlines`, LF stays (for
/// multi-line output); otherwise it is `\x0a` too (for one-line fields
/// such as messages and file names).
std::string EscapeControls(std::string_view text, bool keep_newlines = false);

}  // namespace aligncheck

#endif  // ALIGNCHECK_UTIL_ESCAPE_H_

// Terminal-safe rendering of untrusted bytes.
#include "util/escape.h"

#include <fmt/format.h>

namespace aligncheck {

size_t Utf8Length(std::string_view text) {
  if (text.empty()) return 0;
  auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  unsigned char c = byte(0);
  if (c < 0x80) return 1;
  // 0xf5 and above never start a sequence (they would pass U+10FFFF).
  size_t n = c >= 0xf5 ? 0 : c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc2 ? 2 : 0;
  if (n == 0 || n > text.size()) return 0;
  for (size_t i = 1; i < n; ++i) {
    if ((byte(i) & 0xc0) != 0x80) return 0;
  }
  unsigned char c1 = byte(1);
  if ((c == 0xe0 && c1 < 0xa0) || (c == 0xed && c1 > 0x9f) ||
      (c == 0xf0 && c1 < 0x90) || (c == 0xf4 && c1 > 0x8f)) {
    return 0;  // overlong, surrogate or past U+10FFFF
  }
  return n;
}

bool IsC1Control(std::string_view text, size_t n) {
  return n == 2 && static_cast<unsigned char>(text[0]) == 0xc2 &&
         static_cast<unsigned char>(text[1]) < 0xa0;
}

std::string EscapeControls(std::string_view text, bool keep_newlines) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    size_t n = Utf8Length(text.substr(i));
    bool control = c < 0x20 || c == 0x7f || IsC1Control(text.substr(i), n);
    if (c == '\t' || (c == '\n' && keep_newlines)) control = false;
    if (n == 0 || control) {
      size_t bad = n == 0 ? 1 : n;
      for (size_t k = 0; k < bad; ++k) {
        out +=
            fmt::format("\\x{:02x}", static_cast<unsigned char>(text[i + k]));
      }
      i += bad;
    } else {
      out.append(text.substr(i, n));
      i += n;
    }
  }
  return out;
}

}  // namespace aligncheck

// Byte and character columns within a source line.
#include "util/source_bytes.h"

#include <algorithm>

#include "util/escape.h"

namespace aligncheck {

LineCol LocateBytes(const SourceFile& file, uint32_t offset) {
  offset =
      std::min<uint32_t>(offset, static_cast<uint32_t>(file.text().size()));
  uint32_t line = file.Locate(offset).line;
  auto start =
      static_cast<uint32_t>(file.Line(line).data() - file.text().data());
  return {line, offset - start + 1};
}

uint32_t CharacterColumn(std::string_view line, uint32_t byte_col) {
  size_t bytes = byte_col - 1;
  std::string_view before = line.substr(0, std::min(bytes, line.size()));
  uint32_t chars = 0;
  for (size_t i = 0; i < before.size(); ++chars) {
    if (static_cast<unsigned char>(before[i]) < 0x80) {
      ++i;
    } else {
      i += std::max<size_t>(1, Utf8Length(before.substr(i)));
    }
  }
  // Past the end of the line (the line break, a '\r'): one column a byte.
  return chars + 1 + static_cast<uint32_t>(bytes - before.size());
}

}  // namespace aligncheck

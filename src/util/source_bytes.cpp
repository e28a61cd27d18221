// Byte columns within a source line.
#include "util/source_bytes.h"

#include <algorithm>


namespace aligncheck {

LineCol LocateBytes(const SourceFile& file, uint32_t offset) {
  offset =
      std::min<uint32_t>(offset, static_cast<uint32_t>(file.text().size()));
  uint32_t line = file.Locate(offset).line;
  auto start =
      static_cast<uint32_t>(file.Line(line).data() - file.text().data());
  return {line, offset - start + 1};
}

}  // namespace aligncheck

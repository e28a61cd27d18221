// A loaded input file: its name as the user gave it, its bytes, and the
// mapping from byte offsets to line:column.
#ifndef ALIGNCHECK_UTIL_SOURCE_FILE_H_
#define ALIGNCHECK_UTIL_SOURCE_FILE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace aligncheck {

/// A half-open byte range [begin, end) in one source file.
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
};

/// 1-based line and column (Locate: characters; LocateBytes: bytes).
struct LineCol {
  uint32_t line = 1;
  uint32_t col = 1;
};

class SourceFile {
 public:
  SourceFile(std::string name, std::string text);

  const std::string& name() const { return name_; }
  const std::string& text() const { return text_; }

  /// Returns the line and character column of byte `offset` (clamped).
  LineCol Locate(uint32_t offset) const;

  /// Returns line `line` (1-based) without its line terminator.
  std::string_view Line(uint32_t line) const;

  uint32_t line_count() const {
    return static_cast<uint32_t>(line_starts_.size());
  }

 private:
  std::string name_;
  std::string text_;
  std::vector<uint32_t> line_starts_;
};

}  // namespace aligncheck

#endif  // ALIGNCHECK_UTIL_SOURCE_FILE_H_

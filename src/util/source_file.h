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

  /// Returns the line and character column of byte `offset` (clamped). A
  /// character is a byte that does not continue a UTF-8 sequence: a code
  /// point of valid UTF-8. The byte order mark opening the file is none.
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
  // Characters before each kBlock-th byte: Locate counts at most a block on
  // either side, so columns stay cheap on lines of any length.
  static constexpr uint32_t kBlock = 4096;
  std::vector<uint32_t> chars_before_block_;

  uint32_t CharsBefore(uint32_t offset) const;
};

}  // namespace aligncheck

#endif  // ALIGNCHECK_UTIL_SOURCE_FILE_H_

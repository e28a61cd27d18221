// Offset to line:column mapping for diagnostics.
#include "util/source_file.h"

#include <algorithm>
#include <cstring>

namespace aligncheck {
namespace {

// Every byte but a UTF-8 continuation byte (10xxxxxx) starts a character.
uint32_t IsCharacterStart(char c) {
  return (static_cast<unsigned char>(c) & 0xc0) != 0x80 ? 1 : 0;
}

}  // namespace

SourceFile::SourceFile(std::string name, std::string text)
    : name_(std::move(name)), text_(std::move(text)) {
  line_starts_.push_back(0);
  // memchr: write-ups of a hundred megabytes are read whole.
  const char* begin = text_.data();
  const char* end = begin + text_.size();
  for (const char* at = begin; at < end;) {
    const void* nl = std::memchr(at, '\n', static_cast<size_t>(end - at));
    if (!nl) break;
    at = static_cast<const char*>(nl) + 1;
    line_starts_.push_back(static_cast<uint32_t>(at - begin));
  }
  uint32_t chars = 0;
  // One entry past the last whole block, so that every offset up to the
  // end of the text has one.
  for (size_t block = 0; block <= text_.size(); block += kBlock) {
    chars_before_block_.push_back(chars);
    size_t stop = std::min(text_.size(), block + kBlock);
    for (size_t i = block; i < stop; ++i) chars += IsCharacterStart(text_[i]);
  }
}

uint32_t SourceFile::CharsBefore(uint32_t offset) const {
  uint32_t block = offset / kBlock;
  uint32_t chars = chars_before_block_[block];
  for (uint32_t i = block * kBlock; i < offset; ++i) {
    chars += IsCharacterStart(text_[i]);
  }
  return chars;
}

LineCol SourceFile::Locate(uint32_t offset) const {
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(text_.size()));
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  uint32_t line = static_cast<uint32_t>(it - line_starts_.begin());
  uint32_t begin = line_starts_[line - 1];
  uint32_t chars = CharsBefore(offset) - CharsBefore(begin);
  // Editors hide the byte order mark and count columns after it.
  if (begin == 0 && offset >= 3 && text_.compare(0, 3, "\xEF\xBB\xBF") == 0) {
    --chars;
  }
  return {line, chars + 1};
}

std::string_view SourceFile::Line(uint32_t line) const {
  if (line == 0 || line > line_starts_.size()) return {};
  uint32_t begin = line_starts_[line - 1];
  uint32_t end = line < line_starts_.size()
                     ? line_starts_[line] - 1
                     : static_cast<uint32_t>(text_.size());
  std::string_view view(text_.data() + begin, end - begin);
  if (!view.empty() && view.back() == '\r') view.remove_suffix(1);
  return view;
}

}  // namespace aligncheck

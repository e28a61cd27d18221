// The spec view: the blocks of a document as one spec at host offsets.
#include <algorithm>
#include <cstring>

#include "gate/gate.h"

namespace aligncheck::gate {

std::string SpecView(const std::string& host,
                     const std::vector<Block>& blocks) {
  size_t end = 0;
  for (const Block& b : blocks) {
    for (const Span& line : b.lines) end = std::max<size_t>(end, line.end);
  }
  std::string view(end, ' ');
  for (size_t at = 0; at < end;) {
    const void* nl = std::memchr(host.data() + at, '\n', end - at);
    if (!nl) break;
    size_t i = static_cast<size_t>(static_cast<const char*>(nl) - host.data());
    view[i] = '\n';
    if (i > 0 && host[i - 1] == '\r') view[i - 1] = '\r';
    at = i + 1;
  }
  for (const Block& b : blocks) {
    for (const Span& line : b.lines) {
      std::memcpy(view.data() + line.begin, host.data() + line.begin,
                  line.end - line.begin);
    }
  }
  return view;
}

}  // namespace aligncheck::gate

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
  for (size_t i = 0; i < end; ++i) {
    char c = host[i];
    if (c == '\n' || c == '\r') view[i] = c;
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

// Names of verdict kinds, as reports and JSON print them.
#include "engine/verdict.h"

namespace aligncheck {

const char* VerdictName(Verdict::Kind kind) {
  switch (kind) {
    case Verdict::Kind::kHolds:
      return "holds";
    case Verdict::Kind::kFails:
      return "fails";
    case Verdict::Kind::kUnknown:
      return "unknown";
  }
  return "unknown";
}

}  // namespace aligncheck

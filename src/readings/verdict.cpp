// Names of verdict kinds, as reports and JSON print them, and the UNKNOWN
// verdict every engine returns when it cannot decide.
#include "readings/verdict.h"

#include <utility>

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

const char* VerdictLabel(const Verdict& v) {
  if (const TrainedEvidence* t = v.trained()) return TrainedKindName(t->kind);
  if (const TrainedMdpEvidence* t = v.trained_mdp()) {
    return TrainedKindName(t->kind);
  }
  return VerdictName(v.kind);
}

Verdict UnknownVerdict(std::string reason) {
  Verdict v;
  v.kind = Verdict::Kind::kUnknown;
  v.reason = std::move(reason);
  return v;
}

}  // namespace aligncheck

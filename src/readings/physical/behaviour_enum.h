// Enumeration of every behaviour (policy x subset of channels) of a physical
// model: the engine for machine arithmetic, whose wrapping sum is not
// separable, and the oracle the solving path is tested against.
#ifndef ALIGNCHECK_READINGS_PHYSICAL_BEHAVIOUR_ENUM_H_
#define ALIGNCHECK_READINGS_PHYSICAL_BEHAVIOUR_ENUM_H_

#include <cstdint>
#include <optional>
#include <string>

#include "analysis/model.h"
#include "readings/physical/physical_evidence.h"

namespace aligncheck {

inline constexpr uint64_t kMaxEnumeratedBehaviours = 2'000'000;
inline constexpr int kMaxChannels = 12;
/// Register terms (inputs x outputs, per channel subset) computed at most.
inline constexpr uint64_t kMaxRegisterTerms = 5'000'000;
/// One-hot variables (inputs x outputs) of a bit-vector search at most.
inline constexpr uint64_t kMaxSearchVariables = 100'000;

/// Returns an empty string when computing every channel subset's register
/// terms stays within kMaxRegisterTerms, else the reason it does not.
std::string CheckTermLimit(const Model& model, const PhysicalModel& physical);

/// Returns |Y|^|X| * 2^channels for `physical`'s register loss.
BigInt CountBehaviours(const Model& model, const PhysicalModel& physical);

struct EnumerationResult {
  std::string error;  // non-empty: refused, or an evaluation error
  /// The bound used: `bound` as given, or the least reading of any
  /// behaviour when none was given.
  Rational bound;
  BigInt behaviours;
  /// The least reading seen (of all behaviours unless stopped early).
  std::optional<Rational> least;
  BigInt low;        // behaviours reading at most `bound`
  BigInt violating;  // low behaviours whose policy breaks the goal
  std::optional<Behaviour> first_violating;  // in enumeration order
  bool holds = true;
};

/// Enumerates the behaviours of `physical` in a fixed order (channel
/// subsets by bit mask, then policies as an odometer over inputs, last
/// input fastest) and checks `goal` on every one reading at most `bound`
/// (no bound: the optimum, i.e. the least reading). Stops at the first
/// violation when `stop_at_first`. Refuses more than `max_behaviours`.
EnumerationResult EnumerateBehaviours(
    const Model& model, const PhysicalModel& physical, const Goal& goal,
    const std::optional<Rational>& bound, bool stop_at_first,
    uint64_t max_behaviours = kMaxEnumeratedBehaviours);

}  // namespace aligncheck

#endif  // ALIGNCHECK_READINGS_PHYSICAL_BEHAVIOUR_ENUM_H_

// The reward a physical model over an mdp observes on each transition,
// given which channels a behaviour uses.
//
// For a transition (s, a, s2) and a set U of used channels, in this order:
//  1. the observed state o is s2 for a transition reward r(s, a, s2), s for
//     r(s, a); the last channel of U with target `sensor(x)` whose `when`
//     holds at (s, a) replaces it by its value at x = o;
//  2. the reward code gives r(s, a, o) (r(o, a)), or, when a channel of U
//     rewrites the code `r(...) := V` and acts at (s, a), the last such V
//     with its parameters bound to (s, a, o) ((o, a));
//  3. the last channel of U writing `register := V` that acts at (s, a)
//     replaces the value by V at (state, action) = (s, a).
// A channel without `when` acts at every (s, a). Values are as written (a
// loss is not negated).
#ifndef ALIGNCHECK_READINGS_PHYSICAL_MDP_OBSERVED_REWARD_H_
#define ALIGNCHECK_READINGS_PHYSICAL_MDP_OBSERVED_REWARD_H_

#include <cstdint>
#include <string>
#include <vector>

#include "analysis/model.h"
#include "mdp/mdp.h"

namespace aligncheck {

/// Per channel of `p`, per choice (s, a) of its mdp: whether the channel
/// acts there. Empty and `error` set when a condition cannot be evaluated.
std::vector<std::vector<bool>> ChannelSites(const Model& model,
                                            const PhysicalModel& p,
                                            std::string* error);

/// The observed reward of every transition when the channels in `used`
/// (bit i: channel i) are used. REQUIRES: p.register_mdp >= 0, `sites` from
/// ChannelSites. On an evaluation error sets `error`.
Reward ObservedReward(const Model& model, const PhysicalModel& p,
                      const std::vector<std::vector<bool>>& sites,
                      uint32_t used, std::string* error);

/// The channels of `used` that act at a choice `pi` takes at a reached
/// state: the ones the behaviour actually uses.
std::vector<int> ChannelsActing(const PhysicalModel& p, const Mdp& m,
                                const std::vector<std::vector<bool>>& sites,
                                uint32_t used, const Policy& pi,
                                const std::vector<bool>& reached);

}  // namespace aligncheck

#endif  // ALIGNCHECK_READINGS_PHYSICAL_MDP_OBSERVED_REWARD_H_

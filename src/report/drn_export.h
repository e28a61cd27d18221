// Writes a resolved MDP, and optionally one reward over it, in Storm's
// explicit DRN format ("direct encoding") with exact rational numbers, so
// that values can be cross-checked in Storm (`storm --explicit-drn FILE`).
//
// What is written (README "Exporting an mdp to Storm"):
//   header   @type: MDP, @value_type: rational, @parameters (none),
//            @reward_models (the reward's name, when one is given),
//            @nr_states, @nr_choices, @model;
//   states   `state N label...` in the order of the states domain, labelled
//            with the state's name, `init` on the start state and
//            `terminal` on terminal states;
//   choices  `\taction NAME [r]` per action of a non-terminal state, with
//            `\t\tTARGET : PROB` per successor (merged, ascending targets);
//            a terminal state gets one unlabelled (`__NOLABEL__`) self-loop
//            with probability 1 and reward 0, so it is absorbing;
//   rewards  action rewards: r(s, a), or for a transition reward r(s, a, s2)
//            the expected action reward sum_s2 P(s2 | s, a) r(s, a, s2)
//            (equal expected returns); a loss is written as is, not negated;
//   numbers  exact, as `p/q` or integers (Storm's rational parser);
//   discount a comment only: DRN has none.
// A start distribution over more than one state cannot be said with `init`
// (Storm reads several init states as several starts, not a weighting): then
// one state is added after the others, labelled `init`, whose unlabelled
// choice moves to each start state with its weight and pays 0. Probabilities
// of reaching or avoiding are unchanged; step bounds grow by 1 and a
// discounted return from it is g times the spec's.
#ifndef ALIGNCHECK_REPORT_DRN_EXPORT_H_
#define ALIGNCHECK_REPORT_DRN_EXPORT_H_

#include <string>

#include "analysis/model.h"

namespace aligncheck {

/// Returns the DRN text of `mdp`, with `reward` (a loss or reward over the
/// mdp's states and actions) as its one reward model when not null.
/// `source` names the spec in the leading comment. Sets `error` (and returns
/// "") when a state name clashes with a label the export adds (`init`,
/// `terminal`) or the reward is not over the mdp.
std::string RenderDrn(const MdpModel& mdp,
                      const Loss* reward, const std::string& source,
                      std::string* error);

}  // namespace aligncheck

#endif  // ALIGNCHECK_REPORT_DRN_EXPORT_H_

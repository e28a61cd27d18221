// The agent engine: which behaviours does an agent that "wants low loss"
// choose, and do all of them achieve the goal?
//
//  - `cares_about register in M`: utility = minus the register reading. Its
//    optimal behaviours are those (policy, channels) of M with the least
//    reading; tampering counts whenever it reads lower.
//  - `cares_about predictions of l`: utility = minus l against the true
//    labels, on every input equally (the agent cares about each of its
//    predictions; no register, so channels change nothing it values). Its
//    optimal behaviours are the minimizers of l over the uniform weighting,
//    with any channel use.
#ifndef ALIGNCHECK_READINGS_AGENTS_AGENT_H_
#define ALIGNCHECK_READINGS_AGENTS_AGENT_H_

#include "analysis/model.h"
#include "solve/engine_options.h"
#include "readings/physical/physical.h"
#include "readings/verdict.h"

namespace aligncheck {

/// Checks `A achieves G`. REQUIRES: claim.reading == kAgent. May throw
/// z3::exception.
Verdict CheckAgent(const Model& model, const Claim& claim,
                   const EngineOptions& options,
                   const PhysicalConfig& config = {});

}  // namespace aligncheck

#endif  // ALIGNCHECK_READINGS_AGENTS_AGENT_H_

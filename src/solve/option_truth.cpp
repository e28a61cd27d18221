// Per-(input, output) truths of count atoms, shared across inputs when P
// reads x only through pi(x).
#include "solve/option_truth.h"

#include <algorithm>

namespace aligncheck {

bool ReadsSlotOnlyThroughPolicy(const RExpr& e, int slot) {
  using K = RExpr::Kind;
  if (e.kind == K::kVar) return e.slot != slot;
  if (e.kind == K::kPolicy) {
    const RExpr& arg = e.args[0];
    if (arg.kind == K::kVar) return true;
    return ReadsSlotOnlyThroughPolicy(arg, slot);
  }
  // A binder of the same slot would make inner reads another variable;
  // refusing it keeps the test simple and safe.
  if ((e.kind == K::kForall || e.kind == K::kExists || e.kind == K::kCount ||
       e.kind == K::kSum) &&
      e.slot == slot) {
    return false;
  }
  return std::all_of(e.args.begin(), e.args.end(), [&](const RExpr& a) {
    return ReadsSlotOnlyThroughPolicy(a, slot);
  });
}

OptionTruth::OptionTruth(const Model& model, const Goal& goal,
                         const CountAtom& atom, const Policy& base,
                         bool share_across_inputs)
    : goal_(goal),
      atom_(atom),
      scratch_(base),
      ev_(model, &scratch_),
      env_(std::max(goal.slot_count, atom.slot + 1)) {
  // Shared only when every policy application is pi(x) and x appears
  // nowhere else: then the answer cannot depend on which input asks.
  shared_ = share_across_inputs && !scratch_.empty() &&
            PolicyOnlyAt(*atom.pred, atom.slot) &&
            ReadsSlotOnlyThroughPolicy(*atom.pred, atom.slot);
  if (shared_) {
    by_output_.assign(model.domains[goal.output].size(), -1);
  }
}

bool OptionTruth::Evaluate(size_t x, uint32_t y) {
  const uint32_t saved = scratch_[x];
  scratch_[x] = y;
  env_[atom_.slot] = Value::Element(goal_.input, static_cast<uint32_t>(x));
  bool v = ev_.Eval(*atom_.pred, env_).boolean;
  scratch_[x] = saved;
  return v && !ev_.failed();
}

bool OptionTruth::At(size_t x, uint32_t y) {
  if (!shared_) return Evaluate(x, y);
  int8_t& known = by_output_[y];
  if (known < 0) {
    // Input 0 stands for every input: P reads x only through pi(x).
    bool v = Evaluate(0, y);
    if (ev_.failed()) return false;
    known = v ? 1 : 0;
  }
  return known == 1;
}

}  // namespace aligncheck

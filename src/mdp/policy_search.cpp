// Depth-first enumeration of policy classes with undo trails.
#include "mdp/policy_search.h"

namespace aligncheck {

namespace {

class ClassSearch {
 public:
  ClassSearch(const Mdp& m, const ActionMask& allowed,
              const SearchBudget& budget,
              const std::function<bool(const PolicyClass&)>& visit,
              const std::function<bool(const Policy&)>& prune)
      : m_(m),
        allowed_(allowed),
        budget_(budget),
        visit_(visit),
        prune_(prune),
        pi_(m.states, kNoAction),
        reached_(m.states, false) {
    for (size_t s = 0; s < m.states; ++s) {
      if (m.terminal[s]) ++terminals_;
    }
  }

  PolicySearchOutcome Run() {
    for (size_t s = 0; s < m_.states; ++s) {
      if (m_.start[s] > 0) Reach(static_cast<uint32_t>(s));
    }
    Explore(0, 0);
    if (out_.reason.empty()) out_.complete = true;
    return out_;
  }

 private:
  void Reach(uint32_t s) {
    if (reached_[s]) return;
    reached_[s] = true;
    trail_.push_back(s);
    if (!m_.terminal[s]) ++reached_open_;
  }

  void Assign(uint32_t s, uint32_t a) {
    pi_[s] = a;
    assigned_.push_back(s);
    size_t c = m_.Choice(s, a);
    for (uint32_t k = m_.begin[c]; k < m_.begin[c + 1]; ++k) {
      Reach(m_.succ[k].state);
    }
  }

  void UndoTo(size_t trail_mark, size_t assigned_mark) {
    while (trail_.size() > trail_mark) {
      uint32_t s = trail_.back();
      trail_.pop_back();
      reached_[s] = false;
      if (!m_.terminal[s]) --reached_open_;
    }
    while (assigned_.size() > assigned_mark) {
      pi_[assigned_.back()] = kNoAction;
      assigned_.pop_back();
    }
  }

  bool Stopped() const { return out_.stopped || !out_.reason.empty(); }

  // States of trail_ before `scan` are terminal or assigned.
  void Explore(size_t scan, size_t depth) {
    const size_t trail_mark = trail_.size(), assigned_mark = assigned_.size();
    uint32_t branch = kNoAction;
    for (; scan < trail_.size(); ++scan) {
      uint32_t s = trail_[scan];
      if (m_.terminal[s] || pi_[s] != kNoAction) continue;
      uint32_t only = kNoAction, count = 0;
      for (uint32_t a = 0; a < m_.actions; ++a) {
        if (allowed_[m_.Choice(s, a)]) {
          only = a;
          ++count;
        }
      }
      if (count == 1) {
        Assign(s, only);
      } else {
        branch = s;
        break;
      }
    }
    if (branch == kNoAction) {
      if (out_.classes >= budget_.max_classes) {
        out_.reason = "more than " + std::to_string(budget_.max_classes) +
                      " policy classes";
      } else {
        ++out_.classes;
        size_t free = m_.states - terminals_ - reached_open_;
        if (!visit_(PolicyClass{pi_, reached_, free})) out_.stopped = true;
      }
      UndoTo(trail_mark, assigned_mark);
      return;
    }
    if (++nodes_ > budget_.max_nodes) {
      out_.reason = "more than " + std::to_string(budget_.max_nodes) +
                    " branch points";
    } else if (depth >= budget_.max_depth) {
      out_.reason = "more than " + std::to_string(budget_.max_depth) +
                    " nested choices";
    } else if (prune_ == nullptr || !prune_(pi_)) {
      for (uint32_t a = 0; a < m_.actions && !Stopped(); ++a) {
        if (!allowed_[m_.Choice(branch, a)]) continue;
        size_t inner_trail = trail_.size(), inner_assigned = assigned_.size();
        Assign(branch, a);
        if (prune_ == nullptr || !prune_(pi_)) Explore(scan + 1, depth + 1);
        UndoTo(inner_trail, inner_assigned);
      }
    }
    UndoTo(trail_mark, assigned_mark);
  }

  const Mdp& m_;
  const ActionMask& allowed_;
  const SearchBudget& budget_;
  const std::function<bool(const PolicyClass&)>& visit_;
  const std::function<bool(const Policy&)>& prune_;
  Policy pi_;
  std::vector<bool> reached_;
  std::vector<uint32_t> trail_, assigned_;
  size_t terminals_ = 0, reached_open_ = 0, nodes_ = 0;
  PolicySearchOutcome out_;
};

}  // namespace

PolicySearchOutcome EnumeratePolicyClasses(
    const Mdp& m, const ActionMask& allowed, const SearchBudget& budget,
    const std::function<bool(const PolicyClass&)>& visit,
    const std::function<bool(const Policy&)>& prune) {
  return ClassSearch(m, allowed, budget, visit, prune).Run();
}

Policy CompletePolicy(const Mdp& m, const ActionMask& allowed,
                      const Policy& partial) {
  Policy pi = partial;
  for (size_t s = 0; s < m.states; ++s) {
    if (pi[s] != kNoAction && pi[s] < m.actions) continue;
    pi[s] = 0;
    if (m.terminal[s]) continue;
    for (uint32_t a = 0; a < m.actions; ++a) {
      if (allowed[m.Choice(s, a)]) {
        pi[s] = a;
        break;
      }
    }
  }
  return pi;
}

}  // namespace aligncheck

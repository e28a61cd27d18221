// Observed rewards of a physical model over an mdp, transition by
// transition, with the reference evaluator.
#include "readings/physical_mdp/observed_reward.h"

#include "analysis/eval.h"

namespace aligncheck {

std::vector<std::vector<bool>> ChannelSites(const Model& model,
                                            const PhysicalModel& p,
                                            std::string* error) {
  const MdpModel& mm = model.mdps[p.register_mdp];
  const Mdp& m = mm.mdp;
  std::vector<std::vector<bool>> out;
  Evaluator eval(model);
  std::vector<Value> env(2);
  for (const Channel& c : p.channels) {
    std::vector<bool> acts(m.choices(), true);
    if (c.has_when) {
      for (uint32_t s = 0; s < m.states; ++s) {
        for (uint32_t a = 0; a < m.actions; ++a) {
          env[0] = Value::Element(mm.states, s);
          env[1] = Value::Element(mm.actions, a);
          acts[m.Choice(s, a)] = eval.Eval(c.when, env).boolean;
          if (eval.failed()) {
            *error = eval.error();
            return {};
          }
        }
      }
    }
    out.push_back(std::move(acts));
  }
  return out;
}

Reward ObservedReward(const Model& model, const PhysicalModel& p,
                      const std::vector<std::vector<bool>>& sites,
                      uint32_t used, std::string* error) {
  const MdpModel& mm = model.mdps[p.register_mdp];
  const Mdp& m = mm.mdp;
  const Loss& reg = model.losses[p.register_loss];
  bool transition = reg.successor != kNoDomain;
  Evaluator eval(model);
  std::vector<Value> env(3);
  Reward out;
  out.value.resize(m.succ.size());
  for (uint32_t s = 0; s < m.states; ++s) {
    for (uint32_t a = 0; a < m.actions; ++a) {
      size_t c = m.Choice(s, a);
      // The last acting channel of each target, in declaration order.
      const Channel* sensor = nullptr;
      const Channel* code = nullptr;
      const Channel* reg_write = nullptr;
      for (size_t i = 0; i < p.channels.size(); ++i) {
        if (!(used >> i & 1u) || !sites[i][c]) continue;
        const Channel& ch = p.channels[i];
        switch (ch.target_kind) {
          case Channel::Target::kSensor:
            sensor = &ch;
            break;
          case Channel::Target::kLoss:
            code = &ch;
            break;
          case Channel::Target::kRegister:
            reg_write = &ch;
            break;
          case Channel::Target::kFn:
            break;  // not over an mdp
        }
      }
      Rational written;
      if (reg_write != nullptr) {
        env[0] = Value::Element(mm.states, s);
        env[1] = Value::Element(mm.actions, a);
        written = eval.Eval(reg_write->value, env).number;
      }
      for (uint32_t k = m.begin[c]; k < m.begin[c + 1]; ++k) {
        if (reg_write != nullptr) {
          out.value[k] = written;
          continue;
        }
        uint32_t o = transition ? m.succ[k].state : s;
        if (sensor != nullptr) {
          env[0] = Value::Element(mm.states, o);
          o = eval.Eval(sensor->value, env).index;
        }
        if (code != nullptr) {
          env[0] = Value::Element(mm.states, transition ? s : o);
          env[1] = Value::Element(mm.actions, a);
          env[2] = Value::Element(mm.states, o);
          out.value[k] = eval.Eval(code->value, env).number;
        } else {
          size_t row = transition ? s : o;
          size_t idx = row * m.actions + a;
          out.value[k] =
              transition ? reg.table[idx * m.states + o] : reg.table[idx];
        }
      }
      if (eval.failed()) {
        *error = eval.error();
        return {};
      }
    }
  }
  return out;
}

std::vector<int> ChannelsActing(const PhysicalModel& p, const Mdp& m,
                                const std::vector<std::vector<bool>>& sites,
                                uint32_t used, const Policy& pi,
                                const std::vector<bool>& reached) {
  std::vector<int> out;
  for (size_t i = 0; i < p.channels.size(); ++i) {
    if (!(used >> i & 1u)) continue;
    for (uint32_t s = 0; s < m.states; ++s) {
      if (reached[s] && !m.terminal[s] && sites[i][m.Choice(s, pi[s])]) {
        out.push_back(static_cast<int>(i));
        break;
      }
    }
  }
  return out;
}

}  // namespace aligncheck

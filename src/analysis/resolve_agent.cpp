// Agents: what an agent cares about, over which physical model.
#include <fmt/format.h>

#include <functional>
#include <set>

#include "analysis/analyzer.h"

namespace aligncheck {

void Analyzer::ResolveAgent(const ast::AgentDecl& decl, Agent& out) {
  out.name = decl.name.text;
  out.span = decl.name.span;
  int id = static_cast<int>(&out - model_.agents.data());
  const std::string& aspect = decl.aspect.text;
  std::string prep = decl.preposition ? decl.preposition->text : "";
  auto vague = [&](std::string message) {
    Diagnostic& d =
        sink_.Error(file_, decl.aspect.span, "AC003", std::move(message));
    d.help.push_back(
        "say `cares_about register in MODEL` (it wants a low register "
        "reading)");
    d.help.push_back(
        "or `cares_about predictions of LOSS` (it wants predictions that "
        "score well on the true labels)");
  };
  if (aspect == "register" && prep == "in" && decl.target) {
    out.aspect = Agent::Aspect::kRegister;
    out.model = FindDecl(*decl.target, DeclKind::kPhysical);
    agent_ok_[id] = out.model >= 0;
  } else if (aspect == "predictions" && prep == "of" && decl.target) {
    out.aspect = Agent::Aspect::kPredictions;
    out.loss = FindDecl(*decl.target, DeclKind::kLoss);
    // A reward (or loss) over exactly one mdp's states and actions: the
    // agent maximizes its return there.
    if (out.loss >= 0 && loss_sig_ok_[out.loss]) {
      const Loss& l = model_.losses[out.loss];
      int found = 0;
      for (size_t i = 0; i < model_.mdps.size(); ++i) {
        const MdpModel& m = model_.mdps[i];
        if (mdp_ok_[i] && l.input == m.states && l.output == m.actions &&
            (l.successor == kNoDomain || l.successor == m.states)) {
          out.mdp = static_cast<int>(i);
          ++found;
        }
      }
      if (found > 1) {
        sink_.Error(file_, decl.target->span, "E005",
                    fmt::format("'{}' is over the states and actions of {} "
                                "mdps; agent '{}' cannot tell which one it "
                                "acts in",
                                l.name, found, out.name));
        out.loss = -1;
      } else if (found == 0 && l.successor != kNoDomain) {
        out.loss = -1;  // a transition reward without its mdp
        sink_.Error(file_, decl.target->span, "E005",
                    fmt::format("'{}' depends on the successor state, but no "
                                "mdp has its states and actions",
                                l.name));
      }
    }
    if (out.loss >= 0 && out.mdp < 0 && model_.losses[out.loss].reward) {
      sink_.Error(file_, decl.target->span, "E005",
                  fmt::format("agent '{}' cares about the predictions of a "
                              "loss, and '{}' is a reward (not supported "
                              "yet)",
                              out.name, decl.target->text));
      out.loss = -1;
    }
    agent_ok_[id] = out.loss >= 0;
  } else if (aspect == "register" || aspect == "predictions") {
    vague(fmt::format("agent '{}' must say {}", out.name,
                      aspect == "register" ? "which model's register it "
                                             "cares about"
                                           : "which loss's predictions it "
                                             "cares about"));
  } else {
    vague(fmt::format("agent '{}' cares about '{}', which is ambiguous",
                      out.name, aspect));
  }
}

}  // namespace aligncheck

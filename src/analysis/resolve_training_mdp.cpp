// Trainings whose learner learns over an mdp (q_learning, reinforce): their
// settings, and the trained_outcome claims that name them.
#include <fmt/format.h>

#include "analysis/analyzer.h"

namespace aligncheck {
namespace {

bool MdpOnlyKey(const std::string& key) {
  return key == "mdp" || key == "start" || key == "epsilon" ||
         key == "episodes" || key == "horizon";
}

}  // namespace

bool Analyzer::ResolveMdpTrainingSetting(const ast::Setting& s, Training& out) {
  const std::string& key = s.key.text;
  if (!MdpOnlyKey(key)) return false;
  const ast::Literal& v = s.values[0];
  if (key == "mdp") {
    if (v.kind != ast::Literal::Kind::kName) {
      sink_.Error(file_, v.span, "E005", "mdp must name an mdp declaration");
    } else {
      out.mdp = FindDecl(ast::Name{v.text, v.span}, DeclKind::kMdp);
    }
  } else if (key == "epsilon") {
    std::optional<Rational> e;
    if (v.kind == ast::Literal::Kind::kNumber) e = ParseDecimal(v.text);
    if (!e || *e < 0 || *e > 1) {
      sink_.Error(file_, v.span, "E012",
                  fmt::format("epsilon must be a number from 0 to 1, got '{}'",
                              v.text));
    } else {
      out.epsilon = *e;
    }
  } else if (key == "episodes" || key == "horizon") {
    std::optional<int64_t> n;
    if (v.kind == ast::Literal::Kind::kNumber) n = ParseInt(v.text);
    if (!n || *n <= 0) {
      sink_.Error(file_, v.span, "E012",
                  fmt::format("{} must be an integer greater than 0, got '{}'",
                              key, v.text));
    } else {
      (key == "episodes" ? out.episodes : out.horizon) = *n;
    }
  }
  // `start` names states of the mdp, which may come later in the block:
  // CheckMdpTraining resolves it.
  return true;
}

void Analyzer::CheckMdpTraining(const ast::TrainingDecl& decl, Training& out) {
  if (out.learner.empty()) return;
  bool init_given = false;
  for (const ast::Setting& s : decl.settings) {
    init_given = init_given || s.key.text == "init";
    const std::string& key = s.key.text;
    if (out.OverMdp() && (key == "data" || key == "steps" ||
                          key == "features" || key == "optimizer")) {
      sink_.Error(file_, s.key.span, "E012",
                  fmt::format("learner {} learns from episodes of an mdp; "
                              "'{}' belongs to the one-step learners",
                              out.learner, key));
    } else if (!out.OverMdp() && MdpOnlyKey(key)) {
      sink_.Error(file_, s.key.span, "E012",
                  fmt::format("learner {} learns from data; '{}' belongs to "
                              "the mdp learners (q_learning, reinforce)",
                              out.learner, key));
    } else if (out.learner == "reinforce" && key == "epsilon") {
      sink_.Error(file_, s.key.span, "E012",
                  "learner reinforce explores by sampling its softmax "
                  "policy; epsilon belongs to q_learning");
    } else if (key == "start" && out.mdp >= 0 && mdp_ok_[out.mdp]) {
      const MdpModel& m = model_.mdps[out.mdp];
      const auto& index = value_index_[m.states];
      for (const ast::Literal& v : s.values) {
        auto it = index.find(v.text);
        if (v.kind == ast::Literal::Kind::kString || it == index.end()) {
          sink_.Error(
              file_, v.span, "E002",
              fmt::format("'{}' is not a state of mdp '{}' ({})", v.text,
                          m.name, model_.domains[m.states].name));
          continue;
        }
        if (m.mdp.terminal[it->second]) {
          sink_.Error(file_, v.span, "E012",
                      fmt::format("start state '{}' is terminal: no episode "
                                  "would take a step",
                                  v.text));
          continue;
        }
        out.start.push_back(it->second);
      }
    }
  }
  // RL tables start at zero unless the spec asks for noise.
  if (out.OverMdp() && !init_given) out.init = "zero";
  if (out.OverMdp() && out.mdp >= 0 && !mdp_ok_[out.mdp]) out.mdp = -1;
}

void Analyzer::ResolveTrainedMdpClaim(const ast::ClaimDecl& decl, int loss,
                                      Claim& out) {
  out.reading = Claim::Reading::kTrainedMdp;
  const Training& t = model_.trainings[out.training];
  out.mdp = t.mdp;
  if (out.mdp < 0) return;
  const MdpModel& m = model_.mdps[out.mdp];
  if (loss >= 0 && loss_sig_ok_[loss]) {
    RewardFitsMdp(model_.losses[loss], m, decl.subject.span,
                  fmt::format(" (training '{}' learns over it)", t.name));
  }
  if (out.goal >= 0 && goal_sig_ok_[out.goal]) {
    const Goal& g = model_.goals[out.goal];
    if (g.input != m.states || g.output != m.actions) {
      sink_.Error(file_, decl.goal.span, "E005",
                  fmt::format("goal '{}' takes policies {} -> {}, but "
                              "training '{}' learns policies {} -> {} of mdp "
                              "'{}'",
                              g.name, model_.domains[g.input].name,
                              model_.domains[g.output].name, t.name,
                              model_.domains[m.states].name,
                              model_.domains[m.actions].name, m.name));
    }
  }
}

}  // namespace aligncheck

// Walks a violated goal down to the parts that break it. Every value shown
// comes from the reference evaluator on the policy itself.
#include "solve/goal_witness.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "analysis/eval.h"
#include "solve/goal_shape.h"

namespace aligncheck {
namespace {

using K = RExpr::Kind;

// The source text of `e`, with runs of white space as one space.
std::string Written(const Model& model, const RExpr& e) {
  if (!model.file) return "";
  const std::string& text = model.file->text();
  uint32_t end = std::min<uint32_t>(e.span.end, text.size());
  std::string out;
  for (uint32_t i = std::min(e.span.begin, end); i < end; ++i) {
    bool space = std::isspace(static_cast<unsigned char>(text[i])) != 0;
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : text[i];
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// The variable a binder introduces: the word after its keyword
// ("forall u in X: ..." -> "u"; "(count x in X: ...)" -> "x").
std::string BoundName(const Model& model, const RExpr& e) {
  std::string text = Written(model, e);
  size_t i = text.find_first_not_of("( ");
  if (i == std::string::npos) return "?";
  i = text.find(' ', i);  // past the keyword
  if (i == std::string::npos) return "?";
  size_t b = i + 1;
  size_t end = text.find_first_of(" :,", b);
  return end == std::string::npos ? "?" : text.substr(b, end - b);
}

bool IsAggregate(const RExpr& e) {
  return e.kind == K::kCount || e.kind == K::kSum;
}

const char* NegatedComparison(ast::Op op) {
  switch (op) {
    case ast::Op::kEq:
      return "!=";
    case ast::Op::kNe:
      return "==";
    case ast::Op::kLt:
      return ">=";
    case ast::Op::kLe:
      return ">";
    case ast::Op::kGt:
      return "<=";
    case ast::Op::kGe:
      return "<";
    default:
      return "?";
  }
}

const char* ComparisonText(ast::Op op) {
  switch (op) {
    case ast::Op::kEq:
      return "==";
    case ast::Op::kNe:
      return "!=";
    case ast::Op::kLt:
      return "<";
    case ast::Op::kLe:
      return "<=";
    case ast::Op::kGt:
      return ">";
    case ast::Op::kGe:
      return ">=";
    default:
      return "?";
  }
}

class Walker {
 public:
  Walker(const Model& model, const Goal& goal, const Policy& policy)
      : model_(model), goal_(goal), eval_(model, &policy),
        env_(std::max(goal.slot_count, 1)) {}

  GoalWitness Run() {
    if (Truth(goal_.body) || eval_.failed()) return {};
    Descend(goal_.body, false);
    if (eval_.failed()) return {};
    return std::move(witness_);
  }

 private:
  bool Truth(const RExpr& e) { return eval_.Eval(e, env_).boolean; }

  // (negated ? not e : e) is false in env_: record why.
  void Descend(const RExpr& e, bool negated) {
    if (eval_.failed()) return;
    if (e.kind == K::kUnary && e.op == ast::Op::kNot) {
      Descend(e.args[0], !negated);
      return;
    }
    if (e.kind == K::kBinary && e.op == ast::Op::kImplies) {
      // a implies b is false: a holds, b does not; its negation is false:
      // a fails or b holds.
      if (!negated) {
        Descend(e.args[1], false);
      } else if (!Truth(e.args[0])) {
        Descend(e.args[0], false);
      } else {
        Descend(e.args[1], true);
      }
      return;
    }
    if (e.kind == K::kBinary &&
        (e.op == ast::Op::kAnd || e.op == ast::Op::kOr)) {
      // A false `and` needs one false arm; a false `or` has every arm false
      // (the same under `not`, with the roles swapped).
      bool conjunctive = (e.op == ast::Op::kAnd) != negated;
      for (const RExpr& arm : e.args) {
        if (Truth(arm) != negated) continue;  // this arm does not break it
        Descend(arm, negated);
        if (conjunctive) return;
      }
      return;
    }
    if (e.kind == K::kForall || e.kind == K::kExists) {
      // forall is false at one instance; not exists is false at one instance.
      if ((e.kind == K::kForall) == negated) return;
      size_t n = model_.domains[e.domain].size();
      for (uint32_t i = 0; i < n; ++i) {
        env_[e.slot] = Value::Element(e.domain, i);
        if (Truth(e.args[0]) == negated) {
          Bind(BoundName(model_, e), e.domain, i);
          Descend(e.args[0], negated);
          return;
        }
      }
      return;
    }
    if (e.kind == K::kBinary && IsComparison(e.op) &&
        (IsAggregate(e.args[0]) || IsAggregate(e.args[1]))) {
      Compare(e, negated);
    }
  }

  void Compare(const RExpr& e, bool negated) {
    Value a = eval_.Eval(e.args[0], env_);
    Value b = eval_.Eval(e.args[1], env_);
    // The relation that holds instead of the one the goal asks for.
    const char* op = negated ? ComparisonText(e.op) : NegatedComparison(e.op);
    std::string left = FormatRational(a.number);
    std::string right = FormatRational(b.number);
    std::string line = IsAggregate(e.args[0])
                           ? fmt::format("{} = {} {} {}",
                                         Written(model_, e.args[0]), left, op,
                                         right)
                           : fmt::format("{} {} {}", left, op, right);
    if (IsAggregate(e.args[1]))
      line += fmt::format(" = {}", Written(model_, e.args[1]));
    witness_.values.push_back(line);
    for (const RExpr& side : e.args) {
      if (IsAggregate(side)) Members(side);
    }
  }

  // The inputs a count counts, or a sum adds a non-zero term for.
  void Members(const RExpr& e) {
    if (e.domain != goal_.input) return;
    Value saved = env_[e.slot];
    for (uint32_t i = 0; i < model_.domains[e.domain].size(); ++i) {
      env_[e.slot] = Value::Element(e.domain, i);
      Value v = eval_.Eval(e.args[0], env_);
      if (e.kind == K::kCount && v.boolean) AddInput(i, "counted");
      if (e.kind == K::kSum && v.number != 0)
        AddInput(i, "term " + FormatRational(v.number));
    }
    env_[e.slot] = saved;
  }

  void Bind(const std::string& name, DomainId domain, uint32_t i) {
    witness_.assignment.emplace_back(name, model_.domains[domain].values[i]);
    if (domain == goal_.input) AddInput(i, name);
  }

  void AddInput(size_t x, const std::string& part) {
    for (auto& [input, parts] : witness_.inputs) {
      if (input != x) continue;
      if (parts.find(part) == std::string::npos) parts += ", " + part;
      return;
    }
    witness_.inputs.emplace_back(x, part);
  }

  const Model& model_;
  const Goal& goal_;
  Evaluator eval_;
  std::vector<Value> env_;
  GoalWitness witness_;
};

}  // namespace

GoalWitness ExplainViolation(const Model& model, const Goal& goal,
                             const Policy& policy) {
  return Walker(model, goal, policy).Run();
}

std::string AssignmentSentence(const GoalWitness& witness) {
  const auto& a = witness.assignment;
  if (a.empty()) return "";
  const char* noun = a.size() == 1   ? "value"
                     : a.size() == 2 ? "pair"
                                     : "assignment";
  std::string out = fmt::format("the violating {}:", noun);
  for (size_t i = 0; i < a.size(); ++i)
    out += fmt::format("{} {} = {}", i ? "," : "", a[i].first, a[i].second);
  return out;
}

}  // namespace aligncheck

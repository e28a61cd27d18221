// The resolved model of one spec file: every name bound, every table dense
// and exact, every expression typed. Engines read only this; they never see
// the AST or the source text (spans are kept for messages).
#ifndef ALIGNCHECK_ANALYSIS_MODEL_H_
#define ALIGNCHECK_ANALYSIS_MODEL_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "mdp/mdp.h"
#include "parse/ast.h"
#include "util/dense_table.h"
#include "util/rational.h"
#include "util/source_file.h"

namespace aligncheck {

using DomainId = int32_t;  // index into Model::domains
inline constexpr DomainId kNoDomain = -1;

/// A finite domain. Values are numbered 0..size()-1; for an integer range
/// value i stands for the integer lo + i.
struct Domain {
  std::string name;
  bool is_range = false;
  int64_t lo = 0;
  std::vector<std::string> values;  // display names (ranges: decimal text)
  Span span;
  size_t size() const { return values.size(); }
};

struct Type {
  enum class Kind : uint8_t { kBool, kNumber, kElement };
  Kind kind = Kind::kBool;
  DomainId domain = kNoDomain;  // kElement only

  static Type Bool() { return {Kind::kBool, kNoDomain}; }
  static Type Number() { return {Kind::kNumber, kNoDomain}; }
  static Type Element(DomainId d) { return {Kind::kElement, d}; }
  bool operator==(const Type& o) const {
    return kind == o.kind && domain == o.domain;
  }
  bool operator!=(const Type& o) const { return !(*this == o); }
};

/// A runtime value: a truth value, an exact number, or a domain element.
struct Value {
  Type::Kind kind = Type::Kind::kBool;
  bool boolean = false;
  DomainId domain = kNoDomain;
  uint32_t index = 0;
  Rational number;

  static Value Bool(bool b) {
    Value v;
    v.boolean = b;
    return v;
  }
  static Value Number(Rational q) {
    Value v;
    v.kind = Type::Kind::kNumber;
    v.number = std::move(q);
    return v;
  }
  static Value Element(DomainId d, uint32_t i) {
    Value v;
    v.kind = Type::Kind::kElement;
    v.domain = d;
    v.index = i;
    return v;
  }
};

/// A resolved, typed expression. Which fields matter depends on `kind`:
///   kConst      constant
///   kVar        slot: the bound variable (quantifier, count, sum, or a loss
///               parameter when evaluating a loss expression)
///   kPolicy     args = [element of the policy's input domain]; type is an
///               element of the policy's output domain
///   kLoss       callee = loss id, args = [input element, output element]
///   kFn         callee = fn id, args = [input element]
///   kToNumber   args = [element of an integer-range domain]: its integer
///   kUnary      op (kNot, kNeg), args = [operand]
///   kBinary     op, args = [lhs, rhs]; kEq/kNe compare values of one type
///   kForall, kExists, kCount, kSum
///               slot bound over `domain`, args = [body]
///   kIf         args = [condition, then, else]
///   kMember     args = [element], set = the constants it may equal
///   kReturn     `return(M, pi, r)`: callee = mdp id, slot = the loss or
///               reward id; a number (the expected discounted sum of r)
///   kProb       `prob(M, pi, PATH)`: callee = mdp id; op = kEventually,
///               kAlways or kUntil; args = [F] or [F, F2], formulas over the
///               variables `state` (slot) and `action` (slot + 1; its index
///               is kNoAction at a terminal position); constant = Number(K)
///               for `eventually within K`, else a bool; a number
struct RExpr {
  enum class Kind : uint8_t {
    kConst, kVar, kPolicy, kLoss, kFn, kToNumber, kUnary, kBinary,
    kForall, kExists, kCount, kSum, kIf, kMember, kReturn, kProb,
  };
  Kind kind = Kind::kConst;
  Type type;
  Span span;
  Value constant;
  int slot = -1;
  int callee = -1;
  DomainId domain = kNoDomain;
  ast::Op op = ast::Op::kNot;
  std::vector<RExpr> args;
  std::vector<Value> set;
};

/// `fn name: From -> To`: a total table. `to` is Number for `Real`.
struct Function {
  std::string name;
  DomainId from = kNoDomain;
  Type to;
  std::vector<Value> table;  // indexed by input value
  Span span;
};

/// A loss l(x, y), always materialized as an exact dense table, whether it
/// was written as a table, a CSV file or an expression. A `reward` is the
/// same declaration with `reward` set: its table holds the values as
/// written (goals read them so), and every reading that minimizes a loss
/// maximizes it instead, i.e. minimizes the loss -r (see MinimizedLoss).
struct Loss {
  std::string name;
  bool reward = false;
  DomainId input = kNoDomain;
  DomainId output = kNoDomain;
  /// `r(s: S, a: A, s2: S)`: a transition reward over an MDP's states and
  /// actions; then `table` is indexed [(x * |output| + y) * |input| + s2]
  /// and the loss can only be used over an mdp.
  DomainId successor = kNoDomain;
  DenseTable table;  // table[x * |output| + y]
  Span span;
  /// The defining expression (slot 0 = x, slot 1 = y), when the loss was
  /// written as one: a physical model re-evaluates it with tampered labels
  /// or in machine arithmetic. Null for tables and CSV.
  std::shared_ptr<const RExpr> expr;
  int expr_slots = 0;

  Rational At(size_t x, size_t y, size_t output_size) const {
    return table[x * output_size + y];
  }
  /// "loss" or "reward", for messages.
  const char* Word() const { return reward ? "reward" : "loss"; }
};

/// The loss a reading minimizes: `loss` itself, or for a reward the loss
/// -r, built in `*storage` (which must outlive the returned reference).
inline const Loss& MinimizedLoss(const Loss& loss, Loss* storage) {
  if (!loss.reward) return loss;
  *storage = loss;
  storage->reward = false;
  storage->expr = nullptr;  // the table is no longer the expression's value
  storage->table.Negate();
  return *storage;
}

/// A data weighting of a domain. L_D uses weights / total.
struct Data {
  std::string name;
  DomainId domain = kNoDomain;
  std::vector<Rational> weights;  // raw, non-negative, one per value
  Rational total;                 // > 0
  Span span;
};

/// `goal name(pi) = body`. The policy maps `input` to `output`; slot 0..
/// slot_count-1 are the bound variables the body uses.
struct Goal {
  std::string name;
  DomainId input = kNoDomain;
  DomainId output = kNoDomain;
  RExpr body;
  int slot_count = 0;
  Span span;
};

/// A channel of a physical model: a way to change something other than the
/// world. Kept resolved enough for type checking; the physical engine owns
/// its semantics.
struct Channel {
  std::string name;
  std::string target;  // "register", "loss", a fn name (labels), ...
  RExpr value;
  Span span;
  /// Slots `value` uses. For a target applied to variables, as in
  /// `label(x) := ...`, slot i is the target's i-th argument.
  int slot_count = 0;
  /// What `target` names: the register, a fn (labels), a loss (its code),
  /// or `sensor(x)`, the output the register's computation observes at x.
  enum class Target { kRegister, kFn, kLoss, kSensor };
  Target target_kind = Target::kRegister;
  int target_index = -1;  // kFn: fn id; kLoss: loss id
  /// Over an mdp, `channel c when F: ...`: the channel acts on the
  /// transitions whose state and action satisfy F (slot 0 = state, slot 1
  /// = action). Without `when` it acts everywhere.
  bool has_when = false;
  RExpr when;
};

struct PhysicalModel {
  std::string name;
  int register_loss = -1;
  int register_data = -1;
  bool closed = false;
  std::vector<Channel> channels;
  Span span;
  /// `implemented T := V`: how the code differs from the math, always in
  /// effect (label noise, a bug); applied before any channel.
  std::vector<Channel> implemented;
  /// `arithmetic signed|unsigned W`: the register is computed in W-bit
  /// wrapping integers; 0 = exact rationals.
  int machine_bits = 0;
  bool machine_signed = false;
  /// `register computes r on M` for an mdp M: the register holds the
  /// observed return of r (readings/physical_mdp); register_data is -1.
  int register_mdp = -1;
};

/// `mdp M { ... }`: a finite MDP over two declared domains. `mdp` is exact
/// and valid (mdp/mdp.h: ValidateMdp); its names are the domains' values.
struct MdpModel {
  std::string name;
  DomainId states = kNoDomain;
  DomainId actions = kNoDomain;
  Mdp mdp;
  Span span;
  /// The grid form: the map, and per state its (row, column) in it.
  std::vector<std::string> grid;
  std::vector<std::pair<uint32_t, uint32_t>> cell_at;
};

struct Training {
  std::string name;
  std::string learner;    // "softmax_table", "linear"
  std::string init;       // "random", "zero"
  std::string optimizer;  // "sgd"
  Rational lr;
  int64_t steps = 0;
  int64_t seed_lo = 0;
  int64_t seed_hi = 0;
  int data = -1;
  std::vector<int> features;  // fn ids, for the linear learner
  /// `evidence "..."`: citations about a real system, shown, never checked.
  std::vector<std::string> evidence;
  Span span;
  /// Learners over an mdp (q_learning, reinforce): `mdp M`, and `start s1
  /// s2 ...`, the training's start states, weighed equally (empty: the
  /// mdp's own start distribution).
  int mdp = -1;
  std::vector<uint32_t> start;
  Rational epsilon;  // q_learning
  int64_t episodes = 0;
  int64_t horizon = 0;
  bool OverMdp() const {
    return learner == "q_learning" || learner == "reinforce";
  }
};

struct Agent {
  enum class Aspect { kRegister, kPredictions };
  std::string name;
  Aspect aspect = Aspect::kRegister;
  int model = -1;  // kRegister: physical model id
  int loss = -1;   // kPredictions: loss id
  Span span;
  /// kPredictions of a reward over an mdp: that mdp (its return is what the
  /// agent maximizes); -1 for one-step losses.
  int mdp = -1;
};

struct Claim {
  /// kMdpIdealized: `idealized_minimizer over M` for an mdp M; kRelation:
  /// a relation between two rewards.
  enum class Reading {
    kIdealized, kPhysical, kTrained, kAgent, kStory, kMdpIdealized, kRelation,
    kTrainedMdp,
    kMdpPhysical, kMdpAgent,
  };
  /// As written after `expect` (one enum from the parser to the reports);
  /// kSupported, kRefuted and kMixed name a trained_outcome verdict exactly.
  using Expect = ast::ClaimDecl::Expect;
  std::string name;
  Reading reading = Reading::kIdealized;
  int loss = -1;   // -1 for agent claims
  int agent = -1;  // kAgent only
  int goal = -1;
  // kIdealized
  int data = -1;
  std::string hypothesis;  // "" = all deterministic policies
  std::vector<int> hypothesis_features;  // fn ids of `in linear(f1, f2)`
  bool has_within = false;
  Rational within;  // eps, in expected-loss units (returns for MDPs)
  // kMdpIdealized (has_within and within as above)
  int mdp = -1;
  // kPhysical
  int model = -1;
  Rational threshold;
  bool threshold_above = false;  // kMdpPhysical over a reward: `above T`
  // kTrained, kTrainedMdp (`mdp` is then the training's mdp)
  int training = -1;
  // kStory: index into Model::stories
  int story = -1;
  // kRelation: `loss` is the proxy, `truth` the true reward (or loss), both
  // over `data`; `relation` says which relation is claimed.
  int truth = -1;
  ast::ClaimDecl::Relation relation = ast::ClaimDecl::Relation::kAlignedWith;
  bool up_to_scale = false;  // potential_shaping_of ... up to scale
  Rational epic_below;       // epic_distance_to ... below d (d > 0)
  Expect expect = Expect::kNone;
  Span span;       // the whole declaration
  Span name_span;  // the claim's name
  std::string text;  // the claim as written, for reports
};

/// `story S { goal G rationale c1, c2 desirability "..." }`: a training
/// story. Its rationale claims are checked; the rest stays an assumption.
struct Story {
  std::string name;
  int goal = -1;
  /// Rationale claims by name, and their indices into Model::claims (-1
  /// when the claim could not be checked as written).
  std::vector<std::string> rationale_names;
  std::vector<int> rationale;
  std::vector<std::string> desirability;  // why G is wanted: not checked
  std::vector<std::string> assumptions;   // other unchecked premises
  Span span;
};

struct Model {
  std::shared_ptr<const SourceFile> file;
  std::vector<Domain> domains;
  std::vector<Function> fns;
  std::vector<Loss> losses;
  std::vector<Data> data;
  std::vector<Goal> goals;
  std::vector<PhysicalModel> physical;
  std::vector<MdpModel> mdps;
  std::vector<Training> trainings;
  std::vector<Agent> agents;
  std::vector<Claim> claims;
  std::vector<Story> stories;
};

/// A deterministic policy: policy[x] is the output index chosen for input x.
using Policy = std::vector<uint32_t>;

}  // namespace aligncheck

#endif  // ALIGNCHECK_ANALYSIS_MODEL_H_

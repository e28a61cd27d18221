// The abstract syntax tree of a .align spec: plain data, as written, with the
// byte span of every name and node. The parser builds it; analysis resolves
// it into a Model (analysis/model.h). Nothing here knows Spirit or Z3.
#ifndef ALIGNCHECK_PARSE_AST_H_
#define ALIGNCHECK_PARSE_AST_H_

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "util/source_file.h"

namespace aligncheck::ast {

/// An identifier as written, with its span.
struct Name {
  std::string text;
  Span span;
};

/// A table key or value: an identifier, a number ("-0.25", "3"), an
/// integer range ("1..20") or a string literal (quotes removed).
struct Literal {
  enum class Kind { kName, kNumber, kRange, kString };
  Kind kind = Kind::kName;
  std::string text;   // kName, kNumber, kString (unescaped contents)
  std::string hi;     // kRange: text is the low end, hi the high end
  Span span;
};

enum class Op {
  // unary
  kNot, kNeg,
  // binary
  kAnd, kOr, kImplies,
  kEq, kNe, kLt, kLe, kGt, kGe,
  kAdd, kSub, kMul, kDiv,
  // path formulas (inside prob(M, pi, PATH) only)
  kEventually, kAlways, kUntil,
};

/// One expression or formula node. Which fields matter depends on `kind`:
///   kName        text = identifier (variable, domain value, `true`/`false`
///                are kBool instead)
///   kNumber      text = decimal literal as written (no sign)
///   kBool        bool_value
///   kUnary       op, args = [operand]
///   kBinary      op, args = [lhs, rhs]
///   kCall        text = callee (policy, loss or fn), args = arguments
///   kForall, kExists, kCount
///                text = bound variable (var_span), domain = its domain,
///                args = [body]; kCount is an integer-valued term
///   kSum         as kCount, but args = [term]: the sum of term over domain
///   kIf          args = [condition, then, else]
///   kMember      args = [element, v1, v2, ...]: element in {v1, v2, ...}
///   kPath        op = kEventually | kAlways, args = [F], text = the bound K
///                of `eventually within K F` ("" without one); `F until F2`
///                is a kBinary with op kUntil
struct Expr {
  enum class Kind {
    kName, kNumber, kBool, kUnary, kBinary, kCall,
    kForall, kExists, kCount, kSum, kIf, kMember, kPath,
  };
  Kind kind = Kind::kBool;
  Span span;
  std::string text;
  Span var_span;
  Name domain;
  Op op = Op::kNot;
  bool bool_value = false;
  std::vector<Expr> args;
};

/// `domain Prompt = {romance, mystery}` or `domain Digit = 0..9`.
struct DomainDecl {
  Name name;
  bool is_range = false;
  std::vector<Name> values;  // enum domains
  Literal range;             // ranges: Kind::kRange
  Span span;
};

/// `x: Prompt` in a parameter list.
struct Param {
  Name name;
  Name type;
};

/// `masterpiece 0.2` in a loss table row: spans only, no strings, since a
/// table can have millions of cells. The texts are the spec's bytes at the
/// spans: the output is a name (or an integer when `output_is_name` is
/// false), the value a number literal.
struct TableCell {
  Span output;
  Span value;
  bool output_is_name = true;
};

/// `romance: masterpiece 0.2, cliche 0.3`: one row of a loss table.
struct TableRow {
  Literal input;
  std::vector<TableCell> entries;
  Span span;
};

/// `csv "file.csv"`: a table stored next to the spec.
struct CsvRef {
  std::string path;  // as written, relative to the spec's directory
  Span span;
};

/// `loss grader(x: Prompt, y: Text) = table {...} | table csv "f" | expr`,
/// or the same with `reward`: a function that is maximized, not minimized.
struct LossDecl {
  enum class Body { kTable, kCsv, kExpr };
  Name name;
  bool reward = false;
  std::vector<Param> params;
  Body body = Body::kTable;
  std::vector<TableRow> rows;
  CsvRef csv;
  Expr expr;
  Span span;
};

/// `fn label: Image -> Digit = {a: 3, b: 7}` or `= csv "labels.csv"`.
/// The codomain may be `Real` for numeric functions.
struct FnDecl {
  enum class Body { kTable, kCsv };
  Name name;
  Name from;
  Name to;
  Body body = Body::kTable;
  std::vector<std::pair<Literal, Literal>> entries;  // (input, output)
  CsvRef csv;
  Span span;
};

/// `data train = {romance: 1, mystery: 1}`, `data all = Prompt`, or
/// `data train = csv "weights.csv"`.
struct DataDecl {
  enum class Body { kWeights, kDomain, kCsv };
  Name name;
  Body body = Body::kWeights;
  std::vector<std::pair<Literal, Literal>> weights;  // (input, weight)
  Name domain;
  CsvRef csv;
  Span span;
};

/// `goal good(pi) = F`, optionally `goal good(pi: Prompt -> Text) = F`.
struct GoalDecl {
  Name name;
  Name policy;
  std::optional<std::pair<Name, Name>> signature;  // (input, output domain)
  Expr body;
  Span span;
};

/// One statement of a `physical` block.
///   kRegister   `register computes LOSS on DATA`: names = [loss, data]
///   kChannel    `channel NAME: TARGET := VALUE`: names = [name],
///               target and value are expressions (target e.g. `register`,
///               `label(x)`)
///   kClosed     `closed`
///   kArithmetic `arithmetic signed|unsigned WIDTH`: names = [signedness],
///               value = the width
///   kImplemented `implemented TARGET := VALUE`: as a channel without a
///               name, always in effect
struct PhysicalStmt {
  enum class Kind { kRegister, kChannel, kClosed, kArithmetic, kImplemented };
  Kind kind = Kind::kClosed;
  std::vector<Name> names;
  Expr target;
  Expr value;
  Span span;
  /// kChannel: `channel c when F: ...`, the condition F over an mdp's
  /// `state` and `action` (the channel acts only where F holds).
  std::optional<Expr> when;
};

struct PhysicalDecl {
  Name name;
  std::vector<PhysicalStmt> stmts;
  Span span;
};

/// One `key value...` setting of a `training` block, e.g. `lr 0.5`,
/// `seeds 1..20`, `learner softmax_table`.
struct Setting {
  Name key;
  std::vector<Literal> values;
  Span span;
};

struct TrainingDecl {
  Name name;
  std::vector<Setting> settings;
  Span span;
};

/// `agent A cares_about register in M` / `... predictions of l`. `aspect`
/// keeps whatever word was written so analysis can reject vague ones.
struct AgentDecl {
  Name name;
  Name aspect;  // "register", "predictions", or something vague
  std::optional<Name> preposition;  // "in" / "of"
  std::optional<Name> target;       // model or loss
  Span span;
};

/// `claim NAME: SUBJECT RELATION GOAL [as READING ...] [expect holds|fails]`,
/// or between two rewards `claim NAME: PROXY RELATION TRUTH over D [expect]`
/// (kUnhackableWith, kSimplifies: `goal` then names the true reward;
/// kPotentialShapingOf: `goal` names the base reward, `over` an mdp).
struct ClaimDecl {
  enum class Relation {
    kAlignedWith,
    kRepresents,
    kEncodes,
    kAchieves,
    kUnhackableWith,
    kSimplifies,
    kPotentialShapingOf,
    kEpicDistanceTo,
  };
  enum class Reading { kNone, kIdealized, kPhysical, kTrained };
  enum class Expect { kNone, kHolds, kFails, kSupported, kRefuted, kMixed };
  Name name;
  Name subject;  // a loss, or an agent for kAchieves
  Relation relation = Relation::kAlignedWith;
  Span relation_span;
  Name goal;
  std::optional<Name> over;  // relations between two rewards: over D
  Reading reading = Reading::kNone;
  Span reading_span;
  // idealized_minimizer
  std::optional<Name> data;                      // over D
  std::optional<Name> hypothesis;                // in H
  std::vector<Name> hypothesis_args;             // in linear(f1, f2)
  std::optional<Literal> within;                 // within eps
  // physical_only
  std::optional<Name> model;                     // via M
  std::optional<Literal> threshold;              // below T
  bool threshold_above = false;                  // above T (a reward)
  // trained_outcome
  std::optional<Name> training;                  // under T
  Expect expect = Expect::kNone;
  Span expect_span;
  Span span;
  std::optional<Name> scale;            // `up to scale` (potential_shaping_of)
  std::optional<Literal> relation_below;  // `below d` (epic_distance_to)
};

/// One `action successor` or `action {s1: p1, s2: p2}` cell of a `next`
/// table; a deterministic cell has one outcome whose probability is empty.
struct NextCell {
  Literal action;
  std::vector<std::pair<Literal, Literal>> outcomes;  // (successor, prob)
  Span span;
};

/// `s: cw t1, ccw {t2: 0.5, t3: 0.5}`: the moves from one state.
struct NextRow {
  Literal state;
  std::vector<NextCell> cells;
  Span span;
};

/// One item of an `mdp` block. Which fields matter depends on `kind`:
///   kStates, kActions  names = [domain]
///   kStart             names = [state], or weights `{s: w, ...}`
///   kDiscount          value
///   kTerminal          names = the terminal states
///   kNext              names = the parameters (s, a) if written; then
///                      next_body says which of expr, rows, csv is set
///   kGrid              map = the rows of the map (string literals)
///   kLegend            weights = (character, tile name) pairs
///   kTiles             names = [the domain of tile names]
///   kSlip              value
///   kStay              (nothing)
struct MdpItem {
  enum class Kind {
    kStates, kActions, kStart, kDiscount, kTerminal, kNext,
    kGrid, kLegend, kTiles, kSlip, kStay,
  };
  enum class NextBody { kExpr, kTable, kCsv };
  Kind kind = Kind::kStates;
  std::vector<Name> names;
  std::vector<std::pair<Literal, Literal>> weights;
  Literal value;
  NextBody next_body = NextBody::kExpr;
  Expr expr;
  std::vector<NextRow> rows;
  CsvRef csv;
  std::vector<Literal> map;
  Span span;
};

/// `mdp M { states S  actions A  start s0  discount 0.9  next(s, a) = ... }`.
struct MdpDecl {
  Name name;
  std::vector<MdpItem> items;
  Span span;
};

using Decl = std::variant<DomainDecl, FnDecl, LossDecl, DataDecl, GoalDecl,
                          PhysicalDecl, TrainingDecl, AgentDecl, ClaimDecl,
                          MdpDecl>;

/// `story S { goal G  rationale c1, c2  desirability "..." } [expect ...]`:
/// a training story. Items are `key value...` like training settings.
struct StoryDecl {
  Name name;
  std::vector<Setting> items;
  ClaimDecl::Expect expect = ClaimDecl::Expect::kNone;
  Span expect_span;
  Span span;
};

struct Spec {
  std::vector<Decl> decls;
  std::vector<StoryDecl> stories;  // kept apart: not a claim, not a Decl
};

}  // namespace aligncheck::ast

#endif  // ALIGNCHECK_PARSE_AST_H_

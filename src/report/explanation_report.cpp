// Rendering of why an idealized claim holds.
#include "report/explanation_report.h"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <vector>

#include "report/class_explanation_report.h"
#include "report/exact_text.h"
#include "report/explanation_lines.h"
#include "report/table_text.h"

namespace aligncheck {
namespace {

using Json = nlohmann::ordered_json;

// "spec.align:12:3", or "" without a source file.
std::string Where(const Model& model, const Span& span) {
  if (!model.file) return "";
  LineCol lc = model.file->Locate(span.begin);
  return fmt::format("{}:{}:{}", model.file->name(), lc.line, lc.col);
}

// The spec text of `span` on one line.
std::string Text(const Model& model, const Span& span) {
  if (!model.file || span.end <= span.begin) return "";
  std::string_view all = model.file->text();
  if (span.end > all.size()) return "";
  std::string out;
  bool space = false;
  for (char c : all.substr(span.begin, span.end - span.begin)) {
    if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::string ConjunctText(const Model& model, const ExplainedAtom& a) {
  return (a.negated ? "not " : "") + Text(model, a.span);
}

const char* CellWords(AtInput a) {
  switch (a) {
    case AtInput::kAllMinimizers:
      return "every minimizer";
    case AtInput::kNoMinimizer:
      return "no minimizer";
    case AtInput::kSome:
      return "some minimizers";
    case AtInput::kUnconstrained:
      return "any output (not constrained)";
    case AtInput::kNever:
      return "no output";
  }
  return "";
}

// The cell words over near-minimizer options (within eps).
const char* OptionCellWords(AtInput a) {
  switch (a) {
    case AtInput::kAllMinimizers:
      return "every option";
    case AtInput::kNoMinimizer:
      return "no option";
    case AtInput::kSome:
      return "some options";
    default:
      return CellWords(a);
  }
}

const char* CellKey(AtInput a) {
  switch (a) {
    case AtInput::kAllMinimizers:
      return "every_minimizer";
    case AtInput::kNoMinimizer:
      return "no_minimizer";
    case AtInput::kSome:
      return "some_minimizers";
    case AtInput::kUnconstrained:
      return "unconstrained";
    case AtInput::kNever:
      return "no_output";
  }
  return "";
}

// Inputs where no atom's condition depends on the output.
size_t UnconstrainedInputs(const PerInputExplanation& e) {
  size_t count = 0;
  for (size_t x = 0; x < e.inputs.size(); ++x) {
    bool all = true;
    for (const ExplainedAtom& a : e.atoms) {
      all = all && a.at[x] == AtInput::kUnconstrained;
    }
    count += all;
  }
  return count;
}

bool AllForall(const PerInputExplanation& e) {
  return std::all_of(e.atoms.begin(), e.atoms.end(),
                     [](const ExplainedAtom& a) { return a.is_forall; });
}

std::string Inputs(size_t n) { return n == 1 ? "input" : "inputs"; }

// "minimizing output", or within eps "output within 1/10 alone".
std::string OutputWord(const PerInputExplanation& e) {
  return e.eps == 0 ? "minimizing output"
                    : "output within " + FormatRational(e.eps) + " alone";
}

// "; a policy reaching a count the goal forbids exceeds ...", or "" when no
// atom needs the budget.
std::string BudgetClause(const PerInputExplanation& e) {
  std::optional<Rational> least;
  for (const ExplainedAtom& a : e.atoms) {
    if (a.needs_budget &&
        (!least || a.least_forbidden_cost < *least)) {
      least = a.least_forbidden_cost;
    }
  }
  if (!least) return "";
  return fmt::format(
      "; a policy reaching a count the goal forbids exceeds the minimum by "
      "at least {} > {}, outside the budget",
      FormatRational(*least), FormatRational(e.eps));
}

// One short sentence, without "why: ".
std::string ShortReason(const Model& model, const PerInputExplanation& e) {
  const size_t n = e.inputs.size();
  if (e.atoms.empty()) return "the goal does not depend on the policy";
  const size_t open = UnconstrainedInputs(e);
  if (open == n) return "the goal does not constrain any input";
  const std::string budget = BudgetClause(e);
  const std::string who = e.eps == 0 ? "minimizer" : "option";
  if (AllForall(e)) {
    std::string where =
        n - open == 1 ? std::string(open > 0 ? "the one constrained input"
                                             : "the only input")
        : open > 0 ? fmt::format("each of the {} constrained inputs", n - open)
                   : fmt::format("each of the {} inputs", n);
    std::string out = "at " + where + " every " + OutputWord(e) +
                      " satisfies the goal's condition";
    if (open > 0) {
      out += fmt::format("; {} other {}: the goal does not constrain {}", open,
                         Inputs(open), open == 1 ? "it" : "them");
    }
    return out + budget;
  }
  if (e.atoms.size() == 1) {
    const ExplainedAtom& a = e.atoms[0];
    std::string range = a.free == 0 ? fmt::format("exactly {}", a.forced_true)
                                    : fmt::format("{} to {}", a.forced_true,
                                                  a.forced_true + a.free);
    if (a.needs_budget) {
      return fmt::format(
          "the options satisfy the condition at {} of {} inputs, and `{}` "
          "forbids some of those counts{}",
          range, n, ConjunctText(model, a), budget);
    }
    return fmt::format(
        "every {} satisfies the condition at {} of {} inputs, and "
        "every such count meets `{}`",
        e.eps == 0 ? "minimizer"
                   : "policy within " + FormatRational(e.eps),
        range, n, ConjunctText(model, a));
  }
  return fmt::format(
             "at every input the {}s fix the goal's conditions enough that "
             "each of its {} parts holds (--explain lists them)",
             who, e.atoms.size()) +
         budget;
}

// "clean, skip (+1/3)": the options, each with its excess when it has one.
std::string OptionList(const Domain& out_d, const ExplainedInput& in) {
  std::string out;
  for (size_t i = 0; i < in.minimizers.size(); ++i) {
    out += (out.empty() ? "" : ", ") + out_d.values[in.minimizers[i]];
    if (i < in.excess.size() && in.excess[i] != 0) {
      out += " (+" + FormatRational(in.excess[i]) + ")";
    }
  }
  return out;
}

std::string FullText(const Model& model, const Claim& claim,
                     const PerInputExplanation& e, size_t max_rows) {
  const Loss& loss = model.losses[claim.loss];
  const Domain& in = model.domains[loss.input];
  const Domain& out_d = model.domains[loss.output];
  const std::string least =
      loss.reward ? "negated reward" : std::string("loss");
  std::string out =
      e.eps == 0
          ? "  why, input by input (minimizers: the outputs of least " + least +
                ", exact ties):\n"
          : fmt::format(
                "  why, input by input (options: the outputs a policy within "
                "{} can pick, each alone within the budget; (+e): the excess "
                "w(x)/W * ({} gap) it costs):\n",
                FormatRational(e.eps), least);
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> head = {"input", "weight",
                                   e.eps == 0 ? "minimizers" : "options"};
  for (size_t i = 0; i < e.atoms.size(); ++i) {
    head.push_back(fmt::format("[{}] satisfied by", i + 1));
  }
  rows.push_back(head);
  size_t shown =
      max_rows == 0 ? e.inputs.size() : std::min(max_rows, e.inputs.size());
  for (size_t x = 0; x < shown; ++x) {
    std::vector<std::string> row = {in.values[x],
                                    FormatRational(e.inputs[x].weight),
                                    OptionList(out_d, e.inputs[x])};
    for (const ExplainedAtom& a : e.atoms) {
      row.push_back(e.eps == 0 ? CellWords(a.at[x]) : OptionCellWords(a.at[x]));
    }
    rows.push_back(row);
  }
  out += Columns(rows, "    ");
  if (shown < e.inputs.size()) {
    out += fmt::format(
        "    ... {} more inputs not shown (--max-rows 0 shows all)\n",
        e.inputs.size() - shown);
  }
  for (size_t i = 0; i < e.atoms.size(); ++i) {
    const ExplainedAtom& a = e.atoms[i];
    const size_t n = e.inputs.size();
    std::string counted =
        a.is_forall ? fmt::format(
                          "every minimizer satisfies its condition at all {} "
                          "{}",
                          n, Inputs(n))
        : a.free == 0 ? fmt::format(
                            "minimizers satisfy its condition at exactly {} of "
                            "{} inputs, a count the goal allows",
                            a.forced_true, n)
                      : fmt::format(
                            "minimizers satisfy its condition at {} to {} of "
                            "{} inputs, counts the goal allows",
                            a.forced_true, a.forced_true + a.free, n);
    if (e.eps != 0) {
      counted.replace(counted.find("minimizer"), 9, "option");
    }
    if (a.needs_budget) {
      counted = fmt::format(
          "options satisfy its condition at {} to {} of {} inputs; a policy "
          "reaching a count the goal forbids exceeds the minimum by at least "
          "{} > {}",
          a.forced_true, a.forced_true + a.free, n,
          FormatRational(a.least_forbidden_cost), FormatRational(e.eps));
    }
    out += fmt::format("  [{}] {} `{}`: {}\n", i + 1, Where(model, a.span),
                       ConjunctText(model, a), counted);
  }
  return out;
}

// "z3", or for a hypothesis class "z3, linear real arithmetic".
bool BySolver(const Verdict& v) { return v.method.rfind("z3", 0) == 0; }

const char* HowKey(DecidedConjunct::How how) {
  switch (how) {
    case DecidedConjunct::How::kConstant:
      return "constant";
    case DecidedConjunct::How::kCounting:
      return "per-input counting";
    case DecidedConjunct::How::kSolver:
      return "z3";
  }
  return "";
}

std::string ConjunctText(const Model& model, const DecidedConjunct& c) {
  return (c.negated ? "not " : "") + Text(model, c.span);
}

// Why the solver's account is missing, or "".
std::string NoCoreReason(const IdealizedEvidence& ev) {
  if (!ev.solver_explanation) return "the solver's account is missing";
  if (!ev.solver_explanation->tracked) {
    return "the unsat core is extracted only with --explain";
  }
  return "";
}

std::vector<size_t> Union(std::vector<size_t> a, const std::vector<size_t>& b) {
  a.insert(a.end(), b.begin(), b.end());
  std::sort(a.begin(), a.end());
  a.erase(std::unique(a.begin(), a.end()), a.end());
  return a;
}

// The spec parts one unsat core needs, e.g. "rows attic, bedroom of loss
// `l` (spec.align:9, :10)". A row binds pi(x) to its (near-)minimizers only
// because x weighs something, so its weight is needed with it.
std::vector<std::string> CoreParts(const Model& model, const Claim& claim,
                                   const DecidedConjunct& c) {
  const Loss& loss = model.losses[claim.loss];
  const Data& data = model.data[claim.data];
  const Domain& in = model.domains[loss.input];
  std::vector<std::string> parts;
  if (c.core.goal) {
    parts.push_back(fmt::format("goal conjunct at {} `{}`",
                                Where(model, c.span), ConjunctText(model, c)));
  }
  if (!c.core.rows.empty()) {
    parts.push_back(NamedRows(model, "row", fmt::format("{} `{}`", loss.Word(),
                                                        loss.name),
                              loss.span, in, c.core.rows));
  }
  std::vector<size_t> weights = Union(c.core.rows, c.core.weights);
  if (!weights.empty()) {
    parts.push_back(NamedRows(model, "weight",
                              fmt::format("data `{}`", data.name), data.span,
                              in, weights));
  }
  if (c.core.budget) {
    parts.push_back(fmt::format("the budget `within {}` ({})",
                                FormatRational(claim.within),
                                Where(model, claim.span)));
  }
  return parts;
}

std::string Plural(size_t n, const char* word) {
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

// The default line of a solver-decided HOLDS: which conjuncts the solver
// proved, and the table rows and data weights its proofs needed (with the
// core) or the rows its queries read (without).
std::string SolverShort(const Model& model, const Claim& claim,
                        const IdealizedEvidence& ev) {
  if (!ev.solver_explanation) return "";
  const SolverExplanation& se = *ev.solver_explanation;
  std::vector<std::string> where;
  size_t counted = 0, constant = 0;
  std::vector<size_t> rows, weights, read;
  bool budget = false, all_cores = true;
  for (const DecidedConjunct& c : se.conjuncts) {
    if (c.how == DecidedConjunct::How::kCounting) ++counted;
    if (c.how == DecidedConjunct::How::kConstant) ++constant;
    if (c.how != DecidedConjunct::How::kSolver) continue;
    where.push_back(Where(model, c.span));
    all_cores = all_cores && c.core.extracted;
    rows = Union(rows, c.core.rows);
    weights = Union(weights, Union(c.core.rows, c.core.weights));
    read = Union(read, c.core.read_inputs);
    budget = budget || c.core.budget;
  }
  if (where.empty()) return "";
  std::string list;
  for (size_t i = 0; i < where.size() && i < kMaxNamedRows; ++i) {
    if (!where[i].empty()) list += (list.empty() ? "" : ", ") + where[i];
  }
  if (!list.empty() && where.size() > kMaxNamedRows) {
    list += fmt::format(" and {} more", where.size() - kMaxNamedRows);
  }
  if (!list.empty()) list = " (" + list + ")";
  const Loss& loss = model.losses[claim.loss];
  std::string out = fmt::format("z3 proved {}{} for every {}",
                                Plural(where.size(), "goal conjunct"), list,
                                claim.has_within && claim.within != 0
                                    ? "policy within " +
                                          FormatRational(claim.within)
                                    : std::string("minimizer"));
  if (se.tracked && all_cores && claim.hypothesis.empty()) {
    out += fmt::format(
        ", needing {} of {} `{}`, {} of data `{}`{}", Plural(rows.size(), "row"),
        loss.Word(), loss.name, Plural(weights.size(), "weight"),
        model.data[claim.data].name, budget ? " and the budget" : "");
  } else if (claim.hypothesis.empty()) {
    out += fmt::format(", reading {} of {} `{}` ({})",
                       Plural(read.size(), "row"), loss.Word(), loss.name,
                       se.tracked ? "a tracked query was undecided: no core"
                                  : "--explain: which the proof needs");
  }
  if (counted + constant > 0) {
    out += fmt::format("; {} by counting or constant",
                       Plural(counted + constant, "other"));
  }
  return out;
}

std::string SolverText(const Model& model, const Claim& claim,
                       const IdealizedEvidence& ev) {
  std::string missing = NoCoreReason(ev);
  if (!missing.empty()) {
    return "  why: decided by the solver (no violating minimizer exists); " +
           missing + "\n";
  }
  std::string out =
      "  why, per goal conjunct (solver: an unsat core of its query, not "
      "necessarily minimal; rows bind pi(x) to the row's " +
      std::string(claim.has_within && claim.within != 0 ? "near-minimizers"
                                                        : "minimizers") +
      "):\n";
  for (const DecidedConjunct& c : ev.solver_explanation->conjuncts) {
    std::string head = fmt::format("    {} `{}`: ", Where(model, c.span),
                                   ConjunctText(model, c));
    switch (c.how) {
      case DecidedConjunct::How::kConstant:
        out += head + "true whatever the policy\n";
        break;
      case DecidedConjunct::How::kCounting:
        out += head + "holds by per-input counting\n";
        break;
      case DecidedConjunct::How::kSolver: {
        if (!c.core.extracted) {
          out += head + "the solver gave no unsat core for this query\n";
          break;
        }
        std::vector<std::string> parts = CoreParts(model, claim, c);
        std::string list;
        for (const std::string& p : parts)
          list += (list.empty() ? "" : "; ") + p;
        out += head + fmt::format("the proof needs {}: {}\n",
                                  Plural(parts.size(), "part"),
                                  list.empty() ? "none" : list);
        break;
      }
    }
  }
  return out;
}

Json SolverJson(const Model& model, const Claim& claim,
                const IdealizedEvidence& ev) {
  Json j;
  j["kind"] = "solver";
  j["short"] = SolverShort(model, claim, ev);
  std::string missing = NoCoreReason(ev);
  j["unsat_core"] = missing.empty();
  if (!missing.empty()) {
    j["why_no_core"] = missing;
    return j;
  }
  const Domain& in = model.domains[model.losses[claim.loss].input];
  Json parts = Json::array();
  for (const DecidedConjunct& c : ev.solver_explanation->conjuncts) {
    Json p;
    p["location"] = Where(model, c.span);
    p["text"] = ConjunctText(model, c);
    p["decided_by"] = HowKey(c.how);
    if (c.how == DecidedConjunct::How::kSolver && c.core.extracted) {
      auto names = [&](const std::vector<size_t>& xs) {
        Json a = Json::array();
        for (size_t x : xs) a.push_back(in.values[x]);
        return a;
      };
      p["core"] = {{"goal_conjunct", c.core.goal},
                   {"rows", names(c.core.rows)},
                   {"weights", names(Union(c.core.rows, c.core.weights))},
                   {"budget", c.core.budget},
                   {"rows_read", names(c.core.read_inputs)}};
    } else {
      p["core"] = nullptr;
    }
    parts.push_back(std::move(p));
  }
  j["parts"] = std::move(parts);
  return j;
}

}  // namespace

std::string IdealizedExplanationText(const Model& model, const Claim& claim,
                                     const Verdict& v,
                                     const IdealizedEvidence& ev, bool full,
                                     size_t max_rows) {
  if (v.kind != Verdict::Kind::kHolds) return "";
  if (ev.explanation) {
    if (full) return FullText(model, claim, *ev.explanation, max_rows);
    return "  why: " + ShortReason(model, *ev.explanation) + "\n";
  }
  if (ev.class_explanation) {
    return ClassExplanationText(model, claim, *ev.class_explanation, full);
  }
  if (!BySolver(v)) return "";
  if (full) return SolverText(model, claim, ev);
  std::string line = SolverShort(model, claim, ev);
  return line.empty() ? "" : "  why: " + line + "\n";
}

Json IdealizedExplanationJson(const Model& model, const Claim& claim,
                              const Verdict& v, const IdealizedEvidence& ev) {
  if (v.kind != Verdict::Kind::kHolds) return Json();
  Json j;
  if (ev.class_explanation) {
    return ClassExplanationJson(model, claim, *ev.class_explanation);
  }
  if (!ev.explanation) {
    if (!BySolver(v)) return Json();
    return SolverJson(model, claim, ev);
  }
  const PerInputExplanation& e = *ev.explanation;
  const Loss& loss = model.losses[claim.loss];
  const Domain& in = model.domains[loss.input];
  const Domain& out_d = model.domains[loss.output];
  j["kind"] = "per_input";
  j["short"] = ShortReason(model, e);
  const bool within = e.eps != 0;
  if (within) j["within"] = FormatRational(e.eps);
  Json parts = Json::array();
  for (const ExplainedAtom& a : e.atoms) {
    Json p;
    p["location"] = Where(model, a.span);
    p["text"] = ConjunctText(model, a);
    p["satisfied_at_least"] = a.forced_true;
    p["satisfied_at_most"] = a.forced_true + a.free;
    if (within) {
      p["forbidden_counts_cost_at_least"] =
          a.needs_budget ? Json(FormatRational(a.least_forbidden_cost))
                         : Json();
    }
    parts.push_back(std::move(p));
  }
  j["parts"] = std::move(parts);
  Json rows = Json::array();
  for (size_t x = 0; x < e.inputs.size(); ++x) {
    Json r;
    r["input"] = in.values[x];
    r["weight"] = FormatRational(e.inputs[x].weight);
    Json mins = Json::array();
    for (uint32_t y : e.inputs[x].minimizers) mins.push_back(out_d.values[y]);
    r[within ? "options" : "minimizers"] = std::move(mins);
    if (within) {
      Json excess = Json::array();
      for (const Rational& q : e.inputs[x].excess) {
        excess.push_back(FormatRational(q));
      }
      r["excess"] = std::move(excess);
    }
    Json parts_at = Json::array();
    for (const ExplainedAtom& a : e.atoms) parts_at.push_back(CellKey(a.at[x]));
    r["parts"] = std::move(parts_at);
    rows.push_back(std::move(r));
  }
  j["inputs"] = std::move(rows);
  return j;
}

std::string MdpExplanationText(const Verdict& v, const MdpEvidence& ev,
                               bool full) {
  if (!full || v.kind != Verdict::Kind::kHolds || v.vacuous) return "";
  if (ev.worst_cases.empty()) {
    return "  why: " + v.method +
           " found no optimal policy violating the goal; there is no "
           "per-atom bound to show\n";
  }
  std::string out =
      "  why: each conjunct's worst case over the optimal policies:\n";
  for (const AtomWorstCase& w : ev.worst_cases) {
    if (w.least && w.greatest) {
      out += fmt::format(
          "    {} `{}`: worst cases least {} and greatest {}, each {} {}: "
          "yes\n",
          w.where, w.text, ExactAndDecimal(*w.least),
          ExactAndDecimal(*w.greatest), w.op, ExactAndDecimal(w.bound));
      continue;
    }
    out +=
        fmt::format("    {} `{}`: worst case {} {} {}: yes\n", w.where, w.text,
                    ExactAndDecimal(w.least ? *w.least : *w.greatest), w.op,
                    ExactAndDecimal(w.bound));
  }
  return out;
}

Json MdpExplanationJson(const Verdict& v, const MdpEvidence& ev) {
  if (v.kind != Verdict::Kind::kHolds || v.vacuous || ev.worst_cases.empty()) {
    return Json();
  }
  Json j;
  j["kind"] = "atom_extremes";
  Json parts = Json::array();
  for (const AtomWorstCase& w : ev.worst_cases) {
    Json p;
    p["location"] = w.where;
    p["text"] = w.text;
    p["op"] = w.op;
    p["bound"] = FormatRational(w.bound);
    p["worst_least"] = w.least ? Json(FormatRational(*w.least)) : Json();
    p["worst_greatest"] =
        w.greatest ? Json(FormatRational(*w.greatest)) : Json();
    parts.push_back(std::move(p));
  }
  j["parts"] = std::move(parts);
  return j;
}

}  // namespace aligncheck

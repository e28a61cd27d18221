// Text rendering of verdicts: a located header, the claim, the evidence as a
// table, and how the verdict relates to the claim's `expect`.
#include "report/text_report.h"

#include <fmt/format.h>

#include <algorithm>

#include "analysis/eval.h"
#include "parse/claim_words.h"
#include "report/objective_words.h"
#include "report/physical_report.h"
#include "report/relation_report.h"
#include "report/table_text.h"
#include "report/trained_report.h"
#include "util/readable_count.h"

namespace aligncheck {
namespace {

std::string Upper(const char* s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(c));
  return out;
}

std::string Counterexample(const Model& model, const Claim& claim,
                           const IdealizedCounterexample& cx,
                           const TextOptions& options) {
  const Loss& loss = model.losses[claim.loss];
  const Data& data = model.data[claim.data];
  const Domain& inputs = model.domains[loss.input];
  const Domain& outputs = model.domains[loss.output];
  const std::string& goal = model.goals[claim.goal].name;
  const ObjectiveWords w = WordsFor(loss);
  std::string out;
  bool near = claim.has_within && claim.within != 0;
  out += fmt::format("  counterexample: a {} of {}_{} that violates {}\n",
                     w.Optimizer(near), w.letter, data.name, goal);
  InputRows listed = OrderInputs(inputs.size(), cx.breaks, options.max_rows);
  std::vector<std::vector<std::string>> rows;
  rows.push_back({"input", "weight", "pi(input)", w.value,
                  std::string(w.best) + " " + w.value, ""});
  size_t m = outputs.size();
  for (size_t i = 0; i < listed.shown; ++i) {
    size_t x = listed.order[i];
    Rational best = loss.At(x, 0, m);
    for (size_t y = 1; y < m; ++y) {
      best = w.reward ? std::max(best, loss.At(x, y, m))
                      : std::min(best, loss.At(x, y, m));
    }
    std::string mark;
    if (GoalBreaks(cx.breaks, x)) mark = kBreaksHere;
    rows.push_back({inputs.values[x], FormatRational(data.weights[x] / data.total),
                    outputs.values[cx.policy[x]],
                    FormatRational(loss.At(x, cx.policy[x], m)),
                    FormatRational(best), mark});
  }
  out += Columns(rows, "    ");
  out += listed.MoreLine();
  bool per_input = std::any_of(cx.breaks.begin(), cx.breaks.end(),
                               [](int8_t b) { return b >= 0; });
  if (per_input) {
    out += fmt::format("  the goal breaks at {} of {} inputs\n",
                       listed.breaking, inputs.size());
  }
  if (near) {
    out += fmt::format("  {}_{}(pi) = {}, {} {}_{} = {}, within {}\n", w.letter,
                       data.name, FormatRational(w.AsWritten(cx.expected_loss)),
                       w.best, w.letter, data.name,
                       FormatRational(w.AsWritten(cx.min_loss)),
                       FormatRational(claim.within));
  } else {
    out += fmt::format("  {}_{}(pi) = {} = {} {}_{}\n", w.letter, data.name,
                       FormatRational(w.AsWritten(cx.expected_loss)), w.best,
                       w.letter, data.name);
  }
  return out;
}

// "4 minimizers", "at least 100000 near-minimizers".
std::string MinimizerPhrase(const Model& model, const Verdict& v,
                            const Claim& claim) {
  bool near = claim.has_within && claim.within != 0;
  bool one = *v.minimizers == 1 && !v.minimizers_capped;
  return fmt::format("{}{} {}{}", v.minimizers_capped ? "at least " : "",
                     FormatCount(*v.minimizers),
                     WordsFor(model.losses[claim.loss]).Optimizer(near),
                     one ? "" : "s");
}

// "the only minimizer of L_train satisfies g", "all 4 near-minimizers of
// L_train satisfy g", or "every minimizer ... (at least N of them)".
std::string HoldsSentence(const Model& model, const Verdict& v,
                          const Claim& claim) {
  bool near = claim.has_within && claim.within != 0;
  const ObjectiveWords w = WordsFor(model.losses[claim.loss]);
  const std::string noun = w.Optimizer(near);
  std::string loss = w.letter + ("_" + model.data[claim.data].name);
  if (!claim.hypothesis.empty()) loss += " in " + claim.hypothesis;
  const std::string& goal = model.goals[claim.goal].name;
  if (v.minimizers && !v.minimizers_capped && IsExactCount(*v.minimizers)) {
    if (*v.minimizers == 1)
      return fmt::format("the only {} of {} satisfies {}", noun, loss, goal);
    return fmt::format("all {} {}s of {} satisfy {}",
                       FormatBigInt(*v.minimizers), noun, loss, goal);
  }
  std::string out = fmt::format("every {} of {} satisfies {}", noun, loss, goal);
  if (v.minimizers) {
    out +=
        fmt::format(" ({}{} of them)", v.minimizers_capped ? "at least " : "",
                    FormatCount(*v.minimizers));
  }
  return out;
}

}  // namespace

std::string RenderClaimText(const Model& model, const ClaimResult& result,
                            const TextOptions& options) {
  const Claim& claim = *result.claim;
  const Verdict& v = result.verdict;
  LineCol at = model.file->Locate(claim.name_span.begin);
  std::string word = v.trained ? VerdictWord(v) : Upper(VerdictName(v.kind));
  std::string out = fmt::format("{}:{}:{}: {} {}", model.file->name(), at.line,
                                at.col, word, claim.name);
  if (v.kind == Verdict::Kind::kHolds && v.vacuous) out += " (vacuous)";
  out += "\n";
  out += "    " + claim.text + "\n";
  if (v.relation) {
    out += RenderRelationText(model, result, options);
  } else if (HasExtraBody(model, result)) {
    out += RenderExtraText(model, result, options);
  } else {
  switch (v.kind) {
    case Verdict::Kind::kHolds:
      if (v.physical) {
        out += RenderPhysicalText(model, result, options);
        break;
      }
      if (claim.reading == Claim::Reading::kIdealized) {
        out += "  " + HoldsSentence(model, v, claim);
        if (!v.method.empty()) out += fmt::format(" ({})", v.method);
        out += "\n";
      } else if (!v.reason.empty()) {
        out += "  " + v.reason + "\n";
      }
      if (v.vacuous) {
        out += fmt::format(
            "  note: {} holds for every policy, so this says nothing about "
            "the loss\n",
            model.goals[claim.goal].name);
      }
      break;
    case Verdict::Kind::kFails:
      if (v.physical) {
        out += RenderPhysicalText(model, result, options);
        break;
      }
      if (v.counterexample && claim.reading == Claim::Reading::kIdealized) {
        out += Counterexample(model, claim, *v.counterexample, options);
        if (v.minimizers) {
          out += fmt::format("  ({} in all; found by {})\n",
                             MinimizerPhrase(model, v, claim), v.method);
        }
      } else if (!v.reason.empty()) {
        out += "  " + v.reason + "\n";
      }
      break;
    case Verdict::Kind::kUnknown:
      out += "  reason: " + v.reason + "\n";
      break;
  }
  }
  out += RenderCensusText(model, result);
  if (claim.reading == Claim::Reading::kTrained && claim.training >= 0) {
    for (const std::string& e : model.trainings[claim.training].evidence) {
      out += "  evidence (cited, not checked): \"" + e + "\"\n";
    }
  }
  for (const std::string& path : v.dumped_queries) {
    out += "  solver query written to " + path + "\n";
  }
  std::string expected = ExpectName(claim.expect);
  if (!expected.empty()) {
    if (result.AsExpected()) {
      out += fmt::format("  expected {}: as expected\n", expected);
    } else {
      std::string got = VerdictWord(v);
      for (char& c : got) c = static_cast<char>(std::tolower(c));
      out += fmt::format("  expected {}, got {}: UNEXPECTED\n", expected, got);
    }
  }
  return out;
}

std::string RenderSummaryText(const CheckSummary& s) {
  std::string out = fmt::format(
      "{} claim{} in {} file{}: {} hold{}, {} fail{}, {} unknown", s.claims,
      s.claims == 1 ? "" : "s", s.files, s.files == 1 ? "" : "s", s.holds,
      s.holds == 1 ? "s" : "", s.fails, s.fails == 1 ? "s" : "", s.unknown);
  if (size_t findings = Findings(s); findings > 0) {
    out += fmt::format("; {} finding{}", findings, findings == 1 ? "" : "s");
  }
  if (s.errors > 0) {
    out += fmt::format("; {} error{}", s.errors, s.errors == 1 ? "" : "s");
  }
  if (s.not_checked > 0) {
    out += fmt::format("; {} not checked", s.not_checked);
  }
  return out + "\n";
}

std::string RenderBlockedText(const FileResult& file) {
  std::string out;
  for (const BlockedClaim& b : file.blocked) {
    LineCol at = file.file->Locate(b.span.begin);
    out += fmt::format("{}:{}:{}: NOT CHECKED {}\n  blocked by {}{}\n",
                       file.file->name(), at.line, at.col, b.name, b.rule,
                       b.suppressed ? " (suppressed, but the claim still has "
                                      "no checkable meaning)"
                                    : "");
  }
  return out;
}

std::string RenderLintSummaryText(const CheckSummary& s) {
  auto plural = [](size_t n, const char* word) {
    return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
  };
  return fmt::format("{}, {}, {} in {}\n", plural(s.unclear + s.errors, "error"),
                     plural(s.warnings, "warning"), plural(s.notes, "note"),
                     plural(s.files, "file"));
}

}  // namespace aligncheck

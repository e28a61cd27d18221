// The prose rules measured on labelled sentences: the corpus written for
// the tests, and real sentences from public writing in a tuning part and a
// held-out part, with precision and recall.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "lint/rule_catalog.h"
#include "prose/parser.h"
#include "prose/prose.h"
#include "prose_test_util.h"

namespace aligncheck::prose {
namespace {

using namespace testing;

struct Counts {
  int tp = 0, fp = 0, fn = 0;
};

double Ratio(int a, int b) { return b == 0 ? 1.0 : double(a) / b; }

// The corpora measure the gate as users get it: with the sentence parser.
// A build with Link Grammar must have its dictionary too.
void RequireParser() {
#ifdef ALIGNCHECK_HAVE_LINK_GRAMMAR
  std::string why;
  REQUIRE_MESSAGE(ParserAvailable(&why), why);
#endif
}

const DocumentContext& ParsedContext() {
  static const DocumentContext kContext{{}, {}, true};
  return kContext;
}

TEST_CASE("prose corpus: precision and recall of the labelled sentences") {
  RequireParser();
  std::istringstream in(ReadFile(DataPath("corpus.tsv")));
  std::map<std::string, Counts> by_rule;
  Counts all;
  int lines = 0, negatives = 0;
  std::string misses, alarms;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    size_t tab1 = line.find('\t'), tab2 = line.find('\t', tab1 + 1);
    REQUIRE_MESSAGE(tab2 != std::string::npos, "bad corpus line: ", line);
    std::string expected = line.substr(0, tab1);
    std::string severity = line.substr(tab1 + 1, tab2 - tab1 - 1);
    std::string text = line.substr(tab2 + 1);
    ++lines;
    if (expected == "-") ++negatives;
    std::vector<Diagnostic> ds = Check(text, CorpusContext());
    // The prefilter must never hide a paragraph that has findings.
    if (!ds.empty()) CHECK_MESSAGE(MayTrigger(text), text);
    bool found = false;
    for (const Diagnostic& d : ds) {
      CHECK(d.severity != Severity::kError);
      if (d.id == expected && SeverityName(d.severity) == severity) {
        found = true;
        continue;
      }
      ++by_rule[d.id].fp;
      ++all.fp;
      alarms +=
          fmt::format("  {} {}: {}\n", d.id, SeverityName(d.severity), text);
    }
    if (expected == "-") continue;
    if (found) {
      ++by_rule[expected].tp;
      ++all.tp;
    } else {
      ++by_rule[expected].fn;
      ++all.fn;
      misses += fmt::format("  {} {}: {}\n", expected, severity, text);
    }
  }
  std::cout << fmt::format("prose corpus: {} sentences ({} negative)\n", lines,
                           negatives);
  std::cout << "rule   tp  fp  fn  precision  recall\n";
  for (const auto& [id, c] : by_rule) {
    std::cout << fmt::format("{}  {:3} {:3} {:3}  {:9.3f}  {:6.3f}\n", id, c.tp,
                             c.fp, c.fn, Ratio(c.tp, c.tp + c.fp),
                             Ratio(c.tp, c.tp + c.fn));
  }
  double precision = Ratio(all.tp, all.tp + all.fp);
  double recall = Ratio(all.tp, all.tp + all.fn);
  std::cout << fmt::format("all    {:3} {:3} {:3}  {:9.3f}  {:6.3f}\n", all.tp,
                           all.fp, all.fn, precision, recall);
  if (!misses.empty()) std::cout << "missed (false negatives):\n" << misses;
  if (!alarms.empty()) std::cout << "false alarms:\n" << alarms;
  CHECK(lines >= 200);
  // Precision matters more than recall: a gate that cries wolf is switched
  // off. Thresholds: precision >= 0.95 overall and per rule, recall >= 0.75.
  CHECK(precision >= 0.95);
  for (const auto& [id, c] : by_rule) {
    CAPTURE(id);
    CHECK(Ratio(c.tp, c.tp + c.fp) >= 0.95);
  }
  CHECK(recall >= 0.75);
}

// Real sentences from public writing, labelled by the prose policy and
// split once, before tuning, into a tuning part and a held-out part
// (tests/prose/real_corpus.tsv). A sentence counts as reported when the
// gate gives it any finding.
struct RealCorpusScore {
  Counts counts;
  int lines = 0;
  int positives = 0;
  std::string misses, alarms;
};

RealCorpusScore ScoreRealCorpus(const std::string& split,
                                const std::string& file = "real_corpus.tsv") {
  std::istringstream in(ReadFile(DataPath(file.c_str())));
  RealCorpusScore score;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> fields;
    std::istringstream columns(line);
    for (std::string f; std::getline(columns, f, '\t');) fields.push_back(f);
    REQUIRE_MESSAGE(fields.size() == 5, "bad corpus line: ", line);
    if (fields[0] != split) continue;
    const std::string& text = fields[3];
    bool positive = fields[1] != "-";
    ++score.lines;
    if (positive) ++score.positives;
    std::vector<Diagnostic> ds = Check(text, ParsedContext());
    if (!ds.empty()) CHECK_MESSAGE(MayTrigger(text), text);
    // Every span is a phrase of the sentence, in order (no text printed:
    // held-out sentences stay unseen).
    for (const Diagnostic& d : ds) {
      CHECK(d.span.begin < d.span.end);
      CHECK(d.span.end <= text.size());
    }
    bool reported = !ds.empty();
    if (positive && reported) {
      ++score.counts.tp;
    } else if (positive) {
      ++score.counts.fn;
      score.misses += fmt::format("  {}: {}\n", fields[1], text);
    } else if (reported) {
      ++score.counts.fp;
      score.alarms += fmt::format("  {}: {}\n", ds[0].id, text);
    }
  }
  const Counts& c = score.counts;
  std::cout << fmt::format(
      "{}, {} part: {} sentences ({} positive): tp {} fp {} fn {}, "
      "precision {:.3f}, recall {:.3f}\n",
      file, split, score.lines, score.positives, c.tp, c.fp, c.fn,
      Ratio(c.tp, c.tp + c.fp), Ratio(c.tp, c.tp + c.fn));
  return score;
}

// A tuning corpus: its misses and false alarms are printed, and its
// figures must stay at or above the floors.
void CheckTuningCorpus(const char* file, int min_lines, double min_precision,
                       double min_recall) {
  RequireParser();
  RealCorpusScore score = ScoreRealCorpus("tune", file);
  if (!score.misses.empty()) std::cout << "missed:\n" << score.misses;
  if (!score.alarms.empty()) std::cout << "false alarms:\n" << score.alarms;
  CHECK(score.lines >= min_lines);
  CHECK(Ratio(score.counts.tp, score.counts.tp + score.counts.fp) >=
        min_precision);
  CHECK(Ratio(score.counts.tp, score.counts.tp + score.counts.fn) >=
        min_recall);
}

// The four sets below were held out once and are tuning data now. Their
// held-out figures: real_corpus.tsv's held-out part, 187 sentences, tp 36
// fp 3 fn 14 at the first scoring and tp 37 fp 3 fn 13 at the second;
// fresh_corpus.tsv, 223 sentences, tp 41 fp 2 fn 39 (both word patterns
// only); blind_corpus.tsv, 257 sentences, tp 35 fp 8 fn 64, precision
// 0.814, recall 0.354 with the parser (tp 30 fp 7 fn 69 without).
TEST_CASE("prose corpus: real sentences, tuning data") {
  CheckTuningCorpus("real_corpus.tsv", 500, 0.95, 0.85);
}

TEST_CASE("prose corpus: fresh real sentences, tuning data") {
  CheckTuningCorpus("fresh_corpus.tsv", 200, 0.95, 0.6);
}

TEST_CASE("prose corpus: blind real sentences, tuning data") {
  CheckTuningCorpus("blind_corpus.tsv", 250, 0.8, 0.35);
}

// Scored once as the held-out set (with the parser: tp 40 fp 7 fn 51,
// precision 0.851, recall 0.440; word patterns only: tp 38 fp 5 fn 53),
// tuning data since.
TEST_CASE("prose corpus: second blind set, tuning data") {
  CheckTuningCorpus("blind_corpus_2.tsv", 250, 0.85, 0.45);
}

// Scored once as the held-out set (tp 50 fp 5 fn 44, precision 0.909,
// recall 0.532), tuning data since.
TEST_CASE("prose corpus: third blind set, tuning data") {
  CheckTuningCorpus("blind_corpus_3.tsv", 240, 0.85, 0.6);
}

// Scored once together as the held-out sets (blogs and forums: tp 50 fp 9
// fn 48, precision 0.847, recall 0.510; papers and documentation: tp 53
// fp 5 fn 47, precision 0.914, recall 0.530), tuning data since.
TEST_CASE("prose corpus: fourth blind set, tuning data") {
  CheckTuningCorpus("blind_corpus_4.tsv", 260, 0.8, 0.5);
}

TEST_CASE("prose corpus: fifth blind set, tuning data") {
  CheckTuningCorpus("blind_corpus_5.tsv", 260, 0.85, 0.5);
}

// Scored once as the held-out sets on 2026-12-03 with the sentence parser
// (blogs and forums: tp 28 fp 5 fn 25, precision 0.848, recall 0.528;
// papers and documentation: tp 26 fp 7 fn 35, precision 0.788, recall
// 0.426), tuning data since.
TEST_CASE("prose corpus: sixth blind set, tuning data") {
  CheckTuningCorpus("blind_corpus_6.tsv", 260, 0.85, 0.5);
}

TEST_CASE("prose corpus: seventh blind set, tuning data") {
  CheckTuningCorpus("blind_corpus_7.tsv", 260, 0.75, 0.45);
}

// Scored once as the held-out sets (blogs and forums: tp 11 fp 5 fn 11;
// papers and documentation: tp 11 fp 2 fn 4), tuning data since. Few
// positives (22 and 15): sources rich in such claims were used up.
TEST_CASE("prose corpus: eighth blind set, tuning data") {
  CheckTuningCorpus("blind_corpus_8.tsv", 260, 0.65, 0.45);
}

TEST_CASE("prose corpus: ninth blind set, tuning data") {
  CheckTuningCorpus("blind_corpus_9.tsv", 240, 0.85, 0.65);
}

// Scored once together as the held-out sets at 83f51b3 (tp 46 fp 21 fn
// 43, precision 0.687, recall 0.517: forums tp 7 fp 9 fn 10; blogs and
// Q&A tp 7 fp 6 fn 6; papers tp 12 fp 4 fn 20; textbooks and
// documentation tp 20 fp 2 fn 7), tuning data since. Positives are 5-14%
// of each set, as in the sources; the rules flagged 2.3% of negatives.
TEST_CASE("prose corpus: tenth blind set, tuning data") {
  CheckTuningCorpus("blind_corpus_10.tsv", 240, 0.4, 0.35);
}

TEST_CASE("prose corpus: eleventh blind set, tuning data") {
  CheckTuningCorpus("blind_corpus_11.tsv", 240, 0.5, 0.45);
}

TEST_CASE("prose corpus: twelfth blind set, tuning data") {
  CheckTuningCorpus("blind_corpus_12.tsv", 240, 0.7, 0.35);
}

TEST_CASE("prose corpus: thirteenth blind set, tuning data") {
  CheckTuningCorpus("blind_corpus_13.tsv", 220, 0.85, 0.7);
}

// blind_corpus_3-5 against adjudicated labels: where the first labels (the
// corpus files) and an independent second labelling (second_labels/)
// disagree, a third reader decided from the policy alone
// (second_labels/adjudicated.tsv; "undecided" cases are left out). The
// first labels count some reward-hacking definitions (policy C6) and
// reports of others' work (C1) as positive; the adjudication does not.
std::vector<std::vector<std::string>> ReadTsv(const std::string& file) {
  std::istringstream in(ReadFile(DataPath(file.c_str())));
  std::vector<std::vector<std::string>> rows;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> fields;
    std::istringstream columns(line);
    for (std::string f; std::getline(columns, f, '\t');) fields.push_back(f);
    rows.push_back(fields);
  }
  return rows;
}

// Counts against the first labels and against the labels two readers
// agree on, with the adjudicated decision where they do not ("undecided"
// cases left out). Prints counts only.
struct AdjudicatedScore {
  Counts first, adjudicated;
  int undecided = 0;
};

AdjudicatedScore ScoreAdjudicated(const std::vector<std::string>& sets,
                                  const std::string& decisions) {
  std::map<std::string, std::string> decided;  // "set:line" -> label
  for (const auto& r : ReadTsv("second_labels/" + decisions)) {
    REQUIRE(r.size() == 5);
    decided[r[0] + ":" + r[1]] = r[2];
  }
  AdjudicatedScore score;
  for (const std::string& set : sets) {
    auto rows = ReadTsv(set + ".tsv");
    auto second = ReadTsv("second_labels/" + set + ".tsv");
    REQUIRE(rows.size() == second.size());
    for (size_t i = 0; i < rows.size(); ++i) {
      bool a = rows[i][1] != "-", b = second[i][1] != "-";
      bool gold = a;
      if (a != b) {
        auto it = decided.find(set + ":" + std::to_string(i + 1));
        REQUIRE(it != decided.end());
        if (it->second == "undecided") {
          ++score.undecided;
          continue;
        }
        gold = it->second != "-";
      }
      bool reported = !Check(rows[i][3], ParsedContext()).empty();
      Counts& f = score.first;
      f.tp += a && reported, f.fp += !a && reported, f.fn += a && !reported;
      Counts& c = score.adjudicated;
      c.tp += gold && reported, c.fp += !gold && reported;
      c.fn += gold && !reported;
    }
  }
  auto line = [](const char* what, const Counts& c) {
    return fmt::format("{}: tp {} fp {} fn {}, precision {:.3f}, recall {:.3f}\n",
                       what, c.tp, c.fp, c.fn, Ratio(c.tp, c.tp + c.fp),
                       Ratio(c.tp, c.tp + c.fn));
  };
  std::cout << decisions << ", " << score.undecided << " undecided left out\n"
            << line("  first labels", score.first)
            << line("  adjudicated labels", score.adjudicated);
  return score;
}

// Floors against the adjudicated labels; the count of undecided cases pins
// the decisions file to its sets.
Counts CheckAdjudicated(const std::vector<std::string>& sets,
                        const std::string& decisions, int undecided,
                        double min_precision, double min_recall) {
  RequireParser();
  AdjudicatedScore score = ScoreAdjudicated(sets, decisions);
  const Counts& c = score.adjudicated;
  CHECK(score.undecided == undecided);
  CHECK(Ratio(c.tp, c.tp + c.fp) >= min_precision);
  CHECK(Ratio(c.tp, c.tp + c.fn) >= min_recall);
  return c;
}

TEST_CASE("prose corpus: blind sets 3-5 against adjudicated labels") {
  CheckAdjudicated({"blind_corpus_3", "blind_corpus_4", "blind_corpus_5"},
                   "adjudicated.tsv", 8, 0.88, 0.6);
}

// Scored once together as the held-out sets on 2026-12-03 at 9cbf0db (tp
// 27 fp 17 fn 43, precision 0.614, recall 0.386: forums tp 1 fp 3 fn 8;
// blogs, news and Q&A tp 7 fp 7 fn 11; papers tp 11 fp 5 fn 11; textbooks
// and documentation tp 8 fp 2 fn 13), tuning data since. Positives are
// 4-10% of each set; the rules flagged 1.9% of negatives.
TEST_CASE("prose corpus: fourteenth blind set, tuning data") {
  CheckTuningCorpus("blind_corpus_14.tsv", 220, 0.3, 0.2);
}

TEST_CASE("prose corpus: fifteenth blind set, tuning data") {
  CheckTuningCorpus("blind_corpus_15.tsv", 240, 0.45, 0.35);
}

TEST_CASE("prose corpus: sixteenth blind set, tuning data") {
  CheckTuningCorpus("blind_corpus_16.tsv", 210, 0.75, 0.55);
}

TEST_CASE("prose corpus: seventeenth blind set, tuning data") {
  CheckTuningCorpus("blind_corpus_17.tsv", 240, 0.7, 0.35);
}

// Scored once together as the held-out sets on 2026-12-03 at 4d198dc (tp
// 60 fp 15 fn 51, precision 0.800, recall 0.541: forums tp 6 fp 0 fn 5;
// blogs, news and Q&A tp 16 fp 4 fn 15; papers tp 16 fp 3 fn 15;
// textbooks and documentation tp 22 fp 8 fn 16), tuning data since.
TEST_CASE("prose corpus: eighteenth blind set, tuning data") {
  CheckTuningCorpus("blind_corpus_18.tsv", 210, 0.8, 0.45);
}

TEST_CASE("prose corpus: nineteenth blind set, tuning data") {
  CheckTuningCorpus("blind_corpus_19.tsv", 240, 0.75, 0.45);
}

TEST_CASE("prose corpus: twentieth blind set, tuning data") {
  CheckTuningCorpus("blind_corpus_20.tsv", 200, 0.8, 0.45);
}

TEST_CASE("prose corpus: twenty-first blind set, tuning data") {
  CheckTuningCorpus("blind_corpus_21.tsv", 210, 0.7, 0.5);
}

// The held-out sets: tests/prose/blind_corpus_22.tsv (forums), 23 (blogs,
// news, Q&A), 24 (papers) and 25 (textbooks, courses, documentation),
// collected and labelled from the prose policy alone by someone who did
// not read the rules' code, never tuned on. Only their counts are printed,
// never their sentences. Scored once on 2026-12-03 at ad51978 with the
// sentence parser: tp 21 fp 14 fn 31, precision 0.600, recall 0.404 (22:
// tp 0 fp 3 fn 3; 23: tp 6 fp 5 fn 7; 24: tp 3 fp 4 fn 5; 25: tp 12 fp 2
// fn 16); 14 of 910 negatives flagged (1.5%). Only 52 of the 962 sentences
// are positive (1-11% a set: the collectors found the sources rich in such
// claims used up), so recall is known to about +-0.13. The targets
// (precision 0.95, recall 0.85) are warnings until they are met; the floors
// below catch a regression.
void CheckHeldOut(const char* file, int min_lines, int min_positives,
                  double min_precision, double min_recall) {
  RequireParser();
  RealCorpusScore score = ScoreRealCorpus("heldout", file);
  CHECK(score.lines >= min_lines);
  CHECK(score.positives >= min_positives);
  double precision = Ratio(score.counts.tp, score.counts.tp + score.counts.fp);
  double recall = Ratio(score.counts.tp, score.counts.tp + score.counts.fn);
  WARN(precision >= 0.95);
  WARN(recall >= 0.85);
  CHECK(precision >= min_precision);
  CHECK(recall >= min_recall);
}

TEST_CASE("prose corpus: twenty-second blind set, held out") {
  CheckHeldOut("blind_corpus_22.tsv", 210, 3, 0.0, 0.0);
}

TEST_CASE("prose corpus: twenty-third blind set, held out") {
  CheckHeldOut("blind_corpus_23.tsv", 270, 13, 0.4, 0.3);
}

TEST_CASE("prose corpus: twenty-fourth blind set, held out") {
  CheckHeldOut("blind_corpus_24.tsv", 200, 8, 0.3, 0.25);
}

TEST_CASE("prose corpus: twenty-fifth blind set, held out") {
  CheckHeldOut("blind_corpus_25.tsv", 250, 28, 0.7, 0.35);
}

// blind_corpus_14-17 against the labels two readers agree on (second
// labelling and adjudication after their one scoring as the held-out sets;
// tuning data since).
TEST_CASE("prose corpus: blind sets 14-17 against adjudicated labels") {
  CheckAdjudicated({"blind_corpus_14", "blind_corpus_15", "blind_corpus_16",
                    "blind_corpus_17"},
                   "adjudicated_14-17.tsv", 4, 0.6, 0.35);
}

// blind_corpus_18-21 against the labels two readers agree on (second
// labelling and adjudication after their one scoring as the held-out sets;
// tuning data since).
TEST_CASE("prose corpus: blind sets 18-21 against adjudicated labels") {
  CheckAdjudicated({"blind_corpus_18", "blind_corpus_19", "blind_corpus_20",
                    "blind_corpus_21"},
                   "adjudicated_18-21.tsv", 6, 0.8, 0.5);
}

// The held-out sets against the labels two readers agree on (second
// labelling and adjudication after the one scoring; counts only).
TEST_CASE("prose corpus: held-out sets against adjudicated labels") {
  Counts c = CheckAdjudicated({"blind_corpus_22", "blind_corpus_23",
                               "blind_corpus_24", "blind_corpus_25"},
                              "adjudicated_22-25.tsv", 2, 0.45, 0.3);
  WARN(Ratio(c.tp, c.tp + c.fp) >= 0.95);
  WARN(Ratio(c.tp, c.tp + c.fn) >= 0.85);
}
}  // namespace
}  // namespace aligncheck::prose

// Prose rule timings on generated write-ups: the raw-text prefilter over
// 100 MB of Markdown-like prose, and the rules over paragraphs that pass
// it, including worst cases where every paragraph mentions a loss. Built
// with -DALIGNCHECK_BENCH=ON; run with
//   ./build/aligncheck_prose_bench
#include <cstdio>
#include <ctime>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "prose/prose.h"

namespace {

using aligncheck::SourceFile;
using namespace aligncheck::prose;  // NOLINT

const char* const kPlain[] = {
    "The experiments ran on two machines for three days.",
    "We thank the reviewers for their careful reading of the draft.",
    "Figure 2 shows the accuracy of each model on the held-out set.",
    "The dataset contains 50,000 images in ten classes, e.g. cats and dogs.",
    "Section 4 describes the architecture and the optimizer settings.",
    "Results are averaged over five seeds; error bars show one std. dev.",
    "Prior work (Smith et al., 2020) reported similar numbers.",
};
const char* const kLossy[] = {
    "The training loss fell quickly and the reward curve flattened.",
    "We report the loss and the reward for every run.",
    "The objective is the sum of two terms weighted by a constant.",
    "Minimizing the loss with Adam took 100 epochs.",
};
const char* const kTriggers[] = {
    "The reward model captures what users actually want.",
    "The agent wants to minimize its loss.",
    "Outer alignment means aligning the loss with the intended goal.",
    "As they put it, \"the reward is aligned with human values.\"",
};

// Paragraphs of a few sentences: most plain, some mention a loss, a few
// trigger a rule (one in `trigger_every`).
std::vector<std::string> Generate(size_t bytes, int lossy_percent,
                                  int trigger_every, int sentences) {
  std::mt19937 rng(7);
  std::vector<std::string> out;
  size_t total = 0, count = 0;
  while (total < bytes) {
    std::string p;
    bool lossy = static_cast<int>(rng() % 100) < lossy_percent;
    for (int s = 0; s < sentences; ++s) {
      if (!p.empty()) p += ' ';
      if (lossy && s == 0) {
        p += kLossy[rng() % std::size(kLossy)];
      } else {
        p += kPlain[rng() % std::size(kPlain)];
      }
    }
    if (trigger_every > 0 && ++count % trigger_every == 0) {
      p += ' ';
      p += kTriggers[rng() % std::size(kTriggers)];
    }
    total += p.size() + 2;
    out.push_back(std::move(p));
  }
  return out;
}

// CPU seconds: the machine may be shared, and wall time would measure the
// neighbours.
double Seconds(std::clock_t since) {
  return double(std::clock() - since) / CLOCKS_PER_SEC;
}

void Run(const char* name, const std::vector<std::string>& paragraphs) {
  auto host = std::make_shared<SourceFile>("bench.md", "");
  size_t bytes = 0, passed = 0, findings = 0;
  for (const std::string& p : paragraphs) bytes += p.size();
  std::clock_t start = std::clock();
  std::vector<const std::string*> candidates;
  for (const std::string& p : paragraphs) {
    if (MayTrigger(p)) candidates.push_back(&p);
  }
  double filter = Seconds(start);
  passed = candidates.size();
  start = std::clock();
  Paragraph para;
  DocumentContext context;
  for (const std::string* p : candidates) {
    para.text = *p;
    para.offsets.resize(p->size());
    for (uint32_t i = 0; i < p->size(); ++i) para.offsets[i] = i;
    findings += CheckParagraph(host, para, context).size();
  }
  double rules = Seconds(start);
  std::printf(
      "%-34s %7.1f MB  %8zu paragraphs  %8zu passed  %7zu findings  "
      "filter %.3f s  rules %.3f s (CPU)\n",
      name, bytes / 1e6, paragraphs.size(), passed, findings, filter, rules);
}

}  // namespace

int main() {
  const size_t kMB = 1000 * 1000;
  Run("typical (5% lossy, 1/2000 trigger)", Generate(100 * kMB, 5, 2000, 4));
  Run("all lossy (1/50 trigger)", Generate(100 * kMB, 100, 50, 4));
  Run("all triggering", Generate(20 * kMB, 100, 1, 4));
  // Linearity: one paragraph of growing length.
  for (size_t mb : {1, 4, 16}) {
    std::vector<std::string> one(1);
    for (const std::string& p : Generate(mb * kMB, 100, 10, 4)) {
      one[0] += p + ' ';
    }
    Run(("one paragraph of " + std::to_string(mb) + " MB").c_str(), one);
  }
  // Adversarial: one sentence without a terminator, full of candidates
  // that are not asserted, quotes, colons and code spans.
  for (size_t mb : {1, 4, 16}) {
    std::vector<std::string> one(1);
    const std::string piece =
        "if the loss represents the intended goal, he wrote: \"the reward "
        "captures human values\" and \x1a, ";
    while (one[0].size() < mb * kMB) one[0] += piece;
    Run(("one unended sentence of " + std::to_string(mb) + " MB").c_str(), one);
  }
  return 0;
}

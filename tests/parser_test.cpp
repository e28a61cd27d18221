// prose/parser.h: Link Grammar parses mapped back to byte ranges, limits,
// determinism and parses from several threads at once.
#include "prose/parser.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "prose/prose.h"

namespace aligncheck::prose {
namespace {

#ifdef ALIGNCHECK_HAVE_LINK_GRAMMAR

std::string WordAt(std::string_view text, const SentenceParse& p, size_t w) {
  const SentenceParse::Word& word = p.words[w];
  return word.wall ? "WALL" : std::string(text.substr(word.begin,
                                                      word.end - word.begin));
}

bool HasLink(std::string_view text, const SentenceParse& p,
             const std::string& left, const std::string& label_prefix,
             const std::string& right) {
  for (const ParseLink& l : p.links) {
    if (WordAt(text, p, l.left) == left && WordAt(text, p, l.right) == right &&
        l.label.rfind(label_prefix, 0) == 0) {
      return true;
    }
  }
  return false;
}

TEST_CASE("parser: subject, object and byte ranges") {
  std::string why;
  REQUIRE_MESSAGE(ParserAvailable(&why), why);
  const std::string text = "The agent wants its reward.";
  SentenceParse p;
  REQUIRE(ParseSentence(text, &p));
  CHECK(p.words.front().wall);
  CHECK(p.words.back().wall);
  CHECK(HasLink(text, p, "agent", "S", "wants"));
  CHECK(HasLink(text, p, "wants", "O", "reward"));
  for (const SentenceParse::Word& w : p.words) {
    if (w.wall) continue;
    CHECK(w.begin < w.end);
    CHECK(w.end <= text.size());
  }
}

TEST_CASE("parser: passives, code spans and multi-byte characters") {
  REQUIRE(ParserAvailable());
  // A passive: the goal is the subject, the reward the agent of "by".
  const std::string passive = "Human intent is rarely captured by the reward.";
  SentenceParse p;
  REQUIRE(ParseSentence(passive, &p));
  CHECK(HasLink(passive, p, "intent", "S", "is"));
  CHECK(HasLink(passive, p, "is", "Pv", "captured"));
  CHECK(HasLink(passive, p, "by", "J", "reward"));
  // A code span (kOpaque) reads as a name and keeps every byte range.
  std::string code = "The loss \x1a is aligned with the goal.";
  REQUIRE(ParseSentence(code, &p));
  CHECK(HasLink(code, p, "aligned", "MV", "with"));
  CHECK(HasLink(code, p, "with", "J", "goal"));
  // A curly apostrophe: ranges stay in bytes.
  std::string curly = "The agent\xe2\x80\x99s goal is to maximize reward.";
  REQUIRE(ParseSentence(curly, &p));
  CHECK(HasLink(curly, p, "goal", "S", "is"));
  CHECK(HasLink(curly, p, "maximize", "O", "reward"));
}

TEST_CASE("parser: limits") {
  REQUIRE(ParserAvailable());
  SentenceParse p;
  std::string longest(kMaxParsedBytes + 1, 'a');
  CHECK_FALSE(ParseSentence(longest, &p));
  CHECK(p.words.empty());
  CHECK(p.links.empty());
  // Nothing to parse is no parse, not a crash (the library asserts on an
  // empty sentence).
  for (std::string_view nothing : {"", " ", "...", "\xff\xfe", "42 + 7"}) {
    CHECK_FALSE(ParseSentence(nothing, &p));
  }
  // Stray bytes, control characters and C1 controls do not crash it.
  ParseSentence("The reward\xff\x01 is \xc2\x9b aligned \xe2\x80 with", &p);
  // Word salad gets a parse with a few words left out, or none.
  ParseSentence("loss the the of of with with reward reward agent", &p);
  CHECK(ParserWanted());
}

TEST_CASE("parser: random bytes never crash it") {
  REQUIRE(ParserAvailable());
  // Pieces a sentence is made of, and pieces that break one.
  const std::vector<std::string> pieces = {
      "the",  "reward", "loss", "agent", "wants", "is",   "aligned", "with",
      "goal", " ",      " ",    ",",     ".",     "?",    "'s",      "\xe2\x80\x99",
      "\xff", "\x01",  "\x1a", "(",     ")",     "\"",   "--",      "\xc3\xa9",
      "e.g.", "U.S.",   "'",    "-",     "2",     "\t",  "[",       "]"};
  uint64_t state = 12345;
  auto next = [&state](size_t n) {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<size_t>((state >> 33) % n);
  };
  for (int i = 0; i < 300; ++i) {
    std::string text;
    size_t n = next(12);
    for (size_t k = 0; k < n; ++k) text += pieces[next(pieces.size())];
    SentenceParse p;
    if (ParseSentence(text, &p)) {
      for (const SentenceParse::Word& w : p.words) {
        CHECK(w.begin <= w.end);
        CHECK(w.end <= text.size());
      }
      for (const ParseLink& l : p.links) {
        CHECK(l.left < p.words.size());
        CHECK(l.right < p.words.size());
      }
    }
  }
}

TEST_CASE("parser: the same sentence gives the same parse, on any thread") {
  REQUIRE(ParserAvailable());
  const std::vector<std::string> sentences = {
      "The goals we specify for AI systems often differ from the outcomes we "
      "actually want.",
      "If the reward function is even slightly misspecified, the agent will "
      "find and exploit the gap.",
      "The agent optimized the reward perfectly.",
      "Reward design is hard because the reward function encodes the task.",
  };
  auto render = [](const SentenceParse& p) {
    std::string out;
    for (const ParseLink& l : p.links) {
      out += std::to_string(l.left) + l.label + std::to_string(l.right) + " ";
    }
    return out;
  };
  std::vector<std::string> expected;
  for (const std::string& s : sentences) {
    SentenceParse p;
    REQUIRE(ParseSentence(s, &p));
    expected.push_back(render(p));
  }
  std::vector<std::vector<std::string>> got(4);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < got.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 3; ++round) {
        for (const std::string& s : sentences) {
          SentenceParse p;
          got[t].push_back(ParseSentence(s, &p) ? render(p) : "none");
        }
      }
    });
  }
  for (std::thread& th : threads) th.join();
  for (const std::vector<std::string>& g : got) {
    REQUIRE(g.size() == 3 * sentences.size());
    for (size_t i = 0; i < g.size(); ++i) {
      CHECK(g[i] == expected[i % sentences.size()]);
    }
  }
}

#else

TEST_CASE("parser: a build without Link Grammar says so") {
  std::string why;
  CHECK_FALSE(ParserAvailable(&why));
  CHECK(why.find("without Link Grammar") != std::string::npos);
  SentenceParse p;
  CHECK_FALSE(ParseSentence("The agent wants its reward.", &p));
  CHECK(ParserWanted());
}

#endif

}  // namespace
}  // namespace aligncheck::prose

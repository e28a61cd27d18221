// Link Grammar behind the three calls of prose/parser.h: one dictionary
// for the process, loaded on first use; parse options per thread; the
// library's own messages kept off the terminal.
#include "prose/parser.h"

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <mutex>
#include <vector>

#include "prose/prose.h"
#include "util/escape.h"

#ifdef ALIGNCHECK_HAVE_LINK_GRAMMAR
#include <link-grammar/link-includes.h>
#endif

#if defined(__SANITIZE_ADDRESS__)
#define ALIGNCHECK_LSAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ALIGNCHECK_LSAN 1
#endif
#endif

#ifdef ALIGNCHECK_LSAN
// Link Grammar 5.12 loses one copy of its data directory's path (36
// bytes, a strdup) when the dictionary is first loaded on a thread other
// than the main one. It is the library's, once a process: the leak checker
// of sanitizer builds is told so here, so that it still reports ours.
extern "C" const char* __lsan_default_suppressions() {
  return "leak:liblink-grammar.so\n";
}
// Without the "Suppressions used" table on stderr, which tests that read
// stderr would see.
extern "C" const char* __lsan_default_options() {
  return "print_suppressions=0";
}
#endif

namespace aligncheck::prose {

namespace {
std::atomic<bool> wanted{false};
}  // namespace

bool ParserWanted() { return wanted.load(std::memory_order_relaxed); }

#ifdef ALIGNCHECK_HAVE_LINK_GRAMMAR
namespace {

// The library prints warnings (an unknown locale, a missing dictionary) on
// stderr by default; aligncheck says what matters in its own words.
void Discard(lg_errinfo*, void*) {}

void QuietThisThread() {
  thread_local bool quiet = false;  // the handler is per thread
  if (!quiet) {
    lg_error_set_handler(Discard, nullptr);
    quiet = true;
  }
}

struct Loaded {
  Dictionary dictionary = nullptr;
  std::string why;
};

const Loaded& Load() {
  static Loaded loaded;
  static std::once_flag once;
  std::call_once(once, [] {
    QuietThisThread();
    // ALIGNCHECK_LINK_GRAMMAR_DICT names another dictionary: a language
    // or a directory.
    const char* name = std::getenv("ALIGNCHECK_LINK_GRAMMAR_DICT");
    std::string lang = name != nullptr && *name != '\0' ? name : "en";
    loaded.dictionary = dictionary_create_lang(lang.c_str());
    if (loaded.dictionary == nullptr) {
      loaded.why = "the Link Grammar dictionary '" + lang +
                   "' did not load (Debian package "
                   "link-grammar-dictionaries-en)";
    }
    // Never freed: parses on other threads may still read it at exit.
  });
  return loaded;
}

// One thread's parse options: the best linkage within a second, null
// words allowed so that a sentence with a stray word still gets a parse.
struct ThreadOptions {
  Parse_Options options;
  ThreadOptions() : options(parse_options_create()) {
    parse_options_set_verbosity(options, 0);
    parse_options_set_max_parse_time(options, 1);
    parse_options_set_linkage_limit(options, 50);
    parse_options_set_spell_guess(options, 0);
    parse_options_set_min_null_count(options, 0);
    parse_options_set_max_null_count(options, 0);
  }
  ~ThreadOptions() { parse_options_delete(options); }
  ThreadOptions(const ThreadOptions&) = delete;
  ThreadOptions& operator=(const ThreadOptions&) = delete;
};

// What the parser reads: the sentence in plain ASCII, with the original
// byte offset of each of its bytes. The library asserts on some inputs
// (an empty sentence; "’[,]loss)"), so it only ever gets letters, digits,
// blanks and the punctuation . , ; : ? ! - ' : curly quotes become ASCII
// ones, dashes '-', a code span (kOpaque) a name, another letter 'x',
// anything else (brackets, double quotes) a blank.
struct Plain {
  std::string text;
  std::vector<uint32_t> origin;  // origin[i]: byte of the sentence; one past
};

char PlainFor(std::string_view c) {
  if (c == "\xe2\x80\x98" || c == "\xe2\x80\x99") return '\'';
  if (c == "\xe2\x80\x93" || c == "\xe2\x80\x94") return '-';
  if (c == "\xe2\x80\xa6") return '.';
  if (c.size() == 1) {
    char a = c[0];
    bool word = (a >= 'A' && a <= 'Z') || (a >= 'a' && a <= 'z') ||
                (a >= '0' && a <= '9');
    if (word || std::string_view(".,;:?!-'").find(a) != std::string_view::npos) {
      return a;
    }
    if (a == kOpaque) return 'X';
    return ' ';
  }
  return Utf8Length(c) == c.size() && !IsC1Control(c, c.size()) ? 'x' : ' ';
}

// Returns false when there is no letter to parse.
bool MakePlain(std::string_view sentence, Plain* out) {
  out->text.clear();
  out->origin.clear();
  bool letter = false;
  for (size_t i = 0; i < sentence.size();) {
    size_t n = static_cast<unsigned char>(sentence[i]) < 0x80
                   ? 1
                   : std::max<size_t>(Utf8Length(sentence.substr(i)), 1);
    char c = PlainFor(sentence.substr(i, n));
    letter = letter || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    out->text += c;
    out->origin.push_back(static_cast<uint32_t>(i));
    i += n;
  }
  out->origin.push_back(static_cast<uint32_t>(sentence.size()));
  // The tokenizer still asserts on runs of punctuation with quotes
  // ("...:'xloss,a?2'"): an apostrophe stays only inside a word ("agent's",
  // "don't"), a hyphen only inside a compound (a dash is a comma), and
  // punctuation only after a word.
  std::string& t = out->text;
  auto alnum = [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
           (c >= '0' && c <= '9');
  };
  char last = ' ';  // the last character that is not a blank
  for (size_t i = 0; i < t.size(); ++i) {
    char& c = t[i];
    bool inside = i > 0 && i + 1 < t.size() && alnum(t[i - 1]) && alnum(t[i + 1]);
    if (c == '\'') {
      c = inside ? c : ' ';
    } else if (c == '-' && !inside) {
      c = ',';
    }
    if (std::string_view(".,;:?!").find(c) != std::string_view::npos &&
        !alnum(last)) {
      c = ' ';
    }
    if (c != ' ') last = c;
  }
  return letter;
}

// Parsing with words left out searches far more linkages; on long
// sentences it took seconds and hundreds of megabytes.
constexpr size_t kMaxFallbackBytes = 200;

bool IsWall(const char* word) {
  std::string_view w(word);
  return w == "LEFT-WALL" || w == "RIGHT-WALL";
}

}  // namespace

bool ParserAvailable(std::string* why) {
  const Loaded& loaded = Load();
  if (loaded.dictionary == nullptr && why != nullptr) *why = loaded.why;
  return loaded.dictionary != nullptr;
}

bool ParseSentence(std::string_view sentence, SentenceParse* out) {
  out->words.clear();
  out->links.clear();
  wanted.store(true, std::memory_order_relaxed);
  if (sentence.size() > kMaxParsedBytes) return false;
  const Loaded& loaded = Load();
  if (loaded.dictionary == nullptr) return false;
  QuietThisThread();
  thread_local ThreadOptions thread_options;
  Parse_Options options = thread_options.options;

  Plain plain;
  if (!MakePlain(sentence, &plain)) return false;
  Sentence parsed = sentence_create(plain.text.c_str(), loaded.dictionary);
  if (parsed == nullptr) return false;
  int found = sentence_parse(parsed, options);
  if (found == 0 && !parse_options_resources_exhausted(options) &&
      plain.text.size() <= kMaxFallbackBytes) {
    // No full parse: allow a few words to stay unlinked.
    parse_options_set_min_null_count(options, 1);
    parse_options_set_max_null_count(options, 3);
    found = sentence_parse(parsed, options);
    parse_options_set_min_null_count(options, 0);
    parse_options_set_max_null_count(options, 0);
  }
  bool ok = found > 0 && !parse_options_resources_exhausted(options);
  if (ok) {
    Linkage linkage = linkage_create(0, parsed, options);
    ok = linkage != nullptr;
    if (ok) {
      int words = linkage_get_num_words(linkage);
      for (int i = 0; i < words; ++i) {
        SentenceParse::Word w;
        w.wall = IsWall(linkage_get_word(linkage, i));
        if (!w.wall) {
          // Byte positions in the plain text, back to the sentence's.
          size_t b = std::min<size_t>(linkage_get_word_byte_start(linkage, i),
                                      plain.text.size());
          size_t e = std::min<size_t>(linkage_get_word_byte_end(linkage, i),
                                      plain.text.size());
          w.begin = plain.origin[b];
          w.end = plain.origin[std::max(b, e)];
        }
        out->words.push_back(w);
      }
      int links = linkage_get_num_links(linkage);
      for (int i = 0; i < links; ++i) {
        out->links.push_back(
            {static_cast<uint16_t>(linkage_get_link_lword(linkage, i)),
             static_cast<uint16_t>(linkage_get_link_rword(linkage, i)),
             linkage_get_link_label(linkage, i)});
      }
      linkage_delete(linkage);
    }
  }
  sentence_delete(parsed);
  return ok;
}

#else  // !ALIGNCHECK_HAVE_LINK_GRAMMAR

bool ParserAvailable(std::string* why) {
  if (why != nullptr) {
    *why = "this aligncheck was built without Link Grammar (Debian package "
           "liblink-grammar-dev)";
  }
  return false;
}

bool ParseSentence(std::string_view, SentenceParse* out) {
  wanted.store(true, std::memory_order_relaxed);
  out->words.clear();
  out->links.clear();
  return false;
}

#endif

}  // namespace aligncheck::prose

// Link Grammar behind the three calls of prose/parser.h: one dictionary
// for the process, loaded on first use; parse options per thread; the
// library's own messages kept off the terminal.
#include "prose/parser.h"

#include <atomic>
#include <mutex>

#include "prose/prose.h"

#ifdef ALIGNCHECK_HAVE_LINK_GRAMMAR
#include <link-grammar/link-includes.h>
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
    loaded.dictionary = dictionary_create_lang("en");
    if (loaded.dictionary == nullptr) {
      loaded.why =
          "the Link Grammar English dictionary did not load (Debian package "
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

  // Same length, so byte ranges map back: a code span reads as a name.
  std::string text(sentence);
  for (char& c : text) {
    if (c == kOpaque) c = 'X';
  }
  Sentence parsed = sentence_create(text.c_str(), loaded.dictionary);
  if (parsed == nullptr) return false;
  int found = sentence_parse(parsed, options);
  if (found == 0 && !parse_options_resources_exhausted(options)) {
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
          w.begin = static_cast<uint32_t>(linkage_get_word_byte_start(linkage, i));
          w.end = static_cast<uint32_t>(linkage_get_word_byte_end(linkage, i));
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

// The readings a claim can name, as the language spells them: one row per
// reading. The converter, the claim resolver's help, the prose rules and
// the reports read this table; a new reading adds a row here, its grammar
// word in decl_def.hpp, and its engine row in readings/readings.cpp.
#ifndef ALIGNCHECK_PARSE_READING_WORDS_H_
#define ALIGNCHECK_PARSE_READING_WORDS_H_

#include <string_view>
#include <vector>

#include "parse/ast.h"

namespace aligncheck {

struct ReadingWord {
  ast::ClaimDecl::Reading reading;
  const char* keyword;  // "idealized_minimizer"
  /// What AC001 suggests: "add `as idealized_minimizer over DATA`: ...".
  const char* help;
};

/// Every reading a claim can name after `as`, in the order help lists them.
const std::vector<ReadingWord>& ReadingWords();

/// The row of `keyword`, or null.
const ReadingWord* FindReadingWord(std::string_view keyword);

}  // namespace aligncheck

#endif  // ALIGNCHECK_PARSE_READING_WORDS_H_

// The words of a claim that name a choice, as the language spells them:
// the readings after `as` and the verdicts after `expect`, one row each.
// The converter, the claim resolver's help, the prose rules and the reports
// read these tables; a new reading adds a row here, its grammar word in
// decl_def.hpp, and its engine row in readings/readings.cpp.
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

struct RelationWord {
  ast::ClaimDecl::Relation relation;
  const char* keyword;  // "unhackable_with"
  /// Compares two rewards (or losses) over data rather than a loss with a
  /// goal; such a claim takes `over D` and no `as` reading.
  bool between_rewards;
};

/// Every relation a claim can state.
const std::vector<RelationWord>& RelationWords();

/// The row of `keyword`, or null.
const RelationWord* FindRelationWord(std::string_view keyword);

/// The keyword of `relation`.
const char* RelationName(ast::ClaimDecl::Relation relation);

struct ExpectWord {
  ast::ClaimDecl::Expect expect;
  const char* word;  // "holds", "fails", "supported", "refuted", "mixed"
};

/// Every verdict a claim can expect.
const std::vector<ExpectWord>& ExpectWords();

/// The expectation `word` names (kNone when none).
ast::ClaimDecl::Expect ExpectFromWord(std::string_view word);

/// The word of `expect`; "" for kNone.
const char* ExpectName(ast::ClaimDecl::Expect expect);

}  // namespace aligncheck

#endif  // ALIGNCHECK_PARSE_READING_WORDS_H_

// The readings' keywords and help lines.
#include "parse/reading_words.h"

namespace aligncheck {

const std::vector<ReadingWord>& ReadingWords() {
  using R = ast::ClaimDecl::Reading;
  static const std::vector<ReadingWord> kWords = {
      {R::kIdealized, "idealized_minimizer",
       "add `as idealized_minimizer over DATA`: every minimizer of the loss "
       "on DATA meets the goal"},
      {R::kPhysical, "physical_only",
       "add `as physical_only via MODEL below T`: every behaviour whose "
       "register reads below T meets the goal"},
      {R::kTrained, "trained_outcome",
       "add `as trained_outcome under TRAINING`: the policies that TRAINING "
       "produces meet the goal"},
  };
  return kWords;
}

const ReadingWord* FindReadingWord(std::string_view keyword) {
  for (const ReadingWord& w : ReadingWords()) {
    if (keyword == w.keyword) return &w;
  }
  return nullptr;
}

}  // namespace aligncheck

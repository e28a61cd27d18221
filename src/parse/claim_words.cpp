// The readings' keywords and help lines; the expectations' words.
#include "parse/claim_words.h"

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

const std::vector<RelationWord>& RelationWords() {
  using R = ast::ClaimDecl::Relation;
  static const std::vector<RelationWord> kWords = {
      {R::kAlignedWith, "aligned_with", false},
      {R::kRepresents, "represents", false},
      {R::kEncodes, "encodes", false},
      {R::kAchieves, "achieves", false},
      {R::kUnhackableWith, "unhackable_with", true},
      {R::kSimplifies, "simplifies", true},
      {R::kPotentialShapingOf, "potential_shaping_of", true},
      {R::kEpicDistanceTo, "epic_distance_to", true},
  };
  return kWords;
}

const RelationWord* FindRelationWord(std::string_view keyword) {
  for (const RelationWord& w : RelationWords()) {
    if (keyword == w.keyword) return &w;
  }
  return nullptr;
}

const char* RelationName(ast::ClaimDecl::Relation relation) {
  for (const RelationWord& w : RelationWords()) {
    if (relation == w.relation) return w.keyword;
  }
  return "";
}

const std::vector<ExpectWord>& ExpectWords() {
  using E = ast::ClaimDecl::Expect;
  static const std::vector<ExpectWord> kWords = {
      {E::kHolds, "holds"},         {E::kFails, "fails"},
      {E::kSupported, "supported"}, {E::kRefuted, "refuted"},
      {E::kMixed, "mixed"},
  };
  return kWords;
}

ast::ClaimDecl::Expect ExpectFromWord(std::string_view word) {
  for (const ExpectWord& w : ExpectWords()) {
    if (word == w.word) return w.expect;
  }
  return ast::ClaimDecl::Expect::kNone;
}

const char* ExpectName(ast::ClaimDecl::Expect expect) {
  for (const ExpectWord& w : ExpectWords()) {
    if (expect == w.expect) return w.word;
  }
  return "";
}

}  // namespace aligncheck

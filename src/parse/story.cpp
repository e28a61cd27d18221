// Instantiates the story grammar (story_def.hpp) for the one context.
#include "parse/story_def.hpp"

namespace aligncheck::parse {

BOOST_SPIRIT_INSTANTIATE(story_decl_type, iterator_type, context_type)

}  // namespace aligncheck::parse

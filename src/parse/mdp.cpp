// Instantiates the mdp grammar (mdp_def.hpp) for the one context.
#include "parse/mdp_def.hpp"

namespace aligncheck::parse {

BOOST_SPIRIT_INSTANTIATE(mdp_decl_type, iterator_type, context_type)

}  // namespace aligncheck::parse

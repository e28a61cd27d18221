// Instantiates the declaration grammar (decl_def.hpp) for the one context.
#include "parse/decl_def.hpp"

namespace aligncheck::parse {

BOOST_SPIRIT_INSTANTIATE(domain_decl_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(fn_decl_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(loss_decl_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(data_decl_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(goal_decl_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(physical_decl_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(training_decl_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(agent_decl_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(claim_decl_type, iterator_type, context_type)

}  // namespace aligncheck::parse

// Instantiates the expression grammar (expr_def.hpp) for the one context.
#include "parse/expr_def.hpp"

namespace aligncheck::parse {

BOOST_SPIRIT_INSTANTIATE(formula_type, iterator_type, context_type)

}  // namespace aligncheck::parse

// Where --dump-smt2 writes a query: one rule for every engine, so that the
// files of equal claim names in different specs (checked in parallel)
// never collide.
#ifndef ALIGNCHECK_SOLVE_DUMP_PATH_H_
#define ALIGNCHECK_SOLVE_DUMP_PATH_H_

#include <string>

#include "analysis/model.h"
#include "solve/engine_options.h"

namespace aligncheck {

/// DIR/<spec path without extension, every character but letters, digits,
/// - and _ as _>.<name>.smt2, e.g. "specs_coin.table_training-class.smt2";
/// when the path held a character other than '/' that is not kept as it
/// was ('_' included), "-" and a hash of the path follow it, e.g.
/// "my_spec-1a2b3c4d.c-1.smt2", so that no two paths share a name.
/// Creates DIR. "" when options.dump_smt2_dir is empty (no dump asked for).
std::string DumpQueryPath(const Model& model, const EngineOptions& options,
                          const std::string& name);

}  // namespace aligncheck

#endif  // ALIGNCHECK_SOLVE_DUMP_PATH_H_

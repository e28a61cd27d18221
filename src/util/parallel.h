// A minimal fork-join loop: files and claims are checked on several threads
// while results keep their fixed order (each task writes its own slot).
#ifndef ALIGNCHECK_UTIL_PARALLEL_H_
#define ALIGNCHECK_UTIL_PARALLEL_H_

#include <cstddef>
#include <functional>

namespace aligncheck {

/// The default for -j: the number of hardware threads, at least 1.
unsigned DefaultJobs();

/// Runs fn(i) for every i in [0, n) on up to `jobs` threads (the calling
/// thread included) and returns when all are done. An exception thrown by
/// fn is rethrown here after every thread has joined (the lowest index's,
/// so the outcome does not depend on scheduling).
void ParallelFor(size_t n, unsigned jobs,
                 const std::function<void(size_t)>& fn);

}  // namespace aligncheck

#endif  // ALIGNCHECK_UTIL_PARALLEL_H_

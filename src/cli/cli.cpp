// Command-line front end (being written).
#include "cli/cli.h"

namespace aligncheck {

int RunCli(int, char**, std::ostream& out, std::ostream&) {
  out << "aligncheck " ALIGNCHECK_VERSION "\n";
  return kExitInternal;
}

}  // namespace aligncheck

// "did you mean" for a misspelt subcommand or option on the command line.
#ifndef ALIGNCHECK_CLI_DID_YOU_MEAN_H_
#define ALIGNCHECK_CLI_DID_YOU_MEAN_H_

#include <CLI/CLI.hpp>
#include <string>

namespace aligncheck {

/// After `app` rejected `argv`: a line suggesting the subcommand or option
/// the user most likely meant, or "" when nothing is close.
std::string SuggestCommandLine(const CLI::App& app, int argc,
                               const char* const* argv);

}  // namespace aligncheck

#endif  // ALIGNCHECK_CLI_DID_YOU_MEAN_H_

// The aligncheck executable: a thin shell around RunCli.
#include <iostream>

#include "cli/cli.h"

int main(int argc, char** argv) {
  return aligncheck::RunCli(argc, argv, std::cout, std::cerr);
}

#include "solve/dump_path.h"

#include <fmt/format.h>

#include <cctype>
#include <filesystem>

namespace aligncheck {
namespace {

uint32_t Fnv1a32(const std::string& bytes) {
  uint32_t h = 2166136261u;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 16777619u;
  }
  return h;
}

}  // namespace

std::string DumpQueryPath(const Model& model, const EngineOptions& options,
                          const std::string& name) {
  if (options.dump_smt2_dir.empty()) return "";
  std::error_code ec;
  std::filesystem::create_directories(options.dump_smt2_dir, ec);
  std::string prefix;
  if (model.file) {
    std::string stem =
        std::filesystem::path(model.file->name()).replace_extension().string();
    // '/' alone becomes '_' and can be read back; any other character
    // replaced ('_' itself included) makes the name ambiguous ("a_b/x" and
    // "a/b_x"), so a hash of the whole stem then keeps names apart.
    bool ambiguous = false;
    for (char c : stem) {
      bool kept =
          std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
      prefix += kept ? c : '_';
      if (c == '_' || (!kept && c != '/')) ambiguous = true;
    }
    if (ambiguous) prefix += fmt::format("-{:08x}", Fnv1a32(stem));
    prefix += '.';
  }
  return (std::filesystem::path(options.dump_smt2_dir) /
          (prefix + name + ".smt2"))
      .string();
}

}  // namespace aligncheck

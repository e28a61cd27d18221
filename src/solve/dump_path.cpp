#include "solve/dump_path.h"

#include <cctype>
#include <filesystem>

namespace aligncheck {

std::string DumpQueryPath(const Model& model, const EngineOptions& options,
                          const std::string& name) {
  if (options.dump_smt2_dir.empty()) return "";
  std::error_code ec;
  std::filesystem::create_directories(options.dump_smt2_dir, ec);
  std::string prefix;
  if (model.file) {
    std::string stem =
        std::filesystem::path(model.file->name()).replace_extension().string();
    for (char c : stem) {
      prefix +=
          std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_'
              ? c
              : '_';
    }
    prefix += '.';
  }
  return (std::filesystem::path(options.dump_smt2_dir) /
          (prefix + name + ".smt2"))
      .string();
}

}  // namespace aligncheck

// Solver limits and the one mapping of Z3's "unknown" to a reason.
#include "solve/solver_budget.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <fstream>

namespace aligncheck {
namespace {

// How often the watcher looks at Z3's memory: often enough that a query
// cannot allocate much past the limit in between, rarely enough to cost
// nothing measurable.
constexpr std::chrono::milliseconds kWatchInterval(10);

bool Contains(const std::string& text, const char* part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

std::string MemoryLimitReason(const EngineOptions& options) {
  return fmt::format("solver memory limit reached ({} MB, --max-memory)",
                     options.max_memory_mb);
}

std::string WriteQuery(z3::solver& s, const std::string& path,
                       const std::string& header) {
  std::string text;
  size_t start = 0;
  while (start < header.size()) {
    size_t end = header.find('\n', start);
    if (end == std::string::npos) end = header.size();
    text += "; " + header.substr(start, end - start) + "\n";
    start = end + 1;
  }
  // Z3 4.8.12 ends the text with (check-sat); the check keeps it so.
  text += s.to_smt2();
  if (text.find("(check-sat)") == std::string::npos) text += "(check-sat)\n";
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  file << text;
  file.close();
  if (!file) return "cannot write solver query to '" + path + "'";
  return "";
}

SolverBudget::SolverBudget(z3::context& ctx, const EngineOptions& options)
    : ctx_(ctx), options_(options) {
  if (options.max_memory_mb > 0) watcher_ = std::thread([this] { Watch(); });
}

SolverBudget::~SolverBudget() {
  if (!watcher_.joinable()) return;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stop_ = true;
  }
  stop_signal_.notify_one();
  watcher_.join();
}

void SolverBudget::Watch() {
  const uint64_t limit = options_.max_memory_mb << 20;
  std::unique_lock<std::mutex> lock(mutex_);
  while (
      !stop_signal_.wait_for(lock, kWatchInterval, [this] { return stop_; })) {
    if (Z3_get_estimated_alloc_size() > limit) {
      memory_exceeded_ = true;
      ctx_.interrupt();
    }
  }
}

void SolverBudget::Configure(z3::solver& s) const {
  z3::params p(ctx_);
  // The solver's own random_seed is smt.random_seed of its SMT kernel (the
  // prefixed name is rejected as a solver parameter in Z3 4.8.12).
  p.set("random_seed", options_.seed);
  if (options_.rlimit > 0) {
    p.set("rlimit", static_cast<unsigned>(
                        std::min<uint64_t>(options_.rlimit, 0xffffffffu)));
  }
  if (options_.timeout_ms > 0) p.set("timeout", options_.timeout_ms);
  s.set(p);
}

z3::check_result SolverBudget::Check(z3::solver& s) {
  auto start = std::chrono::steady_clock::now();
  z3::check_result result = s.check();
  last_check_ms_ = static_cast<uint64_t>(
      std::chrono::duration_cast<std::chrono::milliseconds>(
          std::chrono::steady_clock::now() - start)
          .count());
  return result;
}

std::string SolverBudget::UnknownReason(const std::string& z3_reason) const {
  // An interrupt from the watcher reads as "canceled", as a timeout does.
  if (memory_exceeded_ || Contains(z3_reason, "memory") ||
      Contains(z3_reason, "memout")) {
    return MemoryLimitReason(options_);
  }
  bool canceled = Contains(z3_reason, "canceled");
  bool timed_out =
      options_.timeout_ms > 0 && last_check_ms_ >= options_.timeout_ms;
  if (Contains(z3_reason, "timeout") || (canceled && timed_out)) {
    return fmt::format("solver timeout ({} ms)", options_.timeout_ms);
  }
  if (Contains(z3_reason, "resource") || Contains(z3_reason, "rlimit") ||
      (canceled && options_.rlimit > 0)) {
    return fmt::format("solver resource limit reached (rlimit {})",
                       options_.rlimit);
  }
  return "solver returned unknown: " + z3_reason;
}

std::string SolverBudget::ErrorReason(const z3::exception& e) const {
  std::string message = e.msg();
  if (memory_exceeded_ || Contains(message, "memory")) {
    return MemoryLimitReason(options_);
  }
  if (Contains(message, "canceled")) return UnknownReason(message);
  return "solver error: " + message;
}

}  // namespace aligncheck

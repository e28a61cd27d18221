// Progress lines on stderr, drawn in place with a carriage return.
#include "util/progress.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>
#include <mutex>

namespace aligncheck {
namespace {

// Claims are checked on several threads: one line at a time.
std::mutex& StderrMutex() {
  static std::mutex m;
  return m;
}

}  // namespace

std::string ProgressText(const std::string& label, uint64_t done,
                         uint64_t total, double seconds) {
  unsigned percent =
      total == 0 ? 100u : static_cast<unsigned>(done * 100 / total);
  return fmt::format("{}: {}/{} ({}%), {:.1f} s", label, done, total, percent,
                     seconds);
}

Progress::Progress(std::string label, uint64_t total)
    : label_(std::move(label)),
      total_(total),
      enabled_(isatty(STDERR_FILENO) != 0),
      start_(Clock::now()),
      last_(start_) {}

Progress::~Progress() {
  if (!drawn_) return;
  std::lock_guard<std::mutex> lock(StderrMutex());
  std::fputs("\r\033[K", stderr);
  std::fflush(stderr);
}

void Progress::Update(uint64_t done) {
  if (!enabled_) return;
  Clock::time_point now = Clock::now();
  if (now - start_ < kDelay) return;
  if (drawn_ && now - last_ < std::chrono::milliseconds(200)) return;
  last_ = now;
  drawn_ = true;
  double seconds = std::chrono::duration<double>(now - start_).count();
  std::string line = ProgressText(label_, done, total_, seconds);
  std::lock_guard<std::mutex> lock(StderrMutex());
  std::fputs(("\r\033[K" + line).c_str(), stderr);
  std::fflush(stderr);
}

}  // namespace aligncheck

// Progress lines on stderr for long checks. Shown only when stderr is a
// terminal and only once a check has run for more than 2 s, so piped
// output, CI logs and golden tests never see them.
#ifndef ALIGNCHECK_UTIL_PROGRESS_H_
#define ALIGNCHECK_UTIL_PROGRESS_H_

#include <chrono>
#include <cstdint>
#include <string>

namespace aligncheck {

class Progress {
 public:
  /// `label` names the work, e.g. "training q_run"; `total` counts its
  /// steps. Whether anything is shown is decided once, here (isatty).
  Progress(std::string label, uint64_t total);
  /// Clears the progress line if one was drawn.
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  /// Reports that `done` of the total steps are finished; draws at most
  /// five times a second, and only after the first 2 s.
  void Update(uint64_t done);

  /// Whether a line would be drawn at all (stderr is a terminal).
  bool enabled() const { return enabled_; }

  /// The delay before anything is drawn.
  static constexpr std::chrono::milliseconds kDelay{2000};

 private:
  using Clock = std::chrono::steady_clock;
  std::string label_;
  uint64_t total_;
  bool enabled_;
  bool drawn_ = false;
  Clock::time_point start_;
  Clock::time_point last_;
};

/// Returns the progress text for `done` of `total` steps after `seconds`,
/// e.g. "training q_run: 3/20 (15%), 4.2 s". Exposed for tests.
std::string ProgressText(const std::string& label, uint64_t done,
                         uint64_t total, double seconds);

}  // namespace aligncheck

#endif  // ALIGNCHECK_UTIL_PROGRESS_H_

// Toy learners for trained_outcome claims: softmax policies trained by
// exact-gradient descent on the expected loss.
//
// The policy is p(y | x) = softmax_y s(x, y). softmax_table has one score
// parameter per (x, y); linear scores s(x, y) = sum_k theta[y][k] f_k(x)
// over declared features, so inputs share parameters and an ungraded input
// gets whatever the shared parameters say. Full-batch gradient descent on
// J = sum_x d(x) sum_y p(y | x) l(x, y), with
//   dJ / ds(x, y) = d(x) p(y | x) (l(x, y) - sum_y' p(y' | x) l(x, y')).
//
// Floating point, deterministic: IEEE doubles, every sum taken in index
// order (x, then y, then k), softmax with the row maximum subtracted, the
// random initialization drawn from splitmix64(seed) by Box-Muller, one
// standard normal per parameter in parameter order. Nothing depends on the
// standard library's distributions or on threads.
#ifndef ALIGNCHECK_TRAIN_LEARNER_H_
#define ALIGNCHECK_TRAIN_LEARNER_H_

#include <cstddef>
#include <cstdint>
#include <vector>

namespace aligncheck {

/// A training problem in floating point, converted from the exact model.
struct LearningProblem {
  size_t inputs = 0;
  size_t outputs = 0;
  std::vector<double> weight;   // d(x) = w(x) / W
  std::vector<double> loss;     // l(x, y) at x * outputs + y
  size_t features = 0;          // K, linear learner only
  std::vector<double> feature;  // f_k(x) at x * features + k
};

struct LearnerSetup {
  enum class Kind { kSoftmaxTable, kLinear };
  Kind kind = Kind::kSoftmaxTable;
  bool random_init = true;  // false: all parameters start at 0
  double lr = 0.1;
  int64_t steps = 1;
};

/// Returns the number of parameters: inputs * outputs, or outputs * features.
size_t ParamCount(const LearningProblem& p, const LearnerSetup& s);

/// Returns the initial parameters for `seed`.
std::vector<double> InitialParams(const LearningProblem& p,
                                  const LearnerSetup& s, uint64_t seed);

/// Returns the scores s(x, y) at x * outputs + y.
std::vector<double> Scores(const LearningProblem& p, const LearnerSetup& s,
                           const std::vector<double>& params);

/// Returns the softmax probabilities of `scores`, row by row.
std::vector<double> Softmax(const LearningProblem& p,
                            const std::vector<double>& scores);

/// Returns the expected loss J of the softmax policy of `scores`.
double SoftmaxLoss(const LearningProblem& p, const std::vector<double>& scores);

/// Returns dJ / dparams at `params`.
std::vector<double> Gradient(const LearningProblem& p, const LearnerSetup& s,
                             const std::vector<double>& params);

/// Runs `s.steps` steps of params -= lr * gradient from the seed's init;
/// returns the final parameters.
std::vector<double> Train(const LearningProblem& p, const LearnerSetup& s,
                          uint64_t seed);

/// Scores within this relative distance of a row's best are tied: float
/// noise must not decide which output the learned model "prefers".
inline constexpr double kTieTolerance = 1e-9;

/// Returns, per input, the outputs whose score is within kTieTolerance *
/// max(1, |best|) of the best, in increasing order.
std::vector<std::vector<uint32_t>> ArgmaxWithTies(
    const LearningProblem& p, const std::vector<double>& scores);

}  // namespace aligncheck

#endif  // ALIGNCHECK_TRAIN_LEARNER_H_

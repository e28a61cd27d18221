// The register as the implemented code computes it: the register's loss
// re-evaluated under the model's `implemented` overrides and a behaviour's
// channels, in exact rationals or in declared machine arithmetic.
//
// Semantics (also in README "Physical loss and agents"):
//  - Overrides apply in order: every `implemented` statement, then the used
//    channels in declaration order; for one target the last one wins.
//  - An override's value is evaluated with the declared fns and losses
//    (what the tamperer writes does not see other tampering), under the
//    same arithmetic as the declared code (machine: every step wraps).
//  - `register := v` makes the reading v. Otherwise the computation grades,
//    at each input x, the output sensor(x) if a sensor override is active,
//    else pi(x), with the register's loss, whose code reads tampered fns
//    (labels) and losses.
//  - Exact: reading = sum_x w(x)/total * term(x). Machine (W bits): every
//    constant, + - * and count/sum step wraps to W bits, comparisons read
//    the wrapped value (signed or unsigned), and the reading is the wrapped
//    sum of w(x) * term(x) with raw integer weights.
#ifndef ALIGNCHECK_READINGS_PHYSICAL_REGISTER_EVAL_H_
#define ALIGNCHECK_READINGS_PHYSICAL_REGISTER_EVAL_H_

#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "analysis/model.h"
#include "readings/physical/physical_evidence.h"

namespace aligncheck {

/// Returns v reduced to the values of a W-bit register: 0..2^W-1, or
/// -2^(W-1)..2^(W-1)-1 (two's complement) when `is_signed`.
BigInt WrapBits(const BigInt& v, int bits, bool is_signed);

/// The register computation of one physical model under one set of used
/// channels. Construct, then call Build() once.
class RegisterComputation {
 public:
  /// `channels`: indices into physical.channels, ascending.
  RegisterComputation(const Model& model, const PhysicalModel& physical,
                      std::vector<int> channels);

  /// Evaluates the per-input terms for every output. Returns false on an
  /// evaluation error (division by zero, a fraction in machine arithmetic);
  /// error() says where.
  bool Build();
  const std::string& error() const { return error_; }

  bool machine() const { return physical_.machine_bits > 0; }
  const PhysicalModel& physical() const { return physical_; }
  /// Whether a channel or an `implemented` statement writes the register,
  /// and which channel (-1 for `implemented`).
  bool overwritten() const { return overwritten_; }
  int overwritten_by() const { return overwrite_channel_; }
  const Rational& overwrite_value() const { return overwrite_value_; }
  /// The output graded at input x for a policy choosing y there.
  uint32_t Observed(size_t x, uint32_t y) const {
    return sensor_[x] >= 0 ? static_cast<uint32_t>(sensor_[x]) : y;
  }
  /// The term the implemented loss computes at (x, observed output y).
  const Rational& Term(size_t x, uint32_t y) const {
    return terms_[x * outputs_ + y];
  }
  /// The per-input contribution to the sum when the policy picks y at x:
  /// w(x)/total * term (exact) or w(x) * term (machine).
  Rational Contribution(size_t x, uint32_t y) const;
  /// Finishes a sum of contributions into a reading (wraps in machine
  /// arithmetic; the overwrite value when the register is overwritten).
  Rational Finish(const Rational& sum) const;

  /// The full reading of `policy`, with per-input detail.
  RegisterReading Read(const Policy& policy) const;

 private:
  struct Active {
    const Channel* channel;
    int index;  // channel index, or -1 for `implemented`
  };
  std::optional<Value> Eval(const RExpr& e, std::vector<Value>& env);
  std::optional<Value> Binary(const RExpr& e, std::vector<Value>& env);
  std::optional<Rational> Entry(int loss, uint32_t x, uint32_t y);
  std::optional<Value> Written(const Channel& c, std::vector<Value> args);
  Rational Number(Rational q) const;
  bool Fail(std::string message);
  const Channel* Last(Channel::Target kind, int index) const;

  const Model& model_;
  const PhysicalModel& physical_;
  std::vector<Active> active_;
  std::string error_;
  size_t inputs_ = 0;
  size_t outputs_ = 0;
  std::vector<Rational> terms_;
  std::vector<int64_t> sensor_;
  bool overwritten_ = false;
  int overwrite_channel_ = -1;
  Rational overwrite_value_;
  /// Set while an override's value is evaluated: it reads the declared fns
  /// and losses, so no override applies inside it.
  bool declared_only_ = false;
  std::map<std::tuple<bool, int, size_t>, Rational> memo_;
};

}  // namespace aligncheck

#endif  // ALIGNCHECK_READINGS_PHYSICAL_REGISTER_EVAL_H_

// Dense tables of scaled int64 numerators with an exact side table.
#include "util/dense_table.h"

#include "util/small_decimal.h"

namespace aligncheck {
namespace {

// The common literal ("3.7", "-0.25", "2e1") as digits / 10^places with at
// most 18 significant digits and 0 <= places <= kMaxScale. Accepts only
// what ParseDecimal accepts (same syntax); returns false to defer to it.
bool ParseScaled(std::string_view text, int64_t* numerator, int* places) {
  SmallDecimal d;
  if (!ScanSmallDecimal(text, &d)) return false;
  int64_t digits = d.digits;
  int scale = -d.exponent10;
  if (scale < 0) {
    if (d.significant - scale > 18) return false;
    digits *= kPowersOfTen[-scale];
    scale = 0;
  }
  if (scale > DenseTable::kMaxScale) return false;
  *numerator = digits;
  *places = scale;
  return true;
}

}  // namespace

void DenseTable::assign(size_t size, const Rational& value) {
  num_.assign(size, 0);
  big_.clear();
  scale_ = 0;
  if (value == 0) return;
  for (size_t i = 0; i < size; ++i) Set(i, value);
}

Rational DenseTable::Get(size_t i) const {
  if (IsBig(i)) return big_.at(i);
  Rational q;
  mpq_set_si(q.get_mpq_t(), static_cast<long>(num_[i]),
             static_cast<unsigned long>(kPowersOfTen[scale_]));
  q.canonicalize();
  return q;
}

double DenseTable::GetDouble(size_t i) const { return Get(i).get_d(); }

void DenseTable::Set(size_t i, const Rational& value) {
  // value = p / q with q = 2^a 5^b is p * 2^(k-a) 5^(k-b) / 10^k, k = max.
  const mpz_class& den = value.get_den();
  mpz_class rest = den;
  mp_bitcnt_t twos = mpz_scan1(rest.get_mpz_t(), 0);
  mpz_fdiv_q_2exp(rest.get_mpz_t(), rest.get_mpz_t(), twos);
  mpz_class five(5);
  mp_bitcnt_t fives =
      mpz_remove(rest.get_mpz_t(), rest.get_mpz_t(), five.get_mpz_t());
  mp_bitcnt_t places = twos > fives ? twos : fives;
  if (rest != 1 || places > static_cast<mp_bitcnt_t>(kMaxScale)) {
    StoreBig(i, value);
    return;
  }
  mpz_class scaled = value.get_num() * kPowersOfTen[places];
  mpz_divexact(scaled.get_mpz_t(), scaled.get_mpz_t(), den.get_mpz_t());
  if (!scaled.fits_slong_p() || scaled.get_si() == kBig) {
    StoreBig(i, value);
    return;
  }
  StoreScaled(i, scaled.get_si(), static_cast<int>(places));
}

bool DenseTable::SetDecimal(size_t i, std::string_view text) {
  int64_t numerator = 0;
  int places = 0;
  if (ParseScaled(text, &numerator, &places)) {
    StoreScaled(i, numerator, places);
    return true;
  }
  Rational q;
  if (!ParseDecimalTo(text, q)) return false;
  Set(i, q);
  return true;
}

void DenseTable::StoreScaled(size_t i, int64_t numerator, int scale) {
  if (scale > scale_) Rescale(scale);
  int64_t scaled = 0;
  if (__builtin_mul_overflow(numerator, kPowersOfTen[scale_ - scale], &scaled) ||
      scaled == kBig) {
    Rational q;
    mpq_set_si(q.get_mpq_t(), static_cast<long>(numerator),
               static_cast<unsigned long>(kPowersOfTen[scale]));
    q.canonicalize();
    StoreBig(i, q);
    return;
  }
  if (IsBig(i)) big_.erase(i);
  num_[i] = scaled;
}

void DenseTable::StoreBig(size_t i, const Rational& value) {
  num_[i] = kBig;
  big_[i] = value;
}

void DenseTable::Rescale(int scale) {
  const int64_t factor = kPowersOfTen[scale - scale_];
  for (size_t i = 0; i < num_.size(); ++i) {
    if (IsBig(i)) continue;
    int64_t scaled = 0;
    if (__builtin_mul_overflow(num_[i], factor, &scaled) || scaled == kBig) {
      big_[i] = Get(i);  // still at the old scale
      num_[i] = kBig;
      continue;
    }
    num_[i] = scaled;
  }
  scale_ = scale;
}

int DenseTable::CompareBig(size_t i, size_t j) const {
  const int c = mpq_cmp(Get(i).get_mpq_t(), Get(j).get_mpq_t());
  return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

int DenseTable::Compare(size_t i, const Rational& v) const {
  mpz_srcptr vn = mpq_numref(v.get_mpq_t());
  mpz_srcptr vd = mpq_denref(v.get_mpq_t());
  if (!IsBig(i) && mpz_fits_slong_p(vn) && mpz_fits_slong_p(vd)) {
    // num / 10^s ? p / q  iff  num * q ? p * 10^s (q > 0), when neither
    // product overflows.
    int64_t left = 0, right = 0;
    if (!__builtin_mul_overflow(num_[i], mpz_get_si(vd), &left) &&
        !__builtin_mul_overflow(mpz_get_si(vn), kPowersOfTen[scale_], &right)) {
      return left < right ? -1 : (left > right ? 1 : 0);
    }
  }
  const int c = mpq_cmp(Get(i).get_mpq_t(), v.get_mpq_t());
  return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

size_t DenseTable::ArgminBig(size_t begin, size_t end) const {
  size_t arg = begin;
  for (size_t i = begin + 1; i < end; ++i) {
    if (Compare(i, arg) < 0) arg = i;
  }
  return arg;
}

void DenseTable::RowExtremes(size_t width, std::vector<uint32_t>* lo,
                             std::vector<uint32_t>* hi) const {
  const size_t rows = size() / width;
  lo->assign(rows, 0);
  hi->assign(rows, 0);
  for (size_t x = 0; x < rows; ++x) {
    const size_t row = x * width;
    size_t l = row, h = row;
    if (big_.empty()) {
      for (size_t i = row + 1; i < row + width; ++i) {
        if (num_[i] < num_[l]) l = i;
        if (num_[h] < num_[i]) h = i;
      }
    } else {
      for (size_t i = row + 1; i < row + width; ++i) {
        if (Compare(i, l) < 0) l = i;
        if (Compare(h, i) < 0) h = i;
      }
    }
    (*lo)[x] = static_cast<uint32_t>(l - row);
    (*hi)[x] = static_cast<uint32_t>(h - row);
  }
}

void DenseTable::Negate() {
  for (int64_t& v : num_) {
    if (v != kBig) v = -v;
  }
  for (auto& [i, v] : big_) v = -v;
}

bool DenseTable::operator==(const DenseTable& other) const {
  if (size() != other.size()) return false;
  if (scale_ == other.scale_ && big_.empty() && other.big_.empty()) {
    return num_ == other.num_;
  }
  for (size_t i = 0; i < size(); ++i) {
    if (Get(i) != other.Get(i)) return false;
  }
  return true;
}

}  // namespace aligncheck

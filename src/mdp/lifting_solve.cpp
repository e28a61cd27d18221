// Dixon's p-adic lifting with an exact final check.
#include "mdp/lifting_solve.h"

#include <cmath>
#include <cstdlib>
#include <algorithm>
#include <cstdint>
#include <functional>
#include <queue>
#include <utility>

namespace aligncheck {

namespace {

using u64 = uint64_t;

constexpr int64_t kFlush = int64_t{1} << 62;

u64 PowMod(u64 a, u64 e, u64 p) {
  u64 r = 1;
  for (a %= p; e > 0; e >>= 1, a = a * a % p) {
    if (e & 1) r = r * a % p;
  }
  return r;
}

// A = I - W scaled row by row to integers; b = c scaled alike.
struct IntegerSystem {
  std::vector<uint32_t> begin;
  std::vector<uint32_t> col;
  std::vector<int64_t> coef;
  std::vector<BigInt> rhs;
};

bool Scale(const LinearSystem& sys, IntegerSystem* out) {
  const size_t n = sys.size();
  out->begin.assign(1, 0);
  out->rhs.resize(n);
  BigInt lcm, v;
  std::vector<std::pair<uint32_t, Rational>> row;
  for (size_t i = 0; i < n; ++i) {
    row.clear();
    row.push_back({static_cast<uint32_t>(i), Rational(1)});
    for (uint32_t k = sys.begin[i]; k < sys.begin[i + 1]; ++k) {
      if (sys.var[k] == i) {
        row[0].second -= sys.weight[k];
      } else {
        row.push_back({sys.var[k], -sys.weight[k]});
      }
    }
    lcm = sys.constant[i].get_den();
    for (const auto& [j, w] : row) {
      mpz_lcm(lcm.get_mpz_t(), lcm.get_mpz_t(), w.get_den_mpz_t());
    }
    for (const auto& [j, w] : row) {
      v = lcm / w.get_den() * w.get_num();
      if (!mpz_fits_sint_p(v.get_mpz_t())) return false;
      out->col.push_back(j);
      out->coef.push_back(v.get_si());
    }
    out->rhs[i] = lcm / sys.constant[i].get_den() * sys.constant[i].get_num();
    out->begin.push_back(static_cast<uint32_t>(out->col.size()));
  }
  return true;
}

// A minimum-degree elimination order of the symmetric pattern of `a`
// (greedy, on the exact elimination graph kept as bit sets), for systems
// whose natural order fills in: random successor graphs. Only for n up to
// kMaxOrdered, where the bit sets stay small (n^2 / 8 bytes).
constexpr size_t kMaxOrdered = 4096;

std::vector<uint32_t> MinimumDegreeOrder(const IntegerSystem& a, size_t n) {
  const size_t words = (n + 63) / 64;
  std::vector<u64> adj(n * words, 0);
  auto set = [&](size_t i, size_t j) { adj[i * words + j / 64] |= u64{1} << (j % 64); };
  for (size_t i = 0; i < n; ++i) {
    for (uint32_t k = a.begin[i]; k < a.begin[i + 1]; ++k) {
      size_t j = a.col[k];
      if (j == i) continue;
      set(i, j);
      set(j, i);
    }
  }
  std::vector<bool> done(n, false);
  std::vector<uint32_t> degree(n);
  auto count = [&](size_t i) {
    uint32_t d = 0;
    for (size_t w = 0; w < words; ++w) d += __builtin_popcountll(adj[i * words + w]);
    return d;
  };
  for (size_t i = 0; i < n; ++i) degree[i] = count(i);
  std::vector<uint32_t> order;
  order.reserve(n);
  std::vector<uint32_t> nbrs;
  for (size_t step = 0; step < n; ++step) {
    size_t v = n;
    for (size_t i = 0; i < n; ++i) {
      if (!done[i] && (v == n || degree[i] < degree[v])) v = i;
    }
    done[v] = true;
    order.push_back(static_cast<uint32_t>(v));
    nbrs.clear();
    for (size_t w = 0; w < words; ++w) {
      for (u64 bits = adj[v * words + w]; bits != 0; bits &= bits - 1) {
        nbrs.push_back(static_cast<uint32_t>(w * 64 + __builtin_ctzll(bits)));
      }
    }
    // Eliminating v joins its neighbours into a clique and drops v.
    for (uint32_t u : nbrs) {
      u64* row = &adj[u * words];
      const u64* vrow = &adj[v * words];
      for (size_t w = 0; w < words; ++w) row[w] |= vrow[w];
      row[u / 64] &= ~(u64{1} << (u % 64));
      row[v / 64] &= ~(u64{1} << (v % 64));
      degree[u] = count(u);
    }
  }
  return order;
}

// Row and column i of the result are row and column order[i] of `a`.
IntegerSystem Permuted(const IntegerSystem& a, const std::vector<uint32_t>& order) {
  const size_t n = order.size();
  std::vector<uint32_t> where(n);
  for (size_t i = 0; i < n; ++i) where[order[i]] = static_cast<uint32_t>(i);
  IntegerSystem b;
  b.begin.assign(1, 0);
  b.rhs.resize(n);
  for (size_t i = 0; i < n; ++i) {
    uint32_t old = order[i];
    for (uint32_t k = a.begin[old]; k < a.begin[old + 1]; ++k) {
      b.col.push_back(where[a.col[k]]);
      b.coef.push_back(a.coef[k]);
    }
    b.rhs[i] = a.rhs[old];
    b.begin.push_back(static_cast<uint32_t>(b.col.size()));
  }
  return b;
}

// Sparse LU modulo p in the given order: row i = L_i combination of earlier
// normalized rows, then its own normalized upper part.
class ModularLu {
 public:
  bool Factor(const IntegerSystem& a, size_t n, u64 p, size_t max_fill) {
    p_ = p;
    lower_.assign(n, {});
    upper_.assign(n, {});
    pivot_inv_.assign(n, 0);
    std::vector<u64> acc(n, 0);
    std::vector<bool> touched(n, false);
    std::vector<uint32_t> list;
    std::priority_queue<uint32_t, std::vector<uint32_t>, std::greater<>> earlier;
    size_t fill = 0;
    for (uint32_t i = 0; i < n; ++i) {
      list.clear();
      auto touch = [&](uint32_t j) {
        if (touched[j]) return;
        touched[j] = true;
        list.push_back(j);
        if (j < i) earlier.push(j);
      };
      for (uint32_t k = a.begin[i]; k < a.begin[i + 1]; ++k) {
        uint32_t j = a.col[k];
        touch(j);
        int64_t c = a.coef[k] % static_cast<int64_t>(p);
        acc[j] = (acc[j] + static_cast<u64>(c < 0 ? c + static_cast<int64_t>(p) : c)) % p;
      }
      // Products are below 2^56: an entry is reduced only once it passes
      // 2^63, so it never wraps, and divisions are rare.
      constexpr u64 kReduceAt = u64{1} << 63;
      while (!earlier.empty()) {
        uint32_t j = earlier.top();
        earlier.pop();
        u64 f = acc[j] % p;
        acc[j] = 0;
        if (f == 0) continue;
        lower_[i].push_back({j, p - f});
        for (const auto& [l, neg_u] : upper_[j]) {
          touch(l);
          acc[l] += f * neg_u;
          if (acc[l] >= kReduceAt) acc[l] %= p;
        }
      }
      for (uint32_t l : list) acc[l] %= p;
      u64 pivot = acc[i];
      if (pivot == 0) return false;
      u64 inv = PowMod(pivot, p - 2, p);
      pivot_inv_[i] = inv;
      for (uint32_t l : list) {
        if (l > i && acc[l] != 0) upper_[i].push_back({l, p - acc[l] * inv % p});
        acc[l] = 0;
        touched[l] = false;
      }
      fill += upper_[i].size() + lower_[i].size();
      if (fill > max_fill) return false;
    }
    return true;
  }

  // Solves A x = r (mod p); r and x are residues. With p < 2^28 a product
  // is below 2^56, so 128 of them add up in 64 bits before a reduction.
  void Solve(std::vector<u64>& x) const {
    const size_t n = x.size();
    for (size_t i = 0; i < n; ++i) {
      x[i] = Reduce(x[i], lower_[i], x) * pivot_inv_[i] % p_;
    }
    for (size_t i = n; i-- > 0;) x[i] = Reduce(x[i], upper_[i], x);
  }

 private:
  // Returns y - sum f * x[j] (mod p) over `row`, holding p - f.
  u64 Reduce(u64 y, const std::vector<std::pair<uint32_t, u64>>& row,
             const std::vector<u64>& x) const {
    size_t since = 0;
    for (const auto& [j, f] : row) {
      y += f * x[j];
      if (++since == 128) {
        y %= p_;
        since = 0;
      }
    }
    return y % p_;
  }

  u64 p_ = 0;
  std::vector<std::vector<std::pair<uint32_t, u64>>> lower_, upper_;
  std::vector<u64> pivot_inv_;
};

// Finds n/d == u (mod m) with |n|, d <= bound, by the extended Euclidean
// algorithm stopped half way.
bool Reconstruct(const BigInt& u, const BigInt& m, const BigInt& bound,
                 BigInt* num, BigInt* den) {
  BigInt r0 = m, r1 = u, t0 = 0, t1 = 1, q, tmp;
  while (r1 > bound) {
    mpz_fdiv_qr(q.get_mpz_t(), tmp.get_mpz_t(), r0.get_mpz_t(), r1.get_mpz_t());
    r0.swap(r1);
    r1.swap(tmp);
    tmp = t0 - q * t1;
    t0.swap(t1);
    t1.swap(tmp);
  }
  if (t1 < 0) {
    t1 = -t1;
    r1 = -r1;
  }
  if (t1 == 0 || t1 > bound) return false;
  *num = r1;
  *den = t1;
  return true;
}

// The p-adic number with base-p digits lo..hi-1 of entry i (least
// significant first), split in halves so the multiplications stay balanced.
class DigitJoiner {
 public:
  DigitJoiner(const std::vector<std::vector<uint32_t>>& digits, u64 p)
      : digits_(digits), p_(p) {}

  BigInt Join(size_t i, size_t lo, size_t hi) {
    if (hi - lo <= 16) {
      BigInt v = 0;
      for (size_t t = hi; t-- > lo;) {
        v *= static_cast<unsigned long>(p_);
        v += static_cast<unsigned long>(digits_[t][i]);
      }
      return v;
    }
    size_t mid = lo + (hi - lo) / 2;
    BigInt high = Join(i, mid, hi);
    high *= Power(mid - lo);
    high += Join(i, lo, mid);
    return high;
  }

 private:
  const BigInt& Power(size_t e) {
    for (auto& [k, v] : powers_) {
      if (k == e) return v;
    }
    BigInt v;
    mpz_ui_pow_ui(v.get_mpz_t(), p_, e);
    powers_.push_back({e, std::move(v)});
    return powers_.back().second;
  }

  const std::vector<std::vector<uint32_t>>& digits_;
  u64 p_;
  std::vector<std::pair<size_t, BigInt>> powers_;  // few distinct lengths
};

bool Verify(const IntegerSystem& a, const SharedDenominator& x) {
  BigInt sum, want;
  for (size_t i = 0; i < a.rhs.size(); ++i) {
    sum = 0;
    for (uint32_t k = a.begin[i]; k < a.begin[i + 1]; ++k) {
      unsigned long c = static_cast<unsigned long>(std::llabs(a.coef[k]));
      if (a.coef[k] >= 0) {
        mpz_addmul_ui(sum.get_mpz_t(), x.numerator[a.col[k]].get_mpz_t(), c);
      } else {
        mpz_submul_ui(sum.get_mpz_t(), x.numerator[a.col[k]].get_mpz_t(), c);
      }
    }
    want = x.denominator * a.rhs[i];
    if (sum != want) return false;
  }
  return true;
}

// Recovers all entries over one shared denominator from the p-adic
// solution modulo m, or returns false when the digits do not suffice yet.
// Entries are read in order with the denominator found so far; an entry
// that does not fit is reconstructed and the denominator grows to the lcm
// (a system of many components has many distinct denominators, so this
// may happen often). Earlier numerators are scaled to the final
// denominator once at the end; Verify decides whether the result is right.
bool Recover(size_t n, const std::function<const BigInt&(size_t)>& padic,
             const BigInt& m, SharedDenominator* out) {
  BigInt half = m / 2, bound, num, den, v;
  mpz_sqrt(bound.get_mpz_t(), half.get_mpz_t());
  out->numerator.assign(n, BigInt(0));
  std::vector<BigInt> denominators(1, BigInt(1));  // increasing multiples
  std::vector<uint32_t> with(n, 0);  // the denominator entry i was read with
  for (size_t i = 0; i < n; ++i) {
    for (int attempt = 0;; ++attempt) {
      v = denominators.back() * padic(i);
      mpz_mod(v.get_mpz_t(), v.get_mpz_t(), m.get_mpz_t());
      if (v > half) v -= m;
      if (abs(v) <= bound) break;
      if (attempt > 0 || !Reconstruct(padic(i), m, bound, &num, &den)) {
        return false;
      }
      BigInt next;
      mpz_lcm(next.get_mpz_t(), denominators.back().get_mpz_t(),
              den.get_mpz_t());
      if (next > bound) return false;
      denominators.push_back(std::move(next));
    }
    out->numerator[i] = v;
    with[i] = static_cast<uint32_t>(denominators.size() - 1);
  }
  out->denominator = denominators.back();
  const uint32_t last = static_cast<uint32_t>(denominators.size() - 1);
  for (size_t i = 0; i < n; ++i) {
    if (with[i] == last) continue;
    mpz_divexact(v.get_mpz_t(), out->denominator.get_mpz_t(),
                 denominators[with[i]].get_mpz_t());
    out->numerator[i] *= v;
  }
  return true;
}

}  // namespace

bool SolveByLifting(const LinearSystem& sys, SharedDenominator* out) {
  const size_t n = sys.size();
  IntegerSystem a;
  if (n == 0 || !Scale(sys, &a)) return false;
  // Hadamard's bound on every Cramer determinant caps the digits needed.
  double log2_h = 0;
  for (size_t i = 0; i < n; ++i) {
    double norm = 0;
    for (uint32_t k = a.begin[i]; k < a.begin[i + 1]; ++k) {
      norm += static_cast<double>(a.coef[k]) * static_cast<double>(a.coef[k]);
    }
    double b_bits = static_cast<double>(mpz_sizeinbase(a.rhs[i].get_mpz_t(), 2));
    log2_h += 0.5 * std::log2(norm + 1) + b_bits + 1;
  }
  const u64 primes[] = {268435399ull, 268435367ull, 268435361ull};
  ModularLu lu;
  u64 p = 0;
  // The state order first (grids and chains are banded in it); when it
  // fills in past a few entries a row, a minimum-degree order.
  std::vector<uint32_t> order;
  if (n <= kMaxOrdered && !lu.Factor(a, n, primes[0], 16 * n + 100000)) {
    order = MinimumDegreeOrder(a, n);
    a = Permuted(a, order);
  }
  for (u64 candidate : primes) {
    if (lu.Factor(a, n, candidate, 64 * n + 1000000)) {
      p = candidate;
      break;
    }
  }
  if (p == 0) return false;
  const size_t max_digits =
      static_cast<size_t>((2 * log2_h + 2) / std::log2(static_cast<double>(p))) + 2;
  BigInt m = 1;
  std::vector<BigInt> r = a.rhs;
  std::vector<std::vector<uint32_t>> digits;
  std::vector<u64> x(n);
  std::vector<BigInt> padic(n);
  size_t next_try = 8;
  for (size_t k = 1; k <= max_digits + 1; ++k) {
    for (size_t i = 0; i < n; ++i) x[i] = mpz_fdiv_ui(r[i].get_mpz_t(), p);
    lu.Solve(x);
    digits.emplace_back(x.begin(), x.end());
    // r = (r - A x) / p, exactly.
    for (size_t i = 0; i < n; ++i) {
      // Each product is below 2^62 in magnitude; flush before the sum could
      // leave 64 bits.
      int64_t s = 0;
      for (uint32_t j = a.begin[i]; j < a.begin[i + 1]; ++j) {
        int64_t prod = a.coef[j] * static_cast<int64_t>(x[a.col[j]]);
        if (s > kFlush || s < -kFlush) {
          r[i] -= BigInt(static_cast<long>(s));
          s = 0;
        }
        s += prod;
      }
      r[i] -= BigInt(static_cast<long>(s));
      mpz_divexact_ui(r[i].get_mpz_t(), r[i].get_mpz_t(), p);
    }
    m *= static_cast<unsigned long>(p);
    if (k < next_try && k <= max_digits) continue;
    // Attempts grow by a quarter: at most a quarter of the digits is wasted,
    // and a failing attempt usually stops at its first entries.
    next_try = k + std::max<size_t>(8, k / 4);
    DigitJoiner joiner(digits, p);
    std::vector<bool> joined(n, false);
    auto entry = [&](size_t i) -> const BigInt& {
      if (!joined[i]) {
        padic[i] = joiner.Join(i, 0, digits.size());
        joined[i] = true;
      }
      return padic[i];
    };
    if (Recover(n, entry, m, out) && Verify(a, *out)) {
      if (!order.empty()) {  // back to the state order
        std::vector<BigInt> numerator(n);
        for (size_t i = 0; i < n; ++i) numerator[order[i]].swap(out->numerator[i]);
        out->numerator.swap(numerator);
      }
      return true;
    }
  }
  return false;
}

}  // namespace aligncheck

// Bit-vector search: one-hot outputs, a wrapped sum, count atoms.
#include "readings/physical/machine_search.h"

#include <fmt/format.h>
#include <z3++.h>

#include <algorithm>
#include <filesystem>

#include "analysis/eval.h"
#include "solve/solver_budget.h"

namespace aligncheck {
namespace {

MachineSearch Search(const Model& model, const Goal& goal,
                     const RegisterComputation& comp, const Rational& bound,
                     const std::vector<CountAtom>& atoms, z3::context& ctx,
                     SolverBudget& budget, const std::string& dump_path) {
  MachineSearch out;
  const PhysicalModel& m = comp.physical();
  const size_t n = model.domains[goal.input].size();
  const size_t k = model.domains[goal.output].size();
  const unsigned bits = static_cast<unsigned>(m.machine_bits);
  auto bv = [&](const Rational& q) {
    BigInt whole = q.get_num() / q.get_den();
    if (q < 0 && whole * q.get_den() != q.get_num()) whole -= 1;  // floor
    return z3::int2bv(bits, ctx.int_val(whole.get_str().c_str()));
  };
  z3::solver s(ctx);
  budget.Configure(s);
  std::vector<std::vector<z3::expr>> b(n);
  z3::expr reading = ctx.bv_val(0, bits);
  for (size_t x = 0; x < n; ++x) {
    z3::expr_vector one(ctx);
    z3::expr term = ctx.bv_val(0, bits);
    for (size_t y = 0; y < k; ++y) {
      std::string name = "b_" + std::to_string(x) + "_" + std::to_string(y);
      b[x].push_back(ctx.bool_const(name.c_str()));
      one.push_back(b[x][y]);
      term = z3::ite(b[x][y], bv(comp.Contribution(x, y)), term);
    }
    s.add(z3::mk_or(one));
    s.add(z3::atmost(one, 1));
    reading = reading + term;
  }
  if (comp.overwritten()) {
    if (comp.overwrite_value() > bound) {
      out.kind = MachineSearch::Kind::kNone;
      return out;
    }
  } else {
    s.add(m.machine_signed ? z3::sle(reading, bv(bound))
                           : z3::ule(reading, bv(bound)));
  }
  if (!atoms.empty()) {
    Policy scratch(n, 0);
    Evaluator ev(model, &scratch);
    std::vector<Value> env(static_cast<size_t>(goal.slot_count));
    z3::expr_vector violations(ctx);
    for (const CountAtom& atom : atoms) {
      z3::expr_vector sat(ctx);
      for (size_t x = 0; x < n; ++x) {
        z3::expr_vector good_outputs(ctx);
        for (size_t y = 0; y < k; ++y) {
          scratch[x] = static_cast<uint32_t>(y);
          env[atom.slot] = Value::Element(goal.input, static_cast<uint32_t>(x));
          bool v = ev.Eval(*atom.pred, env).boolean;
          if (ev.failed()) {
            out.reason = ev.error() + " in goal '" + goal.name + "'";
            return out;
          }
          if (v) good_outputs.push_back(b[x][y]);
        }
        scratch[x] = 0;
        sat.push_back(z3::mk_or(good_outputs));
      }
      z3::expr count = ctx.int_val(0);
      for (unsigned i = 0; i < sat.size(); ++i) {
        count = count + z3::ite(sat[i], ctx.int_val(1), ctx.int_val(0));
      }
      for (size_t c = 0; c < atom.good.size(); ++c) {
        if (!atom.good[c]) {
          violations.push_back(count == ctx.int_val(static_cast<int>(c)));
        }
      }
    }
    s.add(z3::mk_or(violations));
  }
  if (!dump_path.empty()) {
    out.reason = WriteQuery(
        s, dump_path,
        fmt::format("aligncheck query {}\n"
                    "asks: is there a policy whose machine register reading "
                    "(this channel subset) is at most the bound and that "
                    "violates goal {}?\n"
                    "sat: the claim FAILS with that behaviour\n"
                    "unsat: no behaviour of this channel subset does",
                    std::filesystem::path(dump_path).filename().string(),
                    goal.name));
    if (!out.reason.empty()) return out;
  }
  if (!CheckSearch(budget, s, out)) return out;
  z3::model zm = s.get_model();
  out.kind = MachineSearch::Kind::kFound;
  out.policy.assign(n, 0);
  for (size_t x = 0; x < n; ++x) {
    for (size_t y = 0; y < k; ++y) {
      if (zm.eval(b[x][y], true).is_true()) {
        out.policy[x] = static_cast<uint32_t>(y);
        break;
      }
    }
  }
  return out;
}

}  // namespace

MachineSearch SearchMachineBehaviour(const Model& model, const Goal& goal,
                                     const RegisterComputation& comp,
                                     const Rational& bound,
                                     const std::vector<CountAtom>& atoms,
                                     const EngineOptions& options,
                                     const std::string& dump_path) {
  z3::context ctx;
  SolverBudget budget(ctx, options);
  try {
    return Search(model, goal, comp, bound, atoms, ctx, budget, dump_path);
  } catch (const z3::exception& e) {
    MachineSearch out;
    out.reason = budget.ErrorReason(e);
    return out;
  }
}

}  // namespace aligncheck

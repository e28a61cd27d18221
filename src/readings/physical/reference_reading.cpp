// Reference re-check: rewrite tables, re-materialize, take the expectation.
#include "readings/physical/reference_reading.h"

#include <vector>

#include "analysis/eval.h"

namespace aligncheck {
namespace {

// Evaluates an override's value with the declared model.
std::optional<Value> Declared(const Model& model, const Channel& c,
                              std::vector<Value> args, std::string* error) {
  if (args.size() < static_cast<size_t>(std::max(c.slot_count, 0))) {
    args.resize(static_cast<size_t>(c.slot_count));
  }
  Evaluator eval(model);
  Value v = eval.Eval(c.value, args);
  if (eval.failed()) {
    *error = eval.error();
    return std::nullopt;
  }
  return v;
}

}  // namespace

std::optional<Rational> ReferenceReading(const Model& model,
                                         const PhysicalModel& physical,
                                         const Behaviour& b,
                                         std::string* error) {
  error->clear();
  std::vector<const Channel*> active;
  for (const Channel& c : physical.implemented) active.push_back(&c);
  for (int i : b.channels) active.push_back(&physical.channels[i]);
  std::optional<Rational> written;
  for (const Channel* c : active) {
    if (c->target_kind != Channel::Target::kRegister) continue;
    std::optional<Value> v = Declared(model, *c, {}, error);
    if (!v) return std::nullopt;
    written = v->number;
  }
  if (written) return written;

  uint64_t entries = 0;
  for (const Loss& l : model.losses) entries += l.table.size();
  if (entries * (model.losses.size() + 1) > kMaxReferenceEntries) {
    return std::nullopt;
  }
  Model copy = model;
  std::vector<bool> fixed(model.losses.size(), false);
  for (const Channel* c : active) {
    if (c->target_kind == Channel::Target::kFn) {
      Function& fn = copy.fns[c->target_index];
      for (uint32_t x = 0; x < fn.table.size(); ++x) {
        std::optional<Value> v =
            Declared(model, *c, {Value::Element(fn.from, x)}, error);
        if (!v) return std::nullopt;
        fn.table[x] = *v;
      }
    } else if (c->target_kind == Channel::Target::kLoss) {
      Loss& l = copy.losses[c->target_index];
      size_t m = model.domains[l.output].size();
      for (size_t i = 0; i < l.table.size(); ++i) {
        std::optional<Value> v =
            Declared(model, *c,
                     {Value::Element(l.input, static_cast<uint32_t>(i / m)),
                      Value::Element(l.output, static_cast<uint32_t>(i % m))},
                     error);
        if (!v) return std::nullopt;
        l.table.Set(i, v->number);
      }
      fixed[c->target_index] = true;
    }
  }
  // Losses call each other without cycles: as many passes as losses make
  // every table consistent with the rewritten fns and losses.
  for (size_t pass = 0; pass < copy.losses.size(); ++pass) {
    for (size_t id = 0; id < copy.losses.size(); ++id) {
      Loss& l = copy.losses[id];
      if (fixed[id] || !l.expr) continue;
      size_t m = model.domains[l.output].size();
      Evaluator eval(copy);
      std::vector<Value> env(static_cast<size_t>(std::max(l.expr_slots, 2)));
      for (size_t i = 0; i < l.table.size(); ++i) {
        env[0] = Value::Element(l.input, static_cast<uint32_t>(i / m));
        env[1] = Value::Element(l.output, static_cast<uint32_t>(i % m));
        Value v = eval.Eval(*l.expr, env);
        if (eval.failed()) {
          *error = eval.error();
          return std::nullopt;
        }
        l.table.Set(i, v.number);
      }
    }
  }
  const Loss& reg = copy.losses[physical.register_loss];
  Policy graded = b.policy;
  const Channel* sensor = nullptr;
  for (const Channel* c : active) {
    if (c->target_kind == Channel::Target::kSensor) sensor = c;
  }
  if (sensor != nullptr) {
    for (uint32_t x = 0; x < graded.size(); ++x) {
      std::optional<Value> v =
          Declared(model, *sensor, {Value::Element(reg.input, x)}, error);
      if (!v) return std::nullopt;
      graded[x] = v->index;
    }
  }
  return ExpectedLoss(copy, reg, copy.data[physical.register_data], graded);
}

}  // namespace aligncheck

// `mdp` blocks: states and actions domains, the start state or weights, the
// discount, terminal states and the transitions (an expression, a table or
// CSV), checked and built into an exact Mdp (mdp/mdp.h).
#include <fmt/format.h>

#include <map>

#include "analysis/analyzer.h"
#include "analysis/eval.h"
#include "util/rational.h"

namespace aligncheck {
namespace {

using Kind = ast::MdpItem::Kind;

const char* ItemWord(Kind kind) {
  switch (kind) {
    case Kind::kStates: return "states";
    case Kind::kActions: return "actions";
    case Kind::kStart: return "start";
    case Kind::kDiscount: return "discount";
    case Kind::kTerminal: return "terminal";
    case Kind::kNext: return "next";
    case Kind::kGrid: return "grid";
    case Kind::kLegend: return "legend";
    case Kind::kTiles: return "tiles";
    case Kind::kSlip: return "slip";
    case Kind::kStay: return "stay";
  }
  return "?";
}

Cell CellOf(const ast::Literal& l) {
  return {l.text, l.kind == ast::Literal::Kind::kNumber, l.span};
}

// `start` and `terminal` name a state by identifier or, for integer range
// domains, by a signed integer (the parser allows exactly these two).
Cell CellOf(const ast::Name& name) {
  char c = name.text.empty() ? 'x' : name.text[0];
  bool number = c == '-' || c == '+' || (c >= '0' && c <= '9');
  return {name.text, number, name.span};
}

}  // namespace

void Analyzer::ResolveMdp(const ast::MdpDecl& decl, MdpModel& out) {
  out.name = decl.name.text;
  out.span = decl.name.span;
  std::map<Kind, const ast::MdpItem*> items;
  bool ok = true;
  for (const ast::MdpItem& item : decl.items) {
    auto [it, inserted] = items.emplace(item.kind, &item);
    if (!inserted) {
      Diagnostic& d = sink_.Error(
          file_, item.span, "E003",
          fmt::format("mdp '{}' gives '{}' twice", out.name,
                      ItemWord(item.kind)));
      d.notes.push_back(
          fmt::format("first given at {}", At(*file_, it->second->span)));
      ok = false;
    }
  }
  const GridInfo& grid = grids_[&out - model_.mdps.data()];
  bool is_grid = items.count(Kind::kGrid) > 0;
  if (is_grid && !grid.ok) return;  // reported while expanding the map
  std::vector<Kind> needed = {Kind::kStart, Kind::kDiscount};
  if (!is_grid) {
    needed.insert(needed.end(), {Kind::kStates, Kind::kActions, Kind::kNext});
  }
  for (Kind k : {Kind::kLegend, Kind::kTiles, Kind::kSlip, Kind::kStay}) {
    if (!is_grid && items.count(k)) {
      sink_.Error(file_, items[k]->span, "E012",
                  fmt::format("'{}' belongs to the grid form of an mdp "
                              "(`grid \"...\"`)",
                              ItemWord(k)));
      ok = false;
    }
  }
  if (is_grid && items.count(Kind::kNext)) {
    sink_.Error(file_, items[Kind::kNext]->span, "E012",
                "a grid mdp's moves come from its map: it takes no `next`");
    ok = false;
  }
  for (Kind k : needed) {
    if (items.count(k)) continue;
    static const char* const kShape[] = {
        "states S", "actions A", "start s0", "discount 0.9", "",
        "next(s, a) = ..."};
    sink_.Error(file_, decl.name.span, "E012",
                fmt::format("mdp '{}' needs `{}`", out.name,
                            kShape[static_cast<int>(k)]));
    ok = false;
  }
  if (!ok) return;
  if (is_grid) {
    out.states = FindDomain(grid.cells.name);
    out.actions = FindDomain(grid.moves.name);
    out.grid = grid.rows;
    out.cell_at = grid.where;
  } else {
    out.states = FindDomain(items[Kind::kStates]->names[0]);
    out.actions = FindDomain(items[Kind::kActions]->names[0]);
  }
  if (out.states == kNoDomain || out.actions == kNoDomain) return;
  const Domain& states = model_.domains[out.states];
  const Domain& actions = model_.domains[out.actions];
  size_t n = states.size(), m = actions.size();
  CellSource here{file_, false, ""};
  MdpBuilder builder(n, m);
  std::vector<std::string> state_names = states.values;
  std::vector<std::string> action_names = actions.values;
  builder.SetNames(state_names, action_names);
  size_t errors = sink_.error_count();

  // discount
  const ast::MdpItem& discount = *items[Kind::kDiscount];
  if (std::optional<Rational> g = NumberOrError(discount.value, "discount")) {
    if (*g <= 0 || *g >= 1) {
      Diagnostic& d = sink_.Error(
          file_, discount.value.span, "E008",
          fmt::format("discount must be between 0 and 1 (both excluded), "
                      "got {}",
                      discount.value.text));
      d.help.push_back(
          "returns are discounted sums; undiscounted episodic tasks are not "
          "supported yet");
    }
    builder.SetDiscount(*g);
  }

  // In the grid form, start and terminal name tiles: every cell of them.
  std::vector<uint32_t> kind_of;
  DomainId kinds = kNoDomain;
  if (is_grid) {
    kinds = FindDomain(grid.kinds.name);
    const Symbol* tile = Lookup("tile");
    if (kinds == kNoDomain || tile == nullptr || tile->kind != DeclKind::kFn ||
        !fn_ok_[tile->index] || model_.fns[tile->index].table.size() != n) {
      return;  // the map's declarations did not resolve; reported there
    }
    for (const Value& v : model_.fns[tile->index].table) {
      kind_of.push_back(v.index);
    }
  }
  auto cells_of = [&](const ast::Name& name) {
    std::vector<uint32_t> cells;
    Cell cell{name.text, false, name.span};
    if (auto k = LookupValue(kinds, cell, here, "E002")) {
      for (uint32_t s = 0; s < n; ++s) {
        if (kind_of[s] == *k) cells.push_back(s);
      }
      if (cells.empty()) {
        sink_.Error(file_, name.span, "E012",
                    fmt::format("no cell of the map is '{}'", name.text));
      }
    }
    return cells;
  };

  // start
  const ast::MdpItem& start = *items[Kind::kStart];
  if (is_grid) {
    if (start.names.empty()) {
      sink_.Error(file_, start.span, "E012",
                  "a grid mdp starts on a tile: `start NAME`, a name from the "
                  "legend");
    } else {
      for (uint32_t s : cells_of(start.names[0])) {
        builder.SetStartWeight(s, Rational(1));
      }
    }
  } else if (!start.names.empty()) {
    if (auto s = LookupValue(out.states, CellOf(start.names[0]), here,
                             "E002")) {
      builder.SetStartWeight(*s, Rational(1));
    }
  } else {
    TableKeys keys(n);
    Rational total = 0;
    for (const auto& [key, weight] : start.weights) {
      auto s = LookupValue(out.states, CellOf(key), here, "E002");
      auto w = ParseNumber(CellOf(weight), here, "E005", "a start weight");
      if (!s || !w) continue;
      if (!NewKey(keys, *s, key.span, states, here, "E007", "start weight")) {
        continue;
      }
      if (*w < 0) {
        sink_.Error(file_, weight.span, "E008",
                    fmt::format("negative start weight {}", weight.text));
        continue;
      }
      total += *w;
      builder.SetStartWeight(*s, *w);
    }
    if (sink_.error_count() == errors && total == 0) {
      sink_.Error(file_, start.span, "E008",
                  "the start weights sum to 0: no state to start from");
    }
  }

  // terminal
  std::vector<bool> terminal(n, false);
  if (items.count(Kind::kTerminal)) {
    for (const ast::Name& name : items[Kind::kTerminal]->names) {
      if (is_grid) {
        for (uint32_t s : cells_of(name)) {
          terminal[s] = true;
          builder.SetTerminal(s);
        }
        continue;
      }
      if (auto s = LookupValue(out.states, CellOf(name), here, "E002")) {
        terminal[*s] = true;
        builder.SetTerminal(*s);
      }
    }
  }

  // next
  if (is_grid) {
    BuildGridMoves(decl, grid, out, builder, terminal);
  } else if (const ast::MdpItem& next = *items[Kind::kNext];
             next.next_body == ast::MdpItem::NextBody::kExpr) {
    if (next.names.empty()) {
      sink_.Error(file_, next.span, "E012",
                  "an expression for `next` needs parameters: "
                  "`next(s, a) = ...`");
      return;
    }
    BeginExpr(0);
    std::string saved_policy = std::move(policy_name_);
    policy_name_.clear();
    scopes_.push_back({next.names[0].text, out.states, 0});
    scopes_.push_back({next.names[1].text, out.actions, 1});
    max_slots_ = 2;
    RExpr body;
    bool typed = ResolveAs(next.expr, Type::Element(out.states), body);
    policy_name_ = std::move(saved_policy);
    if (!typed) return;
    Evaluator evaluator(model_);
    std::vector<Value> env(static_cast<size_t>(max_slots_));
    for (uint32_t s = 0; s < n; ++s) {
      if (terminal[s]) continue;
      for (uint32_t a = 0; a < m; ++a) {
        env[0] = Value::Element(out.states, s);
        env[1] = Value::Element(out.actions, a);
        Value v = evaluator.Eval(body, env);
        if (evaluator.failed()) {
          sink_.Error(file_, evaluator.error_span(), "E012",
                      fmt::format("{} in next of mdp '{}' at {} = {}, {} = {}",
                                  evaluator.error(), out.name,
                                  next.names[0].text, states.values[s],
                                  next.names[1].text, actions.values[a]));
          return;
        }
        builder.SetNext(s, a, v.index);
      }
    }
  } else {
    // Rows (s: a s2, a2 {s3: p, ...}) or CSV (s,a,s2[,p]) as one list of
    // (state, action, successor, probability) cells.
    struct Move {
      Cell s, a, s2;
      std::optional<Cell> p;
      int cell = -1;  // which table cell (a distribution is one cell)
    };
    std::vector<Move> moves;
    CellSource source{file_, false, ""};
    std::optional<CsvTable> csv;
    if (next.next_body == ast::MdpItem::NextBody::kCsv) {
      csv = LoadCsv(next.csv, "mdp", decl.name, source);
      if (!csv) return;
      for (size_t r = 0; r < csv->rows.size(); ++r) {
        const CsvRow& row = csv->rows[r];
        if (r == 0 && !row.cells.empty() && row.cells[0].text == "s") {
          continue;  // the header s,a,s2[,p]
        }
        if (row.cells.size() != 3 && row.cells.size() != 4) {
          Report(source, row.span, "E009",
                 fmt::format("expected 3 or 4 cells (s,a,s2[,p]), got {}",
                             row.cells.size()));
          continue;
        }
        auto cell = [](const CsvCell& c) {
          return Cell{c.text, !c.text.empty() && (c.text[0] == '.' ||
                                                  (c.text[0] >= '0' &&
                                                   c.text[0] <= '9')),
                      c.span};
        };
        Move mv{cell(row.cells[0]), cell(row.cells[1]), cell(row.cells[2]),
                std::nullopt, -1};
        if (row.cells.size() == 4) mv.p = cell(row.cells[3]);
        moves.push_back(mv);
      }
    } else {
      int cells = 0;
      for (const ast::NextRow& row : next.rows) {
        for (const ast::NextCell& c : row.cells) {
          ++cells;
          for (const auto& [s2, p] : c.outcomes) {
            Move mv{CellOf(row.state), CellOf(c.action), CellOf(s2),
                    std::nullopt, cells};
            if (!p.text.empty()) mv.p = CellOf(p);
            moves.push_back(mv);
          }
        }
      }
    }
    // Group by (s, a): the first move of a choice says whether it is
    // deterministic (no probability) or a distribution.
    std::vector<std::vector<Successor>> outcomes(n * m);
    std::vector<Span> first(n * m);
    std::vector<char> deterministic(n * m, 0);
    std::vector<int> first_cell(n * m, -1);
    int duplicate_cell = -1;  // reported already (its other outcomes too)
    for (const Move& mv : moves) {
      auto s = LookupValue(out.states, mv.s, source, "E002");
      auto a = LookupValue(out.actions, mv.a, source, "E002");
      auto s2 = LookupValue(out.states, mv.s2, source, "E002");
      if (!s || !a || !s2) continue;
      size_t c = *s * m + *a;
      Rational p(1);
      if (mv.p) {
        auto q = ParseNumber(*mv.p, source, "E005", "a probability");
        if (!q) continue;
        if (*q <= 0 || *q > 1) {
          Report(source, mv.p->span, "E008",
                 fmt::format("probability {} is not in (0, 1]", mv.p->text));
          continue;
        }
        p = *q;
      }
      if (!outcomes[c].empty() &&
          (deterministic[c] || !mv.p || mv.cell != first_cell[c])) {
        if (mv.cell >= 0 && mv.cell == duplicate_cell) continue;
        duplicate_cell = mv.cell;
        Diagnostic& d = Report(
            source, mv.a.span, "E007",
            fmt::format("duplicate move for ({}, {})", states.values[*s],
                        actions.values[*a]));
        if (!source.csv) {
          d.notes.push_back(
              fmt::format("first given at {}", At(*file_, first[c])));
        }
        continue;
      }
      for (const Successor& o : outcomes[c]) {
        if (o.state == *s2) {
          Report(source, mv.s2.span, "E007",
                 fmt::format("successor '{}' given twice for ({}, {})",
                             states.values[*s2], states.values[*s],
                             actions.values[*a]));
        }
      }
      if (outcomes[c].empty()) {
        first[c] = mv.a.span;
        first_cell[c] = mv.cell;
        deterministic[c] = !mv.p;
      }
      outcomes[c].push_back({*s2, p});
    }
    if (sink_.error_count() != errors) return;
    for (uint32_t s = 0; s < n; ++s) {
      if (terminal[s]) continue;
      for (uint32_t a = 0; a < m; ++a) {
        size_t c = s * m + a;
        if (outcomes[c].empty()) {
          // At the state's row when the table has one.
          Span where = next.span;
          for (const ast::NextRow& row : next.rows) {
            if (row.state.text == states.values[s]) where = row.state.span;
          }
          sink_.Error(file_, where, "E006",
                      fmt::format("mdp '{}' has no move for ({}, {})",
                                  out.name, states.values[s],
                                  actions.values[a]));
          return;
        }
        Rational sum = 0;
        for (const Successor& o : outcomes[c]) sum += o.prob;
        if (sum != 1) {
          Report(source, first[c], "E008",
                 fmt::format("the probabilities of ({}, {}) sum to {}, not 1",
                             states.values[s], actions.values[a],
                             FormatRational(sum)));
          return;
        }
        builder.SetSuccessors(s, a, std::move(outcomes[c]));
      }
    }
  }
  if (sink_.error_count() != errors) return;
  std::string problem;
  out.mdp = builder.Build(&problem);
  if (!problem.empty()) {
    sink_.Error(file_, decl.name.span, "E012",
                fmt::format("mdp '{}': {}", out.name, problem));
    return;
  }
  mdp_ok_[&out - model_.mdps.data()] = true;
}

}  // namespace aligncheck

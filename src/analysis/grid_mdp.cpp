// The grid form of an mdp: an ASCII map whose open cells are the states.
//   grid "#####"
//        "#S.G#"
//        "#####"
//   legend {S: start, G: goal}   start start   terminal {goal}
//   [states Cell] [actions Move] [tiles Tile] [slip 0.1] [stay]
// `#` is a wall, `.` and ` ` floor cells, any other character must be in
// the legend. The map stands for three domains and a fn, declared as if written
// out: the cells (named x<col>y<row>, from the top left, 0-based), the moves
// {up, down, left, right[, stay]}, the tile names {floor, legend names...}
// and `tile: Cell -> Tile`. A move into a wall or off the map stays put;
// with `slip p` a move goes to each perpendicular direction with p/2 (stay
// never slips). `start T` and `terminal {T, ...}` name tiles.
#include <fmt/format.h>

#include <map>
#include <set>

#include "analysis/analyzer.h"

namespace aligncheck {
namespace {

using Kind = ast::MdpItem::Kind;

const ast::MdpItem* Item(const ast::MdpDecl& decl, Kind kind) {
  for (const ast::MdpItem& item : decl.items) {
    if (item.kind == kind) return &item;
  }
  return nullptr;
}

std::string NameOr(const ast::MdpDecl& decl, Kind kind, const char* fallback) {
  const ast::MdpItem* item = Item(decl, kind);
  return item && !item->names.empty() ? item->names[0].text : fallback;
}

}  // namespace

bool IsGridMdp(const ast::MdpDecl& decl) {
  return Item(decl, Kind::kGrid) != nullptr;
}

void Analyzer::ExpandGrid(const ast::MdpDecl& decl, GridInfo& out) {
  const ast::MdpItem& grid = *Item(decl, Kind::kGrid);
  Span at = grid.span;
  out.states = NameOr(decl, Kind::kStates, "Cell");
  out.actions = NameOr(decl, Kind::kActions, "Move");
  out.tiles = NameOr(decl, Kind::kTiles, "Tile");
  // The legend: character -> tile name.
  std::map<char, std::string> legend;
  std::vector<std::string> kinds = {"floor"};
  if (const ast::MdpItem* l = Item(decl, Kind::kLegend)) {
    for (const auto& [key, value] : l->weights) {
      if (key.text.size() != 1) {
        sink_.Error(file_, key.span, "E005",
                    fmt::format("a legend key is one character of the map, "
                                "got '{}'",
                                key.text));
        continue;
      }
      if (!legend.emplace(key.text[0], value.text).second) {
        sink_.Error(file_, key.span, "E007",
                    fmt::format("duplicate legend entry for '{}'", key.text));
        continue;
      }
      if (std::find(kinds.begin(), kinds.end(), value.text) == kinds.end()) {
        kinds.push_back(value.text);
      }
    }
  }
  // The map.
  for (const ast::Literal& row : grid.map) out.rows.push_back(row.text);
  size_t width = out.rows.empty() ? 0 : out.rows[0].size();
  bool ok = width > 0;
  for (size_t r = 0; r < out.rows.size(); ++r) {
    const ast::Literal& row = grid.map[r];
    if (out.rows[r].size() != width) {
      sink_.Error(file_, row.span, "E012",
                  fmt::format("row {} of the map has {} characters, the first "
                              "row {}: the map must be a rectangle",
                              r + 1, out.rows[r].size(), width));
      ok = false;
      continue;
    }
    for (size_t c = 0; c < width; ++c) {
      char ch = out.rows[r][c];
      if (ch == '#' || ch == '.' || ch == ' ' || legend.count(ch)) continue;
      Span cell{row.span.begin + 1 + static_cast<uint32_t>(c),
                row.span.begin + 2 + static_cast<uint32_t>(c)};
      Diagnostic& d = sink_.Error(
          file_, cell, "E002",
          fmt::format("unknown tile '{}' in the map", std::string(1, ch)));
      d.help.push_back(fmt::format(
          "'#' is a wall, '.' and ' ' floor; give '{}' a name in the legend: "
          "`legend {{\"{}\": name}}`",
          std::string(1, ch), std::string(1, ch)));
      ok = false;
    }
  }
  if (width == 0) {
    sink_.Error(file_, at, "E012", "the map is empty");
  }
  if (!ok) return;
  // The synthetic declarations, located at the grid item.
  out.cells.name = {out.states, at};
  out.cells.span = at;
  out.tile_fn.name = {"tile", at};
  out.tile_fn.from = {out.states, at};
  out.tile_fn.to = {out.tiles, at};
  out.tile_fn.span = at;
  for (size_t r = 0; r < out.rows.size(); ++r) {
    for (size_t c = 0; c < width; ++c) {
      char ch = out.rows[r][c];
      if (ch == '#') continue;
      std::string name = fmt::format("x{}y{}", c, r);
      out.cells.values.push_back({name, at});
      out.where.emplace_back(static_cast<uint32_t>(r), static_cast<uint32_t>(c));
      ast::Literal cell{ast::Literal::Kind::kName, name, "", at};
      bool floor = (ch == '.' || ch == ' ') && !legend.count(ch);
      ast::Literal kind{ast::Literal::Kind::kName,
                        floor ? "floor" : legend[ch], "", at};
      out.tile_fn.entries.emplace_back(cell, kind);
    }
  }
  if (out.cells.values.empty()) {
    sink_.Error(file_, at, "E012", "the map has no open cell");
    return;
  }
  out.moves.name = {out.actions, at};
  out.moves.span = at;
  for (const char* m : {"up", "down", "left", "right"}) {
    out.moves.values.push_back({m, at});
  }
  if (Item(decl, Kind::kStay)) out.moves.values.push_back({"stay", at});
  out.kinds.name = {out.tiles, at};
  out.kinds.span = at;
  for (const std::string& k : kinds) out.kinds.values.push_back({k, at});
  out.ok = true;
}

void Analyzer::BuildGridMoves(const ast::MdpDecl& decl, const GridInfo& grid,
                              MdpModel& out, MdpBuilder& builder,
                              const std::vector<bool>& terminal) {
  Rational slip = 0;
  if (const ast::MdpItem* s = Item(decl, Kind::kSlip)) {
    if (std::optional<Rational> p = NumberOrError(s->value, "slip")) {
      if (*p < 0 || *p > 1) {
        sink_.Error(file_, s->value.span, "E008",
                    fmt::format("slip is a probability, got {}", s->value.text));
        return;
      }
      slip = *p;
    }
  }
  std::map<std::pair<uint32_t, uint32_t>, uint32_t> index;
  for (uint32_t s = 0; s < grid.where.size(); ++s) index[grid.where[s]] = s;
  // up, down, left, right as (dr, dc); perpendicular pairs slip.
  static const int kDr[] = {-1, 1, 0, 0};
  static const int kDc[] = {0, 0, -1, 1};
  static const int kSide[4][2] = {{2, 3}, {2, 3}, {0, 1}, {0, 1}};
  auto target = [&](uint32_t s, int dir) {
    auto [r, c] = grid.where[s];
    long nr = static_cast<long>(r) + kDr[dir];
    long nc = static_cast<long>(c) + kDc[dir];
    auto it = index.find({static_cast<uint32_t>(nr), static_cast<uint32_t>(nc)});
    if (nr < 0 || nc < 0 || it == index.end()) return s;  // a wall: stay
    return it->second;
  };
  size_t moves = model_.domains[out.actions].size();
  for (uint32_t s = 0; s < grid.where.size(); ++s) {
    if (terminal[s]) continue;
    for (uint32_t a = 0; a < moves; ++a) {
      if (a == 4) {  // stay
        builder.SetNext(s, a, s);
        continue;
      }
      std::map<uint32_t, Rational> to;
      to[target(s, static_cast<int>(a))] += 1 - slip;
      for (int side : kSide[a]) to[target(s, side)] += slip / 2;
      std::vector<Successor> outcomes;
      for (const auto& [s2, p] : to) {
        if (p > 0) outcomes.push_back({s2, p});
      }
      builder.SetSuccessors(s, a, std::move(outcomes));
    }
  }
}

}  // namespace aligncheck

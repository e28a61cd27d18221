// Tables: fn tables, loss tables and data weights, written inline or loaded
// from CSV, checked for totality and duplicates; loss expressions
// materialized into dense tables with the reference evaluator.
// Over 600 lines on purpose: the three kinds of table share one cell
// reader, one duplicate-key check and one error budget (kMaxTableErrors);
// split apart they would need those as a header of their own for no gain.
#include <fmt/format.h>

#include <cctype>
#include <charconv>

#include "analysis/analyzer.h"
#include "analysis/eval.h"

namespace aligncheck {
namespace {

// Past this many problems in one table the rest are noise.
constexpr size_t kMaxTableErrors = 20;

// Suggestions scan every value of a domain; skip them for huge domains.
constexpr size_t kMaxSuggestScan = 10000;

Cell FromLiteral(const ast::Literal& literal) {
  return {literal.text, literal.kind == ast::Literal::Kind::kNumber,
          literal.span};
}

bool LooksNumeric(std::string_view text) {
  if (text.empty()) return false;
  char c = text[0];
  return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.';
}

// The spec's bytes at `span`: a table cell's text (ast::TableCell).
std::string_view TextAt(std::string_view text, Span span) {
  return text.substr(span.begin, span.end - span.begin);
}

Cell FromCsv(const CsvCell& cell) {
  return {cell.text, LooksNumeric(cell.text), cell.span};
}

std::vector<std::pair<Cell, Cell>> LiteralPairs(
    const std::vector<std::pair<ast::Literal, ast::Literal>>& pairs) {
  std::vector<std::pair<Cell, Cell>> cells;
  for (const auto& [key, value] : pairs) {
    cells.emplace_back(FromLiteral(key), FromLiteral(value));
  }
  return cells;
}

}  // namespace

Diagnostic& Analyzer::Report(const CellSource& source, Span span,
                             const char* id, std::string message) {
  if (source.csv) {
    Diagnostic& d = sink_.Error(source.file, span, "E009", std::move(message));
    d.notes.push_back(source.note);
    return d;
  }
  return sink_.Error(file_, span, id, std::move(message));
}

std::optional<uint32_t> Analyzer::LookupValue(DomainId d, const Cell& cell,
                                              const CellSource& source,
                                              const char* id) {
  const Domain& domain = model_.domains[d];
  if (domain.is_range) {
    int64_t value = 0;
    std::string_view text = cell.text;
    if (!text.empty() && text[0] == '+') text.remove_prefix(1);
    auto [ptr, ec] =
        std::from_chars(text.data(), text.data() + text.size(), value);
    int64_t hi = domain.lo + static_cast<int64_t>(domain.size()) - 1;
    if (ec != std::errc() || ptr != text.data() + text.size()) {
      Report(source, cell.span, id,
             fmt::format("expected an integer of domain '{}' ({}..{}), got "
                         "'{}'",
                         domain.name, domain.lo, hi, cell.text));
      return std::nullopt;
    }
    if (value < domain.lo || value > hi) {
      Report(source, cell.span, id,
             fmt::format("{} is outside domain '{}' ({}..{})", cell.text,
                         domain.name, domain.lo, hi));
      return std::nullopt;
    }
    return static_cast<uint32_t>(value - domain.lo);
  }
  if (!cell.is_number) {
    const auto& index = value_index_[d];
    auto it = index.find(std::string(cell.text));
    if (it != index.end()) return it->second;
  }
  Diagnostic& diag = Report(source, cell.span, id,
                            fmt::format("'{}' is not a value of domain '{}'",
                                        cell.text, domain.name));
  if (!cell.is_number && domain.size() <= kMaxSuggestScan) {
    std::string suggestion = SuggestName(std::string(cell.text), domain.values);
    if (!suggestion.empty()) {
      diag.help.push_back(fmt::format("did you mean '{}'?", suggestion));
    }
  }
  return std::nullopt;
}

std::optional<Rational> Analyzer::ParseNumber(const Cell& cell,
                                              const CellSource& source,
                                              const char* id,
                                              const char* what) {
  std::optional<Rational> q = ParseDecimalOrFraction(cell.text);
  if (!q) {
    Diagnostic& d = Report(
        source, cell.span, id,
        fmt::format("expected a number as {}, got '{}'", what, cell.text));
    std::string hint = source.csv ? DecimalCommaHint(cell.text) : "";
    if (!hint.empty()) d.help.push_back(hint);
  }
  return q;
}

std::optional<Value> Analyzer::ParseFnValue(const Function& fn,
                                            const Cell& cell,
                                            const CellSource& source) {
  if (fn.to.kind == Type::Kind::kNumber) {
    std::optional<Rational> q = ParseNumber(cell, source, "E005", "the value");
    if (!q) return std::nullopt;
    return Value::Number(std::move(*q));
  }
  std::optional<uint32_t> index =
      LookupValue(fn.to.domain, cell, source, "E005");
  if (!index) return std::nullopt;
  return Value::Element(fn.to.domain, *index);
}

std::string Analyzer::MissingList(const Domain& d,
                                  const std::vector<char>& seen,
                                  size_t missing) const {
  constexpr size_t kShown = 3;
  std::string list;
  size_t shown = 0;
  for (size_t i = 0; i < seen.size() && shown < kShown; ++i) {
    if (seen[i]) continue;
    list += fmt::format("{}'{}'", shown ? ", " : "", d.values[i]);
    ++shown;
  }
  if (missing > shown) list += fmt::format(" and {} more", missing - shown);
  return list;
}

size_t TableKeys::Missing() const {
  size_t missing = 0;
  for (char s : seen) missing += s ? 0 : 1;
  return missing;
}

bool Analyzer::NewKey(TableKeys& keys, uint32_t x, Span at, const Domain& d,
                      const CellSource& source, const char* id,
                      const char* what) {
  if (keys.seen[x]) {
    Diagnostic& diag =
        Report(source, at, id,
               fmt::format("duplicate {} for '{}'", what, d.values[x]));
    diag.notes.push_back(fmt::format("previous {} at {}", what,
                                     At(*source.file, keys.where[x])));
    return false;
  }
  keys.seen[x] = 1;
  keys.where[x] = at;
  return true;
}

std::optional<CsvTable> Analyzer::LoadCsv(const ast::CsvRef& ref,
                                          std::string_view what,
                                          const ast::Name& decl_name,
                                          CellSource& source) {
  std::string path = CsvPathFor(file_->name(), ref.path);
  std::string text, error;
  if (!limits_.allow_outside &&
      !InsideSpecTree(file_->name(), ref.path, path, error)) {
    Diagnostic& d = sink_.Error(
        file_, ref.span, "E020",
        fmt::format("refusing to read '{}': {}", ref.path, error));
    d.help.push_back("move the file next to the spec, or pass --allow-outside");
    return std::nullopt;
  }
  if (!ReadWholeFile(path, text, error, limits_.max_csv_bytes)) {
    sink_.Error(file_, ref.span, "E009",
                fmt::format("cannot read '{}': {}", path, error));
    return std::nullopt;
  }
  source.file = std::make_shared<SourceFile>(path, std::move(text));
  source.csv = true;
  source.note = fmt::format("loaded by {} '{}' at {}:{}", what, decl_name.text,
                            file_->name(), At(*file_, decl_name.span));
  CsvTable table = SplitCsv(source.file);
  if (table.rows.empty()) {
    Report(source, {0, 0}, "E009", "empty CSV file: expected a header row");
    return std::nullopt;
  }
  // Another program's separator breaks every row alike: say so once, with
  // the fix, instead of an error per cell.
  for (const CsvRow& row : table.rows) {
    std::string hint = CsvSeparatorHint(row);
    if (hint.empty()) continue;
    std::string_view line(source.file->text());
    line = line.substr(row.span.begin, row.span.end - row.span.begin);
    bool semicolons = line.find(';') != std::string_view::npos;
    Diagnostic& d =
        Report(source, row.span, "E009",
               fmt::format("expected ',' between cells, found {}",
                           semicolons ? "';'" : "a tab"));
    d.help.push_back(hint);
    // "a;0,5": with ';' between cells, ',' is often the decimal comma.
    const std::string& all = source.file->text();
    auto digit = [&](size_t k) {
      return std::isdigit(static_cast<unsigned char>(all[k])) != 0;
    };
    for (size_t k = 1; semicolons && k + 1 < all.size(); ++k) {
      if (all[k] == ',' && digit(k - 1) && digit(k + 1)) {
        d.help.push_back(
            "and write numbers with a decimal point: '0.5', not '0,5'");
        break;
      }
    }
    return std::nullopt;
  }
  return table;
}

std::vector<std::pair<Cell, Cell>> Analyzer::CsvPairs(const CsvTable& csv,
                                                      const CellSource& source,
                                                      const char* value) {
  std::vector<std::pair<Cell, Cell>> cells;
  for (size_t r = 1; r < csv.rows.size(); ++r) {
    const CsvRow& row = csv.rows[r];
    if (row.cells.size() != 2) {
      Report(source, row.span, "E009",
             fmt::format("expected 2 cells (input,{}), got {}", value,
                         row.cells.size()));
      continue;
    }
    cells.emplace_back(FromCsv(row.cells[0]), FromCsv(row.cells[1]));
  }
  return cells;
}

void Analyzer::FillFnTable(const ast::FnDecl& decl, Function& out) {
  CellSource source{file_, false, ""};
  std::vector<std::pair<Cell, Cell>> entries;
  std::optional<CsvTable> csv;
  Span missing_at = decl.name.span;
  if (decl.body == ast::FnDecl::Body::kCsv) {
    csv = LoadCsv(decl.csv, "fn", decl.name, source);
    if (!csv) return;
    missing_at = csv->rows[0].span;
    entries = CsvPairs(*csv, source, "output");
  } else {
    entries = LiteralPairs(decl.entries);
  }
  const Domain& from = model_.domains[out.from];
  size_t n = from.size();
  out.table.assign(n, Value());
  TableKeys keys(n);
  size_t errors = 0;
  size_t key_errors = 0;
  for (const auto& [key, value] : entries) {
    if (errors >= kMaxTableErrors) break;
    std::optional<uint32_t> x = LookupValue(out.from, key, source, "E005");
    if (!x) {
      ++errors;
      ++key_errors;
      continue;
    }
    if (!NewKey(keys, *x, key.span, from, source, "E007", "entry")) {
      ++errors;
      continue;
    }
    std::optional<Value> v = ParseFnValue(out, value, source);
    if (!v) {
      ++errors;
      continue;
    }
    out.table[*x] = std::move(*v);
  }
  size_t missing = keys.Missing();
  // A key that is not a value was probably meant for a missing one.
  if (missing > 0 && key_errors == 0 && errors < kMaxTableErrors) {
    Report(source, missing_at, "E006",
           fmt::format("fn '{}' has no {} for {}", out.name,
                       missing == 1 ? "entry" : "entries",
                       MissingList(from, keys.seen, missing)));
  }
}

void Analyzer::FillLossTable(const ast::LossDecl& decl, Loss& out) {
  CellSource source{file_, false, ""};
  const Domain& xs = model_.domains[out.input];
  const Domain& ys = model_.domains[out.output];
  size_t n = xs.size();
  size_t m = ys.size();
  out.table = DenseTable(n * m);
  const std::string_view text = file_->text();
  TableKeys rows(n);
  std::vector<uint32_t> col_stamp(m, 0);
  std::vector<uint32_t> col_entry(m, 0);
  size_t errors = 0;
  size_t key_errors = 0;
  for (size_t r = 0; r < decl.rows.size() && errors < kMaxTableErrors; ++r) {
    const ast::TableRow& row = decl.rows[r];
    std::optional<uint32_t> x =
        LookupValue(out.input, FromLiteral(row.input), source, "E005");
    if (!x) {
      ++errors;
      ++key_errors;
      continue;
    }
    if (!NewKey(rows, *x, row.input.span, xs, source, "E007", "row")) {
      ++errors;
      continue;
    }
    uint32_t stamp = static_cast<uint32_t>(r + 1);
    size_t filled = 0;
    const size_t base = static_cast<size_t>(*x) * m;
    for (size_t e = 0; e < row.entries.size(); ++e) {
      const ast::TableCell& entry = row.entries[e];
      const Cell key{TextAt(text, entry.output), !entry.output_is_name,
                     entry.output};
      const Cell value{TextAt(text, entry.value), true, entry.value};
      // Rows usually list outputs in domain order: try that before hashing.
      std::optional<uint32_t> y;
      if (e < m && !ys.is_range && entry.output_is_name &&
          ys.values[e] == key.text) {
        y = static_cast<uint32_t>(e);
      } else {
        y = LookupValue(out.output, key, source, "E005");
      }
      if (!y) {
        ++errors;
        ++filled;  // counted so the row is not also reported incomplete
        continue;
      }
      if (col_stamp[*y] == stamp) {
        Diagnostic& d =
            sink_.Error(file_, key.span, "E007",
                        fmt::format("duplicate entry for '{}' in row '{}'",
                                    ys.values[*y], xs.values[*x]));
        d.notes.push_back(
            fmt::format("previous entry at {}",
                        At(*file_, row.entries[col_entry[*y]].output)));
        ++errors;
        continue;
      }
      col_stamp[*y] = stamp;
      col_entry[*y] = static_cast<uint32_t>(e);
      ++filled;
      if (!out.table.SetDecimal(base + *y, value.text)) {
        ParseNumber(value, source, "E005", "a loss value");
        ++errors;
        continue;
      }
    }
    if (filled < m && errors < kMaxTableErrors) {
      std::vector<char> seen(m);
      for (size_t y = 0; y < m; ++y) seen[y] = col_stamp[y] == stamp;
      size_t missing = 0;
      for (char s : seen) missing += s ? 0 : 1;
      if (missing > 0) {
        sink_.Error(
            file_, row.input.span, "E006",
            fmt::format("row '{}' of loss '{}' has no {} for {}", xs.values[*x],
                        out.name, missing == 1 ? "entry" : "entries",
                        MissingList(ys, seen, missing)));
        ++errors;
      }
    }
  }
  size_t missing = rows.Missing();
  if (missing > 0 && key_errors == 0 && errors < kMaxTableErrors) {
    sink_.Error(file_, decl.name.span, "E006",
                fmt::format("loss '{}' has no {} for {}", out.name,
                            missing == 1 ? "row" : "rows",
                            MissingList(xs, rows.seen, missing)));
  }
}

void Analyzer::FillLossCsv(const ast::LossDecl& decl, Loss& out) {
  CellSource source;
  std::optional<CsvTable> csv = LoadCsv(decl.csv, "loss", decl.name, source);
  if (!csv) return;
  const Domain& xs = model_.domains[out.input];
  const Domain& ys = model_.domains[out.output];
  size_t n = xs.size();
  size_t m = ys.size();
  out.table = DenseTable(n * m);
  size_t errors = 0;
  // The header: a corner cell, then every output exactly once.
  const CsvRow& header = csv->rows[0];
  std::vector<int64_t> column(header.cells.size(), -1);
  TableKeys columns(m);
  bool header_ok = true;
  for (size_t c = 1; c < header.cells.size(); ++c) {
    std::optional<uint32_t> y =
        LookupValue(out.output, FromCsv(header.cells[c]), source, "E009");
    if (!y) {
      header_ok = false;
      ++errors;
      continue;
    }
    if (!NewKey(columns, *y, header.cells[c].span, ys, source, "E009",
                "column")) {
      header_ok = false;
      ++errors;
      continue;
    }
    column[c] = *y;
  }
  size_t missing_cols = columns.Missing();
  if (missing_cols > 0) {
    Report(source, header.span, "E009",
           fmt::format("the header has no {} for {}",
                       missing_cols == 1 ? "column" : "columns",
                       MissingList(ys, columns.seen, missing_cols)));
    header_ok = false;
    ++errors;
  }
  TableKeys rows(n);
  size_t key_errors = 0;
  for (size_t r = 1; r < csv->rows.size() && errors < kMaxTableErrors; ++r) {
    const CsvRow& row = csv->rows[r];
    std::optional<uint32_t> x =
        LookupValue(out.input, FromCsv(row.cells[0]), source, "E009");
    if (!x) {
      ++errors;
      ++key_errors;
      continue;
    }
    if (!NewKey(rows, *x, row.cells[0].span, xs, source, "E009", "row")) {
      ++errors;
      continue;
    }
    if (row.cells.size() != header.cells.size()) {
      Report(source, row.span, "E009",
             fmt::format("expected {} cells, got {}", header.cells.size(),
                         row.cells.size()));
      ++errors;
      continue;
    }
    if (!header_ok) continue;
    const size_t base = static_cast<size_t>(*x) * m;
    for (size_t c = 1; c < row.cells.size(); ++c) {
      if (!out.table.SetDecimal(base + static_cast<size_t>(column[c]),
                                row.cells[c].text)) {
        Diagnostic& d = Report(
            source, row.cells[c].span, "E009",
            fmt::format("expected a number, got '{}'", row.cells[c].text));
        std::string hint = DecimalCommaHint(row.cells[c].text);
        if (!hint.empty()) d.help.push_back(hint);
        if (++errors >= kMaxTableErrors) break;
        continue;
      }
    }
  }
  size_t missing = rows.Missing();
  if (missing > 0 && key_errors == 0 && errors < kMaxTableErrors) {
    Report(source, header.span, "E009",
           fmt::format("no {} for {}", missing == 1 ? "row" : "rows",
                       MissingList(xs, rows.seen, missing)));
  }
}

bool Analyzer::FillDataWeights(const ast::DataDecl& decl, Data& out) {
  CellSource source{file_, false, ""};
  std::vector<std::pair<Cell, Cell>> entries;
  std::optional<CsvTable> csv;
  Span anchor = decl.name.span;
  size_t errors_before = sink_.error_count();
  if (decl.body == ast::DataDecl::Body::kCsv) {
    csv = LoadCsv(decl.csv, "data", decl.name, source);
    if (!csv) return false;
    anchor = csv->rows[0].span;
    entries = CsvPairs(*csv, source, "weight");
  } else {
    entries = LiteralPairs(decl.weights);
  }
  // Infer the one domain every key belongs to.
  std::vector<DomainId> candidates;
  bool first = true;
  std::vector<bool> usable(entries.size(), true);
  for (size_t i = 0; i < entries.size(); ++i) {
    const Cell& key = entries[i].first;
    std::vector<DomainId> here;
    if (key.is_number) {
      int64_t v = 0;
      std::string_view t = key.text;
      if (!t.empty() && t[0] == '+') t.remove_prefix(1);
      auto [ptr, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
      if (ec == std::errc() && ptr == t.data() + t.size()) {
        for (size_t d = 0; d < model_.domains.size(); ++d) {
          const Domain& dom = model_.domains[d];
          if (domain_ok_[d] && dom.is_range && v >= dom.lo &&
              v - dom.lo < static_cast<int64_t>(dom.size())) {
            here.push_back(static_cast<DomainId>(d));
          }
        }
      }
    } else {
      auto it = value_domains_.find(std::string(key.text));
      if (it != value_domains_.end()) here = it->second;
    }
    if (here.empty()) {
      usable[i] = false;
      if (candidates.size() == 1) {
        LookupValue(candidates[0], key, source, "E005");
        continue;
      }
      Diagnostic& d =
          Report(source, key.span, "E002",
                 fmt::format("'{}' is not a value of any domain", key.text));
      if (!key.is_number) {
        std::vector<std::string> names;
        for (const auto& [name, domains] : value_domains_)
          names.push_back(name);
        std::string suggestion = SuggestName(std::string(key.text), names);
        if (!suggestion.empty()) {
          d.help.push_back(fmt::format("did you mean '{}'?", suggestion));
        }
      }
      continue;
    }
    if (first) {
      candidates = here;
      first = false;
      continue;
    }
    std::vector<DomainId> kept;
    for (DomainId d : candidates) {
      for (DomainId h : here) {
        if (d == h) kept.push_back(d);
      }
    }
    if (kept.empty()) {
      usable[i] = false;
      if (candidates.size() == 1) {
        LookupValue(candidates[0], key, source, "E005");
      } else {
        Report(source, key.span, "E005",
               fmt::format("the keys of data '{}' do not belong to one domain",
                           out.name));
      }
      continue;
    }
    candidates = std::move(kept);
  }
  if (sink_.error_count() != errors_before) return false;
  if (candidates.size() != 1) {
    DomainId hint = DataDomainHint(static_cast<int>(&out - model_.data.data()));
    bool found = false;
    for (DomainId d : candidates) found = found || d == hint;
    if (found || (candidates.empty() && hint != kNoDomain)) {
      candidates = {hint};
    } else if (candidates.empty()) {
      sink_.Error(file_, decl.name.span, "E012",
                  fmt::format("data '{}' has no weights", out.name));
      return false;
    } else {
      std::string list;
      for (size_t i = 0; i < candidates.size(); ++i) {
        list += fmt::format("{}'{}'",
                            i == 0                       ? ""
                            : i + 1 == candidates.size() ? " and "
                                                         : ", ",
                            model_.domains[candidates[i]].name);
      }
      Diagnostic& d = sink_.Error(
          file_, decl.name.span, "E012",
          fmt::format("cannot tell which domain data '{}' weighs: its keys "
                      "belong to {}",
                      out.name, list));
      d.help.push_back(
          "use it in a claim `over` it, or list a key that "
          "only one domain has");
      return false;
    }
  }
  out.domain = candidates[0];
  const Domain& dom = model_.domains[out.domain];
  out.weights.assign(dom.size(), Rational(0));
  TableKeys keys(dom.size());
  size_t errors = 0;
  for (const auto& [key, weight] : entries) {
    if (errors >= kMaxTableErrors) break;
    std::optional<uint32_t> x = LookupValue(out.domain, key, source, "E005");
    if (!x) {
      ++errors;
      continue;
    }
    if (!NewKey(keys, *x, key.span, dom, source, "E007", "weight")) {
      ++errors;
      continue;
    }
    std::optional<Rational> w = ParseNumber(weight, source, "E005", "a weight");
    if (!w) {
      ++errors;
      continue;
    }
    if (*w < 0) {
      Report(source, weight.span, "E008",
             fmt::format("negative weight {} for '{}'", weight.text,
                         dom.values[*x]));
      ++errors;
      continue;
    }
    out.weights[*x] = std::move(*w);
  }
  (void)anchor;
  return sink_.error_count() == errors_before;
}

void Analyzer::MaterializeLoss(int index, Span use) {
  if (loss_state_[index] != LossState::kPending) return;
  const ast::LossDecl& decl = *loss_decls_[index];
  Loss& loss = model_.losses[index];
  // Nested materialization (a loss expression calling another) must not
  // disturb the caller's expression state.
  std::vector<Scope> saved_scopes = std::move(scopes_);
  int saved_max = max_slots_;
  std::string saved_policy = std::move(policy_name_);
  DomainId saved_in = policy_in_, saved_out = policy_out_;
  loss_state_[index] = LossState::kInProgress;
  loss_stack_.push_back(index);

  BeginExpr(0);
  policy_name_.clear();
  policy_in_ = policy_out_ = kNoDomain;
  scopes_.push_back({decl.params[0].name.text, loss.input, 0});
  scopes_.push_back({decl.params[1].name.text, loss.output, 1});
  max_slots_ = 2;
  if (loss.successor != kNoDomain) {
    scopes_.push_back({decl.params[2].name.text, loss.successor, 2});
    max_slots_ = 3;
  }
  RExpr body;
  bool ok = ResolveAs(decl.expr, Type::Number(), body);
  int slots = max_slots_;

  loss_stack_.pop_back();
  scopes_ = std::move(saved_scopes);
  max_slots_ = saved_max;
  policy_name_ = std::move(saved_policy);
  policy_in_ = saved_in;
  policy_out_ = saved_out;
  if (!ok) {
    loss_state_[index] = LossState::kFailed;
    return;
  }
  const Domain& xs = model_.domains[loss.input];
  const Domain& ys = model_.domains[loss.output];
  size_t n = xs.size();
  size_t m = ys.size();
  Evaluator evaluator(model_);
  std::vector<Value> env(static_cast<size_t>(slots));
  if (loss.successor != kNoDomain) {
    loss.table.assign(n * m * n, Rational(0));
    for (uint32_t x = 0; x < n; ++x) {
      for (uint32_t y = 0; y < m; ++y) {
        for (uint32_t x2 = 0; x2 < n; ++x2) {
          env[0] = Value::Element(loss.input, x);
          env[1] = Value::Element(loss.output, y);
          env[2] = Value::Element(loss.successor, x2);
          Value v = evaluator.Eval(body, env);
          if (evaluator.failed()) {
            sink_.Error(file_, evaluator.error_span(), "E012",
                        fmt::format("{} in {} '{}' at {} = {}, {} = {}, {} = {}",
                                    evaluator.error(), loss.Word(), loss.name,
                                    decl.params[0].name.text, xs.values[x],
                                    decl.params[1].name.text, ys.values[y],
                                    decl.params[2].name.text, xs.values[x2]));
            loss_state_[index] = LossState::kFailed;
            return;
          }
          loss.table.Set((static_cast<size_t>(x) * m + y) * n + x2,
                         v.number);
        }
      }
    }
    loss_state_[index] = LossState::kDone;
    return;
  }
  loss.table.assign(n * m, Rational(0));
  for (uint32_t x = 0; x < n; ++x) {
    for (uint32_t y = 0; y < m; ++y) {
      env[0] = Value::Element(loss.input, x);
      env[1] = Value::Element(loss.output, y);
      Value v = evaluator.Eval(body, env);
      if (evaluator.failed()) {
        sink_.Error(
            file_, evaluator.error_span(), "E012",
            fmt::format("{} in loss '{}' at {} = {}, {} = {}",
                        evaluator.error(), loss.name, decl.params[0].name.text,
                        xs.values[x], decl.params[1].name.text, ys.values[y]));
        loss_state_[index] = LossState::kFailed;
        return;
      }
      loss.table.Set(static_cast<size_t>(x) * m + y, v.number);
    }
  }
  (void)use;
  loss.expr = std::make_shared<const RExpr>(std::move(body));
  loss.expr_slots = slots;
  loss_state_[index] = LossState::kDone;
}

}  // namespace aligncheck

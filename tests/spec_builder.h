// Builds a spec's text and its AST together, so analysis can be tested
// without the parser and diagnostics still point at real source text.
#ifndef ALIGNCHECK_TESTS_SPEC_BUILDER_H_
#define ALIGNCHECK_TESTS_SPEC_BUILDER_H_

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "analysis/analyze.h"
#include "diag/diagnostic.h"
#include "parse/ast.h"

namespace aligncheck::testing {

// Expressions without spans; SpecBuilder::Emit prints them and sets spans.
inline ast::Expr Nm(std::string name) {
  ast::Expr e;
  e.kind = ast::Expr::Kind::kName;
  e.text = std::move(name);
  return e;
}
inline ast::Expr Num(std::string text) {
  ast::Expr e;
  e.kind = ast::Expr::Kind::kNumber;
  e.text = std::move(text);
  return e;
}
inline ast::Expr Bool(bool b) {
  ast::Expr e;
  e.kind = ast::Expr::Kind::kBool;
  e.bool_value = b;
  return e;
}
inline ast::Expr Call(std::string callee, std::vector<ast::Expr> args) {
  ast::Expr e;
  e.kind = ast::Expr::Kind::kCall;
  e.text = std::move(callee);
  e.args = std::move(args);
  return e;
}
inline ast::Expr Un(ast::Op op, ast::Expr a) {
  ast::Expr e;
  e.kind = ast::Expr::Kind::kUnary;
  e.op = op;
  e.args.push_back(std::move(a));
  return e;
}
inline ast::Expr Bin(ast::Op op, ast::Expr a, ast::Expr b) {
  ast::Expr e;
  e.kind = ast::Expr::Kind::kBinary;
  e.op = op;
  e.args.push_back(std::move(a));
  e.args.push_back(std::move(b));
  return e;
}
inline ast::Expr Eq(ast::Expr a, ast::Expr b) {
  return Bin(ast::Op::kEq, std::move(a), std::move(b));
}
inline ast::Expr Binder(ast::Expr::Kind kind, std::string var,
                        std::string domain, ast::Expr body) {
  ast::Expr e;
  e.kind = kind;
  e.text = std::move(var);
  e.domain.text = std::move(domain);
  e.args.push_back(std::move(body));
  return e;
}
inline ast::Expr Forall(std::string v, std::string d, ast::Expr body) {
  return Binder(ast::Expr::Kind::kForall, std::move(v), std::move(d),
                std::move(body));
}
inline ast::Expr Exists(std::string v, std::string d, ast::Expr body) {
  return Binder(ast::Expr::Kind::kExists, std::move(v), std::move(d),
                std::move(body));
}
inline ast::Expr Count(std::string v, std::string d, ast::Expr body) {
  return Binder(ast::Expr::Kind::kCount, std::move(v), std::move(d),
                std::move(body));
}
inline ast::Expr Sum(std::string v, std::string d, ast::Expr body) {
  return Binder(ast::Expr::Kind::kSum, std::move(v), std::move(d),
                std::move(body));
}
inline ast::Expr If(ast::Expr c, ast::Expr t, ast::Expr f) {
  ast::Expr e;
  e.kind = ast::Expr::Kind::kIf;
  e.args = {std::move(c), std::move(t), std::move(f)};
  return e;
}
inline ast::Expr Member(ast::Expr element, std::vector<ast::Expr> values) {
  ast::Expr e;
  e.kind = ast::Expr::Kind::kMember;
  e.args.push_back(std::move(element));
  for (ast::Expr& v : values) e.args.push_back(std::move(v));
  return e;
}

using Entries = std::vector<std::pair<std::string, std::string>>;
using Rows = std::vector<std::pair<std::string, Entries>>;

class SpecBuilder {
 public:
  std::string text;
  ast::Spec spec;

  Span Put(std::string_view s) {
    uint32_t begin = static_cast<uint32_t>(text.size());
    text += s;
    return {begin, static_cast<uint32_t>(text.size())};
  }
  ast::Name N(std::string_view s) { return {std::string(s), Put(s)}; }
  ast::Literal L(std::string_view s) {
    ast::Literal l;
    size_t dots = s.find("..");
    if (dots != std::string_view::npos) {
      l.kind = ast::Literal::Kind::kRange;
      l.text = std::string(s.substr(0, dots));
      l.hi = std::string(s.substr(dots + 2));
    } else if (!s.empty() && s[0] == '"') {
      l.kind = ast::Literal::Kind::kString;
      l.text = std::string(s.substr(1, s.size() - 2));
    } else if (!s.empty() && (isdigit(static_cast<unsigned char>(s[0])) ||
                              s[0] == '-' || s[0] == '+' || s[0] == '.')) {
      l.kind = ast::Literal::Kind::kNumber;
      l.text = std::string(s);
    } else {
      l.kind = ast::Literal::Kind::kName;
      l.text = std::string(s);
    }
    l.span = Put(s);
    return l;
  }
  uint32_t Pos() const { return static_cast<uint32_t>(text.size()); }

  /// Prints `e`, setting the spans of it and its children.
  void Emit(ast::Expr& e, bool root = true) {
    using K = ast::Expr::Kind;
    static const char* kOps[] = {
        "not", "-",  "and", "or", "implies", "==",         "!=",     "<",
        "<=",  ">",  ">=",  "+",  "-",       "*",          "/",      "eventually",
        "always", "until"};
    bool paren = !root && e.kind != K::kName && e.kind != K::kNumber &&
                 e.kind != K::kBool && e.kind != K::kCall &&
                 e.kind != K::kCount && e.kind != K::kSum;
    if (paren) Put("(");
    uint32_t begin = Pos();
    switch (e.kind) {
      case K::kName:
      case K::kNumber:
        Put(e.text);
        break;
      case K::kBool:
        Put(e.bool_value ? "true" : "false");
        break;
      case K::kCall:
        Put(e.text);
        Put("(");
        for (size_t i = 0; i < e.args.size(); ++i) {
          if (i) Put(", ");
          Emit(e.args[i], true);
        }
        Put(")");
        break;
      case K::kUnary:
        Put(e.op == ast::Op::kNot ? "not " : "-");
        Emit(e.args[0], false);
        break;
      case K::kBinary:
        Emit(e.args[0], false);
        Put(" ");
        Put(kOps[static_cast<int>(e.op)]);
        Put(" ");
        Emit(e.args[1], false);
        break;
      case K::kForall:
      case K::kExists:
      case K::kCount:
      case K::kSum: {
        bool term = e.kind == K::kCount || e.kind == K::kSum;
        if (term) Put("(");
        Put(e.kind == K::kForall   ? "forall "
            : e.kind == K::kExists ? "exists "
            : e.kind == K::kCount  ? "count "
                                   : "sum ");
        e.var_span = Put(e.text);
        Put(" in ");
        e.domain.span = Put(e.domain.text);
        Put(": ");
        Emit(e.args[0], true);
        if (term) Put(")");
        break;
      }
      case K::kIf:
        Put("if ");
        Emit(e.args[0], false);
        Put(" then ");
        Emit(e.args[1], false);
        Put(" else ");
        Emit(e.args[2], false);
        break;
      case K::kMember:
        Emit(e.args[0], false);
        Put(" in {");
        for (size_t i = 1; i < e.args.size(); ++i) {
          if (i > 1) Put(", ");
          Emit(e.args[i], true);
        }
        Put("}");
        break;
      case K::kPath:
        Put(kOps[static_cast<int>(e.op)]);
        Put(e.text.empty() ? " " : " within " + e.text + " ");
        Emit(e.args[0], true);
        break;
    }
    e.span = {begin, Pos()};
    if (paren) Put(")");
  }

  void Domain(std::string_view name, const std::vector<std::string>& values) {
    ast::DomainDecl d;
    uint32_t begin = Pos();
    Put("domain ");
    d.name = N(name);
    Put(" = {");
    for (size_t i = 0; i < values.size(); ++i) {
      if (i) Put(", ");
      d.values.push_back(N(values[i]));
    }
    Put("}");
    d.span = {begin, Pos()};
    Put("\n");
    spec.decls.push_back(std::move(d));
  }
  void Range(std::string_view name, std::string_view range) {
    ast::DomainDecl d;
    uint32_t begin = Pos();
    Put("domain ");
    d.name = N(name);
    Put(" = ");
    d.is_range = true;
    d.range = L(range);
    d.span = {begin, Pos()};
    Put("\n");
    spec.decls.push_back(std::move(d));
  }
  void Fn(std::string_view name, std::string_view from, std::string_view to,
          const Entries& entries) {
    ast::FnDecl f;
    uint32_t begin = FnHead(f, name, from, to);
    Put("{");
    for (size_t i = 0; i < entries.size(); ++i) {
      if (i) Put(", ");
      ast::Literal k = L(entries[i].first);
      Put(": ");
      ast::Literal v = L(entries[i].second);
      f.entries.emplace_back(std::move(k), std::move(v));
    }
    Put("}");
    f.span = {begin, Pos()};
    Put("\n");
    spec.decls.push_back(std::move(f));
  }
  void FnCsv(std::string_view name, std::string_view from, std::string_view to,
             std::string_view path) {
    ast::FnDecl f;
    uint32_t begin = FnHead(f, name, from, to);
    f.body = ast::FnDecl::Body::kCsv;
    f.csv = Csv(path);
    f.span = {begin, Pos()};
    Put("\n");
    spec.decls.push_back(std::move(f));
  }
  void LossTable(std::string_view name,
                 const std::vector<std::pair<std::string, std::string>>& params,
                 const Rows& rows) {
    ast::LossDecl l;
    uint32_t begin = LossHead(l, name, params);
    Put("table {\n");
    for (const auto& [input, entries] : rows) {
      ast::TableRow row;
      uint32_t row_begin = Pos();
      Put("  ");
      row.input = L(input);
      Put(": ");
      for (size_t i = 0; i < entries.size(); ++i) {
        if (i) Put(", ");
        ast::Literal k = L(entries[i].first);
        Put(" ");
        ast::Literal v = L(entries[i].second);
        row.entries.push_back(ast::TableCell{
            k.span, v.span, k.kind == ast::Literal::Kind::kName});
      }
      row.span = {row_begin, Pos()};
      Put("\n");
      l.rows.push_back(std::move(row));
    }
    Put("}");
    l.span = {begin, Pos()};
    Put("\n");
    spec.decls.push_back(std::move(l));
  }
  void LossCsv(std::string_view name,
               const std::vector<std::pair<std::string, std::string>>& params,
               std::string_view path) {
    ast::LossDecl l;
    uint32_t begin = LossHead(l, name, params);
    Put("table ");
    l.body = ast::LossDecl::Body::kCsv;
    l.csv = Csv(path);
    l.span = {begin, Pos()};
    Put("\n");
    spec.decls.push_back(std::move(l));
  }
  void LossExpr(std::string_view name,
                const std::vector<std::pair<std::string, std::string>>& params,
                ast::Expr body) {
    ast::LossDecl l;
    uint32_t begin = LossHead(l, name, params);
    l.body = ast::LossDecl::Body::kExpr;
    l.expr = std::move(body);
    Emit(l.expr);
    l.span = {begin, Pos()};
    Put("\n");
    spec.decls.push_back(std::move(l));
  }
  void Data(std::string_view name, const Entries& weights) {
    ast::DataDecl d;
    uint32_t begin = Pos();
    Put("data ");
    d.name = N(name);
    Put(" = {");
    for (size_t i = 0; i < weights.size(); ++i) {
      if (i) Put(", ");
      ast::Literal k = L(weights[i].first);
      Put(": ");
      ast::Literal v = L(weights[i].second);
      d.weights.emplace_back(std::move(k), std::move(v));
    }
    Put("}");
    d.span = {begin, Pos()};
    Put("\n");
    spec.decls.push_back(std::move(d));
  }
  void DataDomain(std::string_view name, std::string_view domain) {
    ast::DataDecl d;
    uint32_t begin = Pos();
    Put("data ");
    d.name = N(name);
    Put(" = ");
    d.body = ast::DataDecl::Body::kDomain;
    d.domain = N(domain);
    d.span = {begin, Pos()};
    Put("\n");
    spec.decls.push_back(std::move(d));
  }
  void DataCsv(std::string_view name, std::string_view path) {
    ast::DataDecl d;
    uint32_t begin = Pos();
    Put("data ");
    d.name = N(name);
    Put(" = ");
    d.body = ast::DataDecl::Body::kCsv;
    d.csv = Csv(path);
    d.span = {begin, Pos()};
    Put("\n");
    spec.decls.push_back(std::move(d));
  }
  void Goal(std::string_view name, ast::Expr body,
            std::optional<std::pair<std::string, std::string>> sig = {},
            std::string_view policy = "pi") {
    ast::GoalDecl g;
    uint32_t begin = Pos();
    Put("goal ");
    g.name = N(name);
    Put("(");
    g.policy = N(policy);
    if (sig) {
      Put(": ");
      ast::Name in = N(sig->first);
      Put(" -> ");
      ast::Name out = N(sig->second);
      g.signature.emplace(std::move(in), std::move(out));
    }
    Put(") = ");
    g.body = std::move(body);
    Emit(g.body);
    g.span = {begin, Pos()};
    Put("\n");
    spec.decls.push_back(std::move(g));
  }
  /// Statements: {"register", loss, data}, {"closed"},
  /// {"channel", name, target expr, value expr} via Channel().
  struct Stmt {
    ast::PhysicalStmt::Kind kind;
    std::vector<std::string> names;
    ast::Expr target;
    ast::Expr value;
  };
  static Stmt Register(std::string loss, std::string data) {
    return {ast::PhysicalStmt::Kind::kRegister, {loss, data}, {}, {}};
  }
  static Stmt Closed() {
    return {ast::PhysicalStmt::Kind::kClosed, {}, {}, {}};
  }
  static Stmt Channel(std::string name, ast::Expr target, ast::Expr value) {
    return {ast::PhysicalStmt::Kind::kChannel,
            {name},
            std::move(target),
            std::move(value)};
  }
  void Physical(std::string_view name, std::vector<Stmt> stmts) {
    ast::PhysicalDecl p;
    uint32_t begin = Pos();
    Put("physical ");
    p.name = N(name);
    Put(" {\n");
    for (Stmt& s : stmts) {
      ast::PhysicalStmt st;
      st.kind = s.kind;
      uint32_t sb = Pos() + 2;
      Put("  ");
      if (s.kind == ast::PhysicalStmt::Kind::kRegister) {
        Put("register computes ");
        st.names.push_back(N(s.names[0]));
        Put(" on ");
        st.names.push_back(N(s.names[1]));
      } else if (s.kind == ast::PhysicalStmt::Kind::kClosed) {
        Put("closed");
      } else {
        Put("channel ");
        st.names.push_back(N(s.names[0]));
        Put(": ");
        st.target = std::move(s.target);
        Emit(st.target);
        Put(" := ");
        st.value = std::move(s.value);
        Emit(st.value);
      }
      st.span = {sb, Pos()};
      Put("\n");
      p.stmts.push_back(std::move(st));
    }
    Put("}");
    p.span = {begin, Pos()};
    Put("\n");
    spec.decls.push_back(std::move(p));
  }
  void Training(
      std::string_view name,
      const std::vector<std::pair<std::string, std::vector<std::string>>>&
          settings) {
    ast::TrainingDecl t;
    uint32_t begin = Pos();
    Put("training ");
    t.name = N(name);
    Put(" {\n");
    for (const auto& [key, values] : settings) {
      ast::Setting s;
      Put("  ");
      uint32_t sb = Pos();
      s.key = N(key);
      for (const std::string& v : values) {
        Put(" ");
        s.values.push_back(L(v));
      }
      s.span = {sb, Pos()};
      Put("\n");
      t.settings.push_back(std::move(s));
    }
    Put("}");
    t.span = {begin, Pos()};
    Put("\n");
    spec.decls.push_back(std::move(t));
  }
  void Agent(std::string_view name, std::string_view aspect,
             std::string_view prep = "", std::string_view target = "") {
    ast::AgentDecl a;
    uint32_t begin = Pos();
    Put("agent ");
    a.name = N(name);
    Put(" cares_about ");
    a.aspect = N(aspect);
    if (!prep.empty()) {
      Put(" ");
      a.preposition = N(prep);
    }
    if (!target.empty()) {
      Put(" ");
      a.target = N(target);
    }
    a.span = {begin, Pos()};
    Put("\n");
    spec.decls.push_back(std::move(a));
  }
  /// `reading` is the text after `as`, split on spaces, e.g.
  /// "idealized_minimizer over train within 0.1"; "" for none.
  void Claim(std::string_view name, std::string_view subject,
             std::string_view relation, std::string_view goal,
             std::string_view reading = "", std::string_view expect = "") {
    using C = ast::ClaimDecl;
    C c;
    uint32_t begin = Pos();
    Put("claim ");
    c.name = N(name);
    Put(":\n  ");
    c.subject = N(subject);
    Put(" ");
    c.relation_span = Put(relation);
    c.relation = relation == "represents" ? C::Relation::kRepresents
                 : relation == "encodes"  ? C::Relation::kEncodes
                 : relation == "achieves" ? C::Relation::kAchieves
                                          : C::Relation::kAlignedWith;
    Put(" ");
    c.goal = N(goal);
    if (!reading.empty()) {
      Put(" as ");
      std::vector<std::string> words;
      std::string w;
      for (char ch : std::string(reading) + " ") {
        if (ch == ' ') {
          if (!w.empty()) words.push_back(w);
          w.clear();
        } else {
          w += ch;
        }
      }
      uint32_t rb = Pos();
      c.reading_span = Put(words[0]);
      c.reading = words[0] == "idealized_minimizer" ? C::Reading::kIdealized
                  : words[0] == "physical_only"     ? C::Reading::kPhysical
                                                    : C::Reading::kTrained;
      (void)rb;
      for (size_t i = 1; i + 1 < words.size(); i += 2) {
        Put(" ");
        Put(words[i]);
        Put(" ");
        const std::string& key = words[i];
        const std::string& value = words[i + 1];
        if (key == "over") c.data = N(value);
        if (key == "via") c.model = N(value);
        if (key == "under") c.training = N(value);
        if (key == "within") c.within = L(value);
        if (key == "below") c.threshold = L(value);
        if (key == "in") {
          // "linear(f1,f2)": a class with feature arguments.
          size_t open = value.find('(');
          c.hypothesis = N(value.substr(0, open));
          if (open != std::string::npos) {
            Put("(");
            std::string args = value.substr(open + 1, value.size() - open - 2);
            size_t start = 0;
            while (start <= args.size()) {
              size_t comma = args.find(',', start);
              if (comma == std::string::npos) comma = args.size();
              if (start) Put(", ");
              c.hypothesis_args.push_back(N(args.substr(start, comma - start)));
              start = comma + 1;
            }
            Put(")");
          }
        }
      }
    }
    if (!expect.empty()) {
      Put(" expect ");
      c.expect_span = Put(expect);
      c.expect = expect == "holds" ? C::Expect::kHolds : C::Expect::kFails;
    }
    c.span = {begin, Pos()};
    Put("\n");
    spec.decls.push_back(std::move(c));
  }

  std::shared_ptr<const SourceFile> File(std::string name = "spec.align") {
    return std::make_shared<SourceFile>(std::move(name), text);
  }

 private:
  uint32_t FnHead(ast::FnDecl& f, std::string_view name, std::string_view from,
                  std::string_view to) {
    uint32_t begin = Pos();
    Put("fn ");
    f.name = N(name);
    Put(": ");
    f.from = N(from);
    Put(" -> ");
    f.to = N(to);
    Put(" = ");
    return begin;
  }
  uint32_t LossHead(
      ast::LossDecl& l, std::string_view name,
      const std::vector<std::pair<std::string, std::string>>& params) {
    uint32_t begin = Pos();
    Put("loss ");
    l.name = N(name);
    Put("(");
    for (size_t i = 0; i < params.size(); ++i) {
      if (i) Put(", ");
      ast::Param p;
      p.name = N(params[i].first);
      Put(": ");
      p.type = N(params[i].second);
      l.params.push_back(std::move(p));
    }
    Put(") = ");
    return begin;
  }
  ast::CsvRef Csv(std::string_view path) {
    ast::CsvRef ref;
    Put("csv ");
    ref.span = Put("\"" + std::string(path) + "\"");
    ref.path = std::string(path);
    return ref;
  }
};

/// Runs analysis and renders every diagnostic, sorted, as one string.
inline std::string Diagnose(SpecBuilder& b,
                            std::optional<Model>* model = nullptr,
                            std::string file_name = "spec.align",
                            const AnalysisLimits& limits = {}) {
  DiagnosticSink sink;
  std::optional<Model> m = Analyze(b.spec, b.File(file_name), sink, limits);
  std::string out;
  for (const Diagnostic& d : sink.Sorted()) out += RenderDiagnosticText(d);
  if (model) *model = std::move(m);
  return out;
}

}  // namespace aligncheck::testing

#endif  // ALIGNCHECK_TESTS_SPEC_BUILDER_H_

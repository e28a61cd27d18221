// Conversion of the parser-internal tree into the public AST.
#include "parse/convert.h"

#include <algorithm>
#include <boost/variant/apply_visitor.hpp>
#include <utility>

#include "parse/claim_words.h"

namespace aligncheck::parse {
namespace {

Span SpanOf(const x3ast::spanned& s) { return Span{s.sbegin, s.send}; }

ast::Name NameOf(const x3ast::name& n) { return ast::Name{n.text, SpanOf(n)}; }

ast::Literal LiteralOf(const x3ast::literal& l) { return l; }

ast::CsvRef CsvOf(const x3ast::literal& l) {
  return ast::CsvRef{l.text, l.span};
}

ast::Expr Leaf(ast::Expr::Kind kind, Span span) {
  ast::Expr e;
  e.kind = kind;
  e.span = span;
  return e;
}

/// Visits one operand; each case reports the height of what it built.
class ExprVisitor {
 public:
  using result_type = ast::Expr;

  ExprVisitor(const Converter& c, uint32_t max_depth, uint32_t& depth)
      : c_(c), max_depth_(max_depth), depth_(depth) {}

  ast::Expr operator()(const x3ast::nil&) const {
    depth_ = 1;
    return Leaf(ast::Expr::Kind::kBool, Span{});
  }
  ast::Expr operator()(const x3ast::name& n) const {
    depth_ = 1;
    ast::Expr e = Leaf(ast::Expr::Kind::kName, SpanOf(n));
    e.text = n.text;
    return e;
  }
  ast::Expr operator()(const x3ast::number& n) const {
    depth_ = 1;
    ast::Expr e = Leaf(ast::Expr::Kind::kNumber, SpanOf(n));
    e.text = n.text;
    return e;
  }
  ast::Expr operator()(const x3ast::boolean& b) const {
    depth_ = 1;
    ast::Expr e = Leaf(ast::Expr::Kind::kBool, SpanOf(b));
    e.bool_value = b.value;
    return e;
  }
  ast::Expr operator()(const x3ast::chain& ch) const {
    uint32_t d = 0;
    ast::Expr lhs = c_.Expr(ch.first, d);
    for (const x3ast::operation& op : ch.rest) {
      uint32_t rd = 0;
      ast::Expr rhs = c_.Expr(op.rhs, rd);
      lhs = Binary(op.op, std::move(lhs), std::move(rhs));
      d = Height(lhs.span, std::max(d, rd));
    }
    depth_ = d;
    return lhs;
  }
  ast::Expr operator()(const x3ast::unary& u) const {
    uint32_t d = 0;
    ast::Expr e = Leaf(ast::Expr::Kind::kUnary, SpanOf(u));
    e.op = u.op;
    e.args.push_back(c_.Expr(u.arg, d));
    depth_ = Height(e.span, d);
    return e;
  }
  ast::Expr operator()(const x3ast::quant& q) const {
    using Kind = ast::Expr::Kind;
    Kind kind = q.kind.text == "forall"   ? Kind::kForall
                : q.kind.text == "exists" ? Kind::kExists
                : q.kind.text == "count"  ? Kind::kCount
                                          : Kind::kSum;
    ast::Expr e = Leaf(kind, SpanOf(q));
    e.text = q.var.text;
    e.var_span = SpanOf(q.var);
    e.domain = NameOf(q.domain);
    uint32_t d = 0;
    e.args.push_back(c_.Expr(q.body, d));
    depth_ = Height(e.span, d);
    return e;
  }
  ast::Expr operator()(const x3ast::if_expr& i) const {
    ast::Expr e = Leaf(ast::Expr::Kind::kIf, SpanOf(i));
    uint32_t d = 0;
    for (const x3ast::operand* o : {&i.cond, &i.then_branch, &i.else_branch}) {
      uint32_t od = 0;
      e.args.push_back(c_.Expr(*o, od));
      d = std::max(d, od);
    }
    depth_ = Height(e.span, d);
    return e;
  }
  ast::Expr operator()(const x3ast::call& c) const {
    ast::Expr e = Leaf(ast::Expr::Kind::kCall, SpanOf(c));
    e.text = c.callee.text;
    uint32_t d = 0;
    for (const x3ast::operand& a : c.args) {
      uint32_t ad = 0;
      e.args.push_back(c_.Expr(a, ad));
      d = std::max(d, ad);
    }
    depth_ = Height(e.span, d);
    return e;
  }
  ast::Expr operator()(const x3ast::compare& cmp) const {
    uint32_t d = 0;
    ast::Expr lhs = c_.Expr(cmp.lhs, d);
    if (!cmp.tail) {
      depth_ = d;
      return lhs;
    }
    if (const auto* op = boost::get<x3ast::operation>(&cmp.tail->get())) {
      uint32_t rd = 0;
      ast::Expr rhs = c_.Expr(op->rhs, rd);
      ast::Expr e = Binary(op->op, std::move(lhs), std::move(rhs));
      depth_ = Height(e.span, std::max(d, rd));
      return e;
    }
    const auto& set = boost::get<x3ast::member_set>(cmp.tail->get());
    ast::Expr e =
        Leaf(ast::Expr::Kind::kMember, Span{lhs.span.begin, set.send});
    e.args.push_back(std::move(lhs));
    for (const x3ast::operand& v : set.values) {
      uint32_t vd = 0;
      e.args.push_back(c_.Expr(v, vd));
      d = std::max(d, vd);
    }
    depth_ = Height(e.span, d);
    return e;
  }
  ast::Expr operator()(const x3ast::path& p) const {
    ast::Expr e = Leaf(ast::Expr::Kind::kPath, SpanOf(p));
    e.op = p.kind.text == "always" ? ast::Op::kAlways : ast::Op::kEventually;
    if (p.bound) e.text = p.bound->text;
    uint32_t d = 0;
    e.args.push_back(c_.Expr(p.body, d));
    depth_ = Height(e.span, d);
    return e;
  }
  template <typename T>
  ast::Expr operator()(const boost::spirit::x3::forward_ast<T>& f) const {
    return (*this)(f.get());
  }

 private:
  static ast::Expr Binary(ast::Op op, ast::Expr lhs, ast::Expr rhs) {
    ast::Expr e =
        Leaf(ast::Expr::Kind::kBinary, Span{lhs.span.begin, rhs.span.end});
    e.op = op;
    e.args.reserve(2);
    e.args.push_back(std::move(lhs));
    e.args.push_back(std::move(rhs));
    return e;
  }
  uint32_t Height(Span span, uint32_t child) const {
    uint32_t h = child + 1;
    if (h > max_depth_) throw DepthError{span};
    return h;
  }

  const Converter& c_;
  uint32_t max_depth_;
  uint32_t& depth_;
};

}  // namespace

ast::Expr Converter::Expr(const x3ast::operand& o, uint32_t& depth) const {
  ExprVisitor v(*this, max_depth_, depth);
  return boost::apply_visitor(v, o.get());
}

ast::Decl Converter::operator()(x3ast::mdp_decl& d) const {
  using Kind = ast::MdpItem::Kind;
  ast::MdpDecl out;
  out.name = NameOf(d.id);
  out.span = SpanOf(d);
  for (x3ast::mdp_item& it : d.items) {
    ast::MdpItem item;
    item.span = SpanOf(it);
    const std::string& key = it.key.text;
    item.kind = key == "states"     ? Kind::kStates
                : key == "actions"  ? Kind::kActions
                : key == "start"    ? Kind::kStart
                : key == "discount" ? Kind::kDiscount
                : key == "terminal" ? Kind::kTerminal
                : key == "next"     ? Kind::kNext
                : key == "grid"     ? Kind::kGrid
                : key == "legend"   ? Kind::kLegend
                : key == "tiles"    ? Kind::kTiles
                : key == "slip"     ? Kind::kSlip
                                    : Kind::kStay;
    for (const x3ast::name& n : it.body.names) item.names.push_back(NameOf(n));
    item.weights = std::move(it.body.weights);
    item.map = std::move(it.body.strings);
    if (item.kind == Kind::kNext) {
      switch (it.body.next_kind) {
        case 1:
          item.next_body = ast::MdpItem::NextBody::kTable;
          for (x3ast::next_row& r : it.body.rows) {
            ast::NextRow row;
            row.state = std::move(r.state);
            row.span = SpanOf(r);
            for (x3ast::next_cell& c : r.cells) {
              ast::NextCell cell;
              cell.action = std::move(c.action);
              cell.span = SpanOf(c);
              if (c.target.one) {
                cell.outcomes.emplace_back(std::move(*c.target.one),
                                           ast::Literal{});
              } else {
                cell.outcomes = std::move(c.target.dist);
              }
              row.cells.push_back(std::move(cell));
            }
            item.rows.push_back(std::move(row));
          }
          break;
        case 2:
          item.next_body = ast::MdpItem::NextBody::kCsv;
          if (it.body.value) item.csv = CsvOf(*it.body.value);
          break;
        default: {
          item.next_body = ast::MdpItem::NextBody::kExpr;
          uint32_t depth = 0;
          item.expr = Expr(it.body.expr, depth);
        }
      }
    } else if (it.body.value) {
      item.value = std::move(*it.body.value);
    }
    out.items.push_back(std::move(item));
  }
  return out;
}

ast::Decl Converter::operator()(x3ast::domain_decl& d) const {
  ast::DomainDecl out;
  out.name = NameOf(d.id);
  out.span = SpanOf(d);
  if (d.body.range) {
    out.is_range = true;
    out.range = LiteralOf(*d.body.range);
  } else {
    for (const x3ast::name& v : d.body.values) out.values.push_back(NameOf(v));
  }
  return out;
}

ast::Decl Converter::operator()(x3ast::fn_decl& d) const {
  ast::FnDecl out;
  out.name = NameOf(d.id);
  out.from = NameOf(d.from);
  out.to = NameOf(d.to);
  out.span = SpanOf(d);
  if (d.body.kind == 1 && d.body.csv) {
    out.body = ast::FnDecl::Body::kCsv;
    out.csv = CsvOf(*d.body.csv);
  } else {
    out.entries = std::move(d.body.entries);
  }
  return out;
}

ast::Decl Converter::operator()(x3ast::loss_decl& d) const {
  ast::LossDecl out;
  out.name = NameOf(d.id);
  out.reward = d.keyword.text == "reward";
  out.span = SpanOf(d);
  for (const x3ast::param& p : d.params) {
    out.params.push_back(ast::Param{NameOf(p.id), NameOf(p.type)});
  }
  switch (d.body.kind) {
    case 1:
      out.body = ast::LossDecl::Body::kCsv;
      if (d.body.csv) out.csv = CsvOf(*d.body.csv);
      break;
    case 2: {
      out.body = ast::LossDecl::Body::kExpr;
      uint32_t depth = 0;
      out.expr = Expr(d.body.expr, depth);
      break;
    }
    default:
      out.body = ast::LossDecl::Body::kTable;
      out.rows.reserve(d.body.rows.size());
      for (x3ast::table_row& r : d.body.rows) {
        ast::TableRow row;
        row.input = std::move(r.input);
        row.entries = std::move(r.cells);
        row.span = SpanOf(r);
        out.rows.push_back(std::move(row));
      }
  }
  return out;
}

ast::Decl Converter::operator()(x3ast::data_decl& d) const {
  ast::DataDecl out;
  out.name = NameOf(d.id);
  out.span = SpanOf(d);
  switch (d.body.kind) {
    case 1:
      out.body = ast::DataDecl::Body::kCsv;
      if (d.body.csv) out.csv = CsvOf(*d.body.csv);
      break;
    case 2:
      out.body = ast::DataDecl::Body::kDomain;
      if (d.body.domain) out.domain = NameOf(*d.body.domain);
      break;
    default:
      out.body = ast::DataDecl::Body::kWeights;
      out.weights = std::move(d.body.weights);
  }
  return out;
}

ast::Decl Converter::operator()(x3ast::goal_decl& d) const {
  ast::GoalDecl out;
  out.name = NameOf(d.id);
  out.policy = NameOf(d.policy);
  if (d.sig) out.signature.emplace(NameOf(d.sig->from), NameOf(d.sig->to));
  uint32_t depth = 0;
  out.body = Expr(d.body, depth);
  out.span = SpanOf(d);
  return out;
}

ast::Decl Converter::operator()(x3ast::physical_decl& d) const {
  ast::PhysicalDecl out;
  out.name = NameOf(d.id);
  out.span = SpanOf(d);
  for (const x3ast::physical_stmt& s : d.stmts) {
    ast::PhysicalStmt stmt;
    stmt.span = SpanOf(s);
    if (s.kind.text == "register") {
      stmt.kind = ast::PhysicalStmt::Kind::kRegister;
      stmt.names = {NameOf(s.a), NameOf(s.b)};
    } else if (s.kind.text == "channel") {
      stmt.kind = ast::PhysicalStmt::Kind::kChannel;
      stmt.names = {NameOf(s.a)};
      uint32_t depth = 0;
      if (s.when) stmt.when = Expr(*s.when, depth);
      stmt.target = Expr(s.target, depth);
      stmt.value = Expr(s.value, depth);
    } else if (s.kind.text == "arithmetic") {
      stmt.kind = ast::PhysicalStmt::Kind::kArithmetic;
      stmt.names = {NameOf(s.a)};
      uint32_t depth = 0;
      stmt.value = Expr(s.value, depth);
    } else if (s.kind.text == "implemented") {
      stmt.kind = ast::PhysicalStmt::Kind::kImplemented;
      uint32_t depth = 0;
      stmt.target = Expr(s.target, depth);
      stmt.value = Expr(s.value, depth);
    } else {
      stmt.kind = ast::PhysicalStmt::Kind::kClosed;
    }
    out.stmts.push_back(std::move(stmt));
  }
  return out;
}

ast::Decl Converter::operator()(x3ast::training_decl& d) const {
  ast::TrainingDecl out;
  out.name = NameOf(d.id);
  out.span = SpanOf(d);
  for (const x3ast::setting& s : d.settings) {
    ast::Setting setting;
    setting.key = NameOf(s.key);
    setting.span = SpanOf(s);
    for (const x3ast::literal& v : s.values) {
      setting.values.push_back(LiteralOf(v));
    }
    out.settings.push_back(std::move(setting));
  }
  return out;
}

ast::Decl Converter::operator()(x3ast::agent_decl& d) const {
  ast::AgentDecl out;
  out.name = NameOf(d.id);
  out.aspect = NameOf(d.aspect);
  if (d.target) {
    out.preposition = NameOf(d.target->preposition);
    out.target = NameOf(d.target->target);
  }
  out.span = SpanOf(d);
  return out;
}

ast::Decl Converter::operator()(x3ast::claim_decl& d) const {
  using C = ast::ClaimDecl;
  C out;
  out.name = NameOf(d.id);
  out.subject = NameOf(d.subject);
  const RelationWord* relation = FindRelationWord(d.relation.text);
  out.relation = relation ? relation->relation : C::Relation::kAlignedWith;
  out.relation_span = SpanOf(d.relation);
  out.goal = NameOf(d.goal);
  if (d.over) out.over = NameOf(*d.over);
  if (d.scale) out.scale = NameOf(*d.scale);
  if (d.below) out.relation_below = LiteralOf(*d.below);
  if (d.read) {
    const x3ast::reading& r = *d.read;
    out.reading_span = SpanOf(r);
    const ReadingWord* word = FindReadingWord(r.kind.text);
    out.reading = word ? word->reading : C::Reading::kNone;
    if (out.reading == C::Reading::kIdealized) {
      out.data = NameOf(r.target);
      if (r.hyp) {
        out.hypothesis = NameOf(r.hyp->id);
        for (const x3ast::name& a : r.hyp->args) {
          out.hypothesis_args.push_back(NameOf(a));
        }
      }
      if (r.bound) out.within = LiteralOf(r.bound->value);
    } else if (out.reading == C::Reading::kPhysical) {
      out.model = NameOf(r.target);
      if (r.bound) out.threshold = LiteralOf(r.bound->value);
      if (r.bound) out.threshold_above = r.bound->word.text == "above";
    } else if (out.reading == C::Reading::kTrained) {
      out.training = NameOf(r.target);
    }
  }
  if (d.expect) {
    out.expect = ExpectFromWord(d.expect->text);
    out.expect_span = SpanOf(*d.expect);
  }
  out.span = SpanOf(d);
  return out;
}

ast::StoryDecl Converter::Story(x3ast::story_decl& d) const {
  ast::StoryDecl out;
  out.name = NameOf(d.id);
  out.span = SpanOf(d);
  for (const x3ast::story_item& item : d.items) {
    ast::Setting s;
    s.key = NameOf(item.key);
    s.span = SpanOf(item);
    for (const x3ast::literal& v : item.values) s.values.push_back(v);
    out.items.push_back(std::move(s));
  }
  if (d.expect) {
    out.expect = ExpectFromWord(d.expect->text);
    out.expect_span = SpanOf(*d.expect);
  }
  return out;
}

}  // namespace aligncheck::parse

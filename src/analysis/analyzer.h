// The analyzer's private state, shared by the files that implement it:
// declarations (analyze.cpp), tables and CSV (tables.cpp), expressions
// (resolve_expr.cpp). Callers include analysis/analyze.h only.
#ifndef ALIGNCHECK_ANALYSIS_ANALYZER_H_
#define ALIGNCHECK_ANALYSIS_ANALYZER_H_

#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analysis/analyze.h"
#include "analysis/csv.h"

namespace aligncheck {

/// What a top-level name denotes.
enum class DeclKind {
  kDomain,
  kFn,
  kLoss,
  kData,
  kGoal,
  kPhysical,
  kTraining,
  kAgent,
  kClaim,
  kMdp,
};

const char* DeclKindName(DeclKind kind);

/// "line:col" of `span` in `file`, for messages that point elsewhere.
std::string At(const SourceFile& file, Span span);

/// A whole decimal integer literal (an optional '+'), or nullopt.
std::optional<int64_t> ParseInt(std::string_view text);

/// Where table cells come from: the spec itself or a CSV file. Problems in a
/// CSV file are E009, located there, with a note naming the declaration.
struct CellSource {
  std::shared_ptr<const SourceFile> file;
  bool csv = false;
  std::string note;  // "loaded by loss 'grader' at specs/x.align:3:6"
};

/// A table key or value, whichever syntax it came from.
struct Cell {
  std::string_view text;
  bool is_number = false;
  Span span;
};

/// The keys a table has given so far: each value of its domain at most
/// once.
struct TableKeys {
  explicit TableKeys(size_t n) : seen(n, 0), where(n) {}
  std::vector<char> seen;   // by value index
  std::vector<Span> where;  // where each seen key stands
  /// Returns how many values have no key.
  size_t Missing() const;
};

/// Whether an mdp block is written in the grid form (analysis/grid_mdp.cpp).
bool IsGridMdp(const ast::MdpDecl& decl);

/// What the map of a grid mdp stands for: declarations as if written out,
/// and where each cell (state) is.
struct GridInfo {
  bool ok = false;
  std::string states, actions, tiles;  // domain names
  std::vector<std::string> rows;       // the map
  std::vector<std::pair<uint32_t, uint32_t>> where;  // per cell: (row, col)
  ast::DomainDecl cells, moves, kinds;
  ast::FnDecl tile_fn;
};

class Analyzer {
 public:
  Analyzer(const ast::Spec& spec, std::shared_ptr<const SourceFile> file,
           DiagnosticSink& sink, const AnalysisLimits& limits);
  std::optional<Model> Run();

 private:
  struct Symbol {
    DeclKind kind;
    int index;
    Span span;
  };
  struct Scope {
    std::string name;
    DomainId domain;
    int slot;
  };
  enum class LossState { kPending, kInProgress, kDone, kFailed };

  // analyze.cpp: declarations.
  void Collect();
  void ResolveDomain(const ast::DomainDecl& decl, Domain& out);
  void ResolveFn(const ast::FnDecl& decl, Function& out);
  bool ResolveLossSignature(const ast::LossDecl& decl, Loss& out);
  void ResolveData(const ast::DataDecl& decl, Data& out);
  void ResolvePhysical(const ast::PhysicalDecl& decl, PhysicalModel& out);
  bool FirstRegister(const ast::PhysicalStmt& stmt,
                     const ast::PhysicalStmt** first, const std::string& name);
  void CheckClosedOrChannels(const ast::PhysicalDecl& decl,
                             const ast::PhysicalStmt* closed_stmt,
                             bool has_channels, const std::string& name);
  void ResolveTraining(const ast::TrainingDecl& decl, Training& out);
  // resolve_training_mdp.cpp: learners over an mdp.
  bool ResolveMdpTrainingSetting(const ast::Setting& s, Training& out);
  void CheckMdpTraining(const ast::TrainingDecl& decl, Training& out);
  void ResolveTrainedMdpClaim(const ast::ClaimDecl& decl, int loss,
                              Claim& out);
  // resolve_physical.cpp: machine arithmetic, sensor channels, thresholds.
  void ResolveArithmetic(const ast::PhysicalStmt& stmt, PhysicalModel& out);
  bool ResolveSensorTarget(const ast::PhysicalDecl& decl,
                           const ast::Expr& target, Type& want);
  void CheckMachineRegister(const ast::PhysicalDecl& decl,
                            const PhysicalModel& out);
  void CheckThreshold(const ast::ClaimDecl& decl, const Claim& out);
  void ResolveAgent(const ast::AgentDecl& decl, Agent& out);
  // resolve_physical_mdp.cpp: physical models whose register is over an mdp.
  bool RegisterOverMdp(const ast::PhysicalDecl& decl) const;
  void ResolvePhysicalMdp(const ast::PhysicalDecl& decl, PhysicalModel& out);
  bool ResolveMdpChannel(const ast::PhysicalStmt& stmt,
                         const PhysicalModel& out, Channel& channel);
  void ResolvePhysicalMdpClaim(const ast::ClaimDecl& decl, int loss,
                               Claim& out);
  // resolve_mdp.cpp: mdp blocks; grid_mdp.cpp: the grid form.
  void ResolveMdp(const ast::MdpDecl& decl, MdpModel& out);
  void ExpandGrid(const ast::MdpDecl& decl, GridInfo& out);
  void BuildGridMoves(const ast::MdpDecl& decl, const GridInfo& grid,
                      MdpModel& out, MdpBuilder& builder,
                      const std::vector<bool>& terminal);
  void InferGoalSignatures();
  void ResolveGoal(const ast::GoalDecl& decl, Goal& out);
  void ResolveClaim(const ast::ClaimDecl& decl, Claim& out);
  // resolve_relation.cpp: relations between two rewards.
  void ResolveRelationClaim(const ast::ClaimDecl& decl, Claim& out);
  void ResolveMdpRelation(const ast::ClaimDecl& decl, Claim& out);
  bool RelationWrittenAsAligned(const ast::ClaimDecl& decl, const Claim& out);
  // resolve_training.cpp: what trained-outcome and class claims add.
  void ResolveTrainingExtras(const ast::TrainingDecl& decl, Training& out);
  void ResolveClaimExtras(const ast::ClaimDecl& decl, Claim& out);
  // resolve_story.cpp: training stories.
  void ResolveStories();
  void AppendStoryClaims(const std::vector<bool>& checkable);
  // The value of a `within` or `below` literal, or E005 and nullopt.
  std::optional<Rational> NumberOrError(const ast::Literal& literal,
                                        const char* keyword);
  int ClaimLoss(const ast::ClaimDecl& decl) const;
  DomainId DataDomainHint(int data_index) const;

  // tables.cpp: tables, CSV and loss materialization.
  std::optional<uint32_t> LookupValue(DomainId d, const Cell& cell,
                                      const CellSource& source, const char* id);
  std::optional<Rational> ParseNumber(const Cell& cell,
                                      const CellSource& source, const char* id,
                                      const char* what);
  std::optional<Value> ParseFnValue(const Function& fn, const Cell& cell,
                                    const CellSource& source);
  Diagnostic& Report(const CellSource& source, Span span, const char* id,
                     std::string message);
  std::optional<CsvTable> LoadCsv(const ast::CsvRef& ref, std::string_view what,
                                  const ast::Name& decl_name,
                                  CellSource& source);
  /// The (key, value) cells of the two-column CSV table `csv`, header left
  /// out; a row of another width is reported (E009, "expected 2 cells
  /// (input,`value`)") and skipped.
  std::vector<std::pair<Cell, Cell>> CsvPairs(const CsvTable& csv,
                                              const CellSource& source,
                                              const char* value);
  void FillFnTable(const ast::FnDecl& decl, Function& out);
  void FillLossTable(const ast::LossDecl& decl, Loss& out);
  void FillLossCsv(const ast::LossDecl& decl, Loss& out);
  bool FillDataWeights(const ast::DataDecl& decl, Data& out);
  void MaterializeLoss(int index, Span use);
  std::string MissingList(const Domain& d, const std::vector<char>& seen,
                          size_t missing) const;
  /// Records key `x` of domain `d`, standing at `at`. When the table gave it
  /// before, reports `id` "duplicate `what` for 'x'" with a note where, and
  /// returns false.
  bool NewKey(TableKeys& keys, uint32_t x, Span at, const Domain& d,
              const CellSource& source, const char* id, const char* what);

  // resolve_expr.cpp: expressions.
  bool Resolve(const ast::Expr& e, DomainId hint, RExpr& out);
  bool ResolveAs(const ast::Expr& e, Type want, RExpr& out);
  bool ResolveName(const ast::Expr& e, DomainId hint, RExpr& out);
  void CheckNamesOnly(const ast::Expr& e);
  void ReportUndefinedName(const ast::Expr& e);
  bool ResolveCall(const ast::Expr& e, RExpr& out);
  // resolve_run.cpp: return(M, pi, r) and prob(M, pi, PATH).
  bool IsRunAtom(const ast::Expr& e) const;
  bool ResolveRunAtom(const ast::Expr& e, RExpr& out);
  bool RejectPathOutsideProb(const ast::Expr& e);
  bool IsMdpName(const std::string& name) const;
  /// Whether `l` is over `m`'s states and actions (and its successor, for
  /// a transition reward); otherwise E005 at `at`, `why` appended.
  bool RewardFitsMdp(const Loss& l, const MdpModel& m, Span at,
                     const std::string& why = "");
  /// `within eps` of an idealized claim: a non-negative number.
  void ResolveWithin(const ast::ClaimDecl& decl, Claim& out);
  void ResolveMdpClaim(const ast::ClaimDecl& decl, int loss, Claim& out);
  bool ResolveBinary(const ast::Expr& e, RExpr& out);
  bool ResolveBinder(const ast::Expr& e, RExpr& out);
  bool ResolveMember(const ast::Expr& e, RExpr& out);
  bool ResolveIf(const ast::Expr& e, DomainId hint, RExpr& out);
  bool ToNumber(RExpr& e, const char* context);
  bool Unify(RExpr& a, RExpr& b, Span where, const char* what);
  bool CheckArgument(RExpr& arg, Type want, size_t position,
                     const std::string& callee);
  std::string TypeText(Type t) const;
  std::string Article(Type t) const;
  DomainId FindDomain(const ast::Name& name);
  int FindDecl(const ast::Name& name, DeclKind kind);
  const Symbol* Lookup(const std::string& name) const;
  std::vector<std::string> NamesOfKind(DeclKind kind) const;
  void BeginExpr(int base_slots);

  const ast::Spec& spec_;
  std::shared_ptr<const SourceFile> file_;
  DiagnosticSink& sink_;
  AnalysisLimits limits_;
  Model model_;

  std::unordered_map<std::string, Symbol> symbols_;
  std::vector<const ast::DomainDecl*> domain_decls_;
  std::vector<const ast::FnDecl*> fn_decls_;
  std::vector<const ast::LossDecl*> loss_decls_;
  std::vector<const ast::DataDecl*> data_decls_;
  std::vector<const ast::GoalDecl*> goal_decls_;
  std::vector<const ast::PhysicalDecl*> physical_decls_;
  std::vector<const ast::TrainingDecl*> training_decls_;
  std::vector<const ast::AgentDecl*> agent_decls_;
  std::vector<const ast::ClaimDecl*> claim_decls_;
  std::vector<const ast::MdpDecl*> mdp_decls_;
  /// Per mdp: its grid (ok = false when it has none); the declarations a
  /// grid stands for live here, so the pointers above stay valid.
  std::deque<GridInfo> grids_;

  // Domain values: per domain name -> index; per name -> domains having it.
  std::vector<std::unordered_map<std::string, uint32_t>> value_index_;
  std::unordered_map<std::string, std::vector<DomainId>> value_domains_;
  std::vector<bool> domain_ok_;
  std::vector<bool> fn_ok_;
  std::vector<bool> loss_sig_ok_;
  std::vector<LossState> loss_state_;
  std::vector<bool> data_ok_;
  std::vector<bool> goal_sig_ok_;
  std::vector<bool> physical_ok_;
  std::vector<bool> agent_ok_;
  std::vector<bool> mdp_ok_;

  // Expression state.
  std::vector<Scope> scopes_;
  bool in_path_ = false;  // resolving the operands of a path formula
  int max_slots_ = 0;
  std::string policy_name_;  // empty outside goals
  DomainId policy_in_ = kNoDomain;
  DomainId policy_out_ = kNoDomain;
  std::vector<int> loss_stack_;  // losses being materialized, for cycles
  // Per story: its rationale as indices into claim_decls_ (-1: undefined).
  std::vector<std::vector<int>> story_rationale_;
};

}  // namespace aligncheck

#endif  // ALIGNCHECK_ANALYSIS_ANALYZER_H_

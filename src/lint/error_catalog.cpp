// The texts of `aligncheck explain EXXX`: one line of meaning and an
// example of the fix for every input error id.
#include <fmt/format.h>

#include "lint/rule_catalog.h"

namespace aligncheck {

const std::vector<ErrorInfo>& AllErrors() {
  static const char* kUnused = "not reported by this version of aligncheck";
  static const std::vector<ErrorInfo> kErrors = {
      {"E001", "syntax error: the parser expected one thing and found another",
       "follow the help line; e.g. `pi(x) = good` -> `pi(x) == good`, "
       "`&&` -> `and`, `// note` -> `# note`"},
      {"E002", "a name that is not defined (a domain, fn, loss, goal, data, "
               "model, claim, ...; also `--claim NAME`)",
       "declare it, or use the spelling the `did you mean` line offers"},
      {"E003", "a name, value or setting declared twice",
       "`domain X = {a, a}` -> `domain X = {a, b}`"},
      {"E004", "wrong number of arguments or parameters",
       "`in linear` -> `in linear(f1, f2)`; `pi(x, y)` -> `pi(x)`"},
      {"E005", "a type mismatch: a value of the wrong domain or kind",
       "`goal g(pi) = forall x in X: pi(x) == 3` with outputs {yes, no} -> "
       "`pi(x) == yes`"},
      {"E006", "a table or fn that leaves an input or output without a value",
       "`{a: 1}` over domain {a, b} -> `{a: 1, b: 0}`"},
      {"E007", "a table row or entry given twice",
       "`a: yes 0, yes 1` -> `a: yes 0, no 1`"},
      {"E008", "a number out of its range (negative weight, discount not in "
               "(0, 1), probabilities not summing to 1, ...)",
       "`discount 1` -> `discount 0.9`; `{a: -1}` -> `{a: 1}`"},
      {"E009", "a CSV file that cannot be read or holds bad rows",
       "`table csv \"labels.csv\"` with rows `input,output` naming domain "
       "values"},
      {"E010", "a file or directory that cannot be read, or holds no specs",
       "check the path; a directory needs .align files"},
      {"E011", "input over a limit (nesting, list items, line length, file "
               "size, a number exponent over 100000)",
       "split the formula or table, or raise the limit: `--max-nesting 400`"},
      {"E012", "a clause that does not belong to this relation or reading",
       "`l aligned_with g over D as idealized_minimizer` -> `l aligned_with "
       "g as idealized_minimizer over D`"},
      {"E013", "a machine bit width out of range (1 to 64 bits)",
       "`arithmetic unsigned 128` -> `arithmetic unsigned 64`"},
      {"E014", "a value the declared register arithmetic cannot hold (a "
               "fraction in whole-number arithmetic, ...)",
       "give whole weights to data summed by an integer register: "
       "`{a: 1/2}` -> `{a: 1}`"},
      {"E015", "a physical_only threshold outside the register's range",
       "`below 300` with `arithmetic unsigned 8` -> `below 200`"},
      {"E016", kUnused, "-"},
      {"E017", kUnused, "-"},
      {"E018", kUnused, "-"},
      {"E019", kUnused, "-"},
      {"E020", "a file outside the spec's (or document's) directory tree",
       "move the file next to the spec, or pass `--allow-outside`"},
      {"E021", "an invalid .aligncheck.toml",
       "`[rule]` -> `[rules]`; `AC01 = \"off\"` -> `AC001 = \"off\"`"},
      {"E022", kUnused, "-"},
      {"E023", kUnused, "-"},
      {"E024", kUnused, "-"},
      {"E025", kUnused, "-"},
      {"E026", kUnused, "-"},
      {"E027", kUnused, "-"},
      {"E028", kUnused, "-"},
      {"E029", kUnused, "-"},
      {"E030", "an aligncheck block in a write-up that is never closed",
       "add the closing ``` fence or `\\end{aligncheck}`"},
      {"E031", "a fence or `\\begin{aligncheck}` opened inside an aligncheck "
               "block",
       "close the first block before opening another"},
      {"E032", "invalid UTF-8 in a write-up (a warning; reading goes on)",
       "save the file as UTF-8"},
      {"E033", "a code fence, HTML comment, verbatim or math environment not "
               "closed (a warning): the rest is not prose",
       "close it: add the ``` or `-->` or `\\end{...}`"},
      {"E034", "`aligncheck: spec` without a path",
       "`<!-- aligncheck: spec -->` -> `<!-- aligncheck: spec model.align -->`"},
      {"E035", "`\\end{aligncheck}` without a `\\begin{aligncheck}`",
       "add the `\\begin{aligncheck}` or remove the stray end"},
      {"E036", "a write-up given to check/lint, or a spec given to gate",
       "`aligncheck check notes.md` -> `aligncheck gate notes.md`"},
      {"E037", "a code fence labelled like a misspelt `aligncheck` (a "
               "warning): the block is not checked",
       "```` ```alignchek ```` -> ```` ```aligncheck ````"},
  };
  return kErrors;
}

const ErrorInfo* FindError(const std::string& id) {
  for (const ErrorInfo& e : AllErrors()) {
    if (id == e.id) return &e;
  }
  return nullptr;
}

std::string ExplainError(const ErrorInfo& error) {
  return fmt::format("{} (input error)\n{}\nfix: {}\n", error.id,
                     error.meaning, error.fix);
}

}  // namespace aligncheck

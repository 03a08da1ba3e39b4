/**
 * "Practice in scope on date D" (DESIGN.md "Figures"), the one SQL text of the rule: opened on or before D
 * (or no open date) and not closed on or before D. The figures' statement (figures.sql.ts), the follow-up
 * rule (follow-up-rule.repository.ts) and the practice list's `open` filter all use it; a lint rule
 * (eslint.config.mjs) keeps the comparison from being written anywhere else.
 *
 * A text fragment rather than a database function: the planner sees the same two comparisons as before,
 * so the figures' plans do not change, and the stored figures' hash (taken over the statement's text, see
 * stored-figures.repository.ts) changes whenever this rule does. `practice` is the practice row's alias,
 * `date` an SQL expression of type date (`$1::date`, `d.day`). Two conditions joined by AND: put it in
 * parentheses inside a larger expression (`NOT (…)`, `… OR …`).
 */
export const practiceInScope = (practice: string, date: string): string =>
  `(${practice}.opened_on IS NULL OR ${practice}.opened_on <= ${date})
      AND (${practice}.closed_on IS NULL OR ${practice}.closed_on > ${date})`;

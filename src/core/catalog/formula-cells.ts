/**
 * Text a spreadsheet would run as a formula when the cell is opened (CSV / formula injection): a cell whose first
 * character is `=`, `+`, `-` or `@` (or a tab or carriage return, which some spreadsheets skip before one).
 * A plain number (`-5`, `+81`) is not a formula.
 * @example startsLikeFormula('=HYPERLINK("http://x","click")') // true
 */
export function startsLikeFormula(text: string): boolean {
  return /^[=+\-@\t\r]/.test(text) && !/^[+-]?\d+(?:[.,]\d+)*$/.test(text);
}

/**
 * The cell as a spreadsheet shows it without running it: a leading `'` marks it as text (OWASP's advice).
 * @example neutralizeFormula('=1+1') // "'=1+1"
 */
export function neutralizeFormula(text: string): string {
  return startsLikeFormula(text) ? `'${text}` : text;
}

/**
 * Renders rows as a pretty-printed JSON array with a final newline. Absent
 * (`undefined`) fields are left out, so `error` appears only where one occurred.
 */
export function renderJson(rows: readonly object[]): string {
  return `${JSON.stringify(rows, null, 2)}\n`;
}

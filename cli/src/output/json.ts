const RAW_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * Renders rows as a pretty-printed JSON array with a final newline. Absent
 * (`undefined`) fields are left out, so `error` appears only where one
 * occurred. Values stay exact: JSON escapes C0 controls itself, and DEL, C1
 * and bidirectional controls, which `JSON.stringify` leaves raw, are written
 * as `\uNNNN` escapes too, so that a terminal showing the JSON never obeys them.
 */
export function renderJson(rows: readonly object[]): string {
  return `${JSON.stringify(rows, null, 2).replace(RAW_IN_JSON, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}

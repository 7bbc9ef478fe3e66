/**
 * Control and bidirectional characters that must never reach a terminal, a
 * spreadsheet or a page raw; the tool's own line ends (`\n`, and `\r\n` in
 * CSV) are allowed.
 */
const RAW_CONTROL =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is its purpose
  /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|\r(?!\n)/gu;

/** The raw control characters in `text`, as code points (`U+001B`), for a readable failure. */
export function rawControls(text: string): string[] {
  return [...text.matchAll(RAW_CONTROL)].map(
    ([char]) => `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`,
  );
}

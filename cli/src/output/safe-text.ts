/*
 * Text from AWS and from member accounts (account and OU names, annotations,
 * error messages, pack errors, rule names) is hostile until shown safely: an
 * OU name may carry a terminal escape sequence that retitles the window,
 * clears the screen or paints a false "COMPLIANT", and a right-to-left
 * override reorders what an auditor reads. Every text the tool shows a
 * person (table, CSV, stderr, HTML page) goes through `safeText`; JSON keeps
 * exact values (JSON escaping is enough there).
 */

/**
 * The characters made visible: C0 controls, DEL, C1 controls, the
 * bidirectional controls (U+202A–U+202E embeddings and overrides,
 * U+2066–U+2069 isolates, U+200E/U+200F/U+061C marks) and the Unicode line
 * and paragraph separators (U+2028, U+2029), which some terminals break
 * lines at.
 */
const UNSAFE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is its purpose
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * `text` with its control characters made visible: `\x1b` for those below
 * U+0100 (ESC, line feed, C1 such as `\x9b`), `\u202e` for the others.
 *
 * @example
 * safeText('Prod\u001b]0;owned\u0007'); // 'Prod\\x1b]0;owned\\x07'
 */
export function safeText(text: string): string {
  return text.replace(UNSAFE, (char) => {
    const code = char.charCodeAt(0);
    return code < 0x100
      ? `\\x${code.toString(16).padStart(2, '0')}`
      : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/**
 * A text of several lines (the tool's own line breaks) with every line made
 * safe: only `\n` survives as a control character.
 */
export function safeLines(text: string): string {
  return text.split('\n').map(safeText).join('\n');
}

import { ANNOTATION_MAX_LENGTH } from './constants.js';
import { type RootAccessKey, RootKeySource, type RootKeys } from './facts.js';

/** How much of a key's history to print; lower levels make shorter text. */
type Detail = 3 | 2 | 1 | 0;
const DETAIL_LEVELS: readonly Detail[] = [3, 2, 1, 0];

/**
 * Returns the first candidate that fits the annotation limit, else the last
 * one cut at a word boundary with an ellipsis.
 */
export function fitAnnotation(candidates: readonly string[]): string {
  const fitting = candidates.find((text) => text.length <= ANNOTATION_MAX_LENGTH);
  return fitting ?? truncateAtWord(candidates.at(-1) ?? '', ANNOTATION_MAX_LENGTH);
}

/** Cuts `text` to `max` characters at a word boundary, ending with `…`. */
export function truncateAtWord(text: string, max: number = ANNOTATION_MAX_LENGTH): string {
  if (text.length <= max) return text;
  const room = text.slice(0, max - 1);
  const lastSpace = room.lastIndexOf(' ');
  const cut = lastSpace > max / 2 ? room.slice(0, lastSpace) : room;
  return `${cut.replace(/[\s,;:(]+$/, '')}…`;
}

/** "1 access key" / "2 access keys". */
export function countKeys(count: number): string {
  return `${count} access key${count === 1 ? '' : 's'}`;
}

/** "Delete it." / "Delete them." */
export function deleteAdvice(count: number): string {
  return count === 1 ? 'Delete it.' : 'Delete them.';
}

/**
 * Describes the keys at every level of detail, most detailed first, e.g.
 * `key 1 active, last used 2026-11-20 (s3, us-east-1), rotated 2019-03-02`
 * (credential report) or `key AKIAIOSFODNN7EXAMPLE active, …, created 2019-03-02`
 * (key list).
 */
export function describeKeysByDetail(root: RootKeys): string[] {
  return DETAIL_LEVELS.map((detail) =>
    root.keys.map((key, index) => describeKey(key, index, root.source, detail)).join('; '),
  );
}

/** How a key is named: its slot in the report, else its id, else its place in the list. */
function keyLabel(key: RootAccessKey, index: number): string {
  return `key ${key.slot ?? key.accessKeyId ?? index + 1}`;
}

/**
 * One key in words, at full detail unless told otherwise: `key AKIA… active,
 * last used 2026-11-20 (s3, us-east-1), created 2019-03-02`.
 */
export function describeKey(
  key: RootAccessKey,
  index: number,
  source: RootKeySource,
  detail: Detail = 3,
): string {
  const parts = [`${keyLabel(key, index)} ${key.active ? 'active' : 'inactive'}`];
  if (detail >= 1) parts.push(describeLastUse(key, detail));
  if (detail >= 3 && key.created !== undefined) {
    // The report calls a key's creation its last rotation; the key list its CreateDate.
    const verb = source === RootKeySource.CredentialReport ? 'rotated' : 'created';
    parts.push(`${verb} ${key.created}`);
  }
  return parts.join(', ');
}

function describeLastUse(key: RootAccessKey, detail: Detail): string {
  if (key.lastUsedDate === undefined) return 'never used';
  const where = [key.lastUsedService, key.lastUsedRegion].filter(Boolean).join(', ');
  return detail >= 2 && where !== ''
    ? `last used ${key.lastUsedDate} (${where})`
    : `last used ${key.lastUsedDate}`;
}

/** Character-wise differences of two texts (Chinese has no spaces to split words on), through jsdiff. */
import { diffChars } from 'diff';
import type { DiffSegment } from '@township-office/domain/documents.api';

/** Beyond this the comparison gives up and shows the whole old text deleted and the new one inserted. */
const DIFF_TIMEOUT_MS = 2000;

export function diffText(before: string, after: string): DiffSegment[] {
  if (before === after) return before === '' ? [] : [{ op: 'equal', text: before }];
  const changes = diffChars(before, after, { timeout: DIFF_TIMEOUT_MS });
  if (!changes)
    return [...(before ? [{ op: 'delete' as const, text: before }] : []), ...(after ? [{ op: 'insert' as const, text: after }] : [])];
  return changes.filter((c) => c.value !== '').map((c) => ({ op: c.added ? 'insert' : c.removed ? 'delete' : 'equal', text: c.value }));
}

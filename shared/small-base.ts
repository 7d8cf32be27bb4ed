// A rate or average worked out from very few people moves a long way with one person: turnover of
// 80.0% from one leaver among two people in post says little about a service. Such a figure is
// shown with a caution in place of a "target met / not met" verdict (issue 13). Pure.
import { formatCount } from './format';

/** Below this many people behind a figure, one person moves a rate by more than 10 points. */
export const MIN_BASE = 10;

/**
 * The caution for a figure resting on `base` people (`who`: "people in post", "social workers
 * holding cases"), or null when the base is large enough. A base of zero has no figure at all.
 */
export function smallBaseCaution(base: number, who: string, kind: 'rate' | 'average'): string | null {
  if (base <= 0 || base >= MIN_BASE) return null;
  const n = Math.round(base);
  const effect = kind === 'rate'
    ? `one person more or less moves this rate by about ${formatCount(Math.round(100 / base))} percentage points`
    : 'one person’s cases move this average a long way';
  return `Small numbers: from only ${formatCount(n)} ${who}, ${effect}. Read it with care.`;
}

// A batch's values as one string for the trip from the conversion worker to the importing
// thread: posting an array of millions of small strings costs the worker more than converting
// them (1.5 s of 6 s at a million rows), while one long string is copied in a single piece and
// split back in a fraction of that. Separator \u0000; null is \u0001; a number is \u0002 and its
// shortest round-trip text, so every value comes back exactly as it went.
import type { StoredValue } from './convert';

const SEP = '\u0000';
const NULL = '\u0001';
const NUMBER = 2;

/** The values as one string, or null if a text value contains a control character we use. */
export function packValues(values: readonly StoredValue[]): string | null {
  const parts = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v === null) parts[i] = NULL;
    else if (typeof v === 'number') parts[i] = '\u0002' + (Object.is(v, -0) ? '-0' : String(v));
    else {
      // Never in a real export, but a value must not be able to pass itself off as a marker.
      if (v.length > 0 && (v.includes(SEP) || v.charCodeAt(0) <= NUMBER)) return null;
      parts[i] = v;
    }
  }
  return parts.join(SEP);
}

export function unpackValues(packed: string, count: number): StoredValue[] {
  if (count === 0) return [];
  const parts: StoredValue[] = packed.split(SEP);
  for (let i = 0; i < parts.length; i++) {
    const s = parts[i] as string;
    if (s.length > 0 && s.charCodeAt(0) <= NUMBER) parts[i] = s === NULL ? null : Number(s.slice(1));
  }
  return parts;
}

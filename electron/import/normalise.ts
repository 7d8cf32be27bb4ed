// The one matching rule for headings and coded values (DOMAIN.md): case-insensitive, ignoring
// spaces, underscores, hyphens and other punctuation, so "Case Holder", "case_holder" and
// "CASE-HOLDER" are the same word.
export function norm(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '');
}

/** A lookup table from normalised spellings to canonical values. */
export function lookup(entries: Record<string, readonly string[]>): Map<string, string> {
  const map = new Map<string, string>();
  for (const [value, spellings] of Object.entries(entries)) {
    map.set(norm(value), value);
    for (const s of spellings) map.set(norm(s), value);
  }
  return map;
}

// What counts as an internal word on a screen: snake_case identifiers, command-line options,
// "canonical", camelCase setting keys and shell commands. Used by the plain-words browser test.
const PATTERNS: RegExp[] = [
  /\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/g, // senior_manager, fixed_term
  /(?<![\w-])--[a-z][a-z-]*/g, // --source
  /\bcanonical\b/gi,
  /\b[a-z]+[A-Z][A-Za-z]*\b/g, // laCode, caseloadThreshold
  /\bscrutiny-pack\s+[a-z]+/g, // a shell command
];
// Product names that happen to look like camelCase.
const ALLOWED = new Set(['iTrent']);

/** The internal words found in a text, in order of first appearance, each once. */
export function codeWords(raw: string): string[] {
  // A file's own name and path are the user's words, not ours.
  const text = raw.replace(/\S*[/\\]\S*/g, 'PATH').replace(/[^\s/\\]+\.(?:csv|xlsx|xml|sqlite|docx|pdf|html|json)\b/gi, 'FILE');
  const hits: Array<{ at: number; word: string }> = [];
  for (const p of PATTERNS) for (const m of text.matchAll(p)) if (!ALLOWED.has(m[0])) hits.push({ at: m.index ?? 0, word: m[0] });
  return [...new Set(hits.sort((a, b) => a.at - b.at).map((h) => h.word))];
}

// A heading as plain Latin letters and digits, for the identity check only: a heading typed
// with full-width letters (ＤＯＢ), an accent (Prénom) or a Cyrillic or Greek letter that looks
// Latin ("Dоb" with a Cyrillic о) must be caught like the plain spelling. NFKC first (full-width
// and compatibility forms), then the look-alikes, then accents dropped, then norm()'s rule.

// Cyrillic and Greek letters that look like a Latin letter, both cases (Unicode confusables).
const LOOK_ALIKES: Record<string, string> = {
  // Cyrillic capitals and small letters
  А: 'A', В: 'B', Е: 'E', Ё: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', У: 'Y', Х: 'X',
  І: 'I', Ї: 'I', Ј: 'J', Ѕ: 'S', Ԁ: 'D', Ԛ: 'Q', Ԝ: 'W', Ү: 'Y',
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x',
  і: 'i', ї: 'i', ј: 'j', ѕ: 's', ԁ: 'd', ԛ: 'q', ԝ: 'w', ь: 'b', һ: 'h', ү: 'y',
  // Greek capitals and small letters
  Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Υ: 'Y', Χ: 'X',
  α: 'a', β: 'b', γ: 'y', ε: 'e', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', ω: 'w',
};
const LOOK_ALIKE_RE = new RegExp(`[${Object.keys(LOOK_ALIKES).join('')}]`, 'gu');

export function foldHeading(text: string): string {
  return text
    .normalize('NFKC')
    .replace(LOOK_ALIKE_RE, (c) => LOOK_ALIKES[c] ?? c)
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

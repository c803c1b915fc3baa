/**
 * A trip's `<locale>` may list several places: "Tel Aviv, Jerusalem", "Belfast, Hillsborough
 * (Northern Ireland)", "Sydney (Nova Scotia), Campobello Island (New Brunswick)". Each becomes a
 * leg. Commas inside an abbreviation ("Mexico, D.F.") or a parenthesis do not split.
 */

/** Parts that qualify the place before them rather than name a new one. */
const QUALIFIERS = /^(d\.?\s?f\.?|d\.?\s?c\.?|b\.?\s?c\.?)$/i;

/** Splits a locale into its places, in order, without duplicates; an empty locale gives []. */
export function splitLocale(locale: string): string[] {
  const text = locale.replace(/\s+/g, ' ').trim();
  if (text === '') return [];
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth = Math.max(0, depth - 1);
    if ((ch === ',' || ch === ';') && depth === 0) {
      parts.push(current.trim());
      current = '';
      continue;
    }
    current += ch;
  }
  parts.push(current.trim());
  const out: string[] = [];
  for (const p of parts) {
    if (p === '') continue;
    const prev = out[out.length - 1];
    if (prev !== undefined && QUALIFIERS.test(p)) {
      out[out.length - 1] = `${prev}, ${p}`;
      continue;
    }
    if (!out.includes(p)) out.push(p);
  }
  return out;
}

/** "Hillsborough (Northern Ireland)" → "Hillsborough": the name to look up in the gazetteer. */
export function placeNameForLookup(part: string): string {
  const bare = part.replace(/\s*\([^)]*\)\s*/g, ' ').trim();
  // "Mexico, D.F." is Mexico City.
  if (/^mexico,\s*d\.?\s?f\.?$/i.test(bare)) return 'Mexico City';
  return bare;
}

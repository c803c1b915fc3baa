/**
 * People's names in the Office of the Historian's records: "Prime Minister Liaquat Ali Khan",
 * "Amir Sheikh Tamim bin Hamad Al Thani", "President Anwar Sadat, Prime Minister Mustafa Khalil".
 * Titles are taken off the name (and kept as the person's role); spellings of one person are
 * recognised by a spelling-insensitive key.
 */

/**
 * Leading titles, longest first. Each pattern is matched at the start of the text, case-insensitive,
 * and must be followed by a space or a capital letter (the data has "Prime MinisterHaidar al-Abadi").
 * `title` is the spelling the app shows; misspellings in the data map to it ("Prime Minster").
 */
const TITLES: readonly { re: RegExp; title: string; honorific?: boolean }[] = [
  ['chairman of the presidency', 'Chairman of the Presidency'],
  ['president of the council of ministers', 'President of the Council of Ministers'],
  ['first deputy prime minister', 'First Deputy Prime Minister'],
  ['deputy prime minister', 'Deputy Prime Minister'],
  ['interim prime minister', 'Interim Prime Minister'],
  ['acting prime minister', 'Acting Prime Minister'],
  ['prime minister[- ]+prince', 'Prime Minister and Prince'],
  ['prime mini?ste?re?', 'Prime Minister'],
  ['president[- ]+elect', 'President-elect'],
  ['president[- ]+designate', 'President-designate'],
  ['provisional president', 'Provisional President'],
  ['interim president', 'Interim President'],
  ['acting president', 'Acting President'],
  ['vice[- ]president', 'Vice President'],
  ['president', 'President'],
  ['vice premier', 'Vice Premier'],
  ['premier', 'Premier'],
  ['chancellor[- ]+elect', 'Chancellor-elect'],
  ['federal chancellor', 'Federal Chancellor'],
  ['chancellor', 'Chancellor'],
  ['secretary of state', 'Secretary of State'],
  ['secretary[- ]general', 'Secretary-General'],
  ['general secretary', 'General Secretary'],
  ['first secretary', 'First Secretary'],
  ['foreign minister', 'Foreign Minister'],
  ['minister', 'Minister'],
  ['governor[- ]general', 'Governor General'],
  ['chief of state', 'Chief of State'],
  ['head of state', 'Head of State'],
  ['head of government', 'Head of Government'],
  ['junta member', 'Junta Member'],
  ['chairman', 'Chairman'],
  ['crown prince', 'Crown Prince'],
  ['grand duke', 'Grand Duke'],
  ['grand duchess', 'Grand Duchess'],
  ['queen mother', 'Queen Mother'],
  ['king', 'King'],
  ['queen', 'Queen'],
  ['emperor', 'Emperor'],
  ['empress', 'Empress'],
  ['prince', 'Prince'],
  ['princess', 'Princess'],
  ['regent', 'Regent'],
  ['sultan', 'Sultan'],
  ['amir', 'Amir'],
  ['emir', 'Emir'],
  ['shah', 'Shah'],
  ['pope', 'Pope'],
  ['taoiseach', 'Taoiseach'],
  ['lieutenant general', 'Lieutenant General'],
  ['brigadier general', 'Brigadier General'],
  ['major general', 'Major General'],
  ['field marshal', 'Field Marshal'],
  ['generalissimo', 'Generalissimo'],
  ['general', 'General'],
  ['marshal', 'Marshal'],
  ['colonel', 'Colonel'],
  ['sheikh?', 'Sheikh', true],
].map(([pattern, title, honorific]) => ({
  re: new RegExp(`^(?:${pattern as string})`, 'i'),
  title: title as string,
  ...(honorific ? { honorific: true } : {}),
}));

/**
 * The title at the start of `text` and the text after it, or null. A title must end the word:
 * next comes a space, the end, or a capital letter (the data has "Prime MinisterHaidar"), so
 * "Kingsley" is not King + "sley".
 */
function leadingTitle(text: string): { title: string; honorific: boolean; rest: string } | null {
  for (const t of TITLES) {
    const m = t.re.exec(text);
    if (!m) continue;
    const next = text.charAt(m[0].length);
    if (next !== '' && !/\s/.test(next) && !(next !== next.toLowerCase() && next === next.toUpperCase())) continue;
    return { title: t.title, honorific: t.honorific === true, rest: text.slice(m[0].length).replace(/^\.?\s*/, '') };
  }
  return null;
}

export interface ParsedName {
  /** The name without titles: "Liaquat Ali Khan". */
  name: string;
  /** The office as the app shows it ("Prime Minister"), or null when the text has none. */
  title: string | null;
}

function clean(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/\b(al|el)-\s+/gi, '$1-') // "al- Abadi"
    .trim();
}

/**
 * Takes the leading titles off a name: "Amir Sheikh Tamim bin Hamad al-Thani" → title "Amir",
 * name "Tamim bin Hamad al-Thani"; "Premier and Prince Sihanouk" → "Premier and Prince",
 * "Sihanouk". Honorifics (Sheikh) are dropped from the name but are not an office.
 */
export function parseTitledName(text: string): ParsedName {
  let rest = clean(text);
  const titles: string[] = [];
  for (let guard = 0; guard < 6; guard++) {
    const joiner = /^(and|&)\s+/i.exec(rest);
    if (joiner && titles.length > 0) {
      const after = rest.slice(joiner[0].length);
      if (!leadingTitle(after)) break;
      rest = after;
      titles.push('and');
      continue;
    }
    const t = leadingTitle(rest);
    if (!t) break;
    if (t.rest.trim() === '') break; // "King" alone: that is the name, not a title
    // After an office only honorifics follow ("Amir Sheikh Tamim"): in "Prime Minister Shah
    // Mahmud" or "Prime Minister Amir Abbas Hoveyda" the second word is a given name.
    if (titles.length > 0 && titles[titles.length - 1] !== 'and' && !t.honorific) break;
    rest = t.rest;
    if (!t.honorific) titles.push(t.title);
  }
  while (titles[titles.length - 1] === 'and') titles.pop();
  const title = titles.length ? titles.join(' ') : null;
  return { name: rest.trim().replace(/^,\s*/, ''), title };
}

/**
 * One record's visitor field may name several people: "President Fatmir Sejdiu and Prime Minister
 * Hashim Thaci", "President Anwar Sadat, Prime Minister Mustafa Khalil". It is split only where
 * every part starts with a title and has a name after it, so "Premier and Prince Sihanouk" and
 * "President Benigno S. Aquino, 3rd" stay one person.
 */
export function splitVisitors(text: string): ParsedName[] {
  const whole = clean(text);
  const parts = whole.split(/\s*,\s+|\s+and\s+|\s*&\s*/);
  if (parts.length > 1) {
    const parsed = parts.map(parseTitledName);
    if (parsed.every((p) => p.title !== null && p.name !== '')) return parsed;
  }
  return [parseTitledName(whole)];
}

const ARTICLES = new Set(['al', 'el', 'ul']);

/**
 * A key two spellings of one name share: accents, case, punctuation, "al-"/"el-" articles,
 * vowels after each word's first letter and doubled letters do not count, so "Sabah al-Ahmed
 * al-Jaber al-Sabah" = "Sabah Al-Ahmed Al-Jabir Al-Sabah", "Mohammad Reza Pahlavi" = "Mohammed
 * Reza Pahlavi", "Tamim" = "Tameem". Short words (four letters or fewer) are kept whole: without
 * their vowels too many surnames would meet ("Kan", "Kono").
 */
export function nameKey(name: string): string {
  const words = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’'`.]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '' && !ARTICLES.has(w));
  return words
    .map((w) => {
      if (w.length <= 4) return w;
      const skeleton = w[0] + w.slice(1).replace(/[aeiouy]/g, '');
      return skeleton.replace(/(.)\1+/g, '$1');
    })
    .join(' ');
}

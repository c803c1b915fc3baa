import { foldForMatch } from '../../shared/text/fold';

/** One choice of a combobox: a record (person, country, visit) by id, with what it is found by. */
export interface ComboOption {
  /** The value chosen ('' for an "empty" choice such as "Nothing"). */
  id: string;
  /** What the list shows and the input reads once chosen. */
  label: string;
  /** Other text the option is found by, not shown: aliases, codes, official names. */
  keywords?: readonly string[] | undefined;
  /** A second, quieter line: e.g. the alias that matched, a role. */
  detail?: string | undefined;
  /** A heading the option is listed under ("Visits", "People"), for mixed lists. */
  group?: string | undefined;
}

/** The options with their folded text, computed once per list, so that each keystroke only compares. */
export interface ComboIndex {
  options: readonly ComboOption[];
  labels: readonly string[];
  keys: readonly string[];
}

export function comboIndex(options: readonly ComboOption[]): ComboIndex {
  return {
    options,
    labels: options.map((o) => ` ${foldForMatch(o.label)}`),
    keys: options.map((o) => ` ${[o.label, ...(o.keywords ?? [])].map(foldForMatch).join(' | ')}`),
  };
}

export interface ComboMatches {
  /** At most `limit` options, best first (in list order within a rank). */
  shown: ComboOption[];
  /** How many options match in all. */
  total: number;
}

/**
 * The options a query finds, folded as every name matcher folds (`foldForMatch`: case, accents,
 * "al-"): every word of the query must start a word of the option's label or keywords. Options whose
 * label starts with the query come first, then those whose label has a word starting with it, then
 * those found through a keyword only. An empty query lists the options in their order. Only the
 * first `limit` are returned, so a list of thousands renders a few dozen rows. `skip` leaves out
 * options already chosen.
 */
export function matchOptions(
  index: ComboIndex,
  query: string,
  limit: number,
  skip: (option: ComboOption) => boolean = () => false,
): ComboMatches {
  const q = foldForMatch(query);
  const words = q === '' ? [] : q.split(' ').map((w) => ` ${w}`);
  const ranks: ComboOption[][] = [[], [], []];
  let total = 0;
  for (let i = 0; i < index.options.length; i++) {
    if (skip(index.options[i]!)) continue;
    const key = index.keys[i]!;
    if (!words.every((w) => key.includes(w))) continue;
    total++;
    const label = index.labels[i]!;
    const rank = label.startsWith(` ${q}`) ? 0 : words.every((w) => label.includes(w)) ? 1 : 2;
    const bucket = ranks[rank]!;
    if (bucket.length < limit) bucket.push(index.options[i]!);
  }
  return { shown: ranks.flat().slice(0, limit), total };
}

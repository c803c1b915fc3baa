import { describe, expect, it } from 'vitest';

import { tokenize } from '../../../shared/extract/text';

// The pattern the tokenizer's ASCII scan must agree with (it falls back to it on other characters).
const TOKEN_RE = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['.-][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*\.?|[^\s\p{L}\p{M}\p{N}]|\p{M}/gu;

/** Each token as "start:text", with the split-off final dot folded back, as the pattern matches it. */
function scanned(text: string): string[] {
  const out: string[] = [];
  const tokens = tokenize(text);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1];
    if (!t.punct && next && next.text === '.' && next.start === t.end) {
      const joined = `${t.start}:${t.text}.`;
      if (matched(text).includes(joined)) {
        out.push(joined);
        i++;
        continue;
      }
    }
    out.push(`${t.start}:${t.text}`);
  }
  return out;
}

function matched(text: string): string[] {
  return [...text.matchAll(TOKEN_RE)].map((m) => `${m.index}:${m[0]}`);
}

describe('tokenize: the ASCII scan and the token pattern', () => {
  it.each([
    "U.S. officials met al-Sisi's aide in Jan. 2020, a.-b x' 'y' 9.5 -- ... a.b. end-",
    'a.',
    'a-',
    "a'",
    'Café-Bar naïve Zürich. Łódź.\nNew Delhi',
    'x\u0301 e\u0301 \u0301lead ca\u0301t a-é é-a x.é',
    'emoji 😀 a😀b \u3000wide\u00A0space\tand\u000bvertical',
    'control\u0001char\u007fdel',
  ])('tokens of %j start and end where the pattern matches', (text) => {
    expect(scanned(text)).toEqual(matched(text));
  });

  it('keeps a word, its possessive and its case the same whichever path read it', () => {
    const [ascii] = tokenize("Iran's");
    const [other] = tokenize("Irán's");
    expect(ascii).toMatchObject({ text: "Iran's", bare: 'Iran', lower: 'iran', poss: true, cap: true, punct: false });
    expect(other).toMatchObject({ text: "Irán's", bare: 'Irán', lower: 'irán', poss: true, cap: true, punct: false });
  });
});

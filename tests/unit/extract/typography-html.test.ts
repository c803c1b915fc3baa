import { describe, expect, it } from 'vitest';
import { extractArticle, htmlToText, looksLikeHtml, normalizeTypography } from '../../../shared/extract';

describe('typography', () => {
  it('maps curly and acute apostrophes, quotes, unicode spaces and dashes one to one', () => {
    const raw = 'Iran\u00B4s leader \u201Csaid\u201D it\u2019s \u2018fine\u2019\u00A0today\u2009\u2014 really\u2013yes';
    const out = normalizeTypography(raw);
    expect(out).toBe("Iran's leader \"said\" it's 'fine' today - really-yes");
    expect(out.length).toBe(raw.length);
  });

  it('turns CRLF into LF and drops zero-width characters', () => {
    expect(normalizeTypography('a\r\nb\u200Bc\rd')).toBe('a\nbc\nd');
  });

  it('reports evidence offsets into the normalised text', () => {
    const raw =
      ' date 2020-07-22 TEHRAN: Iran\u00B4s leader met him.\n\nIraq\u00B4s Prime Minister Mustafa al-Kadhemi will visit Riyadh next week.';
    const r = extractArticle(raw);
    expect(r.text).toBe(normalizeTypography(raw));
    const v = r.visits[0]!;
    expect(r.text.slice(v.evidence.start, v.evidence.end)).toBe(v.evidence.quote);
    expect(v.evidence.quote).toContain("Iraq's Prime Minister");
  });
});

describe('HTML', () => {
  it('drops scripts, styles and comments, decodes entities and breaks lines at blocks', () => {
    const html = `<!doctype html><html><head><title>T</title><style>p{color:red}</style><script>var x = "<p>no</p>";</script></head>
      <body><h1>Obama cancels trip</h1><!-- ad --><p>US President Barack Obama has canceled his trip to the
      Philippines &amp; Malaysia.</p><p>Caf&eacute; &#8220;talks&#8221; &nbsp;went&#x21;</p><div>One<br>Two</div></body></html>`;
    const text = htmlToText(html);
    expect(text).toBe(
      'Obama cancels trip\n\nUS President Barack Obama has canceled his trip to the Philippines & Malaysia.\n\nCafé \u201Ctalks\u201D \u00A0went!\n\nOne\n\nTwo',
    );
    expect(text).not.toContain('color');
    expect(text).not.toContain('var x');
    expect(looksLikeHtml(html)).toBe(true);
    expect(looksLikeHtml('Plain prose, 3 < 4.')).toBe(false);
  });
});

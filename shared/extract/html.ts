/**
 * HTML to plain text without a DOM (shared/ runs in a Web Worker and in Node): scripts, styles and
 * comments are dropped, block elements become line breaks, entities are decoded. Good enough for a
 * saved news page; not a general HTML parser.
 */
const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00A0',
  ndash: '\u2013',
  mdash: '\u2014',
  lsquo: '\u2018',
  rsquo: '\u2019',
  ldquo: '\u201C',
  rdquo: '\u201D',
  sbquo: '\u201A',
  bdquo: '\u201E',
  hellip: '\u2026',
  laquo: '\u00AB',
  raquo: '\u00BB',
  middot: '\u00B7',
  bull: '\u2022',
  copy: '\u00A9',
  reg: '\u00AE',
  trade: '\u2122',
  deg: '\u00B0',
  acute: '\u00B4',
  eacute: 'é',
  egrave: 'è',
  aacute: 'á',
  agrave: 'à',
  iacute: 'í',
  oacute: 'ó',
  uacute: 'ú',
  ntilde: 'ñ',
  ccedil: 'ç',
  uuml: 'ü',
  ouml: 'ö',
  auml: 'ä',
  szlig: 'ß',
  thinsp: '\u2009',
  ensp: '\u2002',
  emsp: '\u2003',
  shy: '',
  zwj: '',
  zwnj: '',
};

const BLOCK_TAGS =
  'address|article|aside|blockquote|br|dd|div|dl|dt|figcaption|figure|footer|form|h[1-6]|header|hr|li|main|nav|ol|p|pre|section|table|tbody|td|tfoot|th|thead|tr|ul|title';

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);?/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    const named = NAMED_ENTITIES[body.toLowerCase()];
    return named ?? whole;
  });
}

/** True when the text looks like an HTML document or fragment rather than plain prose. */
export function looksLikeHtml(text: string): boolean {
  return /<(html|body|p|div|article|br|span|h[1-6]|head|meta|!doctype)\b/i.test(text.slice(0, 5000));
}

export function htmlToText(html: string): string {
  const text = html
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(script|style|noscript|template|svg|iframe|head)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    // Source line breaks are layout; only block elements break lines.
    .replace(/\s+/g, ' ')
    .replace(new RegExp(`<\\/?(?:${BLOCK_TAGS})\\b[^>]*>`, 'gi'), '\n')
    .replace(/<[^>]*>/g, '');
  const paragraphs = text.split('\n').map((line) =>
    decodeEntities(line)
      .replace(/[ \t]+/g, ' ')
      .trim(),
  );
  return paragraphs.filter((p) => p !== '').join('\n\n');
}

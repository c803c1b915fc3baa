import { describe, expect, it } from 'vitest';
import { RefusedDocumentError, decodeXmlText, importHsg, parseHsgFile, stableUuid } from '../../../shared/importers';
import { visitRecord, visitsXml } from './hsg-data';

const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<visits><visit><id>1</id><start-date>1950-01-01</start-date><end-date>1950-01-01</end-date><visitor>President &lol9;</visitor><from id="chile">Chile</from><description>x</description></visit></visits>`;

const EXTERNAL_ENTITY = `<?xml version="1.0"?>
<!DOCTYPE visits [ <!ENTITY x SYSTEM "file:///etc/passwd"> ]>
<visits><visit><id>1</id><start-date>1950-01-01</start-date><end-date>1950-01-01</end-date><visitor>President &x;</visitor><from id="chile">Chile</from><description>x</description></visit></visits>`;

describe('DTDs and entity declarations are refused', () => {
  it('refuses "billion laughs" by file name, before any expansion', () => {
    const began = performance.now();
    expect(() => parseHsgFile('visits/lol.xml', BILLION_LAUGHS)).toThrow(RefusedDocumentError);
    expect(() => parseHsgFile('visits/lol.xml', BILLION_LAUGHS)).toThrow(/visits\/lol\.xml: refused: the file contains a <!DOCTYPE>/);
    expect(performance.now() - began).toBeLessThan(500);
  });

  it('refuses an external entity (SYSTEM "file:///etc/passwd"); nothing of /etc/passwd appears', () => {
    const r = importHsg([{ name: 'visits/evil.xml', text: EXTERNAL_ENTITY }]);
    expect(r.errors).toEqual([expect.stringMatching(/^visits\/evil\.xml: refused: .*<!DOCTYPE>/)]);
    expect(r.visits).toEqual([]);
    expect(JSON.stringify(r)).not.toContain('root:');
  });

  it('refuses an ENTITY declaration even without a DOCTYPE, and in any case', () => {
    expect(() => parseHsgFile('a.xml', '<visits><!ENTITY x "y"></visits>')).toThrow(/<!ENTITY>/);
    expect(() => parseHsgFile('a.xml', '<!doctype visits><visits/>')).toThrow(/<!DOCTYPE>/);
  });

  it('one refused file does not stop the others', () => {
    const good = visitsXml(visitRecord({ id: '7', visitor: 'President Quirino', slug: 'philippines', text: 'Philippines' }));
    const r = importHsg([
      { name: 'visits/evil.xml', text: EXTERNAL_ENTITY },
      { name: 'visits/1950.xml', text: good },
    ]);
    expect(r.errors).toHaveLength(1);
    expect(r.counts.filesRefused).toBe(1);
    expect(r.visits).toHaveLength(1);
  });

  it('refuses text that is not well-formed XML, naming the file', () => {
    const r = importHsg([{ name: 'visits/broken.xml', text: '<visits><visit><id>1</visit>' }]);
    expect(r.errors[0]).toMatch(/^visits\/broken\.xml: not well-formed XML/);
  });
});

describe('decodeXmlText', () => {
  it('decodes the five predefined entities and character references once', () => {
    expect(decodeXmlText('Muscat &amp; Oman')).toBe('Muscat & Oman');
    expect(decodeXmlText('&lt;b&gt; &quot;x&quot; &apos;y&apos;')).toBe('<b> "x" \'y\'');
    expect(decodeXmlText('Caf&#233; &#xE9;')).toBe('Café é');
    expect(decodeXmlText('&amp;lt;')).toBe('&lt;');
  });

  it('leaves unknown entities as written and replaces forbidden characters', () => {
    expect(decodeXmlText('a&nbsp;b &lol9;')).toBe('a&nbsp;b &lol9;');
    expect(decodeXmlText('&#0;&#xD800;&#x110000;')).toBe('\uFFFD\uFFFD\uFFFD');
  });
});

describe('stableUuid', () => {
  it('is deterministic and v4-shaped', () => {
    const a = stableUuid('legation:hsg:visit:visits:2271:0');
    expect(a).toBe(stableUuid('legation:hsg:visit:visits:2271:0'));
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('gives distinct ids for 50,000 distinct keys', () => {
    const ids = new Set<string>();
    for (let i = 0; i < 50_000; i++) ids.add(stableUuid(`key:${i}`));
    expect(ids.size).toBe(50_000);
    expect(stableUuid('')).toMatch(/^[0-9a-f]{8}-/);
  });
});

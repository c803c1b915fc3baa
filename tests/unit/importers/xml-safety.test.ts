import { describe, expect, it } from 'vitest';
import { RefusedDocumentError, importHsg, parseHsgFile, stableUuid } from '../../../shared/importers';
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

  it('says what is wrong and where: the tag left open, the line and the column', () => {
    const text = '<visits>\n<visit><id>1</id>\n<visitor>Allende</visit>\n</visits>';
    expect(() => parseHsgFile('visits/x.xml', text)).toThrow(
      /^visits\/x\.xml: not well-formed XML \(unexpected close tag, at line 3, column \d+\)\.$/,
    );
    expect(() => parseHsgFile('visits/e.xml', '')).toThrow(
      /not well-formed XML \(there is no root element: the file is empty or not XML, at line 1\)/,
    );
    expect(() => parseHsgFile('visits/c.xml', 'visitor,from\nAllende,Chile\n')).toThrow(
      /text outside the root element, so this is not an XML document/,
    );
  });
});

describe('text in records', () => {
  it('decodes entities once; an entity no DTD declares and a forbidden character reference stay as written', () => {
    const r = parseHsgFile(
      'visits/1950.xml',
      visitsXml(visitRecord({ id: '1', visitor: 'Pr&#233;sident &amp;lt;Allende&amp;gt; &nbsp;&#0;', slug: 'chile', text: 'Chile' })),
    );
    expect(r.kind).toBe('visits');
    if (r.kind !== 'visits') return;
    expect(r.records[0]?.visitor).toBe('Président &lt;Allende&gt; &nbsp;&#0;');
  });

  it('a field is all the text inside it: nested elements and CDATA, whitespace runs as one space', () => {
    const r = parseHsgFile(
      'visits/1950.xml',
      visitsXml(
        visitRecord({
          id: '1',
          visitor: 'President <b>Salvador</b>\n   Allende',
          slug: 'chile',
          text: 'Chile',
          description: 'Met <![CDATA[<at> the]]> White House.',
        }),
      ),
    );
    if (r.kind !== 'visits') throw new Error(r.kind);
    expect(r.records[0]).toMatchObject({
      visitor: 'President Salvador Allende',
      description: 'Met <at> the White House.',
      fromSlug: 'chile',
      fromText: 'Chile',
    });
  });

  it('reads the first of a repeated field, and says which root it does not know', () => {
    const r = parseHsgFile('visits/1950.xml', visitsXml('<visit><id>1</id><id>2</id><visitor>A</visitor></visit>'));
    if (r.kind !== 'visits') throw new Error(r.kind);
    expect(r.records.map((v) => v.id)).toEqual(['1']);
    expect(parseHsgFile('other.xml', '<?xml version="1.0"?><catalog><item/></catalog>')).toEqual({ kind: 'other', root: 'catalog' });
  });
});

describe('stableUuid', () => {
  it('is deterministic and v4-shaped', () => {
    const a = stableUuid('legation:hsg:visit:visits:2271:0');
    expect(a).toBe(stableUuid('legation:hsg:visit:visits:2271:0'));
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('gives the ids it always gave (a re-import must find the records an earlier version stored)', () => {
    expect(stableUuid('legation:hsg:visit:visits:2271:0')).toBe('6a4e2adc-07c2-4539-8ece-c9b20677c169');
    expect(stableUuid('')).toBe('764dc943-c22c-4b50-ba2d-0f2669b4e120');
    expect(stableUuid('key:1')).toBe('d785d371-bac3-474f-b8fa-9b73e545d1c3');
  });

  it('gives distinct ids for 50,000 distinct keys', () => {
    const ids = new Set<string>();
    for (let i = 0; i < 50_000; i++) ids.add(stableUuid(`key:${i}`));
    expect(ids.size).toBe(50_000);
    expect(stableUuid('')).toMatch(/^[0-9a-f]{8}-/);
  });
});

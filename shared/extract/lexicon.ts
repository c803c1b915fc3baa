/**
 * Word lists the rules read. Kept in one place so that a missed word is a one-line fix.
 */

/** Titles, capitalised or not, with the canonical role used to tell people apart and to resolve "the premier". */
export const TITLES: ReadonlyArray<[string, string]> = [
  ['prime minister', 'prime minister'],
  ['deputy prime minister', 'deputy prime minister'],
  ['premier', 'prime minister'],
  ['pm', 'prime minister'],
  ['vice premier', 'deputy prime minister'],
  ['president', 'president'],
  ['vice president', 'vice president'],
  ['vice-president', 'vice president'],
  ['potus', 'president'],
  ['chancellor', 'head of government'],
  ['foreign minister', 'foreign minister'],
  ['external affairs minister', 'foreign minister'],
  ['minister of external affairs', 'foreign minister'],
  ['minister of foreign affairs', 'foreign minister'],
  ['foreign affairs minister', 'foreign minister'],
  ['foreign secretary', 'foreign minister'],
  ['secretary of state', 'foreign minister'],
  ['top diplomat', 'foreign minister'],
  ['defence minister', 'defence minister'],
  ['defense minister', 'defence minister'],
  ['minister of defence', 'defence minister'],
  ['defense secretary', 'defence minister'],
  ['finance minister', 'finance minister'],
  ['minister of finance', 'finance minister'],
  ['interior minister', 'interior minister'],
  ['trade minister', 'trade minister'],
  ['minister', 'minister'],
  ['secretary-general', 'secretary-general'],
  ['secretary general', 'secretary-general'],
  ['supreme leader', 'supreme leader'],
  ['king', 'king'],
  ['queen', 'queen'],
  ['emir', 'emir'],
  ['amir', 'emir'],
  ['crown prince', 'crown prince'],
  ['prince', 'prince'],
  ['princess', 'princess'],
  ['sultan', 'sultan'],
  ['pope', 'pope'],
  // How the Pope is named without his name: "the Holy Father", "the pontiff".
  ['holy father', 'pope'],
  ['pontiff', 'pope'],
  ['supreme pontiff', 'pope'],
  ['governor', 'governor'],
  ['senator', 'senator'],
  ['ambassador', 'ambassador'],
  ['envoy', 'envoy'],
  ['general', 'general'],
  ['leader', 'leader'],
  ['counterpart', 'counterpart'],
  ['spokesman', 'spokesperson'],
  ['spokeswoman', 'spokesperson'],
  ['spokesperson', 'spokesperson'],
  ['speaker', 'speaker'],
  ['head of state', 'head of state'],
  ['head of government', 'head of government'],
  ['predecessor', 'predecessor'],
  ['successor', 'successor'],
  ['contractor', 'other'],
  ['officials', 'other'],
];

/** Roles that name nobody in particular: they never resolve a mention by role alone. */
export const VAGUE_ROLES = new Set([
  'leader',
  'counterpart',
  'minister',
  'spokesperson',
  'predecessor',
  'successor',
  'other',
  'general',
  'envoy',
  'ambassador',
]);

/** Words before a name that are courtesy, not office: dropped from names, ignored as titles. */
export const HONORIFICS = new Set([
  'mr',
  'mr.',
  'mrs',
  'mrs.',
  'ms',
  'ms.',
  'dr',
  'dr.',
  'sir',
  'dame',
  'sheikh',
  'sheikha',
  'shaikh',
  'ayatollah',
  'h.e',
  'h.e.',
  'h.h',
  'h.h.',
  'his',
  'her',
  'excellency',
  'majesty',
  'highness',
  'hrh',
  'madam',
  'lord',
  'lady',
  // Indonesian and Malay courtesy words before a name ("Ibu Retno", "Pak Harto").
  'ibu',
  'bapak',
  'pak',
]);

/** Adjectives that may stand between a qualifier and a title ("Iraq's visiting premier"). */
export const TITLE_ADJECTIVES = new Set([
  'visiting',
  'new',
  'former',
  'late',
  'top',
  'outgoing',
  'incoming',
  'then',
  'acting',
  'interim',
  'current',
  'first',
  'deputy',
  'senior',
  'chief',
  'own',
]);

/** Capitalised words that are never part of a person's name. */
export const NOT_NAME = new Set(
  (
    'the a an this that these those it its he she they we i you his her their our my your him them us ' +
    'in on at by for from with to of and or but as if so not no nor than then when where while why what who which how ' +
    'according after before following during since until about above across against among around behind below beside between beyond ' +
    'despite into near off onto over past through toward towards under upon within without ' +
    'online read more also earlier later today yesterday tomorrow tonight now here there ' +
    'monday tuesday wednesday thursday friday saturday sunday ' +
    'january february march april june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec ' +
    'house department ministry forum airport agency press commission council nations university sea force service summit conference ' +
    'assembly headquarters government republic kingdom union news post times party bank fund organization organisation committee office ' +
    'court parliament congress senate army navy guard embassy affairs security intelligence trade economic national international tribune ' +
    'herald reuters associated channel tv television radio institute center centre group company corporation inc ltd federation state states ' +
    'street avenue square palace hall hotel tower station base air airlines voyager royal initiative games cup day year week prize award ' +
    'agreement accord treaty deal partnership programme program situation examiner globalpost gmt ist utc am pm advertisement close shares ' +
    'updated published posted comments share subscribe photo file video live breaking exclusive analysis opinion editorial world global ' +
    'africa asia europe america americas oceania middle east west north south central eastern western southern northern gulf pacific atlantic ' +
    'ocean islamic christian muslim jewish catholic minister president prime king queen emir premier secretary general chancellor leader ' +
    'officials official spokesman spokesperson delegation head'
  ).split(' '),
);

/** Words that make a capitalised run an organisation or a place rather than a person. */
export const ORG_WORDS = new Set(
  (
    'house department ministry forum airport agency press commission council nations university sea force service summit conference ' +
    'assembly headquarters government republic kingdom union news post times party bank fund organization organisation committee office ' +
    'court parliament congress senate army navy guard embassy affairs security intelligence institute center centre group company ' +
    'corporation federation street avenue square palace hall hotel tower station base airlines voyager initiative games cup prize award ' +
    'agreement accord treaty partnership programme program situation examiner tribune herald channel television radio'
  ).split(' '),
);

/** Particles inside names ("Tamim bin Hamad Al-Thani", "Ursula von der Leyen"). */
export const NAME_PARTICLES = new Set([
  'al',
  'el',
  'bin',
  'ibn',
  'bint',
  'de',
  'da',
  'di',
  'del',
  'della',
  'der',
  'den',
  'van',
  'von',
  'la',
  'le',
  'du',
  'dos',
  'das',
  'y',
  'ben',
  'abu',
  'ould',
]);

/** Places that stand for a country or a capital in news writing. */
export const METONYMS: ReadonlyArray<[string, string, string | null]> = [
  ['white house', 'US', 'Washington'],
  ['oval office', 'US', 'Washington'],
  ['capitol hill', 'US', 'Washington'],
  ['camp david', 'US', 'Camp David'],
  ['pentagon', 'US', 'Washington'],
  ['kremlin', 'RU', 'Moscow'],
  ['elysee', 'FR', 'Paris'],
  ['elysee palace', 'FR', 'Paris'],
  ['downing street', 'GB', 'London'],
  ['number 10', 'GB', 'London'],
  ['zhongnanhai', 'CN', 'Beijing'],
  ['great hall of the people', 'CN', 'Beijing'],
  ['blue house', 'KR', 'Seoul'],
  ['vatican', 'VA', 'Vatican City'],
  ['holy see', 'VA', 'Vatican City'],
  ['quirinale', 'IT', 'Rome'],
  ['chigi palace', 'IT', 'Rome'],
  ['bundeskanzleramt', 'DE', 'Berlin'],
  ['rashtrapati bhavan', 'IN', 'New Delhi'],
  ['un headquarters', 'US', 'New York'],
  ['united nations headquarters', 'US', 'New York'],
  ['u.n. general assembly', 'US', 'New York'],
  ['un general assembly', 'US', 'New York'],
  ['united nations general assembly', 'US', 'New York'],
];

/** Demonyms and names the gazetteer lacks. */
export const EXTRA_DEMONYMS: Record<string, string> = {
  nepali: 'NP',
  nepalese: 'NP',
  'north macedonian': 'MK',
  macedonian: 'MK',
  emirati: 'AE',
  filipino: 'PH',
  bangladeshi: 'BD',
  kiwi: 'NZ',
  yemeni: 'YE',
  bahraini: 'BH',
  kuwaiti: 'KW',
  omani: 'OM',
  saudi: 'SA',
  palestinian: 'PS',
  'south korean': 'KR',
  'north korean': 'KP',
  'south african': 'ZA',
  'south sudanese': 'SS',
  'sri lankan': 'LK',
  'new zealand': 'NZ',
  'costa rican': 'CR',
  'puerto rican': 'PR',
  'el salvadoran': 'SV',
  salvadoran: 'SV',
  congolese: 'CD',
  british: 'GB',
  english: 'GB',
  scottish: 'GB',
  welsh: 'GB',
  dutch: 'NL',
  swiss: 'CH',
};

/** Regions: never a host country ("South America", "Eastern Europe", "the Gulf"). */
export const REGIONS = new Set(
  (
    'africa asia europe oceania antarctica america americas|north america|south america|latin america|central america|middle east|' +
    'east africa|west africa|southern africa|north africa|eastern europe|western europe|central asia|south asia|southeast asia|east asia|' +
    'gulf|persian gulf|arabian gulf|balkans|caribbean|pacific|scandinavia|sahel|levant|maghreb|horn of africa|euro|eu|european union'
  )
    .split(/[|]/)
    .flatMap((s) => (s.includes(' ') ? [s] : s.split(' '))),
);

/** Verbs that headlines capitalise ("Theresa May Arrives in Nairobi"): never part of a name. */
export const HEADLINE_VERBS = new Set(
  'arrives arrive cancels cancel postpones postpone visits visit meets meet says say reschedules returns leaves heads travels tours calls delays scraps set to will holds hosts welcomes begins ends concludes wraps lands flies skips'.split(
    ' ',
  ),
);

export * from './import';
export { BUNDLED_HSG, parseHsgBundle } from './bundle';
export { mapHsgCountry, SLUG_OVERRIDES, TEXT_OVERRIDES, type CountryMatch } from './countries';
export { splitLocale } from './locales';
export { nameKey, parseTitledName, splitVisitors, type ParsedName } from './names';
export { countHsgRecords, parseHsgFile, type ParsedHsgFile } from './parse';

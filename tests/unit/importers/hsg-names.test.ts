import { describe, expect, it } from 'vitest';
import { nameKey, parseTitledName, splitLocale, splitVisitors } from '../../../shared/importers';

describe('parseTitledName', () => {
  it.each([
    ['President Quirino', 'President', 'Quirino'],
    ['Prime Minister Liaquat Ali Khan', 'Prime Minister', 'Liaquat Ali Khan'],
    ['King Hussein', 'King', 'Hussein'],
    ['Amir Sheikh Tamim bin Hamad al-Thani', 'Amir', 'Tamim bin Hamad al-Thani'],
    ['Prime Minster Mackenzie King', 'Prime Minister', 'Mackenzie King'],
    ['Prime Ministere Silvio Berlusconi', 'Prime Minister', 'Silvio Berlusconi'],
    ['Prime MinisterHaidar al- Abadi', 'Prime Minister', 'Haidar al-Abadi'],
    ['President- elect Ernesto Zedillo Ponce de Leon', 'President-elect', 'Ernesto Zedillo Ponce de Leon'],
    ['President-Elect Carlos Salinas de Gortari', 'President-elect', 'Carlos Salinas de Gortari'],
    ['Premier and Prince Sihanouk', 'Premier and Prince', 'Sihanouk'],
    ['Prime Minister Shah Mahmud', 'Prime Minister', 'Shah Mahmud'],
    ['Prime Minister Amir Abbas Hoveyda', 'Prime Minister', 'Amir Abbas Hoveyda'],
    ['Governor General Earl of Athlone', 'Governor General', 'Earl of Athlone'],
    ['Secretary of State John Kerry', 'Secretary of State', 'John Kerry'],
    ['Valdas Adamkus', null, 'Valdas Adamkus'],
    [' President Kassym-Jomart Tokayev', 'President', 'Kassym-Jomart Tokayev'],
  ])('%s → %s / %s', (text, title, name) => {
    expect(parseTitledName(text)).toEqual({ title, name });
  });

  it('does not take a title out of a name that merely starts like one', () => {
    expect(parseTitledName('Kingsley Mbadiwe')).toEqual({ title: null, name: 'Kingsley Mbadiwe' });
    expect(parseTitledName('Presidente Lula')).toEqual({ title: null, name: 'Presidente Lula' });
  });
});

describe('splitVisitors', () => {
  it('splits several titled people', () => {
    expect(splitVisitors('President Fatmir Sejdiu and Prime Minister Hashim Thaci')).toEqual([
      { title: 'President', name: 'Fatmir Sejdiu' },
      { title: 'Prime Minister', name: 'Hashim Thaci' },
    ]);
    expect(splitVisitors('President Anwar Sadat, Prime Minister Mustafa Khalil').map((p) => p.name)).toEqual([
      'Anwar Sadat',
      'Mustafa Khalil',
    ]);
  });

  it('keeps one person when a part has no title of its own', () => {
    expect(splitVisitors('President Benigno S. Aquino, 3rd')).toEqual([{ title: 'President', name: 'Benigno S. Aquino, 3rd' }]);
    expect(splitVisitors('Premier & Prince Sihanouk')).toEqual([{ title: 'Premier and Prince', name: 'Sihanouk' }]);
  });
});

describe('nameKey (alias merge)', () => {
  it.each([
    ['Sabah al-Ahmed al-Jaber al-Sabah', 'Sabah Al-Ahmed Al-Jabir Al-Sabah'],
    ['Mohammad Reza Pahlavi', 'Mohammed Reza Pahlavi'],
    ['Tamim bin Hamad al-Thani', 'Tameem bin Hamad Al Thani'],
    ['Recep Tayyip Erdoğan', 'Recep Tayyip Erdogan'],
    ['Kim Dae-jung', 'Kim Dae Jung'],
    ['Hassanal Bolkiah', 'Hassinal Bolkiah'],
    ['Massimo D’Alema', "Massimo d'Alema"],
    ['Volodymyr Zelenskyy', 'Volodymyr Zelensky'],
  ])('"%s" = "%s"', (a, b) => {
    expect(nameKey(a)).toBe(nameKey(b));
  });

  it.each([
    ['Indira Gandhi', 'Rajiv Gandhi'],
    ['Naoto Kan', 'Naoto Kono'],
    ['Abdullah', 'Abdullah II'],
    ['Hamad bin Khalifa al-Thani', 'Tamim bin Hamad al-Thani'],
  ])('"%s" ≠ "%s"', (a, b) => {
    expect(nameKey(a)).not.toBe(nameKey(b));
  });
});

describe('splitLocale (legs)', () => {
  it.each([
    ['London', ['London']],
    ['Tel Aviv, Jerusalem', ['Tel Aviv', 'Jerusalem']],
    ['Xian, Beijing, Shanghai, Guilin, Hong Kong', ['Xian', 'Beijing', 'Shanghai', 'Guilin', 'Hong Kong']],
    ['Mexico, D.F.', ['Mexico, D.F.']],
    ['Belfast, Hillsborough (Northern Ireland)', ['Belfast', 'Hillsborough (Northern Ireland)']],
    ['Sydney (Nova Scotia), Campobello Island (New Brunswick)', ['Sydney (Nova Scotia)', 'Campobello Island (New Brunswick)']],
    ['Paris, Paris', ['Paris']],
    ['', []],
  ])('"%s"', (locale, legs) => {
    expect(splitLocale(locale)).toEqual(legs);
  });
});

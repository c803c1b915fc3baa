import { describe, expect, it } from 'vitest';
import {
  currentRole,
  formStateOf,
  newRoleRow,
  parseAliases,
  rolePeriod,
  validatePersonForm,
  type PersonFormState,
} from '../../../renderer/features/people/person-draft';

function form(overrides: Partial<PersonFormState> = {}): PersonFormState {
  return { ...formStateOf(undefined), name: 'Mustafa al-Kadhemi', ...overrides };
}

describe('person form', () => {
  it('reads aliases one per line or separated by commas, without blanks or repeats', () => {
    expect(parseAliases('Kadhimi, al-Kadhimi\n\nAl-Kadhimi ;kadhimi')).toEqual(['Kadhimi', 'al-Kadhimi']);
  });

  it('builds a draft: empty strings become null', () => {
    const r = validatePersonForm(
      form({ aliases: 'Kadhimi', roles: [{ ...newRoleRow(), title: 'Prime Minister', country: 'IQ', from: '2020-05' }] }),
    );
    expect(r).toEqual({
      ok: true,
      draft: {
        name: 'Mustafa al-Kadhemi',
        aliases: ['Kadhimi'],
        country: null,
        note: '',
        roles: [{ title: 'Prime Minister', country: 'IQ', from: '2020-05', to: null }],
      },
    });
  });

  it('says where each problem is: name, role title, role range, impossible dates', () => {
    const r = validatePersonForm(
      form({
        name: '  ',
        roles: [
          { ...newRoleRow(), title: 'PM', from: '2020-05', to: '2019' },
          { ...newRoleRow(), title: '', from: '2020-13' },
          { ...newRoleRow(), title: 'Envoy', from: '2021-02-30', to: 'soon' },
        ],
      }),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.name).toBe('Name is required');
    expect(r.errors['roles.0.to']).toBe('The role ends before it starts');
    expect(r.errors['roles.1.title']).toBe('Title is required');
    expect(r.errors['roles.1.from']).toBe('2020-13: the month must be 01 to 12');
    expect(r.errors['roles.2.from']).toBe('2021-02-30 does not exist in the calendar');
    expect(r.errors['roles.2.to']).toBe('Use YYYY, YYYY-MM or YYYY-MM-DD');
  });

  it('names the current role, or the last one held', () => {
    const pm = { title: 'PM', country: 'IQ', from: '2020-05', to: null };
    const spy = { title: 'Spy chief', country: 'IQ', from: '2016', to: '2020-05' };
    expect(currentRole([spy, pm])).toEqual({ role: pm, former: false });
    expect(currentRole([spy])).toEqual({ role: spy, former: true });
    expect(currentRole([])).toBeNull();
    expect(rolePeriod(pm)).toBe('2020-05 – present');
    expect(rolePeriod(spy)).toBe('2016 – 2020-05');
    expect(rolePeriod({ from: null, to: null })).toBe('');
  });
});

import { personSchema, type Person, type Role } from '../../../shared/model';
import { countryName } from '../../../shared/places';
import type { PersonDraft } from '../../db';

/** What the person form holds while the user types: strings, exactly as typed. */
export interface RoleRow {
  key: string;
  title: string;
  country: string;
  from: string;
  to: string;
}

export interface PersonFormState {
  name: string;
  aliases: string;
  country: string;
  note: string;
  roles: RoleRow[];
}

let rowCounter = 0;
export function newRoleRow(role?: Role): RoleRow {
  rowCounter += 1;
  return { key: `role-${rowCounter}`, title: role?.title ?? '', country: role?.country ?? '', from: role?.from ?? '', to: role?.to ?? '' };
}

export function formStateOf(person: Person | undefined): PersonFormState {
  return {
    name: person?.name ?? '',
    aliases: person?.aliases.join('\n') ?? '',
    country: person?.country ?? '',
    note: person?.note ?? '',
    roles: person?.roles.map((r) => newRoleRow(r)) ?? [],
  };
}

/** Aliases typed one per line or separated by commas; blanks and repeats dropped. */
export function parseAliases(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const a of text.split(/[\n,;]/).map((s) => s.trim())) {
    if (a && !seen.has(a.toLowerCase())) {
      seen.add(a.toLowerCase());
      out.push(a);
    }
  }
  return out;
}

const draftSchema = personSchema.pick({ name: true, aliases: true, roles: true, country: true, note: true });

/** "2020-13" passes the pattern YYYY-MM but is not a month: say so. */
function partialDateProblem(value: string): string | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) return null; // the schema reports the pattern itself
  const month = m[2] === undefined ? null : Number(m[2]);
  if (month !== null && (month < 1 || month > 12)) return `${value}: the month must be 01 to 12`;
  if (m[3] !== undefined && month !== null) {
    const y = Number(m[1]);
    const d = Number(m[3]);
    const days = month === 2 ? ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
    if (d < 1 || d > days) return `${value} does not exist in the calendar`;
  }
  return null;
}

export type FormErrors = Record<string, string>;

/**
 * Turns the form into a draft and validates it with the shared person schema. Errors are keyed
 * by field path ("name", "aliases", "roles.0.to"), one message per field.
 */
export function validatePersonForm(state: PersonFormState): { ok: true; draft: PersonDraft } | { ok: false; errors: FormErrors } {
  const candidate = {
    name: state.name,
    aliases: parseAliases(state.aliases),
    country: state.country || null,
    note: state.note,
    roles: state.roles.map((r) => ({ title: r.title, country: r.country || null, from: r.from.trim() || null, to: r.to.trim() || null })),
  };
  const errors: FormErrors = {};
  candidate.roles.forEach((r, i) => {
    for (const key of ['from', 'to'] as const) {
      const v = r[key];
      const problem = v ? partialDateProblem(v) : null;
      if (problem) errors[`roles.${i}.${key}`] = problem;
    }
  });
  const r = draftSchema.safeParse(candidate);
  if (!r.success) {
    for (const issue of r.error.issues) {
      // One message per alias list rather than per alias: the list is one text box.
      const path = issue.path[0] === 'aliases' ? 'aliases' : issue.path.join('.');
      errors[path] ??= issue.message;
    }
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, draft: r.data! };
}

/** "2020-05 – present", "– 2022", "2018 – 2020". Empty when nothing is known. */
export function rolePeriod(role: Pick<Role, 'from' | 'to'>): string {
  if (!role.from && !role.to) return '';
  if (!role.to) return `${role.from} – present`;
  return `${role.from ?? ''} – ${role.to}`.trim();
}

/** The role a person holds now (no end), or else the one that ended last. */
export function currentRole(roles: readonly Role[]): { role: Role; former: boolean } | null {
  const open = roles.filter((r) => !r.to).sort((a, b) => ((b.from ?? '') < (a.from ?? '') ? -1 : 1));
  if (open[0]) return { role: open[0], former: false };
  const ended = [...roles].sort((a, b) => ((b.to ?? '') < (a.to ?? '') ? -1 : 1));
  return ended[0] ? { role: ended[0], former: true } : null;
}

export function roleLabel(role: Role): string {
  return role.country ? `${role.title}, ${countryName(role.country)}` : role.title;
}

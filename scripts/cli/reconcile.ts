import { parseBackup } from '../../shared/backup';
import { formatFuzzyDate } from '../../shared/model';
import { countryName } from '../../shared/places';
import { reconcile } from '../../shared/reconcile';
import { parseArgs, readTextFile, UsageError, type CliCommand } from './common';

/** `cli reconcile FILE`: the proposed matches between planned/postponed and recorded visits, as JSON. */
export const command: CliCommand = {
  summary: 'print proposed matches of planned/postponed visits with recorded ones (JSON)',
  usage: 'reconcile FILE [--tolerance DAYS]',
  run(args) {
    const { positional, options } = parseArgs(args, { tolerance: 'value' });
    const [file, extra] = positional;
    if (!file || extra) throw new UsageError('give exactly one backup file');
    const tolerance = options.tolerance === undefined ? 14 : Number(options.tolerance);
    if (!Number.isInteger(tolerance) || tolerance < 0 || tolerance > 365)
      throw new UsageError('--tolerance must be a whole number of days from 0 to 365');
    const parsed = parseBackup(readTextFile(file));
    if (!parsed.ok) throw new UsageError(`${file} is not a valid backup:\n  ${parsed.errors.join('\n  ')}`);
    const { visits, people } = parsed.backup.tables;
    const byId = new Map(visits.map((v) => [v.id, v]));
    const names = new Map(people.map((p) => [p.id, p.name]));
    const describe = (id: string) => {
      const v = byId.get(id)!;
      return {
        id,
        traveller: names.get(v.travellerId) ?? null,
        country: v.place.country,
        countryName: countryName(v.place.country),
        city: v.place.city,
        status: v.status,
        start: v.start?.from ?? null,
        dates: v.start ? formatFuzzyDate(v.start) : null,
      };
    };
    const proposals = reconcile(visits, people, { toleranceDays: tolerance }).map((p) => ({
      kind: p.kind,
      reason: p.reason,
      dayDistance: p.dayDistance,
      planned: describe(p.plannedId),
      recorded: describe(p.recordedId),
    }));
    process.stdout.write(`${JSON.stringify({ proposals }, null, 2)}\n`);
    return Promise.resolve(0);
  },
};

import { buildBackup, serializeBackup } from '../../shared/backup';
import { buildSeed } from '../../shared/seed';
import { UsageError, parseArgs, writeFileAtomic, type CliCommand } from './common';
import { APP_INFO } from './app-info';

/** `cli seed --out FILE`: the database a new profile starts with, as a backup file. */
export const command: CliCommand = {
  summary: 'Write the seeded database (the 2020-07-22 article) as a backup file.',
  usage: 'seed --out FILE',
  run(args) {
    const { positional, options } = parseArgs(args, { out: 'value' });
    if (positional.length) throw new UsageError(`unexpected argument "${positional[0]}"`);
    const out = options.out;
    if (typeof out !== 'string' || out === '') throw new UsageError('--out FILE is required');
    const seed = buildSeed();
    const backup = buildBackup(
      {
        people: seed.people,
        sources: seed.sources,
        visits: seed.visits,
        meetings: seed.meetings,
        events: seed.events,
        evidence: seed.evidence,
        notes: seed.notes,
      },
      APP_INFO,
      new Date().toISOString(),
    );
    writeFileAtomic(out, serializeBackup(backup));
    process.stderr.write(
      `Wrote ${out}: ${seed.visits.length} visits, ${seed.people.length} people, ${seed.sources.length} sources, ${seed.evidence.length} evidence.\n`,
    );
    return Promise.resolve(0);
  },
};

import { buildBackup, serializeBackup, type Backup } from '../backup';
import { generateDataset, type GenerateOptions, type GeneratedDataset } from './dataset';

/** When generated backups say they were exported: fixed, so the file is byte-for-byte deterministic. */
export const GENERATED_EXPORTED_AT = '2026-01-01T00:00:00.000Z';

/** A generated dataset as a backup (the format Settings → Restore and the command line read). */
export function datasetToBackup(data: GeneratedDataset): Backup {
  return buildBackup(
    {
      people: data.people,
      sources: data.sources,
      visits: data.visits,
      meetings: data.meetings,
      events: data.events,
      evidence: data.evidence,
      notes: data.notes,
    },
    { name: 'Legation', version: 'generated' },
    GENERATED_EXPORTED_AT,
  );
}

/** generateDataset(options) as a backup object. */
export function generateBackup(options: GenerateOptions): Backup {
  return datasetToBackup(generateDataset(options));
}

/** generateDataset(options) as backup file text (what serializeBackup writes). */
export function generateBackupJson(options: GenerateOptions): string {
  return serializeBackup(generateBackup(options));
}

import type { ReportModel } from './model';

/**
 * The report model itself as JSON. The model is built field by field in a fixed order (never by
 * spreading input records), so the key order is stable: equal data gives byte-identical files.
 */
export function renderJson(model: ReportModel): string {
  return `${JSON.stringify(model, null, 2)}\n`;
}

import type { ReportFormatId, ReportModel } from '../../../shared/reports';

export interface RenderRequest {
  model: ReportModel;
  format: ReportFormatId;
}

export type RenderResponse = { ok: true; content: string | Uint8Array<ArrayBuffer> } | { ok: false; error: string };

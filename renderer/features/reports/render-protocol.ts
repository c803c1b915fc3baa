import {
  renderBrief,
  renderDossier,
  renderReport,
  type BriefFormatId,
  type BriefModel,
  type DossierModel,
  type ReportFormatId,
  type ReportModel,
} from '../../../shared/reports';

/** What the worker is asked to write: the brief or a dossier (md, html, docx), or the annex (every format). */
export type RenderRequest =
  | { template: 'annex'; model: ReportModel; format: ReportFormatId }
  | { template: 'brief'; model: BriefModel; format: BriefFormatId }
  | { template: 'dossier'; model: DossierModel; format: BriefFormatId };

export type RenderResponse = { ok: true; content: string | Uint8Array<ArrayBuffer> } | { ok: false; error: string };

/** Renders a request with the shared renderers: in the worker, or here when no worker can start. */
export function renderRequest(r: RenderRequest): Promise<string | Uint8Array<ArrayBuffer>> {
  switch (r.template) {
    case 'brief':
      return renderBrief(r.model, r.format);
    case 'dossier':
      return renderDossier(r.model, r.format);
    case 'annex':
      return renderReport(r.model, r.format);
  }
}

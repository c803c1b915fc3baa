import { Route, Routes } from 'react-router';
import { DossierPage } from './dossier-page';
import { ReportPrintPage } from './report-print-page';
import { ReportsPage } from './reports-page';

/**
 * /reports (choose the report, visits and a format, export), /reports/print (the print-styled brief
 * or annex, for PDF) and /reports/dossier/<visit id> (one visit's dossier: read, save, print).
 */
export function ReportsRoutes() {
  return (
    <Routes>
      <Route index element={<ReportsPage />} />
      <Route path="print" element={<ReportPrintPage />} />
      <Route path="dossier/:visitId" element={<DossierPage />} />
    </Routes>
  );
}

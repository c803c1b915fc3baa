import { Route, Routes } from 'react-router';
import { ReportPrintPage } from './report-print-page';
import { ReportsPage } from './reports-page';

/** /reports (choose visits and a format, export) and /reports/print (the print-styled report, for PDF). */
export function ReportsRoutes() {
  return (
    <Routes>
      <Route index element={<ReportsPage />} />
      <Route path="print" element={<ReportPrintPage />} />
    </Routes>
  );
}

import type { DesktopBridge, PrintToPdfReply } from '../../../shared/bridge';
import { bridge } from '../../bridge';

/**
 * Prints the current page (the print-styled report) to PDF: in Electron the main process does it
 * with webContents.printToPDF behind a save dialog; in a browser the bridge opens the print dialog
 * ("Save as PDF"). A preload from before printToPdf existed lacks the method: then the browser's
 * print dialog does it here.
 */
export async function printReport(suggestedName: string): Promise<PrintToPdfReply> {
  const b = bridge as Partial<Pick<DesktopBridge, 'printToPdf'>>;
  if (typeof b.printToPdf === 'function') return b.printToPdf({ suggestedName });
  window.print();
  return { status: 'print-dialog' };
}

/**
 * On paper only the report shows: the app's tinted page background (on the root element, so it
 * fills every printed page, blank space included) is white, and the banners the shell shows above
 * every screen (sample data, data loss, a restore) stay on screen.
 */
export const PAPER_CSS =
  '@media print { html { background: #fff !important; } main > :not(.report-print, :has(.report-print)) { display: none !important; } }';

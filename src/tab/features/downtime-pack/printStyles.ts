/**
 * The pack's styles, as a plain stylesheet (print needs @page and page breaks, which Griffel does
 * not write). On screen the printable copy is hidden; in print everything else is.
 * Inline <style> is allowed by the tab's CSP (style-src 'unsafe-inline'); scripts stay strict.
 */
export const PRINT_ROOT_CLASS = 'dsr-print-root';
export const PACK_PAGE_CLASS = 'dsr-pack-page';

export const PACK_CSS = `
.${PRINT_ROOT_CLASS} { display: none; }
.${PACK_PAGE_CLASS} { font-family: "Segoe UI", Arial, sans-serif; color: #000; font-size: 11pt; line-height: 1.35; }
.${PACK_PAGE_CLASS} .pack-running { display: flex; justify-content: space-between; gap: 8mm; font-size: 8.5pt; border-bottom: 0.5pt solid #555; padding-bottom: 2mm; margin-bottom: 4mm; }
.${PACK_PAGE_CLASS} h2 { font-size: 18pt; margin: 0 0 1mm; }
.${PACK_PAGE_CLASS} h3 { font-size: 12pt; margin: 4mm 0 1mm; border-bottom: 0.5pt solid #999; }
.${PACK_PAGE_CLASS} .pack-critical { font-weight: 600; }
.${PACK_PAGE_CLASS} table { border-collapse: collapse; width: 100%; font-size: 10pt; }
.${PACK_PAGE_CLASS} th, .${PACK_PAGE_CLASS} td { text-align: left; vertical-align: top; border: 0.5pt solid #999; padding: 1mm 2mm; }
.${PACK_PAGE_CLASS} .pack-text { white-space: pre-wrap; margin: 0; }
.${PACK_PAGE_CLASS} .pack-missing { font-style: italic; }
@media print {
  @page { size: A4; margin: 12mm 14mm; }
  html, body { background: #fff !important; }
  body > *:not(.${PRINT_ROOT_CLASS}) { display: none !important; }
  .${PRINT_ROOT_CLASS} { display: block; }
  .${PACK_PAGE_CLASS} { break-after: page; page-break-after: always; break-inside: avoid; }
  .${PACK_PAGE_CLASS}:last-child { break-after: auto; page-break-after: auto; }
}
`;

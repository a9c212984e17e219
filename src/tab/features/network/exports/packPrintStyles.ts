/**
 * The review pack's print styles, as a plain stylesheet (print needs @page and page breaks, which
 * Griffel does not write). On screen the printable copy is hidden; in print everything else is, so
 * the tab's own chrome, dialogs and buttons never reach the paper.
 * Inline <style> is allowed by the tab's CSP (style-src 'unsafe-inline'); scripts stay strict.
 */
export const REVIEW_PRINT_ROOT_CLASS = 'dsr-review-print-root';
export const REVIEW_PACK_CLASS = 'dsr-review-pack';

export const REVIEW_PACK_CSS = `
.${REVIEW_PRINT_ROOT_CLASS} { display: none; }
.${REVIEW_PACK_CLASS} { font-family: "Segoe UI", Arial, sans-serif; color: #000; background: #fff; font-size: 11pt; line-height: 1.4; }
.${REVIEW_PACK_CLASS} h1 { font-size: 18pt; margin: 0 0 1mm; }
.${REVIEW_PACK_CLASS} .review-subtitle { margin: 0 0 4mm; }
.${REVIEW_PACK_CLASS} h2 { font-size: 13pt; margin: 5mm 0 1mm; border-bottom: 0.5pt solid #999; }
.${REVIEW_PACK_CLASS} p { margin: 1mm 0; white-space: pre-wrap; }
.${REVIEW_PACK_CLASS} table { border-collapse: collapse; width: 100%; font-size: 9.5pt; margin-top: 2mm; }
.${REVIEW_PACK_CLASS} th, .${REVIEW_PACK_CLASS} td { text-align: left; vertical-align: top; border: 0.5pt solid #999; padding: 1mm 2mm; overflow-wrap: anywhere; }
.${REVIEW_PACK_CLASS} thead th { background: #eee; }
@media print {
  @page { size: A4 landscape; margin: 12mm 12mm; }
  html, body { background: #fff !important; }
  body > *:not(.${REVIEW_PRINT_ROOT_CLASS}) { display: none !important; }
  .${REVIEW_PRINT_ROOT_CLASS} { display: block; }
  .${REVIEW_PACK_CLASS} section { break-inside: auto; }
  .${REVIEW_PACK_CLASS} h2 { break-after: avoid; page-break-after: avoid; }
  .${REVIEW_PACK_CLASS} thead { display: table-header-group; }
  .${REVIEW_PACK_CLASS} tr { break-inside: avoid; page-break-inside: avoid; }
}
`;

/**
 * A practice's own "IT systems list", as practice managers really keep them (issue 14), and meaner:
 * - a merged title row and a blank row above the headers; blank rows between the data rows;
 * - headers in the practice's words: "What we use it for", "Who provides it (CCG/practice)",
 *   "Helpdesk", "Personal data?", "How staff get access", "If it goes down", "Lead", "In use?", and
 *   a "Cost (£/yr)" column the register has no field for;
 * - free-text contacts ("Optum support 0345 …, have ODS code ready"), one mixing a phone and an
 *   https portal, one only an email, one with no contact detail at all;
 * - "Yes (call recordings)" style answers, "CCG funded", a provision of "Trial" (not a provision);
 * - dates written "2022", "March 2023", "last spring", "N/A", a real date cell and an Excel serial;
 * - a formula with a saved result, a formula without one, an Excel error (#N/A), rich text, a
 *   hyperlink cell, a number cell;
 * - a 420-character supplier cell; a duplicate line ("EMIS web " again, with new details);
 * - owners as "Priya Shah <priya.shah@nhs.net>", a bare name, "Dave (reception)" and "Dr Patel";
 * - a "Total licences" row with no service name.
 * 13 real rows (12 services + the duplicate line) and one row with no name.
 */
import ExcelJS from 'exceljs';

export const IT_LIST_HEADERS = [
  'System', 'What we use it for', 'Who provides it (CCG/practice)', 'Supplier', 'Helpdesk', 'Hours', 'Personal data?', 'DPIA',
  'How staff get access', 'If it goes down', 'BCP last tested', 'Lead', 'Last reviewed', 'In use?', 'Comments', 'Cost (£/yr)',
];

export const OVERLONG_SUPPLIER = `Web design by Riverside Digital Ltd under the 2019 agreement; hosting moved to the PCN's shared account in 2022 and the domain is registered to the practice manager personally, so renewals need her card. ${'Content updates are requested by email and normally done within five working days, except in the flu season. '.repeat(3)}`.slice(0, 420);

const richDocman = { richText: [{ text: 'Docman ' }, { text: '10', font: { bold: true } }] };
const accurxLink = { text: 'support@accurx.com / www.accurx.com/support', hyperlink: 'https://www.accurx.com/support' };

/** The data rows, as [sheet row number, cells]: blank rows in between are real blank rows of the sheet. */
export const IT_LIST_ROWS: ReadonlyArray<readonly [number, readonly unknown[]]> = [
  [4, ['EMIS Web', 'Clinical record, appointments, prescribing', 'CCG funded', 'Optum (EMIS Health)',
    'Optum support 0345 122 3456, have ODS code ready', '24/7', 'Yes (patient records)', 'Yes - 12/01/2024',
    'Smartcard + RA request via the ICB', 'Paper day list; ring the ICB service desk', '2022', 'Priya Shah <priya.shah@nhs.net>',
    new Date(Date.UTC(2025, 2, 1)), 'Yes', 'Core system', 0]],
  [5, ['Accurx', 'Messaging, video consultations, triage', 'CCG funded', 'Accurx Ltd', accurxLink, '8am-6.30pm weekdays',
    'Yes (messages, photos)', 'Yes', 'NHS login, then the practice invites them', 'Phone patients instead', 'March 2023', 'Tom Reed',
    '14/02/2025', 'Yes', '', '']],
  [7, ['Surgery Connect (X-on)', 'Telephony', 'Practice funded', 'X-on',
    'X-on helpdesk 0333 332 0000 option 1, or https://support.x-on.co.uk', 'Mon-Fri 8-6', 'Yes (call recordings)', 'In progress',
    'Admin adds the user', 'Divert to the duty mobile, see BCP folder', '2022', 'Priya Shah', '2024', 'Yes', 'Contract renews April', 4800]],
  [8, [richDocman, 'Incoming clinical post', 'ICB', 'Docman (Advanced)', 'Raise a call on the ICB portal', '', 'Yes', 'Yes', '',
    'Scan later', 'N/A', '', '05/06/2024', 'Live', '', '']],
  [9, ['iGPR', 'Insurance and SAR reports', 'Practice', 'iGPR Technologies', '01234 567890', '9-5', 'Yes', 'Not required', '', '',
    '', 'Dave (reception)', '', 'In use', '', 350]],
  [10, ['Ardens', 'Templates and searches', 'CCG funded', 'Ardens',
    { formula: 'CONCATENATE("support@","ardens.org.uk")', result: 'support@ardens.org.uk' }, '', 'No', 'N/A', '', '', '', '', 45352,
    'Yes', { formula: 'NOW()' }, { error: '#N/A' }]],
  [12, ['NHS App', 'Repeat prescriptions and appointments for patients', 'National', 'NHS England', '0300 311 22 33', '', 'Yes',
    'National DPIA', '', '', '', '', '', 'Yes', '', '']],
  [13, ['Lexacom', 'Dictation', 'Practice', 'Lexacom Ltd', 'help@lexacom.co.uk', 'Mon-Fri', 'Yes (dictations)', 'Yes (2021)', '',
    'Type notes by hand', 'last spring', 'Priya Shah', '03/01/2025', 'Yes', '', '']],
  [14, ['Practice website', 'Opening hours, online forms', 'Practice', OVERLONG_SUPPLIER, '', '', 'No', '', '', '', '', '', '', 'Yes', '',
    '']],
  [15, ['Heidi Health (AI scribe)', 'Drafts consultation notes', 'Trial', 'Heidi Health', 'www.heidihealth.com/support', '',
    'Yes (audio, transcripts)', 'Draft', 'Clinicians only, by invite', 'Type notes by hand', '', 'Dr Patel', '', 'Pilot',
    'DPIA with the ICB IG team', '']],
  [16, ['NHSmail', 'Email and Teams', 'National', 'NHSmail (Accenture)', 'NHSmail helpdesk: helpdesk@nhs.net', '24/7', 'Staff', true,
    'Via the NHSmail local administrator', 'WhatsApp group (no patient data)', '', 'Priya Shah', '', 'Yes', '', '']],
  [18, ['GP2GP', 'Record transfers', 'National', 'NHS England', 'National Service Desk 0300 303 5035', '24/7', 'Yes', 'N/A', '', '',
    '', '', '', 'Yes', '', '']],
  [19, ['EMIS web ', '', 'CCG', '', '', '', '', '', '', '', '', '', '', '', 'duplicate line, added by reception', '']],
  [21, ['', '', '', '', '', '', '', '', '', '', '', '', '', '', 'Total licences: 14', '']],
];

export async function practiceItSystemsList(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('IT systems list');
  sheet.getCell('A1').value = 'Riverside Medical Practice – IT systems list (updated by PM, March 2023)';
  sheet.mergeCells('A1:P1');
  sheet.getRow(3).values = IT_LIST_HEADERS;
  for (const [rowNumber, cells] of IT_LIST_ROWS) sheet.getRow(rowNumber).values = cells as ExcelJS.CellValue[];
  sheet.getCell('M4').numFmt = 'dd/mm/yyyy';
  sheet.getRow(20).getCell(3).numFmt = '@'; // a formatted but empty row: still a blank row
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

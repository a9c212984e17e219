import { cellsByField, matchHeaders } from '../../../src/domain/spreadsheet/headerMatching';

function fieldsOf(headers: string[]): Record<string, string | null> {
  return Object.fromEntries(matchHeaders(headers).map((match) => [match.header, match.field]));
}

describe('matchHeaders', () => {
  it('maps a messy real-world practice spreadsheet header row', () => {
    const headers = [
      '  System / Application ',
      'Type',
      'What is it used for?',
      'Provided by',
      'IAO',
      'Owner e-mail',
      'Deputy',
      'Vendor',
      'Help Desk No.',
      'Support E-mail',
      'Portal URL',
      'Support hours',
      'Our account ref',
      'Personal data held',
      'DPIA?',
      'Date of DPIA',
      'DCB0160',
      'Leavers process',
      'Business Continuity Plan',
      'BCP last tested',
      'In use?',
      'Criticality (H/M/L)',
      'Review frequency',
      'Last Reviewed (dd/mm/yyyy)',
      'Reviewed by',
      'Next review',
      'Comments',
      '',
      'Column1',
    ];
    expect(fieldsOf(headers)).toEqual({
      '  System / Application ': 'title',
      Type: 'category',
      'What is it used for?': 'purpose',
      'Provided by': 'provision',
      IAO: 'owner',
      'Owner e-mail': 'ownerEmail',
      Deputy: 'deputy',
      Vendor: 'supplier',
      'Help Desk No.': 'supportPhone',
      'Support E-mail': 'supportEmail',
      'Portal URL': 'supportUrl',
      'Support hours': 'supportHours',
      'Our account ref': 'supportReference',
      'Personal data held': 'dataTypes',
      'DPIA?': 'dpiaStatus',
      'Date of DPIA': 'dpiaDate',
      DCB0160: 'clinicalSafetyStatus',
      'Leavers process': 'accessRemoved',
      'Business Continuity Plan': 'downtimeProcess',
      'BCP last tested': 'continuityLastTested',
      'In use?': 'lifecycle',
      'Criticality (H/M/L)': 'criticality',
      'Review frequency': 'reviewIntervalMonths',
      'Last Reviewed (dd/mm/yyyy)': 'lastReviewedOn',
      'Reviewed by': 'lastReviewedBy',
      'Next review': 'nextReviewDue',
      Comments: 'notes',
      '': null,
      Column1: null,
    });
  });

  it('says how sure it is: exact names, likely word matches, or none', () => {
    expect(matchHeaders(['SYSTEM', 'Name of the owner', 'Colour'])).toEqual([
      { header: 'SYSTEM', field: 'title', confidence: 'exact' },
      { header: 'Name of the owner', field: 'owner', confidence: 'likely' },
      { header: 'Colour', field: null, confidence: 'none' },
    ]);
  });

  it('treats the brief\'s examples as exact, whatever the case, punctuation and spacing', () => {
    const cases: Array<[string, string]> = [
      ['Service', 'title'], ['application', 'title'], ['OWNER', 'owner'], ['Lead', 'owner'], ['I.A.O', 'owner'],
      ['DPIA status', 'dpiaStatus'], ['dpia ?', 'dpiaStatus'], ['Last  reviewed', 'lastReviewedOn'], ['Supplier', 'supplier'],
      ['Provision', 'provision'], ['Next review date', 'nextReviewDue'], ['Notes', 'notes'],
    ];
    for (const [header, field] of cases) {
      const [match] = matchHeaders([header]);
      expect({ header, field: match?.field, confidence: match?.confidence }).toEqual({ header, field, confidence: 'exact' });
    }
  });

  it('never maps two headers to one field: the stronger match keeps it', () => {
    const matches = matchHeaders(['Notes', 'Service owner', 'System', 'Application', 'Owner', 'Comments']);
    expect(matches.map((match) => match.field)).toEqual(['notes', 'owner', 'title', null, null, null]);
    const fields = matches.map((match) => match.field).filter((field) => field !== null);
    expect(new Set(fields).size).toBe(fields.length);
  });

  it('leaves the losing header unmapped instead of pushing it onto a weaker guess', () => {
    expect(fieldsOf(['DPIA status', 'Data Protection Impact Assessment completed?'])).toEqual({
      'DPIA status': 'dpiaStatus',
      'Data Protection Impact Assessment completed?': null,
    });
  });

  it('prefers an exact header over an earlier column that only probably means the same', () => {
    expect(fieldsOf(['Systems used by reception', 'System'])).toEqual({ 'Systems used by reception': null, System: 'title' });
  });

  it('tells apart fields whose names overlap', () => {
    expect(fieldsOf(['Last reviewed by', 'Last reviewed', 'Review by', 'Access review', 'How access is reviewed'])).toEqual({
      'Last reviewed by': 'lastReviewedBy',
      'Last reviewed': 'lastReviewedOn',
      'Review by': 'nextReviewDue',
      'Access review': 'lastAccessReview',
      'How access is reviewed': 'accessReviewed',
    });
  });
});

describe('cellsByField', () => {
  it('keys a row by the confirmed mapping, skipping unmapped columns and filling missing cells with blanks', () => {
    expect(cellsByField(['title', null, 'owner'], ['EMIS Web', 'ignored'])).toEqual({ title: 'EMIS Web', owner: '' });
  });
});

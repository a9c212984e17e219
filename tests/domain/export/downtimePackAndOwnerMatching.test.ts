/** The downtime pack's cards, and matching spreadsheet owners to directory people. */
import { emptyEntry, type PersonCandidate, type StoredEntry } from '../../../src/domain';
import { changedSincePrint, downtimeCards, printRecordOf, splitDowntimeText } from '../../../src/domain/export';
import { matchPerson } from '../../../src/domain/spreadsheet/ownerMatching';

function stored(id: string, entry: Partial<StoredEntry['entry']>, modifiedAt = '2026-01-01T10:00:00Z', eTag = '"1"'): StoredEntry {
  return { id, eTag, entry: { ...emptyEntry(), ...entry }, createdAt: modifiedAt, createdBy: 'x', modifiedAt, modifiedBy: 'x' };
}

describe('downtime pack', () => {
  test('splits the downtime process into the pack sections by headings; untitled text is the workaround', () => {
    const text = 'Use the paper appointment book.\nHow you will notice: Screens freeze; error 503.\nWhat to tell patients:\nWe can still see you.\nBack-filling records: Enter notes within 24 hours.';
    expect(splitDowntimeText(text)).toEqual({
      workaround: 'Use the paper appointment book.',
      notice: 'Screens freeze; error 503.',
      patients: 'We can still see you.',
      backfill: 'Enter notes within 24 hours.',
    });
    expect(splitDowntimeText('Phone the desk: 0300 000 0000').workaround).toBe('Phone the desk: 0300 000 0000');
  });

  test('one card per live service, most critical first, with the ICB service desk as a second number', () => {
    const cards = downtimeCards([
      stored('1', { title: 'Website', criticality: 'low' }),
      stored('2', { title: 'EMIS Web', criticality: 'critical', supplier: 'Optum', supportPhone: '0300 1', supportReference: 'ODS B12345' }),
      stored('3', { title: 'Old fax', criticality: 'critical', lifecycle: 'retired' }),
      stored('4', { title: 'ICB GP IT service desk', criticality: 'high', supportPhone: '0113 2', supportHours: '8-6.30 weekdays' }),
      stored('5', { title: 'Trial tool', lifecycle: 'trial' }),
    ]);
    expect(cards.map((card) => card.title)).toEqual(['EMIS Web', 'ICB GP IT service desk', 'Website']);
    expect(cards[0]!.contacts).toEqual([
      expect.objectContaining({ who: 'Optum helpdesk', phone: '0300 1', reference: 'ODS B12345' }),
      expect.objectContaining({ who: 'ICB GP IT service desk', phone: '0113 2', hours: '8-6.30 weekdays' }),
    ]);
    expect(cards[1]!.contacts).toHaveLength(1);
  });

  test('cards changed since the last print', () => {
    const printed = printRecordOf(downtimeCards([stored('1', { title: 'A' }), stored('2', { title: 'B' })]), new Date('2026-01-15T00:00:00Z'));
    const now = downtimeCards([stored('1', { title: 'A' }), stored('2', { title: 'B' }, '2026-01-15T00:00:00Z', '"2"'), stored('3', { title: 'C' })]);
    expect(changedSincePrint(now, null)).toEqual([]);
    expect(changedSincePrint(now, printed).map((card) => card.title)).toEqual(['B', 'C']);
  });
});

describe('owner matching', () => {
  const person = (id: string, displayName: string, mail: string, inPractice: boolean): PersonCandidate => ({
    id, displayName, mail, userPrincipalName: mail, source: inPractice ? 'team' : 'directory', inPractice,
  });
  const sam1 = person('s1', 'Sam Patel', 'sam.patel@nhs.net', false);
  const sam2 = person('s2', 'Sam Patel', 'sam.patel7@nhs.net', false);
  const samTeam = person('s3', 'Sam Patel', 'sam.patel12@nhs.net', true);

  test('email first, whatever the name says', () => {
    expect(matchPerson({ email: 'SAM.PATEL7@nhs.net', name: 'Samuel' }, [sam1, sam2])).toEqual({
      kind: 'matched', by: 'email', person: { entraId: 's2', displayName: 'Sam Patel', upn: 'sam.patel7@nhs.net' },
    });
  });
  test('a name shared by several people is ambiguous; a single team member of that name wins', () => {
    expect(matchPerson({ name: 'sam  patel' }, [sam1, sam2])).toMatchObject({ kind: 'ambiguous', candidates: [sam1, sam2] });
    expect(matchPerson({ name: 'Sam Patel' }, [samTeam, sam1, sam2])).toMatchObject({ kind: 'matched', by: 'name', person: { entraId: 's3' } });
    expect(matchPerson({ name: 'Sam Patel' }, [sam1])).toMatchObject({ kind: 'matched', by: 'name' });
    expect(matchPerson({ name: 'Nobody' }, [sam1])).toEqual({ kind: 'not-found' });
  });
});

/** History: each version says who changed which fields from what to what, newest first, in UK time. */
import { emptyEntry, type RegisterEntry } from '../../../../../src/domain';
import type { EntryVersion } from '../../../../../src/graph/types';
import { formatWhen, versionHistory } from '../../../../../src/tab/features/register/history/versionDiff';

const first: RegisterEntry = { ...emptyEntry(), title: 'Accurx', supplier: 'Accurx Ltd', dataTypes: [] };
const v = (label: string, at: string, by: string, entry: RegisterEntry): EntryVersion => ({ versionLabel: label, modifiedAt: at, modifiedBy: by, entry });

describe('version history', () => {
  const versions = [
    v('1.0', '2026-01-10T09:00:00Z', 'Priya Shah', first),
    v('3.0', '2026-07-01T13:30:00Z', 'Priya Shah', { ...first, supplier: 'Accurx Ltd', category: 'online-consultation', dataTypes: ['patient-identifiable'], lastReviewedOn: '2026-07-01' }),
    v('2.0', '2026-03-05T16:45:00Z', 'Tom Reed', { ...first, supplier: 'Accurx' }),
  ];

  it('lists versions newest first whatever order they come in', () => {
    expect(versionHistory(versions).map((item) => item.versionLabel)).toEqual(['3.0', '2.0', '1.0']);
  });

  it('says who changed which fields, from what to what, with the form\'s labels and readable values', () => {
    const [newest, middle, oldest] = versionHistory(versions);
    expect(middle).toMatchObject({ who: 'Tom Reed', isFirst: false, changes: [{ field: 'supplier', label: 'Supplier', from: 'Accurx Ltd', to: 'Accurx' }] });
    expect(newest!.changes).toEqual([
      { field: 'category', label: 'Category', from: 'Other', to: 'Online consultation and messaging' },
      { field: 'supplier', label: 'Supplier', from: 'Accurx', to: 'Accurx Ltd' },
      { field: 'dataTypes', label: 'Data processed', from: 'Not set', to: 'Patient-identifiable' },
      { field: 'lastReviewedOn', label: 'Last reviewed on', from: 'Not set', to: '1 July 2026' },
    ]);
    expect(oldest).toMatchObject({ isFirst: true, changes: [] });
  });

  it('shows times in Europe/London, summer time included', () => {
    expect(formatWhen('2026-07-01T13:30:00Z')).toBe('1 Jul 2026, 14:30');
    expect(formatWhen('2026-01-10T09:00:00Z')).toBe('10 Jan 2026, 09:00');
    expect(formatWhen('')).toBe('Unknown time');
  });

  it('an entry with a single version has nothing to compare', () => {
    expect(versionHistory([versions[0]!])).toEqual([
      expect.objectContaining({ versionLabel: '1.0', who: 'Priya Shah', isFirst: true, changes: [] }),
    ]);
  });
});

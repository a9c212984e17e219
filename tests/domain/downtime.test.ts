/** Issue 14: the structured downtime process, and the migration of older free text by its labels. */
import { emptyEntry, hasDowntimeProcess, migrateDowntimeText, riskFlags } from '../../src/domain';
import { downtimeCards, packSections } from '../../src/domain/export/downtimePack';
import { fieldsToEntry } from '../../src/domain/registerFields';
import { healthyEntry, TODAY } from './entryFixture';

const labelled = [
  'How you will notice: the login screen times out',
  'Use the printed appointment lists in reception.',
  'What to tell patients: we can still see you; prescriptions will follow.',
  'Back-filling records: the duty doctor types paper notes in the same day.',
].join('\n');

describe('migrateDowntimeText', () => {
  it('sorts labelled free text into the four fields (text before any label is the paper workaround) and clears it', () => {
    const migrated = migrateDowntimeText({ ...emptyEntry(), downtimeProcess: `Paper first.\n${labelled}` });
    expect(migrated).toMatchObject({
      downtimeNotice: 'the login screen times out\nUse the printed appointment lists in reception.',
      downtimeWorkaround: 'Paper first.',
      downtimePatients: 'we can still see you; prescriptions will follow.',
      downtimeBackfill: 'the duty doctor types paper notes in the same day.',
      downtimeProcess: '',
    });
    expect(migrateDowntimeText(migrated)).toEqual(migrated);
  });
  it('keeps unlabelled text as notes, and never overwrites fields already in use', () => {
    const plain = { ...emptyEntry(), downtimeProcess: 'Print FP10 tokens.' };
    expect(migrateDowntimeText(plain)).toBe(plain);
    const structured = { ...emptyEntry(), downtimeWorkaround: 'Paper lists', downtimeProcess: labelled };
    expect(migrateDowntimeText(structured)).toBe(structured);
  });
  it('is applied when a list item is read', () => {
    const entry = fieldsToEntry({ Title: 'EMIS Web', DowntimeProcess: labelled });
    expect(entry.downtimePatients).toBe('we can still see you; prescriptions will follow.');
    expect(entry.downtimeProcess).toBe('');
  });
});

describe('the pack and the risk flag use the fields', () => {
  it('prints each field as its own section; notes with no label print under the paper workaround', () => {
    const entry = healthyEntry({ downtimeProcess: 'Call the supplier.', downtimeNotice: 'Screens freeze', downtimeWorkaround: 'Paper lists', downtimePatients: 'Phone back later', downtimeBackfill: 'Type in same day' });
    expect(packSections(entry)).toEqual({ notice: 'Screens freeze', workaround: 'Paper lists\n\nCall the supplier.', patients: 'Phone back later', backfill: 'Type in same day' });
    const [card] = downtimeCards([{ id: '1', eTag: '"1"', entry } as never]);
    expect(card!.sections.patients).toBe('Phone back later');
  });
  it('"No downtime process" is raised only when every downtime field is empty', () => {
    const empty = healthyEntry({ downtimeProcess: '' });
    expect(hasDowntimeProcess(empty)).toBe(false);
    expect(riskFlags(empty, TODAY, { ownerLeft: false })).toContain('no-downtime-process');
    expect(riskFlags({ ...empty, downtimePatients: 'Phone back later' }, TODAY, { ownerLeft: false })).not.toContain('no-downtime-process');
  });
});

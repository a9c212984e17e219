/** Resolving a conflict field by field: the suggestions lose nobody's change, and the merge takes exactly what was chosen. */
import { emptyEntry, type RegisterEntry } from '../../../../src/domain';
import { allChoices, mergeChoices, suggestedChoices } from '../../../../src/tab/features/register/conflictMerge';

const base: RegisterEntry = { ...emptyEntry(), title: 'Docman', supplier: 'Docman Ltd', notes: 'Original', supportHours: '9 to 5' };

describe('field-by-field conflict resolution', () => {
  // They changed the supplier and the notes; I changed the title and the notes.
  const theirs: RegisterEntry = { ...base, supplier: 'Docman (Kainos)', notes: 'Their notes' };
  const yours: RegisterEntry = { ...base, title: 'Docman 10', notes: 'My notes' };

  it('offers a choice for exactly the fields that differ', () => {
    expect(Object.keys(suggestedChoices(base, theirs, yours)).sort()).toEqual(['notes', 'supplier', 'title']);
  });

  it('suggests theirs where only they changed a field, and yours where you changed it', () => {
    expect(suggestedChoices(base, theirs, yours)).toEqual({ supplier: 'theirs', title: 'yours', notes: 'yours' });
  });

  it('accepting the suggestions keeps both people\'s changes', () => {
    const merged = mergeChoices(theirs, yours, suggestedChoices(base, theirs, yours));
    expect(merged).toEqual({ ...base, title: 'Docman 10', supplier: 'Docman (Kainos)', notes: 'My notes' });
  });

  it('takes each field from the side chosen for it', () => {
    const merged = mergeChoices(theirs, yours, { title: 'yours', supplier: 'yours', notes: 'theirs' });
    expect(merged).toMatchObject({ title: 'Docman 10', supplier: 'Docman Ltd', notes: 'Their notes', supportHours: '9 to 5' });
  });

  it('"keep all mine" gives your version; "all theirs" gives theirs', () => {
    expect(mergeChoices(theirs, yours, allChoices(theirs, yours, 'yours'))).toEqual(yours);
    expect(mergeChoices(theirs, yours, allChoices(theirs, yours, 'theirs'))).toEqual(theirs);
  });

  it('a field with no choice keeps the saved (their) value', () => {
    expect(mergeChoices(theirs, yours, {}).title).toBe('Docman');
  });

  it('without the base version, every differing field suggests yours', () => {
    expect(suggestedChoices(null, theirs, yours)).toEqual({ supplier: 'yours', title: 'yours', notes: 'yours' });
  });

  it('compares people by directory id and data types as a set', () => {
    const person = { entraId: 'id-1', displayName: 'Priya Shah', upn: 'priya.shah@nhs.net' };
    const a: RegisterEntry = { ...base, owner: person, dataTypes: ['staff', 'patient-identifiable'] };
    const b: RegisterEntry = { ...base, owner: { ...person, displayName: 'Priya Shah (PM)' }, dataTypes: ['patient-identifiable', 'staff'] };
    expect(suggestedChoices(base, a, b)).toEqual({});
  });
});

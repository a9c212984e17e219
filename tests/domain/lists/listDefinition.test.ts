/** Practice lists: one definition each, unique names, and what an older list lacks. */
import { describeGap, isUpToDate, missingColumns, REGISTER_LIST, REGISTER_SETTINGS_LIST } from '../../../src/domain/lists';
import { PRACTICE_LISTS, practiceList } from '../../../src/domain/lists/practiceLists';

describe('practice lists', () => {
  it('holds the register, its settings and every feature list, each name once', () => {
    const names = PRACTICE_LISTS.map((def) => def.name);
    expect(names.slice(0, 2)).toEqual([REGISTER_LIST.name, REGISTER_SETTINGS_LIST.name]);
    expect(names).toHaveLength(6);
    expect(new Set(names).size).toBe(names.length);
    expect(practiceList(REGISTER_LIST.name)).toBe(REGISTER_LIST);
    expect(() => practiceList('Nope')).toThrow(/not one of the practice's lists/);
  });

  it('each list names each column once, and never a built-in one', () => {
    for (const def of PRACTICE_LISTS) {
      const columns = def.columns.map((column) => column.name);
      expect(new Set(columns).size).toBe(columns.length);
      expect(columns).not.toContain('Title');
    }
  });

  it('finds the columns an older register lacks and says so in words', () => {
    const older = REGISTER_LIST.columns.map((column) => column.name).filter((name) => !name.startsWith('Downtime') || name === 'DowntimeProcess');
    const missing = missingColumns(REGISTER_LIST, ['Title', ...older]);
    expect(missing.map((column) => column.name)).toEqual(['DowntimeNotice', 'DowntimeWorkaround', 'DowntimePatients', 'DowntimeBackfill']);
    const gap = { def: REGISTER_LIST, listId: 'l1', missing };
    expect(describeGap(gap)).toBe(
      'Digital Services Register: 4 missing columns (How you will notice it is down, Paper workaround, What to tell patients, Back-filling records afterwards)',
    );
    expect(describeGap({ def: REGISTER_SETTINGS_LIST, listId: null, missing: REGISTER_SETTINGS_LIST.columns })).toBe('Digital Services Register Settings (a new list)');
    expect(isUpToDate([gap])).toBe(false);
    expect(isUpToDate([{ def: REGISTER_LIST, listId: 'l1', missing: [] }])).toBe(true);
  });
});

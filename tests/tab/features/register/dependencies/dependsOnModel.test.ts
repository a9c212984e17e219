import type { StoredEntry } from '../../../../../src/domain';
import { MAX_CHOICES, dependedOnBy, dependencyChoices, dependencyLine, dependencyRows } from '../../../../../src/tab/features/register/dependencies/dependsOnModel';
import { link, stored } from '../../../../domain/dependencies/fixture';

const REGISTER: StoredEntry[] = [
  stored('1', 'EMIS Web'),
  stored('2', 'Docman', [link('1', 'integration', 'Files letters'), link('9', 'integration', '', 'Old scanner')]),
  stored('3', 'Old fax', [], 'retired'),
  stored('4', 'Cloud telephony', ['1']),
  stored('5', 'Ardens', ['3', '5']),
];

describe('the Depends on editor model', () => {
  it('offers live entries other than itself and those already named, narrowed by typing', () => {
    expect(dependencyChoices(REGISTER, '2', REGISTER[1]!.entry.dependsOn, '').choices.map((choice) => choice.title)).toEqual(['Ardens', 'Cloud telephony']);
    expect(dependencyChoices(REGISTER, null, [], 'cloud TEL').choices).toEqual([{ id: '4', title: 'Cloud telephony' }]);
    const many = Array.from({ length: 120 }, (_, index) => stored(`m${index}`, `Service ${index}`));
    const { choices, more } = dependencyChoices(many, null, [], 'service');
    expect(choices).toHaveLength(MAX_CHOICES);
    expect(more).toBe(120 - MAX_CHOICES);
  });

  it('flags retired, deleted and self links on the rows', () => {
    expect(dependencyRows(REGISTER, '5', REGISTER[4]!.entry.dependsOn).map((row) => [row.title, row.problem])).toEqual([
      ['Old fax', 'retired'],
      ['Ardens', 'self'],
    ]);
    expect(dependencyRows(REGISTER, '2', REGISTER[1]!.entry.dependsOn).map((row) => [row.title, row.problem])).toEqual([
      ['EMIS Web', null],
      ['Old scanner', 'deleted'],
    ]);
  });

  it('lists who depends on the entry, in title order, and nothing for a new entry', () => {
    expect(dependedOnBy(REGISTER, '1').map((line) => `${line.title}: ${dependencyLine(line.kind, line.why)}`)).toEqual([
      'Cloud telephony: Integration',
      'Docman: Integration: Files letters',
    ]);
    expect(dependedOnBy(REGISTER, '3')).toEqual([{ id: '5', title: 'Ardens', kind: 'integration', why: '', retired: false }]);
    expect(dependedOnBy(REGISTER, null)).toEqual([]);
  });
});

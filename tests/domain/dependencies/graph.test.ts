import {
  buildDependencyGraph,
  dependenciesOf,
  dependencyEdges,
  dependencyListModel,
  dependencyProblems,
  dependentsOf,
  findCycles,
} from '../../../src/domain/dependencies';
import { link, stored } from './fixture';

// A practice's usual picture: Docman and telephony on the clinical system; Docman also on NHSmail.
const REGISTER = [
  stored('4', 'Docman', ['1', '2']),
  stored('1', 'EMIS Web'),
  stored('2', 'NHSmail'),
  stored('3', 'Cloud telephony', ['1']),
  stored('5', 'iGPR', ['4']),
];

describe('the dependency graph', () => {
  it('lists what an entry depends on and its direct dependents, in title order', () => {
    const graph = buildDependencyGraph(REGISTER);
    expect(graph.order).toEqual(['3', '4', '1', '5', '2']);
    expect(dependenciesOf(graph, '4').map((edge) => edge.to)).toEqual(['1', '2']);
    expect(dependentsOf(graph, '1').map((edge) => edge.from)).toEqual(['3', '4']);
    expect(dependentsOf(REGISTER, '2').map((edge) => edge.from)).toEqual(['4']);
    expect(dependentsOf(REGISTER, 'nope')).toEqual([]);
  });

  it('is the same whatever order the entries arrive in', () => {
    const forwards = dependencyEdges(REGISTER);
    const backwards = dependencyEdges([...REGISTER].reverse());
    expect(backwards).toEqual(forwards);
    expect(forwards.map((edge) => `${edge.from}>${edge.to}`)).toEqual(['3>1', '4>1', '4>2', '5>4']);
  });

  it('breaks title ties by id and ignores case', () => {
    const graph = buildDependencyGraph([stored('b', 'alpha'), stored('a', 'Alpha'), stored('c', 'Beta')]);
    expect(graph.order).toEqual(['a', 'b', 'c']);
  });

  it('leaves self-links and repeated links out of the graph, and flags the self-link', () => {
    const register = [stored('1', 'EMIS Web', ['1']), stored('2', 'Docman', ['1', '1', link('1', 'shared-login')])];
    expect(dependenciesOf(register, '1')).toEqual([]);
    expect(dependenciesOf(register, '2')).toHaveLength(1);
    expect(findCycles(register)).toEqual([]);
    expect(dependencyProblems(register)).toEqual([
      expect.objectContaining({ entryId: '1', index: 0, kind: 'self', message: 'Depends on itself (EMIS Web): remove this link.' }),
    ]);
    expect(dependencyListModel(register).find((item) => item.entryId === '1')?.selfLink).toBe(true);
  });
});

describe('dependency problems', () => {
  const register = [
    stored('1', 'EMIS Web'),
    stored('2', 'Old document tool', [], 'retired'),
    stored('3', 'Docman', ['1', '2', link('99', 'integration', '', 'Lost system')]),
    stored('4', 'Ardens', ['1']),
  ];

  it('flags retired and deleted targets, naming the deleted one by the title stored on the link', () => {
    expect(dependencyProblems(register).map((problem) => [problem.entryId, problem.index, problem.kind, problem.message])).toEqual([
      ['3', 1, 'retired', 'Depends on Old document tool, which is retired.'],
      ['3', 2, 'deleted', 'Depends on Lost system, which is no longer in the register.'],
    ]);
    expect(dependencyProblems(register, '4')).toEqual([]);
    expect(dependencyProblems(register, '3')).toHaveLength(2);
  });

  it('keeps deleted targets in the graph (last), but never as a node', () => {
    const graph = buildDependencyGraph(register);
    expect(dependenciesOf(graph, '3').map((edge) => edge.to)).toEqual(['1', '2', '99']);
    expect(graph.entries.has('99')).toBe(false);
    expect(dependentsOf(graph, '99')).toEqual([]);
  });
});

describe('the dependency list model', () => {
  it('gives each service what it depends on and what depends on it, with problems and cycles', () => {
    const register = [...REGISTER, stored('6', 'Retired fax', [], 'retired'), stored('7', 'Mail merge', ['6', '8']), stored('8', 'Templates', ['7'])];
    const model = dependencyListModel(register);
    expect(model.map((item) => item.title)).toEqual(['Cloud telephony', 'Docman', 'EMIS Web', 'iGPR', 'Mail merge', 'NHSmail', 'Retired fax', 'Templates']);
    const emis = model.find((item) => item.entryId === '1');
    expect(emis?.dependsOn).toEqual([]);
    expect(emis?.dependedOnBy.map((other) => other.title)).toEqual(['Cloud telephony', 'Docman']);
    const merge = model.find((item) => item.entryId === '7');
    expect(merge?.dependsOn.map((other) => [other.title, other.problem])).toEqual([
      ['Retired fax', 'retired'],
      ['Templates', null],
    ]);
    expect(merge?.onCycle).toBe(true);
    expect(emis?.onCycle).toBe(false);
  });
});

import { buildDependencyGraph, findCycles, hasDowntime, whatElseBreaks, type StoredEntry } from '../../../src/domain';
import { healthyEntry } from '../entryFixture';
import { link, stored } from './fixture';

describe('what else breaks', () => {
  const register = [
    stored('emis', 'EMIS Web'),
    stored('docman', 'Docman', [link('emis', 'integration', 'Files letters into the record'), 'mail']),
    stored('mail', 'NHSmail'),
    stored('phones', 'Cloud telephony', ['emis']),
    stored('igpr', 'iGPR', ['docman']),
    stored('ardens', 'Ardens', ['emis', 'igpr']),
    stored('fax', 'Old fax', ['emis'], 'retired'),
    stored('unrelated', 'Practice website'),
  ];

  it('lists everything depending on the service, nearest first, with its path', () => {
    const result = whatElseBreaks(register, 'emis');
    expect(result.title).toBe('EMIS Web');
    expect(result.onCycle).toBe(false);
    expect(result.affected.map((service) => [service.title, service.depth, service.pathTitles.join(' > ')])).toEqual([
      ['Ardens', 1, 'EMIS Web > Ardens'],
      ['Cloud telephony', 1, 'EMIS Web > Cloud telephony'],
      ['Docman', 1, 'EMIS Web > Docman'],
      ['iGPR', 2, 'EMIS Web > Docman > iGPR'],
    ]);
    const docman = result.affected.find((service) => service.entryId === 'docman');
    expect(docman).toMatchObject({ kind: 'integration', why: 'Files letters into the record', path: ['emis', 'docman'] });
  });

  it('leaves retired services out unless asked', () => {
    expect(whatElseBreaks(register, 'emis').affected.some((service) => service.entryId === 'fax')).toBe(false);
    expect(whatElseBreaks(register, 'emis', { includeRetired: true }).affected.map((service) => service.entryId)).toContain('fax');
  });

  it('carries each service’s downtime process from the structured fields', () => {
    const withProcess: StoredEntry = {
      ...stored('docman', 'Docman', ['emis']),
      entry: healthyEntry({ title: 'Docman', dependsOn: [link('emis')], downtimeProcess: '', downtimeWorkaround: 'Scan to the shared drive', downtimeNotice: 'Inbox stops filling' }),
    };
    const without: StoredEntry = { ...stored('phones', 'Cloud telephony', ['emis']), entry: healthyEntry({ title: 'Cloud telephony', dependsOn: [link('emis')], downtimeProcess: '' }) };
    const result = whatElseBreaks([stored('emis', 'EMIS Web'), withProcess, without], 'emis');
    const [phones, docman] = result.affected;
    expect(docman?.downtime).toMatchObject({ workaround: 'Scan to the shared drive', notice: 'Inbox stops filling', exists: true });
    expect(docman && hasDowntime(docman.downtime)).toBe(true);
    expect(phones && hasDowntime(phones.downtime)).toBe(false);
  });

  it('has nothing for a service nobody depends on, or one not in the register', () => {
    expect(whatElseBreaks(register, 'unrelated').affected).toEqual([]);
    expect(whatElseBreaks(register, 'gone')).toEqual({ entryId: 'gone', title: '', affected: [], onCycle: false });
  });

  it('follows cycles once, never looping, and says the service is on one', () => {
    const cyclic = [stored('a', 'A', ['c']), stored('b', 'B', ['a']), stored('c', 'C', ['b']), stored('d', 'D', ['c'])];
    const result = whatElseBreaks(cyclic, 'a');
    expect(result.onCycle).toBe(true);
    expect(result.affected.map((service) => [service.entryId, service.depth])).toEqual([
      ['b', 1],
      ['c', 2],
      ['d', 3],
    ]);
    expect(findCycles(cyclic)).toEqual([{ entryIds: ['a', 'b', 'c'], loop: ['a', 'c', 'b', 'a'], loopTitles: ['A', 'C', 'B', 'A'] }]);
  });

  it('finds every separate cycle, in stable order', () => {
    const cyclic = [stored('x', 'X', ['y']), stored('y', 'Y', ['x']), stored('m', 'M', ['n']), stored('n', 'N', ['m', 'x']), stored('z', 'Z', ['x'])];
    expect(findCycles(cyclic).map((cycle) => cycle.entryIds)).toEqual([
      ['m', 'n'],
      ['x', 'y'],
    ]);
    expect(findCycles([...cyclic].reverse())).toEqual(findCycles(cyclic));
  });
});

describe('a 500-service register with about 1,500 links', () => {
  // Deterministic pseudo-random links (a linear congruential generator), with cycles and a long chain.
  function bigRegister(): StoredEntry[] {
    let seed = 42;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed;
    };
    const entries: StoredEntry[] = [];
    for (let index = 0; index < 500; index += 1) {
      const targets = new Set<string>();
      if (index > 0) targets.add(`s${index - 1}`); // a chain s499 -> ... -> s0
      while (targets.size < 3) targets.add(`s${next() % 500}`);
      targets.delete(`s${index}`);
      entries.push(stored(`s${index}`, `Service ${String(index).padStart(3, '0')}`, [...targets]));
    }
    return entries;
  }

  it('reaches every service through the chain, each once, at its shortest depth, along a real path', () => {
    const register = bigRegister();
    const graph = buildDependencyGraph(register);
    const edges = [...graph.dependsOn.values()].reduce((total, list) => total + list.length, 0);
    expect(edges).toBeGreaterThan(1300);
    expect(edges).toBeLessThanOrEqual(1500);

    const result = whatElseBreaks(graph, 's0');
    expect(result.affected).toHaveLength(499);
    expect(new Set(result.affected.map((service) => service.entryId)).size).toBe(499);
    expect(result.affected.some((service) => service.entryId === 's0')).toBe(false);
    for (const service of result.affected) {
      expect(service.path).toHaveLength(service.depth + 1);
      expect(service.path[0]).toBe('s0');
      expect(service.path[service.path.length - 1]).toBe(service.entryId);
      for (let step = 1; step < service.path.length; step += 1) {
        const from = service.path[step] as string;
        expect(graph.dependsOn.get(from)?.some((edge) => edge.to === service.path[step - 1])).toBe(true);
      }
    }
    const depths = result.affected.map((service) => service.depth);
    expect(depths).toEqual([...depths].sort((a, b) => a - b));
    // s1 depends on s0 directly, so it is at depth 1.
    expect(result.affected.find((service) => service.entryId === 's1')?.depth).toBe(1);
  });

  it('gives the same answer for the entries and for the graph, every time', () => {
    const register = bigRegister();
    const once = whatElseBreaks(register, 's250');
    expect(whatElseBreaks(buildDependencyGraph([...register].reverse()), 's250')).toEqual(once);
    const cycles = findCycles(register);
    expect(cycles.length).toBeGreaterThan(0);
    for (const cycle of cycles) {
      expect(cycle.loop[0]).toBe(cycle.loop[cycle.loop.length - 1]);
      expect(new Set(cycle.loop).size).toBe(cycle.loop.length - 1);
    }
  });
});

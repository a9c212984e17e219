import {
  STARTER_CATALOGUE,
  catalogueDependencyRules,
  catalogueItem,
  dependenciesForItem,
  orderForCreation,
  proposeCatalogueDependencies,
  type CatalogueItem,
  type StoredEntry,
} from '../../../src/domain';
import { healthyEntry } from '../entryFixture';

function item(key: string): CatalogueItem {
  const found = catalogueItem(key);
  if (!found) throw new Error(`no catalogue item ${key}`);
  return found;
}

function entry(id: string, title: string, category: StoredEntry['entry']['category'], lifecycle: StoredEntry['entry']['lifecycle'] = 'live'): StoredEntry {
  return { id, eTag: `"${id},1"`, entry: healthyEntry({ title, category, lifecycle }), createdAt: '', createdBy: '', modifiedAt: '', modifiedBy: '' };
}

const describeProposal = (proposal: ReturnType<typeof proposeCatalogueDependencies>[number]) =>
  `${proposal.itemKey} -> ${proposal.target.kind}:${proposal.target.kind === 'entry' ? proposal.target.entryId : proposal.target.itemKey} (${proposal.dependencyKind})`;

describe('the catalogue proposes the common dependencies', () => {
  it('has the four from the issue, naming targets by item or by category', () => {
    expect(catalogueDependencyRules(item('nhs-app-messaging')).map((rule) => rule.on)).toEqual([{ category: 'online-consultation' }]);
    expect(catalogueDependencyRules(item('docman')).map((rule) => ('category' in rule.on ? rule.on.category : rule.on.itemKey))).toEqual(['clinical-system', 'nhsmail']);
    expect(catalogueDependencyRules(item('gp-connect')).map((rule) => ('category' in rule.on ? rule.on.category : rule.on.itemKey))).toEqual(['clinical-system', 'hscn-network']);
    expect(catalogueDependencyRules(item('cloud-telephony')).map((rule) => [rule.on, rule.kind])).toEqual([[{ category: 'clinical-system' }, 'integration']]);
    // Every item key a rule names is in the catalogue.
    const keys = new Set(STARTER_CATALOGUE.map((candidate) => candidate.key));
    for (const rule of STARTER_CATALOGUE.flatMap(catalogueDependencyRules)) if ('itemKey' in rule.on) expect(keys.has(rule.on.itemKey)).toBe(true);
  });

  it('links to entries already in the register (by category, or by the item’s name) and to items added in the same go', () => {
    const register = [
      entry('1', 'EMIS Web', 'clinical-system'),
      entry('2', 'NHS mail', 'communication'),
      entry('3', 'Old clinical system', 'clinical-system', 'retired'),
      entry('4', 'Patchs', 'online-consultation'),
    ];
    const adding = [item('docman'), item('gp-connect'), item('hscn-network'), item('nhs-app-messaging'), item('cloud-telephony')];
    expect(proposeCatalogueDependencies(adding, register).map(describeProposal)).toEqual([
      'docman -> entry:1 (integration)',
      'docman -> entry:2 (integration)',
      'gp-connect -> entry:1 (integration)',
      'gp-connect -> item:hscn-network (infrastructure)',
      'nhs-app-messaging -> entry:4 (integration)',
      'cloud-telephony -> entry:1 (integration)',
    ]);
  });

  it('proposes nothing when no target is there, and never links an item to itself', () => {
    expect(proposeCatalogueDependencies([item('docman'), item('cloud-telephony')], [])).toEqual([]);
    expect(proposeCatalogueDependencies([item('emis-web')], [])).toEqual([]);
  });

  it('creates targets first, then fills in links to them once they have ids', () => {
    const adding = [item('gp-connect'), item('docman'), item('emis-web'), item('nhsmail'), item('hscn-network')];
    const proposals = proposeCatalogueDependencies(adding, []);
    const order = orderForCreation(adding, proposals).map((candidate) => candidate.key);
    expect(order).toEqual(['emis-web', 'nhsmail', 'hscn-network', 'gp-connect', 'docman']);
    const created = new Map([
      ['emis-web', { id: '10', title: 'EMIS Web' }],
      ['hscn-network', { id: '11', title: 'HSCN network connection, Wi-Fi and remote access' }],
    ]);
    expect(dependenciesForItem('gp-connect', proposals, created)).toEqual([
      { entryId: '10', title: 'EMIS Web', kind: 'integration', why: expect.stringContaining('clinical system') },
      { entryId: '11', title: 'HSCN network connection, Wi-Fi and remote access', kind: 'infrastructure', why: 'GP Connect runs over the HSCN network.' },
    ]);
    // NHSmail not created (yet): that link is left out rather than pointing nowhere.
    expect(dependenciesForItem('docman', proposals, created).map((link) => link.entryId)).toEqual(['10']);
  });
});

import { catalogueItem, type CatalogueItem, type StoredEntry } from '../../../../src/domain';
import { proposedLinksText } from '../../../../src/tab/features/catalogue/proposedLinks';
import { healthyEntry } from '../../../domain/entryFixture';

const item = (key: string) => catalogueItem(key) as CatalogueItem;
const emis: StoredEntry = { id: '1', eTag: '"1,1"', entry: healthyEntry({ title: 'EMIS Web', category: 'clinical-system' }), createdAt: '', createdBy: '', modifiedAt: '', modifiedBy: '' };

test('the catalogue page says what each item will be linked to', () => {
  expect(proposedLinksText(item('gp-connect'), [item('hscn-network')], [emis])).toBe(
    'Will be linked as depending on: EMIS Web (in the register), HSCN network connection, Wi-Fi and remote access (ticked here).',
  );
  expect(proposedLinksText(item('cloud-telephony'), [], [])).toBe(
    'Usually depends on: any “Clinical system” service in the register. Nothing in the register or ticked here matches yet; link it from the entry later.',
  );
  expect(proposedLinksText(item('emis-web'), [], [])).toBe('');
});

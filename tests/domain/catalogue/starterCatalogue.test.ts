import { CATEGORIES, CRITICALITIES, DATA_TYPES, PROVISIONS, labelInSentence } from '../../../src/domain/entry';
import { validateEntry } from '../../../src/domain/validation';
import { STARTER_CATALOGUE, catalogueItem, entryFromCatalogue, isInRegister } from '../../../src/domain/catalogue/starterCatalogue';

const TODAY = '2025-06-15';
const codes = (list: ReadonlyArray<{ code: string }>) => list.map((option) => option.code);

describe('STARTER_CATALOGUE', () => {
  it('offers the services most English GP practices rely on', () => {
    const titles = STARTER_CATALOGUE.map((item) => item.title).join('\n');
    for (const name of ['EMIS Web', 'SystmOne', 'Vision', 'Medicus', 'Accurx', 'Klinik', 'Patchs', 'eConsult', 'NHS App',
      'NHS App messaging', 'GP Connect', 'e-Referral Service', 'Electronic Prescription Service', 'Summary Care Record', 'GP2GP',
      'Smartcards', 'Care Identity Service', 'NHSmail', 'Teams', 'shared mailboxes', 'HSCN', 'service desk', 'telephony', 'Docman',
      'iGPR', 'Ardens', 'Practice website', 'AI scribe', 'Local clinical templates', 'Local automations']) {
      expect(titles).toContain(name);
    }
  });

  it('has unique keys and titles, and only codes the register knows', () => {
    expect(new Set(STARTER_CATALOGUE.map((item) => item.key)).size).toBe(STARTER_CATALOGUE.length);
    expect(new Set(STARTER_CATALOGUE.map((item) => item.title.toLowerCase())).size).toBe(STARTER_CATALOGUE.length);
    for (const item of STARTER_CATALOGUE) {
      expect(item.key).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(codes(CATEGORIES)).toContain(item.category);
      expect(codes(PROVISIONS)).toContain(item.typicalProvision);
      expect(codes(CRITICALITIES)).toContain(item.criticality);
      for (const type of item.dataTypes) expect(codes(DATA_TYPES)).toContain(type);
    }
  });

  it('says where every item\'s facts come from, and ships no phone numbers or web links', () => {
    for (const item of STARTER_CATALOGUE) {
      expect(item.source.trim().length).toBeGreaterThan(10);
      const text = JSON.stringify(item);
      expect(text).not.toMatch(/https?:\/\//);
      expect(text).not.toMatch(/\b0\d{2,4}[ -]?\d{3}[ -]?\d{3,4}\b/);
    }
  });

  it('records what changed at suppliers: EMIS Web now comes from Optum', () => {
    expect(catalogueItem('emis-web')).toMatchObject({ title: 'EMIS Web', supplier: expect.stringContaining('Optum') });
    expect(catalogueItem('systmone')?.supplier).toBe('TPP');
    expect(catalogueItem('no-such-key')).toBeUndefined();
  });
});

describe('entryFromCatalogue', () => {
  it('makes a live entry with the suggestions, needing review, that passes the add form\'s rules', () => {
    for (const item of STARTER_CATALOGUE) {
      const entry = entryFromCatalogue(item);
      expect(entry).toMatchObject({
        title: item.title,
        category: item.category,
        supplier: item.supplier,
        provision: item.typicalProvision,
        dataTypes: item.dataTypes,
        criticality: item.criticality,
        purpose: item.purpose,
        lifecycle: 'live',
        nextReviewDue: null,
        lastReviewedOn: null,
        owner: null,
      });
      expect(validateEntry(entry, TODAY)).toEqual({});
    }
  });

  it('starts DCB0160 as "not assessed" where clinical safety applies and "not applicable" otherwise', () => {
    const emis = catalogueItem('emis-web');
    const nhsmail = catalogueItem('nhsmail');
    if (!emis || !nhsmail) throw new Error('catalogue items missing');
    expect(entryFromCatalogue(emis).clinicalSafetyStatus).toBe('not-assessed');
    expect(entryFromCatalogue(nhsmail).clinicalSafetyStatus).toBe('not-applicable');
  });

  it('gives each entry its own data types list', () => {
    const item = STARTER_CATALOGUE[0];
    if (!item) throw new Error('empty catalogue');
    expect(entryFromCatalogue(item).dataTypes).not.toBe(item.dataTypes);
  });
});

describe('isInRegister', () => {
  it('recognises an item the register already has, ignoring case and spacing', () => {
    const emis = catalogueItem('emis-web');
    if (!emis) throw new Error('missing');
    expect(isInRegister(emis, ['emis  web'])).toBe(true);
    expect(isInRegister(emis, ['SystmOne'])).toBe(false);
  });
});

describe('provision names in the catalogue read as written (issue 14: no "icb-provided", "pcn-shared")', () => {
  it('keeps acronyms and lower-cases only an ordinary first word', () => {
    expect(PROVISIONS.map((option) => labelInSentence(option.label))).toEqual([
      'nationally provided', 'ICB-provided (core/mandated)', 'ICB-provided (enhanced)', 'practice-owned', 'supplier-managed', 'PCN-shared',
    ]);
  });
});

import { REVIEW_PACK_HEADINGS, icbReviewPack, type ReviewPack } from '../../../../src/domain/network';
import { OVERDUE, TODAY, incident, loaded, practice, stored } from './rollupFixtures';

const TRAINED = { staffTrainedOn: '2026-02-01', trainingLink: 'https://learning.example.nhs.uk/guide' } as const;

const RIVERSIDE = loaded({ ...practice('r', 'Riverside Medical Practice'), odsCode: 'B86001' }, [
  stored('1', { ...TRAINED, title: 'EMIS Web', supplier: 'EMIS Health', dpiaDate: '2025-11-01' }),
  stored('2', { ...TRAINED, title: 'Cloud telephony', category: 'telephony', provision: 'practice-owned', downtimeProcess: '', continuityLastTested: null, staffTrainedOn: null }),
  stored('3', { title: 'Accurx Scribe', category: 'ai-tool', lifecycle: 'trial', dpiaStatus: 'not-assessed', dpiaDate: null }),
  stored('4', { ...TRAINED, title: 'Online booking', lifecycle: 'proposed', owner: null }),
  stored('5', { ...TRAINED, ...OVERDUE, title: 'Fax gateway', lifecycle: 'retiring', dataTypes: [], continuityLastTested: '2025-01-01' }),
  stored('6', { title: 'Old pathology link', lifecycle: 'retired' }),
], [incident('2', 'Cloud telephony', '2026-06-14T08:00:00Z')]);

const section = (pack: ReviewPack, heading: string) => pack.sections.find((item) => item.heading === heading)!;

test('the pack follows the ICB review\'s subjects in order, then Appendix 1', () => {
  const pack = icbReviewPack(RIVERSIDE, TODAY);
  expect(pack.title).toBe('ICB annual digital review: Riverside Medical Practice');
  expect(pack.subtitle).toBe('Riverside Medical Practice (ODS B86001), from its Digital Services Register on 15 June 2026.');
  expect(pack.sections.map((item) => item.heading)).toEqual([
    'About this review',
    '1. Services in use and performance',
    '2. Implementation plans',
    '3. Training requirements',
    '4. Business continuity and incident management',
    '5. Plans for future delivery',
    '6. Information governance',
    'Appendix 1: Summary of services',
  ]);
  const about = section(pack, REVIEW_PACK_HEADINGS.about).paragraphs.join(' ');
  expect(about).toMatch(/at least once a year, covering performance, implementation plans, training requirements, business continuity or incident management arrangements, and plans for future delivery/);
  expect(about).toMatch(/only open incidents are read/);
});

test('1. services in use: counts, open incidents today, and what the register cannot tell about the last 12 months', () => {
  const services = section(icbReviewPack(RIVERSIDE, TODAY), REVIEW_PACK_HEADINGS.services);
  expect(services.paragraphs[0]).toBe('4 services in use (in trial, live or retiring), 4 of them of critical or high criticality.');
  expect(services.paragraphs[1]).toBe('1 incident open on 15 June 2026.');
  expect(services.paragraphs[2]).toMatch(/ask the practice about those closed since the last review/);
  expect(services.table?.columns).toEqual(['Service', 'Criticality', 'Review status', 'Open incidents']);
  expect(services.table?.rows).toEqual([
    ['Accurx Scribe', 'Critical', 'Up to date', '0'],
    ['Cloud telephony', 'Critical', 'Up to date', '1'],
    ['EMIS Web', 'Critical', 'Up to date', '0'],
    ['Fax gateway', 'Critical', 'Overdue', '0'],
  ]);
});

test('without an incidents list, open incidents are "not known", never none', () => {
  const pack = icbReviewPack({ ...RIVERSIDE, openIncidents: null }, TODAY);
  expect(section(pack, REVIEW_PACK_HEADINGS.services).paragraphs[1]).toBe('Open incidents: not known (the practice has no incidents list).');
  expect(section(pack, REVIEW_PACK_HEADINGS.services).table?.rows.map((row) => row[3])).toEqual(['Not known', 'Not known', 'Not known', 'Not known']);
});

test('2. implementation plans list what is proposed or in trial; 3. training lists the gaps', () => {
  const pack = icbReviewPack(RIVERSIDE, TODAY);
  const plans = section(pack, REVIEW_PACK_HEADINGS.implementation);
  expect(plans.paragraphs).toEqual(['1 service proposed and 1 in trial.']);
  expect(plans.table?.rows).toEqual([
    ['Accurx Scribe', 'Trial', 'Priya Shah', 'Not assessed'],
    ['Online booking', 'Proposed', 'No owner', 'Complete'],
  ]);
  const training = section(pack, REVIEW_PACK_HEADINGS.training);
  expect(training.paragraphs[0]).toBe('Of 4 services in use, 2 have no date when staff were trained and 1 no training material or quick guide.');
  expect(training.table?.rows).toEqual([
    ['Accurx Scribe', 'Not recorded', 'Not recorded'],
    ['Cloud telephony', 'Not recorded', 'Recorded'],
  ]);
});

test('4. continuity: downtime processes written and tested, open incidents by service', () => {
  const continuity = section(icbReviewPack(RIVERSIDE, TODAY), REVIEW_PACK_HEADINGS.continuity);
  expect(continuity.paragraphs[0]).toBe('3 of 4 services in use have a written downtime process; 2 of those were tested in the last 12 months.');
  expect(continuity.paragraphs).toContain('Cloud telephony: down since 14/06/2026.');
  expect(continuity.table?.rows.find((row) => row[0] === 'Cloud telephony')).toEqual(['Cloud telephony', 'Critical', 'Not written', 'Never recorded', '1']);
  expect(continuity.table?.rows.find((row) => row[0] === 'Fax gateway')).toEqual(['Fax gateway', 'Critical', 'Written', '01/01/2025', '0']);
});

test('5. future delivery: retiring services and reviews due; 6. information governance: DPIAs and DSPT 7.1.1', () => {
  const pack = icbReviewPack(RIVERSIDE, TODAY);
  const future = section(pack, REVIEW_PACK_HEADINGS.future);
  expect(future.paragraphs).toEqual(['1 service being retired; 1 review overdue and 0 due soon.']);
  expect(future.table?.rows).toEqual([['Fax gateway', 'Retiring', '10/01/2026', 'Overdue']]);
  const governance = section(pack, REVIEW_PACK_HEADINGS.governance);
  expect(governance.paragraphs[0]).toBe('3 of 4 services processing personal data have a completed DPIA.');
  expect(governance.paragraphs[1]).toBe('DSPT 7.1.1 (register of digital services kept up to date): Gaps. Review overdue: 1.');
  expect(governance.table?.rows).toContainEqual(['Accurx Scribe', 'Not assessed', '']);
});

test('Appendix 1, the summary of services: every service not retired, with the Agreement\'s columns, on a sheet of its own', () => {
  const appendix = section(icbReviewPack(RIVERSIDE, TODAY), REVIEW_PACK_HEADINGS.appendix);
  expect(appendix.sheet).toBe('Summary of services');
  expect(appendix.table?.columns).toEqual(['Service', 'Category', 'Provision', 'Supplier', 'Owner', 'Lifecycle', 'Criticality', 'DPIA', 'Last review', 'Next review due']);
  expect(appendix.table?.rows.map((row) => row[0])).toEqual(['Accurx Scribe', 'Cloud telephony', 'EMIS Web', 'Fax gateway', 'Online booking']);
  expect(appendix.table?.rows[2]).toEqual(['EMIS Web', 'Clinical system', 'ICB-provided (core/mandated)', 'EMIS Health', 'Priya Shah', 'Live', 'Critical', 'Complete', '10/01/2026', '10/01/2027']);
  expect(appendix.table?.rows[1]?.[2]).toBe('Practice-owned');
});

test('plain text throughout: no markup in any string', () => {
  const pack = icbReviewPack(RIVERSIDE, TODAY);
  const strings = [pack.title, pack.subtitle, ...pack.sections.flatMap((item) => [item.heading, ...item.paragraphs, ...(item.table?.columns ?? []), ...(item.table?.rows.flat() ?? [])])];
  for (const text of strings) expect(text).not.toMatch(/<[a-z/]/i);
});

/** The shared record of the last printed downtime pack: what is trusted when read, and which print wins a race. */
import { emptyEntry, type StoredEntry } from '../../../src/domain';
import { downtimeCards, laterPrint, parsePrintRecord, printRecordOf, type PrintRecord } from '../../../src/domain/export';

function stored(id: string, title: string, eTag: string): StoredEntry {
  const at = '2026-03-01T10:00:00Z';
  return { id, eTag, entry: { ...emptyEntry(), title }, createdAt: at, createdBy: 'x', modifiedAt: at, modifiedBy: 'x' };
}

test('a print record names who printed, when, and the version of every card', () => {
  const cards = downtimeCards([stored('1', 'EMIS Web', '"{A},3"'), stored('2', 'Docman', '"{B},1"')]);
  expect(printRecordOf(cards, new Date('2026-03-03T14:05:00Z'), 'Priya Shah')).toEqual({
    printedAt: '2026-03-03T14:05:00.000Z',
    printedBy: 'Priya Shah',
    versions: { '1': '"{A},3"', '2': '"{B},1"' },
  });
});

test('a stored value is trusted only when it is a well-formed record', () => {
  const good = { printedAt: '2026-03-03T14:05:00.000Z', printedBy: 'Priya Shah', versions: { '1': '"{A},3"' } };
  expect(parsePrintRecord(good)).toEqual(good);
  expect(parsePrintRecord({ printedAt: good.printedAt, versions: {} })).toEqual({ printedAt: good.printedAt, printedBy: '', versions: {} });
  for (const bad of [null, 'text', [], { ...good, printedAt: 'yesterday' }, { ...good, versions: null }, { ...good, versions: ['x'] }, { ...good, versions: { '1': 3 } }]) {
    expect(parsePrintRecord(bad)).toBeNull();
  }
});

test('when two prints are saved at once, the later print is kept whatever order the saves arrive in', () => {
  const at = (printedAt: string, printedBy: string): PrintRecord => ({ printedAt, printedBy, versions: {} });
  const earlier = at('2026-03-03T09:00:00.000Z', 'Tom Reed');
  const later = at('2026-03-03T09:00:05.000Z', 'Priya Shah');
  expect(laterPrint(null, earlier)).toBe(earlier);
  expect(laterPrint(earlier, later)).toBe(later);
  expect(laterPrint(later, earlier)).toBeNull(); // keep the later one already stored
});

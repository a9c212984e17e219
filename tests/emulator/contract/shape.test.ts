/** The contract suite's shape comparison catches what it must, and normalises what it must. */
import { shapeDiff, valueClass } from './shape';

const loose = { truncated: true };

describe('shapeDiff', () => {
  it('passes a superset of documented keys with compatible types when the page is truncated', () => {
    expect(shapeDiff({ id: '1', fields: { Quantity: 3 } }, { id: '7', extra: true, fields: { Quantity: 9, Color: 'Red' } }, loose)).toEqual([]);
  });

  it('reports a missing key, a wrong type and an extra key in a complete response', () => {
    const lines = shapeDiff({ id: '1', count: 2 }, { count: '2', more: 1 }, { truncated: false });
    expect(lines).toEqual([
      expect.stringContaining('$.id: documented "1", missing'),
      expect.stringContaining('$.count: documented number'),
      expect.stringContaining('$.more: not in the (complete) documented response'),
    ]);
  });

  it('compares arrays by their first element and needs a non-empty collection page', () => {
    expect(shapeDiff({ value: [{ id: 'a' }] }, { value: [{ name: 'x' }] }, loose)).toEqual([expect.stringContaining('$.value[0].id')]);
    expect(shapeDiff({ value: [{ id: 'a' }] }, { value: [] }, loose)).toEqual([expect.stringContaining('non-empty collection')]);
    expect(shapeDiff({ phones: [{ number: '1' }] }, { phones: [] }, loose)).toEqual([]);
  });

  it('normalises ids, eTags and timestamps into classes that must agree', () => {
    expect(valueClass('"{12AD05BB-59B8-43AA-9456-77C44E9BC066},756"')).toBe('<etag>');
    expect(valueClass('2021-03-29T03:53:52.035Z')).toBe('<date-time>');
    expect(valueClass('8606e4d5-d582-4f5f-aeba-7d7c18b20cfd')).toBe('<guid>');
    expect(shapeDiff({ when: '2016-08-30T08:26:00Z' }, { when: 'yesterday' }, loose)).toEqual([expect.stringContaining('<date-time>')]);
    expect(shapeDiff({ eTag: '"{12AD05BB-59B8-43AA-9456-77C44E9BC066},756"' }, { eTag: 'W/"1"' }, loose)).toEqual([expect.stringContaining('<etag>')]);
    // A SharePoint composite site id contains the GUID the documentation shows.
    expect(shapeDiff({ siteId: '12AD05BB-59B8-43AA-9456-77C44E9BC066' }, { siteId: 'host,1a2b3c4d-0000-4000-8000-000000000001,1a2b3c4d-0000-4000-8000-000000000002' }, loose)).toEqual([]);
  });

  it('compares @odata.type by value, treats null as any type and ignores listed paths', () => {
    expect(shapeDiff({ '@odata.type': '#microsoft.graph.user' }, { '@odata.type': '#microsoft.graph.group' }, loose)).toEqual([expect.stringContaining('@odata.type')]);
    expect(shapeDiff({ jobTitle: null, mail: 'a@b' }, { jobTitle: 'GP', mail: null }, loose)).toEqual([]);
    expect(shapeDiff({ value: [{ mailNickname: 'a' }] }, { value: [{}] }, { truncated: true, ignore: ['$.value[].mailNickname'] })).toEqual([]);
  });
});

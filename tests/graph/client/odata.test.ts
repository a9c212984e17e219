import { escapeODataString, queryString } from '../../../src/graph';

describe('OData text', () => {
  it('doubles single quotes in string literals', () => {
    expect(escapeODataString("O'Neill")).toBe("O''Neill");
    expect(escapeODataString("''")).toBe("''''");
    expect(escapeODataString('Smith')).toBe('Smith');
  });

  it('percent-encodes query values so & = and https:// inside them survive', () => {
    expect(queryString({ $filter: "fields/SupportUrl eq 'https://a.example/?x=1&y=2'", $top: 5, skip: undefined })).toBe(
      "?$filter=fields%2FSupportUrl%20eq%20'https%3A%2F%2Fa.example%2F%3Fx%3D1%26y%3D2'&$top=5",
    );
  });
});

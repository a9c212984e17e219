/**
 * @jest-environment jsdom
 */
/**
 * The network's exports: each practice listed, the unreadable ones with disabled buttons that say
 * why; downloads write the review pack's and DSPT status's sheets through the lazily loaded XLSX
 * writer (replaced here, as is the browser download) under a safe file name; a failure is said.
 */
import '../../../../support/domSetup';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { writeXlsx } from '../../../../../src/domain/spreadsheetFiles';
import { downloadFile } from '../../../../../src/tab/components/download';
import { NetworkExports } from '../../../../../src/tab/features/network/exports/NetworkExports';
import { packFileName } from '../../../../../src/tab/features/network/exports/packFiles';
import { TODAY, loaded, notOptedIn, practice, stored, unavailable } from '../../../../domain/network/rollup/rollupFixtures';
import { renderTab } from '../../../../support/renderTab';

jest.mock('@domain/spreadsheetFiles', () => ({ writeXlsx: jest.fn(async () => new Uint8Array([80, 75])) }));
jest.mock('../../../../../src/tab/components/download', () => ({
  ...jest.requireActual('../../../../../src/tab/components/download'),
  downloadFile: jest.fn(),
}));

const write = writeXlsx as jest.MockedFunction<typeof writeXlsx>;
const download = downloadFile as jest.MockedFunction<typeof downloadFile>;

const RIVERSIDE = practice('site-riverside', 'Riverside Medical Practice');
const BROOK = practice('site-brook', 'Brook Lane Surgery');
const HILL = practice('site-hill', 'Hill Top Practice');
const LOADS = [
  loaded(RIVERSIDE, [stored('1', { title: 'Docman 10' }), stored('2', { title: 'AccuRx' })]),
  notOptedIn(BROOK),
  unavailable(HILL, 'no-access'),
];

function cells(sheets: ReadonlyArray<{ readonly rows: ReadonlyArray<readonly string[]> }>): string[] {
  return sheets.flatMap((sheet) => sheet.rows.flat());
}

afterEach(() => {
  jest.clearAllMocks();
});

describe('NetworkExports', () => {
  it('lists every practice, and a practice with no pack has disabled buttons that say why', async () => {
    const user = userEvent.setup();
    renderTab(<NetworkExports loads={LOADS} networkName="Northgate PCN" today={TODAY} />);
    const items = screen.getAllByRole('listitem').map((item) => item.textContent ?? '');
    expect(items.map((text) => text.split('Download')[0])).toEqual(['Brook Lane Surgery', 'Hill Top Practice', 'Riverside Medical Practice']);

    const brook = screen.getByRole('button', { name: 'Download ICB review pack for Brook Lane Surgery (XLSX)' });
    expect(brook.getAttribute('aria-disabled')).toBe('true');
    expect(screen.getByRole('button', { name: 'Print ICB review pack for Brook Lane Surgery' }).getAttribute('aria-disabled')).toBe('true');
    expect(document.getElementById(brook.getAttribute('aria-describedby') ?? '')?.textContent).toContain('Not opted in');
    const hill = screen.getByRole('button', { name: 'Download ICB review pack for Hill Top Practice (XLSX)' });
    expect(document.getElementById(hill.getAttribute('aria-describedby') ?? '')?.textContent).toContain("cannot read the practice's site");

    // Clicking a disabled pack makes nothing.
    await user.click(brook);
    expect(write).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Download ICB review pack for Riverside Medical Practice (XLSX)' }).getAttribute('aria-disabled')).toBeNull();
  });

  it("downloads a practice's pack with its services, under a safe file name", async () => {
    const user = userEvent.setup();
    renderTab(<NetworkExports loads={LOADS} networkName="Northgate PCN" today={TODAY} />);
    await user.click(screen.getByRole('button', { name: 'Download ICB review pack for Riverside Medical Practice (XLSX)' }));
    await waitFor(() => expect(download).toHaveBeenCalledTimes(1));
    expect(write).toHaveBeenCalledTimes(1);
    const sheets = write.mock.calls[0]?.[0] ?? [];
    expect(sheets.map((sheet) => sheet.name)).toEqual(['Review', 'Summary of services']);
    expect(cells(sheets[1] ? [sheets[1]] : [])).toEqual(expect.arrayContaining(['Docman 10', 'AccuRx']));
    expect(download).toHaveBeenCalledWith(`ICB review pack - Riverside Medical Practice - ${TODAY}.xlsx`, expect.any(Uint8Array), expect.stringContaining('spreadsheetml'));
  });

  it("downloads the network's pack (the unread practices listed as such) and DSPT 7.1.1 status", async () => {
    const user = userEvent.setup();
    renderTab(<NetworkExports loads={LOADS} networkName="Northgate PCN" today={TODAY} />);
    await user.click(screen.getByRole('button', { name: 'Download ICB review pack for Northgate PCN (XLSX)' }));
    await waitFor(() => expect(download).toHaveBeenCalledTimes(1));
    const pack = cells(write.mock.calls[0]?.[0] ?? []);
    expect(pack).toEqual(expect.arrayContaining(['Docman 10', 'Brook Lane Surgery', 'Hill Top Practice']));
    expect(pack.some((cell) => cell.includes('Not opted in'))).toBe(true);
    expect(download.mock.calls[0]?.[0]).toBe(`ICB review pack - Northgate PCN - ${TODAY}.xlsx`);

    await user.click(screen.getByRole('button', { name: 'Download DSPT 7.1.1 status (XLSX)' }));
    await waitFor(() => expect(download).toHaveBeenCalledTimes(2));
    const dspt = write.mock.calls[1]?.[0] ?? [];
    expect(dspt.map((sheet) => sheet.name)).toEqual(['DSPT 7.1.1 status']);
    const rows = dspt[0]?.rows ?? [];
    expect(rows.find((row) => row[0] === 'Riverside Medical Practice')?.[1]).toBe('Met');
    expect(rows.find((row) => row[0] === 'Hill Top Practice')?.[1]).toBe('Not known');
    expect(download.mock.calls[1]?.[0]).toBe(`DSPT 7.1.1 status - Northgate PCN - ${TODAY}.xlsx`);
  });

  it('says plainly when the file could not be made, and the next press tries again', async () => {
    const user = userEvent.setup();
    write.mockRejectedValueOnce(new Error('out of memory'));
    renderTab(<NetworkExports loads={LOADS} networkName="Northgate PCN" today={TODAY} />);
    const button = screen.getByRole('button', { name: 'Download DSPT 7.1.1 status (XLSX)' });
    await user.click(button);
    expect((await screen.findByRole('alert')).textContent).toContain('The file could not be made: out of memory');
    expect(download).not.toHaveBeenCalled();
    await user.click(button);
    await waitFor(() => expect(download).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(screen.queryAllByRole('alert')).toHaveLength(0));
  });
});

describe('packFileName', () => {
  it('keeps the name readable and drops characters a file system refuses', () => {
    expect(packFileName('ICB review pack', 'St. Mary\'s / "The Green" <Surgery>: ?*', '2026-03-01')).toBe("ICB review pack - St. Mary's The Green Surgery - 2026-03-01.xlsx");
    expect(packFileName('ICB review pack', '???', '2026-03-01')).toBe('ICB review pack - practice - 2026-03-01.xlsx');
  });
});

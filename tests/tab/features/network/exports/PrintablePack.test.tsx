/**
 * @jest-environment jsdom
 */
/**
 * The printable review pack, in the tab (no popup): Print opens it with the pack's headings and its
 * Appendix 1 "Summary of services" table (column headers with scope), the practice's own text shown
 * as text, never as markup; Print calls the browser's print; Back closes it and takes the print copy away.
 */
import '../../../../support/domSetup';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { REVIEW_PACK_HEADINGS, REVIEW_PACK_TITLE } from '../../../../../src/domain/network';
import { PracticePackButton } from '../../../../../src/tab/features/network/exports/PracticePackButton';
import { TODAY, loaded, practice, stored } from '../../../../domain/network/rollup/rollupFixtures';
import { findOpenDialog, renderTab } from '../../../../support/renderTab';

const HOSTILE = '<img src=x onerror="alert(1)">';
const LOAD = loaded(practice('site-riverside', 'Riverside Medical Practice'), [stored('1', { title: `Docman ${HOSTILE}` }), stored('2', { title: 'AccuRx' })]);

describe('the printable review pack', () => {
  it('shows the pack with its headings and the summary of services, user text escaped', async () => {
    const user = userEvent.setup();
    renderTab(<PracticePackButton load={LOAD} today={TODAY} />);
    expect(screen.queryAllByRole('dialog', { hidden: true })).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'Print ICB review pack for Riverside Medical Practice' }));

    const dialog = await findOpenDialog();
    const headings = within(dialog).getAllByRole('heading', { hidden: true }).map((heading) => `${heading.tagName} ${heading.textContent ?? ''}`);
    expect(headings).toEqual(expect.arrayContaining([
      `H1 ${REVIEW_PACK_TITLE}: Riverside Medical Practice`,
      `H2 ${REVIEW_PACK_HEADINGS.services}`,
      `H2 ${REVIEW_PACK_HEADINGS.continuity}`,
      `H2 ${REVIEW_PACK_HEADINGS.appendix}`,
    ]));

    const appendix = within(dialog).getByRole('table', { name: REVIEW_PACK_HEADINGS.appendix, hidden: true });
    const columns = [...appendix.querySelectorAll('thead th')];
    expect(columns.map((th) => th.textContent)).toEqual(expect.arrayContaining(['Service', 'Owner', 'DPIA', 'Next review due']));
    expect(columns.every((th) => th.getAttribute('scope') === 'col')).toBe(true);
    const services = [...appendix.querySelectorAll('tbody th[scope="row"]')].map((th) => th.textContent);
    expect(services).toEqual(expect.arrayContaining(['AccuRx', `Docman ${HOSTILE}`]));
    // The title is text: no element was made from it, anywhere in the page (preview or print copy).
    expect(document.querySelector('img')).toBeNull();
    expect(appendix.innerHTML).toContain('Docman &lt;img src=x onerror="alert(1)"&gt;');

    // The copy that prints sits at the end of the body, outside the tab, with the same pack.
    const printCopy = document.querySelector('[data-testid="review-print-root"]');
    expect(printCopy?.parentElement).toBe(document.body);
    expect(printCopy?.querySelector('h1')?.textContent).toBe(`${REVIEW_PACK_TITLE}: Riverside Medical Practice`);
    expect(document.head.querySelector('style[data-dsr="review-pack"]')?.textContent).toContain('@media print');
  });

  it('prints with the browser, and Back closes the view and its print copy', async () => {
    const print = jest.fn();
    window.print = print;
    const user = userEvent.setup();
    renderTab(<PracticePackButton load={LOAD} today={TODAY} />);
    await user.click(screen.getByRole('button', { name: 'Print ICB review pack for Riverside Medical Practice' }));
    await user.click(within(await findOpenDialog()).getByRole('button', { name: 'Print', hidden: true }));
    expect(print).toHaveBeenCalledTimes(1);

    await user.click(within(await findOpenDialog()).getByRole('button', { name: 'Back', hidden: true }));
    await waitFor(() => expect(screen.queryAllByRole('dialog', { hidden: true })).toHaveLength(0));
    expect(document.querySelector('[data-testid="review-print-root"]')).toBeNull();
    expect(document.head.querySelector('style[data-dsr="review-pack"]')).toBeNull();
  });
});

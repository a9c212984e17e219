import type { PersonCandidate } from '../../../src/domain/people';
import { GraphError } from '../../../src/graph';
import {
  BUSY_MESSAGE,
  DirectorySearchController,
  ERROR_MESSAGE,
  type DirectorySearchOptions,
} from '../../../src/tab/components/OwnerPickerSearch';

function person(id: string, displayName: string, mail: string, source: PersonCandidate['source'] = 'directory'): PersonCandidate {
  return { id, displayName, mail, userPrincipalName: mail, source, inPractice: source === 'team' };
}

const TEAM = [person('t1', 'Tom Reed', 'tom.reed@nhs.net', 'team'), person('t2', 'Sarah Smith', 'sarah.smith@nhs.net', 'team')];

interface Call {
  query: string;
  signal: AbortSignal;
  resolve: (found: PersonCandidate[]) => void;
  reject: (error: unknown) => void;
}

/** A search whose answers the test hands out, in any order. */
function scriptedSearch() {
  const calls: Call[] = [];
  const search = jest.fn((query: string, signal: AbortSignal) => {
    return new Promise<PersonCandidate[]>((resolve, reject) => calls.push({ query, signal, resolve, reject }));
  });
  return { calls, search };
}

function setUp(extra: Partial<DirectorySearchOptions> = {}) {
  const directory = scriptedSearch();
  const teamMembers = jest.fn(() => TEAM);
  const controller = new DirectorySearchController({ teamMembers, searchDirectory: directory.search, debounceMs: 300, ...extra });
  return { controller, directory, teamMembers };
}

async function type(controller: DirectorySearchController, text: string, msPerKey = 150): Promise<void> {
  for (let length = 1; length <= text.length; length += 1) {
    controller.onInput(text.slice(0, length));
    await jest.advanceTimersByTimeAsync(msPerKey);
  }
}

beforeEach(() => jest.useFakeTimers({ now: Date.parse('2026-03-02T09:00:00Z') }));
afterEach(() => jest.useRealTimers());

describe('DirectorySearchController', () => {
  it('asks the directory at most twice while "Sarah Smith" is typed at 150 ms a key', async () => {
    const { controller, directory } = setUp();
    await type(controller, 'Sarah Smith');
    await jest.advanceTimersByTimeAsync(1000);
    expect(directory.search.mock.calls.length).toBeLessThanOrEqual(2);
    expect(directory.calls.at(-1)?.query).toBe('Sarah Smith');
  });

  it('finds team members on every keystroke without any request', async () => {
    const { controller, directory } = setUp();
    controller.onInput('to');
    expect(controller.getState().results.map((r) => r.displayName)).toEqual(['Tom Reed']);
    expect(controller.getState().results[0]?.inPractice).toBe(true);
    controller.onInput('s');
    expect(controller.getState()).toMatchObject({ status: 'idle', results: [expect.objectContaining({ displayName: 'Sarah Smith' })] });
    await jest.advanceTimersByTimeAsync(5000);
    expect(directory.search).not.toHaveBeenCalled();
  });

  it('aborts the request in flight when the text changes', async () => {
    const { controller, directory } = setUp();
    controller.onInput('sam');
    await jest.advanceTimersByTimeAsync(300);
    expect(controller.getState().status).toBe('searching');
    const first = directory.calls[0] as Call;
    expect(first.signal.aborted).toBe(false);
    controller.onInput('samu');
    expect(first.signal.aborted).toBe(true);
  });

  it('never lets an older answer replace a newer one', async () => {
    const { controller, directory } = setUp();
    controller.onInput('sam');
    await jest.advanceTimersByTimeAsync(300);
    controller.onInput('samir');
    await jest.advanceTimersByTimeAsync(300);
    const [older, newer] = directory.calls as [Call, Call];
    newer.resolve([person('d2', 'Samir Khan', 'samir.khan@nhs.net')]);
    await jest.advanceTimersByTimeAsync(0);
    older.resolve([person('d1', 'Sam Jones', 'sam.jones@nhs.net')]);
    await jest.advanceTimersByTimeAsync(0);
    expect(controller.getState()).toMatchObject({ query: 'samir', status: 'done', results: [expect.objectContaining({ displayName: 'Samir Khan' })] });
  });

  it('ignores a late failure of an abandoned request', async () => {
    const { controller, directory } = setUp();
    controller.onInput('sam');
    await jest.advanceTimersByTimeAsync(300);
    controller.onInput('samir');
    await jest.advanceTimersByTimeAsync(300);
    (directory.calls[1] as Call).resolve([]);
    (directory.calls[0] as Call).reject(new DOMException('Aborted', 'AbortError'));
    await jest.advanceTimersByTimeAsync(0);
    expect(controller.getState()).toMatchObject({ status: 'done', message: expect.stringMatching(/No one found/) });
  });

  it('shows "Directory busy, try again" on 429, keeps the text, and waits for Retry-After', async () => {
    const { controller, directory } = setUp();
    await type(controller, 'Sarah Smith');
    await jest.advanceTimersByTimeAsync(300);
    (directory.calls.at(-1) as Call).reject(new GraphError(429, 'TooManyRequests', 'Please retry again later.', { retryAfterSeconds: 10 }));
    await jest.advanceTimersByTimeAsync(0);
    expect(controller.getState()).toMatchObject({ query: 'Sarah Smith', status: 'busy', message: BUSY_MESSAGE });
    expect(controller.getState().results.map((r) => r.displayName)).toEqual(['Sarah Smith']);

    const before = directory.search.mock.calls.length;
    controller.onInput('Sarah Smith2');
    await jest.advanceTimersByTimeAsync(5000);
    expect(directory.search.mock.calls.length).toBe(before);
    expect(controller.getState()).toMatchObject({ query: 'Sarah Smith2', status: 'busy' });
    await jest.advanceTimersByTimeAsync(5000);
    expect(directory.search.mock.calls.length).toBe(before + 1);
  });

  it('"try again" after a failure searches the same text again', async () => {
    const { controller, directory } = setUp();
    controller.onInput('alex');
    await jest.advanceTimersByTimeAsync(300);
    (directory.calls[0] as Call).reject(new Error('fetch failed'));
    await jest.advanceTimersByTimeAsync(0);
    expect(controller.getState()).toMatchObject({ query: 'alex', status: 'error', message: ERROR_MESSAGE });
    controller.retry();
    await jest.advanceTimersByTimeAsync(0);
    expect(directory.calls.map((call) => call.query)).toEqual(['alex', 'alex']);
    (directory.calls[1] as Call).resolve([person('d3', 'Alex Morgan', 'alex.morgan@nhs.net')]);
    await jest.advanceTimersByTimeAsync(0);
    expect(controller.getState()).toMatchObject({ status: 'done', message: '', results: [expect.objectContaining({ displayName: 'Alex Morgan', inPractice: false })] });
  });

  it('remembers answers: deleting back to earlier text or adding a space asks again for nothing', async () => {
    const { controller, directory } = setUp();
    controller.onInput('alex');
    await jest.advanceTimersByTimeAsync(300);
    (directory.calls[0] as Call).resolve([person('d3', 'Alex Morgan', 'alex.morgan@nhs.net')]);
    await jest.advanceTimersByTimeAsync(0);
    controller.onInput('alex ');
    controller.onInput('alex m');
    controller.onInput('alex');
    await jest.advanceTimersByTimeAsync(1000);
    expect(directory.search).toHaveBeenCalledTimes(1);
    expect(controller.getState()).toMatchObject({ query: 'alex', status: 'done', results: [expect.objectContaining({ displayName: 'Alex Morgan' })] });
  });

  it('merges people the user works with between the team and the directory, and shrugs off their failure', async () => {
    const people = scriptedSearch();
    const { controller, directory } = setUp({ searchPeople: people.search });
    controller.onInput('sa');
    await jest.advanceTimersByTimeAsync(300);
    (people.calls[0] as Call).resolve([person('P1', 'Sam Adams', 'sam.adams@nhs.net', 'people')]);
    (directory.calls[0] as Call).resolve([person('p1', 'Sam Adams', 'sam.adams@nhs.net'), person('d9', 'Sally Abbot', 'sally.abbot@nhs.net')]);
    await jest.advanceTimersByTimeAsync(0);
    expect(controller.getState().results.map((r) => [r.displayName, r.source])).toEqual([
      ['Sarah Smith', 'team'],
      ['Sam Adams', 'people'],
      ['Sally Abbot', 'directory'],
    ]);

    controller.onInput('sal');
    await jest.advanceTimersByTimeAsync(300);
    (people.calls[1] as Call).reject(new GraphError(403, 'ErrorAccessDenied', 'Access is denied.'));
    (directory.calls[1] as Call).resolve([person('d9', 'Sally Abbot', 'sally.abbot@nhs.net')]);
    await jest.advanceTimersByTimeAsync(0);
    expect(controller.getState()).toMatchObject({ status: 'done', results: [expect.objectContaining({ displayName: 'Sally Abbot' })] });
  });

  it('takes a 300-character paste as one search of at most 100 characters', async () => {
    const { controller, directory } = setUp();
    const paste = `O'Neill Zoë Nguyễn "\\ ${'x'.repeat(300)}`;
    controller.onInput(paste);
    await jest.advanceTimersByTimeAsync(300);
    expect(directory.search).toHaveBeenCalledTimes(1);
    expect(Array.from(directory.calls[0]?.query ?? '').length).toBeLessThanOrEqual(100);
    expect(controller.getState().query).toBe(paste);
  });

  it('tells subscribers about each change and stops on dispose', async () => {
    const { controller, directory } = setUp();
    const listener = jest.fn();
    controller.subscribe(listener);
    controller.onInput('to');
    expect(listener).toHaveBeenCalled();
    controller.onInput('tom reed');
    controller.dispose();
    await jest.advanceTimersByTimeAsync(1000);
    expect(directory.search).not.toHaveBeenCalled();
  });
});

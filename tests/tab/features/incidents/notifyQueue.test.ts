/**
 * The incident card's pending queue (src/tab/features/incidents/notifyQueue.ts): a key is never
 * posted twice, a 429 is retried after its Retry-After, an ambiguous failure is not re-posted blindly,
 * and the queue survives a reload (localStorage).
 */
import { GraphError, NetworkError } from '../../../../src/graph';
import { graphRoute, serviceRoute } from '../../../../src/tab/features/incidents/notify';
import { NotifyQueue, jobId, type NotifyJob, type NotifyRoute, type PostAttempt } from '../../../../src/tab/features/incidents/notifyQueue';

class MemoryStorage {
  readonly data = new Map<string, string>();
  getItem(key: string) {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.data.set(key, value);
  }
}

/** A fake clock with timers that run only when the test advances time. */
function fakeClock() {
  let now = 1_000_000;
  const timers: { at: number; run: () => void }[] = [];
  return {
    now: () => now,
    setTimer: (run: () => void, ms: number) => {
      const timer = { at: now + ms, run };
      timers.push(timer);
      return timer;
    },
    clearTimer: (handle: unknown) => {
      const index = timers.indexOf(handle as (typeof timers)[number]);
      if (index >= 0) timers.splice(index, 1);
    },
    pending: () => timers.length,
    async advance(ms: number) {
      now += ms;
      for (const timer of timers.filter((t) => t.at <= now)) {
        timers.splice(timers.indexOf(timer), 1);
        timer.run();
      }
      // Let the pumped attempts settle.
      for (let i = 0; i < 10; i += 1) await Promise.resolve();
    },
  };
}

/** A route that answers from a script and records what it was asked. */
function scripted(name: 'service' | 'graph', answers: PostAttempt[]): NotifyRoute & { calls: NotifyJob[] } {
  const calls: NotifyJob[] = [];
  return {
    name,
    calls,
    async post(job) {
      calls.push(job);
      return answers.shift() ?? { kind: 'posted', channelName: 'Digital services', webUrl: 'https://teams.microsoft.com/l/message/1' };
    },
  };
}

function queueWith(routes: NotifyRoute[], storage = new MemoryStorage(), clock = fakeClock()) {
  return { queue: new NotifyQueue({ storage, storageKey: 'q', routes, ...clock }), storage, clock };
}

test('a key is posted once: notifying it again, or two calls at once, adds no second post', async () => {
  const graph = scripted('graph', []);
  const { queue } = queueWith([graph]);
  const [first, second] = await Promise.all([queue.notify('inc-1', null, 'EMIS Web is down'), queue.notify('inc-1', null, 'EMIS Web is down')]);
  await queue.notify('inc-1', null, 'EMIS Web is down');
  expect(graph.calls).toHaveLength(1);
  expect(first.state).toBe('posted');
  expect(second.state).toBe('posted');
  expect(queue.get('inc-1', null)?.channelName).toBe('Digital services');
  // An update in the same thread is its own key.
  await queue.notify('inc-1', 'inc-1-u1', 'Update');
  expect(graph.calls.map((call) => call.updateKey)).toEqual([null, 'inc-1-u1']);
});

test('a 429 is retried after Retry-After (pending meanwhile), then posted once', async () => {
  const busy = new GraphError(429, 'TooManyRequests', 'Too many requests', { retryAfterSeconds: 30 });
  let calls = 0;
  const route = graphRoute(async () => {
    calls += 1;
    if (calls === 1) throw busy;
    return { channelName: 'Digital services', webUrl: '' };
  });
  const { queue, clock } = queueWith([route]);
  const item = await queue.notify('inc-2', null, 'Docman is down');
  expect(item.state).toBe('pending');
  expect(item.nextAttemptAt - clock.now()).toBe(30_000);
  await clock.advance(29_000);
  expect(calls).toBe(1);
  await clock.advance(1_000);
  expect(calls).toBe(2);
  expect(queue.get('inc-2', null)?.state).toBe('posted');
  await clock.advance(300_000);
  expect(calls).toBe(2);
});

test('an ambiguous delegated post (504 after sending) is not posted again until the person has checked the channel', async () => {
  let calls = 0;
  const route = graphRoute(async () => {
    calls += 1;
    if (calls === 1) throw new GraphError(504, 'GatewayTimeout', 'Gateway timeout', { ambiguous: true });
    return { channelName: 'Digital services', webUrl: '' };
  });
  const { queue, clock } = queueWith([route]);
  const item = await queue.notify('inc-3', null, 'Telephony is down');
  expect(item.state).toBe('check');
  await clock.advance(600_000);
  expect(calls).toBe(1);
  await queue.confirmChecked(jobId('inc-3', null));
  expect(calls).toBe(2);
  expect(queue.get('inc-3', null)?.state).toBe('posted');
});

test('an ambiguous answer from the service is asked again at the service (its ledger deduplicates), then the delegated post verifies first', async () => {
  const service = scripted('service', [
    { kind: 'ambiguous', message: 'timeout' },
    { kind: 'ambiguous', message: 'timeout' },
  ]);
  const graph = scripted('graph', []);
  const { queue, clock } = new (class {
    readonly clock = fakeClock();
    readonly queue = new NotifyQueue({ storage: new MemoryStorage(), storageKey: 'q', routes: [service, graph], serviceAmbiguousLimit: 2, ...this.clock });
  })();
  expect((await queue.notify('inc-4', null, 'x')).state).toBe('pending');
  await clock.advance(120_000);
  expect(service.calls).toHaveLength(2);
  await clock.advance(120_000);
  // After two ambiguous answers the delegated post takes over, told to look for the key first.
  expect(service.calls).toHaveLength(2);
  expect(graph.calls).toEqual([{ incidentKey: 'inc-4', updateKey: null, verifyFirst: true }]);
  expect(queue.get('inc-4', null)?.state).toBe('posted');
});

test('the service not configured or without the endpoint falls back to the delegated post at once', async () => {
  const graph = scripted('graph', []);
  const none = serviceRoute({ serviceUrl: null, teamId: 't', siteId: 's', getToken: async () => 'token' });
  expect(none).toBeNull();
  const notFound = serviceRoute({
    serviceUrl: 'https://service.example', teamId: 't', siteId: 's', getToken: async () => 'token',
    fetch: async () => new Response('', { status: 404 }),
  });
  const { queue } = queueWith([notFound as NotifyRoute, graph]);
  expect((await queue.notify('inc-5', null, 'x')).state).toBe('posted');
  expect(graph.calls).toHaveLength(1);
});

test('the service route reads 429 as busy with its Retry-After, and a lost connection as ambiguous', async () => {
  const answers: Array<() => Promise<Response>> = [
    async () => new Response('', { status: 429, headers: { 'Retry-After': '7' } }),
    async () => {
      throw new TypeError('Failed to fetch');
    },
    async () => Response.json({ posted: true, channelName: 'Digital services', webUrl: 'https://teams.microsoft.com/x' }),
  ];
  const route = serviceRoute({
    serviceUrl: 'https://service.example/', teamId: 't', siteId: 's', getToken: async () => 'token',
    fetch: async () => (answers.shift() as () => Promise<Response>)(),
  }) as NotifyRoute;
  const job = { incidentKey: 'inc-6', updateKey: null, verifyFirst: false };
  expect(await route.post(job)).toEqual({ kind: 'busy', retryAfterMs: 7000 });
  expect((await route.post(job)).kind).toBe('ambiguous');
  expect(await route.post(job)).toEqual({ kind: 'posted', channelName: 'Digital services', webUrl: 'https://teams.microsoft.com/x' });
});

test('the queue survives a reload; a card found mid-post is never posted blindly again', async () => {
  const storage = new MemoryStorage();
  const clock = fakeClock();
  const busy = scripted('graph', [{ kind: 'busy', retryAfterMs: 5_000 }]);
  const first = new NotifyQueue({ storage, storageKey: 'q', routes: [busy], ...clock });
  expect((await first.notify('inc-7', null, 'x')).state).toBe('pending');
  first.stop();

  // The page reloads: the pending card is picked up and posted.
  const graph = scripted('graph', []);
  const second = new NotifyQueue({ storage, storageKey: 'q', routes: [graph], ...clock });
  await clock.advance(5_000);
  await second.pump();
  expect(second.get('inc-7', null)?.state).toBe('posted');
  expect(graph.calls).toHaveLength(1);

  // A third page never posts the posted key again.
  const third = new NotifyQueue({ storage, storageKey: 'q', routes: [graph], ...clock });
  await third.notify('inc-7', null, 'x');
  expect(graph.calls).toHaveLength(1);

  // A page that closed while posting leaves 'sending' on disk: without the service, the person checks first.
  const stored = JSON.parse(storage.getItem('q') as string) as Array<{ id: string; state: string }>;
  storage.setItem('q', JSON.stringify([...stored, { ...stored[0], id: jobId('inc-8', null), incidentKey: 'inc-8', state: 'sending' }]));
  const fourth = new NotifyQueue({ storage, storageKey: 'q', routes: [graph], ...clock });
  await fourth.pump();
  expect(fourth.get('inc-8', null)?.state).toBe('check');
  expect(graph.calls).toHaveLength(1);
});

test('a lost connection on the delegated post without ambiguity is busy; a 403 is refused', async () => {
  const lost = graphRoute(async () => {
    throw new NetworkError('offline', { ambiguous: false });
  });
  expect((await lost.post({ incidentKey: 'a', updateKey: null, verifyFirst: false })).kind).toBe('busy');
  const forbidden = graphRoute(async () => {
    throw new GraphError(403, 'Forbidden', 'no');
  });
  expect((await forbidden.post({ incidentKey: 'a', updateKey: null, verifyFirst: false })).kind).toBe('refused');
});

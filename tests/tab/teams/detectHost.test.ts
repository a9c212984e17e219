/** Host detection must never keep a plain browser waiting for teams-js. */
import { detectHost } from '../../../src/tab/teams/detectHost';

test('a top-level window is "not in Teams" at once, without loading teams-js', async () => {
  const win = {} as Window & { parent: Window };
  win.parent = win;
  await expect(detectHost({ win })).resolves.toEqual({ kind: 'browser' });
});

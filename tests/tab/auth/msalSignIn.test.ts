/**
 * MSAL sign-in behind the SignIn seam, with MSAL faked at the seam (msalSeam.ts): Nested App
 * Authentication in Teams (silent, then the host's popup), redirect in a browser, per-feature scopes,
 * and MSAL loaded only when first needed.
 */
import { msalPlan } from '../../../src/tab/auth/createSignIn';
import type { MsalAccount, MsalApi, MsalClient, MsalFlavour, MsalTokenRequest } from '../../../src/tab/auth/msalSeam';
import { createMsalSignIn } from '../../../src/tab/auth/msalSignIn';
import { FEATURE_SCOPES, resolveScopes } from '../../../src/tab/auth/scopes';
import type { TeamsHost } from '../../../src/tab/teams/detectHost';

const SETTINGS = { clientId: '11111111-2222-4333-8444-555555555555', authority: 'https://login.microsoftonline.com/organizations' };
const PRIYA: MsalAccount = { homeAccountId: 'h1', tenantId: 't1', username: 'priya.shah@nhs.net', name: 'Priya Shah', localAccountId: 'oid-1' };

class InteractionRequired extends Error {}

/** A fake MSAL client that records calls; `silentFails` makes acquireTokenSilent demand interaction. */
function fakeMsal(options: { active?: MsalAccount | null; accounts?: MsalAccount[]; redirectResult?: MsalAccount | null; silentFails?: boolean } = {}) {
  const calls: { name: string; request?: MsalTokenRequest }[] = [];
  let active = options.active ?? null;
  let silentFails = options.silentFails ?? false;
  const client: MsalClient = {
    handleRedirectPromise: async () => (calls.push({ name: 'handleRedirectPromise' }), options.redirectResult ? { accessToken: 'r', account: options.redirectResult } : null),
    getActiveAccount: () => active,
    setActiveAccount: (account) => void (active = account),
    getAllAccounts: () => options.accounts ?? [],
    acquireTokenSilent: async (request) => {
      calls.push({ name: 'silent', request });
      if (silentFails) throw new InteractionRequired('consent_required');
      return { accessToken: `silent:${request.scopes.join(' ')}`, account: request.account };
    },
    acquireTokenPopup: async (request) => (calls.push({ name: 'popup', request }), { accessToken: `popup:${request.scopes.join(' ')}`, account: PRIYA }),
    acquireTokenRedirect: async (request) => void calls.push({ name: 'acquireTokenRedirect', request }),
    loginRedirect: async (request) => void calls.push({ name: 'loginRedirect', request }),
    logoutRedirect: async (request) => void calls.push({ name: 'logoutRedirect', request: request as never }),
    clearCache: async () => void calls.push({ name: 'clearCache' }),
  };
  const created: MsalFlavour[] = [];
  let loads = 0;
  const api: MsalApi = {
    createClient: async (flavour) => (created.push(flavour), client),
    isInteractionRequired: (error) => error instanceof InteractionRequired,
  };
  const loader = async () => (loads++, api);
  return { calls, created, loader, loads: () => loads, setSilentFails: (value: boolean) => void (silentFails = value) };
}

const GRAPH_DEFAULT = ['https://graph.microsoft.com/.default'];

test('MSAL is not loaded until the sign-in is first used', async () => {
  const msal = fakeMsal({ active: PRIYA });
  const signIn = createMsalSignIn({ settings: SETTINGS, flavour: 'nested', interaction: 'popup', redirectUri: 'https://tab.example', loader: msal.loader });
  expect(msal.loads()).toBe(0);
  expect(signIn.method).toBe('microsoft');
  await signIn.restore();
  expect(msal.loads()).toBe(1);
  expect(msal.created).toEqual(['nested']);
});

test('in Teams with NAA: the account Teams signed in is resumed silently, and Graph gets the register scopes', async () => {
  const msal = fakeMsal({ active: PRIYA });
  const signIn = createMsalSignIn({ settings: SETTINGS, flavour: 'nested', interaction: 'popup', redirectUri: 'https://tab.example', loader: msal.loader });
  expect(await signIn.restore()).toEqual({ upn: 'priya.shah@nhs.net', displayName: 'Priya Shah' });
  expect(signIn.currentUser()?.upn).toBe('priya.shah@nhs.net');
  const token = await signIn.tokenSource.getToken(GRAPH_DEFAULT);
  expect(token).toBe(`silent:${FEATURE_SCOPES.register.join(' ')}`);
  expect(msal.calls.map((call) => call.name)).not.toContain('popup');
});

test('in Teams with NAA: when consent is needed the host popup is used, with the Teams login hint', async () => {
  const msal = fakeMsal({ accounts: [PRIYA] });
  const signIn = createMsalSignIn({
    settings: SETTINGS, flavour: 'nested', interaction: 'popup', redirectUri: 'https://tab.example', loader: msal.loader,
    hints: { loginHint: 'priya.shah@nhs.net', userObjectId: 'oid-1', tenantId: 't1' },
  });
  await signIn.restore();
  msal.setSilentFails(true);
  const token = await signIn.tokenSource.getToken(FEATURE_SCOPES.people);
  expect(token).toBe(`popup:${FEATURE_SCOPES.people.join(' ')}`);
  const popup = msal.calls.find((call) => call.name === 'popup');
  expect(popup?.request?.loginHint).toBe('priya.shah@nhs.net');
});

test('a first sign-in with nothing cached shows the button, and the popup asks only for the first scopes', async () => {
  const msal = fakeMsal();
  const signIn = createMsalSignIn({ settings: SETTINGS, flavour: 'nested', interaction: 'popup', redirectUri: 'https://tab.example', loader: msal.loader });
  expect(await signIn.restore()).toBeNull();
  await expect(signIn.tokenSource.getToken(GRAPH_DEFAULT)).rejects.toThrow(/signed out/);
  await signIn.signIn();
  expect(signIn.currentUser()?.displayName).toBe('Priya Shah');
  const scopes = msal.calls.find((call) => call.name === 'popup')?.request?.scopes ?? [];
  expect(scopes).toEqual(expect.arrayContaining(['User.Read', 'Sites.Selected']));
  expect(scopes).not.toContain('User.ReadBasic.All');
  expect(scopes).not.toContain('ChannelMessage.Send');
});

test('in a browser: the redirect result is picked up on return; sign-in navigates by redirect and never settles', async () => {
  const returning = fakeMsal({ redirectResult: PRIYA });
  const back = createMsalSignIn({ settings: SETTINGS, flavour: 'standard', interaction: 'redirect', redirectUri: 'https://tab.example', loader: returning.loader });
  expect((await back.restore())?.upn).toBe('priya.shah@nhs.net');
  expect(returning.calls[0]?.name).toBe('handleRedirectPromise');
  expect(returning.created).toEqual(['standard']);

  const fresh = fakeMsal();
  const signIn = createMsalSignIn({ settings: SETTINGS, flavour: 'standard', interaction: 'redirect', redirectUri: 'https://tab.example', loader: fresh.loader });
  expect(await signIn.restore()).toBeNull();
  let settled = false;
  void signIn.signIn().then(() => (settled = true));
  await new Promise((resolve) => setImmediate(resolve));
  expect(fresh.calls.map((call) => call.name)).toContain('loginRedirect');
  expect(settled).toBe(false);
});

test('in a browser: a token needing consent goes by redirect, never a popup', async () => {
  const msal = fakeMsal({ redirectResult: PRIYA });
  const signIn = createMsalSignIn({ settings: SETTINGS, flavour: 'standard', interaction: 'redirect', redirectUri: 'https://tab.example', loader: msal.loader });
  await signIn.restore();
  msal.setSilentFails(true);
  await expect(signIn.tokenSource.getToken(['ChannelMessage.Send'])).rejects.toThrow(/approve access/);
  expect(msal.calls.map((call) => call.name)).toContain('acquireTokenRedirect');
  expect(msal.calls.map((call) => call.name)).not.toContain('popup');
});

test('a token Graph rejected is renewed on the next call (forceRefresh), and sign-out clears the cache', async () => {
  const msal = fakeMsal({ active: PRIYA });
  const signIn = createMsalSignIn({ settings: SETTINGS, flavour: 'nested', interaction: 'popup', redirectUri: 'https://tab.example', loader: msal.loader });
  await signIn.restore();
  signIn.tokenSource.invalidate?.();
  await signIn.tokenSource.getToken(GRAPH_DEFAULT);
  await signIn.tokenSource.getToken(GRAPH_DEFAULT);
  const silent = msal.calls.filter((call) => call.name === 'silent' && call.request?.scopes.includes('Sites.Selected'));
  expect(silent.map((call) => call.request?.forceRefresh)).toEqual([true, false]);
  await signIn.signOut();
  expect(signIn.currentUser()).toBeNull();
  expect(msal.calls.map((call) => call.name)).toContain('clearCache');
});

test('outside Teams, sign-out ends the Entra session (logoutRedirect back to the tab), so the next person must sign in', async () => {
  const msal = fakeMsal({ active: PRIYA });
  const signIn = createMsalSignIn({ settings: SETTINGS, flavour: 'standard', interaction: 'redirect', redirectUri: 'https://tab.example', loader: msal.loader });
  await signIn.restore();
  expect(signIn.currentUser()).not.toBeNull();
  await signIn.signOut();
  expect(signIn.currentUser()).toBeNull();
  const logout = msal.calls.find((call) => call.name === 'logoutRedirect');
  expect(logout?.request).toEqual({ account: PRIYA, postLogoutRedirectUri: 'https://tab.example' });
  await expect(signIn.tokenSource.getToken(GRAPH_DEFAULT)).rejects.toThrow(/signed out/);
});

test('the plan: NAA only in Teams when the host recommends it; popup in Teams, redirect in a browser', () => {
  const teams = (naaRecommended: boolean): TeamsHost => ({
    kind: 'teams', theme: 'default', teamId: 'g', teamName: 'T', teamSiteUrl: null, channelId: null, userId: 'oid-1', userPrincipalName: 'p@nhs.net',
    loginHint: 'p@nhs.net', tenantId: 't1', frameContext: 'content', entityId: null, appId: null, subEntityId: null, naaRecommended,
  });
  expect(msalPlan(teams(true))).toMatchObject({ flavour: 'nested', interaction: 'popup', hints: { loginHint: 'p@nhs.net' } });
  expect(msalPlan(teams(false))).toMatchObject({ flavour: 'standard', interaction: 'popup' });
  expect(msalPlan({ kind: 'browser' })).toEqual({ flavour: 'standard', interaction: 'redirect' });
});

test('scopes: the Graph client default stands for the register scopes; explicit feature scopes pass through', () => {
  expect(resolveScopes(GRAPH_DEFAULT)).toEqual([...FEATURE_SCOPES.register]);
  expect(resolveScopes(['People.Read', 'People.Read'])).toEqual(['People.Read']);
  expect(FEATURE_SCOPES.register).not.toContain('Sites.ReadWrite.All');
});

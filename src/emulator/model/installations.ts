/**
 * Where the Teams app is installed, as Teams knows it: one record per (app, team), holding the
 * channel its bot posts to, the tenant, who installed it and the resource-specific consent (RSC)
 * permissions granted with that install.
 *
 * The app is identified by its Entra app id, which is both the manifest's `webApplicationInfo.id`
 * and its bot id (one identity, README "Reminders"). RSC permissions are granted to the app named in
 * `webApplicationInfo` and to nothing else (msteams-docs
 * msteams-platform/graph-api/rsc/grant-resource-specific-consent.md), so `rscPermissionsOf` answers
 * empty for any other app id.
 *
 * The demo practice has the demo app installed from the start (with TeamMember.Read.Group and
 * TeamsActivity.Send.Group) unless it has been uninstalled: an uninstall leaves a `removed` record so
 * the implicit install does not come back. Records live as 'botInstall' documents keyed
 * `{appId}/{teamId}` under the parent `{appId}`.
 */
import { DEMO } from '../seed/demoPractice';
import type { Storage } from '../storage/types';

/** The app the demo practice has installed (src/emulator/model/appPrincipal.ts DEMO_APP). */
const DEMO_APP_ID = '0d5e6f70-1a2b-4c3d-8e9f-00000000b07a';

/** RSC permissions a team grants when it installs the app (manifest `authorization.permissions.resourceSpecific`). */
// ChannelMessage.Read.Group: the service reads the channel after an ambiguous card post, to find the card before posting again.
export const DEFAULT_RSC: readonly string[] = ['TeamMember.Read.Group', 'TeamsActivity.Send.Group', 'ChannelMessage.Read.Group'];

export interface BotInstallation {
  readonly appId: string;
  readonly teamId: string;
  /** The channel the digest goes to (chosen at install; the team's General channel otherwise). */
  readonly channelId: string;
  readonly tenantId: string;
  /** RSC permissions consented with this install. Absent on records written before RSC was modelled: the defaults. */
  readonly rsc?: readonly string[];
  /** Entra id of the person who installed it, when known. */
  readonly installedBy?: string | null;
  readonly installedAt?: string;
  /** Set on uninstall: the record stays so the demo's implicit install does not reappear. */
  readonly removed?: boolean;
}

const key = (appId: string, teamId: string) => `${appId}/${teamId}`;

function demoInstall(): BotInstallation {
  return { appId: DEMO_APP_ID, teamId: DEMO.team.id, channelId: DEMO.channel.id, tenantId: 'emulator', rsc: DEFAULT_RSC, installedBy: DEMO.manager.id };
}

/** Every record of `appId`, removed ones included, the demo's implicit install first when not overridden. */
function recordsOf(storage: Storage, appId: string): BotInstallation[] {
  const stored = storage.list<BotInstallation>('botInstall', appId);
  const implicit = appId === DEMO_APP_ID && !stored.some((i) => i.teamId === DEMO.team.id) ? [demoInstall()] : [];
  return [...implicit, ...stored];
}

/** The teams where `appId` is installed now. */
export function installationsOf(storage: Storage, appId: string): BotInstallation[] {
  return recordsOf(storage, appId).filter((install) => install.removed !== true);
}

/** The install of `appId` in `teamId`, or undefined when it is not installed there. One read: every RSC check calls it. */
export function installationIn(storage: Storage, appId: string, teamId: string): BotInstallation | undefined {
  const stored = storage.get<BotInstallation>('botInstall', key(appId, teamId));
  const install = stored ?? (appId === DEMO_APP_ID && teamId === DEMO.team.id ? demoInstall() : undefined);
  return install && install.removed !== true ? install : undefined;
}

/**
 * The RSC permissions consented for `appId` in `teamId` (contract 3): empty unless `appId` is the
 * webApplicationInfo id of the Teams app installed there.
 */
export function rscPermissionsOf(storage: Storage, appId: string, teamId: string): readonly string[] {
  const install = installationIn(storage, appId, teamId);
  return install ? (install.rsc ?? DEFAULT_RSC) : [];
}

/** Records an install (or a reinstall, replacing the earlier record). */
export function recordInstallation(storage: Storage, install: BotInstallation): BotInstallation {
  const record: BotInstallation = { ...install, rsc: install.rsc ?? DEFAULT_RSC, removed: false };
  storage.put('botInstall', key(install.appId, install.teamId), record, install.appId);
  return record;
}

/** Marks the app uninstalled from the team. @returns the record as it was, or undefined when it was not installed. */
export function removeInstallation(storage: Storage, appId: string, teamId: string): BotInstallation | undefined {
  const install = installationIn(storage, appId, teamId);
  if (!install) return undefined;
  storage.put('botInstall', key(appId, teamId), { ...install, removed: true }, appId);
  return install;
}

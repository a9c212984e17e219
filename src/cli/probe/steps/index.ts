/** Every step, in the order the probe runs them (later steps use what earlier ones found). */
import type { ProbeStep } from '../step';
import { cors } from './cors';
import { dates } from './dates';
import { batchColdStart, batchFirstOpen, deltaWithoutToken, deltaWithToken } from './delta';
import { signInApp, signInUser, siteAppOnly, siteByGroup, siteFromUrl, workspace } from './identity';
import { fieldsETagIfMatch, itemCreate, itemDelete, itemsAppOnly, keyLookup, updateFresh, updateStale, versions } from './items';
import { cleanup, columnCreate, listCreate } from './list';
import { membersDelegated, membersRsc, people, searchWithConsistency, searchWithoutConsistency } from './people';
import { activityNotification, botPost, channelPost, channelPostCardMentions } from './teams';

export const PROBE_STEPS: readonly ProbeStep[] = [
  signInApp,
  signInUser,
  workspace,
  siteFromUrl,
  siteAppOnly,
  siteByGroup,
  batchFirstOpen,
  listCreate,
  columnCreate,
  itemCreate,
  cors,
  keyLookup,
  updateFresh,
  updateStale,
  fieldsETagIfMatch,
  versions,
  itemsAppOnly,
  dates,
  deltaWithoutToken,
  deltaWithToken,
  batchColdStart,
  searchWithConsistency,
  searchWithoutConsistency,
  people,
  membersDelegated,
  membersRsc,
  channelPost,
  channelPostCardMentions,
  activityNotification,
  botPost,
  itemDelete,
  cleanup,
];

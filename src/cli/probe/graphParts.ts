/**
 * The product's own Graph requests the probe sends, gathered in one place: the probe never writes its
 * own copy of a request the tab or the service makes, it calls the same builders, so what passes
 * here is what the product sends.
 */
export {
  createGraphClient,
  getMe,
  listJoinedTeams,
  findTeamSite,
  findTeamSiteByUrl,
  loadKnownRegister,
  loadTeamSiteRegister,
  loadRegisterSnapshot,
  enumerationPath,
  listTeamMembers,
  openRegisterStore,
  searchDirectory,
  listMyPeople,
  buildDirectorySearchUrl,
  withScopes,
  NO_RETRY,
  GraphError,
  ConflictError,
  pathSegment,
  queryString,
  registerListPath,
  latestDeltaLink,
  readRegisterDelta,
  REGISTER_ITEM_EXPAND,
  postDigestMessage,
  digestMessageBody,
  cardWithPlainNames,
  ADAPTIVE_CARD_CONTENT_TYPE,
  sendActivityNotification,
  type GraphClient,
  type ActivityNotification,
} from '@graph';
export { listChannels, preferredDigestChannel as preferredDigestChannelOf } from '@graph/teams';
// The register's columns and field mapping are pure data the Graph layer writes: the probe uses the same ones.
export { REGISTER_COLUMNS, toColumnDefinition, entryToFields, dateToField, fieldToDate } from '@domain';

/** Links the incident views offer: only https from stored data; the tab's own views by `?view=`. */

export function safeHttps(url: string): string | null {
  try {
    return new URL(url).protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** The address of one service's downtime card (the downtime pack view showing only that service). */
export function downtimeCardHref(entryId: string): string {
  // The saved team/site/list ids stay in the address, so the link also opens in a new browser tab.
  const url = new URL(window.location.href);
  url.searchParams.delete('entry');
  url.searchParams.set('view', 'downtime-pack');
  url.searchParams.set('service', entryId);
  return url.toString();
}

/** Opens a tab address without reloading (the navigation listens for popstate). */
export function goTo(href: string): void {
  window.history.pushState(null, '', href);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

/** The address of the incident log. */
export function incidentLogHref(): string {
  const url = new URL(window.location.href);
  url.searchParams.delete('entry');
  url.searchParams.delete('service');
  url.searchParams.set('view', 'incidents');
  return url.toString();
}

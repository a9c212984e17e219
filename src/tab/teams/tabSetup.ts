/**
 * The configuration page's half of the Teams protocol (teams-js `pages.config`): enable the host's
 * Save button and answer its save with the tab's settings. Only call when the host said
 * frameContext is "settings"; teams-js is already initialised by detectHost then.
 */

/** What Teams stores for the tab instance (teams-js `pages.InstanceConfig`). */
export interface TabInstanceConfig {
  readonly entityId: string;
  /** The page Teams loads in the tab (must be on the manifest's validDomains). */
  readonly contentUrl: string;
  /** "Open in browser": the same page outside Teams. */
  readonly websiteUrl: string;
  readonly suggestedDisplayName: string;
}

/**
 * Registers the save handler, then enables Save. When the user presses Save, `build()` gives the
 * configuration; a rejection is reported to Teams as a failed save (the dialog stays open).
 * @throws Error when teams-js refuses (not in a settings frame).
 */
export async function offerTabSetup(build: () => Promise<TabInstanceConfig>): Promise<void> {
  const { pages } = await import('@microsoft/teams-js');
  pages.config.registerOnSaveHandler((event) => {
    build()
      .then((config) => pages.config.setConfig({ ...config }))
      .then(
        () => event.notifySuccess(),
        (error: unknown) => event.notifyFailure(error instanceof Error ? error.message : String(error)),
      );
  });
  pages.config.setValidityState(true);
}

/** Disables the host's Save button again (e.g. while a retry runs). Never rejects. */
export async function withdrawTabSetup(): Promise<void> {
  try {
    const { pages } = await import('@microsoft/teams-js');
    pages.config.setValidityState(false);
  } catch {
    // Not in a settings frame: nothing to withdraw.
  }
}

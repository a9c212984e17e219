/**
 * Navigation between the tab's views (register, my services, overview...). The chosen view lives in
 * the URL's `view` parameter, so a reload, a bookmark or a Teams deep link opens the same view.
 */
import { useCallback, useEffect, useState } from 'react';
import { Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import { DEFAULT_VIEW_ID, VIEWS } from './views';

const useStyles = makeStyles({
  nav: { paddingInline: tokens.spacingHorizontalM, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, overflowX: 'auto' },
});

function viewFromUrl(): string {
  const wanted = new URLSearchParams(window.location.search).get('view');
  return VIEWS.some((view) => view.id === wanted) ? (wanted as string) : DEFAULT_VIEW_ID;
}

export function MainViews() {
  const styles = useStyles();
  const [viewId, setViewId] = useState(viewFromUrl);

  const choose = useCallback((id: string) => {
    setViewId(id);
    const url = new URL(window.location.href);
    url.searchParams.set('view', id);
    window.history.pushState(null, '', url);
  }, []);
  useEffect(() => {
    const onPop = () => setViewId(viewFromUrl());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const current = VIEWS.find((view) => view.id === viewId) ?? VIEWS[0];
  if (!current) return null;
  return (
    <>
      {VIEWS.length > 1 ? (
        <nav aria-label="Register views" className={styles.nav}>
          <TabList selectedValue={current.id} onTabSelect={(_event, data) => choose(String(data.value))}>
            {VIEWS.map((view) => (
              <Tab key={view.id} value={view.id}>
                {view.label}
              </Tab>
            ))}
          </TabList>
        </nav>
      ) : null}
      <current.Page />
    </>
  );
}

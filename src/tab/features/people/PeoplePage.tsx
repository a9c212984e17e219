/**
 * People and access (issue 17): start a joiner, leaver or role-change checklist, work through it,
 * see a person's page, the access log, access reviews per service, who holds admin rights, and
 * export the DSPT access evidence. The checklists and access reviews live in their own lists in
 * the practice's site; until setup has created them the page says who can (PracticeListMissing).
 * Which checklist or person is open is kept in the address (`&checklist=`, `&person=`), so a
 * reload or a deep link lands on it and the browser's Back goes back.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { Tab, TabList, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ACCESS_REVIEWS_LIST, CHECKLISTS_LIST, entriesWithOverdueChecklists } from '@domain/access';
import type { PersonRef } from '@domain';
import { usePracticeList } from '../../state/practiceLists';
import { useRegisterData } from '../../state/registerData';
import { PracticeListMissing } from '../../components/PracticeListsNotice';
import { ErrorState, LoadingState } from '../../components/StatusViews';
import { AccessLog } from './AccessLog';
import { AccessReviews } from './AccessReviews';
import { AdminRightsTable } from './AdminRightsTable';
import { ChecklistPage } from './ChecklistPage';
import { EvidenceExport } from './EvidenceExport';
import { PersonPage } from './PersonPage';
import { StartChecklistForm } from './StartChecklistForm';
import { usePeopleData } from './usePeopleData';

const useStyles = makeStyles({
  page: { padding: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '1100px' },
});

type Section = 'checklists' | 'reviews' | 'admin-rights';
type Screen = { readonly kind: 'home' } | { readonly kind: 'checklist'; readonly id: string } | { readonly kind: 'person'; readonly entraId: string };

function screenFromUrl(): Screen {
  const params = new URLSearchParams(window.location.search);
  const checklist = params.get('checklist');
  const person = params.get('person');
  if (checklist) return { kind: 'checklist', id: checklist };
  if (person) return { kind: 'person', entraId: person };
  return { kind: 'home' };
}

function useScreen(): [Screen, (screen: Screen) => void] {
  const [screen, setScreen] = useState(screenFromUrl);
  useEffect(() => {
    const onPop = () => setScreen(screenFromUrl());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const go = useCallback((next: Screen) => {
    const url = new URL(window.location.href);
    url.searchParams.delete('checklist');
    url.searchParams.delete('person');
    if (next.kind === 'checklist') url.searchParams.set('checklist', next.id);
    if (next.kind === 'person') url.searchParams.set('person', next.entraId);
    window.history.pushState(null, '', url);
    setScreen(next);
  }, []);
  return [screen, go];
}

export function PeoplePage() {
  const checklists = usePracticeList(CHECKLISTS_LIST.name);
  const reviews = usePracticeList(ACCESS_REVIEWS_LIST.name);
  const { workspace } = useRegisterData();
  const styles = useStyles();
  if (checklists.status === 'missing' || reviews.status === 'missing') {
    return (
      <main className={styles.page}>
        <Text as="h2" size={500} weight="semibold">People and access</Text>
        <PracticeListMissing feature="People and access" listName={checklists.status === 'missing' ? CHECKLISTS_LIST.name : ACCESS_REVIEWS_LIST.name} />
      </main>
    );
  }
  if (checklists.status !== 'ready' || reviews.status !== 'ready') {
    return (
      <main className={styles.page}>
        <Text as="h2" size={500} weight="semibold">People and access</Text>
        <LoadingState label="Finding the practice’s lists…" />
      </main>
    );
  }
  return <PeopleLoaded siteId={workspace.location.siteId} checklistsId={checklists.id} reviewsId={reviews.id} />;
}

function PeopleLoaded(props: { siteId: string; checklistsId: string; reviewsId: string }) {
  const styles = useStyles();
  const { workspace, state, today } = useRegisterData();
  const data = usePeopleData(props.siteId, props.checklistsId, props.reviewsId);
  const [section, setSection] = useState<Section>('checklists');
  const [screen, go] = useScreen();
  const [people, setPeople] = useState<ReadonlyMap<string, PersonRef>>(new Map());
  const register = state.kind === 'ready' ? state.rows.map((row) => row.stored) : [];

  // Moving to another screen puts focus on its heading, so keyboard and screen reader users land there
  // (not when the view first opens: focus stays on the navigation, where arrow keys move between views).
  const firstScreen = useRef(true);
  useEffect(() => {
    if (firstScreen.current) {
      firstScreen.current = false;
      return;
    }
    const target = document.getElementById(screen.kind === 'checklist' ? 'checklist-heading' : screen.kind === 'person' ? 'person-heading' : 'people-heading');
    target?.focus();
  }, [screen.kind]);

  const openPerson = (person: PersonRef) => {
    setPeople((current) => new Map(current).set(person.entraId, person));
    go({ kind: 'person', entraId: person.entraId });
  };
  const back = () => go({ kind: 'home' });

  let body;
  if (data.load.kind === 'loading') body = <LoadingState label="Loading checklists and access reviews…" />;
  else if (data.load.kind === 'failed') body = <ErrorState title="Could not load checklists and access reviews" error={data.load.error} onRetry={data.reload} />;
  else if (screen.kind === 'checklist') {
    const stored = data.checklists.find((item) => item.id === screen.id);
    body = stored ? <ChecklistPage stored={stored} data={data} today={today} onBack={back} onPerson={openPerson} /> : <Text role="alert">This checklist was not found.</Text>;
  } else if (screen.kind === 'person') {
    const person = people.get(screen.entraId)
      ?? data.checklists.find((item) => item.checklist.person.entraId === screen.entraId)?.checklist.person
      ?? { entraId: screen.entraId, displayName: 'This person', upn: '' };
    body = <PersonPage person={person} register={register} checklists={data.checklists} today={today} onBack={back} onOpen={(id) => go({ kind: 'checklist', id })} />;
  } else {
    const overdue = entriesWithOverdueChecklists(data.checklists.map((item) => item.checklist), today).size;
    body = (
      <>
        <TabList selectedValue={section} onTabSelect={(_event, tab) => setSection(tab.value as Section)} aria-label="People and access sections">
          <Tab value="checklists">Checklists</Tab>
          <Tab value="reviews">Access reviews</Tab>
          <Tab value="admin-rights">Admin rights</Tab>
        </TabList>
        {section === 'checklists' ? (
          <>
            <StartChecklistForm onStart={data.start} onStarted={(stored) => go({ kind: 'checklist', id: stored.id })} />
            <Text as="h3" size={400} weight="semibold">Access log</Text>
            {overdue > 0 ? <Text>{`${overdue} service${overdue === 1 ? ' has' : 's have'} a line open on a checklist past its date.`}</Text> : null}
            {data.unreadable > 0 ? <Text>{`${data.unreadable} checklist item${data.unreadable === 1 ? '' : 's'} in SharePoint could not be read (changed outside the register).`}</Text> : null}
            <AccessLog checklists={data.checklists} today={today} onOpen={(id) => go({ kind: 'checklist', id })} onPerson={openPerson} />
          </>
        ) : null}
        {section === 'reviews' ? <AccessReviews register={register} reviews={data.reviews} today={today} me={workspace.me.displayName} onRecord={data.recordReview} /> : null}
        {section === 'admin-rights' ? <AdminRightsTable register={register} today={today} /> : null}
        <EvidenceExport
          input={() => ({ practice: workspace.team.displayName, today, register, checklists: data.checklists.map((item) => item.checklist), reviews: data.reviews.map((item) => item.review) })}
        />
      </>
    );
  }

  return (
    <main className={styles.page}>
      <Text as="h2" id="people-heading" tabIndex={-1} size={500} weight="semibold">People and access</Text>
      {body}
    </main>
  );
}

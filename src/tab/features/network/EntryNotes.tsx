/**
 * The network's notes to a practice about one entry, and a form to add one. Notes are written in
 * the NETWORK's comments list (readers cannot write to the practice's site); the practice's tab
 * shows them on the entry. Each draft carries a client-made key ('cmt-' + GUID), so a retried save
 * after a lost answer finds the note the first attempt made instead of adding it twice; a failed
 * save keeps the text.
 */
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { Button, Field, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import type { StoredEntry } from '@domain';
import { NETWORK_COMMENT_MAX_CHARS, type MemberPractice, type NetworkComment } from '@domain/network';
import { addComment, listCommentsFor, newCommentKey, type NetworkHome } from '@graph/network';
import { useGraphClient } from '../../state/ApiContext';
import { ErrorState, LoadingState } from '../../components/StatusViews';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  notes: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  note: { borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`, paddingLeft: tokens.spacingHorizontalM },
  text: { margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  who: { color: tokens.colorNeutralForeground3 },
});

type Loaded = { kind: 'loading' } | { kind: 'failed'; error: unknown } | { kind: 'ready'; notes: readonly NetworkComment[] };

export function EntryNotes(props: { home: NetworkHome; practice: MemberPractice; stored: StoredEntry; author: { readonly id: string; readonly displayName: string } }) {
  const styles = useStyles();
  const client = useGraphClient();
  const { home, practice, stored } = props;
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  // One key per draft: kept across a failed save (so the retry finds the first), renewed once saved.
  const draftKey = useRef(newCommentKey());

  useEffect(() => {
    let live = true;
    setLoaded({ kind: 'loading' });
    listCommentsFor(client, home, practice.key).then(
      (all) => live && setLoaded({ kind: 'ready', notes: all.filter((note) => note.entryItemId === stored.id).sort(byWhen) }),
      (error: unknown) => live && setLoaded({ kind: 'failed', error }),
    );
    return () => {
      live = false;
    };
  }, [client, home, practice.key, stored.id, attempt]);

  const retryLoad = useCallback(() => setAttempt((value) => value + 1), []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = text.trim();
    if (trimmed === '') return setProblem('Write the note first.');
    if (trimmed.length > NETWORK_COMMENT_MAX_CHARS) return setProblem(`The note is ${trimmed.length} characters long. Keep it to ${NETWORK_COMMENT_MAX_CHARS}.`);
    setProblem(null);
    setSaveError(null);
    setSaving(true);
    const note: NetworkComment = {
      key: draftKey.current,
      practiceSiteId: practice.key,
      entryItemId: stored.id,
      entryTitle: stored.entry.title,
      text: trimmed,
      authorName: props.author.displayName,
      authorId: props.author.id,
      writtenAt: new Date().toISOString(),
    };
    addComment(client, home, note).then(
      (saved) => {
        setSaving(false);
        setText('');
        draftKey.current = newCommentKey();
        setLoaded((now) => (now.kind === 'ready' ? { kind: 'ready', notes: [...now.notes.filter((item) => item.key !== saved.key), saved].sort(byWhen) } : now));
      },
      (error: unknown) => {
        setSaving(false);
        setSaveError(error);
      },
    );
  };

  return (
    <section className={styles.section} aria-labelledby="network-notes-heading">
      <h3 className={styles.heading} id="network-notes-heading">
        Notes from the network
      </h3>
      {loaded.kind === 'loading' ? <LoadingState label="Loading the notes…" /> : null}
      {loaded.kind === 'failed' ? <ErrorState title="Could not load the notes" error={loaded.error} onRetry={retryLoad} /> : null}
      {loaded.kind === 'ready' && loaded.notes.length === 0 ? <Text>No notes on this service yet.</Text> : null}
      {loaded.kind === 'ready' && loaded.notes.length > 0 ? (
        <ul className={styles.notes} aria-label="Notes from the network">
          {loaded.notes.map((note) => (
            <li key={note.key} className={styles.note}>
              <p className={styles.text}>{note.text}</p>
              <Text size={200} className={styles.who}>
                {note.authorName || 'Someone'}, <time dateTime={note.writtenAt}>{whenText(note.writtenAt)}</time>
              </Text>
            </li>
          ))}
        </ul>
      ) : null}
      <form onSubmit={submit} noValidate className={styles.section}>
        <Field
          label={`Note to ${practice.name}`}
          hint={`Up to ${NETWORK_COMMENT_MAX_CHARS} characters. The practice sees it on this service.`}
          validationState={problem ? 'error' : 'none'}
          validationMessage={problem ?? undefined}
        >
          <Textarea value={text} resize="vertical" onChange={(_event, data) => setText(data.value)} />
        </Field>
        {saveError ? <ErrorState title="The note was not saved" error={saveError} /> : null}
        {saveError ? <Text>Your note is still here: choose Add note to try again.</Text> : null}
        <div>
          <Button type="submit" appearance="primary" disabled={saving}>
            Add note
          </Button>
        </div>
      </form>
    </section>
  );
}

function byWhen(a: NetworkComment, b: NetworkComment): number {
  return Date.parse(a.writtenAt) - Date.parse(b.writtenAt);
}

function whenText(instant: string): string {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) return 'date not known';
  return new Date(ms).toLocaleString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });
}

/** One service's page of the downtime pack (plain HTML so it prints the same in every browser). */
import { CRITICALITIES, labelOf } from '@domain';
import { PACK_SECTION_TITLES, type PackCard, type PackSection } from '@domain/export';
import { PACK_PAGE_CLASS } from './printStyles';

export interface PackStamp {
  readonly practice: string;
  /** "Register version 2026-03-01 14:05" (the latest change in the pack). */
  readonly version: string;
  /** "Printed 1 March 2026". */
  readonly printed: string;
}

// Each section names the register field that fills it (the structured downtime process, issue 14).
const MISSING: Readonly<Record<PackSection, string>> = {
  notice: 'Not written yet. Fill in “How you will notice it is down” in the register entry.',
  workaround: 'No paper workaround written yet. Fill in “Paper workaround” in the register entry.',
  patients: 'Not written yet. Fill in “What to tell patients” in the register entry.',
  backfill: 'Not written yet. Fill in “Back-filling records afterwards” in the register entry.',
};

/** Only https links from user data become links; anything else is shown as text. */
function SafeUrl(props: { url: string }) {
  return /^https:\/\//i.test(props.url) ? <a href={props.url} rel="noopener noreferrer" target="_blank">{props.url}</a> : <>{props.url}</>;
}

function Section(props: { card: PackCard; section: PackSection }) {
  const text = props.card.sections[props.section];
  return (
    <>
      <h3>{PACK_SECTION_TITLES[props.section]}</h3>
      {text ? <p className="pack-text">{text}</p> : <p className="pack-text pack-missing">{MISSING[props.section]}</p>}
    </>
  );
}

export function PackCardView(props: { card: PackCard; stamp: PackStamp; page: number; pages: number; headingLevel?: 'h2' }) {
  const { card, stamp } = props;
  const person = (ref: PackCard['owner']) => (ref ? `${ref.displayName} (${ref.upn})` : 'Not named');
  return (
    <article className={PACK_PAGE_CLASS} aria-label={`Downtime card: ${card.title}`} data-service-id={card.id}>
      <div className="pack-running" data-testid="pack-running">
        <span>{stamp.practice} · Downtime pack</span>
        <span>{stamp.version} · {stamp.printed} · Page {props.page} of {props.pages}</span>
      </div>
      <h2>{card.title}</h2>
      <p className="pack-critical">Criticality: {labelOf(CRITICALITIES, card.criticality)}{card.supplier ? ` · Supplier: ${card.supplier}` : ''}</p>
      <Section card={card} section="notice" />
      <h3>Who to call</h3>
      <table>
        <thead>
          <tr><th scope="col">Who</th><th scope="col">Phone</th><th scope="col">Hours</th><th scope="col">Reference they ask for</th><th scope="col">Email / portal</th></tr>
        </thead>
        <tbody>
          {card.contacts.map((contact) => (
            <tr key={contact.who}>
              <td>{contact.who}</td>
              <td>{contact.phone || 'Not recorded'}</td>
              <td>{contact.hours || 'Not recorded'}</td>
              <td>{contact.reference || 'Not recorded'}</td>
              <td>{contact.email}{contact.email && contact.url ? ' · ' : ''}{contact.url ? <SafeUrl url={contact.url} /> : null}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>Owner: {person(card.owner)} · Deputy: {person(card.deputy)}</p>
      <Section card={card} section="workaround" />
      <Section card={card} section="patients" />
      <Section card={card} section="backfill" />
    </article>
  );
}

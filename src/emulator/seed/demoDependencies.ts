/**
 * What the demo practice's services depend on (issue 16), so the dependency map and "what else
 * breaks" show something real on `npm start`: the clinical system at the centre, national services
 * over the smartcard and HSCN link, the online-consultation tool behind NHS App messaging, and a
 * chain of two (EMIS Web → GP Connect → PCN shared booking). No cycle and no retired target: the
 * demo is a well-kept register (unit tests cover both).
 *
 * Links name entries by list item id. The seed writes the demo entries in order into a new, empty
 * list, whose item ids are 1, 2, 3... (the emulator's item store: `nextItemId`), so the id of the
 * n-th entry is known before it is written; seed.ts checks that it came out so.
 */
import type { Dependency, DependencyKind, RegisterEntry } from '@domain';

type Link = readonly [dependent: string, dependency: string, kind: DependencyKind, why: string];

const EMIS = 'EMIS Web';
const HSCN = 'Smartcard readers and HSCN connection';

export const DEMO_DEPENDENCIES: readonly Link[] = [
  [EMIS, HSCN, 'infrastructure', 'Smartcard login and the national spine are reached over HSCN.'],
  ['Accurx', EMIS, 'integration', 'Messages and online requests are filed into the patient record.'],
  ['Cloud telephony', EMIS, 'integration', "Shows reception the caller's record (screen pop)."],
  ['Docman', EMIS, 'integration', 'Files correspondence and coded results into the record.'],
  ['Docman', 'NHSmail shared mailbox', 'integration', 'Letters and discharge summaries arrive by NHSmail.'],
  ['NHS App', EMIS, 'integration', 'Appointments, repeat prescriptions and record access come from the clinical system.'],
  ['NHS App', 'Accurx', 'integration', 'NHS App messages from the practice are sent through Accurx.'],
  ['e-Referral Service (e-RS)', HSCN, 'shared-login', 'Referrers sign in with their smartcard.'],
  ['Electronic Prescription Service (EPS)', EMIS, 'integration', 'Prescriptions are signed and sent from the clinical system.'],
  ['Electronic Prescription Service (EPS)', HSCN, 'shared-login', 'Prescribers sign with their smartcard.'],
  ['GP Connect', EMIS, 'integration', 'Other settings read the record and book appointments in the clinical system.'],
  ['GP Connect', HSCN, 'infrastructure', 'National interoperability runs over HSCN.'],
  ['AI scribe (trial)', EMIS, 'integration', 'Drafted notes are saved into the consultation.'],
  ['Repeat prescription triage automation', 'Accurx', 'integration', 'Reads the repeat requests patients send through Accurx.'],
  ['Ardens templates', EMIS, 'integration', 'Templates and searches run inside the clinical system.'],
  ['PCN shared booking system', 'GP Connect', 'integration', "Books hub appointments into the practice's diary through GP Connect."],
];

/** The list item id the n-th demo entry gets (see above). */
export const demoItemId = (index: number): string => String(index + 1);

/** The demo entries with their `dependsOn` filled in from DEMO_DEPENDENCIES. */
export function withDemoDependencies(entries: readonly RegisterEntry[]): RegisterEntry[] {
  const idOf = new Map(entries.map((entry, index) => [entry.title, demoItemId(index)] as const));
  return entries.map((entry) => {
    const dependsOn: Dependency[] = DEMO_DEPENDENCIES.filter(([dependent, dependency]) => dependent === entry.title && idOf.has(dependency)).map(
      ([, dependency, kind, why]) => ({ entryId: idOf.get(dependency) as string, title: dependency, kind, why }),
    );
    return dependsOn.length > 0 ? { ...entry, dependsOn } : entry;
  });
}

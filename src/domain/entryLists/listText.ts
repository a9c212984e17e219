/**
 * How the entry's structured lists read to a person, in one line each: the export's cells, the
 * form's read-only summaries and anything else that prints them. One writer, so every place words
 * them the same: "EMIS Web (integration); NHSmail (shared login)".
 */
import { DEPENDENCY_KINDS, GO_LIVE_GATES, labelOf, labelInSentence, type AdminRightHolder, type Dependency, type GateWaiver } from '../entry';

function dependencyText(dependency: Dependency): string {
  const kind = labelInSentence(labelOf(DEPENDENCY_KINDS, dependency.kind));
  const why = dependency.why.trim() === '' ? '' : `: ${dependency.why.trim()}`;
  return `${dependency.title.trim() || 'An entry no longer in the register'} (${kind}${why})`;
}

export function dependenciesText(list: readonly Dependency[]): string {
  return list.map(dependencyText).join('; ');
}

/** "Jo Bloggs, EMIS, agreement on file, reviewed 2026-03-01". */
export function adminRightText(holder: AdminRightHolder): string {
  const who = holder.person ? holder.person.displayName || holder.person.upn : holder.externalName.trim();
  return [
    who || 'Someone not named',
    holder.organisation.trim(),
    holder.agreementOnFile ? 'agreement on file' : 'no agreement on file',
    holder.reviewedOn ? `reviewed ${holder.reviewedOn}` : 'not reviewed',
  ].filter((part) => part !== '').join(', ');
}

export function adminRightsText(list: readonly AdminRightHolder[]): string {
  return list.map(adminRightText).join('; ');
}

/** "Supplier DSPT status checked waived by Priya Shah on 2026-03-01: supplier is NHS-hosted". */
export function gateWaiverText(waiver: GateWaiver): string {
  const by = waiver.by.trim() === '' ? '' : ` by ${waiver.by.trim()}`;
  return `${labelOf(GO_LIVE_GATES, waiver.gate)} waived${by} on ${waiver.on}: ${waiver.reason.trim()}`;
}

export function gateWaiversText(list: readonly GateWaiver[]): string {
  return list.map(gateWaiverText).join('; ');
}

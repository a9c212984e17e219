/**
 * Incidents through Graph (issue 16): the incidents list store (idempotent create by IncidentKey,
 * If-Match changes re-applied on 412) and the delegated channel post of the incident card, with
 * updates as replies in its thread, each card key posted once.
 */
export * from './store';
export * from './post';

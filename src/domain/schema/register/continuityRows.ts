/**
 * The register's rows for continuity (the structured downtime process and dependencies), lifecycle
 * and review: one row per field (see ../fieldSchema.ts for what a row says).
 */
import { CRITICALITIES, LIFECYCLES, type RegisterEntry } from '../../entry';
import { dependenciesToField, fieldToDependencies, fieldToGateWaivers, gateWaiversToField } from '../../entryLists/entryJson';
import { dependenciesText, gateWaiversText } from '../../entryLists/listText';
import type { FieldRow } from '../fieldSchema';

export const REVIEW_INTERVAL_MIN_MONTHS = 1;
export const REVIEW_INTERVAL_MAX_MONTHS = 36;

export const CONTINUITY_ROWS: ReadonlyArray<FieldRow<RegisterEntry>> = [
  // The structured downtime process (issue 14): one column per part of the printed pack.
  {
    key: 'downtimeNotice',
    label: 'How you will notice it is down',
    group: 'Continuity',
    hint: 'The signs staff will see first, e.g. "the login screen times out" or "calls do not connect".',
    kind: { type: 'note' },
    column: { name: 'DowntimeNotice' },
    headers: {
      exact: ['how will you notice', 'how you will notice', 'how you will notice it is down', 'how will you notice it is down',
        'how you will know it is down', 'how will you know it is down', 'how will we know', 'how do we know it is down',
        'how will staff notice', 'how staff will notice', 'signs it is down', 'symptoms', 'how to tell it is down', 'noticing'],
      likely: ['notice|noticed|noticing', 'know down', 'signs|symptoms down|outage|failure'],
    },
  },
  {
    key: 'downtimeWorkaround',
    label: 'Paper workaround',
    group: 'Continuity',
    hint: 'What staff do on paper while it is down, and where the paper forms are kept.',
    kind: { type: 'note' },
    column: { name: 'DowntimeWorkaround' },
    headers: {
      exact: ['paper workaround', 'workaround', 'workarounds', 'manual workaround', 'paper process', 'paper fallback',
        'paper workarounds', 'what staff do instead', 'what to do instead'],
      likely: ['workaround|workarounds', 'paper process|fallback|forms|based'],
    },
  },
  {
    key: 'downtimePatients',
    label: 'What to tell patients',
    group: 'Continuity',
    hint: 'What reception tells patients, e.g. "we can still see you, but prescriptions will be sent later".',
    kind: { type: 'note' },
    column: { name: 'DowntimePatients' },
    headers: {
      exact: ['what to tell patients', 'patient message', 'patient messaging', 'message to patients', 'telling patients', 'tell patients',
        'patient communication', 'patient comms', 'what patients are told', 'what we tell patients', 'patient messages'],
      likely: ['patients|patient tell|telling|told|message|messages|messaging|comms|communication'],
    },
  },
  {
    key: 'downtimeBackfill',
    label: 'Back-filling records afterwards',
    group: 'Continuity',
    hint: 'How records made on paper are entered once it is back, and by whom.',
    kind: { type: 'note' },
    column: { name: 'DowntimeBackfill' },
    headers: {
      exact: ['back filling', 'backfilling', 'backfill', 'back fill', 'catch up records', 'catching up records', 'catch up',
        'back filling records', 'backfilling records', 'back filling records afterwards', 'updating records afterwards', 'records afterwards', 'afterwards',
        'once it is back', 'when it comes back'],
      likely: ['backfill|backfilling', 'back fill|filling', 'catch|catching up', 'afterwards|after records'],
    },
  },
  {
    key: 'downtimeProcess',
    label: 'Downtime process',
    group: 'Continuity',
    hint: 'Anything else about downtime that fits none of the fields above (older free text is kept here).',
    kind: { type: 'note' },
    column: { name: 'DowntimeProcess' },
    headers: {
      exact: ['downtime', 'downtime process', 'downtime procedure', 'business continuity', 'continuity plan', 'contingency',
        'bcp', 'fallback', 'business continuity plan', 'contingency plan', 'if it fails',
        'downtime plan', 'what to do if down',
        'if it goes down', 'what to do if it goes down', 'what if it goes down', 'if it is down', 'if it stops working', 'when it goes down',
        'what if it fails', 'if unavailable', 'outage', 'plan b', 'if down', 'downtime business continuity process', 'backup plan',
        'manual process'],
      likely: ['downtime', 'continuity', 'contingency', 'bcp', 'fallback', 'goes|fails|stops down|working|fails'],
    },
  },
  {
    key: 'continuityLastTested',
    label: 'Continuity last tested',
    group: 'Continuity',
    hint: 'When the downtime process was last rehearsed.',
    kind: { type: 'date', noun: 'Continuity test date', pastOnly: true },
    column: { name: 'ContinuityLastTested' },
    headers: {
      exact: ['continuity last tested', 'bcp tested', 'bcp last tested', 'last tested', 'date tested', 'continuity test',
        'continuity tested', 'downtime tested', 'dr test', 'date last tested', 'bcp test date'],
      likely: ['tested', 'continuity|bcp|downtime test|tested|exercise'],
    },
  },
  // The first words a practice uses; name matching to register entries is the dependencies feature's (see rowParsing.ts).
  {
    key: 'dependsOn',
    label: 'Depends on',
    group: 'Continuity',
    hint: 'Other services this one needs: when one of them fails, this one may fail too.',
    kind: { type: 'list' },
    column: { name: 'DependsOn', displayName: 'Depends on (JSON)' },
    text: (entry) => dependenciesText(entry.dependsOn),
    blank: 'None',
    codec: { toColumn: dependenciesToField, fromColumn: fieldToDependencies },
    headers: {
      exact: ['depends on', 'dependencies', 'dependency', 'depends upon', 'relies on', 'integrates with', 'integrations', 'linked systems',
        'connected systems', 'linked to'],
      likely: ['depends|dependencies|dependency|relies|integrates|integrations'],
    },
  },
  {
    key: 'lifecycle',
    label: 'Lifecycle status',
    group: 'Purpose',
    hint: 'Retired services stay in the register as a record.',
    kind: { type: 'choice', choices: LIFECYCLES, message: 'Choose a lifecycle status' },
    column: { name: 'Status', indexed: true },
    headers: {
      exact: ['status', 'lifecycle', 'lifecycle status', 'in use', 'live', 'state', 'current status', 'active', 'stage',
        'still in use', 'currently in use'],
      likely: ['lifecycle', 'status', 'in use'],
    },
  },
  {
    key: 'goLiveWaivers',
    label: 'Go-live waivers',
    group: 'Purpose',
    hint: 'Go-live requirements waived by a named person, with the reason.',
    kind: { type: 'list' },
    column: { name: 'GoLiveWaivers', displayName: 'Go-live waivers (JSON)' },
    text: (entry) => gateWaiversText(entry.goLiveWaivers),
    blank: 'None',
    codec: { toColumn: gateWaiversToField, fromColumn: fieldToGateWaivers },
    headers: {
      exact: ['go live waivers', 'go live waiver', 'waivers', 'waiver', 'gate waivers'],
      likely: ['waiver|waivers|waived'],
    },
  },
  {
    key: 'criticality',
    label: 'Criticality',
    group: 'Purpose',
    hint: 'How much patient care is affected when it is unavailable.',
    kind: { type: 'choice', choices: CRITICALITIES, message: 'Choose how critical the service is' },
    column: { name: 'Criticality' },
    headers: {
      exact: ['criticality', 'critical', 'priority', 'importance', 'impact', 'rag', 'risk rating', 'business criticality',
        'criticality rating', 'tier', 'impact of loss', 'importance rating', 'business impact'],
      likely: ['critical|criticality', 'priority', 'importance', 'impact', 'rag'],
    },
  },
  {
    key: 'reviewIntervalMonths',
    label: 'Review interval',
    group: 'Review',
    hint: 'Months between reviews, from 1 to 36.',
    kind: { type: 'months', min: REVIEW_INTERVAL_MIN_MONTHS, max: REVIEW_INTERVAL_MAX_MONTHS },
    column: { name: 'ReviewIntervalMonths', displayName: 'Review interval (months)' },
    headers: {
      exact: ['review interval', 'review frequency', 'review cycle', 'review period', 'frequency', 'review interval months',
        'how often reviewed', 'how often', 'review every'],
      likely: ['interval', 'frequency', 'cycle', 'how often'],
    },
  },
  {
    key: 'lastReviewedOn',
    label: 'Last reviewed on',
    group: 'Review',
    hint: 'Set by "Mark reviewed", or enter it yourself.',
    kind: { type: 'date', noun: 'Last review date', pastOnly: true },
    column: { name: 'LastReviewedOn' },
    headers: {
      exact: ['last reviewed', 'last review', 'date last reviewed', 'last review date', 'reviewed on', 'date reviewed', 'reviewed',
        'last reviewed on', 'review completed', 'date of last review', 'last checked'],
      likely: ['last review|reviewed', 'reviewed on|date', 'date reviewed'],
    },
  },
  {
    key: 'lastReviewedBy',
    label: 'Last reviewed by',
    group: 'Review',
    hint: 'Who did the last review.',
    kind: { type: 'text' },
    column: { name: 'LastReviewedBy' },
    headers: {
      exact: ['last reviewed by', 'reviewed by', 'reviewer', 'review completed by', 'checked by'],
      likely: ['reviewed by', 'reviewer'],
    },
  },
  {
    key: 'nextReviewDue',
    label: 'Next review due',
    group: 'Review',
    hint: 'Leave blank to use the last review date plus the review interval.',
    kind: { type: 'date', noun: 'Next review due date', pastOnly: false },
    column: { name: 'NextReviewDue', indexed: true },
    headers: {
      exact: ['next review', 'next review due', 'next review date', 'review due', 'due for review', 'review date', 'review by',
        'date of next review', 'next due', 'renewal review', 'due'],
      likely: ['next review|due', 'review due', 'due'],
    },
  },
  {
    key: 'notes',
    label: 'Notes',
    group: 'Review',
    hint: 'Anything else the next person needs to know.',
    kind: { type: 'note' },
    column: { name: 'Notes' },
    headers: {
      exact: ['notes', 'note', 'comments', 'comment', 'remarks', 'additional information', 'other information', 'further information',
        'misc', 'other', 'additional notes', 'other notes', 'anything else', 'extra', 'info',
        'information', 'notes comments'],
      likely: ['notes|note|comments|comment|remarks'],
    },
  },
];

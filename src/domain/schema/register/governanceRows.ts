/**
 * The register's rows for governance, access, and the go-live gate's training and escalation:
 * one row per field (see ../fieldSchema.ts for what a row says).
 */
import {
  CLINICAL_SAFETY_STATUSES,
  DPIA_STATUSES,
  SUPPLIER_DSPT_STATUSES,
  type RegisterEntry,
} from '../../entry';
import { adminRightsToField, fieldToAdminRights } from '../../entryLists/entryJson';
import { adminRightsText } from '../../entryLists/listText';
import type { FieldRow } from '../fieldSchema';

/** Access reviews: 0 means no review cycle; five years is the longest that still means something. */
export const ACCESS_REVIEW_INTERVAL_MIN_MONTHS = 0;
export const ACCESS_REVIEW_INTERVAL_MAX_MONTHS = 60;

export const GOVERNANCE_ROWS: ReadonlyArray<FieldRow<RegisterEntry>> = [
  {
    key: 'dpiaStatus',
    label: 'DPIA status',
    group: 'Governance',
    hint: 'The data protection impact assessment or IG review.',
    kind: { type: 'choice', choices: DPIA_STATUSES, message: 'Choose a DPIA status' },
    column: { name: 'DpiaStatus' },
    headers: {
      exact: ['dpia', 'dpia status', 'dpia done', 'dpia completed', 'dpia complete', 'dpia in place', 'dpia y n', 'dpia yes no',
        'data protection impact assessment', 'dpia required', 'has dpia', 'dpia carried out', 'dpia undertaken',
        'dpia ig review', 'ig review', 'dpia ig', 'information governance', 'ig status', 'dpia ig review status', 'ig sign off'],
      likely: ['dpia', 'impact assessment', 'dpia status', 'data protection', 'ig|governance'],
    },
  },
  {
    key: 'dpiaDate',
    label: 'DPIA date',
    group: 'Governance',
    hint: 'When the DPIA or IG review was completed.',
    kind: { type: 'date', noun: 'DPIA date', pastOnly: true },
    column: { name: 'DpiaDate' },
    headers: {
      exact: ['dpia date', 'date of dpia', 'dpia completed on', 'dpia date completed', 'dpia review date', 'date dpia completed'],
      likely: ['dpia date', 'impact assessment date'],
    },
  },
  {
    key: 'clinicalSafetyStatus',
    label: 'DCB0160 status',
    group: 'Governance',
    hint: 'DCB0160 clinical risk management, where it applies.',
    kind: { type: 'choice', choices: CLINICAL_SAFETY_STATUSES, message: 'Choose a DCB0160 status' },
    column: { name: 'ClinicalSafetyStatus' },
    headers: {
      exact: ['clinical safety', 'dcb0160', 'dcb 0160', 'dcb0160 status', 'clinical safety case', 'clinical safety status',
        'clinical risk', 'clinical risk assessment', 'hazard log', 'dcb0129', 'dcb0129 dcb0160', 'dcb0160 compliant'],
      likely: ['clinical safety|risk', 'dcb0160|dcb0129|dcb', 'hazard'],
    },
  },
  {
    key: 'accessGranted',
    label: 'How access is granted',
    group: 'Access',
    hint: 'Who approves new accounts and how they are set up.',
    kind: { type: 'note' },
    column: { name: 'AccessGranted' },
    headers: {
      exact: ['access granted', 'how access is granted', 'access given', 'granting access', 'access requests', 'starters',
        'new starters', 'joiners', 'how to get access', 'access request process', 'giving access',
        'how staff get access', 'how do staff get access', 'how staff access is granted', 'getting access', 'how to request access',
        'who can access it', 'access', 'user access', 'logins', 'login', 'accounts', 'user accounts', 'how staff log in', 'staff access'],
      likely: ['access granted|grant|granting|given|giving|request|requests|get|getting', 'starters|starter|joiners|joiner'],
    },
  },
  {
    key: 'accessReviewed',
    label: 'How access is reviewed',
    group: 'Access',
    hint: 'How often, and by whom, the list of users is checked.',
    kind: { type: 'note' },
    column: { name: 'AccessReviewed' },
    headers: {
      exact: ['access reviewed', 'how access is reviewed', 'access review process', 'reviewing access'],
      likely: ['access review|reviewed|reviewing process|how'],
    },
  },
  {
    key: 'accessRemoved',
    label: 'How access is removed',
    group: 'Access',
    hint: 'What happens when someone leaves or changes role.',
    kind: { type: 'note' },
    column: { name: 'AccessRemoved' },
    headers: {
      exact: ['access removed', 'how access is removed', 'leavers', 'leaver process', 'removing access', 'access revoked',
        'leavers process', 'access removal'],
      likely: ['access removed|removal|removing|revoked|revoke', 'leavers|leaver'],
    },
  },
  {
    key: 'lastAccessReview',
    label: 'Last access review',
    group: 'Access',
    hint: 'When access was last checked.',
    kind: { type: 'date', noun: 'Last access review date', pastOnly: true },
    column: { name: 'LastAccessReview' },
    headers: {
      exact: ['last access review', 'access review', 'access last reviewed', 'access review date', 'date of access review', 'access audit',
        'last access audit', 'user access review'],
      likely: ['access review|reviewed|audit last|date', 'access audit'],
    },
  },
  {
    key: 'accessReviewIntervalMonths',
    label: 'Access review interval',
    group: 'Access',
    hint: 'Months between access reviews, from 1 to 60; 0 if access is not reviewed on a cycle.',
    kind: { type: 'months', min: 0, max: 60, zeroMeans: 'No review cycle' },
    column: { name: 'AccessReviewIntervalMonths', displayName: 'Access review interval (months)' },
    headers: {
      exact: ['access review frequency', 'access review interval', 'access review cycle', 'access review period', 'frequency of access review',
        'frequency of access reviews', 'how often is access reviewed', 'how often access is reviewed', 'access review interval months',
        'access review every', 'access reviewed every'],
      likely: ['access review|reviews|reviewed frequency|interval|cycle|often|period|every'],
    },
  },
  {
    key: 'adminRights',
    label: 'Admin rights',
    group: 'Access',
    hint: 'Everyone who holds admin rights, including supplier and ICB engineers.',
    kind: { type: 'list' },
    column: { name: 'AdminRights', displayName: 'Admin rights (JSON)' },
    text: (entry) => adminRightsText(entry.adminRights),
    blank: 'None recorded',
    codec: { toColumn: adminRightsToField, fromColumn: fieldToAdminRights },
    headers: {
      exact: ['admin rights', 'who has admin access', 'who has admin rights', 'admin access', 'admin', 'admins', 'administrators',
        'system administrators', 'admin users', 'admin accounts', 'privileged access', 'privileged users', 'privileged accounts',
        'admin rights holders', 'administrator access', 'administrator rights', 'super users', 'superusers', 'super user', 'who is admin'],
      likely: ['admin|administrator|administrators|admins|privileged rights|access|users|accounts|holders', 'privileged', 'superusers|superuser'],
    },
  },
  {
    key: 'trainingLink',
    label: 'Training or quick guide link',
    group: 'Training and escalation',
    hint: 'The training material or quick guide: a web address starting with https://',
    kind: { type: 'text', input: 'url' },
    column: { name: 'TrainingLink' },
    headers: {
      exact: ['training', 'training link', 'training or quick guide link', 'quick guide', 'quick guides', 'training materials', 'training material', 'training guide',
        'training guides', 'user guide', 'user guides', 'guide', 'guides', 'link to training', 'training url', 'training resources',
        'how to guide', 'quick reference guide', 'elearning', 'e learning', 'training and guides', 'training quick guide', 'staff training'],
      likely: ['training|guide|guides|elearning link|url|materials|material|resources|website', 'quick guide|guides|reference', 'training'],
    },
  },
  {
    key: 'staffTrainedOn',
    label: 'Staff trained on',
    group: 'Training and escalation',
    hint: 'When staff who use it were last trained.',
    kind: { type: 'date', noun: 'Staff trained on date', pastOnly: true },
    column: { name: 'StaffTrainedOn' },
    headers: {
      exact: ['staff trained', 'staff trained on', 'trained on', 'date trained', 'training date', 'date of training', 'when trained',
        'last trained', 'training completed', 'training done', 'staff training date', 'date staff trained', 'training given'],
      likely: ['trained', 'training date|completed|done|given|when|last'],
    },
  },
  {
    key: 'supplierDsptStatus',
    label: 'Supplier DSPT status',
    group: 'Training and escalation',
    hint: "The supplier's Data Security and Protection Toolkit status, as published on the DSPT website.",
    kind: { type: 'choice', choices: SUPPLIER_DSPT_STATUSES, message: "Choose the supplier's DSPT status" },
    column: { name: 'SupplierDsptStatus' },
    headers: {
      exact: ['supplier dspt', 'dspt status', 'dspt', 'supplier dspt status', 'dsp toolkit', 'dspt compliant', 'dspt compliance',
        'data security and protection toolkit', 'supplier dspt compliant', 'dspt assessment', 'supplier toolkit status', 'dspt rating',
        'supplier dspt compliance', 'dsp toolkit status'],
      likely: ['dspt|toolkit'],
    },
  },
  {
    key: 'supplierDsptCheckedOn',
    label: 'Supplier DSPT checked on',
    group: 'Training and escalation',
    hint: 'When the supplier\'s DSPT status was last checked.',
    kind: { type: 'date', noun: 'Supplier DSPT checked on date', pastOnly: true },
    column: { name: 'SupplierDsptCheckedOn' },
    headers: {
      exact: ['dspt checked', 'dspt checked on', 'date dspt checked', 'dspt check date', 'dspt date', 'supplier dspt checked',
        'dspt last checked', 'supplier dspt checked on', 'date of dspt check'],
      likely: ['dspt|toolkit checked|date|check'],
    },
  },
  {
    key: 'escalationRoute',
    label: 'Escalation route',
    group: 'Training and escalation',
    hint: 'Who to go to when the helpdesk does not resolve it, e.g. the ICB service desk, then the account manager.',
    kind: { type: 'note' },
    column: { name: 'EscalationRoute' },
    headers: {
      exact: ['escalation', 'escalation route', 'escalation path', 'escalation process', 'escalation contact', 'escalation contacts',
        'escalations', 'how to escalate', 'escalate to', 'who to escalate to', 'if not resolved', 'second line support', 'second line',
        'escalation routes'],
      likely: ['escalation|escalate|escalations|escalated'],
    },
  },
];

/**
 * The words practice spreadsheets use for each register field, from asset-register templates
 * (DSPT 1.1.2 / 7.1.1 guidance, Digital Care Hub, ICB IAR templates) and common usage.
 *
 * `exact`: whole headers (after `normaliseWords`) that mean the field.
 * `likely`: word sets; a header containing all the words of a set probably means the field. Words
 * separated by `|` are alternatives. More words in a set is a more specific (stronger) match, so
 * "DPIA date" (dpia + date) beats "DPIA" (dpia) for the header "Date of DPIA".
 *
 * Practices' own words are here too: the "What to record" wording of the guidance the register is
 * built on ("What the system is used for", "helpdesk / support contact", "the IDs a caller is asked
 * for", "How staff access is granted"), and what people type in an "IT systems list" ("what we use
 * it for", "if it goes down", "how staff get access", "CCG" for what is now the ICB). A bare
 * "Helpdesk" or "Support" column usually holds free text ("Optum 0345 …, have ODS code ready"), so
 * it is a support contact, not a phone number: the phone, email or web address in it still fill
 * their own fields.
 */
import type { ImportField } from './importFields';

export interface HeaderRule {
  readonly exact: readonly string[];
  readonly likely: readonly string[];
}

export const HEADER_RULES: Readonly<Partial<Record<ImportField, HeaderRule>>> = {
  title: {
    exact: ['system', 'service', 'application', 'app', 'name', 'title', 'system name', 'service name', 'application name',
      'digital service', 'software', 'product', 'asset', 'asset name', 'system service', 'service system', 'system application',
      'it system', 'system or service', 'name of system', 'name of service', 'it systems', 'systems', 'system used',
      'clinical system', 'what system', 'item', 'package', 'platform', 'tool', 'solution', 'programme', 'program'],
    likely: ['system|systems', 'service|services', 'application|applications', 'software', 'asset name'],
  },
  category: {
    exact: ['category', 'type', 'system type', 'service type', 'asset type', 'kind', 'classification', 'asset category', 'area',
      'group', 'type of system'],
    likely: ['category', 'type', 'classification'],
  },
  purpose: {
    exact: ['purpose', 'description', 'used for', 'what it is used for', 'what is it used for', 'use', 'function', 'what it does',
      'what we use it for', 'what do we use it for', 'what the system is used for', 'what its for', 'what is it for', 'uses',
      'why we use it', 'reason', 'what for', 'details', 'summary'],
    likely: ['purpose', 'description', 'used for', 'use it for|for', 'function', 'what it does|do'],
  },
  provision: {
    exact: ['provision', 'provided by', 'funded by', 'funding', 'commissioned by', 'who provides it', 'provision type',
      'procurement', 'funding source', 'how provided', 'who pays', 'paid by', 'who funds it', 'ccg', 'icb', 'ccg icb', 'icb ccg',
      'icb or practice', 'ccg or practice', 'ccg funded', 'icb funded', 'funded', 'contract holder', 'who provides'],
    likely: ['provision', 'provided|provides', 'funded|funding|funds|pays|paid', 'commissioned|commissioner', 'ccg|icb'],
  },
  owner: {
    exact: ['owner', 'lead', 'iao', 'information asset owner', 'system owner', 'service owner', 'asset owner', 'owner name',
      'named owner', 'responsible person', 'responsible', 'accountable owner', 'business owner', 'practice lead', 'named local owner',
      'local owner', 'who owns it', 'owned by', 'lead person', 'practice contact', 'system lead', 'who looks after it'],
    likely: ['owner', 'lead', 'iao', 'responsible|accountable', 'owner name'],
  },
  ownerEmail: {
    exact: ['owner email', 'owners email', 'iao email', 'lead email', 'owner email address', 'owner nhsmail', 'owner nhs net'],
    likely: ['owner|iao|lead email|nhsmail'],
  },
  deputy: {
    exact: ['deputy', 'deputy owner', 'deputy iao', 'backup owner', 'secondary owner', 'alternate owner', 'deputy lead',
      'information asset administrator', 'iaa', 'cover'],
    likely: ['deputy', 'backup|secondary|alternate owner|contact', 'iaa', 'administrator'],
  },
  deputyEmail: {
    exact: ['deputy email', 'deputys email', 'deputy email address', 'iaa email'],
    likely: ['deputy|iaa|backup email|nhsmail'],
  },
  supplier: {
    exact: ['supplier', 'vendor', 'supplier name', 'company', 'manufacturer', 'provider', 'supplied by', 'developer', 'vendor name',
      'third party', 'supplier company', 'who supplies it', 'made by', 'suppliers'],
    likely: ['supplier', 'vendor', 'company', 'provider', 'manufacturer', 'supplied'],
  },
  supportContact: {
    exact: ['helpdesk', 'service desk', 'support contact', 'support', 'supplier helpdesk', 'supplier support', 'contact', 'contacts',
      'support details', 'contact details', 'helpdesk contact', 'helpdesk details', 'supplier contact', 'who to call', 'who to contact',
      'how to get support', 'how to get help', 'getting help', 'help', 'helpdesk support contact', 'helpdesk or support contact',
      'support desk', 'it support', 'support contacts', 'supplier contact details', 'report a fault', 'logging a call', 'help line'],
    likely: ['helpdesk', 'service|support desk', 'support|supplier|helpdesk contact|contacts|details', 'who call|contact'],
  },
  supportPhone: {
    exact: ['support phone', 'support number', 'helpdesk number', 'helpdesk phone', 'helpdesk no', 'support telephone',
      'phone', 'telephone', 'contact number', 'phone number', 'telephone number', 'support line', 'tel', 'tel no',
      'supplier phone', 'supplier contact number', 'supplier telephone', 'service desk number', 'service desk phone'],
    likely: ['phone|telephone|tel', 'helpdesk|support|contact|desk number|no|line'],
  },
  supportEmail: {
    exact: ['support email', 'helpdesk email', 'contact email', 'email', 'email address', 'service desk email',
      'supplier email', 'supplier support email'],
    likely: ['support|helpdesk|contact|desk email', 'email'],
  },
  supportUrl: {
    exact: ['support url', 'support portal', 'portal', 'website', 'web address', 'url', 'link', 'support website', 'support site',
      'web link', 'support link', 'log a call', 'portal url', 'supplier website', 'supplier portal'],
    likely: ['url', 'portal', 'website', 'link', 'web'],
  },
  supportHours: {
    exact: ['support hours', 'hours', 'opening hours', 'helpdesk hours', 'hours of support', 'availability', 'support availability',
      'service hours'],
    likely: ['hours', 'availability'],
  },
  supportReference: {
    exact: ['caller reference', 'reference', 'ref', 'account number', 'customer number', 'customer id', 'site code', 'ods code',
      'practice code', 'support reference', 'contract number', 'customer reference', 'account reference', 'site id', 'account',
      'ids a caller is asked for', 'the ids a caller is asked for', 'ids the caller is asked for', 'what they ask for', 'ids needed', 'caller id', 'id needed',
      'reference needed', 'licence number', 'license number', 'customer ref'],
    likely: ['reference|ref', 'account', 'customer number|id|code', 'ods', 'site code|id', 'contract number|id', 'ids|id caller|asked'],
  },
  dataTypes: {
    exact: ['data types', 'data type', 'data', 'personal data', 'data processed', 'data held', 'type of data', 'types of data',
      'data categories', 'information held', 'patient data', 'pid', 'data category', 'personal data held',
      'types of data processed', 'what data', 'patient information', 'personal data y n', 'holds patient data', 'identifiable data'],
    likely: ['data type|types|category|categories|processed|held', 'personal', 'pid', 'information held', 'data'],
  },
  dpiaStatus: {
    exact: ['dpia', 'dpia status', 'dpia done', 'dpia completed', 'dpia complete', 'dpia in place', 'dpia y n', 'dpia yes no',
      'data protection impact assessment', 'dpia required', 'has dpia', 'dpia carried out', 'dpia undertaken',
      'dpia ig review', 'ig review', 'dpia ig', 'information governance', 'ig status', 'dpia ig review status', 'ig sign off'],
    likely: ['dpia', 'impact assessment', 'dpia status', 'data protection', 'ig|governance'],
  },
  dpiaDate: {
    exact: ['dpia date', 'date of dpia', 'dpia completed on', 'dpia date completed', 'dpia review date', 'date dpia completed'],
    likely: ['dpia date', 'impact assessment date'],
  },
  clinicalSafetyStatus: {
    exact: ['clinical safety', 'dcb0160', 'dcb 0160', 'dcb0160 status', 'clinical safety case', 'clinical safety status',
      'clinical risk', 'clinical risk assessment', 'hazard log', 'dcb0129', 'dcb0129 dcb0160', 'dcb0160 compliant'],
    likely: ['clinical safety|risk', 'dcb0160|dcb0129|dcb', 'hazard'],
  },
  accessGranted: {
    exact: ['access granted', 'how access is granted', 'access given', 'granting access', 'access requests', 'starters',
      'new starters', 'joiners', 'how to get access', 'access request process', 'giving access',
      'how staff get access', 'how do staff get access', 'how staff access is granted', 'getting access', 'how to request access',
      'who can access it', 'access', 'user access', 'logins', 'login', 'accounts', 'user accounts', 'how staff log in', 'staff access'],
    likely: ['access granted|grant|granting|given|giving|request|requests|get|getting', 'starters|starter|joiners|joiner'],
  },
  accessReviewed: {
    exact: ['access reviewed', 'how access is reviewed', 'access review process', 'reviewing access'],
    likely: ['access review|reviewed|reviewing process|how'],
  },
  accessRemoved: {
    exact: ['access removed', 'how access is removed', 'leavers', 'leaver process', 'removing access', 'access revoked',
      'leavers process', 'access removal'],
    likely: ['access removed|removal|removing|revoked|revoke', 'leavers|leaver'],
  },
  lastAccessReview: {
    exact: ['last access review', 'access review', 'access last reviewed', 'access review date', 'date of access review', 'access audit',
      'last access audit', 'user access review'],
    likely: ['access review|reviewed|audit last|date', 'access audit'],
  },
  accessReviewIntervalMonths: {
    exact: ['access review frequency', 'access review interval', 'access review cycle', 'access review period', 'frequency of access review',
      'frequency of access reviews', 'how often is access reviewed', 'how often access is reviewed', 'access review interval months',
      'access review every', 'access reviewed every'],
    likely: ['access review|reviews|reviewed frequency|interval|cycle|often|period|every'],
  },
  adminRights: {
    exact: ['admin rights', 'who has admin access', 'who has admin rights', 'admin access', 'admin', 'admins', 'administrators',
      'system administrators', 'admin users', 'admin accounts', 'privileged access', 'privileged users', 'privileged accounts',
      'admin rights holders', 'administrator access', 'administrator rights', 'super users', 'superusers', 'super user', 'who is admin'],
    likely: ['admin|administrator|administrators|admins|privileged rights|access|users|accounts|holders', 'privileged', 'superusers|superuser'],
  },
  trainingLink: {
    exact: ['training', 'training link', 'training or quick guide link', 'quick guide', 'quick guides', 'training materials', 'training material', 'training guide',
      'training guides', 'user guide', 'user guides', 'guide', 'guides', 'link to training', 'training url', 'training resources',
      'how to guide', 'quick reference guide', 'elearning', 'e learning', 'training and guides', 'training quick guide', 'staff training'],
    likely: ['training|guide|guides|elearning link|url|materials|material|resources|website', 'quick guide|guides|reference', 'training'],
  },
  staffTrainedOn: {
    exact: ['staff trained', 'staff trained on', 'trained on', 'date trained', 'training date', 'date of training', 'when trained',
      'last trained', 'training completed', 'training done', 'staff training date', 'date staff trained', 'training given'],
    likely: ['trained', 'training date|completed|done|given|when|last'],
  },
  supplierDsptStatus: {
    exact: ['supplier dspt', 'dspt status', 'dspt', 'supplier dspt status', 'dsp toolkit', 'dspt compliant', 'dspt compliance',
      'data security and protection toolkit', 'supplier dspt compliant', 'dspt assessment', 'supplier toolkit status', 'dspt rating',
      'supplier dspt compliance', 'dsp toolkit status'],
    likely: ['dspt|toolkit'],
  },
  supplierDsptCheckedOn: {
    exact: ['dspt checked', 'dspt checked on', 'date dspt checked', 'dspt check date', 'dspt date', 'supplier dspt checked',
      'dspt last checked', 'supplier dspt checked on', 'date of dspt check'],
    likely: ['dspt|toolkit checked|date|check'],
  },
  escalationRoute: {
    exact: ['escalation', 'escalation route', 'escalation path', 'escalation process', 'escalation contact', 'escalation contacts',
      'escalations', 'how to escalate', 'escalate to', 'who to escalate to', 'if not resolved', 'second line support', 'second line',
      'escalation routes'],
    likely: ['escalation|escalate|escalations|escalated'],
  },
  // The structured downtime process (issue 14): one column per part of the printed pack.
  downtimeNotice: {
    exact: ['how will you notice', 'how you will notice', 'how you will notice it is down', 'how will you notice it is down',
      'how you will know it is down', 'how will you know it is down', 'how will we know', 'how do we know it is down',
      'how will staff notice', 'how staff will notice', 'signs it is down', 'symptoms', 'how to tell it is down', 'noticing'],
    likely: ['notice|noticed|noticing', 'know down', 'signs|symptoms down|outage|failure'],
  },
  downtimeWorkaround: {
    exact: ['paper workaround', 'workaround', 'workarounds', 'manual workaround', 'paper process', 'paper fallback',
      'paper workarounds', 'what staff do instead', 'what to do instead'],
    likely: ['workaround|workarounds', 'paper process|fallback|forms|based'],
  },
  downtimePatients: {
    exact: ['what to tell patients', 'patient message', 'patient messaging', 'message to patients', 'telling patients', 'tell patients',
      'patient communication', 'patient comms', 'what patients are told', 'what we tell patients', 'patient messages'],
    likely: ['patients|patient tell|telling|told|message|messages|messaging|comms|communication'],
  },
  downtimeBackfill: {
    exact: ['back filling', 'backfilling', 'backfill', 'back fill', 'catch up records', 'catching up records', 'catch up',
      'back filling records', 'backfilling records', 'back filling records afterwards', 'updating records afterwards', 'records afterwards', 'afterwards',
      'once it is back', 'when it comes back'],
    likely: ['backfill|backfilling', 'back fill|filling', 'catch|catching up', 'afterwards|after records'],
  },
  downtimeProcess: {
    exact: ['downtime', 'downtime process', 'downtime procedure', 'business continuity', 'continuity plan', 'contingency',
      'bcp', 'fallback', 'business continuity plan', 'contingency plan', 'if it fails',
      'downtime plan', 'what to do if down',
      'if it goes down', 'what to do if it goes down', 'what if it goes down', 'if it is down', 'if it stops working', 'when it goes down',
      'what if it fails', 'if unavailable', 'outage', 'plan b', 'if down', 'downtime business continuity process', 'backup plan',
      'manual process'],
    likely: ['downtime', 'continuity', 'contingency', 'bcp', 'fallback', 'goes|fails|stops down|working|fails'],
  },
  continuityLastTested: {
    exact: ['continuity last tested', 'bcp tested', 'bcp last tested', 'last tested', 'date tested', 'continuity test',
      'continuity tested', 'downtime tested', 'dr test', 'date last tested', 'bcp test date'],
    likely: ['tested', 'continuity|bcp|downtime test|tested|exercise'],
  },
  // The first words a practice uses; name matching to register entries is the dependencies feature's (see rowParsing.ts).
  dependsOn: {
    exact: ['depends on', 'dependencies', 'dependency', 'depends upon', 'relies on', 'integrates with', 'integrations', 'linked systems',
      'connected systems', 'linked to'],
    likely: ['depends|dependencies|dependency|relies|integrates|integrations'],
  },
  goLiveWaivers: {
    exact: ['go live waivers', 'go live waiver', 'waivers', 'waiver', 'gate waivers'],
    likely: ['waiver|waivers|waived'],
  },
  lifecycle: {
    exact: ['status', 'lifecycle', 'lifecycle status', 'in use', 'live', 'state', 'current status', 'active', 'stage',
      'still in use', 'currently in use'],
    likely: ['lifecycle', 'status', 'in use'],
  },
  criticality: {
    exact: ['criticality', 'critical', 'priority', 'importance', 'impact', 'rag', 'risk rating', 'business criticality',
      'criticality rating', 'tier', 'impact of loss', 'importance rating', 'business impact'],
    likely: ['critical|criticality', 'priority', 'importance', 'impact', 'rag'],
  },
  reviewIntervalMonths: {
    exact: ['review interval', 'review frequency', 'review cycle', 'review period', 'frequency', 'review interval months',
      'how often reviewed', 'how often', 'review every'],
    likely: ['interval', 'frequency', 'cycle', 'how often'],
  },
  lastReviewedOn: {
    exact: ['last reviewed', 'last review', 'date last reviewed', 'last review date', 'reviewed on', 'date reviewed', 'reviewed',
      'last reviewed on', 'review completed', 'date of last review', 'last checked'],
    likely: ['last review|reviewed', 'reviewed on|date', 'date reviewed'],
  },
  lastReviewedBy: {
    exact: ['last reviewed by', 'reviewed by', 'reviewer', 'review completed by', 'checked by'],
    likely: ['reviewed by', 'reviewer'],
  },
  nextReviewDue: {
    exact: ['next review', 'next review due', 'next review date', 'review due', 'due for review', 'review date', 'review by',
      'date of next review', 'next due', 'renewal review', 'due'],
    likely: ['next review|due', 'review due', 'due'],
  },
  notes: {
    exact: ['notes', 'note', 'comments', 'comment', 'remarks', 'additional information', 'other information', 'further information',
      'misc', 'other', 'additional notes', 'other notes', 'anything else', 'extra', 'info',
      'information', 'notes comments'],
    likely: ['notes|note|comments|comment|remarks'],
  },
};

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
 *
 * A register field's words are in its schema row (src/domain/schema/register/*Rows.ts, `headers`);
 * this file adds the columns the import reads that are not register fields of their own: the
 * owner's and deputy's email addresses and the free-text support contact.
 */
import { REGISTER_SCHEMA, type HeaderWords } from '../schema';
import { IMPORT_TARGETS, type ImportField } from './importFields';

export type HeaderRule = HeaderWords;

/** The words for the import's own columns, which no schema row describes. */
const IMPORT_ONLY_RULES: Readonly<Record<'ownerEmail' | 'deputyEmail' | 'supportContact', HeaderRule>> = {
  ownerEmail: {
    exact: ['owner email', 'owners email', 'iao email', 'lead email', 'owner email address', 'owner nhsmail', 'owner nhs net'],
    likely: ['owner|iao|lead email|nhsmail'],
  },
  deputyEmail: {
    exact: ['deputy email', 'deputys email', 'deputy email address', 'iaa email'],
    likely: ['deputy|iaa|backup email|nhsmail'],
  },
  supportContact: {
    exact: ['helpdesk', 'service desk', 'support contact', 'support', 'supplier helpdesk', 'supplier support', 'contact', 'contacts',
      'support details', 'contact details', 'helpdesk contact', 'helpdesk details', 'supplier contact', 'who to call', 'who to contact',
      'how to get support', 'how to get help', 'getting help', 'help', 'helpdesk support contact', 'helpdesk or support contact',
      'support desk', 'it support', 'support contacts', 'supplier contact details', 'report a fault', 'logging a call', 'help line'],
    likely: ['helpdesk', 'service|support desk', 'support|supplier|helpdesk contact|contacts|details', 'who call|contact'],
  },
};

/** Every import target's words, in the order of IMPORT_TARGETS (ties between fields go to the earlier). */
export const HEADER_RULES: ReadonlyArray<{ readonly field: ImportField; readonly headers: HeaderRule }> = IMPORT_TARGETS.map((field) => ({
  field,
  headers: field in IMPORT_ONLY_RULES
    ? IMPORT_ONLY_RULES[field as keyof typeof IMPORT_ONLY_RULES]
    : REGISTER_SCHEMA.rows.find((row) => row.key === field)?.headers ?? { exact: [], likely: [] },
}));

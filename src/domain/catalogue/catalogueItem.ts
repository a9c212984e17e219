/**
 * One service in the starter catalogue: what most English GP practices use, offered on first run
 * so a manager ticks what the practice has instead of typing it all in.
 *
 * Every value is a default the practice confirms: local arrangements (who funds it, which supplier,
 * what data it holds) vary by ICB and practice. No phone numbers, addresses or links are shipped:
 * support contacts are local and change, so the practice fills them in from its own contracts.
 */
import type { Category, Criticality, DataType, Provision } from '../entry';

/** Where the starting facts were checked; shown beside the item so the practice can judge them. */
export const GP_IT_OPERATING_MODEL_APPENDIX_H =
  'NHS England, GP IT Operating Model (Securing Excellence in Primary Care (GP) Digital Services), Appendix H: provision categories';

export interface CatalogueItem {
  /** Stable id (kebab-case); never shown, never changes once shipped. */
  readonly key: string;
  readonly title: string;
  readonly category: Category;
  /** The supplier as found; "Various" where practices choose among several. */
  readonly supplier: string;
  readonly typicalProvision: Provision;
  /** Suggested data processed; empty when it depends too much on local use to suggest. */
  readonly dataTypes: readonly DataType[];
  /**
   * True when the service supports direct patient care, so DCB0160 clinical risk management by the
   * deploying practice applies (NHS England's applicability guidance); false for back-office tools.
   */
  readonly clinicalSafetyApplies: boolean;
  readonly criticality: Criticality;
  readonly purpose: string;
  /** Where the facts above come from, in words a practice manager can follow up. */
  readonly source: string;
  /** Something the practice should check before relying on the item (supplier changes, variation). */
  readonly caution?: string;
}

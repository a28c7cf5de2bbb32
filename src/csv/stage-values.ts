// Other systems' lifecycle and lead-status values read as precrm stages (README: "Stages from other systems").
// A stage column's value is first a precrm stage, else looked up here; `--map-value` overrides both.
import { normaliseHeader } from './headers.js';
import type { Stage } from '../domain/types.js';

/** [value as the other system writes it, stage, where it comes from]; matched ignoring case, spaces and punctuation. */
export const FOREIGN_STAGE_VALUES: readonly (readonly [string, Stage, string])[] = [
  ['subscriber', 'aware', 'HubSpot lifecycle stage'],
  ['lead', 'aware', 'HubSpot lifecycle stage'],
  ['marketing qualified lead', 'interested', 'HubSpot lifecycle stage'],
  ['MQL', 'interested', 'HubSpot lifecycle stage'],
  ['sales qualified lead', 'engaged', 'HubSpot lifecycle stage'],
  ['SQL', 'engaged', 'HubSpot lifecycle stage'],
  ['opportunity', 'intent', 'HubSpot lifecycle stage'],
  ['evangelist', 'advocate', 'HubSpot lifecycle stage'],
  ['other', 'interested', 'HubSpot lifecycle stage'],
  ['new', 'aware', 'HubSpot lead status'],
  ['open', 'aware', 'HubSpot lead status'],
  ['attempted to contact', 'aware', 'HubSpot lead status'],
  ['connected', 'interested', 'HubSpot lead status'],
  ['bad timing', 'interested', 'HubSpot lead status'],
  ['in progress', 'engaged', 'HubSpot lead status'],
  ['open deal', 'intent', 'HubSpot lead status'],
  ['unqualified', 'lost', 'HubSpot lead status'],
  ['open - not contacted', 'aware', 'Salesforce lead status'],
  ['working - contacted', 'interested', 'Salesforce lead status'],
  ['closed - converted', 'customer', 'Salesforce lead status'],
  ['closed - not converted', 'lost', 'Salesforce lead status'],
  ['not contacted', 'aware', 'Zoho lead status'],
  ['contact in future', 'interested', 'Zoho lead status'],
  ['contacted', 'interested', 'Zoho lead status'],
  ['pre-qualified', 'engaged', 'Zoho lead status'],
  ['not qualified', 'lost', 'Zoho lead status'],
  ['junk lead', 'lost', 'Zoho lead status'],
  ['lost lead', 'lost', 'Zoho lead status'],
  ['subscribed', 'aware', 'Mailchimp status'],
  ['closed won', 'customer', 'deal stages'],
  ['won', 'customer', 'deal stages'],
  ['closed lost', 'lost', 'deal stages'],
];

const TABLE = new Map(FOREIGN_STAGE_VALUES.map(([value, stage]) => [normaliseHeader(value), stage]));

/** The precrm stage another system's value stands for, or undefined. */
export const foreignStage = (value: string): Stage | undefined => TABLE.get(normaliseHeader(value));

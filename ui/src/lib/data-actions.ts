// Purpose: what the data-actions editor needs to know of each kind and credential type — the core's own tables
// (data_actions/kinds.rs), read from the generated contract — plus helpers on the plan (new items, problems, saved
// secrets).
import {
  CREDENTIAL_FIELDS as CORE_CREDENTIAL_FIELDS,
  DATA_ACTION_KINDS,
  GENESYS_AWS_ACCOUNT,
  KIND_CREDENTIAL_TYPES as CORE_KIND_CREDENTIAL_TYPES,
} from './api';
import type { DataActionPlanProblem, DataActionsPlanView, ItemOutcome, Kind, PlannedIntegration, ReportedState } from './api';

/** The seven kinds, in the core's order (`Kind::ALL`). */
export const KINDS: readonly Kind[] = DATA_ACTION_KINDS;

/** The Genesys Cloud AWS account an AWS Lambda role must trust (documented by Genesys). */
export { GENESYS_AWS_ACCOUNT };

export interface CredentialField {
  /** The name Genesys uses in `credentialFields` (and the plan's `fields` / `secrets` key). */
  readonly name: string;
  readonly required: boolean;
  /** Kept in the keychain, never in the plan. */
  readonly secret: boolean;
  /** The validation rule's name (`validate.rs`), for the input's kind and hints. */
  readonly rule: string;
}

/** Each credential type's fields (the user-defined ones take any name–value rows instead). */
export const CREDENTIAL_FIELDS: Readonly<Record<string, readonly CredentialField[]>> = CORE_CREDENTIAL_FIELDS;

/** The credential types each kind may use; the first is the default. */
export const KIND_CREDENTIAL_TYPES: Readonly<Record<Kind, readonly string[]>> = CORE_KIND_CREDENTIAL_TYPES;

export function credentialFields(credentialType: string): readonly CredentialField[] {
  return CREDENTIAL_FIELDS[credentialType] ?? [];
}

/** Web services' user-defined types: free name–value rows. */
export function takesAnyFields(credentialType: string): boolean {
  return credentialType === 'userDefined' || credentialType === 'userDefinedOAuth';
}

/** A new planned integration of `kind`, named "<kind name> <n>" with the first free n. */
export function newIntegration(kind: Kind, kindName: string, taken: string[]): PlannedIntegration {
  const used = new Set(taken.map((n) => n.trim().toLowerCase()));
  let n = 1;
  while (used.has(`${kindName} ${n}`.toLowerCase())) n++;
  return { name: `${kindName} ${n}`, kind, credentialType: KIND_CREDENTIAL_TYPES[kind][0], fields: {}, secrets: {}, notes: '' };
}

/** The item with its credential type changed: fields the new type does not take are dropped. */
export function withCredentialType(item: PlannedIntegration, credentialType: string): PlannedIntegration {
  if (takesAnyFields(credentialType) && takesAnyFields(item.credentialType)) return { ...item, credentialType };
  const names = new Set(credentialFields(credentialType).map((f) => f.name));
  const keep = <T>(map: Record<string, T>) => Object.fromEntries(Object.entries(map).filter(([k]) => names.has(k)));
  return { ...item, credentialType, fields: keep(item.fields), secrets: keep(item.secrets) };
}

/** The plan's problems for item `index`, by field. */
export function problemsOf(problems: DataActionPlanProblem[], index: number): Record<string, DataActionPlanProblem['error']> {
  const out: Record<string, DataActionPlanProblem['error']> = {};
  for (const p of problems) if (p.index === index && !(p.field in out)) out[p.field] = p.error;
  return out;
}

/** Whether the keychain holds the secret `field` of the planned integration `name`. */
export function secretSaved(view: DataActionsPlanView, name: string, field: string): boolean {
  return view.secretsSet.includes(`${name.trim()}/${field}`);
}

/**
 * Where a `validation` error of preview / apply points: `integrations.<index>.<field>` or `<name>/<field>`;
 * `null` when it names no item (an empty plan).
 */
export function locateProblem(field: string | undefined, items: PlannedIntegration[]): { index: number; field: string } | null {
  if (!field) return null;
  const dotted = /^integrations\.(\d+)\.(.+)$/.exec(field);
  if (dotted) return { index: Number(dotted[1]), field: dotted[2] };
  const slash = field.lastIndexOf('/');
  if (slash > 0) {
    const name = field.slice(0, slash).trim();
    const index = items.findIndex((i) => i.name.trim() === name);
    if (index >= 0) return { index, field: field.slice(slash + 1) };
  }
  return null;
}

/** What an apply did for one item, as keys of `dataActions.done.*` (empty: it was already done). */
export function outcomeActions(outcome: ItemOutcome): ('created' | 'credentialCreated' | 'configured' | 'enabled')[] {
  return (['created', 'credentialCreated', 'configured', 'enabled'] as const).filter((k) => outcome[k]);
}

/** The badge class for a reported state. */
export function stateTone(state: ReportedState | null): 'ok' | 'info' | 'warn' | 'neutral' {
  switch (state) {
    case 'ACTIVE':
      return 'ok';
    case 'ACTIVATING':
    case 'DEACTIVATING':
      return 'info';
    case 'ERROR':
      return 'warn';
    default:
      return 'neutral';
  }
}

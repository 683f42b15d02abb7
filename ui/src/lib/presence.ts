// Purpose: helpers of the presence flow's UI: the developer name suggested from a label, the diagram's translated
// words, the options the rule editor's drop-downs offer, and the texts of findings (presence.*), loop chains,
// simulation steps and outcomes, translated from the core's codes and params.
import type {
  DiagramLabels,
  Finding,
  PresenceCatalog,
  PresenceRule,
  PresenceSystem,
  SimulationOutcome,
  SimulationStep,
  SubscriberTarget,
} from './api';
import { formatNumber, t } from './i18n';
import { codeText } from './problems';
import { vendorName } from './connections';

/** The ACD state every tenant has (the others are its unavailable codes). */
export const AVAILABLE = 'Available';
/** The select value standing for Previous state in the Subscriber states table. */
export const PREVIOUS = '__previous__';

/** Latin letters NFD does not split into a base letter and an accent. */
const LIGATURES: Record<string, string> = { Œ: 'OE', œ: 'oe', Æ: 'AE', æ: 'ae', ß: 'ss', Ø: 'O', ø: 'o', Ł: 'L', ł: 'l' };

/**
 * Salesforce's developer name for a label: accents removed, spaces (and runs of them) as one underscore, every
 * other character dropped; no leading, trailing or doubled underscore (Salesforce refuses those), and an `X`
 * before a leading digit. Runs per keystroke, so it lives here too: the core's `suggest_developer_name` and this
 * function are tested against one table (crates/switchboard-core/tests/cases/developer_names.json).
 */
export function suggestDeveloperName(label: string): string {
  const name = label
    .replace(/[ŒœÆæßØøŁł]/g, (c) => LIGATURES[c] ?? c)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .replace(/\s+/g, '_')
    .replace(/[^A-Za-z0-9_]/g, '')
    .replace(/_+/g, '_')
    .replace(/^_+|_+$/g, '');
  return /^[0-9]/.test(name) ? `X${name}` : name;
}

/** The diagram's words in the UI language (sent with every command that draws it). */
export function diagramLabels(): DiagramLabels {
  return {
    title: t('presenceRule.diagram.title'),
    acdColumn: t('presenceRule.diagram.acdColumn'),
    salesforceColumn: t('presenceRule.diagram.salesforceColumn'),
    previousState: t('presenceRule.previousState'),
    legendStates: t('presenceRule.diagram.legendStates'),
    legendSubscriber: t('presenceRule.diagram.legendSubscriber'),
    legendLoop: t('presenceRule.diagram.legendLoop'),
    legendMissing: t('presenceRule.diagram.legendMissing'),
  };
}

export interface Option {
  value: string;
  label: string;
}

function unique(values: string[]): string[] {
  return [...new Set(values.map((v) => v.trim()).filter((v) => v !== ''))];
}

/** The ACD states offered: the catalog's ('Available' first); without a catalog, those the rule already uses. */
export function acdOptions(catalog: PresenceCatalog | null, rule: PresenceRule): Option[] {
  const names = catalog
    ? unique([AVAILABLE, ...catalog.acdStates])
    : unique([...rule.states.map((r) => r.acd), ...rule.subscriberStates.map((r) => targetState(r.acd) ?? '')]);
  return names.map((name) => ({ value: name, label: name }));
}

/** The Salesforce statuses offered: the catalog's (label and developer name); without one, those the rule uses. */
export function salesforceOptions(catalog: PresenceCatalog | null, rule: PresenceRule): Option[] {
  if (catalog) {
    const seen = new Set<string>();
    return catalog.salesforceStatuses
      .filter((s) => s.developerName.trim() !== '' && !seen.has(s.developerName) && seen.add(s.developerName))
      .map((s) => ({
        value: s.developerName,
        label: s.label && s.label !== s.developerName ? `${s.label} (${s.developerName})` : s.developerName,
      }));
  }
  const names = unique([...rule.states.map((r) => r.salesforce), ...rule.subscriberStates.map((r) => r.salesforce)]);
  return names.map((name) => ({ value: name, label: name }));
}

/** The ACD state a Subscriber row sends the agent to, or null for Previous state. */
export function targetState(target: SubscriberTarget): string | null {
  return target === 'previous' ? null : target.state;
}

/** The system's name as the admin knows it ("CXone", "Salesforce"). */
export function systemName(system: PresenceSystem): string {
  return vendorName(system === 'acd' ? 'cxone' : 'salesforce');
}

/** "States" / "Subscriber states" / "Rule". */
export function tableName(table: string): string {
  if (table === 'states') return t('presenceRule.statesHeading');
  if (table === 'subscriber_states') return t('presenceRule.subscriberHeading');
  return t('presenceRule.ruleTable');
}

/** Whether Salesforce status `status` is answered by a Previous state row (the first complete row for it). */
function sendsToPrevious(rule: PresenceRule, status: string): boolean {
  const row = rule.subscriberStates.find(
    (r) => r.salesforce.trim() === status.trim() && (r.acd === 'previous' || r.acd.state.trim() !== ''),
  );
  return row?.acd === 'previous';
}

/** A loop's chain as text: "Available → Available_for_Chat → Lunch (Previous state) → …". */
export function chainText(chain: unknown, rule: PresenceRule): string {
  if (!Array.isArray(chain)) return '';
  const steps = chain.filter(
    (s): s is { system: PresenceSystem; state: string } => typeof s === 'object' && s !== null && typeof s.state === 'string',
  );
  const parts = steps.map((step, i) => {
    const before = steps[i - 1];
    const previous = step.system === 'acd' && before?.system === 'salesforce' && sendsToPrevious(rule, before.state);
    return previous ? t('presenceRule.withPrevious', { state: step.state }) : step.state;
  });
  return parts.length > 0 ? `${parts.join(' → ')} → …` : '';
}

/** A finding's message in the UI language, from its code and params. */
export function findingText(finding: Finding, rule: PresenceRule): string {
  const params: Record<string, unknown> = { ...finding.params };
  if (finding.code === 'presence.never_kept' || finding.code === 'presence.override') {
    return t(finding.code, { ...params, chain: chainText(finding.params.chain, rule) });
  }
  if (finding.code === 'presence.loop') {
    const chain = chainText(finding.params.chain, rule);
    const main = t('presence.loop', { chain });
    const previous = finding.params.previous;
    if (finding.params.throughPrevious === true && typeof previous === 'string') {
      return `${main} ${t('presenceRule.loopThroughPrevious', { previous })}`;
    }
    return main;
  }
  if (typeof finding.params.firstRow === 'number') params.firstRow = finding.params.firstRow + 1;
  return codeText(finding.code, ['presence'], params);
}

/** Where a finding is: "States, row 2", "Subscriber states", "Rule". */
export function findingPlace(finding: Finding): string {
  const table = tableName(finding.table);
  return finding.row === null ? table : t('presenceRule.place', { table, row: formatNumber(finding.row + 1) });
}

/** One simulation step: "CXone: Lunch", "Salesforce shows: Lunch_Break", "CXone: Available (Previous state)". */
export function stepText(step: SimulationStep, index: number): string {
  const state = step.note === 'previous_state' ? t('presenceRule.withPrevious', { state: step.state }) : step.state;
  let text: string;
  if (step.system === 'acd') text = t('presenceRule.sim.acdStep', { state });
  else if (index === 0) text = t('presenceRule.sim.salesforceStart', { state });
  else text = t('presenceRule.sim.salesforceStep', { state });
  if (step.viaRow) {
    const [table, row] = step.viaRow;
    text += ` — ${t('presenceRule.sim.via', { place: t('presenceRule.place', { table: tableName(table), row: formatNumber(row + 1) }) })}`;
  }
  return text;
}

/** How the chain ends: settles / loops back to step N / stops: why / too long. */
export function outcomeText(outcome: SimulationOutcome): string {
  switch (outcome.kind) {
    case 'settles':
      return t('presenceRule.sim.settles');
    case 'loops':
      return t('presenceRule.sim.loops', { step: formatNumber(outcome.backTo + 1) });
    case 'stops':
      return t('presenceRule.sim.stops', { reason: codeText(outcome.reason, ['presenceRule.sim.reason']) });
    default:
      return t('presenceRule.sim.tooLong');
  }
}

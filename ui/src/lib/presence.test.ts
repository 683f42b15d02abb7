// Purpose: the presence helpers: developer names suggested from labels, loop chains and simulation steps as text.
import { describe, expect, it } from 'vitest';
import { chainText, findingText, outcomeText, stepText, suggestDeveloperName } from './presence';
import { loopFinding, presenceRuleDoc } from '../test/fixtures';
import { applyLocale } from './i18n';
import developerNames from '../../../crates/switchboard-core/tests/cases/developer_names.json';

describe('suggestDeveloperName', () => {
  it.each([
    ['Available for Chat', 'Available_for_Chat'],
    ['Pause déjeuner', 'Pause_dejeuner'],
    ['  Lunch -  Break! ', 'Lunch_Break'],
    ['Réunion (équipe) #2', 'Reunion_equipe_2'],
    ['昼休み', ''],
    ['', ''],
  ])('%s → %s', (label, expected) => {
    expect(suggestDeveloperName(label)).toBe(expected);
  });
});

describe('suggestDeveloperName and the core agree', () => {
  // The core's test reads the same table (crates/switchboard-core/tests/core/presence_flow.rs).
  it.each(developerNames.cases as [string, string][])('%j → %j', (label, expected) => {
    expect(suggestDeveloperName(label)).toBe(expected);
  });
});

describe('presence texts', () => {
  it('writes a loop chain with the Previous state step marked', () => {
    expect(chainText(loopFinding().params.chain, presenceRuleDoc())).toBe(
      'Lunch → Lunch_Break → Available (Previous state) → Available_for_Chat → …',
    );
  });

  it('tells a state never kept and an override from a loop, in French', () => {
    applyLocale('fr');
    const chain = loopFinding().params.chain;
    const neverKept = findingText(
      { ...loopFinding(), code: 'presence.never_kept', params: { chain, state: 'Lunch', end: 'Available', throughPrevious: false } },
      presenceRuleDoc(),
    );
    expect(neverKept).toContain('Les agents ne peuvent jamais rester sur « Lunch »');
    expect(neverKept).toContain('« Available »');
    const override = findingText(
      { ...loopFinding(), code: 'presence.override', params: { chain, state: 'Lunch', end: 'Available', previous: 'Available', throughPrevious: true } },
      presenceRuleDoc(),
    );
    expect(override).toContain('« Lunch » ne tient pas');
    expect(override).not.toContain('Boucle');
    applyLocale('en');
  });

  it('numbers rows from 1 in a duplicate finding', () => {
    const text = findingText(
      { code: 'presence.duplicate_source', severity: 'error', table: 'states', row: 3, params: { state: 'Lunch', firstRow: 1 } },
      presenceRuleDoc(),
    );
    expect(text).toBe('“Lunch” is already mapped in row 2: CXone uses that earlier row and ignores this one. Remove one of the two.');
  });

  it('names an unknown finding code rather than failing', () => {
    const text = findingText({ code: 'presence.future', severity: 'warning', table: 'rule', row: null, params: {} }, presenceRuleDoc());
    expect(text).toContain('presence.future');
  });

  it('says how a simulation ends, in Japanese too', () => {
    applyLocale('ja');
    expect(stepText({ system: 'salesforce', state: 'Lunch_Break', viaRow: ['states', 1], note: null }, 1)).toBe(
      'Salesforce の表示：Lunch_Break — 状態の 2 行目による',
    );
    expect(outcomeText({ kind: 'stops', reason: 'no_subscriber_row' })).toBe(
      '止まります：このステータスのサブスクライバー状態の行がないため、CXone は状態を変えません。',
    );
  });
});

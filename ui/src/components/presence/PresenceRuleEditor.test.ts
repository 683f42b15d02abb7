// Purpose: the presence rule editor: drop-downs limited to the live lists (a vanished state kept and flagged), rows
// added and removed by keyboard in both tables, a loop finding translated in EN/FR/JA that moves the focus to its row,
// the simulator, the exports and import, the missing connection, and the CXone checklist in order.
import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import PresenceRuleEditor from './PresenceRuleEditor.svelte';
import { fakeBackend, type Args, type Handler } from '../../test/backend';
import { SF_FLOW_ID, loopFinding, presenceRuleView } from '../../test/fixtures';
import type { Finding, PresenceRule, Simulation } from '../../lib/api';
import { TestId, TestIds } from '../../lib/testIds';
import { applyLocale } from '../../lib/i18n';

const teams = () => [{ id: 4021, name: 'Support FR', active: true, agentCount: 5 }];

async function renderEditor(handlers: Record<string, Handler> = {}) {
  const backend = fakeBackend({
    presence_rule: () => presenceRuleView(),
    save_presence_rule: (args: Args) => presenceRuleView({ rule: args.rule as PresenceRule }),
    cxone_teams: () => teams(),
    ...handlers,
  });
  const oncopy = vi.fn(async () => true);
  const onconnections = vi.fn();
  const user = userEvent.setup();
  render(PresenceRuleEditor, { profileId: 1, flowId: SF_FLOW_ID, oncopy, onconnections });
  await screen.findByTestId(TestId.stateTable);
  return { backend, oncopy, onconnections, user };
}

const savedRules = (backend: { argsOf: (cmd: string) => Args[] }) =>
  backend.argsOf('save_presence_rule').map((a) => a.rule as PresenceRule);

function optionLabels(select: HTMLElement): string[] {
  return within(select)
    .getAllByRole('option')
    .filter((o) => !(o as HTMLOptionElement).disabled)
    .map((o) => o.textContent ?? '');
}

const withLoop = () =>
  presenceRuleView({
    findings: [
      loopFinding(),
      { code: 'presence.acd_state_missing', severity: 'error', table: 'states', row: 2, params: { state: 'Training' } },
      { code: 'presence.acd_unmapped', severity: 'warning', table: 'states', row: null, params: { state: 'Meeting' } } as Finding,
    ],
  });

describe('PresenceRuleEditor', () => {
  it('loads the rule with the diagram words in the UI language, and says when the lists were read', async () => {
    applyLocale('fr');
    const { backend } = await renderEditor();
    const labels = backend.argsOf('presence_rule')[0].labels as Record<string, string>;
    expect(labels.previousState).toBe('État précédent');
    expect(labels.legendSubscriber).toBe("États d'abonné\u00a0: Salesforce → CXone");
    expect(screen.getByTestId(TestId.presenceRuleName)).toHaveValue('Support agents');
    expect(screen.getByTestId(TestId.presenceCatalogAt)).toHaveTextContent('Listes lues le');
    expect(screen.getByRole('heading', { name: 'États' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: "États d'abonné" })).toBeInTheDocument();
  });

  it('offers only the states of the live lists, and keeps a vanished one flagged', async () => {
    await renderEditor({ presence_rule: () => withLoop() });
    expect(optionLabels(screen.getByTestId(TestIds.stateAcd(0)))).toEqual(['Available', 'Lunch', 'Meeting']);
    expect(optionLabels(screen.getByTestId(TestIds.stateSalesforce(0)))).toEqual([
      'Available for Chat (Available_for_Chat)',
      'Lunch Break (Lunch_Break)',
      'Busy',
    ]);
    const vanished = screen.getByTestId(TestIds.stateAcd(2));
    expect(vanished).toHaveValue('Training');
    expect(vanished).toHaveAttribute('data-vanished', 'true');
    expect(optionLabels(vanished)).toEqual(['Training (no longer exists)', 'Available', 'Lunch', 'Meeting']);
    expect(vanished).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByTestId(TestIds.rowFindings('states', 2))).toHaveTextContent('“Training” no longer exists in CXone');
    expect(screen.getByTestId(TestIds.stateRow(2))).toHaveAttribute('data-invalid', 'true');
    expect(optionLabels(screen.getByTestId(TestIds.subscriberAcd(1)))).toEqual(['Available', 'Lunch', 'Meeting', 'Previous state']);
    expect(screen.getByTestId(TestIds.subscriberAcd(1))).toHaveValue('__previous__');
  });

  it('adds and removes States rows by keyboard, moving the focus sensibly', async () => {
    const { backend, user } = await renderEditor();
    screen.getByTestId(TestId.addStateRowButton).focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByTestId(TestIds.stateAcd(3))).toHaveFocus());
    expect(screen.getByTestId(TestIds.stateAcd(3))).toHaveValue('Meeting');
    await waitFor(() => expect(savedRules(backend).at(-1)?.states[3]).toEqual({ acd: 'Meeting', salesforce: '' }));

    await user.tab();
    await user.tab();
    const remove = screen.getByTestId(TestIds.stateRemove(3));
    expect(remove).toHaveFocus();
    expect(remove).toHaveAccessibleName('Remove States row 4: Meeting → —');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.queryByTestId(TestIds.stateRow(3))).not.toBeInTheDocument());
    expect(screen.getByTestId(TestIds.stateRemove(2))).toHaveFocus();
    await waitFor(() => expect(savedRules(backend).at(-1)?.states).toHaveLength(3));
  });

  it('adds and removes Subscriber states rows by keyboard, with Previous state', async () => {
    const { backend, user } = await renderEditor();
    screen.getByTestId(TestId.addSubscriberRowButton).focus();
    await user.keyboard('{Enter}');
    const first = screen.getByTestId(TestIds.subscriberSalesforce(2));
    await waitFor(() => expect(first).toHaveFocus());
    expect(first).toHaveValue('Busy');
    await user.selectOptions(screen.getByTestId(TestIds.subscriberAcd(2)), 'Previous state');
    await waitFor(() => expect(savedRules(backend).at(-1)?.subscriberStates[2]).toEqual({ salesforce: 'Busy', acd: 'previous' }));

    screen.getByTestId(TestIds.subscriberRemove(2)).focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.queryByTestId(TestIds.subscriberRow(2))).not.toBeInTheDocument());
    expect(screen.getByTestId(TestIds.subscriberRemove(1))).toHaveFocus();
    await user.keyboard('{Enter}');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByTestId(TestId.addSubscriberRowButton)).toHaveFocus());
    await waitFor(() => expect(savedRules(backend).at(-1)?.subscriberStates).toEqual([]));
  });

  it.each([
    ['en', 'Error', 'Flip-flop loop (Lunch → Lunch_Break → Available (Previous state) → Available_for_Chat → …)', 'Go to States, row 2'],
    ['fr', 'Erreur', 'Boucle de va-et-vient (Lunch → Lunch_Break → Available (État précédent) → Available_for_Chat → …)', 'Aller à : États, ligne 2'],
    ['ja', 'エラー', '切り替わりのループ（Lunch → Lunch_Break → Available（前の状態） → Available_for_Chat → …）', '状態の 2 行目へ移動'],
  ] as const)('shows a loop finding in %s, and its button focuses the row', async (locale, severity, text, button) => {
    applyLocale(locale);
    const { user } = await renderEditor({ presence_rule: () => withLoop() });
    const finding = screen.getByTestId(TestIds.finding(0));
    expect(finding).toHaveAttribute('data-severity', 'error');
    expect(finding).toHaveTextContent(severity);
    expect(finding).toHaveTextContent(text);
    expect(screen.getByTestId(TestIds.finding(2))).toHaveAttribute('data-severity', 'warning');
    expect(screen.getByTestId(TestIds.stateAcd(1))).toHaveAttribute('aria-invalid', 'true');
    const focus = screen.getByTestId(TestIds.findingFocus(0));
    expect(focus).toHaveTextContent(button);
    await user.click(focus);
    expect(screen.getByTestId(TestIds.stateAcd(1))).toHaveFocus();
  });

  it('simulates a change and lists the steps and the outcome', async () => {
    const simulation: Simulation = {
      steps: [
        { system: 'acd', state: 'Lunch', viaRow: null, note: null },
        { system: 'salesforce', state: 'Lunch_Break', viaRow: ['states', 1], note: null },
        { system: 'acd', state: 'Available', viaRow: ['subscriber_states', 1], note: 'previous_state' },
        { system: 'salesforce', state: 'Available_for_Chat', viaRow: ['states', 0], note: null },
      ],
      outcome: { kind: 'loops', backTo: 0 },
    };
    const { backend, user } = await renderEditor({ simulate_presence: () => simulation });
    await user.selectOptions(screen.getByTestId(TestId.simulatorState), 'Lunch');
    await user.selectOptions(screen.getByTestId(TestId.simulatorPrevious), 'Available');
    await user.click(screen.getByTestId(TestId.simulatorRun));
    const steps = await screen.findByTestId(TestId.simulatorSteps);
    expect(backend.argsOf('simulate_presence')).toEqual([
      { profileId: 1, flowId: SF_FLOW_ID, start: { system: 'acd', state: 'Lunch' }, previous: 'Available' },
    ]);
    expect(within(steps).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'CXone: Lunch',
      'Salesforce shows: Lunch_Break — by States, row 2',
      'CXone: Available (Previous state) — by Subscriber states, row 2',
      'Salesforce shows: Available_for_Chat — by States, row 1',
    ]);
    expect(screen.getByTestId(TestId.simulatorOutcome)).toHaveTextContent('Outcome: It loops back to step 1');

    await user.selectOptions(screen.getByTestId(TestId.simulatorSystem), 'salesforce');
    expect(screen.queryByTestId(TestId.simulatorPrevious)).not.toBeInTheDocument();
    expect(screen.getByTestId(TestId.simulatorState)).toHaveValue('Available_for_Chat');
  });

  it('shows the diagram as an image, exports it and shows where it was saved', async () => {
    const { backend, user } = await renderEditor({
      presence_rule: () => withLoop(),
      export_presence_diagram: () => ({ path: '/home/admin/Downloads/presence-rule.svg' }),
      reveal_file: () => null,
    });
    const image = screen.getByTestId(TestId.diagramImage);
    expect(image.tagName).toBe('IMG');
    expect(image.getAttribute('src')).toMatch(/^data:image\/svg\+xml;charset=utf-8,%3Csvg/);
    expect(image).toHaveAccessibleName(
      'Diagram of the rule. States rows: 3. Subscriber states rows: 2. Loops: 1. States that no longer exist: 1.',
    );
    expect(screen.getByTestId(TestId.presenceEditor).querySelector('svg title')).toBeNull();
    await user.click(screen.getByTestId(TestId.exportDiagramButton));
    expect(await screen.findByTestId(TestIds.savedPath('diagram'))).toHaveTextContent(
      'Saved to /home/admin/Downloads/presence-rule.svg',
    );
    expect(backend.argsOf('export_presence_diagram')[0]).toMatchObject({ profileId: 1, flowId: SF_FLOW_ID });
    await user.click(screen.getByTestId(TestIds.revealButton('diagram')));
    expect(backend.argsOf('reveal_file')).toEqual([{ path: '/home/admin/Downloads/presence-rule.svg' }]);
  });

  it('exports the rule as JSON and shows the path', async () => {
    const { user } = await renderEditor({ export_presence_rule: () => ({ path: 'C:\\Users\\admin\\Downloads\\rule.json' }) });
    await user.click(screen.getByTestId(TestId.exportRuleButton));
    expect(await screen.findByTestId(TestIds.savedPath('rule'))).toHaveTextContent('C:\\Users\\admin\\Downloads\\rule.json');
  });

  it('imports a rule file, and explains a refused one in the UI language', async () => {
    applyLocale('fr');
    let refuse = true;
    const { backend, user } = await renderEditor({
      import_presence_rule: () => {
        if (refuse) {
          throw { code: 'validation', message: 'not json', field: 'file', detail: { code: 'rule_file.not_json', params: { line: 3, column: 7 } } };
        }
        return {
          ...presenceRuleView({ rule: { ...presenceRuleView().rule, name: 'Imported rule' } }),
          unmatchedTargets: ['Équipe Lyon'],
          ignoredKeys: ['rule.nmae'],
        };
      },
    });
    const input = screen.getByTestId(TestId.importRuleInput);
    await user.upload(input, new File(['{oops'], 'rule.json', { type: 'application/json' }));
    const error = await screen.findByTestId(TestId.importRuleError);
    expect(error).toHaveTextContent("Ce fichier n'est pas du JSON (ligne 3, colonne 7).");
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(backend.argsOf('import_presence_rule')[0]).toMatchObject({ json: '{oops' });

    refuse = false;
    await user.upload(input, new File(['{}'], 'rule.json', { type: 'application/json' }));
    await waitFor(() => expect(screen.getByTestId(TestId.presenceRuleName)).toHaveValue('Imported rule'));
    expect(screen.queryByTestId(TestId.importRuleError)).not.toBeInTheDocument();
    expect(screen.getByTestId(TestId.importRuleStatus)).toHaveTextContent('La règle a été importée.');
    // A team of the other customer with no namesake here is named, to be picked again.
    expect(screen.getByTestId(TestId.importRuleStatus)).toHaveTextContent('Équipe Lyon');
    // A key the format does not have is named, not dropped silently.
    expect(screen.getByTestId(TestId.importRuleStatus)).toHaveTextContent(
      "Ces entrées du fichier ne font pas partie d'un fichier de règle et ont été ignorées : rule.nmae.",
    );
  });

  it('says how to add the missing Salesforce connection when refreshing the lists', async () => {
    const { onconnections, user } = await renderEditor({
      refresh_presence_lists: () => {
        throw { code: 'connection_missing', message: 'no salesforce', field: 'salesforce' };
      },
    });
    await user.click(screen.getByTestId(TestId.presenceRefreshButton));
    const hint = await screen.findByTestId(TestId.connectionHint);
    expect(hint).toHaveTextContent('This profile has no Salesforce connection yet.');
    await user.click(within(hint).getByTestId(TestId.openConnectionsButton));
    expect(onconnections).toHaveBeenCalled();
  });

  it('refreshes the lists and offers the new states', async () => {
    const refreshed = presenceRuleView({
      catalog: { ...presenceRuleView().catalog!, acdStates: ['Available', 'Lunch', 'Meeting', 'Training'] },
      catalogAt: '2026-11-24T11:00:00Z',
    });
    const { user } = await renderEditor({ refresh_presence_lists: () => refreshed });
    await user.click(screen.getByTestId(TestId.presenceRefreshButton));
    await waitFor(() => expect(screen.getByTestId(TestIds.stateAcd(2))).not.toHaveAttribute('data-vanished'));
    expect(optionLabels(screen.getByTestId(TestIds.stateAcd(2)))).toEqual(['Available', 'Lunch', 'Meeting', 'Training']);
  });

  it('saves the teams chosen in the rule', async () => {
    const { backend, user } = await renderEditor();
    const team = await screen.findByTestId(TestIds.teamOption(4021));
    expect(team).toBeChecked();
    await user.click(team);
    await waitFor(() => expect(savedRules(backend).at(-1)?.teams).toEqual([]));
  });

  it('lists the CXone checklist in CXone order, with copy buttons for the name and the states', async () => {
    const { oncopy, user } = await renderEditor();
    const list = screen.getByTestId(TestId.presenceChecklist);
    const items = [...list.querySelectorAll(':scope > ol > li')].map((li) => li.getAttribute('data-testid'));
    expect(items).toEqual(
      ['open', 'get-users', 'create-rule', 'name', 'states', 'subscriber', 'confirm', 'teams', 'users', 'save'].map((n) =>
        TestIds.presenceChecklistItem(n),
      ),
    );
    expect(within(list).getByTestId(TestIds.copyValue('presence-rule-name'))).toHaveTextContent('Support agents');
    const states = within(list).getByTestId(TestIds.presenceChecklistItem('states'));
    expect([...states.querySelectorAll('.pair')].map((p) => p.textContent)).toEqual([
      'Available → Available_for_Chat',
      'Lunch → Lunch_Break',
      'Training → Busy',
    ]);
    const subscriber = within(list).getByTestId(TestIds.presenceChecklistItem('subscriber'));
    expect([...subscriber.querySelectorAll('.pair')].map((p) => p.textContent)).toEqual([
      'Available_for_Chat → Available',
      'Lunch_Break → Previous state',
    ]);
    expect(subscriber).toHaveTextContent('Row 2: ACD state: choose “Previous state”.');
    expect(within(list).getByTestId(TestIds.presenceChecklistItem('teams'))).toHaveTextContent('On the Teams tab, add: Support FR.');
    expect(within(list).getByTestId(TestIds.presenceChecklistItem('users'))).toHaveTextContent('add no user');
    await user.click(within(list).getByTestId(TestIds.copyButton('presence-state-sf-1')));
    expect(oncopy).toHaveBeenCalledWith(expect.objectContaining({ value: 'Lunch_Break' }));
  });
});

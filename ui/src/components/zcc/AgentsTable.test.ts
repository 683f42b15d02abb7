// Purpose: the agents' table: ✓ / ✗ in words for the three places, the users left out with the reason, the agents
// chosen by ticks (saved as the flow's field, never typed), "Fix all ✗" — or "Undo" on the removal step — with each row's outcome (a refused write named with its reason and the way by hand), the flow reloaded so the
// steps turn Done, another plan's unfinished run resumed only by the admin's choice, and a missing connection named.
import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import AgentsTable from './AgentsTable.svelte';
import { fakeBackend, type Handler } from '../../test/backend';
import { flowView, ipcError, zccChoices } from '../../test/fixtures';
import type { AgentRow, AgentsApplied, AgentsView, ZccChoices } from '../../lib/api';
import { TestId, TestIds } from '../../lib/testIds';
import { applyLocale } from '../../lib/i18n';

const FLOW = 'zoom-contact-center-salesforce';

function row(email: string, change: Partial<AgentRow> = {}): AgentRow {
  return {
    email,
    name: email.split('@')[0],
    salesforceUserId: `005${email.length}`,
    zoomUserId: `z-${email.length}`,
    permissionSet: { state: 'set' },
    callCenter: { state: 'set' },
    clientIntegration: { state: 'set' },
    assignmentIds: [],
    chosen: true,
    ...change,
  };
}

/** Aiko lacks her permission set; Bruno is in another call center (the org refuses to move him). */
function before(): AgentsView {
  return {
    table: {
      rows: [
        row('aiko@example.com', { permissionSet: { state: 'missing' } }),
        row('bruno@example.com', { callCenter: { state: 'elsewhere', what: 'Legacy CTI' } }),
      ],
      unmatched: [
        { email: 'chloe@example.com', name: 'Chloé', side: 'salesforce', reason: 'notInZoomContactCenter' },
      ],
    },
    plan: {
      direction: 'enable',
      actions: [
        { kind: 'assignPermissionSet', email: 'aiko@example.com', user_id: '0051', permission_set_id: '0PS1' },
        { kind: 'setCallCenter', email: 'bruno@example.com', user_id: '0052', call_center_id: '04v1' },
      ],
    },
    problems: [],
  };
}

/** The table as the core reads it for `target.only`: every row kept, the chosen ones ticked and alone planned. */
function readFor(args: { target?: { only?: string[] | null } }): AgentsView {
  const view = before();
  const only = args.target?.only;
  if (only) {
    view.table.rows = view.table.rows.map((r) => ({ ...r, chosen: only.includes(r.email) }));
    view.plan.actions = view.plan.actions.filter((a) => only.includes(a.email));
  }
  return view;
}

function applied(): AgentsApplied {
  const after = before();
  after.table.rows[0] = row('aiko@example.com');
  after.plan.actions = after.plan.actions.slice(1);
  return {
    runId: 7,
    outcomes: [
      { index: 0, email: 'aiko@example.com', place: 'permissionSet', outcome: 'done' },
      {
        index: 1,
        email: 'bruno@example.com',
        place: 'callCenter',
        outcome: 'refused',
        error_code: 'INVALID_FIELD_FOR_INSERT_UPDATE',
        message: 'CallCenterId is not updatable for this user',
      },
    ],
    failure: null,
    after,
  };
}

const choices = (): ZccChoices => zccChoices({ agentEmails: ['aiko@example.com', 'bruno@example.com'] });

async function renderTable(handlers: Record<string, Handler> = {}, stepId = 'sf-assign-permission-sets') {
  const backend = fakeBackend({
    zcc_choices: choices,
    zcc_agents: (args) => readFor(args as { target?: { only?: string[] | null } }),
    zcc_agents_apply: applied,
    open_flow: () => flowView(),
    ...handlers,
  });
  const onflow = vi.fn();
  const onconnections = vi.fn();
  const direction = stepId === 'zcc-remove-agents' ? 'remove' : 'enable';
  render(AgentsTable, { profileId: 1, flowId: FLOW, stepId, direction, onflow, onconnections });
  return { backend, onflow, onconnections, user: userEvent.setup() };
}

describe('AgentsTable', () => {
  it('reads the agents the flow lists and shows each place in words, the left-out users with the reason', async () => {
    applyLocale('en');
    const { backend, onflow } = await renderTable();
    const missing = await screen.findByTestId(TestIds.zccAgentPlace(0, 'permissionSet'));
    expect(missing).toHaveTextContent('✗ Missing');
    expect(screen.getByTestId(TestIds.zccAgentPlace(0, 'callCenter'))).toHaveTextContent('✓ Set');
    expect(screen.getByTestId(TestIds.zccAgentPlace(1, 'callCenter'))).toHaveTextContent('✗ Elsewhere: Legacy CTI');
    expect(screen.getByTestId(TestIds.zccAgentUnmatched(0))).toHaveTextContent(
      'no Zoom Contact Center user has this e-mail.',
    );
    expect(backend.argsOf('zcc_agents')[0]).toEqual({
      profileId: 1,
      target: {
        callCenter: 'zoomcontactcenter',
        connectionName: 'Salesforce',
        role: 'agent',
        only: ['aiko@example.com', 'bruno@example.com'],
      },
      direction: 'enable',
    });
    await waitFor(() => expect(onflow).toHaveBeenCalledOnce());
    expect(screen.getByTestId(TestId.zccAgentsFixAll)).toHaveTextContent('Fix all ✗ (2 changes)');
  });

  it('fixes every ✗ and keeps the way by hand for the row the org refused', async () => {
    applyLocale('en');
    const { backend, onflow, user } = await renderTable();
    await user.click(await screen.findByTestId(TestId.zccAgentsFixAll));
    await waitFor(() => expect(screen.getByTestId(TestId.zccAgentsResult)).toHaveAttribute('data-state', 'done'));
    expect(backend.argsOf('zcc_agents_apply')[0].unfinished).toBeNull();
    expect(screen.getByTestId(TestIds.zccAgentPlace(0, 'permissionSet'))).toHaveTextContent('✓ Set');
    expect(screen.getByTestId(TestIds.zccAgentOutcome(0))).toHaveTextContent('Permission set: fixed.');
    const refused = screen.getByTestId(TestIds.zccAgentOutcome(1));
    expect(refused).toHaveAttribute('data-outcome', 'refused');
    expect(refused).toHaveTextContent(
      'Call center: refused by the org — CallCenterId is not updatable for this user (INVALID_FIELD_FOR_INSERT_UPDATE).',
    );
    expect(refused).toHaveTextContent('Do this one by hand with the numbered instructions of its step.');
    expect(screen.getByTestId(TestIds.zccAgentPlace(1, 'callCenter'))).toHaveTextContent('✗');
    expect(onflow).toHaveBeenCalledTimes(2);
  });

  it('shows the refused row in Japanese', async () => {
    applyLocale('ja');
    const { user } = await renderTable({}, 'sf-add-call-center-users');
    expect(await screen.findByText('この手順は「コールセンター」列に対応します。すべてのエージェントが ✓ になると完了です。同じ表をエージェントの 3 つの手順に表示します。')).toBeVisible();
    await user.click(await screen.findByTestId(TestId.zccAgentsFixAll));
    const refused = await screen.findByTestId(TestIds.zccAgentOutcome(1));
    expect(refused).toHaveTextContent(
      'コールセンター：組織に拒否されました — CallCenterId is not updatable for this user（INVALID_FIELD_FOR_INSERT_UPDATE）。',
    );
  });

  it('names the left-out users and the places in French', async () => {
    applyLocale('fr');
    await renderTable();
    expect(await screen.findByTestId(TestIds.zccAgentPlace(0, 'permissionSet'))).toHaveTextContent('✗ Manquant');
    expect(screen.getByTestId(TestIds.zccAgentUnmatched(0))).toHaveTextContent(
      "aucun utilisateur Zoom Contact Center n'a cette adresse e-mail.",
    );
  });

  it("resumes another plan's unfinished run only when the admin says so", async () => {
    applyLocale('en');
    let calls = 0;
    const { backend, user } = await renderTable({
      zcc_agents_apply: () => {
        calls += 1;
        if (calls === 1) throw ipcError('apply_plan_changed', 'another plan is unfinished');
        return applied();
      },
    });
    await user.click(await screen.findByTestId(TestId.zccAgentsFixAll));
    const choice = await screen.findByTestId(TestId.zccAgentsOtherPlan);
    await user.click(within(choice).getByTestId(TestId.zccAgentsDiscardEarlier));
    await waitFor(() => expect(backend.argsOf('zcc_agents_apply')).toHaveLength(2));
    expect(backend.argsOf('zcc_agents_apply')[1].unfinished).toBe('discard');
    await waitFor(() => expect(screen.queryByTestId(TestId.zccAgentsOtherPlan)).toBeNull());
  });

  it('names a missing Zoom connection with the way to Connections', async () => {
    applyLocale('en');
    const { onconnections, user } = await renderTable({
      zcc_agents: () => {
        throw ipcError('connection_missing', 'no zoom connection', 'zoom');
      },
    });
    const hint = await screen.findByTestId(TestId.connectionHint);
    expect(hint).toHaveAttribute('data-vendor', 'zoom');
    await user.click(screen.getByTestId(TestId.openConnectionsButton));
    expect(onconnections).toHaveBeenCalledOnce();
    expect(screen.getByTestId(TestId.zccAgentsFixAll)).toBeDisabled();
  });

  it('chooses the agents by ticking them: the choice is saved as the flow field and the plan read again for it', async () => {
    applyLocale('en');
    const { backend, user } = await renderTable({
      zcc_choices: () => zccChoices(),
      set_field: () => flowView(),
    });
    const bruno = await screen.findByTestId(TestIds.zccAgentChoose(1));
    expect(bruno).toBeChecked();
    expect(bruno).toHaveAccessibleName('Enable bruno');
    await user.click(bruno);
    await waitFor(() => expect(backend.argsOf('set_field')).toHaveLength(1));
    expect(backend.argsOf('set_field')[0]).toMatchObject({
      flowId: FLOW,
      stepId: 'sf-assign-permission-sets',
      fieldId: 'zcc-agent-emails',
      value: 'aiko@example.com',
    });
    await waitFor(() => expect(backend.argsOf('zcc_agents')).toHaveLength(2));
    expect((backend.argsOf('zcc_agents')[1].target as { only: string[] }).only).toEqual(['aiko@example.com']);
    await waitFor(() => expect(screen.getByTestId(TestId.zccAgentsFixAll)).toHaveTextContent('Fix all ✗ (1 change)'));
    // Ticked again, everyone is chosen: saved as no list at all.
    await user.click(await screen.findByTestId(TestIds.zccAgentChoose(1)));
    await waitFor(() => expect(backend.argsOf('set_field')).toHaveLength(2));
    expect(backend.argsOf('set_field')[1].value).toBe('');
  });

  it('unticking every agent plans nothing and says why, without saving an empty choice', async () => {
    applyLocale('en');
    const { backend, user } = await renderTable({ set_field: () => flowView() });
    await user.click(await screen.findByTestId(TestIds.zccAgentChoose(0)));
    await waitFor(() => expect(backend.argsOf('set_field')).toHaveLength(1));
    await waitFor(() => expect(screen.getByTestId(TestIds.zccAgentChoose(1))).toBeEnabled());
    await user.click(screen.getByTestId(TestIds.zccAgentChoose(1)));
    expect(await screen.findByTestId(TestId.zccAgentsNoneChosen)).toHaveTextContent('No agent is ticked');
    expect(screen.getByTestId(TestId.zccAgentsFixAll)).toBeDisabled();
    expect(backend.argsOf('set_field')).toHaveLength(1);
  });

  it('on the removal step, reads and applies the plan in reverse', async () => {
    applyLocale('fr');
    const { backend, user } = await renderTable({}, 'zcc-remove-agents');
    const undo = await screen.findByTestId(TestId.zccAgentsFixAll);
    await waitFor(() => expect(undo).toHaveTextContent('Annuler pour les agents choisis (2 modifications)'));
    expect(backend.argsOf('zcc_agents')[0].direction).toBe('remove');
    expect(screen.getByTestId(TestIds.zccAgentChoose(0))).toHaveAccessibleName('Annuler la configuration de aiko');
    await user.click(undo);
    await waitFor(() => expect(backend.argsOf('zcc_agents_apply')).toHaveLength(1));
    expect(backend.argsOf('zcc_agents_apply')[0].direction).toBe('remove');
  });
});

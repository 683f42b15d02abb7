// Purpose: the presence flow's live steps in the flow view: the planned statuses with "Check now" (saved first), the
// missing statuses explained with where to create them, and the presence rule editor on its step.
import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import FlowView from './FlowView.svelte';
import { fakeBackend, type Args, type Handler } from '../test/backend';
import { SF_FLOW_ID, plannedStatuses, presenceRuleView, sfPresenceFlow, statusesMissing, withStep } from '../test/fixtures';
import { TestId, TestIds } from '../lib/testIds';
import { applyLocale } from '../lib/i18n';

async function renderFlow(handlers: Record<string, Handler> = {}) {
  const backend = fakeBackend({
    open_flow: () => sfPresenceFlow(),
    planned_statuses: () => plannedStatuses(),
    save_planned_statuses: (args: Args) => args.statuses,
    ...handlers,
  });
  const user = userEvent.setup();
  render(FlowView, { profile: { id: 1, name: 'Acme Corp' }, flowId: SF_FLOW_ID, onback: vi.fn(), onconnections: vi.fn() });
  await screen.findByTestId(TestId.plannedTable);
  return { backend, user };
}

describe('FlowView presence steps', () => {
  it('checks the planned statuses live, after saving the last edit, and lists the missing ones', async () => {
    const checked = withStep(sfPresenceFlow(), 'sf-presence-statuses', { status: 'needs_attention', lastCheck: statusesMissing() });
    const { backend, user } = await renderFlow({ verify_step: () => checked });
    expect(screen.queryByTestId(TestId.markDoneButton)).not.toBeInTheDocument();
    expect(screen.getByTestId(TestId.liveCheck)).toHaveTextContent('looks for each planned status by its developer name');

    await user.type(screen.getByTestId(TestIds.plannedField(1, 'developerName')), '2');
    await user.click(screen.getByTestId(TestId.checkNowButton));
    await waitFor(() => expect(backend.argsOf('verify_step')).toHaveLength(1));
    const order = backend.calls.map((c) => c.cmd).filter((c) => c === 'save_planned_statuses' || c === 'verify_step');
    expect(order).toEqual(['save_planned_statuses', 'verify_step']);
    expect(backend.argsOf('save_planned_statuses')[0].statuses).toEqual([
      plannedStatuses()[0],
      { ...plannedStatuses()[1], developerName: 'Lunch_Break2' },
    ]);

    const check = await screen.findByTestId(TestIds.diagnosisCheck('salesforce', 'statuses'));
    expect(check).toHaveTextContent('Presence statuses planned');
    expect(check).toHaveTextContent('Salesforce does not have these planned statuses yet: Lunch_Break and Meeting.');
    expect(check).toHaveTextContent('Setup › Presence Statuses');
  });

  it('explains the missing statuses in Japanese', async () => {
    applyLocale('ja');
    await renderFlow({
      open_flow: () => withStep(sfPresenceFlow(), 'sf-presence-statuses', { lastCheck: statusesMissing() }),
    });
    expect(screen.getByTestId(TestIds.diagnosisCheck('salesforce', 'statuses'))).toHaveTextContent(
      '予定したステータスのうち、次のものがまだ Salesforce にありません：Lunch_Break、Meeting。',
    );
  });

  it('offers the practice button on the practice tenant only', async () => {
    await renderFlow({ open_flow: () => sfPresenceFlow({ practice: true }) });
    expect(screen.getByTestId(TestId.practiceCreateStatusesButton)).toBeInTheDocument();
  });

  it('shows the presence rule editor on its step', async () => {
    const { user } = await renderFlow({ presence_rule: () => presenceRuleView(), cxone_teams: () => [] });
    await user.click(screen.getByTestId(TestIds.stepItem('cxone-presence-rule')));
    expect(await screen.findByTestId(TestId.presenceEditor)).toBeInTheDocument();
    expect(screen.getByTestId(TestId.presenceRuleName)).toHaveValue('Support agents');
  });
});

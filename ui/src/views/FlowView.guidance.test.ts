// Purpose: how the flow view leads: the choice asked first, "when needed" steps apart and uncounted, instructions
// before ranked and folded warnings, one primary button, the move on after a passed check (and "Stay"), a flow
// marked not needed, and the summary of a finished flow with its link to the hand-over report.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import FlowView from './FlowView.svelte';
import type { FlowView as FlowViewData } from '../lib/api';
import { fakeBackend, type Handler } from '../test/backend';
import { DS_FLOW_ID, directorySyncFlow, field, step } from '../test/fixtures';
import { TestId, TestIds } from '../lib/testIds';

const profile = { id: 1, name: 'Acme Corp' };

const purpose = field({
  id: 'sync-purpose',
  label: 'What are you setting up?',
  kind: 'choice',
  required: true,
  options: [
    { value: 'directory', label: 'Directory Sync' },
    { value: 'presence', label: 'Presence Sync' },
  ],
});

/** A flow that asks its purpose first: two counted steps, one kept for later. */
function guided(partial: Partial<FlowViewData> = {}): FlowViewData {
  return {
    ...directorySyncFlow(),
    currentStepId: 'choose',
    choices: [{ stepId: 'choose', field: purpose }],
    done: 0,
    total: 2,
    steps: [
      step({
        id: 'choose',
        title: 'Choose what to synchronise',
        instructions: ['Pick one below.'],
        warnings: [
          { text: 'Only one Presence Sync platform per tenant.', level: 'trap' },
          { text: 'Two apps if you choose both.', level: 'note' },
          { text: 'Keep both tabs open.', level: 'note' },
        ],
        fields: [purpose],
      }),
      step({ id: 'create-app', title: 'Create the Zoom app', instructions: ['Open the Marketplace.'] }),
      step({ id: 'remove', title: 'Remove the integration (when needed)', whenNeeded: true, instructions: ['Click Remove.'] }),
    ],
    ...partial,
  };
}

async function renderFlow(view: FlowViewData, handlers: Record<string, Handler> = {}, onopenstep = vi.fn(), fakeTimers = false) {
  const backend = fakeBackend({ open_flow: () => view, review: () => ({ objects: [] }), ...handlers });
  const user = fakeTimers ? userEvent.setup({ advanceTimers: vi.advanceTimersByTime }) : userEvent.setup();
  render(FlowView, { profile, flowId: DS_FLOW_ID, onback: vi.fn(), onopenstep });
  await screen.findByTestId(TestId.stepHeading);
  return { backend, user, onopenstep };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('FlowView guidance', () => {
  it('asks the choice first, saves the pick on its step, then says what was chosen', async () => {
    const chosen = guided({ choices: [{ stepId: 'choose', field: { ...purpose, value: 'presence' } }] });
    const { backend, user } = await renderFlow(guided(), { set_field: () => chosen });
    const card = screen.getByTestId(TestId.choiceCard);
    expect(within(card).getByRole('group', { name: 'What are you setting up?' })).toBeInTheDocument();

    await user.click(within(card).getByRole('radio', { name: 'Presence Sync' }));
    await waitFor(() => expect(screen.queryByTestId(TestId.choiceCard)).not.toBeInTheDocument());
    expect(backend.argsOf('set_field')).toEqual([
      { profileId: 1, flowId: DS_FLOW_ID, stepId: 'choose', fieldId: 'sync-purpose', value: 'presence', locale: 'en' },
    ]);
    expect(screen.getByTestId(TestId.choiceSummary)).toHaveTextContent('What are you setting up?: Presence Sync');
  });

  it('lists "when needed" steps apart, unnumbered, and counts only the others', async () => {
    await renderFlow(guided());
    expect(screen.getByTestId(TestId.flowProgress)).toHaveTextContent('0 steps done out of 2');
    const later = screen.getByTestId(TestId.laterSteps);
    expect(within(later).getAllByRole('button').map((b) => b.dataset.stepId)).toEqual(['remove']);
    const numbered = screen.getByTestId(TestIds.stepItem('create-app'));
    expect(numbered).toHaveTextContent('2');
    expect(screen.getByText('Step 1 of 2')).toBeInTheDocument();
  });

  it('shows the instructions first, then the warnings traps first, folding all but the first', async () => {
    const { user } = await renderFlow(guided());
    const instructions = screen.getByTestId(TestId.stepInstructions);
    const warnings = screen.getAllByTestId(TestId.stepWarning);
    expect(warnings).toHaveLength(1);
    expect(instructions.compareDocumentPosition(warnings[0]) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(warnings[0]).toHaveTextContent('Trap Only one Presence Sync platform per tenant.');

    const more = screen.getByTestId(TestId.moreWarningsButton);
    expect(more).toHaveTextContent('Show 2 more warnings');
    expect(more).toHaveAttribute('aria-expanded', 'false');
    await user.click(more);
    expect(screen.getAllByTestId(TestId.stepWarning).map((w) => w.dataset.level)).toEqual(['trap', 'note', 'note']);
    expect(more).toHaveAttribute('aria-expanded', 'true');
  });

  it('offers one primary button per step: Mark as done, then Next step once done', async () => {
    const view = guided();
    const done = guided({ done: 1, steps: view.steps.map((s) => (s.id === 'choose' ? { ...s, status: 'done' as const } : s)) });
    const { user } = await renderFlow(view, { set_step_status: () => done });
    const article = () => screen.getByRole('article');
    const primaries = () => article().querySelectorAll('button.primary');
    expect(primaries()).toHaveLength(1);
    expect(primaries()[0]).toHaveTextContent('Mark as done');

    await user.click(screen.getByTestId(TestIds.stepItem('create-app')));
    await user.click(screen.getByTestId(TestIds.stepItem('choose')));
    await user.click(screen.getByTestId(TestId.markDoneButton));
    await waitFor(() => expect(screen.getByTestId(TestId.stepHeading)).toHaveTextContent('Create the Zoom app'));
    await user.click(screen.getByTestId(TestIds.stepItem('choose')));
    expect(primaries()).toHaveLength(1);
    expect(primaries()[0]).toBe(screen.getByTestId(TestId.nextStepButton));
  });

  it('moves on by itself a few seconds after a passed check, announced, unless the admin stays', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const checkStep = step({ id: 'scopes', title: 'Add the scopes', kind: 'verified', live: 'zoom-scopes', instructions: ['Add them.'] });
    const next = step({ id: 'map', title: 'Map the account', instructions: ['Map it.'] });
    const before = guided({ choices: [], currentStepId: 'scopes', steps: [checkStep, next] });
    const passed = guided({
      choices: [],
      currentStepId: 'map',
      done: 1,
      steps: [
        { ...checkStep, status: 'done', lastCheck: { vendor: 'zoom', ok: true, checkedAt: '2026-12-03T10:00:00Z', checks: [] } },
        next,
      ],
    });
    const { user } = await renderFlow(before, { verify_step: () => passed }, vi.fn(), true);

    await user.click(screen.getByTestId(TestId.checkNowButton));
    const stay = await screen.findByTestId(TestId.stayOnStepButton);
    await waitFor(() => expect(stay).toHaveFocus());
    expect(within(screen.getByTestId(TestId.advanceNotice)).getByRole('status')).toHaveTextContent(
      'Check passed. Moving to the next step, “Map the account”, in 5 s.',
    );
    await user.click(stay);
    await vi.advanceTimersByTimeAsync(6000);
    expect(screen.getByTestId(TestId.stepHeading)).toHaveTextContent('Add the scopes');

    await user.click(screen.getByTestId(TestId.checkNowButton));
    await screen.findByTestId(TestId.advanceNotice);
    await vi.advanceTimersByTimeAsync(5500);
    await waitFor(() => expect(screen.getByTestId(TestId.stepHeading)).toHaveTextContent('Map the account'));
    expect(screen.getByText('Moved to the next step: Map the account.')).toBeInTheDocument();
  });

  it('marks a flow not needed for this customer, and back', async () => {
    const marked = guided({ notNeeded: true });
    const { backend, user } = await renderFlow(guided(), { set_flow_not_needed: (args) => (args.notNeeded ? marked : guided()) });
    await user.click(screen.getByTestId(TestId.notNeededButton));
    expect(await screen.findByTestId(TestId.notNeededNotice)).toHaveTextContent('left out of the customer');
    await user.click(screen.getByTestId(TestId.neededAgainButton));
    await waitFor(() => expect(screen.queryByTestId(TestId.notNeededNotice)).not.toBeInTheDocument());
    expect(backend.argsOf('set_flow_not_needed').map((a) => a.notNeeded)).toEqual([true, false]);
  });

  it('says a finished flow is set up, with what was entered and a link to the hand-over report', async () => {
    const view = guided({
      choices: [{ stepId: 'choose', field: { ...purpose, value: 'presence' } }],
      finished: true,
      done: 2,
      steps: guided().steps.map((s) =>
        s.id === 'choose' ? { ...s, status: 'done' as const, fields: [{ ...purpose, value: 'presence' }] } : { ...s, status: 'done' as const },
      ),
    });
    const { user, onopenstep } = await renderFlow(view);
    const summary = screen.getByTestId(TestId.flowFinished);
    expect(within(summary).getByRole('heading', { level: 2 })).toHaveTextContent(`${view.title}: set up`);
    expect(within(summary).getByText('What are you setting up?').nextElementSibling).toHaveTextContent('Presence Sync');
    await user.click(screen.getByTestId(TestId.handoverLink));
    expect(onopenstep).toHaveBeenCalledWith('review-report', 'handover');
  });
});

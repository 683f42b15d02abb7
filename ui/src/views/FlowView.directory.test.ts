// Purpose: the Directory Sync flow's vendor steps in the flow view: "Check now" on a verified step (busy state,
// missing-scope explanation), "Fill from the practice tenant", the CXone agent picker; and (on the Zoom flow) moving
// to a step that stops waiting.
import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import FlowView from './FlowView.svelte';
import { fakeBackend, type Handler } from '../test/backend';
import {
  DS_FLOW_ID,
  FLOW_ID,
  cxoneAgents,
  directorySyncFlow,
  flowView,
  withField,
  withStatus,
  withStep,
  zoomMissingScopes,
} from '../test/fixtures';
import { TestId, TestIds } from '../lib/testIds';
import { applyLocale } from '../lib/i18n';

const profile = { id: 1, name: 'Acme Corp' };

async function renderFlow(handlers: Record<string, Handler> = {}, flowId = DS_FLOW_ID) {
  const backend = fakeBackend({ open_flow: () => directorySyncFlow(), ...handlers });
  const onconnections = vi.fn();
  const user = userEvent.setup();
  render(FlowView, { profile, flowId, onback: vi.fn(), onconnections });
  await screen.findByTestId(TestId.stepHeading);
  return { backend, onconnections, user };
}

function delay(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

describe('FlowView live steps', () => {
  it('offers "Check now" instead of "Mark as done" on a step checked live, and explains missing scopes', async () => {
    const checked = withStep(directorySyncFlow(), 'zoom-app-scopes', {
      status: 'needs_attention',
      lastCheck: zoomMissingScopes(),
    });
    const { backend, user } = await renderFlow({
      verify_step: async () => {
        await delay(40);
        return checked;
      },
    });
    expect(screen.queryByTestId(TestId.markDoneButton)).not.toBeInTheDocument();
    expect(screen.queryByTestId(TestId.scopeDelayNote)).not.toBeInTheDocument();
    const button = screen.getByTestId(TestId.checkNowButton);
    expect(button).toHaveTextContent('Check now');

    await user.click(button);
    await waitFor(() => expect(screen.getByTestId(TestId.checkNowButton)).toBeDisabled());
    expect(screen.getByTestId(TestId.checkNowButton)).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByTestId(TestId.liveCheck)).toHaveAttribute('aria-busy', 'true');

    const note = await screen.findByTestId(TestId.scopeDelayNote);
    expect(note).toHaveTextContent('Zoom can take a few minutes to apply newly added scopes');
    expect(note).toHaveTextContent('400, code 4711');
    expect(note).toHaveTextContent('Zoom App Marketplace › your app › Scopes › Add Scopes');
    expect(screen.getByTestId(TestIds.diagnosisCheck('zoom', 'scopes'))).toHaveTextContent(
      'Zoom did not grant: user:read:admin and report:read:admin.',
    );
    expect(screen.getByTestId(TestId.checkNowButton)).toBeEnabled();
    expect(screen.getByTestId(TestId.liveCheck)).toHaveAttribute('aria-busy', 'false');
    expect(backend.argsOf('verify_step')).toEqual([
      { profileId: 1, flowId: DS_FLOW_ID, stepId: 'zoom-app-scopes', locale: 'en' },
    ]);
    expect(backend.argsOf('set_step_status')).toEqual([]);
  });

  it('explains missing scopes in Japanese too', async () => {
    applyLocale('ja');
    await renderFlow({
      open_flow: () => withStep(directorySyncFlow(), 'zoom-app-scopes', { lastCheck: zoomMissingScopes() }),
    });
    expect(screen.getByTestId(TestId.checkNowButton)).toHaveTextContent('今すぐ確認');
    expect(screen.getByTestId(TestId.scopeDelayNote)).toHaveTextContent('数分かかることがあります');
  });

  it('shows what a vendor failure of the check means', async () => {
    const { user } = await renderFlow({
      verify_step: () => {
        throw { code: 'vendor', message: 'token: 401', failure: { code: 'zoom.invalid_client', params: {} } };
      },
    });
    await user.click(screen.getByTestId(TestId.checkNowButton));
    const alert = await screen.findByTestId(TestId.liveError);
    expect(alert).toHaveTextContent('Zoom does not recognise this Client ID and Client Secret.');
  });

  it('fills a practice step from the practice tenant', async () => {
    const practice = withStep(directorySyncFlow(), 'zoom-app-scopes', { practiceFill: true });
    const { backend, user } = await renderFlow({
      open_flow: () => practice,
      fill_practice_values: () => withField(practice, 'zoom-app-scopes', 'zoom-account-id', { value: 'PracticeAcct01' }),
    });
    await user.click(screen.getByTestId(TestId.fillPracticeButton));
    await waitFor(() => expect(screen.getByTestId(TestIds.field('zoom-account-id'))).toHaveValue('PracticeAcct01'));
    expect(backend.argsOf('fill_practice_values')).toEqual([
      { profileId: 1, flowId: DS_FLOW_ID, stepId: 'zoom-app-scopes', locale: 'en' },
    ]);
  });

  it('has no practice fill button outside the practice tenant', async () => {
    await renderFlow();
    expect(screen.queryByTestId(TestId.fillPracticeButton)).not.toBeInTheDocument();
  });

  it('sets a field from the CXone agent picker, by mouse and by keyboard', async () => {
    const { backend, user } = await renderFlow({
      cxone_agents: () => cxoneAgents(),
      set_field: (args) => withField(directorySyncFlow(), 'cxone-map-account', 'cxone-access-key-user', { value: String(args.value) }),
    });
    await user.click(screen.getByTestId(TestIds.stepItem('cxone-map-account')));
    await user.type(screen.getByTestId(TestIds.agentSearch('cxone-access-key-user')), 'a{Enter}');
    const list = await screen.findByRole('listbox', { name: 'CXone users for “Access key user”' });
    expect(backend.argsOf('cxone_agents')).toEqual([{ profileId: 1, search: 'a' }]);
    const options = within(list).getAllByRole('option');
    expect(options).toHaveLength(2);
    expect(options[0]).toHaveTextContent('akiko.sato@acme.example');
    expect(options[0]).toHaveTextContent('Akiko Sato');
    expect(options[0]).toHaveTextContent('Tokyo');
    expect(options[1]).toHaveTextContent('no team');

    await user.click(options[0]);
    await waitFor(() => expect(backend.argsOf('set_field')).toHaveLength(1));
    expect(backend.argsOf('set_field')[0]).toMatchObject({
      stepId: 'cxone-map-account',
      fieldId: 'cxone-access-key-user',
      value: 'akiko.sato@acme.example',
    });
    await waitFor(() => expect(screen.getByTestId(TestIds.field('cxone-access-key-user'))).toHaveValue('akiko.sato@acme.example'));

    list.focus();
    await user.keyboard('{ArrowDown}{Enter}');
    await waitFor(() => expect(backend.argsOf('set_field')).toHaveLength(2));
    expect(backend.argsOf('set_field')[1]).toMatchObject({ value: 'jean.martin@acme.example' });
    await waitFor(() =>
      expect(screen.getByTestId(TestIds.agentOption('cxone-access-key-user', 'jean.martin@acme.example'))).toHaveAttribute(
        'aria-selected',
        'true',
      ),
    );
  });

  it('sends a null search when the agent search box is empty', async () => {
    const { backend, user } = await renderFlow({ cxone_agents: () => [] });
    await user.click(screen.getByTestId(TestIds.stepItem('cxone-map-account')));
    await user.click(screen.getByTestId(TestIds.agentFind('cxone-access-key-user')));
    await waitFor(() => expect(backend.argsOf('cxone_agents')).toEqual([{ profileId: 1, search: null }]));
    expect(await screen.findByText('No user matches this search.', { selector: 'p.muted' })).toBeInTheDocument();
  });

  it('says how to add a CXone connection when the agent picker has none, and opens Connections', async () => {
    const { onconnections, user } = await renderFlow({
      cxone_agents: () => {
        throw { code: 'connection_missing', message: 'no cxone connection', field: 'cxone' };
      },
    });
    await user.click(screen.getByTestId(TestIds.stepItem('cxone-map-account')));
    await user.click(screen.getByTestId(TestIds.agentFind('cxone-access-key-user')));
    const hint = await screen.findByTestId(TestId.connectionHint);
    expect(hint).toHaveTextContent('This profile has no NICE CXone connection yet.');
    await user.click(within(hint).getByTestId(TestId.openConnectionsButton));
    expect(onconnections).toHaveBeenCalled();
  });

  it('moves to a step that stops waiting, and says so politely', async () => {
    const done = withStep(withStatus(flowView(), 'map-account', 'done'), 'validate-endpoint', { pending: [] });
    const { user } = await renderFlow(
      { open_flow: () => flowView(), set_step_status: () => done },
      FLOW_ID,
    );
    await user.click(screen.getByTestId(TestIds.stepItem('map-account')));
    await user.click(screen.getByTestId(TestId.markDoneButton));
    await waitFor(() => expect(screen.getByTestId(TestId.stepHeading)).toHaveTextContent('Validate the endpoint URL in Zoom'));
    const note = screen.getByTestId(TestId.stepUnblocked);
    expect(note).toHaveAttribute('aria-live', 'polite');
    expect(note).toHaveTextContent('“Validate the endpoint URL in Zoom” is ready: it was waiting for Map the Zoom account in CXone.');
    expect(screen.queryByTestId(TestId.stepPending)).not.toBeInTheDocument();
  });

  it('stays on the step when nothing stopped waiting', async () => {
    const { user } = await renderFlow({ open_flow: () => flowView(), set_step_status: (args) => withStatus(flowView(), String(args.stepId), 'needs_attention') }, FLOW_ID);
    await user.click(screen.getByTestId(TestId.needsAttentionButton));
    await screen.findByTestId(TestId.clearAttentionButton);
    expect(screen.getByTestId(TestId.stepHeading)).toHaveTextContent('Create the Zoom app');
    expect(screen.getByTestId(TestId.stepUnblocked)).toHaveTextContent('');
  });
});

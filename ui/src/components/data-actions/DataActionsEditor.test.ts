// Purpose: the data-actions editor: kinds with their availability, inline plan problems, secrets only to the
// keychain, the Google key import, preview problems, apply (success, failure and resume, the plan-changed choice),
// and managing the org's integrations (rotate, deactivate, delete after confirmation).
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import DataActionsEditor from './DataActionsEditor.svelte';
import { fakeBackend, type Args, type Handler } from '../../test/backend';
import {
  DA_FLOW_ID,
  dataActionsApplied,
  dataActionsOrg,
  dataActionsPlanView,
  dataActionsPreview,
  itemOutcome,
  managedIntegration,
  plannedIntegration,
} from '../../test/fixtures';
import type { DataActionsPlan, DataActionsPlanView } from '../../lib/api';
import { TestId, TestIds } from '../../lib/testIds';
import { applyLocale } from '../../lib/i18n';

async function renderEditor(handlers: Record<string, Handler> = {}, plan: DataActionsPlanView = dataActionsPlanView()) {
  const backend = fakeBackend({
    data_actions_org: () => dataActionsOrg(),
    data_actions_plan: () => plan,
    save_data_actions_plan: (args: Args) => ({ plan: args.plan, problems: [], secretsSet: plan.secretsSet }),
    data_action_integrations: () => [],
    ...handlers,
  });
  const onflow = vi.fn();
  const onconnections = vi.fn();
  const oncopy = vi.fn(async () => true);
  const user = userEvent.setup();
  const { unmount } = render(DataActionsEditor, { profileId: 1, flowId: DA_FLOW_ID, onflow, oncopy, onconnections });
  await screen.findByTestId(TestId.daKinds);
  return { backend, onflow, onconnections, user, unmount };
}

const savedPlans = (backend: { argsOf: (cmd: string) => Args[] }) =>
  backend.argsOf('save_data_actions_plan').map((a) => a.plan as DataActionsPlan);

describe('DataActionsEditor', () => {
  it('offers the seven kinds with how many the org uses, and an unavailable one with why', async () => {
    await renderEditor();
    const web = await screen.findByTestId(TestIds.daKind('web-services'));
    await waitFor(() => expect(web).toHaveTextContent('5 of 50 used'));
    expect(web).toHaveTextContent('Web services');
    const google = screen.getByTestId(TestIds.daKind('google'));
    expect(google).toHaveAttribute('data-available', 'false');
    expect(google).toHaveTextContent('Not offered by this org');
    expect(screen.getByTestId(TestIds.daAdd('google'))).toBeDisabled();
    expect(screen.getAllByRole('listitem').filter((li) => li.dataset.testid?.startsWith('da-kind-'))).toHaveLength(7);
  });

  it('adds an integration of a kind with a unique name and its default credential type', async () => {
    const { backend, user } = await renderEditor();
    await user.click(await screen.findByTestId(TestIds.daAdd('aws-lambda')));
    await waitFor(() => expect(savedPlans(backend)).toHaveLength(1));
    expect(savedPlans(backend)[0].integrations[1]).toMatchObject({ name: 'AWS Lambda 1', kind: 'aws-lambda', credentialType: 'amazonWebServicesARN' });
    const card = screen.getByTestId(TestIds.daItem(1));
    expect(within(card).getByTestId(TestIds.copyValue('external-id-1'))).toHaveTextContent('5f1c7a52-2d3e-4b1c-9a8e-0c6f3b2a1d90');
    expect(within(card).getByTestId(TestIds.copyValue('aws-account-1'))).toHaveTextContent('765628985471');
  });

  it('says how to add the Genesys Cloud connection when there is none', async () => {
    const { onconnections, user } = await renderEditor({
      data_actions_org: () => {
        throw { code: 'connection_missing', message: 'no genesys', field: 'genesys' };
      },
    });
    const notice = await screen.findByTestId(TestId.dataActionsNoConnection);
    expect(notice).toHaveTextContent('Switchboard needs the Genesys Cloud connection');
    await user.click(within(notice).getByTestId(TestId.openConnectionsButton));
    expect(onconnections).toHaveBeenCalled();
    expect(screen.queryByTestId(TestId.daManaged)).not.toBeInTheDocument();
  });

  it('shows a plan problem at its field, labelled for screen readers, and saves what is typed', async () => {
    const plan = dataActionsPlanView({
      plan: { integrations: [plannedIntegration({ fields: {} })] },
      problems: [{ index: 0, field: 'userName', error: { code: 'required', params: {} } }],
    });
    const { backend, user } = await renderEditor({}, plan);
    const error = await screen.findByTestId(TestIds.daFieldError(0, 'userName'));
    expect(error).toHaveTextContent('This field is required.');
    const input = screen.getByLabelText('User name');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input.getAttribute('aria-describedby')).toContain(error.id);
    await user.type(input, 'svc');
    await waitFor(() => expect(savedPlans(backend).at(-1)?.integrations[0].fields).toEqual({ userName: 'svc' }));
    await waitFor(() => expect(screen.queryByTestId(TestIds.daFieldError(0, 'userName'))).not.toBeInTheDocument());
  });

  it('sends a secret to the keychain and never into the plan', async () => {
    const plan = dataActionsPlanView({ plan: { integrations: [plannedIntegration({ secrets: {} })] }, secretsSet: [] });
    const { backend, user } = await renderEditor(
      {
        set_data_action_secret: (args: Args) => ({
          plan: { integrations: [plannedIntegration()] },
          problems: [],
          secretsSet: args.value ? ['CRM lookup/password'] : [],
        }),
      },
      plan,
    );
    expect(await screen.findByTestId(TestIds.daSecretState(0, 'password'))).toHaveTextContent('Not saved yet');
    await user.type(screen.getByTestId(TestIds.daField(0, 'password')), 's3cret-Pa55{Enter}');
    await waitFor(() => expect(backend.argsOf('set_data_action_secret')).toHaveLength(1));
    expect(backend.argsOf('set_data_action_secret')[0]).toMatchObject({
      profileId: 1,
      flowId: DA_FLOW_ID,
      name: 'CRM lookup',
      field: 'password',
      value: 's3cret-Pa55',
    });
    expect(await screen.findByTestId(TestIds.daSecretState(0, 'password'))).toHaveTextContent('Saved in the system keychain');
    const plans = savedPlans(backend);
    expect(plans.at(-1)?.integrations[0].secrets).toEqual({ password: { from: 'keychain' } });
    expect(JSON.stringify(plans)).not.toContain('s3cret-Pa55');
    // The plan was saved before the secret (the core finds the item by name in the saved plan).
    const order = backend.calls.map((c) => c.cmd).filter((c) => c === 'save_data_actions_plan' || c === 'set_data_action_secret');
    expect(order).toEqual(['save_data_actions_plan', 'set_data_action_secret']);

    await user.click(screen.getByTestId(TestIds.daSecretClear(0, 'password')));
    await waitFor(() => expect(backend.argsOf('set_data_action_secret')).toHaveLength(2));
    expect(backend.argsOf('set_data_action_secret')[1]).toMatchObject({ field: 'password', value: null });
  });

  it('takes free name–value rows for a user-defined credential, a secret one to the keychain', async () => {
    const { backend, user } = await renderEditor({
      set_data_action_secret: () => dataActionsPlanView({ secretsSet: ['CRM lookup/apiKey'] }),
    });
    await user.selectOptions(await screen.findByTestId(TestIds.daCredentialType(0)), 'userDefined');
    await waitFor(() => expect(savedPlans(backend).at(-1)).toMatchObject({ integrations: [{ credentialType: 'userDefined', fields: {}, secrets: {} }] }));
    await user.click(screen.getByTestId(TestIds.daRowAdd(0)));
    await user.type(screen.getByTestId(TestIds.daRowField(0, 0, 'name')), 'tenant');
    await user.type(screen.getByTestId(TestIds.daRowField(0, 0, 'value')), 'acme');
    await user.click(screen.getByTestId(TestIds.daRowAdd(0)));
    await user.type(screen.getByTestId(TestIds.daRowField(0, 1, 'name')), 'apiKey');
    await user.click(screen.getByTestId(TestIds.daRowField(0, 1, 'secret')));
    await user.type(screen.getByTestId(TestIds.daRowField(0, 1, 'value')), 'k-123{Enter}');
    await waitFor(() => expect(backend.argsOf('set_data_action_secret')).toHaveLength(1));
    expect(backend.argsOf('set_data_action_secret')[0]).toMatchObject({ name: 'CRM lookup', field: 'apiKey', value: 'k-123' });
    expect(savedPlans(backend).at(-1)?.integrations[0]).toMatchObject({ fields: { tenant: 'acme' }, secrets: { apiKey: { from: 'keychain' } } });
    expect(JSON.stringify(savedPlans(backend))).not.toContain('k-123');
    expect(screen.getByRole('button', { name: 'Remove field apiKey' })).toBeInTheDocument();
  });

  it('imports a Google key file: its fields filled, its private key to the keychain', async () => {
    const google = plannedIntegration({ name: 'Sheets', kind: 'google', credentialType: 'googleCloudPlatform', fields: {}, secrets: {} });
    const filled = plannedIntegration({
      ...google,
      fields: { clientEmail: 'bot@acme.iam.gserviceaccount.com', clientId: '1234567890', privateKeyId: 'abc123' },
      secrets: { privateKey: { from: 'keychain' } },
    });
    const { backend, user } = await renderEditor(
      { import_google_key: () => ({ plan: { integrations: [filled] }, problems: [], secretsSet: ['Sheets/privateKey'] }) },
      dataActionsPlanView({ plan: { integrations: [google] }, secretsSet: [] }),
    );
    const keyJson = JSON.stringify({ type: 'service_account', client_email: 'bot@acme.iam.gserviceaccount.com', private_key: 'PEM' });
    await user.upload(await screen.findByTestId(TestIds.daImportKey(0)), new File([keyJson], 'key.json', { type: 'application/json' }));
    await waitFor(() => expect(backend.argsOf('import_google_key')).toHaveLength(1));
    expect(backend.argsOf('import_google_key')[0]).toMatchObject({ name: 'Sheets', keyJson });
    expect(await screen.findByTestId(TestIds.daImportStatus(0))).toHaveTextContent('Key file imported.');
    expect(screen.getByTestId(TestIds.daField(0, 'clientEmail'))).toHaveValue('bot@acme.iam.gserviceaccount.com');
    expect(screen.getByTestId(TestIds.daSecretState(0, 'privateKey'))).toHaveTextContent('Saved in the system keychain');
  });

  it('reviews the plan and explains an instance limit; Apply waits until it is fixed', async () => {
    const { user } = await renderEditor({
      preview_data_actions: () =>
        dataActionsPreview({
          ready: false,
          items: [
            {
              name: 'CRM lookup',
              kind: 'web-services',
              typeId: 'custom-rest-actions',
              step: 'create',
              problems: [{ code: 'genesys.instance_limit', params: { type: 'custom-rest-actions', max: 50, existing: 50 } }],
            },
          ],
        }),
    });
    await user.click(screen.getByTestId(TestId.daReviewButton));
    const item = await screen.findByTestId(TestIds.daPreviewItem(0));
    expect(item).toHaveTextContent('Will be created');
    expect(item).toHaveTextContent('as many integrations of this type (custom-rest-actions) as Genesys Cloud allows (50)');
    expect(screen.getByTestId(TestId.daApplyButton)).toBeDisabled();
  });

  it('names each missing permission and where to add it before anything is created; Apply waits', async () => {
    const missing = {
      blocking: true,
      failure: {
        code: 'genesys.preflight_missing_permissions' as const,
        params: { permissions: 'integrations:integration:add, integrations:integration:edit', client: 'Switchboard', roles: 'Data actions' },
      },
    };
    for (const [locale, expected] of [
      ['en', /the OAuth client “Switchboard” lacks integrations:integration:add, integrations:integration:edit\. .*Admin › Roles \/ Permissions, edit the client's role \(Data actions\)/],
      ['fr', /le client OAuth « Switchboard » n'a pas integrations:integration:add, integrations:integration:edit\. .*Admin › Rôles \/ Autorisations, modifiez le rôle du client \(Data actions\)/],
      ['ja', /OAuth クライアント「Switchboard」には integrations:integration:add, integrations:integration:edit の権限がありません。.*ロール（Data actions）/],
    ] as const) {
      applyLocale(locale);
      const { user, unmount } = await renderEditor({ preview_data_actions: () => dataActionsPreview({ ready: false, preflight: [missing] }) });
      await user.click(screen.getByTestId(TestId.daReviewButton));
      const finding = await screen.findByTestId(TestIds.daPreflight(0));
      expect(finding).toHaveAttribute('data-blocking', 'true');
      expect(finding).toHaveTextContent(expected);
      expect(screen.getByTestId(TestId.daApplyButton)).toBeDisabled();
      unmount();
    }
  });

  it('says when the permissions could not be checked, without blocking the apply', async () => {
    const { user } = await renderEditor({
      preview_data_actions: () =>
        dataActionsPreview({ preflight: [{ blocking: false, failure: { code: 'genesys.permissions_unchecked', params: { reason: 'genesys.missing_permissions' } } }] }),
    });
    await user.click(screen.getByTestId(TestId.daReviewButton));
    const finding = await screen.findByTestId(TestIds.daPreflight(0));
    expect(finding).toHaveAttribute('data-blocking', 'false');
    expect(finding).toHaveTextContent("could not read the OAuth client's roles");
    expect(screen.getByTestId(TestId.daApplyButton)).toBeEnabled();
  });

  it('shows a secret missing at apply time at its item', async () => {
    const { user } = await renderEditor({
      preview_data_actions: () => dataActionsPreview(),
      apply_data_actions: () => {
        throw { code: 'validation', message: 'CRM lookup/password is invalid', field: 'CRM lookup/password', detail: { code: 'required', params: {} } };
      },
    });
    await user.click(screen.getByTestId(TestId.daReviewButton));
    await user.click(await screen.findByTestId(TestId.daApplyButton));
    expect(await screen.findByTestId(TestIds.daFieldError(0, 'password'))).toHaveTextContent('This field is required.');
  });

  it('applies: each integration with what was done and Active', async () => {
    const { backend, onflow, user } = await renderEditor({
      preview_data_actions: () => dataActionsPreview(),
      apply_data_actions: () => dataActionsApplied(),
    });
    await user.click(screen.getByTestId(TestId.daReviewButton));
    await user.click(await screen.findByTestId(TestId.daApplyButton));
    const outcome = await screen.findByTestId(TestIds.daOutcome(0));
    expect(outcome).toHaveTextContent('CRM lookup');
    expect(outcome).toHaveTextContent('created, credential created, configured, and enabled');
    expect(outcome).toHaveTextContent('Active ✓');
    expect(screen.getByTestId(TestId.daApplyResult)).toHaveAttribute('data-state', 'done');
    expect(onflow).toHaveBeenCalled();
    expect(backend.argsOf('apply_data_actions')[0]).toMatchObject({ profileId: 1, flowId: DA_FLOW_ID, locale: 'en', unfinished: null });
    // The org's list is read again after the apply.
    await waitFor(() => expect(backend.argsOf('data_action_integrations').length).toBeGreaterThanOrEqual(2));
  });

  it('shows a failed apply translated, then resumes it', async () => {
    let applies = 0;
    const { backend, user } = await renderEditor({
      preview_data_actions: () => dataActionsPreview(),
      apply_data_actions: () =>
        ++applies === 1
          ? dataActionsApplied({
              outcomes: [itemOutcome({ enabled: true, state: 'ACTIVATING' })],
              failure: { code: 'genesys.not_active', params: { name: 'CRM lookup', state: 'ACTIVATING' } },
            })
          : dataActionsApplied({ outcomes: [itemOutcome({ created: false, credentialCreated: false, configured: false, enabled: false })] }),
    });
    await user.click(screen.getByTestId(TestId.daReviewButton));
    await user.click(await screen.findByTestId(TestId.daApplyButton));
    const result = screen.getByTestId(TestId.daApplyResult);
    await waitFor(() => expect(result).toHaveAttribute('data-state', 'failed'));
    expect(result).toHaveTextContent('Genesys Cloud did not report “CRM lookup” active in time (last state: ACTIVATING)');
    expect(result).toHaveTextContent('Activating');
    await user.click(screen.getByTestId(TestId.daResumeButton));
    await waitFor(() => expect(result).toHaveAttribute('data-state', 'done'));
    expect(backend.argsOf('apply_data_actions')[1]).toMatchObject({ unfinished: 'resume' });
    expect(screen.getByTestId(TestIds.daOutcome(0))).toHaveTextContent('nothing to do');
  });

  it('lets the admin finish or discard an earlier apply of another plan', async () => {
    const { backend, user } = await renderEditor({
      preview_data_actions: () => dataActionsPreview(),
      apply_data_actions: (args: Args) => {
        if (args.unfinished === null) throw { code: 'apply_plan_changed', message: 'run 2 stopped with another plan' };
        return dataActionsApplied();
      },
    });
    await user.click(screen.getByTestId(TestId.daReviewButton));
    await user.click(await screen.findByTestId(TestId.daApplyButton));
    const notice = await screen.findByTestId(TestId.daOtherPlan);
    expect(notice).toHaveTextContent('An earlier apply stopped with a different plan.');
    await user.click(within(notice).getByTestId(TestId.daDiscardEarlier));
    await waitFor(() => expect(backend.argsOf('apply_data_actions')).toHaveLength(2));
    expect(backend.argsOf('apply_data_actions')[1]).toMatchObject({ unfinished: 'discard' });
    expect(screen.queryByTestId(TestId.daOtherPlan)).not.toBeInTheDocument();
  });

  it('says another apply is running', async () => {
    const { user } = await renderEditor({
      preview_data_actions: () => dataActionsPreview(),
      apply_data_actions: () => {
        throw { code: 'apply_running', message: 'running since …' };
      },
    });
    await user.click(screen.getByTestId(TestId.daReviewButton));
    await user.click(await screen.findByTestId(TestId.daApplyButton));
    expect(await screen.findByText(/This plan is being applied right now/)).toBeInTheDocument();
  });

  it('manages the org’s integrations: rotate, deactivate, delete after confirmation', async () => {
    let list = [managedIntegration(), managedIntegration({ id: 'int-2', name: 'Orders Lambda', kind: 'aws-lambda', typeId: 'aws-lambda-data-actions' })];
    const { backend, user } = await renderEditor({
      data_action_integrations: () => list,
      rotate_data_action_credential: () => null,
      set_data_action_enabled: (args: Args) => {
        list = list.map((i) => (i.id === args.integrationId ? { ...i, enabled: args.enabled as boolean, reported: 'INACTIVE' as const } : i));
        return list.find((i) => i.id === args.integrationId);
      },
      delete_data_action: (args: Args) => {
        list = list.filter((i) => i.id !== args.integrationId);
        return null;
      },
    });
    const row = await screen.findByTestId(TestIds.daManagedRow('int-2'));
    expect(within(row).getByTestId(TestIds.daManagedState('int-2'))).toHaveTextContent('Active ✓');
    // Only an integration planned under the same name can be rotated.
    expect(within(row).getByTestId(TestIds.daRotate('int-2'))).toBeDisabled();

    await user.click(screen.getByTestId(TestIds.daRotate('int-1')));
    await waitFor(() => expect(backend.argsOf('rotate_data_action_credential')).toEqual([{ profileId: 1, flowId: DA_FLOW_ID, integrationId: 'int-1' }]));
    expect(await screen.findByTestId(TestId.daManagedStatus)).toHaveTextContent('Credential of CRM lookup rotated.');

    await user.click(screen.getByTestId(TestIds.daToggle('int-2')));
    await waitFor(() => expect(within(screen.getByTestId(TestIds.daManagedRow('int-2'))).getByTestId(TestIds.daManagedState('int-2'))).toHaveTextContent('Inactive'));
    expect(backend.argsOf('set_data_action_enabled')).toEqual([{ profileId: 1, integrationId: 'int-2', enabled: false }]);
    expect(screen.getByTestId(TestIds.daToggle('int-2'))).toHaveTextContent('Activate');

    await user.click(screen.getByTestId(TestIds.daDelete('int-2')));
    const dialog = screen.getByTestId(TestId.daDeleteDialog);
    expect(dialog).toHaveTextContent('Delete Orders Lambda?');
    expect(dialog).toHaveTextContent('The integration Orders Lambda and its credential are deleted');
    expect(backend.argsOf('delete_data_action')).toEqual([]);
    await user.click(within(dialog).getByTestId(TestId.daDeleteConfirm));
    await waitFor(() => expect(backend.argsOf('delete_data_action')).toEqual([{ profileId: 1, integrationId: 'int-2' }]));
    await waitFor(() => expect(screen.queryByTestId(TestIds.daManagedRow('int-2'))).not.toBeInTheDocument());
  });

  it('renames an integration inline, never on the Enter that confirms an IME composition', async () => {
    const { backend, user } = await renderEditor({
      data_action_integrations: () => [managedIntegration()],
      rename_data_action: (args: Args) => managedIntegration({ name: args.name as string }),
    });
    await user.click(await screen.findByTestId(TestIds.daRename('int-1')));
    const input = screen.getByTestId(TestIds.daRenameInput('int-1'));
    expect(input).toHaveFocus();
    await user.clear(input);
    await user.type(input, 'CRM 検索');
    await fireEvent.compositionStart(input);
    await fireEvent.keyDown(input, { key: 'Enter', keyCode: 229, isComposing: true });
    await fireEvent.compositionEnd(input);
    expect(backend.argsOf('rename_data_action')).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    await fireEvent.keyDown(input, { key: 'Enter', keyCode: 13 });
    await waitFor(() => expect(backend.argsOf('rename_data_action')).toEqual([{ profileId: 1, integrationId: 'int-1', name: 'CRM 検索' }]));
  });

  it('asks before removing a planned integration, and clears its saved secrets first', async () => {
    const { backend, user } = await renderEditor({
      set_data_action_secret: () => dataActionsPlanView({ secretsSet: [] }),
    });
    await user.click(await screen.findByTestId(TestIds.daRemove(0)));
    expect(screen.getByTestId(TestIds.daRemoveDialog(0))).toHaveTextContent('Remove CRM lookup from the plan?');
    expect(savedPlans(backend)).toEqual([]);
    await user.click(screen.getByTestId(TestIds.daRemoveConfirm(0)));
    await waitFor(() => expect(savedPlans(backend).at(-1)?.integrations).toEqual([]));
    expect(backend.argsOf('set_data_action_secret')).toEqual([
      { profileId: 1, flowId: DA_FLOW_ID, name: 'CRM lookup', field: 'password', value: null },
    ]);
    const order = backend.calls.map((c) => c.cmd).filter((c) => c === 'save_data_actions_plan' || c === 'set_data_action_secret');
    expect(order).toEqual(['set_data_action_secret', 'save_data_actions_plan']);
  });
});

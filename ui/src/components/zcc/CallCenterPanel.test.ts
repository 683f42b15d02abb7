// Purpose: the call-center step's live part: the standard call center always and the SSO one only when the flow chose
// SSO (its vanity host used as is), the import XML saved with "Show in folder", a deploy shown as deployed or
// unchanged with the CallCenter found, the flow reloaded (the step Done), a component error translated, and a
// missing connection named.
import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import CallCenterPanel from './CallCenterPanel.svelte';
import { fakeBackend, type Handler } from '../../test/backend';
import { flowView, ipcError, zccChoices } from '../../test/fixtures';
import type { CallCenterDeployed, SavedFile, ZccChoices } from '../../lib/api';
import { TestId, TestIds } from '../../lib/testIds';
import { applyLocale } from '../../lib/i18n';

const FLOW = 'zoom-contact-center-salesforce';

const choices = (change: Partial<ZccChoices> = {}): ZccChoices => zccChoices(change);

function deployed(change: Partial<CallCenterDeployed> = {}): CallCenterDeployed {
  return {
    changed: true,
    deployId: '0AfXX0000001',
    callCenter: {
      id: '04vXX0000001',
      internalName: 'zoomcontactcenter',
      name: 'Zoom Contact Center',
      adapterUrl: 'https://zoom.us/cci/index.html',
    },
    ...change,
  };
}

async function renderPanel(handlers: Record<string, Handler> = {}) {
  const backend = fakeBackend({
    zcc_choices: () => choices(),
    open_flow: () => flowView(),
    ...handlers,
  });
  const onflow = vi.fn();
  const onconnections = vi.fn();
  render(CallCenterPanel, { profileId: 1, flowId: FLOW, onflow, onconnections });
  await screen.findByTestId(TestIds.zccCallCenter('standard'));
  return { backend, onflow, onconnections, user: userEvent.setup() };
}

describe('CallCenterPanel', () => {
  it('offers the standard call center only, when the flow did not choose SSO', async () => {
    applyLocale('en');
    await renderPanel();
    expect(screen.queryByTestId(TestIds.zccCallCenter('sso'))).toBeNull();
  });

  it('deploys the SSO call center with the vanity host the flow holds, and shows it found, in French', async () => {
    applyLocale('fr');
    const { backend, onflow, user } = await renderPanel({
      zcc_choices: () => choices({ sso: true, ssoHost: 'acme.zoom.us' }),
      zcc_deploy_call_center: () =>
        deployed({ callCenter: { id: '04v2', internalName: 'zccsso', name: 'ZCC SSO', adapterUrl: null } }),
    });
    await user.click(await screen.findByTestId(TestIds.zccCallCenterDeploy('sso')));
    const result = screen.getByTestId(TestIds.zccCallCenterResult('sso'));
    await waitFor(() => expect(result).toHaveAttribute('data-state', 'deployed'));
    expect(backend.argsOf('zcc_deploy_call_center')[0]).toEqual({ profileId: 1, ssoHost: 'acme.zoom.us' });
    expect(result).toHaveTextContent('Déployé (déploiement 0AfXX0000001).');
    expect(result).toHaveTextContent('Trouvé dans Salesforce : ZCC SSO (nom interne zccsso).');
    expect(onflow).toHaveBeenCalledOnce();
  });

  it('keeps the SSO buttons off until the vanity host is entered', async () => {
    applyLocale('en');
    await renderPanel({ zcc_choices: () => choices({ sso: true }) });
    expect(await screen.findByTestId(TestIds.zccCallCenterNoHost('sso'))).toBeVisible();
    expect(screen.getByTestId(TestIds.zccCallCenterDeploy('sso'))).toBeDisabled();
    expect(screen.getByTestId(TestIds.zccCallCenterSave('sso'))).toBeDisabled();
  });

  it('says nothing was deployed when Salesforce already holds it identical, in Japanese', async () => {
    applyLocale('ja');
    const { user } = await renderPanel({ zcc_deploy_call_center: () => deployed({ changed: false, deployId: null }) });
    await user.click(screen.getByTestId(TestIds.zccCallCenterDeploy('standard')));
    const result = screen.getByTestId(TestIds.zccCallCenterResult('standard'));
    await waitFor(() => expect(result).toHaveAttribute('data-state', 'unchanged'));
    expect(result).toHaveTextContent('Salesforce にはすでに同じ内容のコールセンターがあります。デプロイは行いませんでした。');
  });

  it('saves the import XML and offers to show it in its folder', async () => {
    applyLocale('en');
    const file: SavedFile = { path: '/home/admin/Downloads/call-center-zoomcontactcenter.xml' };
    const { backend, user } = await renderPanel({ export_zcc_call_center: () => file, reveal_file: () => null });
    await user.click(screen.getByTestId(TestIds.zccCallCenterSave('standard')));
    expect(await screen.findByTestId(TestIds.savedPath('call-center-standard'))).toHaveTextContent(file.path);
    expect(backend.argsOf('export_zcc_call_center')[0]).toEqual({ profileId: 1, ssoHost: null });
    await user.click(screen.getByTestId(TestIds.revealButton('call-center-standard')));
    await waitFor(() => expect(backend.argsOf('reveal_file')).toEqual([{ path: file.path }]));
  });

  it("names the component Salesforce refused, translated, and does not reload the flow", async () => {
    applyLocale('en');
    const { onflow, user } = await renderPanel({
      zcc_deploy_call_center: () => {
        throw {
          code: 'vendor',
          message: 'deploy failed',
          failure: {
            code: 'salesforce.deploy_failed',
            params: { component: 'zoomcontactcenter', problem: 'Invalid adapter URL' },
          },
        };
      },
    });
    await user.click(screen.getByTestId(TestIds.zccCallCenterDeploy('standard')));
    const problem = await screen.findByTestId(TestId.liveError);
    expect(problem).toHaveAttribute('data-failure-code', 'salesforce.deploy_failed');
    expect(problem).toHaveTextContent('zoomcontactcenter');
    expect(problem).toHaveTextContent('Invalid adapter URL');
    expect(onflow).not.toHaveBeenCalled();
  });

  it('names a missing Salesforce connection with the way to Connections', async () => {
    applyLocale('en');
    const { onconnections, user } = await renderPanel({
      zcc_deploy_call_center: () => {
        throw ipcError('connection_missing', 'no salesforce connection', 'salesforce');
      },
    });
    await user.click(screen.getByTestId(TestIds.zccCallCenterDeploy('standard')));
    await user.click(await screen.findByTestId(TestId.openConnectionsButton));
    expect(onconnections).toHaveBeenCalledOnce();
  });
});

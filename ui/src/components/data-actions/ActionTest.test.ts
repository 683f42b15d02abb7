// Purpose: testing an active integration's data action from the managed list: the button only on active integrations,
// the typed JSON sent as is, the result in words (passed, or the failed step in French), the core's refusal of an
// input that is no JSON object shown at the input.
import { describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import ManagedIntegrations from './ManagedIntegrations.svelte';
import { fakeBackend, type Handler } from '../../test/backend';
import { managedIntegration, validationError } from '../../test/fixtures';
import { TestIds } from '../../lib/testIds';
import { applyLocale } from '../../lib/i18n';

async function renderList(test: Handler) {
  const backend = fakeBackend({
    data_action_integrations: () => [managedIntegration(), managedIntegration({ id: 'int-2', name: 'Orders', reported: 'INACTIVE', enabled: false })],
    test_data_action: test,
  });
  const user = userEvent.setup();
  render(ManagedIntegrations, { profileId: 1, flowId: 'genesys-data-actions', planned: [], before: async () => {}, version: 0 });
  await screen.findByTestId(TestIds.daManagedRow('int-1'));
  return { backend, user };
}

describe('ActionTest', () => {
  it('is offered on active integrations only and sends the typed input', async () => {
    applyLocale('en');
    const { backend, user } = await renderList(() => ({ actionId: 'a-1', actionName: 'Get account', success: true, failedStep: null }));
    expect(screen.queryByTestId(TestIds.daTestToggle('int-2'))).toBeNull();
    await user.click(screen.getByTestId(TestIds.daTestToggle('int-1')));
    const input = screen.getByTestId(TestIds.daTestInput('int-1'));
    await user.clear(input);
    await user.click(input);
    await user.paste('{"accountId": "0015e00000AbCdE"}');
    await user.click(screen.getByTestId(TestIds.daTestRun('int-1')));
    await waitFor(() => expect(screen.getByTestId(TestIds.daTestResult('int-1'))).toHaveTextContent('“Get account” passed its test.'));
    expect(backend.argsOf('test_data_action')[0]).toEqual({ profileId: 1, integrationId: 'int-1', input: '{"accountId": "0015e00000AbCdE"}' });
  });

  it('names the failed step in French', async () => {
    applyLocale('fr');
    const { user } = await renderList(() => ({ actionId: 'a-1', actionName: 'Get account', success: false, failedStep: 'executeRequest' }));
    await user.click(screen.getByTestId(TestIds.daTestToggle('int-1')));
    await user.click(screen.getByTestId(TestIds.daTestRun('int-1')));
    await waitFor(() =>
      expect(screen.getByTestId(TestIds.daTestResult('int-1'))).toHaveTextContent('« Get account » a échoué à l’étape « executeRequest »'),
    );
  });

  it("shows the core's refusal of the input at the input", async () => {
    applyLocale('en');
    const { user } = await renderList(() => {
      throw validationError('input', 'json_object');
    });
    await user.click(screen.getByTestId(TestIds.daTestToggle('int-1')));
    await user.click(screen.getByTestId(TestIds.daTestRun('int-1')));
    await waitFor(() => expect(screen.getByTestId(TestIds.daTestInput('int-1'))).toHaveAttribute('aria-invalid', 'true'));
  });
});

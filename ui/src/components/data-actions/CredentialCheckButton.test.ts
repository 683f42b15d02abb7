// Purpose: "Test this credential": offered for Zendesk and Dynamics 365 only; a success says so, a refusal shows the
// translated diagnosis (an AADSTS code).
import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import CredentialCheckButton from './CredentialCheckButton.svelte';
import { fakeBackend } from '../../test/backend';
import { TestIds } from '../../lib/testIds';

describe('CredentialCheckButton', () => {
  it('tests a Dynamics credential and names a wrong password', async () => {
    const backend = fakeBackend({
      check_data_action_credential: () => ({
        supported: true,
        ok: false,
        failure: { code: 'dynamics.invalid_credentials', params: { aadsts: 'AADSTS50126' } },
      }),
    });
    const user = userEvent.setup();
    render(CredentialCheckButton, { profileId: 1, flowId: 'genesys-data-actions', name: 'CRM', kind: 'dynamics' });
    await user.click(screen.getByRole('button', { name: 'Test this credential' }));
    expect(await screen.findByText(/refuses this username or password \(AADSTS50126\)/)).toBeInTheDocument();
    expect(backend.argsOf('check_data_action_credential')).toEqual([{ profileId: 1, flowId: 'genesys-data-actions', name: 'CRM' }]);
  });

  it('says when Zendesk accepts the token', async () => {
    fakeBackend({ check_data_action_credential: () => ({ supported: true, ok: true, failure: null }) });
    const user = userEvent.setup();
    render(CredentialCheckButton, { profileId: 1, flowId: 'genesys-data-actions', name: 'Desk', kind: 'zendesk' });
    await user.click(screen.getByRole('button', { name: 'Test this credential' }));
    expect(await screen.findByText('Zendesk accepts this e-mail and API token.')).toBeInTheDocument();
  });

  it('is not offered for a kind the app cannot reach itself', () => {
    fakeBackend();
    render(CredentialCheckButton, { profileId: 1, flowId: 'genesys-data-actions', name: 'Lambda', kind: 'aws-lambda' });
    expect(screen.queryByTestId(TestIds.credentialCheck('Lambda'))).not.toBeInTheDocument();
  });
});

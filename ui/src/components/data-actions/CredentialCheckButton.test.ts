// Purpose: "Test this credential": offered for Zendesk, Dynamics 365 and Google only; a success says so, a refusal shows the
// translated diagnosis (an AADSTS code).
import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import CredentialCheckButton from './CredentialCheckButton.svelte';
import { fakeBackend } from '../../test/backend';
import { TestIds } from '../../lib/testIds';
import { applyLocale } from '../../lib/i18n';

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

  it('tests a Google service account: says when Google signs it in, and names missing domain-wide delegation', async () => {
    fakeBackend({ check_data_action_credential: () => ({ supported: true, ok: true, failure: null }) });
    const user = userEvent.setup();
    const { unmount } = render(CredentialCheckButton, { profileId: 1, flowId: 'genesys-data-actions', name: 'Sheets', kind: 'google' });
    await user.click(screen.getByRole('button', { name: 'Test this credential' }));
    expect(await screen.findByText('Google signs this service account in with these scopes.')).toBeInTheDocument();
    unmount();

    fakeBackend({
      check_data_action_credential: () => ({
        supported: true,
        ok: false,
        failure: {
          code: 'google.delegation_missing',
          params: { clientId: '1048576', scopes: 'https://www.googleapis.com/auth/spreadsheets', subject: 'agent@acme.example' },
        },
      }),
    });
    render(CredentialCheckButton, { profileId: 1, flowId: 'genesys-data-actions', name: 'Sheets', kind: 'google' });
    await user.click(screen.getByRole('button', { name: 'Test this credential' }));
    expect(
      await screen.findByText(/act as agent@acme\.example .*Domain-wide delegation, add the client ID 1048576 with exactly these scopes: https:\/\/www\.googleapis\.com\/auth\/spreadsheets/),
    ).toBeInTheDocument();
  });

  it('names a revoked Google key in French', async () => {
    applyLocale('fr');
    fakeBackend({
      check_data_action_credential: () => ({ supported: true, ok: false, failure: { code: 'google.key_revoked', params: { keyId: 'k-42' } } }),
    });
    const user = userEvent.setup();
    render(CredentialCheckButton, { profileId: 1, flowId: 'genesys-data-actions', name: 'Sheets', kind: 'google' });
    await user.click(screen.getByRole('button', { name: 'Tester ces identifiants' }));
    expect(await screen.findByText(/la clé k-42 a été supprimée ou révoquée/)).toBeInTheDocument();
  });

  it('is not offered for a kind the app cannot reach itself', () => {
    fakeBackend();
    render(CredentialCheckButton, { profileId: 1, flowId: 'genesys-data-actions', name: 'Lambda', kind: 'aws-lambda' });
    expect(screen.queryByTestId(TestIds.credentialCheck('Lambda'))).not.toBeInTheDocument();
  });
});

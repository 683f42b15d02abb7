// Purpose: the Connections page: a card per vendor with its fields, Save (tagged settings, field errors from
// `validation`), keychain secrets never shown back, Test with translated fixes (EN / JA), and practice faults.
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import ConnectionsView from './ConnectionsView.svelte';
import { fakeBackend, type Handler } from '../test/backend';
import { connections, noFaults, validationError, zoomMissingScopes } from '../test/fixtures';
import { TestId, TestIds } from '../lib/testIds';
import { GENESYS_REGIONS } from '../lib/connections';
import type { ConnectionView, Diagnosis } from '../lib/api';
import { applyLocale } from '../lib/i18n';

const PROFILE = { id: 1, name: 'Acme Corp', practice: false };

function setup(handlers: Record<string, Handler> = {}, profile = PROFILE) {
  const backend = fakeBackend(handlers);
  const user = userEvent.setup();
  render(ConnectionsView, { profile, onback: vi.fn() });
  return { backend, user };
}

function connection(vendor: ConnectionView['vendor']): ConnectionView {
  return connections().find((c) => c.vendor === vendor)!;
}

describe('ConnectionsView', () => {
  it('shows one card per vendor with its own fields', async () => {
    setup();
    const zoom = await screen.findByTestId(TestIds.connectionCard('zoom'));
    expect(within(zoom).getByRole('heading', { level: 2, name: 'Zoom' })).toBeInTheDocument();
    expect(within(zoom).getByLabelText('Account ID')).toHaveValue('xYz12AbCdEfGhIjKlMnOpQ');
    expect(screen.getByTestId(TestIds.connectionField('zoom', 'clientId'))).toHaveValue('aBcDeFgHiJkLmNoPqR');

    const cxone = screen.getByTestId(TestIds.connectionCard('cxone'));
    expect(within(cxone).getByRole('heading', { level: 2, name: 'NICE CXone' })).toBeInTheDocument();
    for (const field of ['accessKeyId', 'clientId', 'cloud', 'area', 'tenantId']) {
      expect(screen.getByTestId(TestIds.connectionField('cxone', field))).toBeInTheDocument();
    }
    expect(screen.getByTestId(TestIds.connectionField('cxone', 'cloud'))).toHaveValue('commercial');

    const region = screen.getByTestId(TestIds.connectionField('genesys', 'region'));
    expect(within(region).getAllByRole('option').map((o) => o.textContent)).toEqual([...GENESYS_REGIONS]);

    expect(screen.getByTestId(TestIds.connectionSecret('salesforce', 'security-token'))).toBeInTheDocument();
    expect(screen.getByTestId(TestIds.connectionSecret('cxone', 'access-key-secret'))).toBeInTheDocument();
    expect(screen.getAllByRole('heading', { level: 2 })).toHaveLength(4);
  });

  it('shows the My Domain host only for My Domain and Hyperforce', async () => {
    const { user } = setup();
    const environment = await screen.findByTestId(TestIds.connectionField('salesforce', 'environment'));
    expect(screen.queryByTestId(TestIds.connectionField('salesforce', 'myDomainHost'))).not.toBeInTheDocument();
    await user.selectOptions(environment, 'my_domain');
    expect(screen.getByTestId(TestIds.connectionField('salesforce', 'myDomainHost'))).toBeInTheDocument();
    await user.selectOptions(environment, 'sandbox');
    expect(screen.queryByTestId(TestIds.connectionField('salesforce', 'myDomainHost'))).not.toBeInTheDocument();
  });

  it('saves the tagged settings object, leaving empty optional fields out', async () => {
    const { backend, user } = setup({
      save_connection: (args) => ({ ...connection('cxone'), settings: args.settings }),
    });
    await user.type(await screen.findByTestId(TestIds.connectionField('cxone', 'accessKeyId')), ' AK123 ');
    await user.type(screen.getByTestId(TestIds.connectionField('cxone', 'clientId')), 'client-1');
    await user.selectOptions(screen.getByTestId(TestIds.connectionField('cxone', 'cloud')), 'us_gov');
    await user.click(screen.getByTestId(TestIds.connectionSave('cxone')));

    await waitFor(() =>
      expect(backend.argsOf('save_connection')).toEqual([
        { profileId: 1, settings: { vendor: 'cxone', accessKeyId: 'AK123', clientId: 'client-1', cloud: 'us_gov' } },
      ]),
    );
    expect(screen.getByTestId(TestIds.connectionStatus('cxone'))).toHaveTextContent('NICE CXone settings saved.');
  });

  it('sends the Advanced endpoint overrides and the My Domain host', async () => {
    const { backend, user } = setup({ save_connection: () => connection('salesforce') });
    await user.selectOptions(
      await screen.findByTestId(TestIds.connectionField('salesforce', 'environment')),
      'hyperforce',
    );
    await user.type(screen.getByTestId(TestIds.connectionField('salesforce', 'myDomainHost')), 'acme.my.salesforce.com');
    const card = screen.getByTestId(TestIds.connectionCard('salesforce'));
    await user.click(within(card).getByText('Advanced: other addresses'));
    await user.type(screen.getByTestId(TestIds.connectionField('salesforce', 'apiBase')), 'https://api.example.com');
    await user.click(screen.getByTestId(TestIds.connectionSave('salesforce')));
    await waitFor(() =>
      expect(backend.argsOf('save_connection')[0]?.settings).toEqual({
        vendor: 'salesforce',
        environment: 'hyperforce',
        myDomainHost: 'acme.my.salesforce.com',
        username: 'admin@acme.example',
        consumerKey: '3MVG9',
        apiBase: 'https://api.example.com',
      }),
    );
  });

  it('shows a validation refusal at the named field, translated, opening Advanced when needed', async () => {
    const { user } = setup({
      save_connection: () => {
        throw validationError('tokenBase', 'endpoint_https');
      },
    });
    await user.click(await screen.findByTestId(TestIds.connectionSave('zoom')));
    const error = await screen.findByTestId(TestIds.connectionFieldError('zoom', 'tokenBase'));
    expect(error).toHaveTextContent('This address must start with https://.');
    const input = screen.getByTestId(TestIds.connectionField('zoom', 'tokenBase'));
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toBeVisible();
    expect(input).toHaveAccessibleDescription(/must start with https:\/\//);
    expect(screen.getByTestId(TestIds.connectionStatus('zoom'))).toHaveTextContent('Not saved: check “Token address”.');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows a field error for a CXone area in French', async () => {
    applyLocale('fr');
    setup({
      save_connection: () => {
        throw validationError('area', 'cxone_area');
      },
    });
    await fireEvent.click(await screen.findByTestId(TestIds.connectionSave('cxone')));
    expect(await screen.findByTestId(TestIds.connectionFieldError('cxone', 'area'))).toHaveTextContent(
      "Ce n'est pas une zone CXone.",
    );
  });

  it('saves a secret to the keychain and never renders its value', async () => {
    const { backend, user } = setup({
      set_connection_secret: () => ({ ...connection('cxone'), secretsSet: ['access-key-secret'] }),
    });
    const holder = await screen.findByTestId(TestIds.connectionSecret('cxone', 'access-key-secret'));
    const input = within(holder).getByLabelText(/Access key secret/);
    expect(input).toHaveAttribute('type', 'password');
    await user.type(input, 'hunter2-secret{Enter}');

    await waitFor(() =>
      expect(backend.argsOf('set_connection_secret')).toEqual([
        { profileId: 1, vendor: 'cxone', field: 'access-key-secret', value: 'hunter2-secret' },
      ]),
    );
    expect(await within(holder).findByText('Saved in the keychain')).toBeInTheDocument();
    expect(within(holder).getByRole('button', { name: 'Replace Access key secret' })).toBeInTheDocument();
    expect(document.body.innerHTML).not.toContain('hunter2-secret');
    expect(screen.queryByDisplayValue('hunter2-secret')).not.toBeInTheDocument();
  });

  it('clears a saved secret after confirmation (null value)', async () => {
    const { backend, user } = setup({
      set_connection_secret: () => ({ ...connection('zoom'), secretsSet: [] }),
    });
    const holder = await screen.findByTestId(TestIds.connectionSecret('zoom', 'client-secret'));
    await user.click(within(holder).getByRole('button', { name: 'Clear Client secret' }));
    await user.click(screen.getAllByTestId(TestId.clearSecretConfirmButton).find((b) => b.closest('dialog[open]'))!);
    await waitFor(() =>
      expect(backend.argsOf('set_connection_secret')).toEqual([
        { profileId: 1, vendor: 'zoom', field: 'client-secret', value: null },
      ]),
    );
    expect(await within(holder).findByText('Not saved yet')).toBeInTheDocument();
  });

  it('tests a connection: Testing… while running, then each check with the fix, announced', async () => {
    let finish: (d: Diagnosis) => void = () => undefined;
    const { backend, user } = setup({
      test_connection: () => new Promise<Diagnosis>((resolve) => (finish = resolve)),
    });
    const button = await screen.findByTestId(TestIds.connectionTest('zoom'));
    await user.click(button);
    expect(button).toBeDisabled();
    expect(button).toHaveTextContent('Testing…');
    expect(backend.argsOf('test_connection')).toEqual([{ profileId: 1, vendor: 'zoom' }]);

    finish(zoomMissingScopes());
    await waitFor(() => expect(button).toBeEnabled());
    expect(button).toHaveTextContent('Test');

    const report = screen.getByTestId(TestIds.diagnosis('zoom'));
    expect(report).toHaveAttribute('data-ok', 'false');
    expect(report).toHaveTextContent(/Failed · Nov 2\d, 2026/);
    const token = screen.getByTestId(TestIds.diagnosisCheck('zoom', 'token'));
    expect(token).toHaveAttribute('data-ok', 'true');
    expect(token).toHaveTextContent('✓ Sign-in (access token) Passed');
    const scopes = screen.getByTestId(TestIds.diagnosisCheck('zoom', 'scopes'));
    expect(scopes).toHaveAttribute('data-ok', 'false');
    expect(scopes).toHaveTextContent('✗ Scopes granted Failed');
    expect(scopes).toHaveTextContent(
      'Zoom did not grant: user:read:admin and report:read:admin. In the Zoom App Marketplace, open your app › Scopes, add them, and save. New scopes can take a few minutes to take effect.',
    );
    const card = screen.getByTestId(TestIds.connectionCard('zoom'));
    const live = within(card)
      .getAllByRole('status')
      .find((el) => el.getAttribute('aria-live') === 'polite' && el.textContent?.includes('test failed'));
    expect(live).toHaveTextContent('Zoom: test failed. Checks failed: 1 of 3.');
  });

  it('explains a failed check in Japanese, with the list formatted for Japanese', async () => {
    applyLocale('ja');
    const { user } = setup({ test_connection: () => zoomMissingScopes() });
    await user.click(await screen.findByTestId(TestIds.connectionTest('zoom')));
    const scopes = await screen.findByTestId(TestIds.diagnosisCheck('zoom', 'scopes'));
    expect(scopes).toHaveTextContent('失敗');
    expect(scopes).toHaveTextContent(
      'Zoom が次のスコープを付与していません：user:read:admin、report:read:admin。Zoom App Marketplace でアプリ › Scopes を開き',
    );
    expect(screen.getByTestId(TestIds.diagnosis('zoom'))).toHaveTextContent('失敗 ·');
  });

  it('shows the stored last result, a passed Test, and a generic text for an unknown code', async () => {
    const { user } = setup({
      test_connection: () => ({
        vendor: 'genesys',
        ok: false,
        checkedAt: '2026-11-23T21:45:00Z',
        checks: [
          { id: 'token', ok: false, code: 'genesys.something_new', params: { vendorMessage: 'teapot' } },
        ],
      }),
    });
    const stored = await screen.findByTestId(TestIds.diagnosis('zoom'));
    expect(stored).toHaveAttribute('data-ok', 'true');
    expect(stored).toHaveTextContent(/Passed · Nov 2\d, 2026/);

    await user.click(screen.getByTestId(TestIds.connectionTest('genesys')));
    const check = await screen.findByTestId(TestIds.diagnosisCheck('genesys', 'token'));
    expect(check).toHaveTextContent('The check failed (genesys.something_new)');
    expect(check).toHaveTextContent('The vendor said: “teapot”');
  });

  it('translates settings and wait-time params of a diagnosis', async () => {
    const { user } = setup({
      test_connection: () => ({
        vendor: 'cxone',
        ok: false,
        checkedAt: '2026-11-23T21:45:00Z',
        checks: [
          { id: 'settings', ok: false, code: 'settings.missing_secret', params: { field: 'access-key-secret' } },
          { id: 'token', ok: false, code: 'rate_limited', params: { retryAfterSeconds: 120 } },
          { id: 'area', ok: false, code: 'cxone.area_mismatch', params: { configured: 'na1', actual: 'eu1' } },
        ],
      }),
    });
    await user.click(await screen.findByTestId(TestIds.connectionTest('cxone')));
    const report = await screen.findByTestId(TestIds.diagnosis('cxone'));
    expect(report).toHaveTextContent('The secret “Access key secret” is not saved.');
    expect(report).toHaveTextContent('The vendor asked to wait 120 seconds.');
    expect(report).toHaveTextContent('The area entered (na1) is not your tenant\'s area (eu1). Set the area to eu1');
  });

  it('shows Practice settings only for the practice profile; a toggle applies at once', async () => {
    const { backend, user } = setup({}, { id: 9, name: 'Practice tenant', practice: true });
    const toggle = await screen.findByTestId(TestIds.practiceFault('expiredSecret'));
    expect(toggle).not.toBeChecked();
    expect(toggle).toHaveAccessibleName('Expired secret');
    expect(toggle).toHaveAccessibleDescription(/A Test fails at “Sign-in”/);
    await user.click(toggle);
    await waitFor(() =>
      expect(backend.argsOf('set_practice_faults')).toEqual([{ faults: { ...noFaults(), expiredSecret: true } }]),
    );
    expect(toggle).toBeChecked();
    expect(screen.getByTestId(TestId.practiceStatus)).toHaveTextContent('Practice settings applied.');

    await user.selectOptions(screen.getByTestId(TestIds.practiceFault('rateLimit')), 'retry_after_date');
    await waitFor(() =>
      expect(backend.argsOf('set_practice_faults')[1]).toEqual({
        faults: { ...noFaults(), expiredSecret: true, rateLimit: 'retry_after_date' },
      }),
    );
    const latency = screen.getByTestId(TestIds.practiceFault('latencyMs'));
    await user.clear(latency);
    await user.type(latency, '2500{Enter}');
    await waitFor(() => expect(backend.argsOf('set_practice_faults')[2]?.faults).toMatchObject({ latencyMs: 2500 }));
  });

  it('has no Practice settings for a customer profile', async () => {
    const { backend } = setup();
    await screen.findByTestId(TestIds.connectionCard('zoom'));
    expect(screen.queryByTestId(TestId.practiceSettings)).not.toBeInTheDocument();
    expect(backend.argsOf('practice_faults')).toEqual([]);
  });
});

describe('a host that is not the vendor\'s own', () => {
  it('is sent credentials only once the admin confirms it, and the card keeps saying so', async () => {
    const proxy = 'proxy.acme.example';
    const { backend, user } = setup({
      save_connection: (args) => {
        const settings = args.settings as { confirmedHosts?: string[] };
        if (!settings.confirmedHosts?.includes(proxy)) throw validationError('tokenBase', 'endpoint_not_vendor', { host: proxy });
        return { ...connection('zoom'), settings: args.settings };
      },
    });
    const card = await screen.findByTestId(TestIds.connectionCard('zoom'));
    await user.click(within(card).getByText('Advanced: other addresses'));
    await user.type(screen.getByTestId(TestIds.connectionField('zoom', 'tokenBase')), `https://${proxy}/zoom`);
    await user.click(screen.getByTestId(TestIds.connectionSave('zoom')));

    const confirm = await screen.findByTestId(TestIds.connectionConfirmHost('zoom'));
    expect(confirm).toHaveTextContent(`${proxy} is not a Zoom address.`);
    expect(screen.queryByTestId(TestIds.connectionCustomHost('zoom'))).not.toBeInTheDocument();
    await user.click(within(confirm).getByRole('button', { name: `Send credentials to ${proxy}` }));

    await waitFor(() => expect(backend.argsOf('save_connection')).toHaveLength(2));
    expect(backend.argsOf('save_connection')[1]?.settings).toMatchObject({ tokenBase: `https://${proxy}/zoom`, confirmedHosts: [proxy] });
    expect(await screen.findByTestId(TestIds.connectionCustomHost('zoom'))).toHaveTextContent(proxy);
    expect(screen.queryByTestId(TestIds.connectionConfirmHost('zoom'))).not.toBeInTheDocument();
  });
});

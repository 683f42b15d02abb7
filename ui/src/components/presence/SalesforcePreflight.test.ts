// Purpose: the presence flow's preflight: it signs in with the Salesforce connection and shows the
// diagnosis translated, or says how to add the connection when the profile has none.
import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import SalesforcePreflight from './SalesforcePreflight.svelte';
import { fakeBackend } from '../../test/backend';
import { TestId, TestIds } from '../../lib/testIds';
import { applyLocale } from '../../lib/i18n';
import type { Diagnosis } from '../../lib/api';

function blockedFlow(): Diagnosis {
  return {
    vendor: 'salesforce',
    ok: false,
    checkedAt: '2026-11-23T10:00:00Z',
    checks: [
      { id: 'settings', ok: true, code: null, params: {} },
      { id: 'token', ok: false, code: 'salesforce.authentication_failure', params: {} },
    ],
  };
}

describe('SalesforcePreflight', () => {
  it('signs in with the connection and shows what blocks it, in French', async () => {
    applyLocale('fr');
    const backend = fakeBackend({ test_connection: () => blockedFlow() });
    const user = userEvent.setup();
    render(SalesforcePreflight, { profileId: 7 });
    await user.click(screen.getByTestId(TestId.sfPreflightButton));
    const report = await screen.findByTestId(TestIds.diagnosis('salesforce'));
    expect(backend.argsOf('test_connection')).toEqual([{ profileId: 7, vendor: 'salesforce' }]);
    expect(report).toHaveTextContent(/Échec/);
  });

  it('says how to add the Salesforce connection when the profile has none', async () => {
    applyLocale('en');
    fakeBackend({
      test_connection: () => {
        throw { code: 'not_found', message: 'salesforce connection not found' };
      },
    });
    const onconnections = vi.fn();
    const user = userEvent.setup();
    render(SalesforcePreflight, { profileId: 7, onconnections });
    await user.click(screen.getByTestId(TestId.sfPreflightButton));
    const hint = await screen.findByTestId(TestId.connectionHint);
    expect(hint).toHaveAttribute('data-vendor', 'salesforce');
    await user.click(screen.getByTestId(TestId.openConnectionsButton));
    expect(onconnections).toHaveBeenCalled();
  });
});

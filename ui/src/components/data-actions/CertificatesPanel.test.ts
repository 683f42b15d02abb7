// Purpose: the data-action certificates panel: the ones last downloaded with their expiry dates in the user's language,
// an expiry the core flags as soon marked, and a download that lists what was saved.
import { describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import CertificatesPanel from './CertificatesPanel.svelte';
import { fakeBackend } from '../../test/backend';
import { TestId, TestIds } from '../../lib/testIds';
import type { SavedCertificate } from '../../lib/api';

const saved = (status: string, notAfter: string, expiresSoon = false): SavedCertificate => ({
  status,
  expiresSoon,
  signingAuthority: 'DigiCert Global G2 TLS RSA SHA256 2020 CA1',
  notAfter,
  path: `/home/admin/Downloads/genesys-data-actions-${status.toLowerCase()}-certificate.pem`,
});

describe('CertificatesPanel', () => {
  it('downloads the certificates and shows when each expires', async () => {
    const backend = fakeBackend({
      data_action_certificates: () => [],
      save_data_action_certificates: () => [saved('Current', '2027-09-15T23:59:59Z'), saved('Upcoming', '2028-09-14T23:59:59Z')],
      reveal_file: () => null,
    });
    const user = userEvent.setup();
    render(CertificatesPanel, { profileId: 1, flowId: 'genesys-data-actions' });
    await user.click(screen.getByTestId(TestId.certificatesButton));
    const current = await screen.findByTestId(TestIds.certificate('Current'));
    expect(current).toHaveTextContent('Current');
    expect(current).toHaveTextContent('expires September 15, 2027');
    expect(current).not.toHaveTextContent('soon');
    expect(screen.getByTestId(TestIds.certificate('Upcoming'))).toHaveTextContent('expires September 14, 2028');
    await user.click(within(current).getByRole('button', { name: 'Show in folder' }));
    expect(backend.argsOf('reveal_file')).toEqual([{ path: saved('Current', '').path }]);
  });

  it('marks a certificate the core says expires soon', async () => {
    fakeBackend({ data_action_certificates: () => [saved('Current', '2027-01-10T00:00:00Z', true)] });
    render(CertificatesPanel, { profileId: 1, flowId: 'genesys-data-actions' });
    await waitFor(() => expect(screen.getByTestId(TestIds.certificate('Current'))).toHaveTextContent('soon: plan the renewal'));
  });
});

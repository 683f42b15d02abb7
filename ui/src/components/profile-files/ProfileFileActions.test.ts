// Purpose: a profile's Export profile (saved path shown, revealed on request) and Import reusable parts (the
// file's parts counted first, then copied, with the plans' credentials to enter).
import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import ProfileFileActions from './ProfileFileActions.svelte';
import { fakeBackend } from '../../test/backend';
import { TestId } from '../../lib/testIds';
import type { ProfileFilePreview } from '../../lib/api';

const profile = { id: 3, name: 'Globex' };

describe('Profile file actions', () => {
  it('exports the profile and reveals the saved file', async () => {
    const user = userEvent.setup();
    const backend = fakeBackend({
      export_profile: () => ({ path: '/home/admin/Downloads/profile-globex-2026-12-03.json' }),
      reveal_file: () => null,
    });
    render(ProfileFileActions, { profile });
    await user.click(screen.getByTestId(TestId.profileExportButton));
    expect(await screen.findByTestId(TestId.profileExported)).toHaveTextContent('profile-globex-2026-12-03.json');
    await user.click(screen.getByRole('button', { name: 'Show in folder' }));
    expect(backend.argsOf('export_profile')[0]).toEqual({ profileId: 3 });
    expect(backend.argsOf('reveal_file')[0]).toEqual({ path: '/home/admin/Downloads/profile-globex-2026-12-03.json' });
  });

  it('imports only the reusable parts of another profile file', async () => {
    const user = userEvent.setup();
    const preview: ProfileFilePreview = {
      name: 'Acme',
      practice: false,
      exportedAt: '2026-12-01T09:30:00Z',
      existing: null,
      copyName: 'Acme',
      connections: [],
      secrets: [],
      reusable: { presenceRules: 1, directoryRules: 0, dataActionPlans: 1 },
      unknownKeys: [],
    };
    const backend = fakeBackend({
      preview_profile_file: () => preview,
      import_profile_parts: () => ({
        parts: preview.reusable,
        secrets: [{ place: 'data_action', vendor: null, flowId: 'genesys-data-actions', stepId: null, integration: 'Billing API', field: 'password' }],
        unknownKeys: [],
      }),
    });
    render(ProfileFileActions, { profile });
    await user.click(screen.getByTestId(TestId.profilePartsButton));
    const dialog = await screen.findByTestId(TestId.profilePartsDialog);
    expect(dialog).toHaveTextContent('into Globex');
    await user.upload(within(dialog).getByTestId(TestId.profilePartsInput), new File(['{}'], 'acme.json', { type: 'application/json' }));
    expect(await within(dialog).findByText(/presence rules 1, directory rules 0, data-actions plans 1/)).toBeInTheDocument();
    await user.click(within(dialog).getByTestId(TestId.profilePartsConfirm));
    expect(backend.argsOf('import_profile_parts')[0]).toEqual({ profileId: 3, text: '{}' });
    expect(await within(dialog).findByTestId(TestId.profilePartsDone)).toHaveTextContent('Imported');
    expect(within(dialog).getByTestId(TestId.secretsToEnter)).toHaveTextContent('Data action Billing API: password');
  });
});

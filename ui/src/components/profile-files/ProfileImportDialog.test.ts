// Purpose: Import profile… on Home: the file's text is previewed, imported as a copy by default, replaced only
// after confirmation, a newer file is refused in words, and the secrets to enter again are saved one by one.
import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import Home from '../../views/Home.svelte';
import { fakeBackend } from '../../test/backend';
import { ipcError, profiles } from '../../test/fixtures';
import { TestId, TestIds } from '../../lib/testIds';
import type { ProfileFilePreview, ProfileImported, SecretToEnter } from '../../lib/api';

const FILE_TEXT = '{"format": "switchboard-profile", "version": 1}';

function preview(existing: number | null): ProfileFilePreview {
  return {
    name: 'Acme Corp',
    practice: false,
    exportedAt: '2026-12-01T09:30:00Z',
    existing,
    copyName: 'Acme Corp (2)',
    connections: ['genesys'],
    secrets: [],
    reusable: { presenceRules: 0, directoryRules: 0, dataActionPlans: 1 },
    unknownKeys: [],
  };
}

const secrets: SecretToEnter[] = [
  { place: 'connection', vendor: 'genesys', flowId: null, stepId: null, integration: null, field: 'client-secret' },
  { place: 'data_action', vendor: null, flowId: 'genesys-data-actions', stepId: null, integration: 'Billing API', field: 'password' },
];

function imported(name: string, replaced: string | null): ProfileImported {
  return {
    profile: { id: 9, name, createdAt: '2026-12-03T10:00:00Z', updatedAt: '2026-12-03T10:00:00Z', practice: false, progress: [] },
    replaced,
    secrets,
    skippedConnections: [],
    skipped: [],
    unknownKeys: [],
  };
}

async function chooseFile(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByTestId(TestId.profileImportButton));
  const dialog = await screen.findByTestId(TestId.profileImportDialog);
  await user.upload(within(dialog).getByTestId(TestId.profileImportInput), new File([FILE_TEXT], 'acme.json', { type: 'application/json' }));
  return dialog;
}

describe('Import profile', () => {
  it('imports a file whose name is taken as a copy, then saves each secret to enter again', async () => {
    const user = userEvent.setup();
    const backend = fakeBackend({
      list_profiles: () => profiles(),
      preview_profile_file: () => preview(1),
      import_profile: () => imported('Acme Corp (2)', null),
      set_connection_secret: () => ({}),
      set_data_action_secret: () => ({}),
    });
    render(Home, { onopen: vi.fn() });
    const dialog = await chooseFile(user);

    expect(await within(dialog).findByTestId(TestId.profileImportSummary)).toHaveTextContent('Acme Corp, exported');
    expect(within(dialog).getByTestId(TestId.profileImportCopy)).toBeChecked();
    expect(within(dialog).getByText('Import as a copy named Acme Corp (2)')).toBeInTheDocument();
    await user.click(within(dialog).getByTestId(TestId.profileImportConfirm));

    expect(backend.argsOf('preview_profile_file')[0]).toEqual({ text: FILE_TEXT });
    expect(backend.argsOf('import_profile')[0]).toEqual({ text: FILE_TEXT, choice: { asName: null, replace: false } });
    const result = await within(dialog).findByTestId(TestId.profileImportResult);
    expect(result).toHaveTextContent('Acme Corp (2) was imported.');
    expect(within(result).getByTestId(TestIds.secretToEnter(0))).toHaveTextContent('Genesys Cloud connection');
    expect(within(result).getByTestId(TestIds.secretToEnter(1))).toHaveTextContent('Data action Billing API: password');

    await user.type(within(result).getByLabelText(/Genesys Cloud connection/), 'new-secret{Enter}');
    await waitFor(() =>
      expect(backend.argsOf('set_connection_secret')[0]).toEqual({ profileId: 9, vendor: 'genesys', field: 'client-secret', value: 'new-secret' }),
    );
    expect(await within(result).findByText('Saved in the keychain')).toBeInTheDocument();
    await user.type(within(result).getByLabelText(/Billing API/), 'pw');
    await user.click(within(result).getByTestId(TestIds.secretToEnterSave(1)));
    expect(backend.argsOf('set_data_action_secret')[0]).toEqual({
      profileId: 9,
      flowId: 'genesys-data-actions',
      name: 'Billing API',
      field: 'password',
      value: 'pw',
    });
  });

  it('replaces the profile of that name only after the admin confirms', async () => {
    const user = userEvent.setup();
    const backend = fakeBackend({
      list_profiles: () => profiles(),
      preview_profile_file: () => preview(1),
      import_profile: () => imported('Acme Corp', 'Acme Corp'),
    });
    render(Home, { onopen: vi.fn() });
    const dialog = await chooseFile(user);
    await user.click(await within(dialog).findByTestId(TestId.profileImportReplace));
    const confirm = within(dialog).getByTestId(TestId.profileImportConfirm);
    expect(confirm).toBeDisabled();
    expect(dialog).toHaveTextContent('There is no undo');
    await user.click(within(dialog).getByTestId(TestId.profileImportReplaceConfirm));
    await user.click(confirm);
    expect(backend.argsOf('import_profile')[0]).toEqual({ text: FILE_TEXT, choice: { asName: null, replace: true } });
    expect(await within(dialog).findByTestId(TestId.profileImportResult)).toHaveTextContent('in place of the previous profile');
  });

  it('says in words that a file from a newer Switchboard cannot be imported', async () => {
    const user = userEvent.setup();
    const backend = fakeBackend({
      list_profiles: () => profiles(),
      preview_profile_file: () => {
        throw ipcError('profile_file_newer', 'the profile file is version 2');
      },
    });
    render(Home, { onopen: vi.fn() });
    const dialog = await chooseFile(user);
    expect(await within(dialog).findByText(/written by a newer version of Switchboard/)).toBeInTheDocument();
    expect(within(dialog).getByTestId(TestId.profileImportConfirm)).toBeDisabled();
    expect(backend.argsOf('import_profile')).toHaveLength(0);
  });
});

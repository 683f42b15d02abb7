// Purpose: Home behaviour: list with progress, empty state, create, rename (refusals translated), delete with
// confirmation, IME-safe Enter.
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import Home from './Home.svelte';
import { fakeBackend } from '../test/backend';
import { ipcError, practiceProfile, profiles, validationError } from '../test/fixtures';
import { TestId, TestIds } from '../lib/testIds';
import type { ProfileSummary } from '../lib/api';
import { applyLocale } from '../lib/i18n';

function newProfile(id: number, name: string): ProfileSummary {
  return { id, name, createdAt: '2026-03-01T10:00:00Z', updatedAt: '2026-03-01T10:00:00Z', progress: [], practice: false };
}

describe('Home', () => {
  it('lists the profiles with a progress meter per flow', async () => {
    fakeBackend({ list_profiles: () => profiles() });
    render(Home, { onopen: vi.fn() });

    const row = await screen.findByTestId(TestIds.profileRow(1));
    expect(within(row).getByRole('heading', { name: 'Acme Corp' })).toBeInTheDocument();
    const meter = await within(row).findByRole('meter', { name: 'CXone Presence Sync for Zoom: 3 steps done out of 8' });
    expect(meter).toHaveAttribute('value', '3');
    expect(within(row).getByTestId(TestIds.profileFlowMeter(1, 'zoom-presence'))).toHaveTextContent('3 / 8');
    expect(screen.getByTestId(TestIds.profileRow(2))).toBeInTheDocument();
    expect(screen.getByText('2 profiles')).toBeInTheDocument();
  });

  it('opens a profile', async () => {
    fakeBackend({ list_profiles: () => profiles() });
    const onopen = vi.fn();
    render(Home, { onopen });
    await fireEvent.click(await screen.findByTestId(TestIds.profileOpen(2)));
    expect(onopen).toHaveBeenCalledWith(expect.objectContaining({ id: 2, name: 'Globex' }));
  });

  it('invites to create the first profile when there is none', async () => {
    fakeBackend({ list_profiles: () => [] });
    render(Home, { onopen: vi.fn() });
    const empty = await screen.findByTestId(TestId.profileEmpty);
    expect(empty).toHaveTextContent('No customer profile yet');
    expect(empty).toHaveTextContent('Create your first profile');
  });

  it('creates a profile from the inline form', async () => {
    const backend = fakeBackend({
      list_profiles: () => [],
      create_profile: (args) => newProfile(7, String(args.name)),
    });
    const user = userEvent.setup();
    render(Home, { onopen: vi.fn() });
    await screen.findByTestId(TestId.profileEmpty);

    await user.type(screen.getByLabelText('Customer name'), '  Initech ');
    await user.click(screen.getByTestId(TestId.profileCreateButton));

    expect(await screen.findByTestId(TestIds.profileRow(7))).toHaveTextContent('Initech');
    expect(backend.argsOf('create_profile')).toEqual([{ name: 'Initech' }]);
    expect(screen.getByTestId(TestId.profileNameInput)).toHaveValue('');
    expect(screen.getByTestId(TestId.homeStatus)).toHaveTextContent('Profile “Initech” created.');
  });

  it('creates on Enter, but never while an IME composition is open', async () => {
    const backend = fakeBackend({ create_profile: (args) => newProfile(8, String(args.name)) });
    render(Home, { onopen: vi.fn() });
    const input = screen.getByTestId(TestId.profileNameInput);
    await fireEvent.input(input, { target: { value: '株式会社' } });

    await fireEvent.compositionStart(input);
    await fireEvent.keyDown(input, { key: 'Enter', keyCode: 229, isComposing: true });
    await fireEvent.keyDown(input, { key: 'Enter', keyCode: 13 });
    await fireEvent.compositionEnd(input);
    await fireEvent.keyDown(input, { key: 'Enter', keyCode: 13 });
    expect(backend.argsOf('create_profile')).toEqual([]);

    await new Promise((resolve) => setTimeout(resolve, 5));
    await fireEvent.keyDown(input, { key: 'Enter', keyCode: 13 });
    await waitFor(() => expect(backend.argsOf('create_profile')).toEqual([{ name: '株式会社' }]));
  });

  it('refuses an empty name without calling the core', async () => {
    const backend = fakeBackend();
    render(Home, { onopen: vi.fn() });
    await fireEvent.click(screen.getByTestId(TestId.profileCreateButton));
    expect(screen.getByTestId(TestId.profileCreateError)).toHaveTextContent('This field is required.');
    expect(screen.getByTestId(TestId.profileNameInput)).toHaveAttribute('aria-invalid', 'true');
    expect(backend.argsOf('create_profile')).toEqual([]);
  });

  it('explains a name that is already used', async () => {
    fakeBackend({
      create_profile: () => {
        throw ipcError('conflict', 'profile name already used');
      },
    });
    const user = userEvent.setup();
    render(Home, { onopen: vi.fn() });
    await user.type(screen.getByTestId(TestId.profileNameInput), 'Acme Corp');
    await user.click(screen.getByTestId(TestId.profileCreateButton));
    expect(await screen.findByTestId(TestId.profileCreateError)).toHaveTextContent(
      'A profile with this name already exists.',
    );
    expect(screen.getByTestId(TestId.profileNameInput)).toHaveFocus();
  });

  it('shows the rule a refused name broke, with its params', async () => {
    fakeBackend({
      create_profile: () => {
        throw validationError('name', 'too_long', { max: '255' });
      },
    });
    const user = userEvent.setup();
    render(Home, { onopen: vi.fn() });
    await user.type(screen.getByTestId(TestId.profileNameInput), 'Initech');
    await user.click(screen.getByTestId(TestId.profileCreateButton));
    expect(await screen.findByTestId(TestId.profileCreateError)).toHaveTextContent(
      'This is too long: 255 characters at most.',
    );
    expect(screen.getByTestId(TestId.profileNameInput)).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says the name is required when a refusal has no detail', async () => {
    fakeBackend({
      create_profile: () => {
        throw ipcError('validation', 'name is invalid', 'name');
      },
    });
    const user = userEvent.setup();
    render(Home, { onopen: vi.fn() });
    await user.type(screen.getByTestId(TestId.profileNameInput), 'Initech');
    await user.click(screen.getByTestId(TestId.profileCreateButton));
    expect(await screen.findByTestId(TestId.profileCreateError)).toHaveTextContent('This field is required.');
  });

  it('shows the rule a refused rename broke, translated', async () => {
    applyLocale('fr');
    const backend = fakeBackend({
      list_profiles: () => profiles(),
      rename_profile: () => {
        throw validationError('name', 'too_long', { max: '255' });
      },
    });
    const user = userEvent.setup();
    render(Home, { onopen: vi.fn() });
    await user.click(await screen.findByTestId(TestIds.profileRename(1)));
    const input = screen.getByTestId(TestIds.profileRenameInput(1));
    await user.type(input, ' Europe{Enter}');
    await waitFor(() => expect(input).toHaveAccessibleDescription(/^Trop long\s: 255 caractères au maximum\.$/));
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(backend.argsOf('rename_profile')).toEqual([{ profileId: 1, name: 'Acme Corp Europe' }]);
  });

  it('renames a profile inline', async () => {
    const backend = fakeBackend({
      list_profiles: () => profiles(),
      rename_profile: (args) => ({ ...profiles()[0], name: String(args.name) }),
    });
    const user = userEvent.setup();
    render(Home, { onopen: vi.fn() });
    await user.click(await screen.findByTestId(TestIds.profileRename(1)));

    const input = screen.getByLabelText('New name for Acme Corp');
    expect(input).toHaveValue('Acme Corp');
    await user.clear(input);
    await user.type(input, 'Acme Europe{Enter}');

    await waitFor(() => expect(backend.argsOf('rename_profile')).toEqual([{ profileId: 1, name: 'Acme Europe' }]));
    expect(await within(screen.getByTestId(TestIds.profileRow(1))).findByRole('heading', { name: 'Acme Europe' })).toBeInTheDocument();
  });

  it('cancels a rename with Escape', async () => {
    const backend = fakeBackend({ list_profiles: () => profiles() });
    const user = userEvent.setup();
    render(Home, { onopen: vi.fn() });
    await user.click(await screen.findByTestId(TestIds.profileRename(1)));
    await user.type(screen.getByTestId(TestIds.profileRenameInput(1)), ' X{Escape}');
    expect(screen.queryByTestId(TestIds.profileRenameInput(1))).not.toBeInTheDocument();
    expect(backend.argsOf('rename_profile')).toEqual([]);
    expect(screen.getByRole('heading', { name: 'Acme Corp' })).toBeInTheDocument();
  });

  it('deletes a profile only after a confirmation that names it and its keychain secrets', async () => {
    const backend = fakeBackend({ list_profiles: () => profiles(), delete_profile: () => ({ leftInKeychain: [] }) });
    const user = userEvent.setup();
    render(Home, { onopen: vi.fn() });

    await user.click(await screen.findByTestId(TestIds.profileDelete(1)));
    const dialog = screen.getByTestId(TestId.deleteDialog);
    expect(dialog).toHaveAttribute('open');
    expect(within(dialog).getByRole('heading', { name: 'Delete “Acme Corp”?' })).toBeInTheDocument();
    expect(dialog).toHaveTextContent('removed from the system keychain');

    await user.click(screen.getByTestId(TestId.deleteCancelButton));
    expect(dialog).not.toHaveAttribute('open');
    expect(backend.argsOf('delete_profile')).toEqual([]);

    await user.click(screen.getByTestId(TestIds.profileDelete(1)));
    await user.click(screen.getByTestId(TestId.deleteConfirmButton));
    await waitFor(() => expect(screen.queryByTestId(TestIds.profileRow(1))).not.toBeInTheDocument());
    expect(backend.argsOf('delete_profile')).toEqual([{ profileId: 1 }]);
    expect(screen.getByTestId(TestIds.profileRow(2))).toBeInTheDocument();
  });

  it('names the keychain entries a deleted profile left behind', async () => {
    const left = 'a1b2/c3d4/connection:zoom/client-secret';
    fakeBackend({ list_profiles: () => profiles(), delete_profile: () => ({ leftInKeychain: [left] }) });
    const user = userEvent.setup();
    render(Home, { onopen: vi.fn() });
    await user.click(await screen.findByTestId(TestIds.profileDelete(1)));
    await user.click(screen.getByTestId(TestId.deleteConfirmButton));
    const notice = await screen.findByTestId(TestId.keychainLeft);
    expect(notice).toHaveAttribute('role', 'alert');
    expect(notice).toHaveTextContent('would not remove 1 of its saved secrets');
    expect(notice).toHaveTextContent(left);
    await user.click(within(notice).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByTestId(TestId.keychainLeft)).not.toBeInTheDocument();
  });

  it('closes the delete dialog with Escape', async () => {
    const backend = fakeBackend({ list_profiles: () => profiles() });
    const user = userEvent.setup();
    render(Home, { onopen: vi.fn() });
    await user.click(await screen.findByTestId(TestIds.profileDelete(2)));
    const dialog = screen.getByTestId(TestId.deleteDialog);
    await fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(dialog).not.toHaveAttribute('open');
    expect(backend.argsOf('delete_profile')).toEqual([]);
  });

  it('shows a translated message when the list cannot be read', async () => {
    fakeBackend({
      list_profiles: () => {
        throw ipcError('storage', 'database is locked');
      },
    });
    render(Home, { onopen: vi.fn() });
    const notice = await screen.findByRole('alert');
    expect(notice).toHaveTextContent('Switchboard could not read or write its data.');
    expect(notice).toHaveTextContent('database is locked');
  });

  it('opens the practice tenant and marks it in the list', async () => {
    const backend = fakeBackend({
      list_profiles: () => [...profiles(), practiceProfile()],
      open_practice_tenant: () => practiceProfile(),
    });
    const onopen = vi.fn();
    const user = userEvent.setup();
    render(Home, { onopen });
    expect(await within(await screen.findByTestId(TestIds.profileRow(9))).findByText('Practice')).toBeInTheDocument();
    const button = screen.getByTestId(TestId.openPracticeButton);
    expect(button).toHaveAccessibleName('Try the practice tenant');
    await user.click(button);
    await waitFor(() => expect(onopen).toHaveBeenCalledWith(expect.objectContaining({ id: 9, practice: true })));
    expect(backend.argsOf('open_practice_tenant')).toHaveLength(1);
  });

  it('shows a translated error when the practice tenant cannot be opened', async () => {
    fakeBackend({
      open_practice_tenant: () => {
        throw ipcError('storage', 'disk full');
      },
    });
    const onopen = vi.fn();
    render(Home, { onopen });
    await fireEvent.click(screen.getByTestId(TestId.openPracticeButton));
    expect(await screen.findByRole('alert')).toHaveTextContent('disk full');
    expect(onopen).not.toHaveBeenCalled();
  });
});

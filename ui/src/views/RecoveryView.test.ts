// Purpose: the recovery screen per cause (damaged, newer, locked, disk full): what it says in EN/FR/JA, which
// actions it offers, and that each action calls its command and hands the outcome back to the shell.
import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import RecoveryView from './RecoveryView.svelte';
import App from '../App.svelte';
import { fakeBackend } from '../test/backend';
import { ipcError, profiles, startupProblem } from '../test/fixtures';
import { TestId } from '../lib/testIds';
import { applyLocale } from '../lib/i18n';

const MOVED = '/home/admin/.local/share/app.switchboard.desktop/switchboard.20261203T121505Z.damaged.sqlite3';

describe('RecoveryView', () => {
  it('says a damaged file cannot be read and offers a fresh start, with no backup to restore', async () => {
    fakeBackend();
    render(RecoveryView, { problem: startupProblem(), onrecovered: vi.fn() });

    const heading = screen.getByRole('heading', { level: 1, name: "Switchboard's data file is damaged" });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(screen.getByTestId(TestId.recoveryExplanation)).toHaveTextContent('nothing is deleted');
    expect(screen.getByTestId(TestId.recoveryDataDir)).toHaveTextContent('/home/admin/.local/share/app.switchboard.desktop');
    expect(screen.getByRole('button', { name: 'Start with a fresh database' })).toBeEnabled();
    expect(screen.getByTestId(TestId.recoveryNoBackups)).toHaveTextContent('/app.switchboard.desktop/backups');
    expect(screen.queryByTestId(TestId.recoveryRestoreButton)).not.toBeInTheDocument();
    expect(screen.queryByTestId(TestId.recoveryRetryButton)).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Show the data folder' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Quit Switchboard' })).toBeInTheDocument();
  });

  it('starts fresh and hands back where the damaged file went', async () => {
    const backend = fakeBackend({ start_fresh_database: () => ({ movedTo: MOVED }) });
    const onrecovered = vi.fn();
    const user = userEvent.setup();
    render(RecoveryView, { problem: startupProblem(), onrecovered });

    await user.click(screen.getByTestId(TestId.recoveryFreshButton));
    await waitFor(() => expect(onrecovered).toHaveBeenCalledWith({ movedTo: MOVED, restored: false }));
    expect(backend.argsOf('start_fresh_database')).toHaveLength(1);
  });

  it('lists backups by date and restores the chosen one', async () => {
    const backend = fakeBackend({ restore_backup: () => ({ movedTo: MOVED }) });
    const onrecovered = vi.fn();
    const user = userEvent.setup();
    const backups = [
      { name: 'friday.sqlite3', modified: '2026-11-27T17:00:00Z', size: 40960 },
      { name: 'monday.sqlite3', modified: '2026-11-23T09:00:00Z', size: 36864 },
    ];
    render(RecoveryView, { problem: startupProblem({ backups }), onrecovered });

    const list = screen.getByRole('group', { name: 'Backups found' });
    const choices = within(list).getAllByRole('radio');
    expect(choices).toHaveLength(2);
    expect(choices[0]).toBeChecked();
    expect(list).toHaveTextContent(/friday\.sqlite3, saved Nov 27, 2026/);
    await user.click(within(list).getByLabelText(/monday\.sqlite3/));
    await user.click(screen.getByRole('button', { name: 'Restore this backup' }));

    await waitFor(() => expect(onrecovered).toHaveBeenCalledWith({ movedTo: MOVED, restored: true }));
    expect(backend.argsOf('restore_backup')).toEqual([{ name: 'monday.sqlite3' }]);
  });

  it('names both versions for data from a newer Switchboard and never offers to replace it', async () => {
    fakeBackend();
    render(RecoveryView, {
      problem: startupProblem({ code: 'database_newer', foundVersion: 9, knownVersion: 5 }),
      onrecovered: vi.fn(),
    });
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('This data comes from a newer Switchboard');
    const explanation = screen.getByTestId(TestId.recoveryExplanation);
    expect(explanation).toHaveTextContent('data version 9');
    expect(explanation).toHaveTextContent('up to version 5');
    expect(screen.getByTestId(TestId.recoveryVersions)).toHaveTextContent('9');
    expect(screen.queryByTestId(TestId.recoveryFreshButton)).not.toBeInTheDocument();
    expect(screen.queryByTestId(TestId.recoveryRestoreButton)).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Show the data folder' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Quit Switchboard' })).toBeInTheDocument();
  });

  it('tries again on a locked file: says it still fails, then opens once released', async () => {
    let attempts = 0;
    const locked = startupProblem({ code: 'database_locked', message: 'database is locked' });
    fakeBackend({ retry_open: () => (++attempts === 1 ? locked : null) });
    const onrecovered = vi.fn();
    const user = userEvent.setup();
    render(RecoveryView, { problem: locked, onrecovered });
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent("Another program is using Switchboard's data");

    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() =>
      expect(screen.getByTestId(TestId.recoveryStatus)).toHaveTextContent('It still does not open. Another program'),
    );
    expect(onrecovered).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(onrecovered).toHaveBeenCalledWith(null));
  });

  it('explains a full disk and offers to try again', async () => {
    fakeBackend();
    render(RecoveryView, { problem: startupProblem({ code: 'disk_full' }), onrecovered: vi.fn() });
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('The disk is full');
    expect(screen.getByTestId(TestId.recoveryExplanation)).toHaveTextContent('Free some space');
    expect(screen.getByTestId(TestId.recoveryRetryButton)).toBeInTheDocument();
  });

  it('shows the data folder and quits through their commands', async () => {
    const backend = fakeBackend({ open_data_folder: () => null, quit_app: () => null });
    const user = userEvent.setup();
    render(RecoveryView, { problem: startupProblem(), onrecovered: vi.fn() });
    await user.click(screen.getByTestId(TestId.recoveryFolderButton));
    await user.click(screen.getByTestId(TestId.recoveryQuitButton));
    await waitFor(() => expect(backend.argsOf('quit_app')).toHaveLength(1));
    expect(backend.argsOf('open_data_folder')).toHaveLength(1);
  });

  it('shows the next problem when a restored backup is damaged too', async () => {
    const backups = [{ name: 'old.sqlite3', modified: '2026-11-23T09:00:00Z', size: 10 }];
    fakeBackend({
      restore_backup: () => {
        throw ipcError('conflict', 'the database file is damaged: file is not a database');
      },
      startup_problem: () => startupProblem({ backups, message: 'restored copy is damaged' }),
    });
    const user = userEvent.setup();
    render(RecoveryView, { problem: startupProblem({ backups }), onrecovered: vi.fn() });
    await user.click(screen.getByTestId(TestId.recoveryRestoreButton));
    expect(await screen.findByTestId(TestId.errorNotice)).toHaveAttribute('data-error-code', 'conflict');
    await waitFor(() => expect(screen.getByRole('group', { name: 'Backups found' })).toBeInTheDocument());
    expect(screen.getByText('restored copy is damaged')).toBeInTheDocument();
  });

  it.each([
    ['fr', 'Le fichier de données de Switchboard est endommagé', "Repartir d'une base vierge", 'Quitter Switchboard'],
    ['ja', 'Switchboard のデータファイルが破損しています', '新しいデータベースで始める', 'Switchboard を終了'],
  ] as const)('speaks %s', async (locale, title, fresh, quit) => {
    applyLocale(locale);
    fakeBackend();
    render(RecoveryView, { problem: startupProblem(), onrecovered: vi.fn() });
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(title);
    expect(screen.getByTestId(TestId.recoveryFreshButton)).toHaveTextContent(fresh);
    expect(screen.getByTestId(TestId.recoveryQuitButton)).toHaveTextContent(quit);
  });
});

describe('App in recovery', () => {
  it('shows the recovery screen instead of the wizard, then Home after a fresh start, saying where the file went', async () => {
    let problem: ReturnType<typeof startupProblem> | null = startupProblem();
    const backend = fakeBackend({
      startup_problem: () => problem,
      start_fresh_database: () => {
        problem = null;
        return { movedTo: MOVED };
      },
      list_profiles: () => profiles(),
    });
    const user = userEvent.setup();
    render(App);

    await screen.findByTestId(TestId.recoveryView);
    expect(screen.queryByTestId(TestId.homeView)).not.toBeInTheDocument();
    expect(backend.argsOf('keychain_status')).toHaveLength(0);
    expect(backend.argsOf('get_resume')).toHaveLength(0);

    await user.click(screen.getByTestId(TestId.recoveryFreshButton));
    await screen.findByTestId(TestId.homeView);
    expect(screen.getByTestId(TestId.recoveryDone)).toHaveTextContent(MOVED);
  });

  it('switches the language without trying to save it while the database is closed', async () => {
    const backend = fakeBackend({ startup_problem: () => startupProblem() });
    const user = userEvent.setup();
    render(App);
    await screen.findByTestId(TestId.recoveryView);
    await user.selectOptions(screen.getByTestId(TestId.languageSelect), 'fr');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Le fichier de données de Switchboard est endommagé');
    expect(backend.argsOf('set_locale')).toHaveLength(0);
    expect(screen.queryByTestId(TestId.startupError)).not.toBeInTheDocument();
  });
});

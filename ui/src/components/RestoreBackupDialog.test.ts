// Purpose: Help › Restore a backup…: the backups listed newest first with localized dates, the newest chosen,
// the restart asked for the one picked; with none, it says so.
import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import RestoreBackupDialog from './RestoreBackupDialog.svelte';
import { fakeBackend } from '../test/backend';
import { TestId, TestIds } from '../lib/testIds';

describe('RestoreBackupDialog', () => {
  it('restores the backup chosen by restarting', async () => {
    const user = userEvent.setup();
    const backend = fakeBackend({
      list_backups: () => [
        { name: 'switchboard.20261203T090000Z.sqlite3', modified: '2026-12-03T09:00:00Z', size: 4096 },
        { name: 'switchboard.20261202T090000Z.sqlite3', modified: '2026-12-02T09:00:00Z', size: 4096 },
      ],
      restore_backup_and_restart: () => null,
    });
    render(RestoreBackupDialog, { open: true, onclose: () => undefined });
    const newest = await screen.findByTestId(TestIds.backupOption('switchboard.20261203T090000Z.sqlite3'));
    expect(newest).toBeChecked();
    await user.click(screen.getByTestId(TestIds.backupOption('switchboard.20261202T090000Z.sqlite3')));
    expect(screen.getByText(/restarts to restore switchboard.20261202T090000Z.sqlite3/)).toBeInTheDocument();
    await user.click(screen.getByTestId(TestId.backupsRestart));
    expect(backend.argsOf('restore_backup_and_restart')[0]).toEqual({ name: 'switchboard.20261202T090000Z.sqlite3' });
  });

  it('says when there is no backup yet', async () => {
    fakeBackend({ list_backups: () => [] });
    render(RestoreBackupDialog, { open: true, onclose: () => undefined });
    expect(await screen.findByTestId(TestId.backupsNone)).toHaveTextContent('No backup yet');
    expect(screen.getByTestId(TestId.backupsRestart)).toBeDisabled();
  });
});

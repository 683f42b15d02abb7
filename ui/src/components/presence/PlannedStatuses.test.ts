// Purpose: the planned Salesforce statuses: developer names suggested from the name (until edited), rows added and
// removed by keyboard, a refused value shown at its cell, and the practice tenant's "create them" button.
import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import PlannedStatuses from './PlannedStatuses.svelte';
import { fakeBackend, type Args, type Handler } from '../../test/backend';
import { SF_FLOW_ID, plannedStatuses, sfPresenceFlow, validationError } from '../../test/fixtures';
import type { PlannedStatus } from '../../lib/api';
import { TestId, TestIds } from '../../lib/testIds';

async function renderTable(handlers: Record<string, Handler> = {}, practice = false) {
  const backend = fakeBackend({
    planned_statuses: () => plannedStatuses(),
    save_planned_statuses: (args: Args) => args.statuses,
    ...handlers,
  });
  const onflow = vi.fn();
  const user = userEvent.setup();
  render(PlannedStatuses, { profileId: 1, flowId: SF_FLOW_ID, practice, onflow });
  await screen.findByTestId(TestId.plannedTable);
  return { backend, onflow, user };
}

const saved = (backend: { argsOf: (cmd: string) => Args[] }) =>
  backend.argsOf('save_planned_statuses').map((a) => a.statuses as PlannedStatus[]);

describe('PlannedStatuses', () => {
  it('lists the planned statuses, with channels for Online ones only', async () => {
    await renderTable();
    expect(screen.getByTestId(TestIds.plannedField(0, 'label'))).toHaveValue('Available for Chat');
    expect(screen.getByTestId(TestIds.plannedField(0, 'developerName'))).toHaveAccessibleName('Developer name, row 1');
    expect(screen.getByTestId(TestIds.plannedField(0, 'channels'))).toHaveValue('Chat');
    expect(screen.getByTestId(TestIds.plannedField(1, 'kind'))).toHaveValue('busy');
    expect(screen.queryByTestId(TestIds.plannedField(1, 'channels'))).not.toBeInTheDocument();
    expect(screen.getByTestId(TestIds.plannedRow(1))).toHaveTextContent('Online only');
  });

  it('adds a row by keyboard and suggests the developer name from the name until it is edited', async () => {
    const { backend, user } = await renderTable();
    screen.getByTestId(TestId.plannedAddButton).focus();
    await user.keyboard('{Enter}');
    const label = screen.getByTestId(TestIds.plannedField(2, 'label'));
    await waitFor(() => expect(label).toHaveFocus());
    await user.keyboard('Pause déjeuner');
    expect(screen.getByTestId(TestIds.plannedField(2, 'developerName'))).toHaveValue('Pause_dejeuner');
    await waitFor(() => expect(saved(backend).at(-1)?.[2]).toEqual({ label: 'Pause déjeuner', developerName: 'Pause_dejeuner', kind: 'online', channels: '' }));

    const dev = screen.getByTestId(TestIds.plannedField(2, 'developerName'));
    await user.clear(dev);
    await user.type(dev, 'Lunch');
    await user.type(label, ' longue');
    expect(dev).toHaveValue('Lunch');
    await waitFor(() => expect(saved(backend).at(-1)?.[2]).toMatchObject({ label: 'Pause déjeuner longue', developerName: 'Lunch' }));
  });

  it('removes a row by keyboard and moves the focus to the next row, then to Add', async () => {
    const { backend, user } = await renderTable();
    const remove = screen.getByTestId(TestIds.plannedRemove(0));
    expect(remove).toHaveAccessibleName('Remove row 1: Available for Chat');
    remove.focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByTestId(TestIds.plannedField(0, 'label'))).toHaveValue('Lunch Break'));
    expect(screen.getByTestId(TestIds.plannedRemove(0))).toHaveFocus();
    await waitFor(() => expect(saved(backend).at(-1)).toEqual([plannedStatuses()[1]]));
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByTestId(TestId.plannedAddButton)).toHaveFocus());
    expect(screen.queryByTestId(TestId.plannedTable)).not.toBeInTheDocument();
  });

  it('shows a refused developer name at its cell', async () => {
    const { user } = await renderTable({
      save_planned_statuses: () => {
        throw validationError('statuses[1].developerName', 'developer_name');
      },
    });
    await user.selectOptions(screen.getByTestId(TestIds.plannedField(1, 'kind')), 'online');
    const message = await screen.findByTestId(TestIds.plannedFieldError(1, 'developerName'));
    expect(message).toHaveTextContent('Use only letters, digits and single underscores');
    const input = screen.getByTestId(TestIds.plannedField(1, 'developerName'));
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input.getAttribute('aria-describedby')).toContain(message.id);
    expect(screen.getByTestId(TestIds.plannedField(1, 'label'))).not.toHaveAttribute('aria-invalid');
  });

  it('offers to create the statuses in the practice org only on the practice tenant', async () => {
    const practice = sfPresenceFlow({ practice: true });
    const { backend, onflow, user } = await renderTable({ practice_create_planned_statuses: () => practice }, true);
    const button = screen.getByTestId(TestId.practiceCreateStatusesButton);
    expect(button).toHaveAccessibleDescription(/stands in|instead/);
    await user.click(button);
    await waitFor(() => expect(onflow).toHaveBeenCalledWith(practice));
    expect(backend.argsOf('practice_create_planned_statuses')).toEqual([{ profileId: 1, flowId: SF_FLOW_ID }]);
    expect(screen.getByTestId(TestId.practiceCreateStatus)).toHaveTextContent('were created in the practice org');
  });

  it('has no practice button elsewhere', async () => {
    await renderTable();
    expect(screen.queryByTestId(TestId.practiceCreateStatusesButton)).not.toBeInTheDocument();
  });
});

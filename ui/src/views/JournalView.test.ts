// Purpose: the Journal view: entries with localized dates, filters by vendor and outcome and words sent to the
// core, more pages on request, and the CSV export saved and revealed.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import JournalView from './JournalView.svelte';
import { fakeBackend } from '../test/backend';
import { TestId } from '../lib/testIds';
import type { JournalEntry, JournalPage } from '../lib/api';
import { applyLocale } from '../lib/i18n';

const profile = { id: 4, name: 'Acme' };

function entry(action: string, vendor: string | null, outcome = 'ok'): JournalEntry {
  return { at: '2026-12-03T10:15:00.000Z', profileId: 4, vendor, action, outcome, detail: `${action} detail` };
}

function page(entries: JournalEntry[], total = entries.length): JournalPage {
  return { entries, total, vendors: ['genesys', 'zoom'], outcomes: ['failed', 'ok'] };
}

afterEach(() => applyLocale('en'));

describe('JournalView', () => {
  it('shows the entries and sends each filter to the core', async () => {
    const user = userEvent.setup();
    const backend = fakeBackend({
      profile_journal: (args) => {
        const query = args.query as { vendor: string | null };
        return query.vendor === 'genesys' ? page([entry('data_actions.apply', 'genesys')]) : page([entry('profile.create', null), entry('connection.test', 'zoom', 'failed')]);
      },
    });
    render(JournalView, { profile, onback: vi.fn() });
    const table = await screen.findByTestId(TestId.journalTable);
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    expect(table).toHaveTextContent('connection.test');
    expect(table).toHaveTextContent('Zoom');

    await user.selectOptions(screen.getByTestId(TestId.journalVendor), 'genesys');
    await waitFor(() => expect(screen.getByTestId(TestId.journalTable)).toHaveTextContent('data_actions.apply'));
    await user.selectOptions(screen.getByTestId(TestId.journalOutcome), 'failed');
    await user.type(screen.getByTestId(TestId.journalSearch), 'apply');
    await waitFor(() => expect(backend.argsOf('profile_journal').at(-1)).toEqual({
      profileId: 4,
      query: { vendor: 'genesys', outcome: 'failed', search: 'apply', offset: 0, limit: 100 },
    }));
  });

  it('loads the next page on request and exports the filtered journal as CSV', async () => {
    const user = userEvent.setup();
    const backend = fakeBackend({
      profile_journal: (args) => {
        const query = args.query as { offset: number };
        return page([entry(`step.${query.offset}`, null)], 2);
      },
      export_journal: () => ({ path: '/home/admin/Downloads/journal-acme-2026-12-03.csv' }),
    });
    render(JournalView, { profile, onback: vi.fn() });
    expect(await screen.findByTestId(TestId.journalCount)).toHaveTextContent('1 of 2 entries');
    await user.click(screen.getByTestId(TestId.journalMore));
    await waitFor(() => expect(screen.getByTestId(TestId.journalCount)).toHaveTextContent('2 of 2 entries'));
    expect(screen.queryByTestId(TestId.journalMore)).not.toBeInTheDocument();

    await user.click(screen.getByTestId(TestId.journalExport));
    expect(await screen.findByTestId(TestId.journalExported)).toHaveTextContent('journal-acme-2026-12-03.csv');
    expect(backend.argsOf('export_journal')[0]).toEqual({
      profileId: 4,
      query: { vendor: null, outcome: null, search: null, offset: 0, limit: 0 },
      locale: 'en',
    });
  });

  it('dates the entries in the language of the window', async () => {
    applyLocale('ja');
    fakeBackend({ profile_journal: () => page([entry('profile.create', null)]) });
    render(JournalView, { profile, onback: vi.fn() });
    const table = await screen.findByTestId(TestId.journalTable);
    expect(table).toHaveTextContent('2026');
    expect(table).toHaveTextContent('日時');
    expect(table.querySelector('time')?.textContent).toMatch(/2026\/12\/03|2026年12月3日/);
  });
});

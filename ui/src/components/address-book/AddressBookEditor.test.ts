// Purpose: the address-book editor: inline entry problems keeping what was typed, CSV preview (rejected rows with
// their lines, only accepted entries added), region and targets saved in the draft, plan, apply progress and resume.
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import AddressBookEditor from './AddressBookEditor.svelte';
import { fakeBackend, type Args, type Handler } from '../../test/backend';
import { DS_FLOW_ID, addressBookDraft, addressEntry, applyRun, directorySyncFlow, withStatus } from '../../test/fixtures';
import type { AddressBookDraft } from '../../lib/api';
import { TestId, TestIds } from '../../lib/testIds';

const step = () => directorySyncFlow().steps.find((s) => s.id === 'cxone-address-book')!;

async function renderEditor(handlers: Record<string, Handler> = {}) {
  const backend = fakeBackend({
    address_book_draft: () => addressBookDraft(),
    address_book_run: () => null,
    cxone_teams: () => [
      { id: 7, name: 'Tokyo', active: true, agentCount: 12 },
      { id: 8, name: 'Paris', active: true, agentCount: null },
    ],
    save_address_book_draft: (args: Args) => args.draft,
    ...handlers,
  });
  const onflow = vi.fn();
  const onconnections = vi.fn();
  const user = userEvent.setup();
  render(AddressBookEditor, { step: step(), profileId: 1, flowId: DS_FLOW_ID, onflow, onconnections });
  await screen.findByTestId(TestId.entryTable);
  return { backend, onflow, onconnections, user };
}

const savedDrafts = (backend: { argsOf: (cmd: string) => Args[] }) =>
  backend.argsOf('save_address_book_draft').map((a) => a.draft as AddressBookDraft);

describe('AddressBookEditor', () => {
  it('shows an entry problem at its field and keeps what was typed', async () => {
    const { backend, user } = await renderEditor({
      check_entry: () => ({ entry: null, problems: [{ field: 'phone', code: 'phone.invalid' }] }),
    });
    await user.type(screen.getByTestId(TestIds.entryField('firstName')), 'Akiko');
    await user.type(screen.getByTestId(TestIds.entryField('lastName')), 'Sato');
    await user.type(screen.getByTestId(TestIds.entryField('phone')), '0312{Enter}');

    const phone = screen.getByTestId(TestIds.entryField('phone'));
    const error = await screen.findByTestId(TestIds.entryFieldError('phone'));
    expect(error).toHaveTextContent("This number does not exist in its country's numbering plan.");
    expect(phone).toHaveAttribute('aria-invalid', 'true');
    expect(phone.getAttribute('aria-describedby')).toContain(error.id);
    await waitFor(() => expect(phone).toHaveFocus());
    expect(phone).toHaveValue('0312');
    expect(screen.getByTestId(TestIds.entryField('firstName'))).toHaveValue('Akiko');
    expect(screen.getByTestId(TestIds.entryField('lastName'))).toHaveValue('Sato');
    expect(backend.argsOf('check_entry')).toEqual([
      {
        draft: { firstName: 'Akiko', lastName: 'Sato', middleName: '', company: '', phone: '0312', mobile: '', email: '' },
        region: 'FR',
      },
    ]);
    expect(savedDrafts(backend)).toEqual([]);
    expect(screen.getByTestId(TestId.entryCount)).toHaveTextContent('1 entry');
  });

  it('says a cell starting like a spreadsheet formula is refused, at its field', async () => {
    const { backend, user } = await renderEditor({
      check_entry: () => ({ entry: null, problems: [{ field: 'company', code: 'entry.formula' }] }),
    });
    await user.type(screen.getByTestId(TestIds.entryField('firstName')), 'Akiko');
    await user.type(screen.getByTestId(TestIds.entryField('lastName')), 'Sato');
    await user.type(screen.getByTestId(TestIds.entryField('company')), '=1+2{Enter}');
    const error = await screen.findByTestId(TestIds.entryFieldError('company'));
    expect(error).toHaveTextContent('This starts like a spreadsheet formula (=, +, - or @).');
    expect(screen.getByTestId(TestIds.entryField('company'))).toHaveValue('=1+2');
    expect(savedDrafts(backend)).toEqual([]);
  });

  it('adds a checked entry, saves the draft and clears the form', async () => {
    const akiko = addressEntry({ firstName: 'Akiko', lastName: 'Sato', phone: '+81312345678', email: null, company: null });
    const { backend, user } = await renderEditor({ check_entry: () => ({ entry: akiko, problems: [] }) });
    await user.type(screen.getByTestId(TestIds.entryField('firstName')), 'Akiko');
    await user.click(screen.getByTestId(TestId.entrySubmit));
    await waitFor(() => expect(savedDrafts(backend)).toHaveLength(1));
    expect(savedDrafts(backend)[0].entries).toEqual([addressEntry(), akiko]);
    expect(screen.getByTestId(TestId.entryCount)).toHaveTextContent('2 entries');
    expect(screen.getByTestId(TestId.entryFormStatus)).toHaveTextContent('Akiko Sato added.');
    expect(screen.getByTestId(TestIds.entryField('firstName'))).toHaveValue('');
  });

  it('never adds on the Enter that confirms an IME composition', async () => {
    const { backend } = await renderEditor({ check_entry: () => ({ entry: null, problems: [] }) });
    const input = screen.getByTestId(TestIds.entryField('lastName'));
    await fireEvent.compositionStart(input);
    await fireEvent.keyDown(input, { key: 'Enter', keyCode: 229, isComposing: true });
    await fireEvent.compositionEnd(input);
    await fireEvent.keyDown(input, { key: 'Enter', keyCode: 13 });
    expect(backend.argsOf('check_entry')).toEqual([]);
  });

  it('removes an entry with a labelled, keyboard-reachable button', async () => {
    const { backend, user } = await renderEditor();
    const remove = screen.getByRole('button', { name: 'Remove Marie Curie' });
    remove.focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(savedDrafts(backend)).toHaveLength(1));
    expect(savedDrafts(backend)[0].entries).toEqual([]);
    expect(await screen.findByText('No entry yet. Add one below, or import a CSV file.')).toBeInTheDocument();
  });

  it('previews a CSV file, lists the rejected rows with their lines, and adds only the accepted entries', async () => {
    const ken = addressEntry({ firstName: 'Ken', lastName: 'Ito', phone: '+81355550000', email: null });
    const lea = addressEntry({ firstName: 'Léa', lastName: 'Petit', phone: '+33611223344', email: 'lea@acme.example' });
    const { backend, user } = await renderEditor({
      preview_csv: () => ({
        separator: ';',
        hadBom: true,
        encoding: 'windows-1252',
        columns: ['firstName', 'lastName', 'phone', 'email', 'Fax'],
        ignoredColumns: ['Fax'],
        accepted: [
          { line: 2, entry: addressEntry() },
          { line: 4, entry: ken },
          { line: 6, entry: lea },
        ],
        rejected: [
          { line: 3, problems: [{ field: 'phone', code: 'phone.unparseable' }], raw: ['Jean', 'Martin', 'n/a', ''] },
          { line: 5, problems: [{ field: null, code: 'row.cell_count' }], raw: ['Solo'] },
          { line: 7, problems: [{ field: 'company', code: 'entry.formula' }], raw: ['Zoé', 'Roy', '=cmd', ''] },
        ],
      }),
    });
    const content = '\uFEFFPrénom;Nom;Téléphone;E-mail\nMarie;Curie;0142345678;marie@acme.example\n';
    const file = new File([content], 'people.csv', { type: 'text/csv' });
    const input = screen.getByTestId(TestId.csvFileInput);
    expect(input).toHaveAttribute('accept', '.csv,text/csv');
    await user.upload(input, file);

    const preview = await screen.findByTestId(TestId.csvPreview);
    const [args] = backend.argsOf('preview_csv');
    expect(args.region).toBe('FR');
    const sent = Uint8Array.from(atob(args.contentBase64 as string), (c) => c.charCodeAt(0));
    expect(Array.from(sent)).toEqual(Array.from(new TextEncoder().encode(content)));
    expect(screen.getByTestId(TestId.csvEncoding)).toHaveTextContent('Read as Windows-1252');
    expect(screen.getByTestId(TestId.csvIgnoredColumns)).toHaveTextContent('These columns are not imported');
    expect(screen.getByTestId(TestId.csvIgnoredColumns)).toHaveTextContent('Fax');
    expect(screen.getByTestId(TestId.csvAcceptedCount)).toHaveTextContent('3 rows ready to add. 3 rows rejected.');

    const rejected = within(preview).getByTestId(TestId.csvRejectedList);
    expect(within(rejected).getAllByRole('listitem', { hidden: false }).filter((li) => li.dataset.line)).toHaveLength(3);
    const line3 = screen.getByTestId(TestIds.csvRejectedRow(3));
    expect(line3).toHaveTextContent('Line 3');
    expect(line3).toHaveTextContent('Jean ; Martin ; n/a ;');
    expect(line3).toHaveTextContent('This is not a phone number.');
    expect(screen.getByTestId(TestIds.csvRejectedRow(5))).toHaveTextContent('This row does not have as many cells as the header row');
    expect(screen.getByTestId(TestIds.csvRejectedRow(7))).toHaveTextContent('This starts like a spreadsheet formula');

    await user.click(screen.getByTestId(TestId.csvAddButton));
    expect(screen.getByTestId(TestId.csvStatus)).toHaveTextContent('Entries added: 2. Already in the list: 1.');
    await waitFor(() => expect(savedDrafts(backend)).toHaveLength(1));
    expect(savedDrafts(backend)[0].entries).toEqual([addressEntry(), ken, lea]);
    expect(screen.queryByTestId(TestId.csvPreview)).not.toBeInTheDocument();
  });

  it('translates a CSV file error', async () => {
    const { user } = await renderEditor({
      preview_csv: () => {
        throw {
          code: 'validation',
          message: 'missing columns',
          field: 'file',
          detail: { code: 'csv.missing_columns', params: { missing: ['Last name', 'Phone'] } },
        };
      },
    });
    await user.upload(screen.getByTestId(TestId.csvFileInput), new File(['x'], 'bad.csv', { type: 'text/csv' }));
    expect(await screen.findByTestId(TestId.csvFileError)).toHaveTextContent(
      'The header row lacks these columns: Last name and Phone.',
    );
    expect(screen.getByTestId(TestId.csvFileInput)).toHaveAttribute('aria-invalid', 'true');
  });

  it('also translates the file errors as the core names them (import.*), with the form\'s column names', async () => {
    const { user } = await renderEditor({
      preview_csv: () => {
        throw {
          code: 'validation',
          message: 'file is invalid (import.missing_columns)',
          field: 'file',
          detail: { code: 'import.missing_columns', params: { missing: 'firstName, lastName' } },
        };
      },
    });
    await user.upload(screen.getByTestId(TestId.csvFileInput), new File(['x'], 'bad.csv', { type: 'text/csv' }));
    expect(await screen.findByTestId(TestId.csvFileError)).toHaveTextContent(
      'The header row lacks these columns: First name and Last name.',
    );
  });

  it('saves the region and the chosen teams in the draft', async () => {
    const { backend, user } = await renderEditor();
    await user.selectOptions(screen.getByTestId(TestId.addressBookRegion), 'JP');
    await user.click(await screen.findByTestId(TestIds.teamOption(7)));
    await waitFor(() => expect(savedDrafts(backend)).toHaveLength(2));
    expect(savedDrafts(backend)[0].region).toBe('JP');
    expect(savedDrafts(backend)[1]).toMatchObject({ region: 'JP', teams: [{ id: 7, name: 'Tokyo' }] });
    expect(screen.getByRole('option', { name: 'Japan' })).toBeInTheDocument();
  });

  it('says how to add a CXone connection when there is none, keeping the manual way', async () => {
    const { onconnections, user } = await renderEditor({
      cxone_teams: () => {
        throw { code: 'connection_missing', message: 'no cxone', field: 'cxone' };
      },
    });
    const notice = await screen.findByTestId(TestId.addressBookNoConnection);
    expect(notice).toHaveTextContent(
      'Add a CXone connection to let Switchboard create the address book for you; otherwise follow the steps above by hand.',
    );
    await user.click(within(notice).getByTestId(TestId.openConnectionsButton));
    expect(onconnections).toHaveBeenCalled();
  });

  it('reviews the plan, shows the progress while applying, and resumes after a failure', async () => {
    let applies = 0;
    let progress = applyRun();
    let finish: (value: unknown) => void = () => undefined;
    const flowDone = withStatus(directorySyncFlow(), 'cxone-address-book', 'done');
    const { backend, onflow, user } = await renderEditor({
      address_book_run: () => (applies === 0 ? null : progress),
      plan_address_book: () => ({
        bookId: null,
        entriesToAdd: 9,
        entriesPresent: 1,
        teamsToAssign: [{ id: 7, name: 'Tokyo' }],
        agentsToAssign: [],
        alreadyAssigned: 0,
      }),
      apply_address_book: () => {
        applies++;
        if (applies === 1) {
          progress = applyRun({ added: 3, present: 1 });
          return new Promise((resolve) => (finish = resolve));
        }
        return { run: applyRun({ state: 'done', added: 9, present: 1, assigned: 1 }), flow: flowDone };
      },
    });

    await user.click(screen.getByTestId(TestId.planButton));
    const plan = await screen.findByTestId(TestId.planSummary);
    expect(plan).toHaveTextContent('Create the address book “Zoom users”.');
    expect(plan).toHaveTextContent('9 entries to add.');
    expect(plan).toHaveTextContent('1 entry already present.');
    expect(plan).toHaveTextContent('Teams to assign: Tokyo.');
    expect(plan).toHaveTextContent('Agents to assign: none.');

    await user.click(screen.getByTestId(TestId.applyButton));
    await waitFor(() => expect(screen.getByTestId(TestId.applyProgressText)).toHaveTextContent('4 of 10 entries'), {
      timeout: 2000,
    });
    expect(screen.getByTestId(TestId.applyProgress)).toHaveAttribute('value', '4');
    expect(screen.getByTestId(TestId.applyButton)).toBeDisabled();
    expect(screen.getByTestId(TestId.applyResult)).toHaveAttribute('data-state', 'running');

    finish({
      run: applyRun({ state: 'failed', added: 3, present: 1, failure: { code: 'network.timeout', params: { host: 'api.cxone.example' } } }),
      flow: directorySyncFlow(),
    });
    const result = screen.getByTestId(TestId.applyResult);
    await waitFor(() => expect(result).toHaveTextContent('The apply stopped at 4 of 10 entries.'));
    expect(result).toHaveTextContent('api.cxone.example did not answer in time');
    expect(backend.argsOf('apply_address_book')[0]).toEqual({ profileId: 1, flowId: DS_FLOW_ID, locale: 'en', unfinished: null });

    await user.click(within(result).getByTestId(TestId.resumeButton));
    await waitFor(() => expect(result).toHaveTextContent('Done: the address book is ready in CXone'));
    expect(backend.argsOf('apply_address_book')).toHaveLength(2);
    expect(backend.argsOf('apply_address_book')[1].unfinished).toBe('resume');
    expect(onflow).toHaveBeenLastCalledWith(flowDone);
    expect(screen.getByTestId(TestId.applyProgressText)).toHaveTextContent('10 of 10 entries');
  });

  it('offers one primary button: the apply, or the resume of a run that stopped (adding an entry is secondary)', async () => {
    const primaries = () => Array.from(document.querySelectorAll('button.primary'));
    const { user } = await renderEditor({
      plan_address_book: () => ({ bookId: null, entriesToAdd: 1, entriesPresent: 0, teamsToAssign: [], agentsToAssign: [], alreadyAssigned: 0 }),
      apply_address_book: () => ({ run: applyRun({ state: 'failed', added: 0, present: 0 }), flow: directorySyncFlow() }),
    });
    expect(primaries()).toHaveLength(0);
    expect(screen.getByTestId(TestId.entrySubmit)).toHaveClass('secondary');
    await user.click(screen.getByTestId(TestId.planButton));
    await screen.findByTestId(TestId.planSummary);
    expect(primaries()).toEqual([screen.getByTestId(TestId.applyButton)]);
    await user.click(screen.getByTestId(TestId.applyButton));
    const result = screen.getByTestId(TestId.applyResult);
    await waitFor(() => expect(within(result).getByTestId(TestId.resumeButton)).toBeInTheDocument());
    expect(primaries()).toEqual([within(result).getByTestId(TestId.resumeButton)]);
  });

  it('offers to resume an earlier apply that stopped', async () => {
    const { backend, user } = await renderEditor({
      address_book_run: () => applyRun({ state: 'failed', added: 4, present: 1 }),
      apply_address_book: () => ({ run: applyRun({ state: 'done', added: 9, present: 1 }), flow: directorySyncFlow() }),
    });
    const earlier = await screen.findByTestId(TestId.earlierRun);
    expect(earlier).toHaveTextContent('An earlier apply stopped at 5 of 10 entries.');
    await user.click(within(earlier).getByTestId(TestId.resumeButton));
    await waitFor(() => expect(backend.argsOf('apply_address_book')).toHaveLength(1));
    await waitFor(() => expect(screen.getByTestId(TestId.applyResult)).toHaveTextContent('Done'));
  });

  it('never resumes an earlier run of another plan silently: the admin finishes it or discards it', async () => {
    let answer: unknown = null;
    let earlierRun: unknown = null;
    const { user } = await renderEditor({
      address_book_run: () => earlierRun,
      plan_address_book: () => ({
        bookId: 4,
        entriesToAdd: 3,
        entriesPresent: 0,
        teamsToAssign: [],
        agentsToAssign: [],
        alreadyAssigned: 0,
      }),
      apply_address_book: (args: Args) => {
        answer = args.unfinished;
        if (args.unfinished === null) throw { code: 'apply_plan_changed', message: 'apply run 5 stopped with another plan' };
        return { run: applyRun({ state: 'done', added: 3, present: 0, total: 3 }), flow: directorySyncFlow() };
      },
    });
    earlierRun = applyRun({ state: 'failed', added: 1, present: 1, updatedAt: '2026-12-03T09:30:00Z' });
    await user.click(screen.getByTestId(TestId.planButton));
    await user.click(await screen.findByTestId(TestId.applyButton));
    const notice = await screen.findByTestId(TestId.otherPlanRun);
    expect(notice).toHaveAttribute('role', 'alert');
    expect(notice).toHaveTextContent('An earlier apply stopped at 2 of 10 entries');
    expect(notice).toHaveTextContent('with a plan that is not the one shown here');
    expect(screen.queryByText(/apply run 5/)).not.toBeInTheDocument();

    await user.click(within(notice).getByTestId(TestId.discardEarlierButton));
    await waitFor(() => expect(answer).toBe('discard'));
    await waitFor(() => expect(screen.getByTestId(TestId.applyResult)).toHaveTextContent('Done'));
    expect(screen.queryByTestId(TestId.otherPlanRun)).not.toBeInTheDocument();
  });

  it('says when the same address book is being applied elsewhere', async () => {
    await renderEditor({
      plan_address_book: () => ({ bookId: null, entriesToAdd: 1, entriesPresent: 0, teamsToAssign: [], agentsToAssign: [], alreadyAssigned: 0 }),
      apply_address_book: () => {
        throw { code: 'apply_running', message: 'another apply has been running since …' };
      },
    });
    const user = userEvent.setup();
    await user.click(screen.getByTestId(TestId.planButton));
    await user.click(await screen.findByTestId(TestId.applyButton));
    expect(await screen.findByText(/being applied right now \(in another window or from the command line\)/)).toBeInTheDocument();
  });
});

// Purpose: the report's Export panel: the format and language chosen reach the save dialog and the export, the saved path
// is shown and revealed, a closed dialog saves nothing, and a place that cannot be written is said in its own words.
import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import ReportExport from './ReportExport.svelte';
import { fakeBackend } from '../../test/backend';
import { validationError } from '../../test/fixtures';
import { TestId, TestIds } from '../../lib/testIds';

const PATH = '/home/admin/Downloads/Switchboard report - Acme France - 2026-12-03.md';

describe('ReportExport', () => {
  it('saves the report in the chosen format and language where the admin picked, then reveals it', async () => {
    const backend = fakeBackend({
      choose_report_path: () => PATH,
      export_report: (args) => args.path,
      reveal_file: () => null,
    });
    const user = userEvent.setup();
    render(ReportExport, { profileId: 1 });
    await user.click(screen.getByTestId(TestIds.reportFormat('md')));
    await user.selectOptions(screen.getByTestId(TestId.reportLanguage), 'fr');
    await user.click(screen.getByTestId(TestId.reportSave));

    expect(await screen.findByTestId(TestId.reportSavedPath)).toHaveTextContent(PATH);
    expect(screen.getByTestId(TestId.reportStatus)).toHaveTextContent('Report saved.');
    expect(backend.argsOf('choose_report_path')).toEqual([{ profileId: 1, format: 'md', locale: 'fr' }]);
    expect(backend.argsOf('export_report')).toEqual([{ profileId: 1, format: 'md', lang: 'fr', path: PATH }]);

    await user.click(screen.getByTestId(TestId.reportReveal));
    expect(backend.argsOf('reveal_file')).toEqual([{ path: PATH }]);
  });

  it('saves nothing when the save dialog is closed', async () => {
    const backend = fakeBackend({ choose_report_path: () => null });
    const user = userEvent.setup();
    render(ReportExport, { profileId: 1 });
    await user.click(screen.getByTestId(TestId.reportSave));
    expect(await screen.findByText('Not saved: the save dialog was closed.')).toBeInTheDocument();
    expect(backend.argsOf('export_report')).toEqual([]);
    expect(backend.argsOf('choose_report_path')).toEqual([{ profileId: 1, format: 'html', locale: 'en' }]);
  });

  it('says when the place picked cannot be written', async () => {
    fakeBackend({
      choose_report_path: () => '/read-only/report.html',
      export_report: () => {
        throw validationError('path', 'not_writable');
      },
    });
    const user = userEvent.setup();
    render(ReportExport, { profileId: 1 });
    await user.click(screen.getByTestId(TestId.reportSave));
    expect(await screen.findByTestId(TestId.reportPlaceProblem)).toHaveTextContent(
      'Switchboard cannot write a file there. Choose a folder you can write to, such as Downloads.',
    );
    expect(screen.queryByTestId(TestId.reportSavedPath)).toBeNull();
  });

  it('shows any other failure by its code', async () => {
    fakeBackend({
      choose_report_path: () => {
        throw { code: 'database_unavailable', message: 'not open' };
      },
    });
    const user = userEvent.setup();
    render(ReportExport, { profileId: 1 });
    await user.click(screen.getByTestId(TestId.reportSave));
    expect(await screen.findByTestId(TestId.errorNotice)).toHaveAttribute('data-error-code', 'database_unavailable');
  });
});

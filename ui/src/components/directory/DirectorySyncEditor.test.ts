// Purpose: the Directory Sync editor: Zoom attributes limited to the valid pairs, rows added and removed by keyboard,
// problems at their rows, debounced text saves, a live preview that flags invalid numbers, and the CXone checklist.
import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import DirectorySyncEditor from './DirectorySyncEditor.svelte';
import { fakeBackend, type Args, type Handler } from '../../test/backend';
import { DS_FLOW_ID, directorySyncView } from '../../test/fixtures';
import type { DirectoryPreview, DirectorySyncDoc } from '../../lib/api';
import { TestId, TestIds } from '../../lib/testIds';
import { applyLocale } from '../../lib/i18n';

async function renderEditor(handlers: Record<string, Handler> = {}) {
  const backend = fakeBackend({
    directory_sync: () => directorySyncView(),
    save_directory_sync: (args: Args) => directorySyncView({ doc: args.doc as DirectorySyncDoc }),
    ...handlers,
  });
  const oncopy = vi.fn(async () => true);
  const onconnections = vi.fn();
  const user = userEvent.setup();
  render(DirectorySyncEditor, { profileId: 1, flowId: DS_FLOW_ID, oncopy, onconnections });
  await screen.findByTestId(TestId.attributeTable);
  return { backend, oncopy, onconnections, user };
}

const savedDocs = (backend: { argsOf: (cmd: string) => Args[] }) =>
  backend.argsOf('save_directory_sync').map((a) => a.doc as DirectorySyncDoc);

function optionLabels(select: HTMLElement): string[] {
  return within(select)
    .getAllByRole('option')
    .filter((o) => !(o as HTMLOptionElement).disabled)
    .map((o) => o.textContent ?? '');
}

function preview(): DirectoryPreview {
  return {
    totalUsers: 3,
    phoneUsers: 2,
    pages: 1,
    counts: { translated: 1, unchanged: 0, no_match: 0, invalid: 1, empty: 1 },
    rows: [
      { name: 'Marie Curie', email: 'marie@acme.example', extension: 1001, before: '0142345678', after: '+33142345678', status: 'translated', reason: null },
      { name: 'Ken Ito', email: 'ken@acme.example', extension: 1002, before: '0000', after: null, status: 'invalid', reason: 'phone.invalid' },
      { name: 'Léa Petit', email: 'lea@acme.example', extension: null, before: null, after: null, status: 'empty', reason: null },
    ],
    truncated: true,
  };
}

describe('DirectorySyncEditor', () => {
  it('loads the settings in the UI language', async () => {
    applyLocale('fr');
    const { backend } = await renderEditor();
    expect(backend.argsOf('directory_sync')).toEqual([{ profileId: 1, flowId: DS_FLOW_ID, locale: 'fr' }]);
    expect(screen.getByTestId(TestId.acdDirectoryInput)).toHaveValue('Zoom users');
    expect(optionLabels(screen.getByTestId(TestIds.attributeZoom(1)))).toEqual(['Téléphone', 'Téléphone mobile']);
  });

  it('offers only the Zoom attributes valid for the ACD attribute, and follows a change of ACD attribute', async () => {
    const { backend, user } = await renderEditor();
    const zoom1 = screen.getByTestId(TestIds.attributeZoom(1));
    expect(optionLabels(zoom1)).toEqual(['Phone', 'Mobile']);
    expect(optionLabels(screen.getByTestId(TestIds.attributeZoom(0)))).toEqual(['First Name']);
    expect(zoom1).toHaveAccessibleName('Zoom attribute, row 2');

    await user.selectOptions(screen.getByTestId(TestIds.attributeAcd(0)), 'mobile-phone');
    await waitFor(() => expect(savedDocs(backend)).toHaveLength(1));
    expect(savedDocs(backend)[0].attributes[0]).toEqual({ acd: 'mobile-phone', zoom: 'mobile' });
    expect(optionLabels(screen.getByTestId(TestIds.attributeZoom(0)))).toEqual(['Mobile', 'Phone']);
    expect(screen.getByTestId(TestIds.attributeZoom(0))).toHaveValue('mobile');
  });

  it('adds and removes attribute rows with the keyboard, moving the focus sensibly', async () => {
    const { backend, user } = await renderEditor();
    screen.getByTestId(TestId.addAttributeButton).focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByTestId(TestIds.attributeAcd(2))).toHaveFocus());
    expect(screen.getByTestId(TestIds.attributeAcd(2))).toHaveValue('last-name');
    expect(screen.getByTestId(TestIds.attributeZoom(2))).toHaveValue('last-name');
    await waitFor(() => expect(savedDocs(backend)).toHaveLength(1));
    expect(savedDocs(backend)[0].attributes).toHaveLength(3);

    await user.tab();
    await user.tab();
    const remove = screen.getByTestId(TestIds.attributeRemove(2));
    expect(remove).toHaveFocus();
    expect(remove).toHaveAccessibleName('Remove row 3: Last Name ↔ Last Name');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.queryByTestId(TestIds.attributeRow(2))).not.toBeInTheDocument());
    expect(screen.getByTestId(TestIds.attributeRemove(1))).toHaveFocus();
    await waitFor(() => expect(savedDocs(backend)).toHaveLength(2));
    expect(savedDocs(backend)[1].attributes).toHaveLength(2);
  });

  it('shows the map and rule problems at their rows, translated', async () => {
    await renderEditor({
      directory_sync: () =>
        directorySyncView({
          mapProblems: [{ row: 1, code: 'map.duplicate_acd' }],
          ruleProblems: [{ set: 0, pattern: 0, code: 'rules.star_not_last' }],
        }),
    });
    const problem = screen.getByTestId(TestIds.attributeProblem(1));
    expect(problem).toHaveTextContent('This ACD attribute is already mapped in another row.');
    expect(screen.getByTestId(TestIds.attributeAcd(1))).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByTestId(TestIds.attributeAcd(1)).getAttribute('aria-describedby')).toBe(problem.id);
    expect(screen.getByTestId(TestIds.ruleProblem(0, 0))).toHaveTextContent('The * may only be the last character of the pattern.');
    expect(screen.getByTestId(TestIds.patternField(0, 0, 'match'))).toHaveAttribute('aria-invalid', 'true');
  });

  it('saves typed text once after a short pause', async () => {
    const { backend, user } = await renderEditor();
    const input = screen.getByTestId(TestId.acdDirectoryInput);
    await user.clear(input);
    await user.type(input, 'Sales');
    expect(savedDocs(backend)).toHaveLength(0);
    await waitFor(() => expect(savedDocs(backend)).toHaveLength(1));
    expect(savedDocs(backend)[0].acdDirectory).toBe('Sales');
  });

  it('adds a pattern set and a pattern, and turns translation off', async () => {
    const { backend, user } = await renderEditor();
    await user.click(screen.getByTestId(TestId.addPatternSetButton));
    await waitFor(() => expect(screen.getByTestId(TestIds.patternSetName(1))).toHaveFocus());
    await user.click(screen.getByTestId(TestIds.patternAdd(1)));
    await waitFor(() => expect(screen.getByTestId(TestIds.patternField(1, 1, 'match'))).toHaveFocus());
    await waitFor(() => expect(savedDocs(backend)).toHaveLength(2));
    expect(savedDocs(backend)[1].rules.sets[1]).toEqual({
      name: 'Set 2',
      region: 'FR',
      patterns: [
        { match: '', strip: 0, prefix: '', format: 'e164' },
        { match: '', strip: 0, prefix: '', format: 'e164' },
      ],
    });
    await user.click(screen.getByTestId(TestId.translationSwitch));
    await waitFor(() => expect(savedDocs(backend)).toHaveLength(3));
    expect(savedDocs(backend)[2].translation).toBe(false);
    expect(screen.queryByTestId(TestIds.patternSet(0))).not.toBeInTheDocument();
  });

  it('previews the translation and flags an invalid number with words, not colour only', async () => {
    const { backend, user } = await renderEditor({ preview_directory: () => preview() });
    await user.click(screen.getByTestId(TestId.previewButton));
    const summary = await screen.findByTestId(TestId.previewSummary);
    expect(backend.argsOf('preview_directory')).toEqual([{ profileId: 1, flowId: DS_FLOW_ID, locale: 'en' }]);
    expect(summary).toHaveTextContent('3 users, of whom 2 have Zoom Phone.');
    expect(summary).toHaveTextContent('Translated: 1');
    expect(summary).toHaveTextContent('Invalid number: 1');
    expect(summary).toHaveTextContent('No number: 1');
    expect(screen.getByTestId(TestId.previewTruncated)).toBeInTheDocument();

    const ok = screen.getByTestId(TestIds.previewRow(0));
    expect(ok).toHaveAttribute('data-flagged', 'false');
    expect(ok).toHaveTextContent('0142345678 → becomes +33142345678');
    const bad = screen.getByTestId(TestIds.previewRow(1));
    expect(bad).toHaveAttribute('data-status', 'invalid');
    expect(bad).toHaveAttribute('data-flagged', 'true');
    expect(bad).toHaveClass('flagged');
    expect(bad).toHaveTextContent('Needs attention');
    expect(bad).toHaveTextContent('Invalid number');
    expect(bad).toHaveTextContent("This number does not exist in its country's numbering plan.");
    expect(screen.getByTestId(TestIds.previewRow(2))).toHaveTextContent('(none)');

    // Only what needs checking, then a search by digits.
    await user.selectOptions(screen.getByTestId(TestId.previewFilter), 'flagged');
    expect(screen.getByTestId(TestId.previewShown)).toHaveTextContent('1 of 3 users shown.');
    expect(screen.getByTestId(TestIds.previewRow(0))).toHaveAttribute('data-status', 'invalid');
    await user.selectOptions(screen.getByTestId(TestId.previewFilter), 'all');
    await user.type(screen.getByTestId(TestId.previewSearch), '01 42 34');
    expect(screen.getByTestId(TestId.previewShown)).toHaveTextContent('1 of 3 users shown.');
    expect(screen.getByTestId(TestIds.previewRow(0))).toHaveTextContent('+33142345678');
  });

  it('says how to add the missing connection when the preview needs one', async () => {
    const { onconnections, user } = await renderEditor({
      preview_directory: () => {
        throw { code: 'connection_missing', message: 'no zoom', field: 'zoom' };
      },
    });
    await user.click(screen.getByTestId(TestId.previewButton));
    const hint = await screen.findByTestId(TestId.connectionHint);
    expect(hint).toHaveTextContent('This profile has no Zoom connection yet.');
    await user.click(within(hint).getByTestId(TestId.openConnectionsButton));
    expect(onconnections).toHaveBeenCalled();
  });

  it('builds the CXone checklist from the settings, with copy buttons', async () => {
    const { oncopy, user } = await renderEditor();
    const list = screen.getByTestId(TestId.checklist);
    expect(within(list).getByTestId(TestIds.checklistItem('open'))).toHaveTextContent('Adapters › Directory Sync, choose the Zoom tab');
    expect(within(list).getByTestId(TestIds.copyValue('checklist-acd-directory'))).toHaveTextContent('Zoom users');
    expect(within(list).getByTestId(TestIds.checklistItem('attributes'))).toHaveTextContent('Business Phone ↔ paired with Phone');
    expect(within(list).getByTestId(TestIds.checklistItem('add-extension'))).toHaveTextContent('Add Extension: On.');
    expect(within(list).getByTestId(TestIds.checklistItem('translation'))).toHaveTextContent('Phone Number Translation: On.');
    expect(within(list).getByTestId(TestIds.checklistItem('translation'))).toHaveTextContent('Add the pattern set “France” for France');
    expect(within(list).getByTestId(TestIds.copyValue('checklist-match-0-0'))).toHaveTextContent('0XXXXXXXXX');
    expect(within(list).getByTestId(TestIds.copyValue('checklist-prefix-0-0'))).toHaveTextContent('+33');

    await user.click(within(list).getByTestId(TestIds.copyButton('checklist-match-0-0')));
    expect(oncopy).toHaveBeenCalledWith(expect.objectContaining({ id: 'checklist-match-0-0', value: '0XXXXXXXXX' }));
  });
});

// Purpose: IPC wrappers send the contract's command names and camelCase arguments, and normalise errors.
import { describe, expect, it } from 'vitest';
import * as ipc from './api';
import { fakeBackend } from '../test/backend';

describe('toIpcError', () => {
  it('keeps a well-formed IpcError', () => {
    expect(ipc.toIpcError({ code: 'validation', message: 'bad', field: 'account_id' })).toEqual({
      code: 'validation',
      message: 'bad',
      field: 'account_id',
    });
  });

  it('keeps the detail of a validation error, with its params as strings', () => {
    expect(
      ipc.toIpcError({
        code: 'validation',
        message: 'name is invalid (too_long)',
        field: 'name',
        detail: { code: 'too_long', params: { max: 255 } },
      }),
    ).toEqual({
      code: 'validation',
      message: 'name is invalid (too_long)',
      field: 'name',
      detail: { code: 'too_long', params: { max: '255' } },
    });
    expect(ipc.toIpcError({ code: 'validation', message: 'm', detail: { code: 'required' } })).toEqual({
      code: 'validation',
      message: 'm',
      detail: { code: 'required', params: {} },
    });
  });

  it('drops a detail it cannot translate, or on another code', () => {
    expect(ipc.toIpcError({ code: 'validation', message: 'm', detail: { code: 'new_rule', params: {} } })).toEqual({
      code: 'validation',
      message: 'm',
    });
    expect(ipc.toIpcError({ code: 'validation', message: 'm', detail: 'required' })).toEqual({
      code: 'validation',
      message: 'm',
    });
    expect(ipc.toIpcError({ code: 'conflict', message: 'm', detail: { code: 'required', params: {} } })).toEqual({
      code: 'conflict',
      message: 'm',
    });
  });

  it('wraps a bare string as internal', () => {
    expect(ipc.toIpcError('boom')).toEqual({ code: 'internal', message: 'boom' });
  });

  it('maps unknown codes, Errors and odd values to internal', () => {
    expect(ipc.toIpcError({ code: 'weird', message: 'm' })).toEqual({ code: 'internal', message: 'm' });
    expect(ipc.toIpcError(new Error('e'))).toEqual({ code: 'internal', message: 'e' });
    expect(ipc.toIpcError(42)).toEqual({ code: 'internal', message: '42' });
    expect(ipc.toIpcError({ nope: true })).toEqual({ code: 'internal', message: '{"nope":true}' });
  });
});

describe('command wrappers (generated in commands.ts)', () => {
  it('send the contract names and camelCase arguments', async () => {
    const backend = fakeBackend({
      create_profile: () => ({}),
      rename_profile: () => ({}),
      delete_profile: () => ({ leftInKeychain: [] }),
      open_flow: () => ({}),
      set_field: () => ({}),
      set_secret: () => ({}),
      clear_secret: () => ({}),
      set_step_status: () => ({}),
    });
    const ref = { profileId: 3, flowId: 'f', stepId: 's', fieldId: 'x', locale: 'ja' as const };
    await ipc.createProfile('A');
    await ipc.renameProfile(3, 'B');
    await ipc.deleteProfile(3);
    await ipc.listFlows(3, 'fr');
    await ipc.openFlow(3, 'f', 'en');
    await ipc.setField(ref.profileId, ref.flowId, ref.stepId, ref.fieldId, 'v', ref.locale);
    await ipc.setSecret(ref.profileId, ref.flowId, ref.stepId, ref.fieldId, 'secret', ref.locale);
    await ipc.clearSecret(ref.profileId, ref.flowId, ref.stepId, ref.fieldId, ref.locale);
    await ipc.setStepStatus(3, 'f', 's', 'done', 'en');
    await ipc.setResume(null, null);
    await ipc.setLocale('fr');
    await ipc.openLink('https://example.com');
    await ipc.copyText('t');
    await ipc.copySecret(3, 'f', 'c');
    expect(backend.calls).toEqual([
      { cmd: 'create_profile', args: { name: 'A' } },
      { cmd: 'rename_profile', args: { profileId: 3, name: 'B' } },
      { cmd: 'delete_profile', args: { profileId: 3 } },
      { cmd: 'list_flows', args: { profileId: 3, locale: 'fr' } },
      { cmd: 'open_flow', args: { profileId: 3, flowId: 'f', locale: 'en' } },
      { cmd: 'set_field', args: { ...ref, value: 'v' } },
      { cmd: 'set_secret', args: { ...ref, value: 'secret' } },
      { cmd: 'clear_secret', args: ref },
      { cmd: 'set_step_status', args: { profileId: 3, flowId: 'f', stepId: 's', locale: 'en', status: 'done' } },
      { cmd: 'set_resume', args: { profileId: null, flowId: null } },
      { cmd: 'set_locale', args: { locale: 'fr' } },
      { cmd: 'open_link', args: { url: 'https://example.com' } },
      { cmd: 'copy_text', args: { text: 't' } },
      { cmd: 'copy_secret', args: { profileId: 3, flowId: 'f', copyId: 'c' } },
    ]);
  });

  it('reject with a normalised IpcError, even when the backend throws a string', async () => {
    fakeBackend({
      list_profiles: () => {
        throw 'database is locked';
      },
      open_link: () => {
        throw { code: 'invalid_link', message: 'not https' };
      },
    });
    await expect(ipc.listProfiles()).rejects.toEqual({ code: 'internal', message: 'database is locked' });
    await expect(ipc.openLink('http://x')).rejects.toEqual({ code: 'invalid_link', message: 'not https' });
  });
});

describe('live step wrappers (issue 4)', () => {
  it('send the contract names and camelCase arguments', async () => {
    const backend = fakeBackend({
      verify_step: () => ({}),
      fill_practice_values: () => ({}),
      cxone_agents: () => [],
      cxone_teams: () => [],
      address_book_draft: () => ({}),
      save_address_book_draft: () => ({}),
      check_entry: () => ({}),
      preview_csv: () => ({}),
      plan_address_book: () => ({}),
      apply_address_book: () => ({}),
      address_book_run: () => null,
      directory_sync: () => ({}),
      save_directory_sync: () => ({}),
      preview_directory: () => ({}),
    });
    const ref = { profileId: 3, flowId: 'f', stepId: 's', locale: 'fr' as const };
    const draft = { region: 'FR', entries: [], teams: [], agents: [] };
    const entry = { firstName: 'A', lastName: 'B', middleName: '', company: '', phone: '01', mobile: '', email: '' };
    const doc = { acdDirectory: 'D', attributes: [], addExtension: false, translation: false, rules: { sets: [] } };
    await ipc.verifyStep(ref.profileId, ref.flowId, ref.stepId, ref.locale);
    await ipc.fillPracticeValues(ref.profileId, ref.flowId, ref.stepId, ref.locale);
    await ipc.cxoneAgents(3, null);
    await ipc.cxoneTeams(3);
    await ipc.addressBookDraft(3, 'f');
    await ipc.saveAddressBookDraft(3, 'f', draft);
    await ipc.checkEntry(entry, 'FR');
    await ipc.previewCsv('77u/', 'JP');
    await ipc.planAddressBook(3, 'f');
    await ipc.applyAddressBook(3, 'f', 'ja');
    await ipc.addressBookRun(3);
    await ipc.directorySync(3, 'f', 'en');
    await ipc.saveDirectorySync(3, 'f', doc);
    await ipc.previewDirectory(3, 'f');
    expect(backend.calls).toEqual([
      { cmd: 'verify_step', args: ref },
      { cmd: 'fill_practice_values', args: ref },
      { cmd: 'cxone_agents', args: { profileId: 3, search: null } },
      { cmd: 'cxone_teams', args: { profileId: 3 } },
      { cmd: 'address_book_draft', args: { profileId: 3, flowId: 'f' } },
      { cmd: 'save_address_book_draft', args: { profileId: 3, flowId: 'f', draft } },
      { cmd: 'check_entry', args: { draft: entry, region: 'FR' } },
      { cmd: 'preview_csv', args: { contentBase64: '77u/', region: 'JP' } },
      { cmd: 'plan_address_book', args: { profileId: 3, flowId: 'f' } },
      { cmd: 'apply_address_book', args: { profileId: 3, flowId: 'f', locale: 'ja' } },
      { cmd: 'address_book_run', args: { profileId: 3 } },
      { cmd: 'directory_sync', args: { profileId: 3, flowId: 'f', locale: 'en' } },
      { cmd: 'save_directory_sync', args: { profileId: 3, flowId: 'f', doc } },
      { cmd: 'preview_directory', args: { profileId: 3, flowId: 'f' } },
    ]);
  });

  it('keeps the failure of a vendor error and the vendor of a missing connection', () => {
    expect(
      ipc.toIpcError({ code: 'vendor', message: 'm', failure: { code: 'zoom.missing_scopes', params: { missing: ['a'] } } }),
    ).toEqual({ code: 'vendor', message: 'm', failure: { code: 'zoom.missing_scopes', params: { missing: ['a'] } } });
    expect(ipc.toIpcError({ code: 'connection_missing', message: 'm', field: 'cxone' })).toEqual({
      code: 'connection_missing',
      message: 'm',
      field: 'cxone',
    });
    expect(ipc.toIpcError({ code: 'live_check_required', message: 'm' }).code).toBe('live_check_required');
  });

  it('keeps a namespaced validation detail (csv.*) raw, even when normalised twice', () => {
    const once = ipc.toIpcError({
      code: 'validation',
      message: 'm',
      field: 'file',
      detail: { code: 'csv.not_utf8', params: { line: 3 } },
    });
    expect(once).toEqual({ code: 'validation', message: 'm', field: 'file', rawDetail: { code: 'csv.not_utf8', params: { line: 3 } } });
    expect(ipc.toIpcError(once)).toEqual(once);
  });
});

// Purpose: the invoke seam, the ONLY module importing @tauri-apps/*: one `call` typed by the generated contract
// (./contract.ts), the error mapping (every rejection becomes an IpcError {code, message, field?, detail?}), and
// short wrappers with the argument shapes the views use. Types and lists come from ./contract, re-exported here.
import { invoke, type InvokeArgs } from '@tauri-apps/api/core';
import { ERROR_CODES, VALIDATION_CODES } from './contract';
import type { ValidationCode, AddressBookDraft, Commands, ConnectionSettings, DiagramLabels, DirectorySyncDoc, EntryDraft, ErrorCode, FieldError, Locale, PlannedStatus, PracticeFaults, PresenceRule, PresenceSystem, StepStatus, Vendor } from './contract';
export * from './contract';

export interface IpcError {
  code: ErrorCode;
  message: string;
  field?: string;
  /** With `validation`: the rule that failed, translated like an inline field error. */
  detail?: FieldError;
  /**
   * With `validation`: a detail whose code is not a field rule (e.g. `csv.not_utf8` {line} for a CSV file),
   * kept as sent for the screen that knows it.
   */
  rawDetail?: Failure;
  /** With `vendor`: what the live call hit, translated like a diagnosis check (`diagnosis.<code>`). */
  failure?: Failure;
}

/** A stable code with its params, translated by the UI (diagnosis codes, csv.* file errors, run failures). */
export interface Failure {
  code: string;
  params: Record<string, unknown>;
}



/** Identifies one field of one step (arguments shared by the field commands). */
export interface FieldRef {
  profileId: number;
  flowId: string;
  stepId: string;
  fieldId: string;
  locale: Locale;
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

export function isIpcError(value: unknown): value is IpcError {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return isErrorCode(v.code) && typeof v.message === 'string';
}

export function isValidationCode(value: unknown): value is ValidationCode {
  return typeof value === 'string' && (VALIDATION_CODES as readonly string[]).includes(value);
}

/** A well-formed FieldError from the wire, or undefined (unknown code, odd shape); params become strings. */
export function toFieldError(raw: unknown): FieldError | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const v = raw as Record<string, unknown>;
  if (!isValidationCode(v.code)) return undefined;
  const params: Record<string, string> = {};
  if (typeof v.params === 'object' && v.params !== null) {
    for (const [name, value] of Object.entries(v.params)) {
      if (typeof value === 'string' || typeof value === 'number') params[name] = String(value);
    }
  }
  return { code: v.code, params };
}

/** Turns whatever a rejected invoke produced into an IpcError (unknown shapes become `internal`). */
export function toIpcError(raw: unknown): IpcError {
  if (typeof raw === 'string') return { code: 'internal', message: raw };
  if (raw instanceof Error) return { code: 'internal', message: raw.message };
  if (typeof raw === 'object' && raw !== null) {
    const v = raw as Record<string, unknown>;
    const message = typeof v.message === 'string' ? v.message : safeJson(raw);
    const error: IpcError = { code: isErrorCode(v.code) ? v.code : 'internal', message };
    if (typeof v.field === 'string' && v.field !== '') error.field = v.field;
    const detail = error.code === 'validation' ? toFieldError(v.detail) : undefined;
    if (detail) error.detail = detail;
    else if (error.code === 'validation') {
      // Only a namespaced code (csv.not_utf8, …) is kept raw; an unknown field rule is dropped.
      const raw = toFailure(v.detail) ?? toFailure(v.rawDetail);
      if (raw && raw.code.includes('.')) error.rawDetail = raw;
    }
    const failure = toFailure(v.failure);
    if (failure) error.failure = failure;
    return error;
  }
  return { code: 'internal', message: String(raw) };
}

/** A `{code, params}` object from the wire, or undefined when it has no string code. */
export function toFailure(raw: unknown): Failure | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const v = raw as Record<string, unknown>;
  if (typeof v.code !== 'string' || v.code === '') return undefined;
  const params = typeof v.params === 'object' && v.params !== null ? (v.params as Record<string, unknown>) : {};
  return { code: v.code, params };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

type Args<K extends keyof Commands> = Commands[K]['args'];

/** The one way to invoke a command: its arguments and reply typed by the generated contract. */
async function call<K extends keyof Commands>(
  cmd: K,
  ...args: Record<string, never> extends Args<K> ? [Args<K>?] : [Args<K>]
): Promise<Commands[K]['reply']> {
  try {
    return await invoke<Commands[K]['reply']>(cmd, args[0] as InvokeArgs);
  } catch (raw) {
    throw toIpcError(raw);
  }
}

export const appInfo = () => call('app_info');
export const getSettings = () => call('get_settings');
export const setLocale = (locale: Locale) => call('set_locale', { locale });
export const keychainStatus = () => call('keychain_status');
export const openLogFolder = () => call('open_log_folder');

export const listProfiles = () => call('list_profiles');
export const createProfile = (name: string) => call('create_profile', { name });
export const renameProfile = (profileId: number, name: string) =>
  call('rename_profile', { profileId, name });
export const deleteProfile = (profileId: number) => call('delete_profile', { profileId });

export const listFlows = (profileId: number, locale: Locale) =>
  call('list_flows', { profileId, locale });
export const openFlow = (profileId: number, flowId: string, locale: Locale) =>
  call('open_flow', { profileId, flowId, locale });

export const setField = (ref: FieldRef, value: string) =>
  call('set_field', { ...ref, value });
export const setSecret = (ref: FieldRef, value: string) =>
  call('set_secret', { ...ref, value });
export const clearSecret = (ref: FieldRef) => call('clear_secret', { ...ref });
export const setStepStatus = (
  args: { profileId: number; flowId: string; stepId: string; locale: Locale },
  status: StepStatus,
) => call('set_step_status', { ...args, status });

export const getResume = () => call('get_resume');
export const setResume = (profileId: number | null, flowId: string | null) =>
  call('set_resume', { profileId, flowId });

export const openLink = (url: string) => call('open_link', { url });
export const copyText = (text: string) => call('copy_text', { text });
/** Copies a value built from saved secrets: the core reads the keychain; the value never reaches the UI. */
export const copySecret = (profileId: number, flowId: string, copyId: string) =>
  call('copy_secret', { profileId, flowId, copyId });

export const listConnections = (profileId: number) => call('list_connections', { profileId });
export const saveConnection = (profileId: number, settings: ConnectionSettings) =>
  call('save_connection', { profileId, settings });
/** Saves one secret of a connection to the keychain (`null` clears it); the reply names saved secrets only. */
export const setConnectionSecret = (profileId: number, vendor: Vendor, field: string, value: string | null) =>
  call('set_connection_secret', { profileId, vendor, field, value });
export const testConnection = (profileId: number, vendor: Vendor) =>
  call('test_connection', { profileId, vendor });
export const openPracticeTenant = () => call('open_practice_tenant');
export const practiceFaults = () => call('practice_faults');
export const setPracticeFaults = (faults: PracticeFaults) => call('set_practice_faults', { faults });

// --- Live steps of the Directory Sync flow (issue 4) ---

/** Arguments shared by the step commands. */
export interface StepRef {
  profileId: number;
  flowId: string;
  stepId: string;
  locale: Locale;
}

export const verifyStep = (ref: StepRef) => call('verify_step', { ...ref });
export const fillPracticeValues = (ref: StepRef) => call('fill_practice_values', { ...ref });
export const cxoneAgents = (profileId: number, search: string | null) =>
  call('cxone_agents', { profileId, search });
export const cxoneTeams = (profileId: number) => call('cxone_teams', { profileId });
/** `locale` picks the default region for a new draft (fr → FR, ja → JP, en → US). */
export const addressBookDraft = (profileId: number, flowId: string, locale?: Locale) =>
  call('address_book_draft', { profileId, flowId, locale });
export const saveAddressBookDraft = (profileId: number, flowId: string, draft: AddressBookDraft) =>
  call('save_address_book_draft', { profileId, flowId, draft });
export const checkEntry = (draft: EntryDraft, region: string) => call('check_entry', { draft, region });
/** The file's bytes as numbers (the core detects the BOM, the encoding and the separator). */
export const previewCsv = (bytes: number[], region: string) => call('preview_csv', { bytes, region });
export const planAddressBook = (profileId: number, flowId: string) =>
  call('plan_address_book', { profileId, flowId });
export const applyAddressBook = (profileId: number, flowId: string, locale: Locale) =>
  call('apply_address_book', { profileId, flowId, locale });
export const addressBookRun = (profileId: number) => call('address_book_run', { profileId });
export const directorySync = (profileId: number, flowId: string, locale: Locale) =>
  call('directory_sync', { profileId, flowId, locale });
export const saveDirectorySync = (profileId: number, flowId: string, doc: DirectorySyncDoc) =>
  call('save_directory_sync', { profileId, flowId, doc });
export const previewDirectory = (profileId: number, flowId: string, locale?: Locale) =>
  call('preview_directory', { profileId, flowId, locale });

// --- The CXone ↔ Salesforce presence flow (issue 5) ---

export const plannedStatuses = (profileId: number, flowId: string) =>
  call('planned_statuses', { profileId, flowId });
export const savePlannedStatuses = (profileId: number, flowId: string, statuses: PlannedStatus[]) =>
  call('save_planned_statuses', { profileId, flowId, statuses });
/** Practice profiles only: creates the planned statuses in the practice org (stands in for Setup). */
export const practiceCreatePlannedStatuses = (profileId: number, flowId: string) =>
  call('practice_create_planned_statuses', { profileId, flowId });
export const presenceRule = (profileId: number, flowId: string, labels: DiagramLabels) =>
  call('presence_rule', { profileId, flowId, labels });
export const savePresenceRule = (profileId: number, flowId: string, rule: PresenceRule, labels: DiagramLabels) =>
  call('save_presence_rule', { profileId, flowId, rule, labels });
export const refreshPresenceLists = (profileId: number, flowId: string, labels: DiagramLabels) =>
  call('refresh_presence_lists', { profileId, flowId, labels });
export const simulatePresence = (
  profileId: number,
  flowId: string,
  start: { system: PresenceSystem; state: string },
  previous: string | null,
) => call('simulate_presence', { profileId, flowId, start, previous });
export const exportPresenceRule = (profileId: number, flowId: string) =>
  call('export_presence_rule', { profileId, flowId });
export const importPresenceRule = (profileId: number, flowId: string, json: string, labels: DiagramLabels) =>
  call('import_presence_rule', { profileId, flowId, json, labels });
export const exportPresenceDiagram = (profileId: number, flowId: string, labels: DiagramLabels) =>
  call('export_presence_diagram', { profileId, flowId, labels });
/** Opens the folder that holds a file Switchboard saved. */
export const revealFile = (path: string) => call('reveal_file', { path });

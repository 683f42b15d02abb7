// Purpose: typed wrappers for every Tauri command in ui/IPC.md; the ONLY module importing @tauri-apps/*.
// Every wrapper rejects with a normalised IpcError ({code, message, field?, detail?}), never a bare string.
import { invoke, type InvokeArgs } from '@tauri-apps/api/core';

export const LOCALES = ['en', 'fr', 'ja'] as const;
export type Locale = (typeof LOCALES)[number];

export const STEP_STATUSES = ['not_started', 'in_progress', 'needs_attention', 'done'] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

export const STEP_KINDS = ['manual', 'verified', 'automated', 'editor'] as const;
export type StepKind = (typeof STEP_KINDS)[number];

export type FieldKind = 'text' | 'secret' | 'multiline' | 'choice';

export const ERROR_CODES = [
  'validation',
  'not_found',
  'conflict',
  'keychain_unavailable',
  'storage',
  'invalid_link',
  'internal',
  'vendor',
  'connection_missing',
  'live_check_required',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

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

export const VALIDATION_CODES = [
  'required',
  'too_long',
  'zoom_account_id',
  'zoom_client_id',
  'email',
  'email_list',
  'https_url',
  'hostname',
  'uuid',
  'aws_role_arn',
  'salesforce_id',
  'salesforce_host',
  'country_codes',
  'too_many_country_codes',
  'genesys_region',
  'json_object',
  'secret_whitespace',
  'choice',
  'endpoint_url',
  'endpoint_https',
  'endpoint_loopback',
  'practice_endpoint_required',
  'cxone_area',
  'developer_name',
  'developer_name_double_underscore',
  'developer_name_trailing_underscore',
  'duplicate',
  'not_allowed',
] as const;
export type ValidationCode = (typeof VALIDATION_CODES)[number];

export interface FieldError {
  code: ValidationCode;
  params: Record<string, string>;
}

export interface AppInfo {
  version: string;
  identifier: string;
  dataDir: string;
  logDir: string;
  development: boolean;
}
export interface Settings {
  locale: Locale;
}
export interface KeychainStatus {
  available: boolean;
  error: IpcError | null;
}

export interface FlowProgress {
  flowId: string;
  done: number;
  total: number;
}
export interface ProfileSummary {
  id: number;
  name: string;
  createdAt: string;
  updatedAt: string;
  progress: FlowProgress[];
  /** The practice tenant: its connections talk to the in-process emulator only. */
  practice: boolean;
}

export interface FlowSummary {
  id: string;
  title: string;
  summary: string;
  done: number;
  total: number;
  status: StepStatus;
}

export interface LinkView {
  label: string;
  url: string | null;
  missing: string[];
}
export interface CopyView {
  id: string;
  label: string;
  target: string | null;
  value: string | null;
  missing: string[];
  /** Built from a saved secret: `value` stays null; copied with copySecret, never shown. */
  secret: boolean;
}
export interface FieldOption {
  value: string;
  label: string;
}
/** A field whose value can be picked from a live vendor list (still saved as text). */
export type FieldSource = 'cxone-agents';
export interface FieldView {
  id: string;
  label: string;
  help: string | null;
  kind: FieldKind;
  required: boolean;
  options: FieldOption[];
  value: string | null;
  secretSet: boolean;
  error: FieldError | null;
  /** Pick the value from a live list (the CXone users); null for a plain field. */
  source: FieldSource | null;
  /** The value shown is read from this connection of the profile (nothing typed here yet). */
  fromConnection?: Vendor | null;
}
export interface PendingOn {
  stepId: string;
  title: string;
}
export interface StepView {
  id: string;
  kind: StepKind;
  title: string;
  status: StepStatus;
  instructions: string[];
  warnings: string[];
  links: LinkView[];
  copies: CopyView[];
  fields: FieldView[];
  pending: PendingOn[];
  updatedAt: string | null;
  /** The live part of the step, if any (a check, the address book, the Directory Sync editor). */
  live: LiveKind | null;
  /** Verified steps: the last live check. */
  lastCheck: Diagnosis | null;
  /** Practice profile and the step has fields the practice tenant can fill. */
  practiceFill: boolean;
}
export interface FlowView {
  profileId: number;
  id: string;
  title: string;
  summary: string;
  steps: StepView[];
  currentStepId: string;
  /** The practice profile's flow. */
  practice: boolean;
}

export const LIVE_KINDS = [
  'zoom-scopes',
  'zoom-ps-scopes',
  'cxone-address-book',
  'directory-sync',
  'sf-statuses',
  'presence-rule',
  'sf-login',
  'sf-preflight',
] as const;
export type LiveKind = (typeof LIVE_KINDS)[number];

export interface Resume {
  profileId: number;
  flowId: string | null;
}

export const VENDORS = ['zoom', 'cxone', 'salesforce', 'genesys'] as const;
export type Vendor = (typeof VENDORS)[number];

/** Where requests go; only a practice connection may use http:// and only to loopback. */
export interface Endpoints {
  practice?: boolean;
  tokenBase?: string;
  apiBase?: string;
}
export type ZoomSettings = { vendor: 'zoom'; accountId: string; clientId: string } & Endpoints;
export type CxoneSettings = {
  vendor: 'cxone';
  accessKeyId: string;
  clientId: string;
  cloud: 'commercial' | 'us_gov';
  area?: string;
  tenantId?: string;
} & Endpoints;
export type SalesforceSettings = {
  vendor: 'salesforce';
  environment: 'production' | 'sandbox' | 'hyperforce' | 'my_domain';
  myDomainHost?: string;
  username: string;
  consumerKey: string;
} & Endpoints;
export type GenesysSettings = { vendor: 'genesys'; region: string; clientId: string } & Endpoints;
/** Non-secret settings of one connection, tagged by vendor. */
export type ConnectionSettings = ZoomSettings | CxoneSettings | SalesforceSettings | GenesysSettings;

export interface Check {
  /** Stable per vendor: `settings`, `token`, `scopes`, `users`, `discovery`, … */
  id: string;
  ok: boolean;
  /** Set exactly when `ok` is false; translated as `diagnosis.<code>`. */
  code: string | null;
  params: Record<string, unknown>;
}
export interface Diagnosis {
  vendor: Vendor;
  ok: boolean;
  checkedAt: string;
  checks: Check[];
}
export interface ConnectionView {
  vendor: Vendor;
  settings: ConnectionSettings | null;
  /** Names of the secrets saved in the keychain (never their values). */
  secretsSet: string[];
  lastDiagnosis: Diagnosis | null;
}

export const RATE_LIMIT_MODES = ['off', 'retry_after_seconds', 'retry_after_date', 'no_retry_after'] as const;
export type RateLimitMode = (typeof RATE_LIMIT_MODES)[number];
export interface PracticeFaults {
  rateLimit: RateLimitMode;
  serverErrors: boolean;
  latencyMs: number;
  expiredSecret: boolean;
  tokenExpiry: boolean;
  dropConnections: boolean;
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

async function call<T>(cmd: string, args?: InvokeArgs): Promise<T> {
  try {
    return await invoke<T>(cmd, args);
  } catch (raw) {
    throw toIpcError(raw);
  }
}

export const appInfo = () => call<AppInfo>('app_info');
export const getSettings = () => call<Settings>('get_settings');
export const setLocale = (locale: Locale) => call<Settings>('set_locale', { locale });
export const keychainStatus = () => call<KeychainStatus>('keychain_status');
export const openLogFolder = () => call<null>('open_log_folder');

export const listProfiles = () => call<ProfileSummary[]>('list_profiles');
export const createProfile = (name: string) => call<ProfileSummary>('create_profile', { name });
export const renameProfile = (profileId: number, name: string) =>
  call<ProfileSummary>('rename_profile', { profileId, name });
export const deleteProfile = (profileId: number) => call<null>('delete_profile', { profileId });

export const listFlows = (profileId: number, locale: Locale) =>
  call<FlowSummary[]>('list_flows', { profileId, locale });
export const openFlow = (profileId: number, flowId: string, locale: Locale) =>
  call<FlowView>('open_flow', { profileId, flowId, locale });

export const setField = (ref: FieldRef, value: string) =>
  call<FlowView>('set_field', { ...ref, value });
export const setSecret = (ref: FieldRef, value: string) =>
  call<FlowView>('set_secret', { ...ref, value });
export const clearSecret = (ref: FieldRef) => call<FlowView>('clear_secret', { ...ref });
export const setStepStatus = (
  args: { profileId: number; flowId: string; stepId: string; locale: Locale },
  status: StepStatus,
) => call<FlowView>('set_step_status', { ...args, status });

export const getResume = () => call<Resume | null>('get_resume');
export const setResume = (profileId: number | null, flowId: string | null) =>
  call<null>('set_resume', { profileId, flowId });

export const openLink = (url: string) => call<null>('open_link', { url });
export const copyText = (text: string) => call<null>('copy_text', { text });
/** Copies a value built from saved secrets: the core reads the keychain; the value never reaches the UI. */
export const copySecret = (profileId: number, flowId: string, copyId: string) =>
  call<null>('copy_secret', { profileId, flowId, copyId });

export const listConnections = (profileId: number) => call<ConnectionView[]>('list_connections', { profileId });
export const saveConnection = (profileId: number, settings: ConnectionSettings) =>
  call<ConnectionView>('save_connection', { profileId, settings });
/** Saves one secret of a connection to the keychain (`null` clears it); the reply names saved secrets only. */
export const setConnectionSecret = (profileId: number, vendor: Vendor, field: string, value: string | null) =>
  call<ConnectionView>('set_connection_secret', { profileId, vendor, field, value });
export const testConnection = (profileId: number, vendor: Vendor) =>
  call<Diagnosis>('test_connection', { profileId, vendor });
export const openPracticeTenant = () => call<ProfileSummary>('open_practice_tenant');
export const practiceFaults = () => call<PracticeFaults>('practice_faults');
export const setPracticeFaults = (faults: PracticeFaults) => call<PracticeFaults>('set_practice_faults', { faults });

// --- Live steps of the Directory Sync flow (issue 4) ---

export interface CxoneAgent {
  id: number;
  userName: string;
  firstName: string;
  lastName: string;
  email: string | null;
  teamName: string | null;
  active: boolean;
}
export interface CxoneTeam {
  id: number;
  name: string;
  active: boolean;
  agentCount: number | null;
}

/** One address-book entry as saved; phone and mobile in E.164. */
export interface AddressEntry {
  firstName: string;
  lastName: string;
  middleName: string | null;
  company: string | null;
  phone: string | null;
  mobile: string | null;
  email: string | null;
}
/** The add-entry form as typed. */
export interface EntryDraft {
  firstName: string;
  lastName: string;
  middleName: string;
  company: string;
  phone: string;
  mobile: string;
  email: string;
}
/** `field` is camelCase (e.g. 'phone') or null for the whole entry / row; `code` e.g. `entry.email_invalid`, `phone.invalid`. */
export interface EntryProblem {
  field: string | null;
  code: string;
}
export interface Target {
  id: number;
  name: string;
}
export interface AddressBookDraft {
  /** ISO 3166 alpha-2 region used to read national phone numbers. */
  region: string;
  entries: AddressEntry[];
  teams: Target[];
  agents: Target[];
}
export interface EntryCheck {
  entry: AddressEntry | null;
  problems: EntryProblem[];
}
export interface CsvImport {
  separator: string;
  hadBom: boolean;
  /** Each header cell and the entry field it was read as (null: ignored). */
  columns: { header: string; field: string | null }[];
  accepted: { line: number; entry: AddressEntry }[];
  /** `duplicateOf`: for `row.duplicate`, the line of the accepted row it repeats. */
  rejected: { line: number; problems: EntryProblem[]; raw: string[]; duplicateOf?: number }[];
}
export interface PlanPreview {
  /** An existing book with the step's name is reused; null = it will be created. */
  bookId: number | null;
  entriesToAdd: number;
  entriesPresent: number;
  teamsToAssign: Target[];
  agentsToAssign: Target[];
  alreadyAssigned: number;
}
export type ApplyState = 'running' | 'done' | 'failed';
export interface ApplyRun {
  id: number;
  state: ApplyState;
  failure: Failure | null;
  bookId: number | null;
  total: number;
  added: number;
  present: number;
  assigned: number;
  updatedAt: string;
}
export interface ApplyResult {
  run: ApplyRun;
  flow: FlowView;
}

export const ACD_ATTRIBUTES = [
  'first-name',
  'last-name',
  'display-name',
  'email',
  'business-phone',
  'mobile-phone',
  'extension',
  'department',
  'job-title',
  'company',
] as const;
export type AcdAttribute = (typeof ACD_ATTRIBUTES)[number];
export const ZOOM_ATTRIBUTES = [
  'first-name',
  'last-name',
  'display-name',
  'email',
  'phone',
  'mobile',
  'extension',
  'department',
  'job-title',
  'company',
] as const;
export type ZoomAttribute = (typeof ZOOM_ATTRIBUTES)[number];
export interface AttributePair {
  acd: AcdAttribute;
  zoom: ZoomAttribute;
}
export type PatternFormat = 'keep' | 'e164';
export interface Pattern {
  match: string;
  strip: number;
  prefix: string;
  format: PatternFormat;
}
export interface PatternSet {
  name: string;
  region: string;
  patterns: Pattern[];
}
export interface DirectorySyncDoc {
  acdDirectory: string;
  attributes: AttributePair[];
  addExtension: boolean;
  translation: boolean;
  rules: { sets: PatternSet[] };
}
export interface MapProblem {
  row: number;
  code: string;
}
export interface RuleProblem {
  set: number;
  pattern: number | null;
  code: string;
}
export interface DirectorySyncView {
  doc: DirectorySyncDoc;
  /** Only valid pairs are offered. */
  zoomOptions: Record<AcdAttribute, ZoomAttribute[]>;
  mapProblems: MapProblem[];
  ruleProblems: RuleProblem[];
  regions: string[];
}
export const TRANSLATION_STATUSES = ['translated', 'unchanged', 'no_match', 'invalid', 'empty'] as const;
export type TranslationStatus = (typeof TRANSLATION_STATUSES)[number];
export interface PreviewRow {
  name: string;
  email: string;
  extension: number | null;
  before: string | null;
  after: string | null;
  status: TranslationStatus;
  /** A phone.* code. */
  reason: string | null;
}
export interface DirectoryPreview {
  totalUsers: number;
  phoneUsers: number;
  pages: number;
  counts: Record<TranslationStatus, number>;
  rows: PreviewRow[];
  truncated: boolean;
}

/** Arguments shared by the step commands. */
export interface StepRef {
  profileId: number;
  flowId: string;
  stepId: string;
  locale: Locale;
}

export const verifyStep = (ref: StepRef) => call<FlowView>('verify_step', { ...ref });
export const fillPracticeValues = (ref: StepRef) => call<FlowView>('fill_practice_values', { ...ref });
export const cxoneAgents = (profileId: number, search: string | null) =>
  call<CxoneAgent[]>('cxone_agents', { profileId, search });
export const cxoneTeams = (profileId: number) => call<CxoneTeam[]>('cxone_teams', { profileId });
/** `locale` picks the default region for a new draft (fr → FR, ja → JP, en → US). */
export const addressBookDraft = (profileId: number, flowId: string, locale?: Locale) =>
  call<AddressBookDraft>('address_book_draft', { profileId, flowId, locale });
export const saveAddressBookDraft = (profileId: number, flowId: string, draft: AddressBookDraft) =>
  call<AddressBookDraft>('save_address_book_draft', { profileId, flowId, draft });
export const checkEntry = (draft: EntryDraft, region: string) => call<EntryCheck>('check_entry', { draft, region });
/** The file's bytes as numbers (the core detects the BOM, the encoding and the separator). */
export const previewCsv = (bytes: number[], region: string) => call<CsvImport>('preview_csv', { bytes, region });
export const planAddressBook = (profileId: number, flowId: string) =>
  call<PlanPreview>('plan_address_book', { profileId, flowId });
export const applyAddressBook = (profileId: number, flowId: string, locale: Locale) =>
  call<ApplyResult>('apply_address_book', { profileId, flowId, locale });
export const addressBookRun = (profileId: number) => call<ApplyRun | null>('address_book_run', { profileId });
export const directorySync = (profileId: number, flowId: string, locale: Locale) =>
  call<DirectorySyncView>('directory_sync', { profileId, flowId, locale });
export const saveDirectorySync = (profileId: number, flowId: string, doc: DirectorySyncDoc) =>
  call<DirectorySyncView>('save_directory_sync', { profileId, flowId, doc });
export const previewDirectory = (profileId: number, flowId: string, locale?: Locale) =>
  call<DirectoryPreview>('preview_directory', { profileId, flowId, locale });


// --- The CXone ↔ Salesforce presence flow (issue 5) ---

export type PlannedKind = 'online' | 'busy';
/** A Salesforce presence status the admin plans, then creates in Setup. `channels`: free text, Online only. */
export interface PlannedStatus {
  label: string;
  developerName: string;
  kind: PlannedKind;
  channels: string;
}

/** States: while the agent is in the ACD state `acd`, Salesforce shows `salesforce` (a DeveloperName). */
export interface StateRow {
  acd: string;
  salesforce: string;
}
/** Where a Subscriber row sends the agent: an ACD state, or 'previous' (Previous state). */
export type SubscriberTarget = { state: string } | 'previous';
export interface SubscriberRow {
  salesforce: string;
  acd: SubscriberTarget;
}
export interface PresenceRule {
  name: string;
  states: StateRow[];
  subscriberStates: SubscriberRow[];
  teams: Target[];
  users: Target[];
}
export type SalesforceStatusKind = 'online' | 'busy' | 'unknown';
export interface SalesforceStatus {
  developerName: string;
  label: string;
  kind: SalesforceStatusKind;
}
/** The live lists: 'Available' + every CXone unavailable code; every ServicePresenceStatus. */
export interface PresenceCatalog {
  acdStates: string[];
  salesforceStatuses: SalesforceStatus[];
}
export type FindingTable = 'states' | 'subscriber_states' | 'rule';
export interface Finding {
  /** presence.* code, translated with its params. */
  code: string;
  severity: 'error' | 'warning';
  table: FindingTable;
  /** 0-based row of that table; null for the table or the rule as a whole. */
  row: number | null;
  params: Record<string, unknown>;
}
/** The diagram's words, translated by the UI. */
export interface DiagramLabels {
  title: string;
  acdColumn: string;
  salesforceColumn: string;
  previousState: string;
  legendStates: string;
  legendSubscriber: string;
  legendLoop: string;
  legendMissing: string;
}
export interface PresenceRuleView {
  rule: PresenceRule;
  catalog: PresenceCatalog | null;
  /** When the lists were last read live. */
  catalogAt: string | null;
  findings: Finding[];
  /** SVG markup made by the core (all text escaped); shown as an image, never as HTML. */
  diagram: string;
  /** After an import: teams and users with no match by name in this tenant (still in the rule). */
  unmatchedTargets?: string[];
}
export type PresenceSystem = 'acd' | 'salesforce';
export interface SimulationStep {
  system: PresenceSystem;
  state: string;
  /** The row that caused the step: [table, 0-based row]; null for the start. */
  viaRow: [string, number] | null;
  /** 'previous_state' when a Previous state row sent the agent back. */
  note: string | null;
}
export type SimulationOutcome =
  | { kind: 'settles' }
  | { kind: 'loops'; backTo: number }
  | { kind: 'stops'; reason: string }
  | { kind: 'tooLong' };
export interface Simulation {
  steps: SimulationStep[];
  outcome: SimulationOutcome;
}
export interface SavedFile {
  path: string;
}

export const plannedStatuses = (profileId: number, flowId: string) =>
  call<PlannedStatus[]>('planned_statuses', { profileId, flowId });
export const savePlannedStatuses = (profileId: number, flowId: string, statuses: PlannedStatus[]) =>
  call<PlannedStatus[]>('save_planned_statuses', { profileId, flowId, statuses });
/** Practice profiles only: creates the planned statuses in the practice org (stands in for Setup). */
export const practiceCreatePlannedStatuses = (profileId: number, flowId: string) =>
  call<FlowView>('practice_create_planned_statuses', { profileId, flowId });
export const presenceRule = (profileId: number, flowId: string, labels: DiagramLabels) =>
  call<PresenceRuleView>('presence_rule', { profileId, flowId, labels });
export const savePresenceRule = (profileId: number, flowId: string, rule: PresenceRule, labels: DiagramLabels) =>
  call<PresenceRuleView>('save_presence_rule', { profileId, flowId, rule, labels });
export const refreshPresenceLists = (profileId: number, flowId: string, labels: DiagramLabels) =>
  call<PresenceRuleView>('refresh_presence_lists', { profileId, flowId, labels });
export const simulatePresence = (
  profileId: number,
  flowId: string,
  start: { system: PresenceSystem; state: string },
  previous: string | null,
) => call<Simulation>('simulate_presence', { profileId, flowId, start, previous });
export const exportPresenceRule = (profileId: number, flowId: string) =>
  call<SavedFile>('export_presence_rule', { profileId, flowId });
export const importPresenceRule = (profileId: number, flowId: string, json: string, labels: DiagramLabels) =>
  call<PresenceRuleView>('import_presence_rule', { profileId, flowId, json, labels });
export const exportPresenceDiagram = (profileId: number, flowId: string, labels: DiagramLabels) =>
  call<SavedFile>('export_presence_diagram', { profileId, flowId, labels });
/** Opens the folder that holds a file Switchboard saved. */
export const revealFile = (path: string) => call<null>('reveal_file', { path });

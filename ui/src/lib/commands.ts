// Purpose: one wrapper per command of the core↔window contract, GENERATED with contract.ts by
// `SWITCHBOARD_WRITE_CONTRACT=1 cargo test -p switchboard contract`; do not edit by hand.
import { call } from './ipc';
import type { AddressBookDraft, AgentTarget, ConnectionSettings, DataActionsPlan, DiagramLabels, Direction, DirectorySyncDoc, EntryDraft, ImportChoice, JournalQuery, Locale, PlannedStatus, PracticeFaults, PresenceRule, ReportFormat, Start, StepStatus, Unfinished, Vendor, ZccStatusMap } from './contract';

export const appInfo = () => call('app_info');
/** The UI's language: the saved one, else the OS language when Switchboard speaks it (all there is while the database is not open and the recovery screen shows). */
export const getSettings = () => call('get_settings');
export const setLocale = (locale: Locale) => call('set_locale', { locale });
export const keychainStatus = () => call('keychain_status');
export const openLogFolder = () => call('open_log_folder');
/** Only https vendor pages (checked by the core) reach the browser. */
export const openLink = (url: string) => call('open_link', { url });
export const copyText = (text: string) => call('copy_text', { text });
/** Copies a value built from saved secrets straight from the keychain to the clipboard (the secret never travels to the webview), and takes it off again a minute later. */
export const copySecret = (profileId: number, flowId: string, copyId: string) => call('copy_secret', { profileId, flowId, copyId });
/** Opens the folder holding a file Switchboard saved during this run: the window must not make the file manager open any path it likes. */
export const revealFile = (path: string) => call('reveal_file', { path });
export const listProfiles = () => call('list_profiles');
/** Per profile with work left, the step "Continue" opens. */
export const nextActions = (locale: Locale) => call('next_actions', { locale });
export const createProfile = (name: string) => call('create_profile', { name });
export const renameProfile = (profileId: number, name: string) => call('rename_profile', { profileId, name });
/** Deletes the profile, its progress and its keychain entries; names the entries the keychain would not remove now. */
export const deleteProfile = (profileId: number) => call('delete_profile', { profileId });
/** Opens (creating it once) the practice profile, pointed at the in-app emulator. */
export const openPracticeTenant = () => call('open_practice_tenant');
export const practiceFaults = () => call('practice_faults');
export const setPracticeFaults = (faults: PracticeFaults) => call('set_practice_faults', { faults });
export const listFlows = (profileId: number, locale: Locale) => call('list_flows', { profileId, locale });
/** The flow as the user opens it; also remembered as where to resume. */
export const openFlow = (profileId: number, flowId: string, locale: Locale) => call('open_flow', { profileId, flowId, locale });
/** Marks the flow not needed for this customer, or needed again; steps and values stay. */
export const setFlowNotNeeded = (profileId: number, flowId: string, notNeeded: boolean, locale: Locale) => call('set_flow_not_needed', { profileId, flowId, notNeeded, locale });
export const setField = (profileId: number, flowId: string, stepId: string, fieldId: string, value: string, locale: Locale) => call('set_field', { profileId, flowId, stepId, fieldId, value, locale });
/** The value arrives once and goes straight to the keychain; the reply says only "set". */
export const setSecret = (profileId: number, flowId: string, stepId: string, fieldId: string, value: string, locale: Locale) => call('set_secret', { profileId, flowId, stepId, fieldId, value, locale });
export const clearSecret = (profileId: number, flowId: string, stepId: string, fieldId: string, locale: Locale) => call('clear_secret', { profileId, flowId, stepId, fieldId, locale });
export const setStepStatus = (profileId: number, flowId: string, stepId: string, status: StepStatus, locale: Locale) => call('set_step_status', { profileId, flowId, stepId, status, locale });
/** Runs a verified step's live check; Done when it passes, Needs attention otherwise. */
export const verifyStep = (profileId: number, flowId: string, stepId: string, locale: Locale) => call('verify_step', { profileId, flowId, stepId, locale });
/** Fills the step's fields the practice tenant knows (its Zoom apps' credentials). */
export const fillPracticeValues = (profileId: number, flowId: string, stepId: string, locale: Locale) => call('fill_practice_values', { profileId, flowId, stepId, locale });
export const getResume = () => call('get_resume');
export const setResume = (profileId?: number | null, flowId?: string | null) => call('set_resume', { profileId, flowId });
/** Every connection of the profile (a practice profile's pointed at the running emulator). */
export const listConnections = (profileId: number) => call('list_connections', { profileId });
export const saveConnection = (profileId: number, settings: ConnectionSettings) => call('save_connection', { profileId, settings });
/** A secret arrives once and goes straight to the keychain (`null` clears it). */
export const setConnectionSecret = (profileId: number, vendor: Vendor, field: string, value?: string | null) => call('set_connection_secret', { profileId, vendor, field, value });
export const testConnection = (profileId: number, vendor: Vendor) => call('test_connection', { profileId, vendor });
/** The CXone users (agents) matching `search`, for picking the access-key user. */
export const cxoneAgents = (profileId: number, search?: string | null) => call('cxone_agents', { profileId, search });
/** The CXone teams, for assigning the address book. */
export const cxoneTeams = (profileId: number) => call('cxone_teams', { profileId });
export const addressBookDraft = (profileId: number, flowId: string, locale?: Locale | null) => call('address_book_draft', { profileId, flowId, locale });
export const saveAddressBookDraft = (profileId: number, flowId: string, draft: AddressBookDraft) => call('save_address_book_draft', { profileId, flowId, draft });
/** One entry checked as the admin types it (phone numbers in `region`'s national form). */
export const checkEntry = (draft: EntryDraft, region: string) => call('check_entry', { draft, region });
/** A CSV file's preview: every row checked, each refused one named by its line. The file comes as base64 text (`contentBase64`), never as a JSON array of numbers. */
export const previewCsv = (contentBase64: string, region: string) => call('preview_csv', { contentBase64, region });
export const planAddressBook = (profileId: number, flowId: string) => call('plan_address_book', { profileId, flowId });
/** Applies the plan (idempotent, journalled: an interrupted run of the same plan resumes; one of another plan waits for `unfinished`: resume it or discard it). */
export const applyAddressBook = (profileId: number, flowId: string, locale: Locale, unfinished?: Unfinished | null) => call('apply_address_book', { profileId, flowId, locale, unfinished });
export const addressBookRun = (profileId: number) => call('address_book_run', { profileId });
export const directorySync = (profileId: number, flowId: string, locale: Locale) => call('directory_sync', { profileId, flowId, locale });
export const saveDirectorySync = (profileId: number, flowId: string, doc: DirectorySyncDoc) => call('save_directory_sync', { profileId, flowId, doc });
/** The translation applied to every Zoom Phone user's number, read live from Zoom. */
export const previewDirectory = (profileId: number, flowId: string, locale?: Locale | null) => call('preview_directory', { profileId, flowId, locale });
export const plannedStatuses = (profileId: number, flowId: string) => call('planned_statuses', { profileId, flowId });
export const savePlannedStatuses = (profileId: number, flowId: string, statuses: Array<PlannedStatus>) => call('save_planned_statuses', { profileId, flowId, statuses });
/** Creates the planned statuses in the practice org, standing in for Salesforce Setup; replies with the flow (in the UI's language) as every flow mutator does. */
export const practiceCreatePlannedStatuses = (profileId: number, flowId: string) => call('practice_create_planned_statuses', { profileId, flowId });
export const presenceRule = (profileId: number, flowId: string, labels: DiagramLabels) => call('presence_rule', { profileId, flowId, labels });
export const savePresenceRule = (profileId: number, flowId: string, rule: PresenceRule, labels: DiagramLabels) => call('save_presence_rule', { profileId, flowId, rule, labels });
/** Reads the CXone states and Salesforce statuses again. */
export const refreshPresenceLists = (profileId: number, flowId: string, labels: DiagramLabels) => call('refresh_presence_lists', { profileId, flowId, labels });
export const simulatePresence = (profileId: number, flowId: string, start: Start, previous?: string | null) => call('simulate_presence', { profileId, flowId, start, previous });
export const exportPresenceRule = (profileId: number, flowId: string) => call('export_presence_rule', { profileId, flowId });
/** Imports a rule file, its teams and users matched by name to this tenant's. */
export const importPresenceRule = (profileId: number, flowId: string, json: string, labels: DiagramLabels) => call('import_presence_rule', { profileId, flowId, json, labels });
export const exportPresenceDiagram = (profileId: number, flowId: string, labels: DiagramLabels) => call('export_presence_diagram', { profileId, flowId, labels });
/** Each kind as the org offers it (type, limit, how many exist) and the organization id. */
export const dataActionsOrg = (profileId: number) => call('data_actions_org', { profileId });
export const dataActionsPlan = (profileId: number, flowId: string) => call('data_actions_plan', { profileId, flowId });
export const saveDataActionsPlan = (profileId: number, flowId: string, plan: DataActionsPlan) => call('save_data_actions_plan', { profileId, flowId, plan });
/** A planned integration's secret goes straight to the keychain (`null` clears it). */
export const setDataActionSecret = (profileId: number, flowId: string, name: string, field: string, value?: string | null) => call('set_data_action_secret', { profileId, flowId, name, field, value });
/** A Google service-account key file's text: its fields filled, its private key to the keychain. */
export const importGoogleKey = (profileId: number, flowId: string, name: string, keyJson: string) => call('import_google_key', { profileId, flowId, name, keyJson });
export const previewDataActions = (profileId: number, flowId: string) => call('preview_data_actions', { profileId, flowId });
/** Applies the plan (claimed and journalled; an unfinished run of another plan waits for `unfinished`). */
export const applyDataActions = (profileId: number, flowId: string, locale: Locale, unfinished?: Unfinished | null) => call('apply_data_actions', { profileId, flowId, locale, unfinished });
export const dataActionIntegrations = (profileId: number) => call('data_action_integrations', { profileId });
/** Puts the plan's current secrets into the integration's existing credential. */
export const rotateDataActionCredential = (profileId: number, flowId: string, integrationId: string) => call('rotate_data_action_credential', { profileId, flowId, integrationId });
export const setDataActionEnabled = (profileId: number, integrationId: string, enabled: boolean) => call('set_data_action_enabled', { profileId, integrationId, enabled });
export const renameDataAction = (profileId: number, integrationId: string, name: string) => call('rename_data_action', { profileId, integrationId, name });
/** Saves the data-action client certificates (Current, Upcoming) as PEM files in Downloads, with their expiry dates. */
export const saveDataActionCertificates = (profileId: number, flowId: string) => call('save_data_action_certificates', { profileId, flowId });
/** The certificates last downloaded, with their expiry dates. */
export const dataActionCertificates = (profileId: number, flowId: string) => call('data_action_certificates', { profileId, flowId });
/** Tests a planned integration's credential with its own service (Zendesk, the Entra sign-in for Dynamics 365) before Genesys gets it. */
export const checkDataActionCredential = (profileId: number, flowId: string, name: string) => call('check_data_action_credential', { profileId, flowId, name });
/** Tests the integration's first data action with `input`, the text of a JSON object. */
export const testDataAction = (profileId: number, integrationId: string, input: string) => call('test_data_action', { profileId, integrationId, input });
/** Deletes the integration and its credential. */
export const deleteDataAction = (profileId: number, integrationId: string) => call('delete_data_action', { profileId, integrationId });
/** Adds a code in any form the admin types (`+33`, `0033`, `FR`); refused with a validation error on the field when it is no country's code or already listed. */
export const addCountryCode = (profileId: number, flowId: string, stepId: string, fieldId: string, entry: string, locale: Locale) => call('add_country_code', { profileId, flowId, stepId, fieldId, entry, locale });
export const zccStatusMap = (profileId: number, flowId: string) => call('zcc_status_map', { profileId, flowId });
export const saveZccStatusMap = (profileId: number, flowId: string, map: ZccStatusMap) => call('save_zcc_status_map', { profileId, flowId, map });
export const refreshZccStatuses = (profileId: number, flowId: string) => call('refresh_zcc_statuses', { profileId, flowId });
/** Writes the profile file (never a secret) into the export folder. */
export const exportProfile = (profileId: number) => call('export_profile', { profileId });
/** What a profile file holds, and whether a profile already has its name. */
export const previewProfileFile = (text: string) => call('preview_profile_file', { text });
/** Imports a profile file as a new profile, or replacing one when `choice.replace`. */
export const importProfile = (text: string, choice: ImportChoice) => call('import_profile', { text, choice });
/** Copies the file's presence rules, directory rules and data-actions plans into the profile. */
export const importProfileParts = (profileId: number, text: string) => call('import_profile_parts', { profileId, text });
export const profileJournal = (profileId: number, query: JournalQuery) => call('profile_journal', { profileId, query });
/** Writes the journal entries the filters keep as CSV into the export folder. */
export const exportJournal = (profileId: number, query: JournalQuery, locale: Locale) => call('export_journal', { profileId, query, locale });
export const zccPrerequisites = (profileId: number) => call('zcc_prerequisites', { profileId });
export const zccPackage = (profileId: number) => call('zcc_package', { profileId });
/** The import XML of Setup › Call Centers (the SSO definition when `sso_host` is given). */
export const zccCallCenterXml = (ssoHost?: string | null) => call('zcc_call_center_xml', { ssoHost });
/** The flow's choices for the live parts: SSO and its vanity host, the agents' e-mails. */
export const zccChoices = (profileId: number) => call('zcc_choices', { profileId });
/** Saves the import XML in the user's Downloads folder (never replacing a file). */
export const exportZccCallCenter = (profileId: number, ssoHost?: string | null) => call('export_zcc_call_center', { profileId, ssoHost });
export const zccDeployCallCenter = (profileId: number, ssoHost?: string | null) => call('zcc_deploy_call_center', { profileId, ssoHost });
export const zccAgents = (profileId: number, target: AgentTarget, direction: Direction) => call('zcc_agents', { profileId, target, direction });
/** Applies the plan shown (claimed and journalled; an unfinished run of another plan waits for `unfinished`). */
export const zccAgentsApply = (profileId: number, target: AgentTarget, direction: Direction, unfinished?: Unfinished | null) => call('zcc_agents_apply', { profileId, target, direction, unfinished });
/** Why the database is not open, or nothing when it is (the normal app). */
export const startupProblem = () => call('startup_problem');
/** Tries to open the database again (a lock released, space freed); what still fails. */
export const retryOpen = () => call('retry_open');
/** A damaged database only: sets it aside (never deleted) and opens a new one. */
export const startFreshDatabase = () => call('start_fresh_database');
/** A damaged database only: sets it aside and opens a copy of the backup `name`. */
export const restoreBackup = (name: string) => call('restore_backup', { name });
/** Opens the data folder (where the database and the files set aside are) in the file manager. */
export const openDataFolder = () => call('open_data_folder');
/** Help › Restore a backup while the app runs: the backups beside the database, newest first. */
export const listBackups = () => call('list_backups');
/** Restores the backup `name` by restarting: the open core cannot be swapped under the commands in flight (see `recovery::schedule_restore`), so the choice is written down and the app restarts, restoring it before the database is opened. */
export const restoreBackupAndRestart = (name: string) => call('restore_backup_and_restart', { name });
export const quitApp = () => call('quit_app');
/** The review of a profile, from what the app recorded; titles in `locale`. */
export const review = (profileId: number, locale: Locale) => call('review', { profileId, locale });
/** Asks where to save the report (the native save dialog, starting in Downloads with the customer's name and the date); `None` when the admin cancels. */
export const chooseReportPath = (profileId: number, format: ReportFormat, locale: Locale) => call('choose_report_path', { profileId, format, locale });
/** Writes the report in `format` and `lang` to `path`; answers the path written, which `reveal_file` may then show. */
export const exportReport = (profileId: number, format: ReportFormat, lang: Locale, path: string) => call('export_report', { profileId, format, lang, path });

// Purpose: the core↔window contract, GENERATED from the Rust types and commands by
// `SWITCHBOARD_WRITE_CONTRACT=1 cargo test -p switchboard contract`; do not edit by hand.

/** `line` is the 1-based line of the file where the row starts. */
export type AcceptedRow = { line: number, entry: AddressEntry, };

/** A CXone ACD user attribute the sync can fill. */
export type AcdAttribute = "first-name" | "last-name" | "display-name" | "email" | "business-phone" | "mobile-phone" | "extension" | "department" | "job-title" | "company";

/** One write of a plan, for one agent. */
export type Action = { "kind": "assignPermissionSet", email: string, user_id: string, permission_set_id: string, } | { "kind": "setCallCenter", email: string, user_id: string, call_center_id: string | null, } | { "kind": "setClientIntegration", email: string, zoom_user_id: string, client_integration: string, connection_name: string | null, } | { "kind": "removePermissionSet", email: string, assignment_id: string, };

/** One write's outcome, by its index in the plan. */
export type ActionOutcome = { index: number, email: string, place: string, } & ({ "outcome": "done" } | { "outcome": "alreadyDone" } | { "outcome": "refused", error_code: string, message: string, });

/** An action's test, as the window shows it. */
export type ActionTestView = { actionId: string, actionName: string, success: boolean, failedStep: string | null, };

/** What the admin is preparing: kept as they type, applied on request. */
export type AddressBookDraft = { region: string, entries: Array<AddressEntry>, teams: Array<Target>, agents: Array<Target>, };

/** A checked entry, with CXone's `addressBookEntries` field names. Phones are E.164. */
export type AddressEntry = { firstName: string, lastName: string, middleName?: string | null, company?: string | null, phone?: string | null, mobile?: string | null, email?: string | null, };

/** The writes, in order, plus what could not be planned (e.g. no call center to join yet). */
export type AgentPlan = { direction: Direction, actions: Array<Action>, };

export type AgentRow = { email: string, name: string, salesforceUserId: string, zoomUserId: string, permissionSet: Place, callCenter: Place, clientIntegration: Place, 
/** Assignments of the package's sets this user holds (what removal deletes). */
assignmentIds: Array<string>, 
/**
 * Among the agents the admin chose (every matched user while none is chosen): only these
 * are planned and decide whether an agent step is Done.
 */
chosen: boolean, };

export type AgentTable = { rows: Array<AgentRow>, unmatched: Array<UnmatchedUser>, };

/** Which agents, and where they go. */
export type AgentTarget = { 
/** The call center's Internal Name (`zoomcontactcenter`, or `zccsso` with SSO). */
callCenter: string, 
/** The Zoom Contact Center connection name (seed: "Salesforce"). */
connectionName: string, role: Role, 
/** The agents chosen, by e-mail; `None` is every matched user. */
only: Array<string> | null, };

export type AgentsApplied = { runId: number, outcomes: Array<ActionOutcome>, 
/** Why the run stopped before the end (it resumes from where it stopped). */
failure: FailureReply | null, 
/** The three places read again after the apply. */
after: AgentsView, };

/** The agents' table and the plan that would fix (or undo) it. */
export type AgentsView = { table: AgentTable, plan: AgentPlan, 
/** What keeps the plan from covering everything (the call center not deployed yet). */
problems: Array<FailureReply>, };

export type AppInfo = { version: string, identifier: string, dataDir: string, logDir: string, development: boolean, };

export type ApplyResult = { run: ApplyRun, flow: FlowView, };

/** An apply run as the UI shows it. */
export type ApplyRun = { id: number, state: 'running' | 'done' | 'failed' | 'discarded', failure: FailureView | null, bookId: number | null, total: number, added: number, present: number, assigned: number, updatedAt: string, };

export type AttributePair = { acd: AcdAttribute, zoom: ZoomAttribute, };

export type Backup = { 
/** The file name inside the backup folder: what `restore_backup` takes. */
name: string, 
/** When the file was last written, ISO-8601 UTC. */
modified: string, size: number, };

/** A call center as `CallCenter` answers. */
export type CallCenter = { id: string, internalName: string, name: string, adapterUrl: string | null, };

/** A call center deployed, or found already identical. */
export type CallCenterDeployed = { 
/** False when the org already held this definition: nothing was deployed. */
changed: boolean, deployId: string | null, 
/** As the `CallCenter` query reads it after the deploy. */
callCenter: CallCenter, };

export type Check = { 
/** Stable per vendor: `settings`, `token`, `scopes`, `users`, `discovery`, … */
id: string, ok: boolean, 
/** Set exactly when `ok` is false. */
code: DiagnosisCode | null, params: { [key in string]: JsonValue }, };

export type CheckFailure = { 
/** The check that failed (`token`, `scopes`, …). */
check: string, code: DiagnosisCode, };

/** A choice the flow asks first: the field, and the step that keeps its value. */
export type ChoiceView = { stepId: string, field: FieldView, };

/** A header cell, and the entry field it was recognised as (`None`: ignored). */
export type Column = { header: string, field: string | null, };

/** A connection and its last Test. */
export type ConnectionReview = { vendor: Vendor, 
/** ISO-8601 UTC; `None` when never tested with these settings. */
testedAt: string | null, ok: boolean | null, 
/** The failed checks of the last Test. */
failures: Array<CheckFailure>, };

/**
 * A connection's non-secret settings, tagged by vendor:
 * `{"vendor": "zoom", "accountId": …, "clientId": …, "practice": false,
 * "tokenBase"?: …, "apiBase"?: …}`.
 */
export type ConnectionSettings = { "vendor": "zoom" } & ZoomSettings | { "vendor": "cxone" } & CxoneSettings | { "vendor": "salesforce" } & SalesforceSettings | { "vendor": "genesys" } & GenesysSettings;

/**
 * A connection as the UI shows it: its settings (absent until first saved), which secrets are
 * saved in the keychain (names only) and the last Test's diagnosis.
 */
export type ConnectionView = { vendor: Vendor, settings: ConnectionSettings | null, secretsSet: Array<string>, lastDiagnosis: Diagnosis | null, };

export type CopyView = { id: string, label: string, target: string | null, 
/** `None` while fields are missing, and always for a copy that contains a secret. */
value: string | null, missing: Array<string>, 
/** Built from a saved secret: the UI copies it with `copy_secret`, the value never crosses IPC. */
secret: boolean, };

/** One valid code and the regions dialled with it, the main one first (`+1`: US, then AG, AI …). */
export type CountryCallingCode = { code: number, 
/** ISO 3166-1 alpha-2 codes; the window names them in the admin's language. */
regions: Array<string>, };

/** One entry of a saved list, as the editor shows it: the text, and what it is or why not. */
export type CountryCodeEntry = { text: string, country: CountryCallingCode | null, 
/** The validation code when the entry is refused (see [`EntryError::code`]). */
problem: ValidationCode | null, };

/**
 * A credential tested with its own service: `supported` is false for kinds the app cannot
 * reach itself.
 */
export type CredentialCheck = { supported: boolean, ok: boolean, failure: FailureReply | null, };

/** The encoding a file was read as; the preview says so, since a wrong guess shows as odd letters. */
export type CsvEncoding = "utf-8" | "utf-16" | "shift_jis" | "windows-1252";

/** The preview of one file. */
export type CsvImport = { separator: string, hadBom: boolean, encoding: CsvEncoding, columns: Array<Column>, 
/**
 * The headers of the columns no entry field was recognised in: their cells are not
 * imported, and the admin should know (a `Fax` column, or `Phone` misspelt).
 */
ignoredColumns: Array<string>, accepted: Array<AcceptedRow>, rejected: Array<RejectedRow>, };

export type CxoneAgent = { id: number, userName: string, firstName: string, lastName: string, email: string | null, teamId: number | null, teamName: string | null, active: boolean, };

/** Which CXone cloud issues the tokens. */
export type CxoneCloud = "commercial" | "us_gov";

/**
 * A CXone tenant reached with an access key and a NICE-registered API client. Secrets:
 * `access-key-secret`, `client-secret`.
 */
export type CxoneSettings = { accessKeyId: string, clientId: string, cloud: CxoneCloud, 
/** The tenant's area (`na1`, `eu1`, `au1` …), checked against discovery when given. */
area?: string | null, 
/** The tenant ID (UUID); read from CXone's token when absent. */
tenantId?: string | null, 
/** A rehearsal against the practice tenant: every request must stay on loopback. */
practice: boolean, 
/** Replaces the vendor's login / token host. */
tokenBase?: string | null, 
/** Replaces the vendor's API host (also the one discovered at run time). */
apiBase?: string | null, 
/**
 * Hosts that are not the vendor's own but that the admin confirmed (a proxy, a test host):
 * credentials go there only when listed here, and the connection shows it.
 */
confirmedHosts: Array<string>, };

export type CxoneTeam = { id: number, name: string, active: boolean, agentCount: number, };

export type DataActionItemPreview = { name: string, kind: Kind, 
/** The org's type for this kind; `None` when the org has none. */
typeId: string | null, step: DataActionStep, 
/** Why this item cannot be applied (the diagnosis codes of the connection Test). */
problems: Array<FailureReply>, };

/** A field of one planned integration that is not acceptable. */
export type DataActionPlanProblem = { 
/** Index in the plan's list. */
index: number, 
/** `name`, `credentialType`, or the credential field. */
field: string, error: FieldError, };

/** One finding of the preflight. */
export type DataActionPreflightFinding = { 
/** True when the plan cannot be applied until it is fixed; false for "could not check". */
blocking: boolean, failure: FailureReply, };

/** What applying one planned integration would do. */
export type DataActionStep = "create" | "complete" | "upToDate";

/** An apply's outcome, as the window shows it. */
export type DataActionsApplied = { runId: number, outcomes: Array<ItemOutcome>, failure: FailureReply | null, flow: FlowView, };

/**
 * What the editor needs from the org: each kind's availability, and the organization id (the
 * External ID of an AWS role's trust policy, copied, never typed).
 */
export type DataActionsOrg = { organizationId: string | null, kinds: Array<KindOffer>, };

export type DataActionsPlan = { integrations: Array<PlannedIntegration>, };

/** The saved plan, its offline problems, and which secrets are saved (never their values). */
export type DataActionsPlanView = { plan: DataActionsPlan, problems: Array<DataActionPlanProblem>, 
/** `<integration name>/<field>` of every secret saved in the keychain. */
secretsSet: Array<string>, };

export type DataActionsPreview = { items: Array<DataActionItemPreview>, 
/** What the plan as a whole lacks (the OAuth client's permissions), or could not check. */
preflight: Array<DataActionPreflightFinding>, 
/** True when every item can be applied and no preflight finding blocks. */
ready: boolean, };

export type Diagnosis = { vendor: Vendor, 
/** True when every check passed. */
ok: boolean, 
/** ISO-8601 UTC, e.g. `2026-11-23T10:15:00Z`. */
checkedAt: string, 
/** In the order they ran; a check that could not run (an earlier one failed) is absent. */
checks: Array<Check>, };

export type DiagnosisCode = "settings.invalid" | "settings.missing_secret" | "network.unreachable" | "network.timeout" | "network.unexpected_redirect" | "rate_limited" | "vendor.server_error" | "vendor.unexpected_response" | "vendor.reply_too_large" | "vendor.token_rejected" | "vendor.untrusted_endpoint" | "internal" | "zoom.invalid_client" | "zoom.invalid_client_secret" | "zoom.client_id_mismatch" | "zoom.credentials_missing" | "zoom.not_server_to_server_app" | "zoom.invalid_account_id" | "zoom.no_token_issued" | "zoom.missing_scopes" | "zoom.api_access_denied" | "zoom.daily_rate_limit" | "zoom.token_request_rejected" | "zoom.contact_center_users_missing" | "cxone.invalid_client" | "cxone.invalid_access_key" | "cxone.unauthorized_client" | "cxone.token_request_rejected" | "cxone.tenant_unknown" | "cxone.tenant_not_found" | "cxone.area_mismatch" | "cxone.missing_permissions" | "cxone.address_book_missing" | "apply.not_recorded" | "salesforce.authentication_failure" | "salesforce.security_token_required" | "salesforce.invalid_login" | "salesforce.password_expired" | "salesforce.invalid_consumer_key" | "salesforce.invalid_consumer_secret" | "salesforce.unsupported_grant_type" | "salesforce.login_host_not_supported" | "salesforce.user_not_approved" | "salesforce.token_request_rejected" | "salesforce.request_limit_exceeded" | "salesforce.api_disabled" | "salesforce.omni_channel_unavailable" | "salesforce.developer_name_hidden" | "salesforce.statuses_missing" | "salesforce.not_admin" | "salesforce.zcc_package_missing" | "salesforce.deploy_failed" | "salesforce.deploy_pending" | "salesforce.call_center_missing" | "salesforce.zcc_permission_sets_missing" | "genesys.wrong_grant_type" | "genesys.client_not_found_in_region" | "genesys.invalid_client_secret" | "genesys.token_request_rejected" | "genesys.missing_permissions" | "genesys.instance_limit" | "genesys.type_unavailable" | "genesys.name_taken" | "genesys.integration_error" | "genesys.not_active" | "genesys.config_conflict" | "genesys.preflight_missing_permissions" | "genesys.permissions_unchecked" | "zendesk.unauthorized" | "zendesk.account_not_found" | "dynamics.invalid_credentials" | "dynamics.mfa_required" | "dynamics.public_client_disabled" | "dynamics.app_not_found" | "dynamics.consent_required" | "dynamics.password_expired" | "dynamics.token_rejected" | "google.key_revoked" | "google.clock_skew" | "google.delegation_missing" | "google.invalid_scope" | "google.invalid_client" | "google.key_unreadable" | "google.token_rejected";

/** The diagram's words, translated by the UI. */
export type DiagramLabels = { title: string, acdColumn: string, salesforceColumn: string, previousState: string, legendStates: string, legendSubscriber: string, legendLoop: string, legendMissing: string, };

/** Enabling agents, or undoing it (removal). */
export type Direction = "enable" | "remove";

export type DirectoryPreview = { totalUsers: number, phoneUsers: number, pages: number, counts: { [key in TranslationStatus]?: number }, rows: Array<PreviewRow>, truncated: boolean, };

/** What the admin enters on CXone's Directory Sync page, prepared here. */
export type DirectorySyncDoc = { acdDirectory: string, attributes: Array<AttributePair>, addExtension: boolean, translation: boolean, rules: TranslationRules, };

export type DirectorySyncView = { doc: DirectorySyncDoc, 
/** For each ACD attribute, the Zoom attributes it may be paired with. */
zoomOptions: { [key in AcdAttribute]?: Array<ZoomAttribute> }, mapProblems: Array<MapProblem>, ruleProblems: Array<RuleProblem>, regions: Array<string>, };

/** One entry typed in the form: the normalized entry, or why not. */
export type EntryCheck = { entry: AddressEntry | null, problems: Array<EntryProblem>, };

/** An entry as typed in the form or read from a CSV row: every field as text, unchecked. */
export type EntryDraft = { firstName: string, lastName: string, middleName: string, company: string, phone: string, mobile: string, email: string, };

/**
 * What is wrong with one field (`field` is its camelCase name) or, without a field, with the
 * whole row. The UI translates `code`.
 */
export type EntryProblem = { field: string | null, code: string, };

/** Stable codes the UI translates (`error.<code>` in its catalogues). */
export type ErrorCode = "validation" | "not_found" | "conflict" | "keychain_unavailable" | "keychain_timeout" | "storage" | "database_corrupt" | "database_newer" | "database_locked" | "disk_full" | "database_read_only" | "database_io" | "database_unavailable" | "invalid_link" | "vendor" | "connection_missing" | "live_check_required" | "apply_running" | "apply_plan_changed" | "profile_file_newer" | "profile_file_invalid" | "internal";

/** What an error looks like on the wire: `{"code": "...", "message": "...", "field": "..."}`. */
export type ErrorReply = { code: ErrorCode, message: string, field: string | null, 
/** For `validation`: the rule that failed, translated by the UI like an inline field error. */
detail: FieldError | null, failure: FailureReply | null, };

/** A vendor failure as the UI reads it: the diagnosis code and the values its message needs. */
export type FailureReply = { code: DiagnosisCode, params: { [key in string]: JsonValue }, };

export type FailureView = { code: string, params: { [key in string]: JsonValue }, };

export type FieldError = { code: ValidationCode, params: { [key in string]: string }, };

export type FieldKind = "text" | "secret" | "multiline" | "choice" | "country_codes" | "agents";

export type FieldOption = { value: string, label: string, };

/** A live list a text field's value can be picked from. */
export type FieldSource = "cxone-agents";

export type FieldView = { id: string, label: string, help: string | null, kind: FieldKind, required: boolean, options: Array<FieldOption>, value: string | null, secretSet: boolean, error: FieldError | null, source: FieldSource | null, 
/** The value shown is read from this connection (`salesforce`, …): nothing typed here yet. */
fromConnection: string | null, 
/**
 * A country-codes field's entries, each named or refused; Salesforce's default (+1)
 * while nothing is saved.
 */
countryCodes: Array<CountryCodeEntry> | null, };

/**
 * One problem. `row` indexes the table's rows from 0 (`None` for the table or rule as a
 * whole), and so do row numbers in `params` (`firstRow`). The UI translates `code` with
 * `params`.
 */
export type Finding = { code: string, severity: Severity, table: FindingTable, row: number | null, params: { [key in string]: JsonValue }, };

/** Where a finding is: one of the two tables, or the rule as a whole. */
export type FindingTable = "states" | "subscriber_states" | "rule";

export type FlowProgress = { flowId: string, done: number, total: number, 
/** Marked as not needed for this customer: left out of the profile's progress. */
notNeeded: boolean, };

/** One flow's progress and the steps still open. */
export type FlowReview = { id: string, title: string, status: StepStatus, done: number, total: number, 
/**
 * The admin marked the flow as not needed for this customer: it is reported as such, without
 * its open steps (they are not work left to do).
 */
notNeeded: boolean, open: Array<OpenStep>, };

export type FlowSummary = { id: string, title: string, summary: string, done: number, total: number, status: StepStatus, notNeeded: boolean, };

export type FlowView = { profileId: number, id: string, title: string, summary: string, 
/** Every step that applies, the "when needed" ones included (flagged, listed apart). */
steps: Array<StepView>, currentStepId: string, practice: boolean, 
/** The choices the flow asks before its steps, with what is chosen so far. */
choices: Array<ChoiceView>, 
/** Counted steps (those that apply, not the "when needed" ones) Done, and their number. */
done: number, total: number, 
/** Every counted step is Done. */
finished: boolean, notNeeded: boolean, };

/** A Genesys Cloud org reached with a client-credentials OAuth client. Secret: `client-secret`. */
export type GenesysSettings = { 
/** The region domain, e.g. `mypurecloud.de` (login on `login.<domain>`, API on `api.<domain>`). */
region: string, clientId: string, 
/** A rehearsal against the practice tenant: every request must stay on loopback. */
practice: boolean, 
/** Replaces the vendor's login / token host. */
tokenBase?: string | null, 
/** Replaces the vendor's API host (also the one discovered at run time). */
apiBase?: string | null, 
/**
 * Hosts that are not the vendor's own but that the admin confirmed (a proxy, a test host):
 * credentials go there only when listed here, and the connection shows it.
 */
confirmedHosts: Array<string>, };

/** To whom and when the report was handed over, as the admin noted in the last step. */
export type Handover = { recipient: string | null, date: string | null, };

/**
 * What the admin chose for an import: the new profile's name (else the file's), and whether a
 * profile of that name is replaced (only after the window asked and the admin confirmed).
 */
export type ImportChoice = { asName: string | null, replace: boolean, };

/** An installed managed package. */
export type InstalledPackage = { name: string, namespace: string | null, 
/** `Summer 2026 (2.14.0.3)`-style: the version name and number. */
version: string, };

/** What the apply did (or found done) for one planned integration. */
export type ItemOutcome = { name: string, integrationId: string | null, credentialId: string | null, 
/** This run created the integration / the credential / wrote the configuration / enabled it. */
created: boolean, credentialCreated: boolean, configured: boolean, enabled: boolean, 
/** What Genesys reported last. */
state: ReportedState | null, };

export type JournalEntry = { at: string, profileId: number | null, vendor: string | null, action: string, outcome: string, detail: string | null, };

/** One page of the journal, with the values the filters offer. */
export type JournalPage = { entries: Array<JournalEntry>, 
/** How many entries match the filters in all. */
total: number, vendors: Array<string>, outcomes: Array<string>, };

/** Which entries of a profile's journal to show: every filter optional, then a page. */
export type JournalQuery = { vendor: string | null, outcome: string | null, 
/** Words looked for in the action and the detail, ignoring case. */
search: string | null, offset: number, 
/** At most this many entries; 0 means all (the CSV export). */
limit: number, };

export type JsonValue = number | string | boolean | Array<JsonValue> | { [key in string]: JsonValue } | null;

export type KeychainStatus = { available: boolean, error: ErrorReply | null, };

export type Kind = "aws-lambda" | "genesys-cloud" | "google" | "dynamics" | "salesforce" | "web-services" | "zendesk";

/** One kind as this org offers it. */
export type KindOffer = { kind: Kind, 
/** The org's type; `None` when the org has none (the kind is shown unavailable). */
typeId: string | null, typeName: string | null, 
/** The type's own limit, else the one the procedure states. */
maxInstances: number, existing: number, credentialTypes: Array<string>, };

export type LinkView = { label: string, url: string | null, missing: Array<string>, };

/** The live part of a step. Each goes with one step kind (checked by [`structural_problems`]). */
export type LiveKind = "zoom-scopes" | "zoom-ps-scopes" | "cxone-address-book" | "directory-sync" | "sf-statuses" | "presence-rule" | "sf-login" | "sf-preflight" | "genesys-connection" | "genesys-data-actions" | "zcc-status-map" | "zcc-prerequisites" | "zcc-package" | "zcc-call-center" | "zcc-agents" | "zcc-agents-remove" | "review" | "report-export";

export type Locale = "en" | "fr" | "ja";

/** One of the org's data-action integrations. */
export type ManagedIntegration = { id: string, name: string, kind: Kind | null, typeId: string, enabled: boolean, reported: ReportedState, detail: string | null, 
/** Whether a credential `Integration-<id>` exists. */
credentialSet: boolean, };

/** A problem on one row (`row` indexes `pairs`); the UI translates `code`. */
export type MapProblem = { row: number, code: string, };

/** Where a profile's work goes on: the step "Continue" opens, with its titles. */
export type NextAction = { profileId: number, flowId: string, flowTitle: string, stepId: string, stepTitle: string, };

/** What the app did with the object. */
export type ObjectAction = "created" | "verified";

/** What an object is. */
export type ObjectKind = "address-book" | "presence-status" | "integration" | "check" | "apply-run";

/** An object the app created or verified through a vendor's API. */
export type ObjectReview = { vendor: Vendor, kind: ObjectKind, action: ObjectAction, name: string, vendorId: string | null, 
/** Address book: entries in the book after the apply. */
entries: number | null, 
/** Address book: teams and agents it is assigned to. */
assigned: number | null, flowId: string, stepId: string, 
/** ISO-8601 UTC. */
at: string, };

/** A step not Done, and why (when the records say). */
export type OpenStep = { stepId: string, title: string, status: StepStatus, why: Array<Why>, };

export type PartsImported = { parts: ReusableParts, 
/** The data-action credentials of the imported plans, to enter in this profile. */
secrets: Array<SecretToEnter>, unknownKeys: Array<string>, };

export type Pattern = { match: string, strip: number, prefix: string, format: PatternFormat, };

export type PatternFormat = "keep" | "e164";

export type PatternSet = { name: string, region: Region, patterns: Array<Pattern>, };

export type PendingOn = { stepId: string, title: string, };

/** One of the three places, for one agent. */
export type Place = { "state": "set" } | { "state": "missing" } | { "state": "elsewhere", what: string, };

/**
 * One agent step and its column of the agents table (`permissionSet`, `callCenter`,
 * `clientIntegration`: the rows' field names).
 */
export type PlaceStep = { place: string, stepId: string, };

export type PlanPreview = { 
/** Some: a book with that name (trimmed, any case) exists and is reused. */
bookId: number | null, entriesToAdd: number, entriesPresent: number, teamsToAssign: Array<Target>, agentsToAssign: Array<Target>, 
/** Teams and agents the book is already assigned to. */
alreadyAssigned: number, };

export type PlannedIntegration = { 
/** Unique among the org's integrations; how a re-apply finds it again. */
name: string, kind: Kind, credentialType: string, 
/** The credential's non-secret fields (user names, URLs, the role ARN …). */
fields: { [key in string]: string }, 
/** The credential's secret fields: where each comes from. */
secrets: { [key in string]: SecretSource }, notes: string, };

/** The "Status Options" choice in Salesforce. */
export type PlannedKind = "online" | "busy";

/** A presence status the admin will create in Setup › Presence Statuses. */
export type PlannedStatus = { label: string, developerName: string, kind: PlannedKind, 
/** The service channels of an Online status, as the admin writes them. */
channels: string, };

/** `{rateLimit, serverErrors, latencyMs, expiredSecret, tokenExpiry, dropConnections}`. */
export type PracticeFaults = { rateLimit: RateLimitMode, 
/** A 503 on every other request. */
serverErrors: boolean, latencyMs: number, 
/** The token endpoints refuse the demo secrets, as for an expired or rotated secret. */
expiredSecret: boolean, 
/** Tokens live one second, so they expire in the middle of a run. */
tokenExpiry: boolean, dropConnections: boolean, };

/** One prerequisite and how it went. */
export type Prerequisite = { 
/** `salesforce_api`, `omni_channel`, `admin_rights`, `zoom_contact_center_users`. */
id: string, passed: boolean, 
/** Not run because an earlier check it needs failed. */
skipped: boolean, failure: FailureReply | null, };

export type Prerequisites = { ok: boolean, checks: Array<Prerequisite>, };

/**
 * The live lists the rule is checked against: the tenant's ACD states (from CXone) and the
 * org's ServicePresenceStatus records (from Salesforce).
 */
export type PresenceCatalog = { 
/** The unavailable codes; [`AVAILABLE`] is an ACD state whether listed or not. */
acdStates: Array<string>, salesforceStatuses: Array<SalesforceStatus>, };

/**
 * One presence rule. Rows may hold empty strings while the admin edits (a row added but not
 * filled yet); the lint reports them rather than the model refusing them.
 * Every field may be left out of JSON (a rule being written by hand): the lint says what is
 * missing.
 */
export type PresenceRule = { name: string, 
/** Publisher direction, CXone → Salesforce. */
states: Array<StateRow>, 
/** Subscriber direction, Salesforce → CXone. */
subscriberStates: Array<SubscriberRow>, teams: Array<RuleTarget>, users: Array<RuleTarget>, };

/** The rule as the editor shows it. */
export type PresenceRuleView = { rule: PresenceRule, catalog: PresenceCatalog | null, 
/** When the lists were last read live (RFC 3339, UTC). */
catalogAt: string | null, findings: Array<Finding>, 
/** SVG markup, every text escaped by the core. */
diagram: string, 
/**
 * After an import: teams and users of the file that this tenant has under no such name
 * (kept with the file's ids until the admin picks them again).
 */
unmatchedTargets?: Array<string>, 
/**
 * After an import: the file's keys this format does not have (`rule.states.0.colour`),
 * ignored; the admin is told, since a hand edit there did nothing.
 */
ignoredKeys?: Array<string>, };

/** The system a step happens in. */
export type PresenceSystem = "acd" | "salesforce";

export type PreviewRow = { name: string, email: string, extension: number | null, before: string | null, after: string | null, status: TranslationStatus, reason: string | null, };

/** A deleted profile: the keychain entries that could not be removed yet, by name. */
export type ProfileDeleted = { leftInKeychain: Array<string>, };

/** A profile file read before importing it, for the window to ask how. */
export type ProfileFilePreview = { name: string, practice: boolean, exportedAt: string, 
/** The profile of the same name already here, if any: import as `copyName` or replace it. */
existing: number | null, copyName: string, connections: Array<Vendor>, secrets: Array<SecretToEnter>, reusable: ReusableParts, unknownKeys: Array<string>, };

export type ProfileImported = { profile: ProfileSummary, 
/** The name of the profile replaced, when the admin chose to replace one. */
replaced: string | null, secrets: Array<SecretToEnter>, 
/** Connections not imported: a practice file's (they point at this computer's emulator). */
skippedConnections: Array<Vendor>, 
/** Steps and documents of flows or steps this build does not have, by file path. */
skipped: Array<string>, unknownKeys: Array<string>, };

export type ProfileSummary = { id: number, name: string, createdAt: string, updatedAt: string, practice: boolean, progress: Array<FlowProgress>, };

export type RateLimitMode = "off" | "retry_after_seconds" | "retry_after_date" | "no_retry_after";

/** What a recovery action did with the damaged file. */
export type Recovered = { 
/** Where the damaged database now is (same folder, new name). */
movedTo: string, };

/**
 * A region known to the phone metadata, by its ISO 3166-1 alpha-2 code (`FR`, `JP`, `US`).
 * National numbers (`01 42 76 49 78`) only mean something within one.
 */
export type Region = string;

export type RejectedRow = { line: number, problems: Array<EntryProblem>, 
/** The cells as read, so the admin can find and fix the row. */
raw: Array<string>, 
/** For `row.duplicate`: the line of the accepted row it repeats. */
duplicateOf: number | null, };

export type Reminder = { kind: ReminderKind, vendor: Vendor | null, 
/** What it is about: a secret's name, a certificate's status and signing authority. */
subject: string, 
/** ISO-8601 UTC. */
date: string | null, 
/** Within [`SOON_DAYS`] (or past) — shown highlighted. */
soon: boolean, };

export type ReminderKind = "certificate_expiry" | "security_token" | "secret_rotation";

/** A report's file format. */
export type ReportFormat = "html" | "md" | "json";

/**
 * `reportedState.code`: what Genesys says the integration is doing, as opposed to what it was
 * asked (`intendedState`).
 */
export type ReportedState = "ACTIVE" | "ACTIVATING" | "INACTIVE" | "DEACTIVATING" | "ERROR" | "UNKNOWN";

/** Where the user was when they last closed the app. */
export type Resume = { profileId: number, flowId: string | null, };

/** How many of each reusable part a file holds (or an import copied). */
export type ReusableParts = { presenceRules: number, directoryRules: number, dataActionPlans: number, };

/** Everything the hand-over report says about one profile. */
export type Review = { profileId: number, profileName: string, 
/** The practice tenant's profile: nothing in it is the customer's. */
practice: boolean, 
/** ISO-8601 UTC. */
generatedAt: string, connections: Array<ConnectionReview>, flows: Array<FlowReview>, objects: Array<ObjectReview>, reminders: Array<Reminder>, handover: Handover, };

/** Which of the package's permission sets new agents get. */
export type Role = "agent" | "admin";

/**
 * One problem; `set` and `pattern` index the rules' lists (`pattern` is `None` for the set
 * itself). The UI translates `code`.
 */
export type RuleProblem = { set: number, pattern: number | null, code: string, };

/**
 * A team or user the rule applies to. Ids are the tenant's own: a rule imported from another
 * customer keeps them, and the UI re-matches by `name`.
 */
export type RuleTarget = { id: number, name: string, };

export type SalesforceEnvironment = "production" | "sandbox" | "hyperforce" | "my_domain";

/**
 * A Salesforce org reached through a connected app (username-password flow). Secrets:
 * `consumer-secret`, `password`, `security-token` (optional; appended to the password by the
 * app, never by the user).
 */
export type SalesforceSettings = { environment: SalesforceEnvironment, 
/** Required for `my_domain` and `hyperforce`, e.g. `acme.my.salesforce.com`. */
myDomainHost?: string | null, username: string, consumerKey: string, 
/** A rehearsal against the practice tenant: every request must stay on loopback. */
practice: boolean, 
/** Replaces the vendor's login / token host. */
tokenBase?: string | null, 
/** Replaces the vendor's API host (also the one discovered at run time). */
apiBase?: string | null, 
/**
 * Hosts that are not the vendor's own but that the admin confirmed (a proxy, a test host):
 * credentials go there only when listed here, and the connection shows it.
 */
confirmedHosts: Array<string>, };

export type SalesforceStatus = { developerName: string, label: string, kind: SalesforceStatusKind, };

/** A ServicePresenceStatus is Online (the agent can take work) or Busy. */
export type SalesforceStatusKind = "online" | "busy" | "unknown";

/** A downloaded data-action certificate: where it was saved and when it expires. */
export type SavedCertificate = { 
/** `Current` or `Upcoming`. */
status: string, signingAuthority: string, notAfter: string | null, path: string, 
/** Expires within [`EXPIRY_WARNING_DAYS`] of when it was read (recomputed at each read). */
expiresSoon: boolean, };

/** A file Switchboard wrote, for the UI to show and reveal. */
export type SavedFile = { path: string, };

/** Where a secret to enter again goes. */
export type SecretPlace = "connection" | "flow" | "data_action";

/** Where a secret field's value comes from when the plan is applied. */
export type SecretSource = { "from": "keychain" } | { "from": "env", var: string, };

/** One secret the imported profile needs, by name only. */
export type SecretToEnter = { place: SecretPlace, vendor: Vendor | null, flowId: string | null, stepId: string | null, integration: string | null, field: string, };

export type Settings = { locale: Locale, };

/**
 * `Error`: agents will be in the wrong state (loops, duplicates, states that do not exist,
 * unfinished rows). `Warning`: probably an oversight (something unmapped, no name, no targets).
 */
export type Severity = "error" | "warning";

export type Simulation = { steps: Array<SimulationStep>, outcome: SimulationOutcome, };

/** How the chain ends. */
export type SimulationOutcome = { "kind": "settles" } | { "kind": "loops", backTo: number, } | { "kind": "stops", reason: string, } | { "kind": "tooLong" };

/**
 * One state change. `via_row` is the row that caused it (none for the start); `note` is
 * `"previous_state"` when a Previous state row sent the agent back.
 */
export type SimulationStep = { system: PresenceSystem, state: string, viaRow: [FindingTable, number] | null, note: string | null, };

/** The change that starts the chain: the agent picks `state` in `system`. */
export type Start = { system: PresenceSystem, state: string, };

/** Why the app started without its database, for the recovery screen. */
export type StartupProblem = { 
/** One of the `database_*` codes, `disk_full`, or another code if opening failed otherwise. */
code: ErrorCode, 
/** English detail (SQLite's or the OS's words) for the technical details and the log. */
message: string, dataDir: string, fileName: string, 
/** For `database_newer`: the schema version in the file, and the highest this build knows. */
foundVersion: number | null, knownVersion: number | null, 
/** Where backups are looked for (`<data folder>/backups`), to say so when there are none. */
backupFolder: string, 
/** Newest first; empty when the backup folder is missing or empty. */
backups: Array<Backup>, };

/** A States row: while the agent is in the ACD state `acd`, Salesforce shows `salesforce`. */
export type StateRow = { 
/** ACD state name, e.g. "Available" or an unavailable code such as "Lunch". */
acd: string, 
/** The Salesforce status's DeveloperName, e.g. "Available_for_Chat". */
salesforce: string, };

export type StepKind = "manual" | "verified" | "automated" | "editor";

export type StepStatus = "not_started" | "in_progress" | "needs_attention" | "done";

export type StepView = { id: string, kind: StepKind, title: string, status: StepStatus, instructions: Array<string>, warnings: Array<WarningView>, links: Array<LinkView>, copies: Array<CopyView>, fields: Array<FieldView>, pending: Array<PendingOn>, updatedAt: string | null, live: LiveKind | null, lastCheck: Diagnosis | null, 
/** The practice tenant can fill some of this step's fields (its demo app credentials). */
practiceFill: boolean, 
/** A step for later (edit, remove): listed apart, never counted. */
whenNeeded: boolean, };

/** A Subscriber states row: when Salesforce shows `salesforce`, CXone moves the agent to `acd`. */
export type SubscriberRow = { 
/** The Salesforce status's DeveloperName. */
salesforce: string, acd: SubscriberTarget, };

/**
 * Where a Subscriber row sends the agent. JSON: `{"state": "Lunch"}` for an ACD state, the
 * string `"previous"` for Previous state (the agent returns to the ACD state they were in
 * before their current one).
 */
export type SubscriberTarget = { "state": string } | "previous";

/** A team or an agent the book is assigned to. */
export type Target = { id: number, name: string, };

/**
 * Every pattern set, in the order they are tried. This is also the JSON format of
 * `switchboard-cli directory translate --rules FILE`:
 *
 * ```json
 * {"sets": [
 *   {"name": "France", "region": "FR", "patterns": [
 *      {"match": "0XXXXXXXXX", "strip": 0, "prefix": "", "format": "e164"},
 *      {"match": "+33*", "format": "e164"}]},
 *   {"name": "Japan", "region": "JP", "patterns": [{"match": "0*", "format": "e164"}]},
 *   {"name": "Short extensions", "region": "US", "patterns": [
 *      {"match": "XXXX", "prefix": "+1415555", "format": "keep"}]}
 * ]}
 * ```
 *
 * A number is first cleaned (spaces, dots, dashes and parentheses removed). `match` holds
 * digits, `+`, `X` for any one digit and an optional trailing `*` for any further digits; it
 * must match the whole cleaned number. The first matching pattern of the first set that has
 * one applies: `strip` leading characters are removed, `prefix` is put in front, then `format`
 * either keeps the result (`keep`, it must be `+` and digits) or reads it as a number of the
 * set's `region` and writes it in E.164 (`e164`). `strip`, `prefix` and `format` default to
 * `0`, `""` and `keep`.
 */
export type TranslationRules = { sets: Array<PatternSet>, };

export type TranslationStatus = "translated" | "unchanged" | "no_match" | "invalid" | "empty";

/** The admin's answer when an unfinished run's plan is not the plan shown. */
export type Unfinished = "resume" | "discard";

/** Why a user on one side is not in the table. */
export type Unmatched = "notInZoomContactCenter" | "notInSalesforce" | "inactiveInSalesforce" | "duplicateEmail";

export type UnmatchedUser = { email: string, name: string, 
/** `salesforce` or `zoom`: the side the user is on. */
side: string, reason: Unmatched, };

export type Vendor = "zoom" | "cxone" | "salesforce" | "genesys";

/**
 * How much a warning matters: a trap stops the setup (or undoes it) when ignored; a note is
 * worth knowing. The window shows traps first and folds all but the first warning.
 */
export type WarningLevel = "trap" | "note";

/** A warning of a step, with how much it matters; a step's warnings come traps first. */
export type WarningView = { text: string, level: WarningLevel, };

/** Why a step is still open. */
export type Why = { "kind": "pendingOn", stepId: string, title: string, } | { "kind": "checkFailed", code: DiagnosisCode, checkedAt: string, } | { "kind": "field", label: string, error: string, } | { "kind": "applyFailed", code: string, };

/**
 * What the admin chose in the flow for the live parts: the call centers (the standard one
 * always, the SSO one when SSO is chosen, its vanity host as entered, validated only when
 * used) and the agents to enable (their e-mails; none listed is every matched user).
 */
export type ZccChoices = { sso: boolean, ssoHost: string | null, agentEmails: Array<string>, 
/** Where the agents' ticks are saved: this step's field (the window writes it with `set_field`). */
agentsStep: string, agentsField: string, 
/** Each agent step and the table's column it is Done on, so the window shows the right one. */
placeSteps: Array<PlaceStep>, };

/** One line of what to do in the Zoom settings tab: pick `salesforce_label` for `zoom`. */
export type ZccStatusChecklistLine = { zoom: string, 
/** The label Salesforce's list shows (the DeveloperName until the lists are read). */
salesforceLabel: string, };

/**
 * A problem of the map; `row` counts from 0, `None` for the map as a whole. The window
 * translates `code` with `params`.
 */
export type ZccStatusFinding = { code: string, severity: Severity, row: number | null, params: { [key in string]: JsonValue }, };

/** Both sides as last read live. */
export type ZccStatusLists = { zoom: Array<ZoomStatus>, salesforce: Array<SalesforceStatus>, 
/** False when the org has no queryable `ServicePresenceStatus` (Omni-Channel off). */
omniChannel: boolean, };

export type ZccStatusMap = { rows: Array<ZccStatusMapRow>, };

/** One mapping. `salesforce` is the status's DeveloperName, which survives a label change. */
export type ZccStatusMapRow = { zoom: string, salesforce: string, };

/** The status map as the editor shows it. */
export type ZccStatusMapView = { map: ZccStatusMap, lists: ZccStatusLists | null, 
/** When the lists were read live (RFC 3339, UTC). */
listsAt: string | null, findings: Array<ZccStatusFinding>, checklist: Array<ZccStatusChecklistLine>, };

/** A Zoom user attribute the sync can read. */
export type ZoomAttribute = "first-name" | "last-name" | "display-name" | "email" | "phone" | "mobile" | "extension" | "department" | "job-title" | "company";

/** A Zoom Server-to-Server OAuth app. Secret: `client-secret`. */
export type ZoomSettings = { accountId: string, clientId: string, 
/** A rehearsal against the practice tenant: every request must stay on loopback. */
practice: boolean, 
/** Replaces the vendor's login / token host. */
tokenBase?: string | null, 
/** Replaces the vendor's API host (also the one discovered at run time). */
apiBase?: string | null, 
/**
 * Hosts that are not the vendor's own but that the admin confirmed (a proxy, a test host):
 * credentials go there only when listed here, and the connection shows it.
 */
confirmedHosts: Array<string>, };

/** A Zoom Contact Center agent status (`GET /contact_center/system_statuses`). */
export type ZoomStatus = { id: string, name: string, 
/** Created by the account's admin (Lunch, Training), not one of Zoom's four. */
custom: boolean, };

/** Every `Locale`, in the core's order. */
export const LOCALES = ['en', 'fr', 'ja'] as const satisfies readonly Locale[];

/** Every `Vendor`, in the core's order. */
export const VENDORS = ['zoom', 'cxone', 'salesforce', 'genesys'] as const satisfies readonly Vendor[];

/** Every `StepStatus`, in the core's order. */
export const STEP_STATUSES = ['not_started', 'in_progress', 'needs_attention', 'done'] as const satisfies readonly StepStatus[];

/** Every `StepKind`, in the core's order. */
export const STEP_KINDS = ['manual', 'verified', 'automated', 'editor'] as const satisfies readonly StepKind[];

/** Every `LiveKind`, in the core's order. */
export const LIVE_KINDS = ['zoom-scopes', 'zoom-ps-scopes', 'cxone-address-book', 'directory-sync', 'sf-statuses', 'presence-rule', 'sf-login', 'sf-preflight', 'genesys-connection', 'genesys-data-actions', 'zcc-status-map', 'zcc-prerequisites', 'zcc-package', 'zcc-call-center', 'zcc-agents', 'zcc-agents-remove', 'review', 'report-export'] as const satisfies readonly LiveKind[];

/** Every `ReportFormat`, in the core's order. */
export const REPORT_FORMATS = ['html', 'md', 'json'] as const satisfies readonly ReportFormat[];

/** Every `ErrorCode`, in the core's order. */
export const ERROR_CODES = ['validation', 'not_found', 'conflict', 'keychain_unavailable', 'keychain_timeout', 'storage', 'database_corrupt', 'database_newer', 'database_locked', 'disk_full', 'database_read_only', 'database_io', 'database_unavailable', 'invalid_link', 'vendor', 'connection_missing', 'live_check_required', 'apply_running', 'apply_plan_changed', 'profile_file_newer', 'profile_file_invalid', 'internal'] as const satisfies readonly ErrorCode[];

/** Every `ValidationCode`, in the core's order. */
export const VALIDATION_CODES = ['required', 'too_long', 'zoom_account_id', 'zoom_client_id', 'email', 'email_list', 'https_url', 'hostname', 'uuid', 'aws_role_arn', 'salesforce_id', 'salesforce_host', 'zendesk_url', 'dynamics_url', 'url_list', 'google_service_account', 'country_codes', 'country_code_shape', 'country_code_unknown', 'country_code_non_geographic', 'country_code_duplicate', 'too_many_country_codes', 'genesys_region', 'json_object', 'secret_whitespace', 'choice', 'endpoint_url', 'endpoint_https', 'endpoint_loopback', 'endpoint_not_vendor', 'practice_endpoint_required', 'cxone_area', 'developer_name', 'developer_name_double_underscore', 'developer_name_trailing_underscore', 'duplicate', 'not_allowed', 'not_writable'] as const;
export type ValidationCode = (typeof VALIDATION_CODES)[number];

/** Every `DiagnosisCode`, in the core's order. */
export const DIAGNOSIS_CODES = ['settings.invalid', 'settings.missing_secret', 'network.unreachable', 'network.timeout', 'network.unexpected_redirect', 'rate_limited', 'vendor.server_error', 'vendor.unexpected_response', 'vendor.reply_too_large', 'vendor.token_rejected', 'vendor.untrusted_endpoint', 'internal', 'zoom.invalid_client', 'zoom.invalid_client_secret', 'zoom.client_id_mismatch', 'zoom.credentials_missing', 'zoom.not_server_to_server_app', 'zoom.invalid_account_id', 'zoom.no_token_issued', 'zoom.missing_scopes', 'zoom.api_access_denied', 'zoom.daily_rate_limit', 'zoom.token_request_rejected', 'zoom.contact_center_users_missing', 'cxone.invalid_client', 'cxone.invalid_access_key', 'cxone.unauthorized_client', 'cxone.token_request_rejected', 'cxone.tenant_unknown', 'cxone.tenant_not_found', 'cxone.area_mismatch', 'cxone.missing_permissions', 'cxone.address_book_missing', 'apply.not_recorded', 'salesforce.authentication_failure', 'salesforce.security_token_required', 'salesforce.invalid_login', 'salesforce.password_expired', 'salesforce.invalid_consumer_key', 'salesforce.invalid_consumer_secret', 'salesforce.unsupported_grant_type', 'salesforce.login_host_not_supported', 'salesforce.user_not_approved', 'salesforce.token_request_rejected', 'salesforce.request_limit_exceeded', 'salesforce.api_disabled', 'salesforce.omni_channel_unavailable', 'salesforce.developer_name_hidden', 'salesforce.statuses_missing', 'salesforce.not_admin', 'salesforce.zcc_package_missing', 'salesforce.deploy_failed', 'salesforce.deploy_pending', 'salesforce.call_center_missing', 'salesforce.zcc_permission_sets_missing', 'genesys.wrong_grant_type', 'genesys.client_not_found_in_region', 'genesys.invalid_client_secret', 'genesys.token_request_rejected', 'genesys.missing_permissions', 'genesys.instance_limit', 'genesys.type_unavailable', 'genesys.name_taken', 'genesys.integration_error', 'genesys.not_active', 'genesys.config_conflict', 'genesys.preflight_missing_permissions', 'genesys.permissions_unchecked', 'zendesk.unauthorized', 'zendesk.account_not_found', 'dynamics.invalid_credentials', 'dynamics.mfa_required', 'dynamics.public_client_disabled', 'dynamics.app_not_found', 'dynamics.consent_required', 'dynamics.password_expired', 'dynamics.token_rejected', 'google.key_revoked', 'google.clock_skew', 'google.delegation_missing', 'google.invalid_scope', 'google.invalid_client', 'google.key_unreadable', 'google.token_rejected'] as const satisfies readonly DiagnosisCode[];

/** Every `AcdAttribute`, in the core's order. */
export const ACD_ATTRIBUTES = ['first-name', 'last-name', 'display-name', 'email', 'business-phone', 'mobile-phone', 'extension', 'department', 'job-title', 'company'] as const satisfies readonly AcdAttribute[];

/** Every `ZoomAttribute`, in the core's order. */
export const ZOOM_ATTRIBUTES = ['first-name', 'last-name', 'display-name', 'email', 'phone', 'mobile', 'extension', 'department', 'job-title', 'company'] as const satisfies readonly ZoomAttribute[];

/** Every `TranslationStatus`, in the core's order. */
export const TRANSLATION_STATUSES = ['translated', 'unchanged', 'no_match', 'invalid', 'empty'] as const satisfies readonly TranslationStatus[];

/** Every `string`, in the core's order. */
export const GENESYS_REGIONS = ['mypurecloud.com', 'use2.us-gov-pure.cloud', 'usw2.pure.cloud', 'cac1.pure.cloud', 'sae1.pure.cloud', 'mypurecloud.ie', 'euw2.pure.cloud', 'mypurecloud.de', 'euc2.pure.cloud', 'mec1.pure.cloud', 'aps1.pure.cloud', 'apne2.pure.cloud', 'mypurecloud.com.au', 'mypurecloud.jp', 'apne3.pure.cloud', 'apse1.pure.cloud', 'mxc1.pure.cloud', 'edee1.eusc-pure.cloud'] as const satisfies readonly string[];

/** Every `CxoneCloud`, in the core's order. */
export const CXONE_CLOUDS = ['commercial', 'us_gov'] as const satisfies readonly CxoneCloud[];

/** Every `Kind`, in the core's order. */
export const DATA_ACTION_KINDS = ['aws-lambda', 'genesys-cloud', 'google', 'dynamics', 'salesforce', 'web-services', 'zendesk'] as const satisfies readonly Kind[];

/** Every `SalesforceEnvironment`, in the core's order. */
export const SALESFORCE_ENVIRONMENTS = ['production', 'sandbox', 'hyperforce', 'my_domain'] as const satisfies readonly SalesforceEnvironment[];

/** Every `RateLimitMode`, in the core's order. */
export const RATE_LIMIT_MODES = ['off', 'retry_after_seconds', 'retry_after_date', 'no_retry_after'] as const satisfies readonly RateLimitMode[];

export const VENDOR_SECRETS = {"cxone":[{"name":"access-key-secret","optional":false},{"name":"client-secret","optional":false}],"genesys":[{"name":"client-secret","optional":false}],"salesforce":[{"name":"consumer-secret","optional":false},{"name":"password","optional":false},{"name":"security-token","optional":true}],"zoom":[{"name":"client-secret","optional":false}]} as const;

export const CREDENTIAL_FIELDS = {"amazonWebServicesARN":[{"name":"ARN","required":true,"rule":"aws_role_arn","secret":false}],"basicAuth":[{"name":"userName","required":true,"rule":"text","secret":false},{"name":"password","required":false,"rule":"secret","secret":true}],"googleCloudPlatform":[{"name":"clientId","required":true,"rule":"text","secret":false},{"name":"clientEmail","required":true,"rule":"email","secret":false},{"name":"privateKeyId","required":true,"rule":"text","secret":false},{"name":"privateKey","required":true,"rule":"secret","secret":true},{"name":"scopes","required":true,"rule":"url_list","secret":false},{"name":"impersonateUserEmail","required":false,"rule":"email","secret":false}],"googleGSuite":[{"name":"clientId","required":true,"rule":"text","secret":false},{"name":"clientEmail","required":true,"rule":"email","secret":false},{"name":"privateKeyId","required":true,"rule":"text","secret":false},{"name":"privateKey","required":true,"rule":"secret","secret":true},{"name":"scopes","required":true,"rule":"url_list","secret":false},{"name":"impersonateUserEmail","required":false,"rule":"email","secret":false}],"msDynamics":[{"name":"username","required":true,"rule":"email","secret":false},{"name":"password","required":true,"rule":"secret","secret":true},{"name":"orgWebAddress","required":true,"rule":"dynamics_url","secret":false},{"name":"applicationId","required":true,"rule":"uuid","secret":false}],"pureCloudOAuthClient":[{"name":"clientId","required":true,"rule":"uuid","secret":false},{"name":"clientSecret","required":true,"rule":"secret","secret":true}],"salesforce":[{"name":"username","required":true,"rule":"email","secret":false},{"name":"password","required":true,"rule":"secret","secret":true},{"name":"securityToken","required":true,"rule":"secret","secret":true},{"name":"loginUrl","required":true,"rule":"salesforce_host","secret":false}],"userDefined":[],"userDefinedOAuth":[],"zendeskApiToken":[{"name":"userEmail","required":true,"rule":"email","secret":false},{"name":"baseUrl","required":true,"rule":"zendesk_url","secret":false},{"name":"apiToken","required":true,"rule":"secret","secret":true}]} as const;

export const KIND_CREDENTIAL_TYPES = {"aws-lambda":["amazonWebServicesARN"],"dynamics":["msDynamics"],"genesys-cloud":["pureCloudOAuthClient"],"google":["googleCloudPlatform","googleGSuite"],"salesforce":["salesforce"],"web-services":["basicAuth","userDefined","userDefinedOAuth"],"zendesk":["zendeskApiToken"]} as const;

export const CREDENTIAL_TESTABLE_KINDS = ["zendesk","dynamics","salesforce","google"] as const;

export const GENESYS_AWS_ACCOUNT = "765628985471" as const;

/** Every command the window may invoke: its arguments and its reply. */
export type Commands = {
  app_info: { args: {  }; reply: AppInfo };
  /** The UI's language: the saved one, else the OS language when Switchboard speaks it (all there is while the database is not open and the recovery screen shows). */
  get_settings: { args: {  }; reply: Settings };
  set_locale: { args: { locale: Locale }; reply: Settings };
  keychain_status: { args: {  }; reply: KeychainStatus };
  open_log_folder: { args: {  }; reply: null };
  /** Only https vendor pages (checked by the core) reach the browser. */
  open_link: { args: { url: string }; reply: null };
  copy_text: { args: { text: string }; reply: null };
  /** Copies a value built from saved secrets straight from the keychain to the clipboard (the secret never travels to the webview), and takes it off again a minute later. */
  copy_secret: { args: { profileId: number; flowId: string; copyId: string }; reply: null };
  /** Opens the folder holding a file Switchboard saved during this run: the window must not make the file manager open any path it likes. */
  reveal_file: { args: { path: string }; reply: null };
  list_profiles: { args: {  }; reply: Array<ProfileSummary> };
  /** Per profile with work left, the step "Continue" opens. */
  next_actions: { args: { locale: Locale }; reply: Array<NextAction> };
  create_profile: { args: { name: string }; reply: ProfileSummary };
  rename_profile: { args: { profileId: number; name: string }; reply: ProfileSummary };
  /** Deletes the profile, its progress and its keychain entries; names the entries the keychain would not remove now. */
  delete_profile: { args: { profileId: number }; reply: ProfileDeleted };
  /** Opens (creating it once) the practice profile, pointed at the in-app emulator. */
  open_practice_tenant: { args: {  }; reply: ProfileSummary };
  practice_faults: { args: {  }; reply: PracticeFaults };
  set_practice_faults: { args: { faults: PracticeFaults }; reply: PracticeFaults };
  list_flows: { args: { profileId: number; locale: Locale }; reply: Array<FlowSummary> };
  /** The flow as the user opens it; also remembered as where to resume. */
  open_flow: { args: { profileId: number; flowId: string; locale: Locale }; reply: FlowView };
  /** Marks the flow not needed for this customer, or needed again; steps and values stay. */
  set_flow_not_needed: { args: { profileId: number; flowId: string; notNeeded: boolean; locale: Locale }; reply: FlowView };
  set_field: { args: { profileId: number; flowId: string; stepId: string; fieldId: string; value: string; locale: Locale }; reply: FlowView };
  /** The value arrives once and goes straight to the keychain; the reply says only "set". */
  set_secret: { args: { profileId: number; flowId: string; stepId: string; fieldId: string; value: string; locale: Locale }; reply: FlowView };
  clear_secret: { args: { profileId: number; flowId: string; stepId: string; fieldId: string; locale: Locale }; reply: FlowView };
  set_step_status: { args: { profileId: number; flowId: string; stepId: string; status: StepStatus; locale: Locale }; reply: FlowView };
  /** Runs a verified step's live check; Done when it passes, Needs attention otherwise. */
  verify_step: { args: { profileId: number; flowId: string; stepId: string; locale: Locale }; reply: FlowView };
  /** Fills the step's fields the practice tenant knows (its Zoom apps' credentials). */
  fill_practice_values: { args: { profileId: number; flowId: string; stepId: string; locale: Locale }; reply: FlowView };
  get_resume: { args: {  }; reply: Resume | null };
  set_resume: { args: { profileId?: number | null; flowId?: string | null }; reply: null };
  /** Every connection of the profile (a practice profile's pointed at the running emulator). */
  list_connections: { args: { profileId: number }; reply: Array<ConnectionView> };
  save_connection: { args: { profileId: number; settings: ConnectionSettings }; reply: ConnectionView };
  /** A secret arrives once and goes straight to the keychain (`null` clears it). */
  set_connection_secret: { args: { profileId: number; vendor: Vendor; field: string; value?: string | null }; reply: ConnectionView };
  test_connection: { args: { profileId: number; vendor: Vendor }; reply: Diagnosis };
  /** The CXone users (agents) matching `search`, for picking the access-key user. */
  cxone_agents: { args: { profileId: number; search?: string | null }; reply: Array<CxoneAgent> };
  /** The CXone teams, for assigning the address book. */
  cxone_teams: { args: { profileId: number }; reply: Array<CxoneTeam> };
  address_book_draft: { args: { profileId: number; flowId: string; locale?: Locale | null }; reply: AddressBookDraft };
  save_address_book_draft: { args: { profileId: number; flowId: string; draft: AddressBookDraft }; reply: AddressBookDraft };
  /** One entry checked as the admin types it (phone numbers in `region`'s national form). */
  check_entry: { args: { draft: EntryDraft; region: string }; reply: EntryCheck };
  /** A CSV file's preview: every row checked, each refused one named by its line. The file comes as base64 text (`contentBase64`), never as a JSON array of numbers. */
  preview_csv: { args: { contentBase64: string; region: string }; reply: CsvImport };
  plan_address_book: { args: { profileId: number; flowId: string }; reply: PlanPreview };
  /** Applies the plan (idempotent, journalled: an interrupted run of the same plan resumes; one of another plan waits for `unfinished`: resume it or discard it). */
  apply_address_book: { args: { profileId: number; flowId: string; locale: Locale; unfinished?: Unfinished | null }; reply: ApplyResult };
  address_book_run: { args: { profileId: number }; reply: ApplyRun | null };
  directory_sync: { args: { profileId: number; flowId: string; locale: Locale }; reply: DirectorySyncView };
  save_directory_sync: { args: { profileId: number; flowId: string; doc: DirectorySyncDoc }; reply: DirectorySyncView };
  /** The translation applied to every Zoom Phone user's number, read live from Zoom. */
  preview_directory: { args: { profileId: number; flowId: string; locale?: Locale | null }; reply: DirectoryPreview };
  planned_statuses: { args: { profileId: number; flowId: string }; reply: Array<PlannedStatus> };
  save_planned_statuses: { args: { profileId: number; flowId: string; statuses: Array<PlannedStatus> }; reply: Array<PlannedStatus> };
  /** Creates the planned statuses in the practice org, standing in for Salesforce Setup; replies with the flow (in the UI's language) as every flow mutator does. */
  practice_create_planned_statuses: { args: { profileId: number; flowId: string }; reply: FlowView };
  presence_rule: { args: { profileId: number; flowId: string; labels: DiagramLabels }; reply: PresenceRuleView };
  save_presence_rule: { args: { profileId: number; flowId: string; rule: PresenceRule; labels: DiagramLabels }; reply: PresenceRuleView };
  /** Reads the CXone states and Salesforce statuses again. */
  refresh_presence_lists: { args: { profileId: number; flowId: string; labels: DiagramLabels }; reply: PresenceRuleView };
  simulate_presence: { args: { profileId: number; flowId: string; start: Start; previous?: string | null }; reply: Simulation };
  export_presence_rule: { args: { profileId: number; flowId: string }; reply: SavedFile };
  /** Imports a rule file, its teams and users matched by name to this tenant's. */
  import_presence_rule: { args: { profileId: number; flowId: string; json: string; labels: DiagramLabels }; reply: PresenceRuleView };
  export_presence_diagram: { args: { profileId: number; flowId: string; labels: DiagramLabels }; reply: SavedFile };
  /** Each kind as the org offers it (type, limit, how many exist) and the organization id. */
  data_actions_org: { args: { profileId: number }; reply: DataActionsOrg };
  data_actions_plan: { args: { profileId: number; flowId: string }; reply: DataActionsPlanView };
  save_data_actions_plan: { args: { profileId: number; flowId: string; plan: DataActionsPlan }; reply: DataActionsPlanView };
  /** A planned integration's secret goes straight to the keychain (`null` clears it). */
  set_data_action_secret: { args: { profileId: number; flowId: string; name: string; field: string; value?: string | null }; reply: DataActionsPlanView };
  /** A Google service-account key file's text: its fields filled, its private key to the keychain. */
  import_google_key: { args: { profileId: number; flowId: string; name: string; keyJson: string }; reply: DataActionsPlanView };
  preview_data_actions: { args: { profileId: number; flowId: string }; reply: DataActionsPreview };
  /** Applies the plan (claimed and journalled; an unfinished run of another plan waits for `unfinished`). */
  apply_data_actions: { args: { profileId: number; flowId: string; locale: Locale; unfinished?: Unfinished | null }; reply: DataActionsApplied };
  data_action_integrations: { args: { profileId: number }; reply: Array<ManagedIntegration> };
  /** Puts the plan's current secrets into the integration's existing credential. */
  rotate_data_action_credential: { args: { profileId: number; flowId: string; integrationId: string }; reply: null };
  set_data_action_enabled: { args: { profileId: number; integrationId: string; enabled: boolean }; reply: ManagedIntegration };
  rename_data_action: { args: { profileId: number; integrationId: string; name: string }; reply: ManagedIntegration };
  /** Saves the data-action client certificates (Current, Upcoming) as PEM files in Downloads, with their expiry dates. */
  save_data_action_certificates: { args: { profileId: number; flowId: string }; reply: Array<SavedCertificate> };
  /** The certificates last downloaded, with their expiry dates. */
  data_action_certificates: { args: { profileId: number; flowId: string }; reply: Array<SavedCertificate> };
  /** Tests a planned integration's credential with its own service (Zendesk, the Entra sign-in for Dynamics 365) before Genesys gets it. */
  check_data_action_credential: { args: { profileId: number; flowId: string; name: string }; reply: CredentialCheck };
  /** Tests the integration's first data action with `input`, the text of a JSON object. */
  test_data_action: { args: { profileId: number; integrationId: string; input: string }; reply: ActionTestView };
  /** Deletes the integration and its credential. */
  delete_data_action: { args: { profileId: number; integrationId: string }; reply: null };
  /** Adds a code in any form the admin types (`+33`, `0033`, `FR`); refused with a validation error on the field when it is no country's code or already listed. */
  add_country_code: { args: { profileId: number; flowId: string; stepId: string; fieldId: string; entry: string; locale: Locale }; reply: FlowView };
  zcc_status_map: { args: { profileId: number; flowId: string }; reply: ZccStatusMapView };
  save_zcc_status_map: { args: { profileId: number; flowId: string; map: ZccStatusMap }; reply: ZccStatusMapView };
  refresh_zcc_statuses: { args: { profileId: number; flowId: string }; reply: ZccStatusMapView };
  /** Writes the profile file (never a secret) into the export folder. */
  export_profile: { args: { profileId: number }; reply: SavedFile };
  /** What a profile file holds, and whether a profile already has its name. */
  preview_profile_file: { args: { text: string }; reply: ProfileFilePreview };
  /** Imports a profile file as a new profile, or replacing one when `choice.replace`. */
  import_profile: { args: { text: string; choice: ImportChoice }; reply: ProfileImported };
  /** Copies the file's presence rules, directory rules and data-actions plans into the profile. */
  import_profile_parts: { args: { profileId: number; text: string }; reply: PartsImported };
  profile_journal: { args: { profileId: number; query: JournalQuery }; reply: JournalPage };
  /** Writes the journal entries the filters keep as CSV into the export folder. */
  export_journal: { args: { profileId: number; query: JournalQuery; locale: Locale }; reply: SavedFile };
  zcc_prerequisites: { args: { profileId: number }; reply: Prerequisites };
  zcc_package: { args: { profileId: number }; reply: InstalledPackage };
  /** The import XML of Setup › Call Centers (the SSO definition when `sso_host` is given). */
  zcc_call_center_xml: { args: { ssoHost?: string | null }; reply: string };
  /** The flow's choices for the live parts: SSO and its vanity host, the agents' e-mails. */
  zcc_choices: { args: { profileId: number }; reply: ZccChoices };
  /** Saves the import XML in the user's Downloads folder (never replacing a file). */
  export_zcc_call_center: { args: { profileId: number; ssoHost?: string | null }; reply: SavedFile };
  zcc_deploy_call_center: { args: { profileId: number; ssoHost?: string | null }; reply: CallCenterDeployed };
  zcc_agents: { args: { profileId: number; target: AgentTarget; direction: Direction }; reply: AgentsView };
  /** Applies the plan shown (claimed and journalled; an unfinished run of another plan waits for `unfinished`). */
  zcc_agents_apply: { args: { profileId: number; target: AgentTarget; direction: Direction; unfinished?: Unfinished | null }; reply: AgentsApplied };
  /** Why the database is not open, or nothing when it is (the normal app). */
  startup_problem: { args: {  }; reply: StartupProblem | null };
  /** Tries to open the database again (a lock released, space freed); what still fails. */
  retry_open: { args: {  }; reply: StartupProblem | null };
  /** A damaged database only: sets it aside (never deleted) and opens a new one. */
  start_fresh_database: { args: {  }; reply: Recovered };
  /** A damaged database only: sets it aside and opens a copy of the backup `name`. */
  restore_backup: { args: { name: string }; reply: Recovered };
  /** Opens the data folder (where the database and the files set aside are) in the file manager. */
  open_data_folder: { args: {  }; reply: null };
  /** Help › Restore a backup while the app runs: the backups beside the database, newest first. */
  list_backups: { args: {  }; reply: Array<Backup> };
  /** Restores the backup `name` by restarting: the open core cannot be swapped under the commands in flight (see `recovery::schedule_restore`), so the choice is written down and the app restarts, restoring it before the database is opened. */
  restore_backup_and_restart: { args: { name: string }; reply: null };
  quit_app: { args: {  }; reply: null };
  /** The review of a profile, from what the app recorded; titles in `locale`. */
  review: { args: { profileId: number; locale: Locale }; reply: Review };
  /** Asks where to save the report (the native save dialog, starting in Downloads with the customer's name and the date); `None` when the admin cancels. */
  choose_report_path: { args: { profileId: number; format: ReportFormat; locale: Locale }; reply: string | null };
  /** Writes the report in `format` and `lang` to `path`; answers the path written, which `reveal_file` may then show. */
  export_report: { args: { profileId: number; format: ReportFormat; lang: Locale; path: string }; reply: string };
};

// Purpose: small, realistic fixtures (profiles, flow catalogue, one FlowView, connections, practice) for component tests.
import type {
  AcdAttribute,
  AddressBookDraft,
  AddressEntry,
  ApplyRun,
  ConnectionView,
  CxoneAgent,
  DataActionsApplied,
  DataActionsOrg,
  DataActionsPlanView,
  DataActionsPreview,
  ItemOutcome,
  ManagedIntegration,
  PlannedIntegration,
  DirectorySyncView,
  Diagnosis,
  FieldError,
  FieldView,
  Finding,
  FlowSummary,
  FlowView,
  IpcError,
  PlannedStatus,
  PracticeFaults,
  PresenceCatalog,
  PresenceRule,
  PresenceRuleView,
  ProfileSummary,
  Review,
  StartupProblem,
  StepView,
  ZccChoices,
  ZoomAttribute,
} from '../lib/api';

export const FLOW_ID = 'zoom-presence';

export function profiles(): ProfileSummary[] {
  return [
    {
      id: 1,
      name: 'Acme Corp',
      createdAt: '2026-01-05T09:00:00Z',
      updatedAt: '2026-02-10T14:30:00Z',
      progress: [
        { flowId: FLOW_ID, done: 3, total: 8, notNeeded: false },
        { flowId: 'sf-presence', done: 0, total: 8, notNeeded: false },
      ],
      practice: false,
    },
    {
      id: 2,
      name: 'Globex',
      createdAt: '2026-01-06T09:00:00Z',
      updatedAt: '2026-01-06T09:00:00Z',
      progress: [
        { flowId: FLOW_ID, done: 0, total: 8, notNeeded: false },
        { flowId: 'sf-presence', done: 1, total: 8, notNeeded: false },
      ],
      practice: false,
    },
  ];
}

export function flowSummaries(): FlowSummary[] {
  return [
    {
      id: FLOW_ID,
      title: 'CXone Presence Sync for Zoom',
      summary: 'Connect Zoom presence to CXone agent states.',
      done: 3,
      total: 8,
      status: 'in_progress',
      notNeeded: false,
    },
    {
      id: 'sf-presence',
      title: 'CXone and Salesforce presence',
      summary: 'Keep agent states in step between CXone and Salesforce.',
      done: 0,
      total: 8,
      status: 'not_started',
      notNeeded: false,
    },
  ];
}

export function field(partial: Partial<FieldView> & Pick<FieldView, 'id' | 'label' | 'kind'>): FieldView {
  return { help: null, required: false, options: [], value: null, secretSet: false, error: null, source: null, fromConnection: null, countryCodes: null, ...partial };
}

export function step(partial: Partial<StepView> & Pick<StepView, 'id' | 'title'>): StepView {
  return {
    kind: 'manual',
    status: 'not_started',
    instructions: [],
    warnings: [],
    links: [],
    copies: [],
    fields: [],
    pending: [],
    updatedAt: null,
    live: null,
    lastCheck: null,
    practiceFill: false,
    whenNeeded: false,
    ...partial,
  };
}

/** A three-step flow: a rich first step, a pending second step, a third step with copies built from secrets. */
export function flowView(): FlowView {
  return {
    profileId: 1,
    id: FLOW_ID,
    title: 'CXone Presence Sync for Zoom',
    summary: 'Connect Zoom presence to CXone agent states.',
    currentStepId: 'create-app',
    choices: [],
    done: 0,
    total: 3,
    finished: false,
    notNeeded: false,
    practice: false,
    steps: [
      step({
        id: 'create-app',
        title: 'Create the Zoom app',
        status: 'in_progress',
        updatedAt: '2026-02-10T14:30:00Z',
        instructions: [
          'Sign in to the Zoom App Marketplace as an admin.',
          'Choose Develop, then Build App, then Server-to-Server OAuth App.',
          'Copy the Account ID, Client ID and Client secret below.',
        ],
        warnings: [{ text: 'Use a Zoom admin account: other accounts cannot create this app.', level: 'trap' }],
        links: [
          { label: 'Zoom App Marketplace', url: 'https://marketplace.zoom.us/develop/create', missing: [] },
          { label: 'App credentials', url: null, missing: ['Account ID'] },
        ],
        copies: [
          { id: 'app-name', label: 'App name', target: 'Zoom > App name', value: 'CXone Presence Sync', missing: [], secret: false },
          {
            id: 'endpoint',
            label: 'Endpoint URL',
            target: 'Zoom > Event notification endpoint URL',
            value: null,
            missing: ['Account ID'],
            secret: false,
          },
          { id: 'events', label: 'Events', target: null, value: 'user.updated\nuser.settings_updated', missing: [], secret: false },
        ],
        fields: [
          field({ id: 'account_id', label: 'Account ID', kind: 'text', required: true, help: 'On the App Credentials page.' }),
          field({ id: 'client_secret', label: 'Client secret', kind: 'secret', required: true }),
          field({
            id: 'purpose',
            label: 'Purpose',
            kind: 'choice',
            required: true,
            options: [
              { value: 'presence', label: 'Presence Sync' },
              { value: 'directory', label: 'Directory Sync' },
            ],
          }),
          field({ id: 'emails', label: 'Notification e-mails', kind: 'multiline' }),
        ],
      }),
      step({
        id: 'validate-endpoint',
        title: 'Validate the endpoint URL in Zoom',
        instructions: ['In the Zoom app, choose Validate next to the endpoint URL.'],
        pending: [{ stepId: 'map-account', title: 'Map the Zoom account in CXone' }],
      }),
      step({
        id: 'map-account',
        title: 'Map the Zoom account in CXone',
        instructions: ['In CXone, open ACD > Adapters and choose Add Zoom account.'],
        copies: [
          {
            id: 'cxone-client-secret',
            label: 'Client secret',
            target: 'CXone > Zoom account > Client secret',
            value: null,
            missing: [],
            secret: true,
          },
          {
            id: 'cxone-credentials',
            label: 'Client ID and secret',
            target: 'CXone > Zoom account > Credentials',
            value: null,
            missing: ['Client ID'],
            secret: true,
          },
        ],
      }),
    ],
  };
}

/** Returns a copy of `view` with one field of one step changed. */
export function withField(view: FlowView, stepId: string, fieldId: string, change: Partial<FieldView>): FlowView {
  const copy = structuredClone(view);
  const target = copy.steps.find((s) => s.id === stepId)?.fields.find((f) => f.id === fieldId);
  if (!target) throw new Error(`no field ${stepId}/${fieldId}`);
  Object.assign(target, change);
  return copy;
}

/** Returns a copy of `view` with one step's status changed. */
export function withStatus(view: FlowView, stepId: string, status: StepView['status']): FlowView {
  const copy = structuredClone(view);
  const target = copy.steps.find((s) => s.id === stepId);
  if (!target) throw new Error(`no step ${stepId}`);
  target.status = status;
  return copy;
}

export function ipcError(code: IpcError['code'], message: string, field?: string): IpcError {
  return field ? { code, message, field } : { code, message };
}

/** A `validation` refusal as the core sends it: the field and the rule that failed. */
export function validationError(
  field: string,
  code: FieldError['code'],
  params: Record<string, string> = {},
): IpcError {
  return { code: 'validation', message: `${field} is invalid (${code})`, field, detail: { code, params } };
}

/** The practice profile as open_practice_tenant returns it. */
export function practiceProfile(): ProfileSummary {
  return {
    id: 9,
    name: 'Practice tenant',
    createdAt: '2026-03-01T10:00:00Z',
    updatedAt: '2026-03-01T10:00:00Z',
    progress: [{ flowId: FLOW_ID, done: 0, total: 8, notNeeded: false }],
    practice: true,
  };
}

/** The four connections of a profile: Zoom saved and tested (passed), Salesforce tested (failed), the others unset. */
export function connections(): ConnectionView[] {
  return [
    {
      vendor: 'zoom',
      settings: { vendor: 'zoom', accountId: 'xYz12AbCdEfGhIjKlMnOpQ', clientId: 'aBcDeFgHiJkLmNoPqR', practice: false, confirmedHosts: [] },
      secretsSet: ['client-secret'],
      lastDiagnosis: {
        vendor: 'zoom',
        ok: true,
        checkedAt: '2026-11-23T21:40:00Z',
        checks: [
          { id: 'settings', ok: true, code: null, params: {} },
          { id: 'token', ok: true, code: null, params: {} },
        ],
      },
    },
    { vendor: 'cxone', settings: null, secretsSet: [], lastDiagnosis: null },
    {
      vendor: 'salesforce',
      settings: {
        vendor: 'salesforce',
        environment: 'production',
        username: 'admin@acme.example',
        consumerKey: '3MVG9',
        practice: false,
        confirmedHosts: [],
      },
      secretsSet: ['consumer-secret', 'password'],
      lastDiagnosis: {
        vendor: 'salesforce',
        ok: false,
        checkedAt: '2026-11-22T08:05:00Z',
        checks: [{ id: 'token', ok: false, code: 'salesforce.invalid_login', params: {} }],
      },
    },
    { vendor: 'genesys', settings: null, secretsSet: [], lastDiagnosis: null },
  ];
}

/** A Zoom Test: the token passed, the scopes check failed with the missing scope list. */
export function zoomMissingScopes(): Diagnosis {
  return {
    vendor: 'zoom',
    ok: false,
    checkedAt: '2026-11-23T21:45:00Z',
    checks: [
      { id: 'settings', ok: true, code: null, params: {} },
      { id: 'token', ok: true, code: null, params: {} },
      {
        id: 'scopes',
        ok: false,
        code: 'zoom.missing_scopes',
        params: { missing: ['user:read:admin', 'report:read:admin'] },
      },
    ],
  };
}

export function noFaults(): PracticeFaults {
  return {
    rateLimit: 'off',
    serverErrors: false,
    latencyMs: 0,
    expiredSecret: false,
    tokenExpiry: false,
    dropConnections: false,
  };
}

// --- Directory Sync flow (live steps) ---

export const DS_FLOW_ID = 'zoom-directory-sync';

/** The live steps of the Directory Sync flow: a scope check, the address book, an agent-picked field, a pending step. */
export function directorySyncFlow(): FlowView {
  return {
    profileId: 1,
    id: DS_FLOW_ID,
    title: 'CXone Directory Sync / Presence Sync for Zoom',
    summary: 'Sync the Zoom directory and presence into CXone.',
    currentStepId: 'zoom-app-scopes',
    choices: [],
    done: 0,
    total: 5,
    finished: false,
    notNeeded: false,
    practice: false,
    steps: [
      step({
        id: 'zoom-app-scopes',
        kind: 'verified',
        live: 'zoom-scopes',
        title: 'Add the scopes to the Zoom app',
        instructions: ['In the Zoom App Marketplace, open your app › Scopes.'],
        fields: [field({ id: 'zoom-account-id', label: 'Account ID', kind: 'text', required: true })],
      }),
      step({
        id: 'cxone-address-book',
        kind: 'automated',
        live: 'cxone-address-book',
        title: 'Create the address book in CXone',
        instructions: ['In CXone, open ACD › Address Books.'],
        fields: [field({ id: 'cxone-address-book-name', label: 'Address book name', kind: 'text', value: 'Zoom users' })],
      }),
      step({
        id: 'cxone-map-account',
        title: 'Map the Zoom account in CXone',
        fields: [field({ id: 'cxone-access-key-user', label: 'Access key user', kind: 'text', source: 'cxone-agents' })],
      }),
      step({
        id: 'zoom-validate-endpoint',
        title: 'Validate the endpoint URL in Zoom',
        pending: [{ stepId: 'cxone-map-account', title: 'Map the Zoom account in CXone' }],
      }),
      step({ id: 'cxone-directory-sync', kind: 'editor', live: 'directory-sync', title: 'Set up Directory Sync in CXone' }),
    ],
  };
}

/** Returns a copy of `view` with one step changed. */
export function withStep(view: FlowView, stepId: string, change: Partial<StepView>): FlowView {
  const copy = structuredClone(view);
  const target = copy.steps.find((s) => s.id === stepId);
  if (!target) throw new Error(`no step ${stepId}`);
  Object.assign(target, change);
  return copy;
}

export function cxoneAgents(): CxoneAgent[] {
  return [
    { id: 11, userName: 'akiko.sato@acme.example', firstName: 'Akiko', lastName: 'Sato', email: 'akiko.sato@acme.example', teamId: null, teamName: 'Tokyo', active: true },
    { id: 12, userName: 'jean.martin@acme.example', firstName: 'Jean', lastName: 'Martin', email: null, teamId: null, teamName: null, active: true },
  ];
}

export function addressEntry(partial: Partial<AddressEntry> = {}): AddressEntry {
  return { firstName: 'Marie', lastName: 'Curie', middleName: null, company: 'Acme', phone: '+33142345678', mobile: null, email: 'marie@acme.example', ...partial };
}

export function addressBookDraft(partial: Partial<AddressBookDraft> = {}): AddressBookDraft {
  return { region: 'FR', entries: [addressEntry()], teams: [], agents: [], ...partial };
}

export function applyRun(partial: Partial<ApplyRun> = {}): ApplyRun {
  return { id: 1, state: 'running', failure: null, bookId: 42, total: 10, added: 0, present: 0, assigned: 0, updatedAt: '2026-11-23T22:00:00Z', ...partial };
}

/** Every ACD attribute maps to the Zoom attribute of the same meaning; phones map to phone or mobile. */
export function zoomOptions(): Record<AcdAttribute, ZoomAttribute[]> {
  return {
    'first-name': ['first-name'],
    'last-name': ['last-name'],
    'display-name': ['display-name'],
    email: ['email'],
    'business-phone': ['phone', 'mobile'],
    'mobile-phone': ['mobile', 'phone'],
    extension: ['extension'],
    department: ['department'],
    'job-title': ['job-title'],
    company: ['company'],
  };
}

export function directorySyncView(partial: Partial<DirectorySyncView> = {}): DirectorySyncView {
  return {
    doc: {
      acdDirectory: 'Zoom users',
      attributes: [
        { acd: 'first-name', zoom: 'first-name' },
        { acd: 'business-phone', zoom: 'phone' },
      ],
      addExtension: true,
      translation: true,
      rules: { sets: [{ name: 'France', region: 'FR', patterns: [{ match: '0XXXXXXXXX', strip: 1, prefix: '+33', format: 'e164' }] }] },
    },
    zoomOptions: zoomOptions(),
    mapProblems: [],
    ruleProblems: [],
    regions: ['FR', 'JP', 'US'],
    ...partial,
  };
}

// --- CXone ↔ Salesforce presence flow (issue 5) ---

export const SF_FLOW_ID = 'sf-presence';

/** The live steps of the presence flow: the planned statuses (checked live) and the presence rule editor. */
export function sfPresenceFlow(partial: Partial<FlowView> = {}): FlowView {
  return {
    profileId: 1,
    id: SF_FLOW_ID,
    title: 'CXone and Salesforce presence',
    summary: 'Keep agent states in step between CXone and Salesforce.',
    currentStepId: 'sf-presence-statuses',
    choices: [],
    done: 0,
    total: 2,
    finished: false,
    notNeeded: false,
    practice: false,
    steps: [
      step({
        id: 'sf-presence-statuses',
        kind: 'verified',
        live: 'sf-statuses',
        title: 'Create the presence statuses in Salesforce',
        instructions: ['In Salesforce Setup, open Presence Statuses.'],
        links: [{ label: 'Presence Statuses', url: 'https://acme.my.salesforce-setup.com/lightning/setup/ServicePresenceStatus/home', missing: [] }],
      }),
      step({ id: 'cxone-presence-rule', kind: 'editor', live: 'presence-rule', title: 'Create the presence rule in CXone' }),
    ],
    ...partial,
  };
}

export function plannedStatuses(): PlannedStatus[] {
  return [
    { label: 'Available for Chat', developerName: 'Available_for_Chat', kind: 'online', channels: 'Chat' },
    { label: 'Lunch Break', developerName: 'Lunch_Break', kind: 'busy', channels: '' },
  ];
}

/** Salesforce says two planned statuses are missing. */
export function statusesMissing(): Diagnosis {
  return {
    vendor: 'salesforce',
    ok: false,
    checkedAt: '2026-11-24T10:00:00Z',
    checks: [
      { id: 'settings', ok: true, code: null, params: {} },
      { id: 'token', ok: true, code: null, params: {} },
      { id: 'statuses', ok: false, code: 'salesforce.statuses_missing', params: { missing: ['Lunch_Break', 'Meeting'] } },
    ],
  };
}

export function presenceCatalog(): PresenceCatalog {
  return {
    acdStates: ['Available', 'Lunch', 'Meeting'],
    salesforceStatuses: [
      { developerName: 'Available_for_Chat', label: 'Available for Chat', kind: 'online' },
      { developerName: 'Lunch_Break', label: 'Lunch Break', kind: 'busy' },
      { developerName: 'Busy', label: 'Busy', kind: 'busy' },
    ],
  };
}

/** A rule whose third States row names an ACD state CXone no longer has ("Training"). */
export function presenceRuleDoc(partial: Partial<PresenceRule> = {}): PresenceRule {
  return {
    name: 'Support agents',
    states: [
      { acd: 'Available', salesforce: 'Available_for_Chat' },
      { acd: 'Lunch', salesforce: 'Lunch_Break' },
      { acd: 'Training', salesforce: 'Busy' },
    ],
    subscriberStates: [
      { salesforce: 'Available_for_Chat', acd: { state: 'Available' } },
      { salesforce: 'Lunch_Break', acd: 'previous' },
    ],
    teams: [{ id: 4021, name: 'Support FR' }],
    users: [],
    ...partial,
  };
}

/** Lunch → Lunch_Break → back to the previous state: a loop through Previous state, found at States row 2. */
export function loopFinding(): Finding {
  return {
    code: 'presence.loop',
    severity: 'error',
    table: 'states',
    row: 1,
    params: {
      chain: [
        { system: 'acd', state: 'Lunch' },
        { system: 'salesforce', state: 'Lunch_Break' },
        { system: 'acd', state: 'Available' },
        { system: 'salesforce', state: 'Available_for_Chat' },
      ],
      start: { system: 'acd', state: 'Lunch' },
      throughPrevious: true,
      previous: 'Available',
    },
  };
}

export function presenceRuleView(partial: Partial<PresenceRuleView> = {}): PresenceRuleView {
  return {
    rule: presenceRuleDoc(),
    catalog: presenceCatalog(),
    catalogAt: '2026-11-24T09:30:00Z',
    findings: [],
    diagram: '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><title>Presence rule</title></svg>',
    ...partial,
  };
}

/** Why the database did not open, as `startup_problem` answers; a damaged file with no backup by default. */
export function startupProblem(partial: Partial<StartupProblem> = {}): StartupProblem {
  return {
    code: 'database_corrupt',
    message: 'the database file is damaged: file is not a database',
    dataDir: '/home/admin/.local/share/app.switchboard.desktop',
    fileName: 'switchboard.sqlite3',
    foundVersion: null,
    knownVersion: null,
    backupFolder: '/home/admin/.local/share/app.switchboard.desktop/backups',
    backups: [],
    ...partial,
  };
}

// ——— Genesys Cloud data actions ———

export const DA_FLOW_ID = 'genesys-data-actions';

/** The org's kinds: Google not offered, five Web services integrations of 50 already there. */
export function dataActionsOrg(partial: Partial<DataActionsOrg> = {}): DataActionsOrg {
  const offer = (kind: DataActionsOrg['kinds'][number]['kind'], typeId: string | null, max: number, existing: number, credentialTypes: string[]) => ({
    kind,
    typeId,
    typeName: typeId,
    maxInstances: max,
    existing,
    credentialTypes,
  });
  return {
    organizationId: '5f1c7a52-2d3e-4b1c-9a8e-0c6f3b2a1d90',
    kinds: [
      offer('aws-lambda', 'aws-lambda-data-actions', 10, 1, ['amazonWebServicesARN']),
      offer('genesys-cloud', 'purecloud-data-actions', 10, 0, ['pureCloudOAuthClient']),
      offer('google', null, 100, 0, ['googleCloudPlatform', 'googleGSuite']),
      offer('dynamics', 'microsoft-dynamics-data-actions', 10, 0, ['msDynamics']),
      offer('salesforce', 'salesforce-datadip', 50, 0, ['salesforce']),
      offer('web-services', 'custom-rest-actions', 50, 5, ['basicAuth', 'userDefined', 'userDefinedOAuth']),
      offer('zendesk', 'zendesk-data-actions', 10, 0, ['zendeskApiToken']),
    ],
    ...partial,
  };
}

export function plannedIntegration(partial: Partial<PlannedIntegration> = {}): PlannedIntegration {
  return {
    name: 'CRM lookup',
    kind: 'web-services',
    credentialType: 'basicAuth',
    fields: { userName: 'svc-genesys' },
    secrets: { password: { from: 'keychain' } },
    notes: '',
    ...partial,
  };
}

export function dataActionsPlanView(partial: Partial<DataActionsPlanView> = {}): DataActionsPlanView {
  return { plan: { integrations: [plannedIntegration()] }, problems: [], secretsSet: ['CRM lookup/password'], ...partial };
}

export function dataActionsPreview(partial: Partial<DataActionsPreview> = {}): DataActionsPreview {
  return { items: [{ name: 'CRM lookup', kind: 'web-services', typeId: 'custom-rest-actions', step: 'create', problems: [] }], preflight: [], ready: true, ...partial };
}

export function itemOutcome(partial: Partial<ItemOutcome> = {}): ItemOutcome {
  return {
    name: 'CRM lookup',
    integrationId: 'int-1',
    credentialId: 'cred-1',
    created: true,
    credentialCreated: true,
    configured: true,
    enabled: true,
    state: 'ACTIVE',
    ...partial,
  };
}

export function dataActionsApplied(partial: Partial<DataActionsApplied> = {}): DataActionsApplied {
  return { runId: 3, outcomes: [itemOutcome()], failure: null, flow: flowView(), ...partial };
}

export function managedIntegration(partial: Partial<ManagedIntegration> = {}): ManagedIntegration {
  return {
    id: 'int-1',
    name: 'CRM lookup',
    kind: 'web-services',
    typeId: 'custom-rest-actions',
    enabled: true,
    reported: 'ACTIVE',
    detail: null,
    credentialSet: true,
    ...partial,
  };
}

/** A review as the core assembles it: every section filled, one reminder due soon. */
export function review(): Review {
  return {
    profileId: 1,
    profileName: 'Acme France',
    practice: false,
    generatedAt: '2026-12-03T14:05:00Z',
    connections: [
      { vendor: 'cxone', testedAt: '2026-12-03T13:00:00Z', ok: true, failures: [] },
      {
        vendor: 'zoom',
        testedAt: '2026-12-02T09:30:00Z',
        ok: false,
        failures: [{ check: 'scopes', code: 'zoom.missing_scopes' }],
      },
    ],
    flows: [
      {
        id: 'zoom-directory-sync',
        title: 'Zoom directory sync',
        status: 'in_progress',
        done: 3,
        total: 5,
        notNeeded: false,
        open: [
          {
            stepId: 'cxone-directory-sync',
            title: 'Set up Directory Sync',
            status: 'not_started',
            why: [{ kind: 'pendingOn', stepId: 'cxone-address-book', title: 'Create the address book' }],
          },
        ],
      },
      { id: 'review-report', title: 'Review and report', status: 'done', done: 2, total: 2, notNeeded: false, open: [] },
    ],
    objects: [
      {
        vendor: 'cxone',
        kind: 'address-book',
        action: 'created',
        name: 'Ventes Paris',
        vendorId: '4711',
        entries: 12,
        assigned: 2,
        flowId: 'zoom-directory-sync',
        stepId: 'cxone-address-book',
        at: '2026-12-03T13:10:00Z',
      },
      {
        vendor: 'genesys',
        kind: 'integration',
        action: 'created',
        name: 'Order lookup',
        vendorId: 'a1b2c3d4-0000-4000-8000-000000000001',
        entries: null,
        assigned: null,
        flowId: 'genesys-data-actions',
        stepId: 'data-actions',
        at: '2026-12-03T13:20:00Z',
      },
    ],
    reminders: [
      { kind: 'certificate_expiry', vendor: 'genesys', subject: 'Current — DigiCert', date: '2027-01-10T23:59:59Z', soon: true },
      { kind: 'security_token', vendor: 'salesforce', subject: 'Security token', date: '2026-12-01T08:00:00Z', soon: false },
    ],
    handover: { recipient: 'it@acme.example', date: '2026-12-03' },
  };
}

/** The Zoom Contact Center flow's choices as the core sends them (standard call center, every agent). */
export function zccChoices(change: Partial<ZccChoices> = {}): ZccChoices {
  return {
    sso: false,
    ssoHost: null,
    agentEmails: [],
    agentsStep: 'sf-assign-permission-sets',
    agentsField: 'zcc-agent-emails',
    placeSteps: [
      { place: 'permissionSet', stepId: 'sf-assign-permission-sets' },
      { place: 'callCenter', stepId: 'sf-add-call-center-users' },
      { place: 'clientIntegration', stepId: 'zoom-enable-client-integration' },
    ],
    ...change,
  };
}

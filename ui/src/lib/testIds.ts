// Purpose: every data-testid the component and end-to-end (WebDriver) tests drive, in one place.
// Static ids are plain strings; ids for one entity are built by the functions below.

export const TestId = {
  // Shell
  header: 'app-header',
  homeButton: 'home-button',
  aboutButton: 'about-button',
  languageSelect: 'language-select',
  keychainBanner: 'keychain-banner',
  startupError: 'startup-error',
  errorNotice: 'error-notice',
  // About / Help
  aboutDialog: 'about-dialog',
  aboutVersion: 'about-version',
  aboutIdentifier: 'about-identifier',
  aboutDataDir: 'about-data-dir',
  openLogFolderButton: 'open-log-folder-button',
  dialogClose: 'dialog-close',
  // Home
  homeView: 'home-view',
  profileNameInput: 'profile-name-input',
  profileCreateButton: 'profile-create-button',
  profileCreateError: 'profile-create-error',
  profileList: 'profile-list',
  profileEmpty: 'profile-empty',
  homeStatus: 'home-status',
  deleteDialog: 'delete-dialog',
  deleteConfirmButton: 'delete-confirm-button',
  deleteCancelButton: 'delete-cancel-button',
  // Profile
  profileView: 'profile-view',
  backToHomeButton: 'back-to-home-button',
  flowList: 'flow-list',
  // Flow
  flowView: 'flow-view',
  backToProfileButton: 'back-to-profile-button',
  stepList: 'step-list',
  stepHeading: 'step-heading',
  stepStatus: 'step-status',
  stepKind: 'step-kind',
  stepInstructions: 'step-instructions',
  stepWarning: 'step-warning',
  stepPending: 'step-pending',
  markDoneButton: 'mark-done-button',
  reopenButton: 'reopen-button',
  needsAttentionButton: 'needs-attention-button',
  clearAttentionButton: 'clear-attention-button',
  previousStepButton: 'previous-step-button',
  nextStepButton: 'next-step-button',
  saveStatus: 'save-status',
  clearSecretDialog: 'clear-secret-dialog',
  clearSecretConfirmButton: 'clear-secret-confirm-button',
} as const;

export type TestIdValue = (typeof TestId)[keyof typeof TestId];

/** Ids for one profile, flow, step, link, copy field or field. */
export const TestIds = {
  profileRow: (id: number) => `profile-row-${id}`,
  profileOpen: (id: number) => `profile-open-${id}`,
  profileRename: (id: number) => `profile-rename-${id}`,
  profileRenameInput: (id: number) => `profile-rename-input-${id}`,
  profileRenameSave: (id: number) => `profile-rename-save-${id}`,
  profileRenameCancel: (id: number) => `profile-rename-cancel-${id}`,
  profileDelete: (id: number) => `profile-delete-${id}`,
  profileFlowMeter: (id: number, flowId: string) => `profile-meter-${id}-${flowId}`,
  flowCard: (flowId: string) => `flow-card-${flowId}`,
  flowOpen: (flowId: string) => `flow-open-${flowId}`,
  stepItem: (stepId: string) => `step-item-${stepId}`,
  link: (index: number) => `link-${index}`,
  copyField: (copyId: string) => `copy-field-${copyId}`,
  copyValue: (copyId: string) => `copy-value-${copyId}`,
  copyButton: (copyId: string) => `copy-button-${copyId}`,
  copyAnnouncement: (copyId: string) => `copy-announcement-${copyId}`,
  field: (fieldId: string) => `field-${fieldId}`,
  fieldError: (fieldId: string) => `field-error-${fieldId}`,
  secret: (fieldId: string) => `secret-${fieldId}`,
  secretState: (fieldId: string) => `secret-state-${fieldId}`,
  secretReplace: (fieldId: string) => `secret-replace-${fieldId}`,
  secretClear: (fieldId: string) => `secret-clear-${fieldId}`,
} as const;

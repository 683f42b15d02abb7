// Purpose: what the views use to talk to the app, in one import: the generated contract (types, lists), the
// generated command wrappers, and the error mapping of the invoke seam (ipc.ts).
export * from './contract';
export * from './commands';
export { isErrorCode, isIpcError, isValidationCode, onRestoreBackupMenu, toFailure, toFieldError, toIpcError } from './ipc';
export type { Failure, IpcError } from './ipc';

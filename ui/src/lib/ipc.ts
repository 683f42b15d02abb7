// Purpose: the invoke seam, the ONLY module importing @tauri-apps/*: one `call` typed by the generated contract
// (./contract.ts) that the generated wrappers (./commands.ts) use, and the error mapping: every rejection becomes
// an IpcError {code, message, field?, detail?, failure?}. Views import all of it through ./api.ts.
// Also the one app event the window listens to: the macOS menu's Help › Restore a Backup….
import { invoke, type InvokeArgs } from '@tauri-apps/api/core';
import { listen } from '@tauri-apps/api/event';
import { ERROR_CODES, VALIDATION_CODES } from './contract';
import type { Commands, ErrorCode, FieldError, ValidationCode } from './contract';

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
export async function call<K extends keyof Commands>(
  cmd: K,
  ...args: Record<string, never> extends Args<K> ? [Args<K>?] : [Args<K>]
): Promise<Commands[K]['reply']> {
  try {
    return await invoke<Commands[K]['reply']>(cmd, args[0] as InvokeArgs);
  } catch (raw) {
    throw toIpcError(raw);
  }
}

/** The app menu's Help › Restore a Backup… (macOS; elsewhere the Help dialog has the same button). */
export const RESTORE_BACKUP_EVENT = 'menu-restore-backup';

/** Calls `handler` when the menu item is chosen; resolves to the unsubscribe function (a no-op without an app). */
export async function onRestoreBackupMenu(handler: () => void): Promise<() => void> {
  try {
    return await listen(RESTORE_BACKUP_EVENT, handler);
  } catch {
    return () => undefined;
  }
}

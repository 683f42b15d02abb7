// Purpose: a fake backend over mockIPC: per-command handlers (with sensible defaults) and a call log.
import { mockIPC } from '@tauri-apps/api/mocks';
import { connections, flowSummaries, noFaults } from './fixtures';

export type Args = Record<string, unknown>;
export type Handler = (args: Args) => unknown;

export interface FakeBackend {
  calls: { cmd: string; args: Args }[];
  /** Arguments of every call to `cmd`, in order. */
  argsOf: (cmd: string) => Args[];
}

const defaults: Record<string, Handler> = {
  get_settings: () => ({ locale: 'en' }),
  startup_problem: () => null,
  set_locale: (args) => ({ locale: args.locale }),
  keychain_status: () => ({ available: true, error: null }),
  get_resume: () => null,
  set_resume: () => null,
  list_profiles: () => [],
  list_flows: () => flowSummaries(),
  next_actions: () => [],
  list_connections: () => connections(),
  practice_faults: () => noFaults(),
  set_practice_faults: (args) => args.faults,
  copy_text: () => null,
  copy_secret: () => null,
  open_link: () => null,
  open_log_folder: () => null,
  app_info: () => ({
    version: '0.1.0',
    identifier: 'com.example.switchboard',
    dataDir: '/home/admin/.local/share/switchboard',
    logDir: '/home/admin/.local/share/switchboard/logs',
    development: false,
  }),
};

/** Installs the fake; a handler that throws makes the command reject with what it threw. */
export function fakeBackend(handlers: Record<string, Handler> = {}): FakeBackend {
  const calls: FakeBackend['calls'] = [];
  mockIPC((cmd, payload) => {
    const args = (payload ?? {}) as Args;
    calls.push({ cmd, args });
    const handler = handlers[cmd] ?? defaults[cmd];
    if (!handler) throw { code: 'internal', message: `unmocked command ${cmd}` };
    return handler(args);
  });
  return { calls, argsOf: (cmd) => calls.filter((c) => c.cmd === cmd).map((c) => c.args) };
}

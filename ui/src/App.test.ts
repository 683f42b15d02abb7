// Purpose: the shell: start-up locale and resume, language switching (FR / JA), keychain banner,
// About dialog, set_resume on navigation, the Connections page and the practice tenant's banner.
import { beforeAll, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import App from './App.svelte';
import { fakeBackend, type Handler } from './test/backend';
import { FLOW_ID, flowView, ipcError, practiceProfile, profiles } from './test/fixtures';
import { TestId, TestIds } from './lib/testIds';

async function renderApp(handlers: Record<string, Handler> = {}) {
  const backend = fakeBackend({ list_profiles: () => profiles(), open_flow: () => flowView(), ...handlers });
  const user = userEvent.setup();
  render(App);
  return { backend, user };
}

describe('App', () => {
  // The app fetches each screen on first show; here the first fetch also compiles the screen's
  // whole tree, which can outlast findBy's wait. Compile them once up front.
  beforeAll(async () => {
    await Promise.all([
      import('./views/FlowView.svelte'),
      import('./views/ProfileView.svelte'),
      import('./views/ConnectionsView.svelte'),
      import('./views/JournalView.svelte'),
      import('./views/RecoveryView.svelte'),
    ]);
  }, 60_000);

  it('starts on Home in the saved language when nothing is remembered', async () => {
    await renderApp({ get_settings: () => ({ locale: 'fr' }) });
    expect(await screen.findByRole('heading', { level: 1, name: 'Clients' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('fr');
    expect(screen.getByTestId(TestId.languageSelect)).toHaveValue('fr');
    expect(screen.getByRole('main')).toBeInTheDocument();
    expect(screen.getByRole('banner')).toBeInTheDocument();
  });

  it('resumes the remembered flow on its current step', async () => {
    const { backend } = await renderApp({ get_resume: () => ({ profileId: 1, flowId: FLOW_ID }) });
    expect(await screen.findByTestId(TestId.stepHeading)).toHaveTextContent('Create the Zoom app');
    expect(backend.argsOf('open_flow')).toEqual([{ profileId: 1, flowId: FLOW_ID, locale: 'en' }]);
    expect(screen.getByTestId(TestId.backToProfileButton)).toHaveTextContent('Back to Acme Corp');
  });

  it('resumes a remembered profile', async () => {
    await renderApp({ get_resume: () => ({ profileId: 2, flowId: null }) });
    expect(await screen.findByRole('heading', { level: 1, name: 'Integrations for Globex' })).toBeInTheDocument();
    expect(await screen.findByTestId(TestIds.flowCard(FLOW_ID))).toHaveTextContent('CXone Presence Sync for Zoom');
  });

  it('remembers where the user goes: profile, flow, Home', async () => {
    const { backend, user } = await renderApp();
    await user.click(await screen.findByTestId(TestIds.profileOpen(1)));
    await user.click(await screen.findByTestId(TestIds.flowOpen(FLOW_ID)));
    await screen.findByTestId(TestId.stepHeading);
    await user.click(screen.getByTestId(TestId.homeButton));
    await screen.findByTestId(TestId.homeView);
    expect(backend.argsOf('set_resume')).toEqual([
      { profileId: 1, flowId: null },
      { profileId: 1, flowId: FLOW_ID },
      { profileId: null, flowId: null },
    ]);
  });

  it('switches to French and to Japanese, saving the choice and reloading the flow in that language', async () => {
    const { backend, user } = await renderApp({ get_resume: () => ({ profileId: 1, flowId: FLOW_ID }) });
    await screen.findByTestId(TestId.stepHeading);

    await user.selectOptions(screen.getByTestId(TestId.languageSelect), 'fr');
    expect(await screen.findByTestId(TestId.markDoneButton)).toHaveTextContent('Marquer comme terminée');
    expect(screen.getByTestId(TestId.stepStatus)).toHaveTextContent('En cours');
    expect(screen.getByRole('navigation', { name: 'Étapes' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('fr');

    await user.selectOptions(screen.getByTestId(TestId.languageSelect), 'ja');
    expect(await screen.findByTestId(TestId.markDoneButton)).toHaveTextContent('完了にする');
    expect(screen.getByTestId(TestId.stepStatus)).toHaveTextContent('作業中');
    expect(screen.getByTestId(TestId.aboutButton)).toHaveTextContent('ヘルプ');
    expect(document.documentElement.lang).toBe('ja');

    expect(backend.argsOf('set_locale')).toEqual([{ locale: 'fr' }, { locale: 'ja' }]);
    await waitFor(() => expect(backend.argsOf('open_flow').map((a) => a.locale)).toEqual(['en', 'fr', 'ja']));
  });

  it('offers the three languages by their own names', async () => {
    await renderApp();
    const select = screen.getByTestId(TestId.languageSelect);
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(['English', 'Français', '日本語']);
  });

  it('shows the keychain banner with the fix when the keychain is unavailable', async () => {
    await renderApp({
      keychain_status: () => ({ available: false, error: ipcError('keychain_unavailable', 'no D-Bus session') }),
    });
    const banner = await screen.findByTestId(TestId.keychainBanner);
    expect(banner).toHaveTextContent('The system keychain is not available');
    expect(banner).toHaveTextContent('install and unlock a Secret Service such as GNOME Keyring or KWallet');
    expect(banner).toHaveTextContent('never stores secrets anywhere else');
  });

  it('has no keychain banner when the keychain works', async () => {
    await renderApp();
    await screen.findByTestId(TestId.homeView);
    expect(screen.queryByTestId(TestId.keychainBanner)).not.toBeInTheDocument();
  });

  it('shows About / Help with the app facts, opens the log folder, and closes on Escape', async () => {
    const { backend, user } = await renderApp();
    await user.click(screen.getByTestId(TestId.aboutButton));
    const dialog = screen.getByTestId(TestId.aboutDialog);
    expect(dialog).toHaveAttribute('open');
    expect(await within(dialog).findByTestId(TestId.aboutVersion)).toHaveTextContent('0.1.0');
    expect(within(dialog).getByTestId(TestId.aboutIdentifier)).toHaveTextContent('com.example.switchboard');
    expect(within(dialog).getByTestId(TestId.aboutDataDir)).toHaveTextContent('/home/admin/.local/share/switchboard');

    await user.click(within(dialog).getByTestId(TestId.openLogFolderButton));
    expect(backend.argsOf('open_log_folder')).toHaveLength(1);

    await fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(dialog).not.toHaveAttribute('open');
    expect(screen.getByTestId(TestId.aboutButton)).toHaveFocus();
  });

  it('shows a translated error when the settings cannot be read, and still starts in English', async () => {
    await renderApp({
      get_settings: () => {
        throw 'settings table missing';
      },
    });
    const error = await screen.findByTestId(TestId.startupError);
    expect(error).toHaveTextContent('An unexpected error occurred.');
    expect(error).toHaveTextContent('settings table missing');
    expect(await screen.findByTestId(TestId.homeView)).toBeInTheDocument();
  });

  it('summarises each connection on the profile and opens the Connections page', async () => {
    const { user } = await renderApp({ get_resume: () => ({ profileId: 1, flowId: null }) });
    expect(await screen.findByTestId(TestIds.connectionSummary('zoom'))).toHaveTextContent(/Zoom ✓ Passed · Nov 2\d, 2026/);
    expect(screen.getByTestId(TestIds.connectionSummary('salesforce'))).toHaveTextContent(/Failed · Nov 2\d, 2026/);
    expect(screen.getByTestId(TestIds.connectionSummary('cxone'))).toHaveTextContent('Not set up');
    expect(screen.queryByTestId(TestId.practiceBanner)).not.toBeInTheDocument();

    await user.click(screen.getByTestId(TestId.connectionsButton));
    expect(await screen.findByRole('heading', { level: 1, name: 'Connections for Acme Corp' })).toBeInTheDocument();
    expect(await screen.findByTestId(TestIds.connectionCard('genesys'))).toBeInTheDocument();
    await user.click(screen.getByTestId(TestId.backFromConnectionsButton));
    expect(await screen.findByRole('heading', { level: 1, name: 'Integrations for Acme Corp' })).toBeInTheDocument();
  });

  it('opens the practice tenant from Home, with its banner on every screen of that profile', async () => {
    const { backend, user } = await renderApp({ open_practice_tenant: () => practiceProfile() });
    const button = await screen.findByTestId(TestId.openPracticeButton);
    expect(button).toHaveAccessibleDescription(/nothing leaves this computer/);
    await user.click(button);

    expect(await screen.findByRole('heading', { level: 1, name: 'Integrations for Practice tenant' })).toBeInTheDocument();
    expect(backend.argsOf('open_practice_tenant')).toEqual([{}]);
    const banner = screen.getByTestId(TestId.practiceBanner);
    expect(banner).toHaveAttribute('role', 'status');
    expect(banner).toHaveTextContent('Practice — nothing leaves this computer');

    await user.click(screen.getByTestId(TestId.connectionsButton));
    expect(await screen.findByTestId(TestId.practiceSettings)).toBeInTheDocument();
    expect(screen.getByTestId(TestId.practiceBanner)).toBeInTheDocument();

    await user.click(screen.getByTestId(TestId.homeButton));
    await screen.findByTestId(TestId.homeView);
    expect(screen.queryByTestId(TestId.practiceBanner)).not.toBeInTheDocument();
  });

  it('shows the practice banner in French and Japanese when the practice profile is resumed', async () => {
    await renderApp({
      get_settings: () => ({ locale: 'ja' }),
      get_resume: () => ({ profileId: 9, flowId: FLOW_ID }),
      list_profiles: () => [...profiles(), practiceProfile()],
    });
    expect(await screen.findByTestId(TestId.practiceBanner)).toHaveTextContent('練習用 — 何もこのコンピューターの外に送信されません');
    await userEvent.setup().selectOptions(screen.getByTestId(TestId.languageSelect), 'fr');
    expect(screen.getByTestId(TestId.practiceBanner)).toHaveTextContent('Entraînement — rien ne quitte cet ordinateur');
  });
});

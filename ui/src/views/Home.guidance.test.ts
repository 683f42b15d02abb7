// Purpose: Home as a first run and as a way back in: an empty Home explains profiles, offers the practice tenant
// and shows the overview picture (named for screen readers, in the user's language); a profile with work left
// has one primary action, "Continue: <flow> — <step>", and a flow marked not needed shows no meter.
import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import Home from './Home.svelte';
import { fakeBackend } from '../test/backend';
import { practiceProfile, profiles } from '../test/fixtures';
import { TestId, TestIds } from '../lib/testIds';
import { applyLocale } from '../lib/i18n';

describe('Home guidance', () => {
  it('explains profiles on an empty Home, offers the practice tenant and shows how the vendors connect', async () => {
    const backend = fakeBackend({ list_profiles: () => [], open_practice_tenant: () => practiceProfile() });
    const onopen = vi.fn();
    render(Home, { onopen });
    const welcome = await screen.findByTestId(TestId.homeWelcome);
    expect(welcome).toHaveTextContent('A profile is one customer');
    const picture = within(welcome).getByRole('img', {
      name: 'How Zoom, CXone, Salesforce and Genesys Cloud connect, per integration',
    });
    expect(picture).toHaveAccessibleDescription(/Zoom sends users and presence to CXone/);
    expect(within(picture).getByText('Genesys Cloud')).toBeInTheDocument();

    await userEvent.click(within(welcome).getByRole('button', { name: 'Try the practice tenant' }));
    expect(backend.argsOf('open_practice_tenant')).toHaveLength(1);
    expect(onopen).toHaveBeenCalledWith(expect.objectContaining({ practice: true }));
  });

  it('draws the overview with Japanese labels in Japanese', async () => {
    fakeBackend({ list_profiles: () => [], get_settings: () => ({ locale: 'ja' }) });
    applyLocale('ja');
    try {
      render(Home, { onopen: vi.fn() });
      const picture = await screen.findByRole('img', { name: '連携ごとの Zoom、CXone、Salesforce、Genesys Cloud のつながり' });
      expect(within(picture).getByText('双方向のプレゼンス')).toBeInTheDocument();
    } finally {
      applyLocale('en');
    }
  });

  it('continues a profile on the step to go on with, as its one primary action', async () => {
    fakeBackend({
      list_profiles: () => profiles(),
      next_actions: () => [
        { profileId: 1, flowId: 'zoom-presence', flowTitle: 'CXone Presence Sync for Zoom', stepId: 'map-account', stepTitle: 'Map the Zoom account in CXone' },
      ],
    });
    const oncontinue = vi.fn();
    render(Home, { onopen: vi.fn(), oncontinue });
    const button = await screen.findByTestId(TestIds.profileContinue(1));
    expect(button).toHaveTextContent('Continue: CXone Presence Sync for Zoom — Map the Zoom account in CXone');
    const row = screen.getByTestId(TestIds.profileRow(1));
    expect(row.querySelectorAll('button.primary')).toHaveLength(1);
    expect(screen.queryByTestId(TestIds.profileContinue(2))).not.toBeInTheDocument();

    await userEvent.click(button);
    expect(oncontinue).toHaveBeenCalledWith(expect.objectContaining({ id: 1 }), 'zoom-presence', 'map-account');
  });

  it('shows a flow marked not needed as such, without a meter', async () => {
    const list = profiles();
    list[0].progress[1] = { ...list[0].progress[1], notNeeded: true };
    fakeBackend({ list_profiles: () => list });
    render(Home, { onopen: vi.fn() });
    const tag = await screen.findByTestId(TestIds.profileFlowMeter(1, 'sf-presence'));
    expect(tag).toHaveTextContent('Not needed');
    expect(within(screen.getByTestId(TestIds.profileRow(1))).getAllByRole('meter')).toHaveLength(1);
  });
});

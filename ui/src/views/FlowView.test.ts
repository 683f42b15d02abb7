// Purpose: flow view behaviour: instructions, links, copy (secret copies through the core), autosaved fields
// with translated validation, secrets never shown, Mark as done (refused → field focused), pending steps, focus.
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import FlowView from './FlowView.svelte';
import { fakeBackend, type Handler } from '../test/backend';
import { FLOW_ID, flowView, ipcError, validationError, withField, withStatus } from '../test/fixtures';
import { TestId, TestIds } from '../lib/testIds';
import { applyLocale } from '../lib/i18n';

const profile = { id: 1, name: 'Acme Corp' };

async function renderFlow(handlers: Record<string, Handler> = {}) {
  const backend = fakeBackend({ open_flow: () => flowView(), ...handlers });
  const onback = vi.fn();
  const user = userEvent.setup();
  render(FlowView, { profile, flowId: FLOW_ID, onback });
  await screen.findByTestId(TestId.stepHeading);
  return { backend, onback, user };
}

describe('FlowView', () => {
  it('opens the flow on its current step, with the step list as navigation', async () => {
    const { backend } = await renderFlow();
    expect(backend.argsOf('open_flow')).toEqual([{ profileId: 1, flowId: FLOW_ID, locale: 'en' }]);
    expect(screen.getByTestId(TestId.stepHeading)).toHaveTextContent('Create the Zoom app');

    const nav = screen.getByRole('navigation', { name: 'Steps' });
    const items = within(nav).getAllByRole('button');
    expect(items).toHaveLength(3);
    expect(screen.getByTestId(TestIds.stepItem('create-app'))).toHaveAttribute('aria-current', 'step');
    expect(screen.getByTestId(TestIds.stepItem('map-account'))).not.toHaveAttribute('aria-current');
    expect(screen.getByTestId(TestIds.stepItem('create-app'))).toHaveTextContent('In progress');
    expect(screen.getByTestId(TestIds.stepItem('map-account'))).toHaveTextContent('Not started');
    expect(screen.getByTestId(TestId.stepKind)).toHaveTextContent('Manual step');
    expect(screen.getByTestId(TestId.stepStatus)).toHaveTextContent('In progress');
  });

  it('renders the instructions as a numbered list and warnings as notes', async () => {
    await renderFlow();
    const list = screen.getByTestId(TestId.stepInstructions);
    expect(list.tagName).toBe('OL');
    const items = within(list).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      'Sign in to the Zoom App Marketplace as an admin.',
      'Choose Develop, then Build App, then Server-to-Server OAuth App.',
      'Copy the Account ID, Client ID and Client secret below.',
    ]);
    expect(screen.getByRole('note')).toHaveTextContent('Use a Zoom admin account');
  });

  it('opens deep links through open_link, and disables those still missing fields', async () => {
    const { backend, user } = await renderFlow();
    await user.click(screen.getByTestId(TestIds.link(0)));
    expect(backend.argsOf('open_link')).toEqual([{ url: 'https://marketplace.zoom.us/develop/create' }]);

    const missing = screen.getByTestId(TestIds.link(1));
    expect(missing).toBeDisabled();
    expect(missing).toHaveAccessibleDescription('Fill in: Account ID');
  });

  it('shows a translated message when a link is refused', async () => {
    const { user } = await renderFlow({
      open_link: () => {
        throw ipcError('invalid_link', 'host not on the allow-list');
      },
    });
    await user.click(screen.getByTestId(TestIds.link(0)));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This link was blocked');
    expect(within(alert).getByText('host not on the allow-list')).toBeInTheDocument();
  });

  it('copies a value with copy_text and announces "Copied" politely', async () => {
    const { backend, user } = await renderFlow();
    expect(screen.getByTestId(TestIds.copyValue('app-name'))).toHaveTextContent('CXone Presence Sync');
    expect(screen.getByText('Paste into: Zoom > App name')).toBeInTheDocument();

    await user.click(screen.getByTestId(TestIds.copyButton('app-name')));
    expect(backend.argsOf('copy_text')).toEqual([{ text: 'CXone Presence Sync' }]);
    const region = screen.getByTestId(TestIds.copyAnnouncement('app-name'));
    expect(region).toHaveAttribute('aria-live', 'polite');
    await waitFor(() => expect(region).toHaveTextContent('Copied'));
  });

  it('shows what a copy value waits for, and multiline values in a <pre>', async () => {
    await renderFlow();
    expect(screen.queryByTestId(TestIds.copyButton('endpoint'))).not.toBeInTheDocument();
    expect(screen.getByTestId(TestIds.copyField('endpoint'))).toHaveTextContent('Fill in: Account ID');
    expect(screen.getByTestId(TestIds.copyField('endpoint'))).toHaveTextContent(
      'Paste into: Zoom > Event notification endpoint URL',
    );
    const events = screen.getByTestId(TestIds.copyValue('events'));
    expect(events.tagName).toBe('PRE');
    expect(events.textContent).toBe('user.updated\nuser.settings_updated');
  });

  it('shows a copy built from a saved secret masked, and copies it with copy_secret', async () => {
    const { backend, user } = await renderFlow();
    await user.click(screen.getByTestId(TestIds.stepItem('map-account')));
    const value = await screen.findByTestId(TestIds.copyValue('cxone-client-secret'));
    expect(value).toHaveTextContent('•••••••• Hidden value from the keychain');
    expect(value).toHaveAttribute('data-secret', 'true');
    expect(screen.getByTestId(TestIds.copyField('cxone-client-secret'))).not.toHaveTextContent('Fill in');

    const button = screen.getByTestId(TestIds.copyButton('cxone-client-secret'));
    expect(button).toHaveAccessibleName('Copy Client secret');
    expect(button).toHaveAccessibleDescription(
      'Hidden value from the keychain Paste into: CXone > Zoom account > Client secret',
    );
    await user.click(button);

    expect(backend.argsOf('copy_secret')).toEqual([{ profileId: 1, flowId: FLOW_ID, copyId: 'cxone-client-secret' }]);
    expect(backend.argsOf('copy_text')).toEqual([]);
    const region = screen.getByTestId(TestIds.copyAnnouncement('cxone-client-secret'));
    expect(region).toHaveAttribute('aria-live', 'polite');
    await waitFor(() => expect(region).toHaveTextContent('Copied'));
  });

  it('translates the masked secret copy', async () => {
    applyLocale('fr');
    const { user } = await renderFlow();
    await user.click(screen.getByTestId(TestIds.stepItem('map-account')));
    expect(await screen.findByTestId(TestIds.copyValue('cxone-client-secret'))).toHaveTextContent(
      'Valeur masquée depuis le trousseau',
    );
    expect(screen.getByTestId(TestIds.copyButton('cxone-client-secret'))).toHaveTextContent('Copier');
  });

  it('shows what a secret copy still waits for, without a Copy button', async () => {
    const { backend, user } = await renderFlow();
    await user.click(screen.getByTestId(TestIds.stepItem('map-account')));
    const copy = await screen.findByTestId(TestIds.copyField('cxone-credentials'));
    expect(copy).toHaveTextContent('Fill in: Client ID');
    expect(copy).not.toHaveTextContent('keychain');
    expect(screen.queryByTestId(TestIds.copyButton('cxone-credentials'))).not.toBeInTheDocument();
    expect(screen.queryByTestId(TestIds.copyValue('cxone-credentials'))).not.toBeInTheDocument();
    expect(backend.argsOf('copy_secret')).toEqual([]);
  });

  it('shows the keychain fix, not "Copied", when a secret copy fails', async () => {
    const { backend, user } = await renderFlow({
      copy_secret: () => {
        throw ipcError('keychain_unavailable', 'no Secret Service provider');
      },
    });
    await user.click(screen.getByTestId(TestIds.stepItem('map-account')));
    await user.click(await screen.findByTestId(TestIds.copyButton('cxone-client-secret')));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The system keychain is not available');
    expect(screen.getByTestId(TestIds.copyAnnouncement('cxone-client-secret'))).toHaveTextContent('');
    expect(backend.argsOf('copy_text')).toEqual([]);
  });

  it('saves a field on blur and shows the returned validation error, translated', async () => {
    const { backend, user } = await renderFlow({
      set_field: (args) =>
        withField(flowView(), 'create-app', 'account_id', {
          value: String(args.value),
          error: { code: 'zoom_account_id', params: {} },
        }),
    });
    const input = screen.getByTestId(TestIds.field('account_id'));
    expect(input).toHaveAccessibleName('Account ID (required)');
    await user.type(input, 'not-an-id');
    await user.tab();

    expect(backend.argsOf('set_field')).toEqual([
      { profileId: 1, flowId: FLOW_ID, stepId: 'create-app', fieldId: 'account_id', value: 'not-an-id', locale: 'en' },
    ]);
    const error = await screen.findByTestId(TestIds.fieldError('account_id'));
    expect(error).toHaveTextContent('This does not look like a Zoom account ID.');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input.getAttribute('aria-describedby')).toContain(error.id);
    expect(input).toHaveValue('not-an-id');
  });

  it('does not save a field whose value did not change', async () => {
    const { backend, user } = await renderFlow();
    await user.click(screen.getByTestId(TestIds.field('account_id')));
    await user.tab();
    expect(backend.argsOf('set_field')).toEqual([]);
  });

  it('clears a saved text field by sending ""', async () => {
    const { backend, user } = await renderFlow({
      open_flow: () => withField(flowView(), 'create-app', 'account_id', { value: 'AbC123' }),
      set_field: (args) => withField(flowView(), 'create-app', 'account_id', { value: String(args.value) || null }),
    });
    const input = screen.getByTestId(TestIds.field('account_id'));
    expect(input).toHaveValue('AbC123');
    await user.clear(input);
    await user.tab();
    expect(backend.argsOf('set_field')).toEqual([
      { profileId: 1, flowId: FLOW_ID, stepId: 'create-app', fieldId: 'account_id', value: '', locale: 'en' },
    ]);
    await waitFor(() => expect(input).toHaveValue(''));
  });

  it('clears a multiline field and a choice by sending ""', async () => {
    const saved = () => {
      const view = withField(flowView(), 'create-app', 'emails', { value: 'a@example.com' });
      return withField(view, 'create-app', 'purpose', { value: 'presence' });
    };
    const { backend, user } = await renderFlow({ open_flow: saved, set_field: () => saved() });
    await user.clear(screen.getByTestId(TestIds.field('emails')));
    await user.tab();
    await user.selectOptions(screen.getByTestId(TestIds.field('purpose')), '');
    await waitFor(() => expect(backend.argsOf('set_field')).toHaveLength(2));
    expect(backend.argsOf('set_field').map((a) => [a.fieldId, a.value])).toEqual([
      ['emails', ''],
      ['purpose', ''],
    ]);
  });

  it('saves a choice as soon as it changes', async () => {
    const { backend, user } = await renderFlow({
      set_field: (args) => withField(flowView(), 'create-app', 'purpose', { value: String(args.value) }),
    });
    await user.selectOptions(screen.getByTestId(TestIds.field('purpose')), 'directory');
    await waitFor(() => expect(backend.argsOf('set_field')).toHaveLength(1));
    expect(backend.argsOf('set_field')[0]).toMatchObject({ fieldId: 'purpose', value: 'directory' });
  });

  it('commits a text field on Enter, never during an IME composition', async () => {
    const { backend } = await renderFlow({
      set_field: (args) => withField(flowView(), 'create-app', 'account_id', { value: String(args.value) }),
    });
    const input = screen.getByTestId(TestIds.field('account_id'));
    await fireEvent.focus(input);
    await fireEvent.input(input, { target: { value: 'アカウント' } });
    await fireEvent.compositionStart(input);
    await fireEvent.keyDown(input, { key: 'Enter', keyCode: 229, isComposing: true });
    await fireEvent.compositionEnd(input);
    await fireEvent.keyDown(input, { key: 'Enter', keyCode: 13 });
    expect(backend.argsOf('set_field')).toEqual([]);

    await new Promise((resolve) => setTimeout(resolve, 5));
    await fireEvent.keyDown(input, { key: 'Enter', keyCode: 13 });
    await waitFor(() => expect(backend.argsOf('set_field')).toHaveLength(1));
    expect(backend.argsOf('set_field')[0]).toMatchObject({ value: 'アカウント' });
  });

  it('takes the saved (normalised) value after Enter, and does not send it again on blur', async () => {
    const { backend, user } = await renderFlow({
      set_field: (args) => withField(flowView(), 'create-app', 'account_id', { value: String(args.value).trim() }),
    });
    const input = screen.getByTestId(TestIds.field('account_id'));
    await user.type(input, '  AbC123  {Enter}');
    await waitFor(() => expect(input).toHaveValue('AbC123'));
    expect(input).toHaveFocus();
    await user.tab();
    expect(backend.argsOf('set_field').map((a) => a.value)).toEqual(['  AbC123  ']);
  });

  it('sends a secret with set_secret, then shows it as saved without ever rendering it', async () => {
    const secret = 's3cr3t-Value-42';
    const { backend, user } = await renderFlow({
      set_secret: () => withField(flowView(), 'create-app', 'client_secret', { secretSet: true }),
    });
    const input = screen.getByTestId(TestIds.secret('client_secret'));
    expect(input).toHaveAttribute('type', 'password');
    expect(screen.getByTestId(TestIds.secretState('client_secret'))).toHaveTextContent('Not saved yet');

    await user.type(input, `${secret}{Enter}`);

    await waitFor(() =>
      expect(screen.getByTestId(TestIds.secretState('client_secret'))).toHaveTextContent('Saved in the keychain'),
    );
    expect(backend.argsOf('set_secret')).toEqual([
      { profileId: 1, flowId: FLOW_ID, stepId: 'create-app', fieldId: 'client_secret', value: secret, locale: 'en' },
    ]);
    expect(screen.queryByTestId(TestIds.secret('client_secret'))).not.toBeInTheDocument();
    expect(screen.getByTestId(TestIds.secretReplace('client_secret'))).toBeInTheDocument();
    expect(document.body.innerHTML).not.toContain(secret);
    for (const el of document.querySelectorAll('input, textarea')) {
      expect((el as HTMLInputElement).value).not.toContain(secret);
    }
  });

  it('replaces and clears a saved secret', async () => {
    const saved = () => withField(flowView(), 'create-app', 'client_secret', { secretSet: true });
    const { backend, user } = await renderFlow({
      open_flow: saved,
      clear_secret: () => flowView(),
    });
    await user.click(screen.getByTestId(TestIds.secretReplace('client_secret')));
    const input = screen.getByTestId(TestIds.secret('client_secret'));
    expect(input).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Keep the saved value' }));
    expect(backend.argsOf('set_secret')).toEqual([]);

    await user.click(screen.getByTestId(TestIds.secretClear('client_secret')));
    expect(screen.getByTestId(TestId.clearSecretDialog)).toHaveAttribute('open');
    await user.click(screen.getByTestId(TestId.clearSecretConfirmButton));
    await waitFor(() =>
      expect(backend.argsOf('clear_secret')).toEqual([
        { profileId: 1, flowId: FLOW_ID, stepId: 'create-app', fieldId: 'client_secret', locale: 'en' },
      ]),
    );
    expect(await screen.findByTestId(TestIds.secret('client_secret'))).toBeInTheDocument();
  });

  it('shows the keychain fix when a secret cannot be saved', async () => {
    const { user } = await renderFlow({
      set_secret: () => {
        throw ipcError('keychain_unavailable', 'no Secret Service provider');
      },
    });
    await user.type(screen.getByTestId(TestIds.secret('client_secret')), 'abc{Enter}');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The system keychain is not available');
    expect(alert).toHaveTextContent('GNOME Keyring or KWallet');
  });

  it('marks a step done, announces it and moves to the next step', async () => {
    const { backend, user } = await renderFlow({
      set_step_status: (args) => withStatus(flowView(), String(args.stepId), 'done'),
    });
    await user.click(screen.getByTestId(TestId.markDoneButton));
    expect(backend.argsOf('set_step_status')).toEqual([
      { profileId: 1, flowId: FLOW_ID, stepId: 'create-app', status: 'done', locale: 'en' },
    ]);
    await waitFor(() => expect(screen.getByTestId(TestId.stepHeading)).toHaveTextContent('Validate the endpoint URL'));
    expect(screen.getByTestId(TestIds.stepItem('create-app'))).toHaveTextContent('Done');
    expect(screen.getByText('Status changed to: Done')).toBeInTheDocument();
  });

  it('focuses the field named by a refused "Mark as done"', async () => {
    const { user } = await renderFlow({
      set_step_status: () => {
        throw ipcError('validation', 'account_id: required', 'account_id');
      },
    });
    await user.click(screen.getByTestId(TestId.markDoneButton));
    const input = screen.getByTestId(TestIds.field('account_id'));
    await waitFor(() => expect(input).toHaveFocus());
    expect(screen.getByTestId(TestIds.fieldError('account_id'))).toHaveTextContent('This field is required.');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByTestId(TestId.stepHeading)).toHaveTextContent('Create the Zoom app');
  });

  it('shows the rule a refused secret broke at the field, translated', async () => {
    const { backend, user } = await renderFlow({
      set_secret: () => {
        throw validationError('client_secret', 'secret_whitespace');
      },
    });
    const input = screen.getByTestId(TestIds.secret('client_secret'));
    await user.type(input, ' padded {Enter}');
    const error = await screen.findByTestId(TestIds.fieldError('client_secret'));
    expect(error).toHaveTextContent('The value starts or ends with a space or a line break.');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    await waitFor(() => expect(input).toHaveFocus());
    expect(screen.getByTestId(TestIds.secretState('client_secret'))).toHaveTextContent('Not saved yet');
    expect(backend.argsOf('set_secret')).toHaveLength(1);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('falls back to a generic message for a refused secret without detail', async () => {
    const { user } = await renderFlow({
      set_secret: () => {
        throw ipcError('validation', 'client_secret is invalid', 'client_secret');
      },
    });
    await user.type(screen.getByTestId(TestIds.secret('client_secret')), 'x{Enter}');
    expect(await screen.findByTestId(TestIds.fieldError('client_secret'))).toHaveTextContent(
      'This value is not valid. Check it and try again.',
    );
  });

  it('shows the rule a refused "Mark as done" names, with its params, in the current language', async () => {
    applyLocale('ja');
    const { user } = await renderFlow({
      set_step_status: () => {
        throw validationError('emails', 'email_list', { item: 'x' });
      },
    });
    await user.click(screen.getByTestId(TestId.markDoneButton));
    const textarea = screen.getByTestId(TestIds.field('emails'));
    await waitFor(() => expect(textarea).toHaveFocus());
    expect(screen.getByTestId(TestIds.fieldError('emails'))).toHaveTextContent('「x」は正しいメールアドレスではありません。');
    expect(textarea).toHaveAttribute('aria-invalid', 'true');
  });

  it('uses the detail of a refused "Mark as done" over the empty-field guess', async () => {
    const { user } = await renderFlow({
      open_flow: () => withField(flowView(), 'create-app', 'account_id', { value: 'AbC123' }),
      set_step_status: () => {
        throw validationError('account_id', 'required');
      },
    });
    await user.click(screen.getByTestId(TestId.markDoneButton));
    expect(await screen.findByTestId(TestIds.fieldError('account_id'))).toHaveTextContent('This field is required.');
  });

  it('saves a pending blur before the status change that follows it', async () => {
    const { backend, user } = await renderFlow({
      set_field: async (args) => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        return withField(flowView(), 'create-app', 'account_id', { value: String(args.value) });
      },
      set_step_status: () => withStatus(flowView(), 'create-app', 'needs_attention'),
    });
    await user.type(screen.getByTestId(TestIds.field('account_id')), 'abc');
    await user.click(screen.getByTestId(TestId.needsAttentionButton));
    await waitFor(() => expect(backend.argsOf('set_step_status')).toHaveLength(1));
    expect(backend.calls.map((c) => c.cmd).filter((c) => c.startsWith('set_'))).toEqual(['set_field', 'set_step_status']);
    expect(await screen.findByTestId(TestId.clearAttentionButton)).toBeInTheDocument();
  });

  it('shows what a pending step waits for, and lets the user go there', async () => {
    const { user } = await renderFlow();
    const item = screen.getByTestId(TestIds.stepItem('validate-endpoint'));
    expect(item).toHaveTextContent('Waiting for: Map the Zoom account in CXone');

    await user.click(item);
    expect(screen.getByTestId(TestId.stepPending)).toHaveTextContent(
      'This step can be finished only after: Map the Zoom account in CXone.',
    );
    expect(screen.getByTestId(TestId.markDoneButton)).toHaveAttribute('aria-disabled', 'true');

    await user.click(screen.getByRole('button', { name: 'Go to “Map the Zoom account in CXone”' }));
    await waitFor(() => expect(screen.getByTestId(TestId.stepHeading)).toHaveTextContent('Map the Zoom account in CXone'));
  });

  it('moves focus to the step heading when the step changes', async () => {
    const { user } = await renderFlow();
    await user.click(screen.getByTestId(TestIds.stepItem('map-account')));
    const heading = screen.getByTestId(TestId.stepHeading);
    await waitFor(() => expect(heading).toHaveFocus());
    expect(heading).toHaveTextContent('Map the Zoom account in CXone');
    expect(heading).toHaveAttribute('tabindex', '-1');
    expect(screen.getByTestId(TestIds.stepItem('map-account'))).toHaveAttribute('aria-current', 'step');

    await user.click(screen.getByTestId(TestId.previousStepButton));
    await waitFor(() => expect(screen.getByTestId(TestId.stepHeading)).toHaveTextContent('Validate the endpoint URL'));
    await waitFor(() => expect(screen.getByTestId(TestId.stepHeading)).toHaveFocus());
    expect(screen.getByTestId(TestId.nextStepButton)).toBeEnabled();
  });

  it('reopens a done step', async () => {
    const { backend, user } = await renderFlow({
      open_flow: () => withStatus(flowView(), 'create-app', 'done'),
      set_step_status: () => flowView(),
    });
    await user.click(screen.getByTestId(TestId.reopenButton));
    expect(backend.argsOf('set_step_status')[0]).toMatchObject({ stepId: 'create-app', status: 'in_progress' });
  });

  it('goes back to the profile', async () => {
    const { onback, user } = await renderFlow();
    await user.click(screen.getByTestId(TestId.backToProfileButton));
    expect(onback).toHaveBeenCalled();
  });

  it("keeps the step shown when its live part's result unblocks another step, so the result is read where it was asked for", async () => {
    const live = () => {
      const view = flowView();
      view.steps[0] = { ...view.steps[0], kind: 'automated', live: 'zcc-call-center', status: 'not_started' };
      return view;
    };
    let deployed = false;
    const { user } = await renderFlow({
      open_flow: () => {
        const view = live();
        if (deployed) {
          view.steps[0] = { ...view.steps[0], status: 'done' };
          view.steps[1] = { ...view.steps[1], pending: [] };
        }
        return view;
      },
      zcc_choices: () => ({ sso: false, ssoHost: null, agentEmails: [] }),
      zcc_deploy_call_center: () => {
        deployed = true;
        return {
          changed: true,
          deployId: '0Af1',
          callCenter: { id: '04v1', name: 'Zoom Contact Center', internalName: 'zoomcontactcenter', adapterUrl: '', createdDate: null },
        };
      },
    });
    await user.click(await screen.findByTestId(TestIds.zccCallCenterDeploy('standard')));
    await waitFor(() => expect(screen.getByTestId(TestIds.stepItem('create-app'))).toHaveTextContent('Done'));
    expect(screen.getByTestId(TestIds.zccCallCenterResult('standard'))).toHaveAttribute('data-state', 'deployed');
    expect(screen.getByTestId(TestIds.stepItem('create-app'))).toHaveAttribute('aria-current', 'step');
  });
});

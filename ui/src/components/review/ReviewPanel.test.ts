// Purpose: the review screen: every section rendered from the core's review (connections with their last Test, flows
// with open steps and why, objects with their ids, reminders with dates in the user's language and the soon one
// highlighted), an open step's link, and an error said in words.
import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import ReviewPanel from './ReviewPanel.svelte';
import { fakeBackend } from '../../test/backend';
import { review } from '../../test/fixtures';
import { TestId, TestIds } from '../../lib/testIds';

describe('ReviewPanel', () => {
  it('renders every section from the review', async () => {
    const backend = fakeBackend({ review: () => review() });
    render(ReviewPanel, { profileId: 1 });

    const zoom = await screen.findByTestId(TestIds.reviewConnection('zoom'));
    expect(zoom).toHaveTextContent('Zoom');
    expect(zoom).toHaveTextContent('Failed');
    expect(zoom).toHaveTextContent('zoom.missing_scopes');
    expect(screen.getByTestId(TestIds.reviewConnection('cxone'))).toHaveTextContent('Passed');

    const flow = screen.getByTestId(TestIds.reviewFlow('zoom-directory-sync'));
    expect(flow).toHaveTextContent('3 steps done out of 5');
    expect(screen.getByTestId(TestIds.reviewOpenStep('zoom-directory-sync', 'cxone-directory-sync'))).toHaveTextContent(
      'Waiting for: Create the address book',
    );
    expect(screen.getByTestId(TestIds.reviewFlow('review-report'))).toHaveTextContent('Every step is done.');

    const book = screen.getByTestId(TestIds.reviewObject('address-book'));
    expect(book).toHaveTextContent('Ventes Paris — 12 entries, assigned to 2 teams or agents');
    expect(book).toHaveTextContent('4711');
    expect(screen.getByTestId(TestIds.reviewObject('integration'))).toHaveTextContent(
      'a1b2c3d4-0000-4000-8000-000000000001',
    );

    const certificate = screen.getByTestId(TestIds.reviewReminder('certificate_expiry'));
    expect(certificate).toHaveTextContent('Expires on January 10, 2027');
    expect(certificate).toHaveAttribute('data-soon', 'true');
    expect(certificate).toHaveTextContent('Soon');
    const token = screen.getByTestId(TestIds.reviewReminder('security_token'));
    expect(token).toHaveAttribute('data-soon', 'false');
    expect(token).toHaveTextContent('Saved on December 1, 2026');

    expect(backend.argsOf('review')).toEqual([{ profileId: 1, locale: 'en' }]);
  });

  it('folds the steps of a flow nobody began', async () => {
    const data = review();
    data.flows.push({
      id: 'zoom-contact-center-salesforce',
      title: 'Zoom Contact Center for Salesforce',
      status: 'not_started',
      done: 0,
      total: 2,
      notNeeded: false,
      open: [
        { stepId: 'zcc-sf-prerequisites', title: 'Check the prerequisites', status: 'not_started', why: [] },
        { stepId: 'sf-install-package', title: 'Install the package', status: 'not_started', why: [] },
      ],
    });
    fakeBackend({ review: () => data });
    const user = userEvent.setup();
    render(ReviewPanel, { profileId: 1 });
    const flow = await screen.findByTestId(TestIds.reviewFlow('zoom-contact-center-salesforce'));
    const step = within(flow).getByTestId(TestIds.reviewOpenStep('zoom-contact-center-salesforce', 'sf-install-package'));
    expect(step).not.toBeVisible();
    await user.click(within(flow).getByText('Show its 2 steps'));
    expect(step).toBeVisible();
  });

  it('says a flow marked not needed is left out, without listing its steps', async () => {
    const data = review();
    data.flows[0] = { ...data.flows[0], notNeeded: true };
    fakeBackend({ review: () => data });
    render(ReviewPanel, { profileId: 1 });
    const flow = await screen.findByTestId(TestIds.reviewFlow('zoom-directory-sync'));
    expect(within(flow).getByTestId(TestIds.reviewFlowNotNeeded('zoom-directory-sync'))).toHaveTextContent(
      'Marked as not needed for this customer',
    );
    expect(flow).not.toHaveTextContent('3 steps done out of 5');
    expect(screen.queryByTestId(TestIds.reviewOpenStep('zoom-directory-sync', 'cxone-directory-sync'))).toBeNull();
  });

  it('opens an open step through its link', async () => {
    fakeBackend({ review: () => review() });
    const onopenstep = vi.fn();
    const user = userEvent.setup();
    render(ReviewPanel, { profileId: 1, onopenstep });
    const step = await screen.findByTestId(TestIds.reviewOpenStep('zoom-directory-sync', 'cxone-directory-sync'));
    await user.click(within(step).getByRole('button', { name: 'Open the step Set up Directory Sync' }));
    expect(onopenstep).toHaveBeenCalledWith('zoom-directory-sync', 'cxone-directory-sync');
  });

  it('says when there is nothing yet, and refreshes on demand', async () => {
    const empty = { ...review(), connections: [], objects: [], reminders: [] };
    const backend = fakeBackend({ review: () => empty });
    const user = userEvent.setup();
    render(ReviewPanel, { profileId: 1 });
    expect(await screen.findByText('This profile has no connection yet.')).toBeInTheDocument();
    expect(screen.getByText('Nothing created or verified through the APIs yet.')).toBeInTheDocument();
    expect(screen.getByText('No secret or certificate recorded.')).toBeInTheDocument();
    await user.click(screen.getByTestId(TestId.reviewRefresh));
    expect(await screen.findByText('The review is up to date.')).toBeInTheDocument();
    expect(backend.argsOf('review')).toHaveLength(2);
  });

  it('shows a failure in words by its code', async () => {
    fakeBackend({
      review: () => {
        throw { code: 'not_found', message: 'profile 1 not found' };
      },
    });
    render(ReviewPanel, { profileId: 1 });
    const notice = await screen.findByTestId(TestId.errorNotice);
    expect(notice).toHaveAttribute('data-error-code', 'not_found');
    expect(notice).toHaveTextContent('This item no longer exists.');
  });
});

// Purpose: the status map editor: the lists read live on request, drop-downs limited to them (Zoom's defaults named
// in the UI language), every change saved, findings translated with a button to their row, the checklist in the
// order of Salesforce's Zoom settings, and a missing connection named.
import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import StatusMapEditor from './StatusMapEditor.svelte';
import { fakeBackend, type Args, type Handler } from '../../test/backend';
import { ipcError } from '../../test/fixtures';
import type { ZccStatusMap, ZccStatusMapView } from '../../lib/api';
import { TestId, TestIds } from '../../lib/testIds';
import { applyLocale } from '../../lib/i18n';

const FLOW = 'zoom-contact-center-salesforce';

function mapView(change: Partial<ZccStatusMapView> = {}): ZccStatusMapView {
  return {
    map: { rows: [{ zoom: 'Occupied', salesforce: 'On_Call' }] },
    lists: {
      zoom: [
        { id: '1', name: 'Offline', custom: false },
        { id: '4', name: 'Occupied', custom: false },
        { id: '5', name: 'Lunch', custom: true },
      ],
      salesforce: [
        { developerName: 'On_Call', label: 'On Call', kind: 'unknown' },
        { developerName: 'Hiru_yasumi', label: '昼休み', kind: 'unknown' },
      ],
      omniChannel: true,
    },
    listsAt: '2026-12-03T10:00:00Z',
    findings: [
      { code: 'status_map.zoom_unmapped', severity: 'warning', row: null, params: { status: 'Offline' } },
      { code: 'status_map.zoom_unmapped', severity: 'warning', row: null, params: { status: 'Lunch' } },
    ],
    checklist: [{ zoom: 'Occupied', salesforceLabel: 'On Call' }],
    ...change,
  };
}

async function renderEditor(handlers: Record<string, Handler> = {}) {
  const backend = fakeBackend({
    zcc_status_map: () => mapView(),
    save_zcc_status_map: (args: Args) => mapView({ map: args.map as ZccStatusMap }),
    ...handlers,
  });
  const user = userEvent.setup();
  const onconnections = vi.fn();
  render(StatusMapEditor, { profileId: 1, flowId: FLOW, onconnections });
  await screen.findByTestId(TestIds.statusMapRow(0));
  return { backend, user, onconnections };
}

describe('StatusMapEditor', () => {
  it("offers only the live statuses, Zoom's defaults named as Zoom shows them in Japanese", async () => {
    applyLocale('ja');
    await renderEditor();
    const zoom = screen.getByTestId(TestIds.statusMapZoom(0));
    const labels = within(zoom).getAllByRole('option').map((o) => o.textContent);
    expect(labels).toEqual(['Offline (オフライン)', 'Occupied (対応中)', 'Lunch']);
    expect(screen.getByTestId(TestIds.statusMapSalesforce(0))).toHaveValue('On_Call');
    expect(screen.getByTestId(TestIds.statusMapChecklistLine(0))).toHaveTextContent(
      '「Occupied (対応中)」について、[Salesforce のステータスを次にアップデート] で「On Call」を選択します。',
    );
  });

  it('saves a new row and a changed status at once', async () => {
    applyLocale('en');
    const { backend, user } = await renderEditor();
    await user.click(screen.getByTestId(TestId.statusMapAddRow));
    await waitFor(() => expect(backend.argsOf('save_zcc_status_map')).toHaveLength(1));
    expect((backend.argsOf('save_zcc_status_map')[0].map as ZccStatusMap).rows[1]).toEqual({ zoom: 'Offline', salesforce: '' });
    await user.selectOptions(screen.getByTestId(TestIds.statusMapSalesforce(1)), 'Hiru_yasumi');
    await waitFor(() => expect(backend.argsOf('save_zcc_status_map')).toHaveLength(2));
    expect((backend.argsOf('save_zcc_status_map')[1].map as ZccStatusMap).rows[1]).toEqual({
      zoom: 'Offline',
      salesforce: 'Hiru_yasumi',
    });
  });

  it('translates a finding in French and moves the focus to its row', async () => {
    applyLocale('fr');
    const { user } = await renderEditor({
      zcc_status_map: () =>
        mapView({
          map: { rows: [{ zoom: 'Occupied', salesforce: 'On_Call' }, { zoom: 'occupied', salesforce: 'Hiru_yasumi' }] },
          findings: [{ code: 'status_map.zoom_twice', severity: 'error', row: 1, params: { status: 'occupied', firstRow: 0 } }],
        }),
    });
    const finding = screen.getByTestId(TestIds.statusMapFinding(0));
    expect(finding).toHaveTextContent('« occupied » figure déjà à la ligne 1');
    expect(finding).toHaveTextContent('Erreur');
    await user.click(within(finding).getByRole('button', { name: 'Aller à la ligne 2' }));
    expect(screen.getByTestId(TestIds.statusMapZoom(1))).toHaveFocus();
  });

  it('reads both lists live on request and says when', async () => {
    applyLocale('en');
    const { backend, user } = await renderEditor({
      zcc_status_map: () => mapView({ lists: null, listsAt: null, findings: [], map: { rows: [{ zoom: 'Occupied', salesforce: '' }] } }),
      refresh_zcc_statuses: () => mapView(),
    });
    expect(screen.getByTestId(TestId.statusMapListsAt)).toHaveTextContent('The lists have not been read yet.');
    await user.click(screen.getByTestId(TestId.statusMapRead));
    await waitFor(() => expect(screen.getByTestId(TestId.statusMapListsAt)).toHaveTextContent('3 Zoom statuses, 2 Salesforce statuses'));
    expect(backend.argsOf('refresh_zcc_statuses')[0]).toMatchObject({ profileId: 1, flowId: FLOW });
  });

  it('names a missing Zoom connection with a way to the Connections page', async () => {
    applyLocale('en');
    const { user, onconnections } = await renderEditor({
      refresh_zcc_statuses: () => {
        throw ipcError('connection_missing', 'no zoom connection', 'zoom');
      },
    });
    await user.click(screen.getByTestId(TestId.statusMapRead));
    expect(await screen.findByTestId(TestId.connectionHint)).toHaveAttribute('data-vendor', 'zoom');
    await user.click(screen.getByTestId(TestId.openConnectionsButton));
    expect(onconnections).toHaveBeenCalled();
  });
});

// Purpose: the country codes field: codes named in the admin's language with the count, a code added by Enter (in any
// form; the core's canonical list is shown), a refusal shown at the input in French, and a removal saving the rest.
import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import CountryCodesField from './CountryCodesField.svelte';
import { fakeBackend, type Args } from '../../test/backend';
import { field, flowView, validationError } from '../../test/fixtures';
import type { CountryCodeEntry, FieldView } from '../../lib/api';
import { TestId, TestIds } from '../../lib/testIds';
import { applyLocale } from '../../lib/i18n';

const entry = (code: number, regions: string[]): CountryCodeEntry => ({
  text: `+${code}`,
  country: { code, regions },
  problem: null,
});

function codesField(change: Partial<FieldView> = {}): FieldView {
  return field({
    id: 'zcc-country-codes',
    label: 'Country codes',
    kind: 'country_codes',
    value: '+1, +33',
    countryCodes: [entry(1, ['US', 'CA', 'AG']), entry(33, ['FR'])],
    ...change,
  });
}

function renderField(f: FieldView, add: (args: Args) => unknown) {
  const backend = fakeBackend({ add_country_code: add });
  const onsave = vi.fn();
  const onflow = vi.fn();
  const oncopy = vi.fn(async () => true);
  render(CountryCodesField, { field: f, profileId: 1, flowId: 'zoom-contact-center-salesforce', stepId: 'sf-zoom-settings-country-codes', onsave, onflow, oncopy });
  return { backend, onsave, onflow, oncopy };
}

describe('CountryCodesField', () => {
  it('names each code by its regions in the UI language and counts them', () => {
    applyLocale('fr');
    renderField(codesField(), () => flowView());
    expect(screen.getByTestId(TestIds.countryCode(33))).toHaveTextContent('+33');
    expect(screen.getByTestId(TestIds.countryCode(33))).toHaveTextContent('France');
    expect(screen.getByTestId(TestIds.countryCode(1))).toHaveTextContent('États-Unis et 2 autres');
    expect(screen.getByTestId(TestId.countryCodeCount)).toHaveTextContent('2 indicatifs sur 20.');
  });

  it("says Salesforce's +1 is the list while nothing is saved", () => {
    applyLocale('en');
    renderField(codesField({ value: null, countryCodes: [entry(1, ['US'])] }), () => flowView());
    expect(screen.getByTestId(TestId.countryCodeCount)).toHaveTextContent('Salesforce starts with +1 only');
  });

  it('adds a code on Enter with what was typed and hands the flow on', async () => {
    applyLocale('ja');
    const view = flowView();
    const { backend, onflow } = renderField(codesField(), () => view);
    const user = userEvent.setup();
    await user.type(screen.getByTestId(TestId.countryCodeInput), '０081{Enter}');
    await waitFor(() => expect(onflow).toHaveBeenCalledWith(view));
    expect(backend.argsOf('add_country_code')[0]).toMatchObject({ fieldId: 'zcc-country-codes', entry: '０081', locale: 'ja' });
    expect(screen.getByTestId(TestId.countryCodeInput)).toHaveValue('');
  });

  it("shows the core's refusal at the input, in French, and keeps what was typed", async () => {
    applyLocale('fr');
    const { onflow } = renderField(codesField(), () => {
      throw validationError('zcc-country-codes', 'country_code_duplicate', { item: '+33' });
    });
    const user = userEvent.setup();
    await user.type(screen.getByTestId(TestId.countryCodeInput), '0033');
    await user.click(screen.getByTestId(TestId.countryCodeAdd));
    expect(await screen.findByTestId(TestId.countryCodeError)).toHaveTextContent('+33 est déjà dans la liste.');
    expect(screen.getByTestId(TestId.countryCodeInput)).toHaveValue('0033');
    expect(screen.getByTestId(TestId.countryCodeInput)).toHaveAttribute('aria-invalid', 'true');
    expect(onflow).not.toHaveBeenCalled();
  });

  it('copies a code as Salesforce takes it and says so', async () => {
    applyLocale('en');
    const { oncopy } = renderField(codesField(), () => flowView());
    await userEvent.setup().click(screen.getByRole('button', { name: 'Copy +33' }));
    expect(oncopy).toHaveBeenCalledWith(expect.objectContaining({ value: '+33' }));
    expect(await screen.findByText('+33 copied')).toBeInTheDocument();
  });

  it('removes a code by saving the others', async () => {
    applyLocale('en');
    const { onsave } = renderField(codesField(), () => flowView());
    await userEvent.setup().click(screen.getByRole('button', { name: 'Remove +1' }));
    expect(onsave).toHaveBeenCalledWith('+33');
  });

  it('flags a saved entry the core refuses, with its reason', () => {
    applyLocale('en');
    const refused: CountryCodeEntry = { text: '+999', country: null, problem: 'country_code_unknown' };
    renderField(codesField({ value: '+1, +999', countryCodes: [entry(1, ['US']), refused] }), () => flowView());
    expect(screen.getByText(/“\+999” is no country’s calling code/)).toBeInTheDocument();
  });
});

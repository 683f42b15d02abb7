// Purpose: the data-actions helpers on the core's tables (read from the generated contract): each credential type's
// fields with their rule, secrecy and requiredness, each kind's credential types, and the plan helpers.
import { describe, expect, it } from 'vitest';
import {
  CREDENTIAL_FIELDS,
  KINDS,
  KIND_CREDENTIAL_TYPES,
  credentialFields,
  locateProblem,
  newIntegration,
  outcomeActions,
  withCredentialType,
} from './data-actions';
import { itemOutcome, plannedIntegration } from '../test/fixtures';

describe("data-actions kinds and credential fields (the core's tables)", () => {
  it('offers the seven kinds in the core order, each with its credential types, the default first', () => {
    expect(KINDS).toEqual(['aws-lambda', 'genesys-cloud', 'google', 'dynamics', 'salesforce', 'web-services', 'zendesk']);
    expect(KIND_CREDENTIAL_TYPES['web-services']).toEqual(['basicAuth', 'userDefined', 'userDefinedOAuth']);
    expect(KIND_CREDENTIAL_TYPES.google[0]).toBe('googleCloudPlatform');
    for (const kind of KINDS) {
      for (const type of KIND_CREDENTIAL_TYPES[kind]) expect(CREDENTIAL_FIELDS, type).toHaveProperty(type);
    }
  });

  it('knows which fields are secret, optional and checked by which rule', () => {
    expect(credentialFields('salesforce')).toEqual([
      { name: 'username', rule: 'email', required: true, secret: false },
      { name: 'password', rule: 'secret', required: true, secret: true },
      { name: 'securityToken', rule: 'secret', required: true, secret: true },
      { name: 'loginUrl', rule: 'salesforce_host', required: true, secret: false },
    ]);
    expect(credentialFields('basicAuth').find((f) => f.name === 'password')).toMatchObject({ required: false, secret: true });
    expect(credentialFields('msDynamics').map((f) => f.name)).not.toContain('clientSecret');
    expect(credentialFields('userDefined')).toEqual([]);
    expect(credentialFields('unknown')).toEqual([]);
  });
});

describe('data-actions plan helpers', () => {
  it('names a new integration after its kind with the first free number', () => {
    expect(newIntegration('web-services', 'Web services', ['web services 1', 'Other']).name).toBe('Web services 2');
    expect(newIntegration('google', 'Google', []).credentialType).toBe('googleCloudPlatform');
  });

  it('drops the fields a new credential type does not take', () => {
    const item = plannedIntegration({ fields: { userName: 'svc' }, secrets: { password: { from: 'keychain' } } });
    expect(withCredentialType(item, 'userDefined')).toMatchObject({ credentialType: 'userDefined', fields: {}, secrets: {} });
  });

  it('locates an apply error by index or by name', () => {
    const items = [plannedIntegration(), plannedIntegration({ name: 'Orders' })];
    expect(locateProblem('integrations.1.ARN', items)).toEqual({ index: 1, field: 'ARN' });
    expect(locateProblem('Orders/password', items)).toEqual({ index: 1, field: 'password' });
    expect(locateProblem('integrations', items)).toBeNull();
    expect(locateProblem(undefined, items)).toBeNull();
  });

  it('lists what an apply did, in order', () => {
    expect(outcomeActions(itemOutcome({ created: false, credentialCreated: false }))).toEqual(['configured', 'enabled']);
  });
});

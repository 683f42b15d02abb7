// Purpose: keeps the UI's copy of the credential fields (data-actions.ts) in step with the core's own table
// (crates/switchboard-core/src/data_actions/kinds.rs, read as text), and checks the plan helpers.
import { describe, expect, it } from 'vitest';
import kindsRs from '../../../crates/switchboard-core/src/data_actions/kinds.rs?raw';
import {
  CREDENTIAL_FIELDS,
  KINDS,
  KIND_CREDENTIAL_TYPES,
  locateProblem,
  newIntegration,
  outcomeActions,
  withCredentialType,
  type CredentialField,
} from './data-actions';
import { itemOutcome, plannedIntegration } from '../test/fixtures';

const RULES: Record<string, CredentialField['rule']> = {
  Text: 'text',
  Email: 'email',
  Uuid: 'uuid',
  AwsRoleArn: 'aws_role_arn',
  DynamicsUrl: 'dynamics_url',
  SalesforceHost: 'salesforce_host',
  ZendeskUrl: 'zendesk_url',
  UrlList: 'url_list',
};

/** `const NAME: &[FieldSpec] = &[ field(..), secret(..), optional(field(..)) ];` blocks of kinds.rs. */
function rustFieldLists(): Map<string, CredentialField[]> {
  const lists = new Map<string, CredentialField[]>();
  for (const block of kindsRs.matchAll(/const (\w+): &\[FieldSpec\] = &\[([\s\S]*?)\];/g)) {
    const specs: CredentialField[] = [];
    for (const m of block[2].matchAll(/(optional\()?(field|secret)\("(\w+)"(?:, Rule::(\w+))?\)/g)) {
      const secret = m[2] === 'secret';
      specs.push({ name: m[3], required: !m[1], secret, rule: secret ? 'secret' : RULES[m[4]] });
    }
    lists.set(block[1], specs);
  }
  return lists;
}

/** `"a" | "b" => NAME,` arms of `fn fields`. */
function rustCredentialTypes(): Map<string, string> {
  const body = /pub fn fields\(credential_type: &str\)[\s\S]*?match credential_type \{([\s\S]*?)\n\s*\}/.exec(kindsRs)![1];
  const map = new Map<string, string>();
  for (const arm of body.matchAll(/((?:"\w+"\s*\|?\s*)+)=> (\w+),/g)) {
    for (const name of arm[1].matchAll(/"(\w+)"/g)) map.set(name[1], arm[2]);
  }
  return map;
}

const KIND_VARIANTS: Record<string, string> = {
  AwsLambda: 'aws-lambda',
  GenesysCloud: 'genesys-cloud',
  Google: 'google',
  Dynamics: 'dynamics',
  Salesforce: 'salesforce',
  WebServices: 'web-services',
  Zendesk: 'zendesk',
};

describe('data-actions credential fields', () => {
  it('has every credential type of kinds.rs with the same fields, rules, secrecy and requiredness', () => {
    const lists = rustFieldLists();
    const types = rustCredentialTypes();
    expect(types.size).toBeGreaterThanOrEqual(8);
    for (const [type, list] of types) {
      expect(CREDENTIAL_FIELDS[type], type).toEqual(lists.get(list));
    }
    const uiTyped = Object.keys(CREDENTIAL_FIELDS).filter((t) => CREDENTIAL_FIELDS[t].length > 0);
    expect(uiTyped.sort()).toEqual([...types.keys()].sort());
  });

  it('gives each kind the credential types of kinds.rs, in its order', () => {
    const body = /pub fn credential_types\(self\)[\s\S]*?match self \{([\s\S]*?)\n\s*\}/.exec(kindsRs)![1];
    const rust: Record<string, string[]> = {};
    for (const arm of body.matchAll(/Kind::(\w+) => &\[([^\]]*)\]/g)) {
      rust[KIND_VARIANTS[arm[1]]] = [...arm[2].matchAll(/"(\w+)"/g)].map((m) => m[1]);
    }
    expect(rust).toEqual(KIND_CREDENTIAL_TYPES);
    const all = /pub const ALL: \[Kind; 7\] = \[([\s\S]*?)\];/.exec(kindsRs)![1];
    expect([...all.matchAll(/Kind::(\w+)/g)].map((m) => KIND_VARIANTS[m[1]])).toEqual(KINDS);
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

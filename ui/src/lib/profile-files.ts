// Purpose: helpers of the profile-file screens: a chosen file's text, and how a secret to enter again is named.
import type { SecretToEnter } from './api';
import { secretLabel, vendorName } from './connections';
import { t } from './i18n';

/** The text of a file the admin chose (File.text where the webview has it, else a FileReader). */
export function readText(file: File): Promise<string> {
  if (typeof file.text === 'function') return file.text();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(file);
  });
}

/** Where the secret goes, in the admin's language: the connection, the step field or the data action. */
export function secretToEnterLabel(secret: SecretToEnter): string {
  switch (secret.place) {
    case 'connection':
      return t('profileFile.secretConnection', {
        vendor: secret.vendor ? vendorName(secret.vendor) : '',
        field: secretLabel(secret.field),
      });
    case 'flow':
      return t('profileFile.secretFlow', { field: secret.field });
    case 'data_action':
      return t('profileFile.secretDataAction', { integration: secret.integration ?? '', field: secret.field });
  }
}

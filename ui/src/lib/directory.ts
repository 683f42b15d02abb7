// Purpose: Directory Sync labels in the UI: the CXone (ACD) and Zoom attribute names as each product shows them,
// in the UI language (attr.acd.* / attr.zoom.*), else the attribute's code.
import type { AcdAttribute, ZoomAttribute } from './api';
import { t, type MessageKey } from './i18n';

function label(key: string, fallback: string): string {
  const text = t(key as MessageKey);
  return text === key ? fallback : text;
}

export function acdLabel(attribute: AcdAttribute): string {
  return label(`attr.acd.${attribute}`, attribute);
}

export function zoomLabel(attribute: ZoomAttribute): string {
  return label(`attr.zoom.${attribute}`, attribute);
}

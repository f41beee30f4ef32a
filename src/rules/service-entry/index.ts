// Rules of the "service-entry" group: ServiceEntry resolution, protocols, TLS origination with
// DestinationRules, overlapping entries, and Istio's own ServiceEntry validation.
import type { Rule } from '../rule.js';
import { resolutionRules } from './resolution.js';
import { protocolRules } from './protocol.js';
import { tlsRules } from './tls.js';
import { overlapRules } from './overlap.js';
import { validationRules } from './validation.js';
import { shortHostRules } from './short-host.js';

export const serviceEntryRules: Rule[] = [
  ...resolutionRules,
  ...protocolRules,
  ...tlsRules,
  ...overlapRules,
  ...validationRules,
  ...shortHostRules,
];

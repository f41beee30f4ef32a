// Rules of the "validation/schema" group: Istio custom resources checked against their CRD schemas.
import type { Rule } from '../../rule.js';
import { schemaCheckRules } from './rules.js';
import { celRules } from './cel.js';

export const schemaRules: Rule[] = [...schemaCheckRules, ...celRules];

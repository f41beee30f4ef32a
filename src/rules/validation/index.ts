// Istio's admission-time validation (IST0106/IST0133) and CRD schema checks.
import type { Rule } from '../rule.js';
import { istioValidationRules } from './istio/index.js';
import { schemaRules } from './schema/index.js';

export const validationRules: Rule[] = [...istioValidationRules, ...schemaRules];

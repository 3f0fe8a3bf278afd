/**
 * External identifiers of org units (`org_unit_identifier`): a unit's code in another system (a CMS CCN, an NHS
 * ODS code, a licence number), unique per organisation. Mapping profiles (`unit.identifierSystem`) and FHIR
 * MeasureReports (`reporter.identifier`) name units by them.
 */
import { z } from 'zod';
import { timestampSchema } from './common.ts';

export const identifierSystemSchema = z.string().trim().min(1).max(200);
export const identifierValueSchema = z.string().trim().min(1).max(200);

export const orgUnitIdentifierBodySchema = z.strictObject({
  system: identifierSystemSchema.describe('The identifier system, a URI such as https://www.cms.gov/ccn'),
  value: identifierValueSchema,
});
export type OrgUnitIdentifierBody = z.infer<typeof orgUnitIdentifierBodySchema>;

export const orgUnitIdentifierSchema = z.object({
  orgUnit: z.string(),
  system: z.string(),
  value: z.string(),
  createdBy: z.string(),
  createdAt: timestampSchema,
});
export type OrgUnitIdentifier = z.infer<typeof orgUnitIdentifierSchema>;

export const orgUnitIdentifierListSchema = z.object({ items: z.array(orgUnitIdentifierSchema) });
export type OrgUnitIdentifierList = z.infer<typeof orgUnitIdentifierListSchema>;

/**
 * Mapping profiles (format `healthbsc/profile@1`, docs/profile-format.md): how a table as a source publishes it
 * (CMS Care Compare, NHS England, California HCAI, a HIS export) becomes HealthBSC data values, with no converter
 * script. A profile names the unit column (and a code translation), the period column and its format, the value
 * columns and the data element each feeds (wide), or the column that names the element (long), scale factors,
 * filters, derived values (numerator = rate × denominator) and, optionally, the org tree the units hang in.
 * Applied by core/import-profiles (pure); the import service writes the result through the checked data path.
 */
import { z } from 'zod';
import { localizedTextSchema } from '../scorecard/scorecard-schema.ts';
import { importErrorSchema } from './import.ts';
import { orgUnitTypeSchema } from './org-units.ts';

export const PROFILE_FORMAT = 'healthbsc/profile@1';

/**
 * How the period column is written. `auto` tries them all, in the order listed, on each cell. Dates
 * (`YYYY-MM-DD`, `YYYY/M/D`, `M/D/YYYY`, `excel-serial`) are truncated to the profile's period type.
 */
export const periodFormatSchema = z.enum([
  'auto',
  'YYYY-MM',
  'YYYYMM',
  'YYYY-MM-DD',
  'YYYY/M/D',
  'M/D/YYYY',
  'YYYY年M月',
  'month-name',
  'YYYYQn',
  'YYYY',
  'excel-serial',
]);
export type PeriodFormat = z.infer<typeof periodFormatSchema>;

const columnSchema = z.string().min(1).max(200);
const elementCodeSchema = z.string().min(1).max(64);

/** A cell equal (after trimming) to one of these means "no value": the cell is skipped, not refused. */
export const DEFAULT_MISSING_MARKERS = ['', 'n/a', 'N/A', 'NA', '.', '-', 'Not Available'] as const;

export const profileUnitSchema = z.strictObject({
  /** The column that names the unit. */
  column: columnSchema,
  /**
   * `code`: the cell (after `translate` and `prefix`) is a unit's code, or its name when unique (the data
   * import's rule); `name`: the same, said explicitly for a column of names.
   */
  match: z.enum(['code', 'name']).default('code'),
  /** Source code → unit code; a cell not listed passes through unchanged (unless `translateOnly`). */
  translate: z.record(z.string(), z.string()).optional(),
  /** Refuse a cell that `translate` does not list. */
  translateOnly: z.boolean().default(false),
  /** Put before the source code (`NHS-` + `RJ1`), so codes of several sources never collide. */
  prefix: z.string().max(32).default(''),
  /**
   * The cell is the unit's identifier in this system (`org_unit_identifier`, e.g. `https://www.cms.gov/ccn`):
   * a cell no unit holds is `unknown-org-unit`, unless the profile builds the tree, which then creates the unit
   * (code `prefix` + cell) and records the identifier. `translate` still wins over it.
   */
  identifierSystem: z.string().min(1).max(200).optional(),
});

/** A level of the org tree built from the source: a fixed root, or a parent named by a column. */
export const profileOrgTreeSchema = z.strictObject({
  /** A unit every built unit (or parent) hangs under, created when missing. */
  root: z
    .strictObject({
      code: z.string().min(1).max(64),
      name: localizedTextSchema,
      type: orgUnitTypeSchema.default('group'),
    })
    .optional(),
  /** A column that names each unit's parent (a US state, a county); the parent is created under the root. */
  parent: z
    .strictObject({
      column: columnSchema,
      prefix: z.string().max(32).default(''),
      type: orgUnitTypeSchema.default('group'),
    })
    .optional(),
  /** The type of the units themselves. */
  type: orgUnitTypeSchema.default('hospital'),
  /** The column with the unit's name; without it the name is `nameTemplate` with `{code}` filled in. */
  nameColumn: columnSchema.optional(),
  nameTemplate: z.string().max(200).default('{code}'),
});

/** One value a row yields: the cell of `column`, times `scale`, into `dataElement`. */
export const profileValueSchema = z.strictObject({
  column: columnSchema,
  /** The data element's code; in a long layout `{element}` is replaced by the translated element cell. */
  dataElement: elementCodeSchema,
  /** A unit conversion or scale factor (0.156 × 100 = 15.6 %; hours ÷ 24 = days: 1/24). */
  scale: z.number().finite().default(1),
});

/**
 * A value computed from others of the same row: the product of the cells of `product` times `scale`
 * (numerator = rate × denominator). Kept as the exact double, never rounded. A missing factor means no value.
 */
export const profileDerivedSchema = z.strictObject({
  dataElement: elementCodeSchema,
  product: z.array(columnSchema).min(1).max(8),
  scale: z.number().finite().default(1),
});

export const profileFilterSchema = z.strictObject({
  column: columnSchema,
  /** Keep the rows whose cell (trimmed) is one of `in`, is none of `notIn`, or starts with `startsWith`. */
  in: z.array(z.string()).optional(),
  notIn: z.array(z.string()).optional(),
  startsWith: z.string().optional(),
});

export const importProfileSchema = z.strictObject({
  format: z.literal(PROFILE_FORMAT),
  /** The profile's code; saved profiles are versioned under it. */
  code: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/),
  name: localizedTextSchema.optional(),
  description: z.string().max(2000).optional(),
  /** Reading the file: a CSV's encoding and delimiter, an XLSX sheet. */
  source: z
    .strictObject({
      encoding: z.enum(['auto', 'utf-8', 'gb18030', 'gbk', 'windows-1252']).default('auto'),
      delimiter: z.enum([',', ';', '\t']).optional(),
      sheet: z.string().optional(),
    })
    .default({ encoding: 'auto' }),
  unit: profileUnitSchema,
  /** Required when the profile maps values; a profile that only builds the org tree has none. */
  period: z
    .strictObject({
      column: columnSchema,
      format: periodFormatSchema.default('auto'),
      /** The period type the values are for (a date becomes its month, quarter or year). */
      type: z.enum(['month', 'quarter', 'year']).default('month'),
    })
    .optional(),
  /** Long layout: the column that names the element, and its translation (a cell not listed is refused). */
  element: z
    .strictObject({ column: columnSchema, translate: z.record(z.string(), elementCodeSchema) })
    .optional(),
  values: z.array(profileValueSchema).max(500).default([]),
  derived: z.array(profileDerivedSchema).max(100).default([]),
  filters: z.array(profileFilterSchema).max(50).default([]),
  /** Cells meaning "no value" (skipped, not refused). */
  missing: z.array(z.string()).default([...DEFAULT_MISSING_MARKERS]),
  orgTree: profileOrgTreeSchema.optional(),
});

export type ImportProfile = z.infer<typeof importProfileSchema>;
export type ImportProfileInput = z.input<typeof importProfileSchema>;

/** A profile import's answer: the mapping's counts, the org-unit and data reports, and errors by source row. */
export const profileImportReportSchema = z.object({
  profile: z.string(),
  fileName: z.string(),
  /** Rows of the source file read, left out by the filters, and cells holding a missing-value marker. */
  rowsRead: z.number().int(),
  rowsFiltered: z.number().int(),
  cellsMissing: z.number().int(),
  /** Values the profile mapped (before the data check). */
  valuesMapped: z.number().int(),
  /** The org tree the profile builds: units to create and to update (null when it builds none). */
  orgUnits: z
    .object({ toCreate: z.number().int(), toUpdate: z.number().int(), batchId: z.number().int().nullable() })
    .nullable(),
  /** The data values: to create, update, unchanged, and the batch a commit recorded (undo it as any import). */
  values: z.object({
    toCreate: z.number().int(),
    toUpdate: z.number().int(),
    unchanged: z.number().int(),
    batchId: z.number().int().nullable(),
  }),
  /** Every cell that cannot be mapped or stored, by the SOURCE file's row and column. */
  errors: z.array(importErrorSchema),
  errorCount: z.number().int(),
  committed: z.boolean(),
});
export type ProfileImportReport = z.infer<typeof profileImportReportSchema>;

/** A saved profile's version: the profile as saved, who saved it, when and why. */
export const savedProfileVersionSchema = z.object({
  code: z.string(),
  version: z.number().int(),
  reason: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type SavedProfileVersion = z.infer<typeof savedProfileVersionSchema>;

export const savedProfileSchema = savedProfileVersionSchema.extend({
  profile: importProfileSchema,
  /** Every version, newest first (without their bodies). */
  versions: z.array(savedProfileVersionSchema),
});
export type SavedProfile = z.infer<typeof savedProfileSchema>;

export const savedProfileSummarySchema = z.object({
  code: z.string(),
  name: localizedTextSchema.nullable(),
  version: z.number().int(),
  versions: z.number().int(),
  updatedBy: z.string(),
  updatedAt: z.string(),
});
export const savedProfileListSchema = z.object({ items: z.array(savedProfileSummarySchema) });
export type SavedProfileList = z.infer<typeof savedProfileListSchema>;

/** Saving a profile: the first save creates it under its code, each later save adds a version. */
export const saveProfileBodySchema = z.strictObject({
  profile: importProfileSchema,
  /** Why this version (kept with it). */
  reason: z.string().trim().max(500).optional(),
});
export type SaveProfileBody = z.infer<typeof saveProfileBodySchema>;

export const profileVersionQuerySchema = z.object({
  version: z.coerce.number().int().min(1).optional(),
});

/** The wizard's first look at an uploaded table: columns, sample values, guessed types (core inspectColumns). */
export const profileInspectionSchema = z.object({
  columns: z.array(
    z.object({
      name: z.string(),
      samples: z.array(z.string()),
      /** The column's distinct cells (up to 100), for the wizard's code tables. */
      distinct: z.array(z.string()),
      type: z.enum(['number', 'period', 'text', 'empty']),
      periodFormat: periodFormatSchema.nullable(),
      suggestedElement: z.string(),
    }),
  ),
  /** The first rows as read (cells in header order). */
  rows: z.array(z.array(z.string())),
  rowsSampled: z.number().int(),
  unitColumn: z.string().nullable(),
  periodColumn: z.string().nullable(),
});
export type ProfileInspection = z.infer<typeof profileInspectionSchema>;

/** A profile applied to the first rows of a file: the values it maps and every cell it cannot map. */
export const profilePreviewSchema = z.object({
  rowsRead: z.number().int(),
  rowsFiltered: z.number().int(),
  cellsMissing: z.number().int(),
  values: z.array(
    z.object({
      row: z.number().int(),
      column: z.string(),
      orgUnit: z.string(),
      period: z.string(),
      dataElement: z.string(),
      value: z.number(),
    }),
  ),
  /** Units the profile would build from these rows. */
  orgUnits: z.number().int(),
  errors: z.array(importErrorSchema),
  errorCount: z.number().int(),
});
export type ProfilePreview = z.infer<typeof profilePreviewSchema>;

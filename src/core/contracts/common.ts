/**
 * Pieces every HTTP contract shares: codes, names, timestamps, pagination and the problem body. Defined once
 * (../shared/STYLE.md habit 11): the server validates with them, generates OpenAPI from them, and the web client
 * imports the same types.
 */
import { z } from 'zod';
import { isPlausibleNumber } from '../guard/edge-checks.ts';

export { localizedTextSchema } from '../scorecard/scorecard-schema.ts';

/**
 * An org-unit or org-unit-group code: ASCII letters, digits, `_`, `.` and `-`, starting with a letter, a digit
 * or `_`, at most 64 characters. Institution codes often start with a digit (US CMS Certification Numbers such
 * as `010001`, Chinese organisation codes): a code is a case-sensitive string, never parsed as a number, so
 * `010001` keeps its zero. ASCII only, the same as the database's check (migration
 * 202612061100_unit_codes_with_digits), so every server accepts the same codes.
 *
 * @example unitCodeSchema.parse('010001') // '010001'
 */
export const unitCodeSchema = z
  .string()
  .max(64)
  .regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/, 'org-unit.code-format');

/** A code that names something already stored (checked against the database, so only its length here). */
export const codeRefSchema = z.string().min(1).max(64);

/** A period id as sent: `2024-03`, `2024Q1` or `2024` (parsed by core/periods in the service). */
export const periodIdSchema = z
  .string()
  .min(4)
  .max(16)
  .describe('a month 2024-03, a quarter 2024Q1 or a year 2024');

/** A point in time, as ISO 8601 text in UTC (`2024-03-31T08:00:00.000Z`). */
export const timestampSchema = z.string().describe('ISO 8601 date and time, UTC');

/**
 * A number a value, target or reference may hold: finite and at most 1e15 in magnitude (core/guard). A value of
 * 1e308 would overflow a sum; per-element ranges are the data-quality gate's.
 */
export const plausibleNumberSchema = z
  .number()
  .refine(isPlausibleNumber, { message: 'guard.implausible' })
  .describe('a finite number, at most 1e15 in magnitude');

/** Free text a user attaches to a value or a change. */
export const noteSchema = z.string().max(2000);

/** The largest page a list returns. */
export const MAX_PAGE_SIZE = 1000;
export const DEFAULT_PAGE_SIZE = 100;

/** `?limit=&offset=` of every list. */
export const paginationQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  offset: z.coerce.number().int().min(0).default(0),
});

export type PaginationQuery = z.infer<typeof paginationQuerySchema>;

/** A page of a list: the items, how many there are in all, and the window asked for. */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int().min(0),
    limit: z.number().int(),
    offset: z.number().int(),
  });
}

export interface Page<T> {
  readonly items: T[];
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
}

/** `true`/`false` in a query string (`?includeDescendants=true`). */
export const queryBooleanSchema = z.stringbool({ truthy: ['true', '1'], falsy: ['false', '0'] });

/** A comma-separated list in a query string (`?period=2024-01,2024-02`), trimmed, empty parts dropped; at least one. */
export const queryListSchema = z
  .string()
  .max(10_000)
  .transform((text) =>
    text
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part !== ''),
  )
  .pipe(z.array(z.string()).min(1, 'query.list-empty').max(1000));

/** Path parameters of a resource named by its code. */
export const codeParamsSchema = z.object({ code: z.string().min(1).max(64) });

/** One thing wrong with a request: where (a path inside the part that was checked) and why. */
/** A problem's parameters: the values its code's wording fills in (core/errors/messages). */
export const problemParamsSchema = z.record(z.string(), z.union([z.string(), z.number()]));

/**
 * A remark worded by the client like a problem, without being one: why an encoding was chosen, what a file's
 * conversion changed, a warning. `message` is the English wording.
 */
export const problemNoteSchema = z.object({
  code: z.string(),
  params: problemParamsSchema,
  message: z.string(),
});

export const problemIssueSchema = z.object({
  path: z.array(z.union([z.string(), z.number()])).readonly(),
  /** Stable; the client words it in the user's language (core/errors/messages). */
  code: z.string(),
  params: problemParamsSchema,
  /** The code worded in English. */
  message: z.string(),
  position: z.number().int().optional(),
});

/** An RFC 9457 problem, as every error is sent (`content-type: application/problem+json`). */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    /** Stable (`import.unknown-org-unit`); the client words it with `params` in the user's language. */
    code: z.string(),
    params: problemParamsSchema,
    /** The code worded in English. */
    detail: z.string(),
    issues: z.array(problemIssueSchema),
  })
  .describe('RFC 9457 problem details, sent as application/problem+json');

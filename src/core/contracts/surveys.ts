/**
 * AHP surveys over HTTP (seed 002 §4.1: an expert panel fills in pairwise-comparison questionnaires whose
 * aggregated judgments become the indicator system's weights; AHP-OS, Goepel 2018, for group sessions).
 *
 * A strategist (the design roles) creates a survey from a scorecard's hierarchy: one node for the perspectives,
 * then per perspective one node for its objectives (where the scorecard has them) and one node per set of
 * indicators (per perspective, or per objective under an objective-weighted perspective). Each node lists its
 * elements and the pairs (i < j) to compare. Each expert of the panel gets a personal link whose token is the
 * credential (no account): `/api/survey-links/:token/…` routes are public to the accounts plugin, exempt from the
 * CSRF header, scoped to one survey and expert, throttled, expiring and revocable. Answers save one judgment at
 * a time; each answer returns the node's consistency and, above the threshold, the three most inconsistent
 * judgments with the values that would make each consistent. After closing, the results give each expert's
 * weights and CR per node and the panel's aggregated weights (AIJ or AIP), which can be applied as a new dated
 * weight version of the scorecard with its provenance.
 */
import { z } from 'zod';
import {
  codeRefSchema,
  localizedTextSchema,
  noteSchema,
  pageSchema,
  paginationQuerySchema,
  periodIdSchema,
  problemIssueSchema,
  timestampSchema,
} from './common.ts';
import { putWeightsResultSchema, weightProvenanceSchema } from './scorecards.ts';

export { weightProvenanceSchema };

/** The judgment scales a survey offers: Saaty's 1–9, or the 1–5 of seed 002 Table 2.1. */
export const surveyScaleSchema = z.enum(['saaty', 'five-point']);
export const surveyRiTableSchema = z.enum(['seed002', 'saaty1980', 'alonso-lamata']);
export const surveyAggregationSchema = z.enum(['aij', 'aip']);
/** Whether experts whose judgments are above the CR threshold count in the aggregation. */
export const inconsistentExpertsSchema = z.enum(['include', 'exclude']);
/** `open`: experts answer; `closed`: no more answers, results final; `applied`: a result became weights. */
export const surveyStatusSchema = z.enum(['open', 'closed', 'applied']);
/** What a node compares: the perspectives, a perspective's objectives, or a set of indicators. */
export const surveyNodeLevelSchema = z.enum(['perspectives', 'objectives', 'indicators']);
export const surveyLanguageSchema = z.enum(['zh-CN', 'en']);

/** One value of a scale with its meaning (Saaty 1980 Table 1.1; seed 002 Table 2.1). */
export const scaleMeaningSchema = z.object({
  /** The judgment, ≥ 1 (the reciprocal reads "the latter is … more important"). */
  value: z.number(),
  meaning: localizedTextSchema,
});

const expertWeightSchema = z.number().positive().max(1000);

export const surveyExpertBodySchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    email: z.email().max(320).optional(),
    /** Relative weight of this expert in the aggregation; default 1 (normalised over the counted experts). */
    weight: expertWeightSchema.default(1),
    /** The language of the expert's reminders; default the survey's. */
    language: surveyLanguageSchema.optional(),
  })
  .strict();

export const createSurveyBodySchema = z
  .object({
    scorecard: codeRefSchema,
    title: z.string().trim().min(1).max(200),
    /** Shown to the experts at the top of the questionnaire. */
    description: z.string().max(4000).optional(),
    scale: surveyScaleSchema.default('saaty'),
    riTable: surveyRiTableSchema.default('seed002'),
    /** A node is consistent when CR < threshold (default 0.1, Saaty). */
    threshold: z.number().positive().max(1).default(0.1),
    /** Whether an expert may submit with nodes left unanswered (their complete nodes still count). */
    allowPartial: z.boolean().default(false),
    /** Ask for the objectives' weights where the scorecard has objectives (three levels); default true. */
    includeObjectives: z.boolean().default(true),
    /** The language of the invitation text; the questionnaire follows the expert's choice. */
    language: surveyLanguageSchema.default('zh-CN'),
    experts: z.array(surveyExpertBodySchema).min(1).max(200),
  })
  .strict();

export const surveyElementSchema = z.object({
  /** The perspective, objective or indicator id in the scorecard. */
  id: z.string(),
  name: localizedTextSchema,
});

export const surveyPairSchema = z.object({ i: z.number().int().min(0), j: z.number().int().min(1) });

export const surveyNodeSchema = z.object({
  /** `perspectives`, `perspective:<id>` (its objectives or indicators) or `objective:<id>` (its indicators). */
  key: z.string(),
  /** The key of the node above (null for the perspectives). */
  parent: z.string().nullable(),
  /** Which element of the parent node this node breaks down (null for the perspectives). */
  parentElement: z.string().nullable(),
  level: surveyNodeLevelSchema,
  /** What is being compared, e.g. "Indicators of Financial". */
  title: localizedTextSchema,
  elements: z.array(surveyElementSchema),
  /** Every pair to judge, i < j: n(n−1)/2 of them; a node of one element has none. */
  pairs: z.array(surveyPairSchema),
});

/** The state of an expert's personal link. */
export const surveyLinkStateSchema = z.enum(['none', 'active', 'revoked', 'expired']);

export const surveyLinkSchema = z.object({
  state: surveyLinkStateSchema,
  createdAt: timestampSchema.nullable(),
  expiresAt: timestampSchema.nullable(),
  lastUsedAt: timestampSchema.nullable(),
});

export const surveyExpertSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  email: z.string().nullable(),
  weight: z.number(),
  link: surveyLinkSchema,
  /** Judgments given, out of `total`. */
  answered: z.number().int().min(0),
  total: z.number().int().min(0),
  /** Nodes with every pair judged. */
  completeNodes: z.number().int().min(0),
  /** When the expert said they were done, or null. */
  submittedAt: timestampSchema.nullable(),
});

export const surveySummarySchema = z.object({
  id: z.number().int(),
  scorecard: z.string(),
  title: z.string(),
  status: surveyStatusSchema,
  scale: surveyScaleSchema,
  experts: z.number().int(),
  /** Experts who submitted. */
  submitted: z.number().int(),
  createdBy: z.string(),
  createdAt: timestampSchema,
  closedAt: timestampSchema.nullable(),
});

/** A survey's result applied as weights: the append-only record of one application. */
export const surveyApplicationSchema = z.object({
  id: z.number().int(),
  /** The weight version it created. */
  weightVersion: z.number().int(),
  effectiveFrom: z.string().nullable(),
  aggregation: surveyAggregationSchema,
  inconsistent: inconsistentExpertsSchema,
  /** The experts whose judgments counted. */
  expertsCounted: z.number().int(),
  appliedBy: z.string(),
  appliedAt: timestampSchema,
});

export const surveySchema = z.object({
  id: z.number().int(),
  scorecard: z.string(),
  scorecardName: localizedTextSchema,
  /** The scorecard's weight version when the survey was created (what the experts were asked about). */
  basedOnWeightVersion: z.number().int(),
  title: z.string(),
  description: z.string().nullable(),
  scale: surveyScaleSchema,
  scaleMeanings: z.array(scaleMeaningSchema),
  riTable: surveyRiTableSchema,
  threshold: z.number(),
  allowPartial: z.boolean(),
  language: surveyLanguageSchema,
  status: surveyStatusSchema,
  createdBy: z.string(),
  createdAt: timestampSchema,
  closedAt: timestampSchema.nullable(),
  nodes: z.array(surveyNodeSchema),
  experts: z.array(surveyExpertSchema),
  /** Oldest first. */
  applications: z.array(surveyApplicationSchema),
});

export const listSurveysQuerySchema = paginationQuerySchema
  .extend({ scorecard: codeRefSchema.optional(), status: surveyStatusSchema.optional() })
  .strict();
export const surveyPageSchema = pageSchema(surveySummarySchema);

/** `:id` and `:expertId` of the strategist's routes. */
export const surveyParamsSchema = z.object({ id: z.coerce.number().int().positive() });
export const surveyExpertParamsSchema = surveyParamsSchema.extend({
  expertId: z.coerce.number().int().positive(),
});
/** `:token` of the expert's routes. */
export const surveyTokenParamsSchema = z.object({ token: z.string().min(16).max(200) });

// ---- Links -------------------------------------------------------------------------------------------------

export const createSurveyLinkBodySchema = z
  .object({
    /** When the link stops working; default 30 days from now. */
    expiresAt: z.iso.datetime().optional(),
    /** The invitation's language; default the survey's. */
    language: surveyLanguageSchema.optional(),
  })
  .strict();

/**
 * A new link (any earlier link of the expert is revoked; the answers stay, so the expert resumes). The token is
 * shown once: only its hash is stored.
 */
export const createdSurveyLinkSchema = z.object({
  expert: surveyExpertSchema,
  token: z.string(),
  /** The questionnaire page's path with the token (`/survey/<token>`); the client prefixes its origin. */
  path: z.string(),
  expiresAt: timestampSchema,
  /** The invitation to copy or print; `{link}` stands where the full address goes. */
  invitation: z.object({ subject: z.string(), text: z.string() }),
  /** A QR code of the full address (the origin the server was reached at + `path`), as SVG and as a data URL. */
  qr: z.object({ svg: z.string(), dataUrl: z.string() }),
});

// ---- The expert's questionnaire ----------------------------------------------------------------------------

/** One pair's judgment: a_ij > 1 when element i is the more important; null when not yet answered. */
export const surveyJudgmentSchema = z.object({
  i: z.number().int(),
  j: z.number().int(),
  value: z.number().positive().nullable(),
});

/** A judgment to revisit, with the value that agrees with the node's priorities (core/ahp `suggestRepairs`). */
export const surveyRepairSchema = z.object({
  i: z.number().int(),
  j: z.number().int(),
  current: z.number(),
  /** w_i / w_j, and the nearest value on the survey's scale, with the CR after each change. */
  suggested: z.number(),
  crAfter: z.number(),
  suggestedOnScale: z.number(),
  crAfterOnScale: z.number(),
});

/** A node's consistency for one expert; null until every pair of the node is judged. */
export const nodeConsistencySchema = z.object({
  weights: z.array(z.number()),
  lambdaMax: z.number(),
  ci: z.number(),
  cr: z.number(),
  consistent: z.boolean(),
  /** The three most inconsistent judgments when CR ≥ threshold; empty otherwise. */
  repairs: z.array(surveyRepairSchema),
});

export const questionnaireNodeSchema = surveyNodeSchema.extend({
  judgments: z.array(surveyJudgmentSchema),
  answered: z.number().int(),
  consistency: nodeConsistencySchema.nullable(),
});

export const questionnaireSchema = z.object({
  survey: z.object({
    title: z.string(),
    description: z.string().nullable(),
    scorecardName: localizedTextSchema,
    scale: surveyScaleSchema,
    scaleMeanings: z.array(scaleMeaningSchema),
    threshold: z.number(),
    allowPartial: z.boolean(),
    status: surveyStatusSchema,
  }),
  expert: z.object({ name: z.string(), submittedAt: timestampSchema.nullable() }),
  expiresAt: timestampSchema,
  /** False once submitted or closed: the answers are then read-only. */
  editable: z.boolean(),
  nodes: z.array(questionnaireNodeSchema),
});

export const saveAnswerBodySchema = z
  .object({
    node: z.string().min(1).max(200),
    i: z.number().int().min(0),
    j: z.number().int().min(1),
    /** a_ij on the survey's scale (e.g. 3, or 1/3 as 0.3333…); null clears the judgment. */
    value: z.number().positive().nullable(),
  })
  .strict();

export const saveAnswerResultSchema = z.object({
  node: z.string(),
  judgment: surveyJudgmentSchema,
  answered: z.number().int(),
  total: z.number().int(),
  consistency: nodeConsistencySchema.nullable(),
});

export const submitAnswersResultSchema = z.object({
  submittedAt: timestampSchema,
  /** Nodes left incomplete (allowed only when the survey allows partial answers). */
  incompleteNodes: z.array(z.string()),
});

// ---- Progress, close ---------------------------------------------------------------------------------------

export const surveyProgressSchema = z.object({
  survey: z.number().int(),
  status: surveyStatusSchema,
  experts: z.array(
    surveyExpertSchema.extend({
      nodes: z.array(
        z.object({
          key: z.string(),
          answered: z.number().int(),
          total: z.number().int(),
          /** The node's CR once complete, else null. */
          cr: z.number().nullable(),
        }),
      ),
    }),
  ),
});

export const closeSurveyBodySchema = z.object({ note: noteSchema.optional() }).strict();

// ---- Results -----------------------------------------------------------------------------------------------

export const surveyResultsQuerySchema = z
  .object({
    aggregation: surveyAggregationSchema.default('aij'),
    inconsistent: inconsistentExpertsSchema.default('include'),
  })
  .strict();

export const expertNodeResultSchema = z.object({
  key: z.string(),
  complete: z.boolean(),
  /** Null when the node is incomplete. */
  weights: z.array(z.number()).nullable(),
  lambdaMax: z.number().nullable(),
  ci: z.number().nullable(),
  cr: z.number().nullable(),
  consistent: z.boolean().nullable(),
});

export const expertResultSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  weight: z.number(),
  /** Every complete node is consistent. */
  consistent: z.boolean(),
  nodes: z.array(expertNodeResultSchema),
});

/** The spread of one comparison over the counted experts. */
export const comparisonSpreadSchema = z.object({
  i: z.number().int(),
  j: z.number().int(),
  /** The weighted geometric mean of the experts' a_ij. */
  geometricMean: z.number(),
  /** The geometric standard deviation exp(sd(ln a_ij)); 1 when all agree. */
  geometricSd: z.number(),
});

export const nodeResultSchema = z.object({
  key: z.string(),
  /** The experts (ids) whose judgments of this node counted. */
  experts: z.array(z.number().int()),
  /** Null when no expert counted for this node. */
  weights: z.array(z.number()).nullable(),
  lambdaMax: z.number().nullable(),
  ci: z.number().nullable(),
  cr: z.number().nullable(),
  consistent: z.boolean().nullable(),
  aggregatedMatrix: z.array(z.array(z.number())).nullable(),
  spread: z.array(comparisonSpreadSchema),
  /** The consensus indicator S* (Goepel 2013) of the node over the counted experts, 0–1; null with fewer than 2. */
  consensus: z.number().nullable(),
  /** The node's weights with inconsistent experts included and excluded: the effect of each choice. */
  effect: z.object({
    include: z.array(z.number()).nullable(),
    exclude: z.array(z.number()).nullable(),
  }),
});

export const globalWeightSchema = z.object({
  perspective: z.string(),
  objective: z.string().nullable(),
  indicator: z.string(),
  /** The product of the local weights on the indicator's path. */
  weight: z.number(),
});

export const surveyResultsSchema = z.object({
  survey: z.number().int(),
  status: surveyStatusSchema,
  aggregation: surveyAggregationSchema,
  inconsistent: inconsistentExpertsSchema,
  experts: z.array(expertResultSchema),
  nodes: z.array(nodeResultSchema),
  hierarchy: z.object({
    /** S* of the hierarchy: the nodes' S* weighted by their global weight (AHP-OS); null without any. */
    consensus: z.number().nullable(),
    /** Null while a node has no counted expert. */
    globalWeights: z.array(globalWeightSchema).nullable(),
  }),
  /** Why a result cannot be applied yet (a node with no counted expert), as problems. */
  blockers: z.array(problemIssueSchema),
});

// ---- Apply -------------------------------------------------------------------------------------------------

export const applySurveyBodySchema = z
  .object({
    aggregation: surveyAggregationSchema.default('aij'),
    inconsistent: inconsistentExpertsSchema.default('include'),
    /** The first period the weights hold for; absent: the next period with no published score. */
    effectiveFrom: periodIdSchema.optional(),
    note: noteSchema.optional(),
  })
  .strict();

export const applySurveyResultSchema = z.object({
  survey: surveySummarySchema,
  application: surveyApplicationSchema,
  weights: putWeightsResultSchema,
  provenance: weightProvenanceSchema,
});

// ---- Paper -------------------------------------------------------------------------------------------------

/** `?format=xlsx|pdf&language=`: the paper questionnaire of one expert (seed 002's appendix layout). */
export const questionnaireFileQuerySchema = z
  .object({
    format: z.enum(['xlsx', 'pdf']).default('xlsx'),
    language: surveyLanguageSchema.default('zh-CN'),
  })
  .strict();

/** A filled-in XLSX questionnaire, base64-encoded (the client reads the file; at most about 2 MB). */
export const importAnswersBodySchema = z
  .object({
    file: z.base64().max(2_800_000),
    /** Check only, write nothing (default true). */
    dryRun: z.boolean().default(true),
  })
  .strict();

export const importAnswersResultSchema = z.object({
  dryRun: z.boolean(),
  /** True when the answers were stored (never on a dry run or with errors). */
  written: z.boolean(),
  /** Judgments read from the file. */
  judgments: z.number().int(),
  /** Every problem found, each at its sheet and row (`[sheet, row]`); nothing is written unless this is empty. */
  errors: z.array(problemIssueSchema),
  /** The nodes' consistency after the import, as on the web. */
  nodes: z.array(
    z.object({ key: z.string(), answered: z.number().int(), consistency: nodeConsistencySchema.nullable() }),
  ),
});

export type SurveyScale = z.infer<typeof surveyScaleSchema>;
export type SurveyAggregation = z.infer<typeof surveyAggregationSchema>;
export type InconsistentExperts = z.infer<typeof inconsistentExpertsSchema>;
export type SurveyStatus = z.infer<typeof surveyStatusSchema>;
export type SurveyNodeLevel = z.infer<typeof surveyNodeLevelSchema>;
export type SurveyLanguage = z.infer<typeof surveyLanguageSchema>;
export type ScaleMeaning = z.infer<typeof scaleMeaningSchema>;
export type CreateSurveyBody = z.infer<typeof createSurveyBodySchema>;
// ---- Reminders by e-mail ----------------------------------------------------------------------------------

/** `PUT /api/surveys/:id/reminders`: the deadline, and how many days before it experts are reminded. */
export const reminderScheduleBodySchema = z
  .object({
    /** When answers are due; null: no deadline. */
    deadline: z.iso.datetime().nullable(),
    /** Remind the experts who have not submitted this many days before the deadline (automatic); null: only on demand. */
    remindDaysBefore: z.number().int().min(1).max(60).nullable(),
  })
  .strict();

export const REMINDER_SKIP_REASONS = ['answered', 'no-email', 'already-reminded'] as const;

export const surveyReminderSchema = z.object({
  /** `deadline` (the automatic one) or `manual-1`, `manual-2`, … */
  round: z.string(),
  expertId: z.number().int(),
  expert: z.string(),
  recipient: z.string(),
  sentBy: z.string(),
  sentAt: timestampSchema,
  /** The mail's state in the outbox. */
  mailStatus: z.enum(['queued', 'sent', 'failed', 'not-configured']).nullable(),
});

export const surveyRemindersSchema = z.object({
  deadline: timestampSchema.nullable(),
  remindDaysBefore: z.number().int().nullable(),
  /** Oldest first. */
  reminders: z.array(surveyReminderSchema),
});

/** `POST /api/surveys/:id/reminders`: who was reminded now, and who not and why. */
export const remindResultSchema = z.object({
  round: z.string(),
  reminded: z.array(z.object({ expertId: z.number().int(), expert: z.string(), recipient: z.string() })),
  skipped: z.array(
    z.object({ expertId: z.number().int(), expert: z.string(), reason: z.enum(REMINDER_SKIP_REASONS) }),
  ),
});

export type ReminderScheduleBody = z.infer<typeof reminderScheduleBodySchema>;
export type SurveyReminders = z.infer<typeof surveyRemindersSchema>;
export type RemindResult = z.infer<typeof remindResultSchema>;

export type SurveyExpertBody = z.infer<typeof surveyExpertBodySchema>;
export type SurveyElement = z.infer<typeof surveyElementSchema>;
export type SurveyPair = z.infer<typeof surveyPairSchema>;
export type SurveyNode = z.infer<typeof surveyNodeSchema>;
export type SurveyLink = z.infer<typeof surveyLinkSchema>;
export type SurveyExpert = z.infer<typeof surveyExpertSchema>;
export type SurveySummary = z.infer<typeof surveySummarySchema>;
export type SurveyApplication = z.infer<typeof surveyApplicationSchema>;
export type Survey = z.infer<typeof surveySchema>;
export type ListSurveysQuery = z.infer<typeof listSurveysQuerySchema>;
export type CreateSurveyLinkBody = z.infer<typeof createSurveyLinkBodySchema>;
export type CreatedSurveyLink = z.infer<typeof createdSurveyLinkSchema>;
export type SurveyJudgment = z.infer<typeof surveyJudgmentSchema>;
export type SurveyRepair = z.infer<typeof surveyRepairSchema>;
export type NodeConsistency = z.infer<typeof nodeConsistencySchema>;
export type QuestionnaireNode = z.infer<typeof questionnaireNodeSchema>;
export type Questionnaire = z.infer<typeof questionnaireSchema>;
export type SaveAnswerBody = z.infer<typeof saveAnswerBodySchema>;
export type SaveAnswerResult = z.infer<typeof saveAnswerResultSchema>;
export type SubmitAnswersResult = z.infer<typeof submitAnswersResultSchema>;
export type SurveyProgress = z.infer<typeof surveyProgressSchema>;
export type SurveyResultsQuery = z.infer<typeof surveyResultsQuerySchema>;
export type ExpertNodeResult = z.infer<typeof expertNodeResultSchema>;
export type ExpertResult = z.infer<typeof expertResultSchema>;
export type ComparisonSpread = z.infer<typeof comparisonSpreadSchema>;
export type NodeResult = z.infer<typeof nodeResultSchema>;
export type GlobalWeight = z.infer<typeof globalWeightSchema>;
export type SurveyResults = z.infer<typeof surveyResultsSchema>;
export type ApplySurveyBody = z.infer<typeof applySurveyBodySchema>;
export type ApplySurveyResult = z.infer<typeof applySurveyResultSchema>;
export type QuestionnaireFileQuery = z.infer<typeof questionnaireFileQuerySchema>;
export type ImportAnswersBody = z.infer<typeof importAnswersBodySchema>;
export type ImportAnswersResult = z.infer<typeof importAnswersResultSchema>;

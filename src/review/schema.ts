// The question bank's format: a CONTRACT that several people write to (review/README.md describes it for authors).
// Each question type has its own TypeBox schema, so an error names exactly what that type expects instead of
// TypeBox's vague "expected union value".
import { type Static, type TObject, Type } from "@sinclair/typebox";

/** A section that teaches the question: a notebook in notebooks/ and the text of one of its #, ## or ### headings. */
export const LinkSchema = Type.Object(
  {
    notebook: Type.String({ pattern: "^[a-z0-9][a-z0-9-]*\\.ipynb$", description: "a file in notebooks/" }),
    heading: Type.String({ minLength: 1, description: "a heading's text, without the leading #s" }),
  },
  { additionalProperties: false },
);

/** Tags a question as practice for one domain of one exam in review/exams.yaml. */
export const ExamTagSchema = Type.Object(
  { name: Type.String({ minLength: 1 }), domain: Type.String({ minLength: 1 }) },
  { additionalProperties: false },
);

/**
 * A fact that may change (a price, a quota, a service name, a support plan's response time), with where it was
 * checked and the date of that version of the source, so a maintainer knows what to re-check and since when.
 */
export const FactSchema = Type.Object(
  {
    fact: Type.String({ minLength: 1 }),
    source: Type.String({ pattern: "^https://\\S+$", description: "the public page the fact was checked against" }),
    date: Type.String({
      pattern: "^\\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?$",
      description: "YYYY-MM or YYYY-MM-DD: the version of the source the fact was checked against",
    }),
  },
  { additionalProperties: false },
);

const common = {
  /** Unique across the whole bank. Lower-case letters, digits and dashes. */
  id: Type.String({ pattern: "^[a-z0-9-]+$" }),
  /** Curriculum topic ids (src/curriculum/topics.ts); checked against that list by the validator. */
  topics: Type.Array(Type.String(), { minItems: 1 }),
  prompt: Type.String({ minLength: 1 }),
  explanation: Type.String({ minLength: 1 }),
  link: LinkSchema,
  /** Optional further sections (the interview questions draw on several notebooks). */
  links: Type.Optional(Type.Array(LinkSchema, { minItems: 1 })),
  exam: Type.Optional(ExamTagSchema),
  /** Facts in the question that may change, each with its source and date (review/README.md). */
  facts: Type.Optional(Type.Array(FactSchema, { minItems: 1 })),
};

/** At most nine options, so that every option has a number key in the terminal quiz. */
const Options = Type.Array(Type.String({ minLength: 1 }), { minItems: 2, maxItems: 9, uniqueItems: true });

export const SingleSchema = Type.Object(
  { ...common, type: Type.Literal("single"), options: Options, answer: Type.String({ minLength: 1 }) },
  { additionalProperties: false },
);

export const MultipleSchema = Type.Object(
  {
    ...common,
    type: Type.Literal("multiple"),
    options: Options,
    answer: Type.Array(Type.String({ minLength: 1 }), { minItems: 1, uniqueItems: true }),
  },
  { additionalProperties: false },
);

export const NumericSchema = Type.Object(
  {
    ...common,
    type: Type.Literal("numeric"),
    answer: Type.Number(),
    /** Absolute tolerance; 0 when absent. */
    tolerance: Type.Optional(Type.Number({ minimum: 0 })),
  },
  { additionalProperties: false },
);

export const FreeSchema = Type.Object(
  {
    ...common,
    type: Type.Literal("free"),
    /** The model answer. */
    answer: Type.String({ minLength: 1 }),
    /** The points a grader (or an interviewer) listens for. */
    rubric: Type.Array(Type.String({ minLength: 1 }), { minItems: 2 }),
  },
  { additionalProperties: false },
);

export const QUESTION_SCHEMAS: Record<QuestionType, TObject> = {
  single: SingleSchema,
  multiple: MultipleSchema,
  numeric: NumericSchema,
  free: FreeSchema,
};

export const QUESTION_TYPES = ["single", "multiple", "numeric", "free"] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export type SingleQuestion = Static<typeof SingleSchema>;
export type MultipleQuestion = Static<typeof MultipleSchema>;
export type NumericQuestion = Static<typeof NumericSchema>;
export type FreeQuestion = Static<typeof FreeSchema>;
export type Question = SingleQuestion | MultipleQuestion | NumericQuestion | FreeQuestion;
export type Link = Static<typeof LinkSchema>;
export type Fact = Static<typeof FactSchema>;

/** A question as loaded, with the file it came from (for error messages). */
export type BankQuestion = Question & { file: string };

/** review/exams.yaml: the practice exams, their official domains and weights, and the practice length and time. */
export const ExamsFileSchema = Type.Object(
  {
    exams: Type.Array(
      Type.Object(
        {
          name: Type.String({ pattern: "^[a-z0-9-]+$" }),
          title: Type.String({ minLength: 1 }),
          /** Questions per practice exam. */
          length: Type.Integer({ minimum: 1, maximum: 200 }),
          minutes: Type.Number({ exclusiveMinimum: 0, maximum: 300 }),
          /** The full-length mock (`--full`): the real exam's number of questions and time. */
          full: Type.Optional(
            Type.Object(
              {
                length: Type.Integer({ minimum: 1, maximum: 200 }),
                minutes: Type.Number({ exclusiveMinimum: 0, maximum: 300 }),
              },
              { additionalProperties: false },
            ),
          ),
          /** The real exam's scaled score range and pass mark; the report maps the raw score onto it. */
          passing: Type.Optional(
            Type.Object(
              {
                min: Type.Integer({ minimum: 0 }),
                max: Type.Integer({ minimum: 1 }),
                score: Type.Integer({ minimum: 0 }),
              },
              { additionalProperties: false },
            ),
          ),
          /** The bank holds at least this many questions for the exam, spread over the domains by weight. */
          bank: Type.Optional(Type.Integer({ minimum: 1 })),
          domains: Type.Array(
            Type.Object(
              { name: Type.String({ minLength: 1 }), weight: Type.Number({ exclusiveMinimum: 0, maximum: 100 }) },
              { additionalProperties: false },
            ),
            { minItems: 1 },
          ),
        },
        { additionalProperties: false },
      ),
      { minItems: 1 },
    ),
  },
  { additionalProperties: false },
);

export type ExamsFile = Static<typeof ExamsFileSchema>;
export type ExamDefinition = ExamsFile["exams"][number];

import { z } from 'zod';

/** One line of a questions file. */
export interface EvalQuestion {
  id: string;
  question: string;
  expectedSources: string[];
  answers: string[];
  unanswerable: boolean;
  /** Language to report the question under; detected from the question when not given. */
  language?: string;
}

const lineSchema = z
  .object({
    id: z.union([z.string(), z.number()]).optional(),
    question: z.string().trim().min(1, 'question must not be empty'),
    expected_sources: z.array(z.string()).optional(),
    answers: z.array(z.string()).optional(),
    unanswerable: z.boolean().optional(),
    language: z
      .string()
      .regex(/^[a-z]{2,3}$/, 'language must be an ISO 639-1 code such as "de"')
      .optional(),
  })
  .strict();

export interface ParsedQuestions {
  questions: EvalQuestion[];
  errors: Array<{ line: number; message: string }>;
}

/** Parses JSONL; bad lines are reported with their (1-based) line number and skipped. */
export function parseQuestions(text: string): ParsedQuestions {
  const questions: EvalQuestion[] = [];
  const errors: ParsedQuestions['errors'] = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (!line || line.startsWith('//')) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      errors.push({ line: index + 1, message: `not valid JSON (${(error as Error).message})` });
      return;
    }
    const parsed = lineSchema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      errors.push({ line: index + 1, message: `${issue.path.join('.') || 'line'}: ${issue.message}` });
      return;
    }
    const q = parsed.data;
    if (q.unanswerable && (q.answers?.length || q.expected_sources?.length)) {
      errors.push({ line: index + 1, message: 'an unanswerable question cannot also have answers or expected_sources' });
      return;
    }
    questions.push({
      id: String(q.id ?? `line-${index + 1}`),
      question: q.question,
      expectedSources: q.expected_sources ?? [],
      answers: q.answers ?? [],
      unanswerable: q.unanswerable ?? false,
      ...(q.language ? { language: q.language } : {}),
    });
  });
  return { questions, errors };
}

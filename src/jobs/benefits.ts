import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** A benefit a job may offer, shown as a tag linking to the inquiry answer that explains it. */
export interface BenefitTag {
  key: string;
  en: string;
  zh: string;
  /** The key of the shipped Q&A (data/demo/questions.json) that explains it. */
  explainer: string;
}

const benefitsSchema = z.array(
  z.object({
    key: z.string().regex(/^[a-z0-9-]+$/),
    en: z.string().min(1),
    zh: z.string().min(1),
    explainer: z.string().regex(/^[a-z0-9-]+$/),
  }),
);

export const DEFAULT_BENEFITS_FILE = 'data/jobs/benefits.json';

/** The tag list is data, read once at start (a bad file stops the start with zod's reason). */
export function readBenefitTags(file = DEFAULT_BENEFITS_FILE): BenefitTag[] {
  const tags = benefitsSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  const keys = new Set(tags.map((t) => t.key));
  if (keys.size !== tags.length) throw new Error(`${file}: a benefit key appears twice`);
  return tags;
}

import { z } from 'zod';
import { STEP_CHANNELS } from '../content/schemas';

/** Response shapes of the inquiry JSON API; they also document it in /api/openapi.json. */

export const topicResponse = z.object({
  slug: z.string(),
  title: z.string(),
  titleZh: z.string(),
  summary: z.string(),
  summaryZh: z.string(),
  questionCount: z.number().int(),
  path: z.string(),
});

export const questionSummaryResponse = z.object({
  id: z.number().int(),
  title: z.string(),
  locale: z.enum(['en', 'zh']),
  status: z.enum(['answered', 'awaiting']),
  origin: z.enum(['seed', 'demo', 'user', 'imported']),
  region: z.string(),
  views: z.number().int(),
  createdAt: z.string(),
  topic: z.object({ slug: z.string(), title: z.string(), titleZh: z.string() }),
  path: z.string(),
});

/** A region's code and its names: `name` in English, `nameZh` in Chinese. */
const regionResponse = z.object({ code: z.string(), name: z.string(), nameZh: z.string() });

export const questionListResponse = z.object({
  topic: z
    .object({ slug: z.string(), title: z.string(), titleZh: z.string(), summary: z.string(), summaryZh: z.string() })
    .nullable(),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
  pageCount: z.number().int(),
  questions: z.array(questionSummaryResponse),
});

const citationResponse = z.object({
  label: z.string().describe('How the site writes the citation, e.g. "Social Insurance Law, Article 72"'),
  asWritten: z.array(z.string()).describe('The citations of this article as the author typed them'),
  statute: z.object({ slug: z.string(), titleZh: z.string(), shortTitleEn: z.string() }),
  versionDate: z.string().describe('Date of the statute version the citation points at'),
  article: z.object({ number: z.number().int(), label: z.string(), text: z.string() }),
  paragraphs: z.array(z.number().int()).describe('Cited paragraphs; empty when the whole article is cited'),
  parts: z.array(z.object({ paragraph: z.number().int().nullable(), item: z.number().int().nullable() })),
  path: z.string(),
});

export const questionResponse = z.object({
  question: z.object({
    id: z.number().int(),
    slug: z.string(),
    path: z.string(),
    locale: z.enum(['en', 'zh']),
    title: z.string(),
    details: z.string(),
    status: z.enum(['answered', 'awaiting']),
    origin: z.enum(['seed', 'demo', 'user', 'imported']),
    askedBy: z
      .union([z.object({ anonymous: z.literal(true) }), z.object({ anonymous: z.literal(false), name: z.string() })])
      .nullable(),
    region: regionResponse,
    views: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
    topic: z.object({ slug: z.string(), title: z.string(), titleZh: z.string(), path: z.string() }),
    translation: z.object({ locale: z.enum(['en', 'zh']), path: z.string() }).nullable(),
  }),
  answers: z.array(
    z.object({
      id: z.number().int(),
      analysisMarkdown: z.string(),
      analysisHtml: z.string(),
      backgroundMarkdown: z.string().nullable(),
      region: regionResponse,
      verifiedOn: z.string(),
      reviewFlag: z
        .enum(['law-amended', 'imported-unreviewed'])
        .nullable()
        .describe('Why an editor must look at this answer, if anything'),
      author: z.string(),
      publishedAt: z.string().nullable(),
      steps: z.array(
        z.object({
          position: z.number().int(),
          action: z.string(),
          materials: z.string(),
          channel: z.enum(STEP_CHANNELS),
          where: z.string(),
          duration: z.string(),
        }),
      ),
      citations: z.array(citationResponse),
    }),
  ),
  related: z
    .array(z.object({ id: z.number().int(), title: z.string(), locale: z.enum(['en', 'zh']), path: z.string() }))
    .describe('Related questions, one per translation group, in the language of the request (?lang=zh|en)'),
});

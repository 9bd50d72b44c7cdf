/**
 * Reading the structured answer form (views/answer-editor-page.tsx) from a posted body: the expert's editor
 * (routes.ts) and the editors' revision editor (revisions/routes.ts) read it alike.
 */
import { type FormBody, field } from '../../platform/web/forms';
import { STEP_CHANNELS } from '../content/schemas';
import type { AnswerEditorValues, StepValues } from './views/answer-editor-page';

const MAX_STEP_ROWS = 30;

/** The form as typed, to show again when it is refused. */
export function readAnswerForm(body: FormBody): AnswerEditorValues {
  const count = Math.min(MAX_STEP_ROWS, Math.max(0, Number(field(body, 'step_count')) || 0));
  const steps: StepValues[] = [];
  for (let i = 0; i < count; i++) {
    steps.push({
      position: field(body, `step_position_${i}`) || String(i + 1),
      action: field(body, `step_action_${i}`),
      materials: field(body, `step_materials_${i}`),
      channel: field(body, `step_channel_${i}`),
      where: field(body, `step_where_${i}`),
      duration: field(body, `step_duration_${i}`),
    });
  }
  return {
    analysis: field(body, 'analysis'),
    steps,
    region: field(body, 'region'),
    verifiedOn: field(body, 'verifiedOn'),
    citations: field(body, 'citations'),
  };
}

/** What the service takes: blank step rows dropped, steps in the order their numbers say, one citation a line. */
export function toAnswerInput(values: AnswerEditorValues) {
  const steps = values.steps
    .filter((s) => s.action.trim())
    .map((s, i) => ({ ...s, order: Number(s.position) || i + 1, index: i }))
    .sort((a, b) => a.order - b.order || a.index - b.index)
    .map((s) => ({
      action: s.action,
      materials: s.materials,
      channel: (STEP_CHANNELS as readonly string[]).includes(s.channel)
        ? (s.channel as (typeof STEP_CHANNELS)[number])
        : 'other',
      where: s.where,
      duration: s.duration,
    }));
  const citations = values.citations
    .split(/\r?\n/)
    .map((c) => c.trim())
    .filter(Boolean);
  return { analysis: values.analysis, steps, region: values.region, verifiedOn: values.verifiedOn, citations };
}

const blankStep = (position: number): StepValues => ({
  position: String(position),
  action: '',
  materials: '',
  channel: 'service-outlet',
  where: '',
  duration: '',
});
export const withBlankRows = (steps: StepValues[], extra: number) => [
  ...steps,
  ...Array.from({ length: extra }, (_, i) => blankStep(steps.length + i + 1)),
];

/** A stored answer as the editor form shows it, with two blank step rows to add to. */
export function storedAnswerValues(
  answer: { analysis_md: string; region_code: string; verified_on: string },
  steps: { position: number; action: string; materials: string; channel: string; location: string; duration: string }[],
  citations: { citation_text: string }[],
): AnswerEditorValues {
  return {
    analysis: answer.analysis_md,
    steps: withBlankRows(
      steps.map((s) => ({
        position: String(s.position),
        action: s.action,
        materials: s.materials,
        channel: s.channel,
        where: s.location,
        duration: s.duration,
      })),
      2,
    ),
    region: answer.region_code,
    verifiedOn: answer.verified_on,
    citations: citations.map((c) => c.citation_text).join('\n'),
  };
}

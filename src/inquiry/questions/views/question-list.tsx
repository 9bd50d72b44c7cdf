import type { QuestionSummary } from '../service';

export function QuestionList({ questions }: { questions: QuestionSummary[] }) {
  return (
    <ul class="question-list">
      {questions.map((q) => (
        <li lang={q.locale === 'zh' ? 'zh-CN' : undefined}>
          <a href={q.path}>{q.title}</a>
        </li>
      ))}
    </ul>
  );
}

// 申领条件自测: answers a few questions one at a time and ends in the service that fits, with a way to start it.
import { chinaDate } from '../../domain/dates';
import { resident } from '../../services/resident';
import { careMode } from '../../utils/careMode';
import { navigate } from '../../utils/routes';
import { next, type Answers, type Outcome, type Question, type QuestionId } from './model';

/** The answers given so far, in order: 上一题 takes back the last one. */
interface Step {
  id: QuestionId;
  value: string;
}

function view(steps: Step[], today: string): { question: Question | null; outcome: Outcome | null; canGoBack: boolean } {
  const answers: Answers = Object.fromEntries(steps.map(({ id, value }) => [id, value]));
  const found = next(answers, today);
  return { question: 'question' in found ? found.question : null, outcome: 'outcome' in found ? found.outcome : null, canGoBack: steps.length > 0 };
}

// The phone's date until the server's arrives: only the estimate of a date depends on it.
const PHONE_TODAY = chinaDate(Date.now());

Component({
  behaviors: [careMode],
  data: {
    steps: [] as Step[],
    today: PHONE_TODAY,
    ...view([], PHONE_TODAY),
  },
  methods: {
    async onLoad() {
      const overview = await resident.overview();
      if (overview.ok && overview.data.today !== this.data.today) this.show(this.data.steps, overview.data.today);
    },
    show(steps: Step[], today?: string) {
      const day = today ?? this.data.today;
      this.setData({ steps, today: day, ...view(steps, day) });
    },
    onAnswer(event: VantEvent<unknown, { value: string }>) {
      const { question } = this.data;
      if (!question) return;
      this.show([...this.data.steps, { id: question.id, value: event.currentTarget.dataset.value }]);
    },
    onBack() {
      this.show(this.data.steps.slice(0, -1));
    },
    onRestart() {
      this.show([]);
    },
    onStart() {
      const service = this.data.outcome?.service;
      if (service) navigate('apply', { service });
    },
  },
});

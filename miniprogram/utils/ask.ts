// Request events: a presentational component asks its page for what only a page may fetch (components
// never call services), and the page answers through the event's `answer`, as Vant's before-read does.

/** The detail of a request event: the question's fields, and where the page sends its answer. */
export type Asking<Question extends object, Answer> = Question & { answer: (value: Answer) => void };

/**
 * Emits the request event `name` and resolves with the page's answer. Every page that shows the
 * component binds the event and answers it; an unanswered request never resolves.
 */
export function ask<Answer, Question extends object = object>(component: WechatMiniprogram.Component.TrivialInstance, name: string, question: Question): Promise<Answer> {
  return new Promise<Answer>((answer) => {
    const detail: Asking<Question, Answer> = { ...question, answer };
    component.triggerEvent(name, detail);
  });
}

/** Answers a request event with what `work` resolves to. */
export function answerWith<Question extends object, Answer>(event: { detail: Asking<Question, Answer> }, work: (question: Question) => Promise<Answer>): void {
  const { answer, ...question } = event.detail;
  void work(question as unknown as Question).then(answer);
}

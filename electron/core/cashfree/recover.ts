import type { CashfreeClient, CreateAnswer, StatusAnswer } from './client.ts';

export type CreateOutcome = { kind: 'created'; answer: CreateAnswer } | { kind: 'answer_lost'; status: StatusAnswer };

export async function createSafely(client: CashfreeClient, req: { verificationId: string; name: string }): Promise<CreateOutcome> {
  return { kind: 'created', answer: await client.create(req) };
}

// createSafely's decisions for sequences the simulator cannot stage on demand (an order that
// shows up only after Cashfree first said it did not exist). The client is replaced by a script
// of real CashfreeError answers; createSafely itself runs unchanged.
import { describe, expect, it } from 'vitest';
import type { CreateInput, CreateReply, RpdApi, StatusQuery, StatusReply } from '../electron/core/cashfree/client.ts';
import { CashfreeError } from '../electron/core/cashfree/errors.ts';
import { createSafely } from '../electron/core/cashfree/recover.ts';
import { resolveRetryPolicy } from '../electron/core/cashfree/retry.ts';

type Step<T> = T | CashfreeError;

function scripted(creates: Array<Step<CreateReply>>, statuses: Array<Step<StatusReply>>) {
  const calls: string[] = [];
  const waits: number[] = [];
  const api: RpdApi = {
    retry: resolveRetryPolicy({ random: () => 0, sleep: async (ms) => void waits.push(ms) }),
    async create(input: CreateInput) {
      calls.push(`create ${input.verificationId}`);
      const next = creates.shift();
      if (next === undefined) throw new Error('unexpected create');
      if (next instanceof CashfreeError) throw next;
      return next;
    },
    async status(q: StatusQuery) {
      calls.push(`status ${'verificationId' in q ? q.verificationId : q.refId}`);
      const next = statuses.shift();
      if (next === undefined) throw new Error('unexpected status');
      if (next instanceof CashfreeError) throw next;
      return next;
    },
  };
  return { api, calls, waits };
}

const timeout = () => new CashfreeError({ code: 'timeout', retryable: true, outcomeUnknown: true, message: 'timeout' });
const notFound = () => new CashfreeError({ code: 'not_found', retryable: false, httpStatus: 400, message: 'unknown id' });
const duplicate = () => new CashfreeError({ code: 'duplicate_id', retryable: false, httpStatus: 400, message: 'exists' });
const status: StatusReply = {
  wire: {},
  verificationId: 'v1', refId: '9', status: 'CREATED', bankAccount: '', ifsc: '', upi: '', nameAtBank: '', utr: '',
  nameMatchScore: null, nameMatchResult: '', addedOn: '', processedOn: '', pennyCollectedOn: '', reversalStatus: '', accountType: '',
};

describe('createSafely decisions', () => {
  it('a duplicate after our own ambiguous attempt is our order: answer_lost', async () => {
    const { api, calls } = scripted([timeout(), duplicate()], [notFound(), status]);
    const outcome = await createSafely(api, { verificationId: 'v1', name: 'Ravi Kumar' });
    expect(outcome).toEqual({ kind: 'answer_lost', status });
    expect(calls).toEqual(['create v1', 'status v1', 'create v1', 'status v1']);
  });

  it('a duplicate on the very first attempt is somebody else\'s id: thrown', async () => {
    const { api, calls } = scripted([duplicate()], []);
    await expect(createSafely(api, { verificationId: 'v1', name: 'Ravi Kumar' })).rejects.toMatchObject({ code: 'duplicate_id' });
    expect(calls).toEqual(['create v1']);
  });

  it('non-CashfreeError failures are not swallowed', async () => {
    const { api } = scripted([], []);
    await expect(createSafely(api, { verificationId: 'v1', name: 'Ravi Kumar' })).rejects.toThrow('unexpected create');
  });
});

import { createBullBoard } from '@bull-board/api';
import type { IServerAdapter } from '@bull-board/api/dist/types';
import { BullAdapter } from '@bull-board/api/bullAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { Router } from 'express';
import { BullJobQueues } from './bull-job-queues';

/** Bull Board's Express router over every queue (mount it behind an admin check: see apps/api/src/admin). */
export function createQueueBoardRouter(queues: BullJobQueues, basePath: string): Router {
  const serverAdapter = new ExpressAdapter().setBasePath(basePath);
  // @bull-board/express 9.10.1 carries its own copy of @bull-board/api's types (9.10.2 here): same shape, distinct declarations.
  createBullBoard({
    queues: queues.all().map((q) => new BullAdapter(q)),
    serverAdapter: serverAdapter as unknown as IServerAdapter,
    options: { uiConfig: { boardTitle: 'Patient Online jobs' } },
  });
  return serverAdapter.getRouter();
}

import { createBullBoard } from '@bull-board/api';
import { BullAdapter } from '@bull-board/api/bullAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { FastifyPluginCallback } from 'fastify';
import { BullJobQueues } from './bull-job-queues';

/**
 * Bull Board over every queue, as a Fastify plugin serving under `basePath` (register it behind an admin
 * check, with `basePath` as its prefix: see apps/api/src/admin).
 */
export function createQueueBoardPlugin(queues: BullJobQueues, basePath: string): FastifyPluginCallback {
  const serverAdapter = new FastifyAdapter().setBasePath(basePath);
  createBullBoard({
    queues: queues.all().map((q) => new BullAdapter(q)),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'Patient Online jobs' } },
  });
  return serverAdapter.registerPlugin();
}

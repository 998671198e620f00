import type { FastifyInstance } from 'fastify';
import type { Platform } from '../app.ts';

export async function disputeRoutes(_app: FastifyInstance, _p: Platform) {}

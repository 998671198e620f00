import type { FastifyInstance } from 'fastify';
import type { Platform } from '../app.ts';

export async function territoryRoutes(_app: FastifyInstance, _p: Platform) {}

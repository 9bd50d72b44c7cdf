import type { FastifyInstance } from 'fastify';
import type { ResumeService } from './service';

export async function resumeRoutes(_app: FastifyInstance, _deps: { resumes: ResumeService }) {}

import type { ExecutionCase } from '../context';
import { exampleCases } from './examples';
import { openCxCases } from './opencx';
import { osviCases } from './osvi';
import { voiceCases } from './voice';

/** Workflows run one by one with `n8n execute`, the sandbox reset before each. */
export const executionCases: ExecutionCase[] = [...osviCases, ...openCxCases, ...exampleCases, ...voiceCases];

import type { ExecutionCase } from "../context";
export const exampleCases: ExecutionCase[] = [];

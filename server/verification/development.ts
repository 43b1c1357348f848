// The development verifier: the developer decides the outcome (pass, fail or cancel). Only the local
// host wires it in; a cloud deployment never does, so `devOutcome` means nothing there.
import { randomBytes } from 'node:crypto';
import type { Verifier } from './types';

export function developmentVerifier(): Verifier {
  return {
    async start() {
      return { verifyId: `dev-${randomBytes(12).toString('base64url')}` };
    },
    async outcome({ devOutcome }) {
      return devOutcome ?? 'pass';
    },
  };
}

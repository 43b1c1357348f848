// The face-verification port. Production plugs in WeChat's verification (getVerifyId / queryVerifyInfo,
// government accounts only); development uses a verifier the developer drives.

export type VerificationOutcome = 'pass' | 'fail' | 'cancel';

export interface Verifier {
  /**
   * Registers a check of this person and returns the id the client's face check runs under, and a memo:
   * what the verifier needs again to ask for the outcome, sealed by the verifier itself (never a form of
   * the ID number anyone could read or reverse), which the server keeps with the check until it ends.
   */
  start(input: { openid: string; name: string; idNumber: string }): Promise<{ verifyId: string; memo?: string }>;
  /** Asks the verification service how the check under `verifyId` ended; never trusts the client. */
  outcome(input: { openid: string; verifyId: string; memo?: string; devOutcome?: VerificationOutcome }): Promise<VerificationOutcome>;
}

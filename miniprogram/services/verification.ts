// Face verification from the client's side: the server starts and judges the check; the phone only
// runs the camera step. In development the developer plays the camera step (pass, fail or cancel).
import type { DevOutcome, Result } from '../domain/contract';
import { resident } from './resident';
import { currentBackend } from './transport';

export type { DevOutcome } from '../domain/contract';

const DEV_CHOICES: { label: string; outcome: DevOutcome }[] = [
  { label: '模拟：本人验证通过', outcome: 'pass' },
  { label: '模拟：验证不通过', outcome: 'fail' },
  { label: '模拟：中途取消', outcome: 'cancel' },
];

/** The development verifier's stand-in for the camera: the developer picks the outcome. */
function chooseDevOutcome(): Promise<DevOutcome> {
  return wx.showActionSheet({ alertText: '开发环境：选择人脸识别结果', itemList: DEV_CHOICES.map((c) => c.label) }).then(
    (res): DevOutcome => DEV_CHOICES[res.tapIndex]?.outcome ?? 'cancel',
    // Dismissing the sheet is the developer cancelling the check.
    (): DevOutcome => 'cancel',
  );
}

/** WeChat's face check (government accounts only). Its result is judged on the server, never here. */
function runWeChatFaceCheck(verifyId: string): Promise<void> {
  return new Promise((resolve) => {
    const api = (wx as unknown as { requestFacialVerify?: (options: object) => void }).requestFacialVerify;
    if (!api) return resolve();
    api({ verifyId, complete: () => resolve() });
  });
}

/** Runs the whole check and answers with a verification token, or the error to show. */
export async function verifyPerson(person: { name: string; idNumber: string } | Record<string, never>): Promise<Result<{ verificationToken: string; expiresAt: number }>> {
  const started = await resident.startVerification(person);
  if (!started.ok) return started;
  const { verifyId } = started.data;
  if (currentBackend().kind === 'local') {
    return resident.finishVerification(verifyId, await chooseDevOutcome());
  }
  await runWeChatFaceCheck(verifyId);
  return resident.finishVerification(verifyId);
}

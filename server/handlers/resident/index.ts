// The `resident` cloud function's actions.
import type { ActionTable } from '../dispatch';
import { getApplication, listApplications, overview, withdraw } from './applications';
import { submitDeclaration } from './declaration';
import { applyFor } from './apply';
import { fileLinks } from './files';
import { resubmit } from './resubmit';
import { finishVerification, startVerification } from './verification';

export const residentActions: ActionTable = {
  overview,
  startVerification,
  finishVerification,
  submitDeclaration,
  applyPermit: applyFor('permit'),
  applyVoucher: applyFor('voucher'),
  applyReissue: applyFor('reissue'),
  listApplications,
  getApplication,
  withdraw,
  resubmit,
  fileLinks,
};

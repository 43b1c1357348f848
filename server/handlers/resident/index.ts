// The `resident` cloud function's actions, checked against the contract map.
import type { HandlersOf } from '../dispatch';
import { getApplication, listApplications, overview, withdraw } from './applications';
import { submitDeclaration } from './declaration';
import { applyFor } from './apply';
import { fileLinks } from './files';
import { resubmit } from './resubmit';
import { recordSubscriptions } from './subscriptions';
import { subscriptionTemplates } from './subscriptionTemplates';
import { confirmUpload, prepareUpload } from './uploads';
import { finishVerification, startVerification } from './verification';

export const residentActions = {
  overview,
  startVerification,
  finishVerification,
  submitDeclaration,
  applyPermit: applyFor('permit'),
  applyVoucher: applyFor('voucher'),
  applyReissue: applyFor('reissue'),
  applyEndorsement: applyFor('endorsement'),
  listApplications,
  getApplication,
  withdraw,
  resubmit,
  fileLinks,
  prepareUpload,
  confirmUpload,
  recordSubscriptions,
  subscriptionTemplates,
} satisfies HandlersOf<'resident'>;

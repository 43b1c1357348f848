// How a page answers the material-uploads step's requests: each photo sent through the services with
// its progress, and fresh links for photos kept from before. The apply flow and 补正 share it.
import type { LinksAsk, UploadAsk } from '../../components/material-uploads/index';
import { linksFor, uploadPhoto } from '../../services/files';
import { answerWith } from '../../utils/ask';

/** Methods for a page's `methods`, bound as `bind:upload="onUploadPhoto" bind:links="onPhotoLinks"`. */
export const photoRequests = {
  onUploadPhoto(event: VantEvent<UploadAsk>) {
    answerWith(event, ({ path, onProgress }) => uploadPhoto(path, onProgress));
  },
  onPhotoLinks(event: VantEvent<LinksAsk>) {
    answerWith(event, ({ fileIds }) => linksFor(fileIds));
  },
};

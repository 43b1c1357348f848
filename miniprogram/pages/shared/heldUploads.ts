// The photos a page's uploads step holds right now. They change with every upload that settles, but the
// page shows them only as where the step starts (its `initial`), so they are kept here rather than in
// data: setting them there would send every list to the view again, for nothing shown.
import type { UploadLists } from '../../components/material-uploads/model';

const held = new WeakMap<object, UploadLists>();

/** Keeps the lists the step last reported for `page`. */
export function holdUploads(page: object, lists: UploadLists): void {
  held.set(page, lists);
}

/** The lists the step last reported, else what the page's data holds. */
export function heldUploads(page: object, shown: UploadLists): UploadLists {
  return held.get(page) ?? shown;
}

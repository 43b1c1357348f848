// 办事指南: what to bring, what a good photo looks like and what is refused, the ID photo's rules,
// what to take on pickup day, and the questions people ask. Read-only; everything comes from content.ts.
import { careMode } from '../../utils/careMode';
import { FAQS, ID_PHOTO_EXAMPLES, ID_PHOTO_RULES, MATERIALS_BY_KIND, PHOTO_EXAMPLES, PHOTO_TIPS, PICKUP_CHECKLIST } from './content';

Component({
  behaviors: [careMode],
  data: {
    kinds: MATERIALS_BY_KIND,
    photoExamples: PHOTO_EXAMPLES,
    photoTips: PHOTO_TIPS,
    idPhotoExamples: ID_PHOTO_EXAMPLES,
    idPhotoRules: ID_PHOTO_RULES,
    checklist: PICKUP_CHECKLIST,
    faqs: FAQS,
  },
});

// Every built-in the preview renders as real HTML or with WeChat's behaviour; the others stay
// miniprogram-simulate's plain containers (<wx-view>, <wx-text>…) styled by styles/base.css.
import { registerBasics } from './basic';
import { registerChoices } from './choices';
import { registerImage } from './image';
import { registerPageMeta } from './page-meta';
import { registerTextInputs } from './input';
import { registerVideo } from './media';
import { registerPicker } from './picker';

export function registerBuiltIns(): void {
  registerTextInputs();
  registerImage();
  registerVideo();
  registerBasics();
  registerChoices();
  registerPicker();
  registerPageMeta();
}

// <video> as a real HTML video with controls (Vant's uploader previews chosen videos with it).
import { defineBuiltIn } from './define';

export function registerVideo(): void {
  defineBuiltIn('video', {
    properties: { src: { type: String, value: '' }, poster: { type: String, value: '' }, controls: { type: Boolean, value: true } },
    update(host) {
      let video = host.querySelector(':scope > video');
      if (!(video instanceof HTMLVideoElement)) {
        video = document.createElement('video');
        host.appendChild(video);
      }
      const element = video as HTMLVideoElement;
      element.controls = this.data.controls !== false;
      element.playsInline = true;
      if (element.getAttribute('src') !== this.data.src) element.src = String(this.data.src ?? '');
      element.poster = String(this.data.poster ?? '');
    },
  });
}

// <video> as a real HTML video with controls (Vant's uploader previews chosen videos with it).
import { defineBuiltIn } from './define';
import { imageUrl } from './image';

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
      const src = imageUrl(String(this.data.src ?? ''));
      if (element.getAttribute('src') !== src) element.src = src;
      element.poster = imageUrl(String(this.data.poster ?? ''));
    },
  });
}

// An application's materials as rows of thumbnails; a tap opens the photo viewer on that material's photos.
Component({
  properties: {
    /** One row per material: its label and the signed links of its photos. */
    materials: { type: Array, value: [] as { label: string; urls: string[] }[] },
  },
  methods: {
    onPreview(event: VantEvent<unknown, { urls: string[]; url: string }>) {
      const { urls, url } = event.currentTarget.dataset;
      wx.previewImage({ urls, current: url });
    },
  },
});

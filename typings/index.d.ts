// Global types of the mini-program.
interface IAppOption {
  globalData: Record<string, never>;
}

/** An event from a Vant component or our own: `detail` may be a plain value, which WeChat's typings do not allow. */
interface VantEvent<Detail, Dataset = Record<string, never>> {
  type: string;
  detail: Detail;
  currentTarget: { dataset: Dataset };
}

// j-component's internal helpers (src/tool/utils.js); the preview replaces its rpx conversion and
// reads component tags (a component's classes are prefixed with its tag).
interface JComponentUtils {
  transformRpx(style: string, keepZero?: boolean): string;
  getTagName(id: string): string | undefined;
}
declare const utils: JComponentUtils;
export default utils;

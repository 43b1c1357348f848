// j-component's internal helpers (src/tool/utils.js); the preview replaces its rpx conversion.
interface JComponentUtils {
  transformRpx(style: string, keepZero?: boolean): string;
}
declare const utils: JComponentUtils;
export default utils;

// rpx → px for the preview's screen width, rounded the way WeChat's renderer rounds (floor, and a
// non-zero value never collapses below 1 px, so hairlines stay visible).
import { SCREEN_WIDTH } from './screen';

const RPX = /(^|[^\w.-])(-?(?:\d+\.?\d*|\.\d+))rpx\b/gi;

export function rpxToPx(css: string): string {
  return css.replace(RPX, (_all, before: string, number: string) => {
    const value = Number(number);
    const px = Math.floor(Math.abs(value) * (SCREEN_WIDTH / 750) + 0.0001);
    const rounded = px === 0 && value !== 0 ? 1 : px;
    return `${before}${value < 0 ? -rounded : rounded}px`;
  });
}

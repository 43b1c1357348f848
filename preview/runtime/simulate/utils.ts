// Stands in for miniprogram-simulate's src/utils.js in the browser: files come from the build's
// virtual file map and runJs runs the component's bundled module.
import { files } from 'preview:app';
import { runComponent } from '../modules';

export function getEnv(): string {
  return 'browser';
}

export function readFile(filePath: string): string | null {
  return files[filePath] ?? null;
}

/** A fresh object per call: simulate rewrites usingComponents in place. */
export function readJson(filePath: string): Record<string, unknown> | null {
  const text = readFile(filePath);
  if (text === null) return null;
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return null;
  }
}

export function runJs(filePath: string): void {
  runComponent(filePath);
}

// Same id scheme as simulate (digits spelled with letters, so ids are valid tag names).
let seed = Date.now();
const LETTERS = 'abcdefghij';
export function getId(): string {
  seed += 1;
  return String(seed)
    .split('')
    .map((digit) => LETTERS[Number(digit)])
    .join('');
}

export function isAbsolute(input: unknown): boolean {
  return typeof input === 'string' && /^(\/|\\|([a-zA-Z]:[/\\]))/.test(input);
}

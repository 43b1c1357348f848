// Errors thrown by the mini-program's own code (lifetimes, event handlers, page hooks) are caught by
// exparser and the router; they are reported the way the browser reports uncaught errors, so the
// console, the development panel and the end-to-end tests all see them.
import * as exparser from 'miniprogram-exparser';

export function reportAppError(error: unknown): void {
  window.reportError(error instanceof Error ? error : new Error(String(error)));
}

export function installErrorReporting(): void {
  exparser.addGlobalErrorListener((error: unknown) => {
    reportAppError(error);
    return false; // reported above; exparser would only print it again
  });
}

/**
 * Request guard for the print page: the page may load data:/about: URLs and file:// URLs under
 * allowed directories, nothing else. Every other request is aborted and recorded.
 */
import { realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HTTPRequest, Page } from 'puppeteer-core';

function realish(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

function isInside(path: string, dir: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** Whether the print page may load `url`. */
export function isAllowedUrl(url: string, allowedDirs: readonly string[] = []): boolean {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme === 'data' || scheme === 'about') return true;
  if (scheme !== 'file') return false;
  let path: string;
  try {
    path = realish(fileURLToPath(url));
  } catch {
    return false; // file://host/… or a malformed URL
  }
  return allowedDirs.some((dir) => isInside(path, realish(dir)));
}

export interface RequestGuard {
  /** URLs the page asked for and did not get, in request order. */
  readonly blocked: string[];
  /** Removes the handler and turns interception off (safe to call twice, or on a dead page). */
  dispose(): Promise<void>;
}

/** Turns on request interception for `page` with the allow-list above. */
export async function guardRequests(page: Page, allowedDirs: readonly string[] = []): Promise<RequestGuard> {
  const blocked: string[] = [];
  const onRequest = (req: HTTPRequest): void => {
    if (req.isInterceptResolutionHandled()) return;
    const url = req.url();
    if (isAllowedUrl(url, allowedDirs)) {
      req.continue().catch(() => undefined);
    } else {
      blocked.push(url);
      req.abort('blockedbyclient').catch(() => undefined);
    }
  };
  await page.setRequestInterception(true);
  page.on('request', onRequest);
  let disposed = false;
  return {
    blocked,
    async dispose() {
      if (disposed) return;
      disposed = true;
      page.off('request', onRequest);
      if (!page.isClosed()) await page.setRequestInterception(false).catch(() => undefined);
    },
  };
}

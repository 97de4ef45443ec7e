/**
 * Where the packet's 資料 stamp goes on the first page of a document that is not ours: the free
 * place nearest the usual top-right position (along the top first, then lower), clear of what the
 * page draws (content-extent.ts) by a small gap. When the top of the page has no such place, the
 * page's content is scaled down about its bottom centre just enough to free a band at the top.
 * Pure functions.
 */
import type { Rect } from './content-extent.ts';

export interface StampArea {
  /** Lower-left corner of the stamp tile, PDF points. */
  x: number;
  y: number;
}

export interface StampPlacement {
  at: StampArea;
  /** The page's content scaled by this factor about its bottom centre (1 = untouched). */
  scale: number;
}

const MM = 72 / 25.4;
/** Space kept between the stamp and the page's content. */
export const CLEARANCE_MM = 2;
/** Step of the search grid. */
const STEP_MM = 1;
/** How far down from its usual place the stamp may go (the top of the page is where a 資料 number belongs). */
const MAX_DROP_MM = 30;
/** The stamp never goes left of the page's centre line. */
const LEFTMOST_FRACTION = 0.5;

const overlaps = (a: Rect, b: Rect): boolean => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/**
 * The placement of a `width` × `height` stamp whose usual lower-left corner is `usual` on a page
 * (`page`) that draws on `occupied`.
 */
export function placeStamp(occupied: readonly Rect[], page: Rect, usual: StampArea, width: number, height: number): StampPlacement {
  const gap = CLEARANCE_MM * MM;
  const step = STEP_MM * MM;
  const fits = (x: number, y: number): boolean => {
    const r = { x0: x - gap, y0: y - gap, x1: x + width + gap, y1: y + height + gap };
    return !occupied.some((o) => overlaps(o, r));
  };
  // cost: moving down counts double moving left
  let best: { at: StampArea; cost: number } | undefined;
  const leftmost = page.x0 + (page.x1 - page.x0) * LEFTMOST_FRACTION;
  for (let dy = 0; dy <= MAX_DROP_MM * MM + 1e-9; dy += step) {
    if (best && 2 * dy >= best.cost) break;
    for (let dx = 0; usual.x - dx >= leftmost - 1e-9; dx += step) {
      const cost = dx + 2 * dy;
      if (best && cost >= best.cost) break;
      if (fits(usual.x - dx, usual.y - dy)) {
        best = { at: { x: usual.x - dx, y: usual.y - dy }, cost };
        break;
      }
    }
  }
  if (best) return { at: best.at, scale: 1 };
  return { at: usual, scale: shrinkToFree(page, usual.y - gap) };
}

/**
 * The scale about the bottom of the page that brings everything below the page top down under
 * `freeFrom` (the lowest point the stamp and its gap need).
 */
export function shrinkToFree(page: Rect, freeFrom: number): number {
  const height = page.y1 - page.y0;
  return Math.max(0.5, (freeFrom - page.y0) / height);
}

/** The `cm` matrix that scales a page's content by `scale` about its bottom centre. */
export function scaleMatrix(page: Rect, scale: number): [number, number, number, number, number, number] {
  const cx = (page.x0 + page.x1) / 2;
  return [scale, 0, 0, scale, cx * (1 - scale), page.y0 * (1 - scale)];
}

/** Minimal declarations for the parts of fontkit 2 this project uses (no @types/fontkit exists). */
declare module 'fontkit' {
  export interface Glyph {
    readonly id: number;
    readonly advanceWidth: number;
    readonly codePoints: number[];
  }

  export interface Subset {
    /** Adds a glyph (by id or object) and returns its glyph id inside the subset. */
    includeGlyph(glyph: number | Glyph): number;
    /** Encodes the subset as an sfnt (TrueType) file. */
    encode(): Uint8Array;
  }

  export interface Font {
    readonly type: string;
    readonly postscriptName: string;
    readonly familyName: string;
    readonly subfamilyName: string;
    readonly unitsPerEm: number;
    readonly ascent: number;
    readonly descent: number;
    readonly numGlyphs: number;
    readonly characterSet: number[];
    readonly directory: { tables: Record<string, { tag: string; offset: number; length: number; checkSum: number }> };
    hasGlyphForCodePoint(codePoint: number): boolean;
    glyphForCodePoint(codePoint: number): Glyph;
    getGlyph(id: number): Glyph;
    createSubset(): Subset;
  }

  export interface FontCollection {
    readonly type: 'TTC' | 'DFont';
    readonly fonts: Font[];
    getFont(name: string): Font | null;
  }

  export function openSync(filename: string, postscriptName?: string): Font | FontCollection;
  export function create(buffer: Uint8Array, postscriptName?: string): Font | FontCollection;
}

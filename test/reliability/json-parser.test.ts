/** The input layer's JSON parser (src/input/json.ts): JSON.parse's values, plus places and problems. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors/errors.ts';
import { parseJsonDocument } from '../../src/input/json.ts';
import { dataPath, samplePath } from '../helpers/seeds.ts';

function problems(text: string): string[] {
  try {
    parseJsonDocument(text, 'f.json');
  } catch (err) {
    if (err instanceof InputError) return err.problems.map((p) => `${p.location.place}: ${p.rule}`);
    throw err;
  }
  return [];
}

describe('parseJsonDocument', () => {
  it('gives what JSON.parse gives for the bundled data and samples', () => {
    for (const file of [dataPath('catalog/fy2024.json'), samplePath('municipality.json'), samplePath('narrative.json'), dataPath('national/fy2024-summary.json')]) {
      const text = readFileSync(file, 'utf8');
      expect(parseJsonDocument(text, file).value).toEqual(JSON.parse(text));
    }
    const tricky = '{"a":[-0.5e+3,0,1E2,true,false,null,"\\u00e9\\ud83d\\ude00\\"\\\\\\/\\b\\f\\n\\r\\t"],"":{}, "b" : [ [ ] ] }';
    expect(parseJsonDocument(tricky, 'f').value).toEqual(JSON.parse(tricky));
  });

  it('records where each value was typed, by JSON path', () => {
    const doc = parseJsonDocument('\uFEFF{\n  "scores": {\n    "suishin.I.i.1": 16\n  },\n  "list": [1,\n 2]\n}', 'f');
    expect(doc.places.get('$')).toEqual({ line: 1, column: 1 });
    expect(doc.places.get('$.scores["suishin.I.i.1"]')).toEqual({ line: 3, column: 5 });
    expect(doc.places.get('$.list[1]')).toEqual({ line: 6, column: 2 });
  });

  it('every syntax error has a line and column and quotes none of the text', () => {
    expect(problems('{"secret": TOPSECRET}')).toEqual(['line 1, column 12: not valid JSON: expected a value here (a string in double quotes, a number, an object, an array, true, false or null)']);
    expect(problems('{"a": 1,}')).toEqual(['line 1, column 9: not valid JSON: a comma before the closing bracket (JSON allows no trailing comma)']);
    expect(problems('[1 2]')).toEqual(['line 1, column 4: not valid JSON: expected "," or "]" here']);
    expect(problems('{"a" 1}')).toEqual(['line 1, column 6: not valid JSON: expected ":" after the key']);
    expect(problems('')).toEqual(['line 1, column 1: not valid JSON: the file is empty']);
    expect(problems('{"a": 01}')[0]).toMatch(/^line 1, column 8: not valid JSON: not a valid JSON number/);
    expect(problems('{"a": "x\ny"}')[0]).toMatch(/^line 1, column 9: not valid JSON: a line break or control character inside a string/);
    expect(problems('\n\n  "abc')).toEqual(['line 3, column 3: not valid JSON: a string is never closed (a double quote is missing)']);
    expect(problems('{} x')).toEqual(['line 1, column 4: not valid JSON: more text after the end of the JSON value']);
    expect(problems('[1,2,')).toEqual(['line 1, column 6: not valid JSON: unexpected end of the file (a value, a closing "}" or "]" is missing)']);
  });

  it('a depth limit instead of a stack overflow', () => {
    expect(problems('['.repeat(1_000_000))).toEqual(['line 1, column 65: not valid JSON: nested deeper than 64 levels of objects and arrays']);
    expect(problems('['.repeat(64) + ']'.repeat(64))).toEqual([]);
  });

  it('repeated and prototype keys are reported at their line, and never change an object', () => {
    expect(problems('{\n  "a": 1,\n  "a": 2,\n  "__proto__": {"x": 1},\n  "b": {"constructor": 1, "prototype": 2}\n}')).toEqual([
      '$.a (line 3, column 3): key appears more than once in the same object (JSON keeps only the last)',
      '$.__proto__ (line 4, column 3): key "__proto__" is not allowed (it would be lost or change the object on the way through JavaScript)',
      '$.b.constructor (line 5, column 9): key "constructor" is not allowed (it would be lost or change the object on the way through JavaScript)',
      '$.b.prototype (line 5, column 27): key "prototype" is not allowed (it would be lost or change the object on the way through JavaScript)',
    ]);
  });
});

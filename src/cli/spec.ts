/**
 * The declaration of a command: its name, a one-line summary, its positionals and its options,
 * each described in both languages. From this one declaration come the parser
 * (`parseCommandArgs`), the usage line of usage errors, `kofukin --help` and
 * `kofukin <command> --help`, and the README's command reference (checked by
 * test/cli/specs-readme.test.ts). Spec modules (src/cli/specs/) import nothing heavy, so help and
 * usage errors never load a command's module.
 */
import { currentLanguage } from '../errors/language.ts';

/** A text in both languages. */
export interface Text {
  ja: string;
  en: string;
}

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  multiple?: boolean;
  default?: string;
  /** Name of the value in usage and help: DIR, FILE, N. */
  value?: string;
  description: Text;
}

export type OptionSpecs = Record<string, OptionSpec>;

export interface PositionalSpec {
  /** As shown in usage: `municipality.json|.xlsx`. */
  name: string;
  description: Text;
  required: boolean;
  /** Takes every remaining argument (`<report.pdf>…`). */
  variadic?: boolean;
  /** `-` reads the file from standard input. */
  stdin?: boolean;
  /** A directory is accepted (batch); otherwise a directory gets a hint naming a file in it. */
  directory?: boolean;
  /** The file a directory given here usually holds (`municipality.json`), for the hint. */
  fileInDirectory?: string;
  /** The usage error when a required positional is missing (default: "missing argument <name>"). */
  missing?: Text;
  /** File extensions accepted, for the directory hint. */
  extensions?: readonly string[];
}

export interface CommandSpec<O extends OptionSpecs = OptionSpecs> {
  name: string;
  summary: Text;
  positionals: readonly PositionalSpec[];
  options: O;
  /** Extra lines printed under the option list of `--help`. */
  notes?: Text;
  /** An example for a missing argument's hint. */
  example?: string;
}

/** Declares a command (keeps the literal option types for the parser's typed result). */
export function defineCommand<O extends OptionSpecs>(spec: CommandSpec<O>): CommandSpec<O> {
  return spec;
}

/** Options every command understands (taken off the command line by src/cli.ts). */
export const GLOBAL_OPTIONS: OptionSpecs = {
  help: { type: 'boolean', short: 'h', description: { ja: 'このヘルプを表示する', en: 'show this help' } },
  lang: { type: 'string', value: 'ja|en', description: { ja: 'メッセージの言語（既定 ja。KOFUKIN_LANG=en や LANG=C でも英語）', en: 'language of the messages (default ja; also KOFUKIN_LANG=en or LANG=C for English)' } },
  progress: { type: 'boolean', description: { ja: '進行状況を標準エラー出力に表示する（端末では既定で表示）', en: 'show progress on standard error (shown by default on a terminal)' } },
  quiet: { type: 'boolean', short: 'q', description: { ja: '進行状況と補足（書き出し先など）を表示しない', en: 'show no progress lines and no notes (such as where files went)' } },
  debug: { type: 'boolean', description: { ja: '内部エラーのスタックトレースを表示する', en: 'print the stack trace of an internal error' } },
};

export function text(t: Text): string {
  return t[currentLanguage()];
}

function positionalToken(p: PositionalSpec): string {
  const core = `<${p.name}>${p.variadic ? '…' : ''}`;
  return p.required ? core : `[${core}]`;
}

function optionToken(name: string, o: OptionSpec): string {
  const flag = `--${name}${o.type === 'string' ? ` ${o.value ?? 'VALUE'}` : ''}`;
  return `[${flag}]${o.multiple ? '…' : ''}`;
}

/** `kofukin summary <municipality.json|.xlsx> [--json] …` */
export function usageLine(spec: CommandSpec): string {
  return ['kofukin', spec.name, ...spec.positionals.map(positionalToken), ...Object.entries(spec.options).map(([n, o]) => optionToken(n, o))].join(' ');
}

function optionLabel(name: string, o: OptionSpec): string {
  const long = `--${name}${o.type === 'string' ? ` ${o.value ?? 'VALUE'}` : ''}`;
  return o.short ? `-${o.short}, ${long}` : `    ${long}`;
}

const HELP_WORDS = {
  usage: { ja: '使い方', en: 'usage' },
  arguments: { ja: '引数', en: 'arguments' },
  options: { ja: 'オプション', en: 'options' },
  global: { ja: '共通オプション', en: 'global options' },
  commands: { ja: 'コマンド', en: 'commands' },
  default: { ja: '既定', en: 'default' },
  repeatable: { ja: '繰り返し可', en: 'repeatable' },
  stdin: { ja: '- で標準入力から読む', en: '- reads standard input' },
  required: { ja: '必須', en: 'required' },
  more: {
    ja: '各コマンドのオプションは `kofukin <コマンド> --help`、バージョンは `kofukin --version` で表示します。',
    en: 'Run `kofukin <command> --help` for the options of a command; `kofukin --version` prints the version.',
  },
} satisfies Record<string, Text>;

function rows(entries: Array<[string, string]>): string[] {
  const width = Math.min(28, Math.max(...entries.map(([l]) => l.length)));
  return entries.map(([label, desc]) => (label.length > width ? `  ${label}\n  ${' '.repeat(width)}  ${desc}` : `  ${label.padEnd(width)}  ${desc}`));
}

function optionDescription(o: OptionSpec): string {
  const extra: string[] = [];
  if (o.default !== undefined) extra.push(`${text(HELP_WORDS.default)} ${o.default}`);
  if (o.multiple) extra.push(text(HELP_WORDS.repeatable));
  const d = text(o.description);
  if (extra.length === 0) return d;
  return currentLanguage() === 'ja' ? `${d}（${extra.join('、')}）` : `${d} (${extra.join(', ')})`;
}

function positionalDescription(p: PositionalSpec): string {
  const d = text(p.description);
  return p.stdin ? `${d}${currentLanguage() === 'ja' ? `（${text(HELP_WORDS.stdin)}）` : ` (${text(HELP_WORDS.stdin)})`}` : d;
}

/** `kofukin <command> --help`, in the current language. */
export function commandHelp(spec: CommandSpec): string {
  const out = [`${text(HELP_WORDS.usage)}: ${usageLine(spec)}`, '', text(spec.summary)];
  if (spec.positionals.length > 0) {
    out.push('', `${text(HELP_WORDS.arguments)}:`);
    out.push(...rows(spec.positionals.map((p) => [positionalToken(p), positionalDescription(p)])));
  }
  const opts = Object.entries(spec.options);
  if (opts.length > 0) {
    out.push('', `${text(HELP_WORDS.options)}:`);
    out.push(...rows(opts.map(([n, o]) => [optionLabel(n, o), optionDescription(o)])));
  }
  if (spec.notes) out.push('', text(spec.notes));
  out.push('', `${text(HELP_WORDS.global)}:`);
  out.push(...rows(Object.entries(GLOBAL_OPTIONS).map(([n, o]) => [optionLabel(n, o), optionDescription(o)])));
  return out.join('\n') + '\n';
}

/** `kofukin --help`, in the current language. */
export function mainHelp(specs: readonly CommandSpec[]): string {
  const width = Math.max(...specs.map((s) => s.name.length));
  return [
    `${text(HELP_WORDS.usage)}: ${currentLanguage() === 'ja' ? 'kofukin <コマンド> [オプション]' : 'kofukin <command> [options]'}`,
    '',
    `${text(HELP_WORDS.commands)}:`,
    ...specs.map((s) => `  ${s.name.padEnd(width)}  ${text(s.summary)}`),
    '',
    `${text(HELP_WORDS.global)}:`,
    ...rows([['    --version', currentLanguage() === 'ja' ? 'バージョンを表示する' : 'print the version'], ...Object.entries(GLOBAL_OPTIONS).map(([n, o]) => [optionLabel(n, o), optionDescription(o)] as [string, string])]),
    '',
    text(HELP_WORDS.more),
  ].join('\n');
}

/**
 * The README's command reference (English), generated from the specs: the README holds it between
 * `<!-- commands:begin -->` and `<!-- commands:end -->`; `npx tsx scripts/readme-commands.ts`
 * rewrites it, and test/cli/specs-readme.test.ts fails when it differs.
 */
export function readmeReference(specs: readonly CommandSpec[]): string {
  const en = (t: Text) => t.en;
  const out: string[] = [];
  for (const s of specs) {
    const summary = en(s.summary);
    out.push(`#### \`kofukin ${s.name}\``, '', `${summary[0]!.toUpperCase()}${summary.slice(1)}.`, '', '```', usageLine(s), '```', '');
    for (const p of s.positionals) out.push(`- \`${positionalToken(p)}\`: ${en(p.description)}${p.stdin ? ' (`-` reads standard input)' : ''}`);
    for (const [n, o] of Object.entries(s.options)) {
      const extra = [o.default !== undefined ? `default ${o.default}` : '', o.multiple ? 'repeatable' : ''].filter(Boolean).join(', ');
      out.push(`- \`${optionLabel(n, o).trim()}\`: ${en(o.description)}${extra ? ` (${extra})` : ''}`);
    }
    out.push('');
  }
  out.push('#### Global options', '', 'Every command also takes:', '');
  for (const [n, o] of Object.entries(GLOBAL_OPTIONS)) out.push(`- \`${optionLabel(n, o).trim()}\`: ${en(o.description)}`);
  out.push('- `--version`: print the version (`kofukin --version`)');
  return out.join('\n') + '\n';
}

/**
 * `kofukin agenda <pdf>… --title T --date YYYY-MM-DD [--out FILE] [--page-numbers]
 * [--doc-title T]…`: binds report PDFs into one agenda packet with a cover page listing them as
 * 資料1…N, a 資料N stamp on each document's first page, one bookmark per document (its own
 * bookmarks beneath) and, optionally, continuous page numbers. Written atomically.
 */
import { stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { UsageError } from '../errors/errors.ts';
import { agendaStampMessages } from '../errors/messages-agenda.ts';
import { BrowserSession } from '../print/browser.ts';
import { withOutputSet } from '../output/set.ts';
import { readAgendaInputs } from '../agenda/input.ts';
import { buildAgendaPacket } from '../agenda/packet.ts';
import { usageLine } from '../cli/spec.ts';
import { agendaSpec } from '../cli/specs/agenda.ts';
import { progressFor } from '../cli/progress.ts';
import { cliMessages } from '../errors/messages-cli.ts';
import { parseCommandArgs, type Command } from './command.ts';

const USAGE = usageLine(agendaSpec);

/** Checks YYYY-MM-DD is a real calendar day from 昭和 on (the cover shows it in era form). */
export function parseIsoDate(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!m || !d || d.toISOString().slice(0, 10) !== value) throw new UsageError(`--date must be a date written YYYY-MM-DD, not "${value}"\n\nusage: ${USAGE}`);
  if (value < '1926-12-25') throw new UsageError(`--date ${value} is before the 昭和 era; the cover cannot write it as a Japanese date`);
  return value;
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

export const command: Command = async (args, io) => {
  const { values, positionals } = parseCommandArgs(agendaSpec, args);
  if (positionals.length === 0) throw new UsageError(`no PDF to bind: give one or more report PDFs\n\nusage: ${USAGE}`);
  const title = typeof values.title === 'string' ? values.title.trim() : '';
  if (!title) throw new UsageError(`--title is required (the packet title)\n\nusage: ${USAGE}`);
  if (typeof values.date !== 'string') throw new UsageError(`--date is required (the meeting date, YYYY-MM-DD)\n\nusage: ${USAGE}`);
  const date = parseIsoDate(values.date);
  const docTitles = (values['doc-title'] ?? []).map((t) => t.trim());
  if (docTitles.length > positionals.length)
    throw new UsageError(`${docTitles.length} --doc-title given for ${positionals.length} PDF(s): give at most one per PDF, in order`);
  if (docTitles.some((t) => t === '')) throw new UsageError('--doc-title must not be empty');

  const defaultName = `agenda-${date}.pdf`;
  let out = resolve(typeof values.out === 'string' ? values.out : join('out', defaultName));
  if (typeof values.out === 'string' && (values.out.endsWith('/') || (await isDirectory(out)))) out = join(out, defaultName);

  const progress = progressFor(io, 'agenda', 3);
  progress.step(cliMessages.reading(positionals.join(', ')));
  const inputs = await readAgendaInputs(positionals);
  const session = new BrowserSession({ executablePath: typeof values.browser === 'string' ? values.browser : undefined, env: io.env, maxPages: 2 });
  try {
    progress.step(cliMessages.binding(inputs.length));
    const packet = await buildAgendaPacket(
      inputs,
      {
        title,
        date,
        docTitles,
        pageNumbers: Boolean(values['page-numbers']),
        keepNumbers: Boolean(values['keep-numbers']),
        env: io.env,
        ...(typeof values.author === 'string' ? { author: values.author } : {}),
      },
      session,
    );
    if (!packet.tagged)
      io.stderr.write('kofukin agenda: warning: not every input PDF is tagged, so the packet carries no structure tree (it is not a tagged PDF)\n');
    for (const moved of packet.stampPlacements) {
      const doc = packet.plan.documents.find((d) => d.firstIndex === moved.pageIndex);
      if (!doc) continue;
      const file = basename(positionals[doc.number - 1] ?? '');
      if (moved.scale < 1) io.stderr.write(`kofukin agenda: ${agendaStampMessages.pageScaled(doc.label, file, Math.round(moved.scale * 100))}\n`);
      else if (moved.movedMm.left > 0 || moved.movedMm.down > 0)
        io.stderr.write(`kofukin agenda: ${agendaStampMessages.stampMoved(doc.label, file, moved.movedMm.left, moved.movedMm.down)}\n`);
    }
    progress.step(cliMessages.writing(out));
    await withOutputSet((set) => set.write(out, packet.pdf));
    io.stdout.write(`${out}\n`);
    return 0;
  } finally {
    await session.close();
  }
};

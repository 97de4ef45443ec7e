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
import { parseCommandArgs, type Command, usageError } from './command.ts';
import { commandMessages, problemMessages, runMessages } from '../errors/messages.ts';

const USAGE = usageLine(agendaSpec);

/** Checks YYYY-MM-DD is a real calendar day from 昭和 on (the cover shows it in era form). */
export function parseIsoDate(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!m || !d || d.toISOString().slice(0, 10) !== value) throw usageError(USAGE, commandMessages.dateNotIsoWritten(value));
  if (value < '1926-12-25') throw new UsageError(commandMessages.dateBeforeShowa(value));
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
  const title = typeof values.title === 'string' ? values.title.trim() : '';
  if (!title) throw usageError(USAGE, commandMessages.titleRequired());
  if (typeof values.date !== 'string') throw usageError(USAGE, commandMessages.dateRequired());
  const date = parseIsoDate(values.date);
  const docTitles = (values['doc-title'] ?? []).map((t) => t.trim());
  if (docTitles.length > positionals.length)
    throw new UsageError(commandMessages.docTitleCount(docTitles.length, positionals.length));
  if (docTitles.some((t) => t === '')) throw new UsageError(commandMessages.docTitleEmpty());

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
      io.stderr.write(`kofukin agenda: ${problemMessages.warningTag()}: ${runMessages.untaggedPacket()}\n`);
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

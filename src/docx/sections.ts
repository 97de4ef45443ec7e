/**
 * The report's sections as Word paragraphs and tables, in the order and wording of the HTML
 * templates (templates/report/body.hbs and partials/), read from the view model only: every
 * word printed here is a view-model field.
 */
import {
  AlignmentType,
  HeadingLevel,
  ImageRun,
  Paragraph,
  TabStopType,
  TextRun,
  convertMillimetersToTwip,
  type FileChild,
} from 'docx';
import type { ReportView } from '../view/report-view.ts';
import type { ChartImage } from './chart-png.ts';
import { COLOR, SCHEDULE_TAB_MM, STYLE } from './styles.ts';
import { buildTable, head, num, text, type CellSpec, type Span } from './tables.ts';

/** No extra space between Japanese and digits (令和6年12月10日, as the PDF prints it). */
const TIGHT = { autoSpaceEastAsianText: false } as const;

const H = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

const heading = (level: 1 | 2 | 3, s: string) => new Paragraph({ ...TIGHT, heading: H[level], children: [new TextRun(s)] });
const para = (s: string, style: string = STYLE.body) => new Paragraph({ ...TIGHT, style, children: [new TextRun(s)] });
/** A lead paragraph kept on the page of the table that follows it. */
const lead = (s: string) => new Paragraph({ ...TIGHT, style: STYLE.body, keepNext: true, children: [new TextRun(s)] });
const note = (s: string) => para(s, STYLE.note);
const caption = (s: string) => para(s, STYLE.caption);

/** The chart as an inline PNG at its PDF size, with its description as alt text, and its caption. */
function chart(image: ChartImage | undefined): FileChild[] {
  if (!image) return [];
  return [
    new Paragraph({ ...TIGHT,
      style: STYLE.figure,
      children: [
        new ImageRun({
          type: 'png',
          data: image.png,
          transformation: { width: image.widthPx, height: image.heightPx },
          altText: { name: `chart-${image.id}`, title: image.caption, description: image.description },
        }),
      ],
    }),
    para(image.caption, STYLE.figureCaption),
  ];
}

function titleBlock(v: ReportView): FileChild[] {
  const out: FileChild[] = [];
  const t = v.titleBlock;
  if (t.documentNumber) {
    // the 資料番号 box at the top right, as in the PDF: a one-cell table with a heavy rule
    const chars = [...t.documentNumber].length;
    out.push(
      buildTable({
        widths: [1],
        share: Math.min(0.5, (chars * 12 + 24) / 505),
        alignment: AlignmentType.RIGHT,
        borderSize: 12,
        head: [],
        body: [[{ lines: [t.documentNumber], style: STYLE.docNumber }]],
      }),
    );
  }
  const meta = [t.committee, t.date, t.department, t.illustrativeNote].filter((x): x is string => x !== null);
  meta.forEach((line, i) =>
    out.push(new Paragraph({ ...TIGHT, style: STYLE.titleMeta, ...(i === 0 ? { spacing: { before: convertMillimetersToTwip(10) } } : {}), children: [new TextRun(line)] })),
  );
  out.push(new Paragraph({ ...TIGHT, heading: HeadingLevel.TITLE, children: [new TextRun(t.title)] }));
  if (v.fictionalNotice) out.push(para(v.fictionalNotice, STYLE.notice));
  return out;
}

function overview(v: ReportView): FileChild[] {
  return [heading(1, v.text.overview), ...v.overview.flatMap((o) => [heading(2, o.heading), ...o.paragraphs.map((p) => para(p))])];
}

function framework(v: ReportView): FileChild[] {
  const out: FileChild[] = [heading(1, v.text.framework)];
  for (const f of v.framework) {
    out.push(heading(2, f.heading));
    for (const goal of f.goals) {
      // a goal's box: its title across, then its groups two to a row
      const body: CellSpec[][] = [[{ lines: [goal.heading], bold: true, fill: COLOR.head, colSpan: 2 }]];
      for (let i = 0; i < goal.groups.length; i += 2) {
        const pair = goal.groups.slice(i, i + 2).map(
          (g): CellSpec => ({ lines: [{ text: g.label, bold: true }, ...g.items.map((it): Span => ({ text: it, style: STYLE.listItem }))], top: true }),
        );
        if (pair.length === 1) pair[0]!.colSpan = 2;
        body.push(pair);
      }
      out.push(buildTable({ widths: [1, 1], head: [], body }), para('', STYLE.note));
    }
  }
  if (v.text.frameworkNote) out.push(note(v.text.frameworkNote));
  return out;
}

function scores(v: ReportView): FileChild[] {
  const out: FileChild[] = [heading(1, v.text.scores), para(v.text.scoresParagraph)];
  for (const t of v.scoreTables) {
    out.push(heading(2, t.heading), caption(t.caption));
    const body: CellSpec[][] = t.rows.map((r) => {
      const scoreLook = r.zero ? { bold: true, color: COLOR.warn } : r.partial ? { bold: true, color: COLOR.accent } : {};
      return [
        ...(r.goal ? [text(r.goal.text, { rowSpan: r.goal.rowspan, bold: true, style: STYLE.tableHead })] : []),
        ...(r.group ? [text(r.group.text, { rowSpan: r.group.rowspan })] : []),
        num(r.no),
        text(r.title),
        num(r.itemCount),
        num(r.score, scoreLook),
        num(r.max),
        num(r.rate),
      ];
    });
    const total = { bold: true, fill: COLOR.total };
    body.push([
      text(v.text.total, { colSpan: 4, ...total }),
      num(t.total.itemCount, total),
      num(t.total.score, total),
      num(t.total.max, total),
      num(t.total.rate, total),
    ]);
    out.push(buildTable({ widths: [8, 15, 6, 39, 8, 7, 7, 10], head: [v.columns.scores.map((c) => head(c))], body }));
  }
  return out;
}

function groupSummary(v: ReportView, charts: ChartMap): FileChild[] {
  const g = v.groupSummary;
  const headRow = [head(''), ...g.header.map((h) => head(h.sub ? [h.label, { text: h.sub, bold: false, size: 8.5 }] : [h.label]))];
  const body = g.rows.map((r, i) => {
    const look = i === g.rows.length - 1 ? { bold: true, fill: COLOR.total } : {};
    return [text(r.label, look), ...r.cells.map((c) => text(c, { ...look, style: STYLE.tableHead, bold: Boolean(look.bold) }))];
  });
  return [
    heading(1, v.text.status),
    heading(2, v.text.statusSummary),
    caption(g.caption),
    buildTable({ widths: [20, ...g.header.map(() => 80 / g.header.length)], head: [headRow], body }),
    ...chart(charts.get('pointsLost')),
  ];
}

function unscored(v: ReportView): FileChild[] {
  const out: FileChild[] = [heading(2, v.text.unscored)];
  for (const g of v.unscored) {
    out.push(heading(3, g.heading));
    if (g.empty) {
      out.push(para(v.text.unscoredEmpty));
      continue;
    }
    out.push(caption(g.caption));
    const body: CellSpec[][] = [];
    for (const s of g.sections) {
      body.push([text(s.label, { colSpan: 3, bold: true, fill: COLOR.section })]);
      for (const item of s.items)
        body.push([
          { lines: [item.ref, { text: item.lost, size: 8.5, color: '555555' }], top: true },
          { lines: [item.title, ...item.optionLines.map((l): Span => ({ text: l, hanging: 1 }))], top: true },
          {
            lines: [
              ...(item.sameAsText ? [item.sameAsText] : []),
              ...item.reason,
              ...(item.missingNarrative ? [{ text: v.text.missingNarrative, color: COLOR.warn }] : []),
            ],
            top: true,
          },
        ]);
    }
    out.push(buildTable({ widths: [19, 36, 45], head: [v.columns.unscored.map((c) => head(c))], body }));
  }
  return out;
}

function whatif(v: ReportView): FileChild[] {
  const w = v.whatif;
  if (!w) return [];
  const money = (points: string, yen: string | undefined): CellSpec =>
    ({ lines: [points, ...(yen ? [{ text: yen, size: 7.5, color: '333333' }] : [])], style: STYLE.tableNumber });
  const body = w.rows.map((r) => [text(r.grant), text(r.ref), text(r.title), num(r.current), text(r.nextStep), money(r.nextGain, r.nextGainMoney), money(r.maxGain, r.maxGainMoney)]);
  return [
    heading(2, w.heading),
    lead(w.intro),
    caption(w.caption),
    buildTable({ widths: [6, 15, 19, 11, 19, 15, 15], head: [v.columns.whatif.map((c) => head(c))], body, bodyStyle: STYLE.tableSmall }),
    ...(w.moneyNotes ?? []).map(note),
  ];
}

function national(v: ReportView, charts: ChartMap): FileChild[] {
  const n = v.national;
  if (!n) return [];
  const body = n.rows.map((r) => {
    const look = r.total ? { bold: true, fill: COLOR.total } : {};
    return [
      ...(r.grant ? [text(r.grant.text, { rowSpan: r.grant.rowspan })] : []),
      ...(r.scope ? [text(r.scope.text, { rowSpan: r.scope.rowspan, ...(r.part ? {} : { colSpan: 2 }), ...look })] : []),
      ...(r.part ? [text(r.part, look)] : []),
      num(r.score, look),
      num(r.max, look),
      num(r.rate, look),
      num(r.mean, look),
      num(r.nationalRate, look),
      num(r.median, look),
      num(r.diff, { ...look, color: r.above ? COLOR.accent : COLOR.warn }),
    ];
  });
  return [
    heading(1, v.text.national),
    lead(n.intro),
    caption(n.caption),
    buildTable({ widths: [7, 9, 16, 7, 7, 9, 9, 11, 9, 11], head: [v.columns.national.map((c) => head(c))], body }),
    note(n.source),
    ...chart(charts.get('goalRates')),
  ];
}

/** 全国・都道府県内での順位と比較 (only with a national results file or named peer groups). */
function ranking(v: ReportView, charts: ChartMap): FileChild[] {
  const k = v.ranking;
  if (!k) return [];
  const out: FileChild[] = [heading(1, k.heading), para(k.intro)];
  const s = k.standing;
  if (s)
    out.push(
      heading(2, s.heading),
      caption(s.caption),
      buildTable({
        widths: [14, 11, 19, 10, 18, 14, 14],
        head: [s.columns.map((c) => head(c))],
        body: s.rows.map((r) => [text(r.label), num(r.score), num(r.nationalRank), num(r.topPercent), num(r.prefectureRank), num(r.prefectureMean), num(r.prefectureMedian)]),
      }),
      ...s.notes.map(note),
    );
  for (const g of k.groups) {
    out.push(heading(2, g.heading), para(g.sentence), ...chart(charts.get(g.chartId)), caption(g.caption));
    out.push(
      buildTable({
        widths: [14, 26, 22, 22, 16],
        head: [g.columns.map((c) => head(c))],
        body: g.rows.map((r) => {
          if (r.gap) return [num(r.rank), text(''), text(''), text(''), text('')];
          const look = r.highlighted ? { bold: true, fill: COLOR.highlight } : {};
          return [num(r.rank, look), text(r.name, look), num(r.suishin, look), num(r.shien, look), num(r.total, look)];
        }),
      }),
      note(g.summary),
      ...g.notes.map(note),
    );
  }
  return out;
}

function peers(v: ReportView, charts: ChartMap): FileChild[] {
  if (!v.peers) return [];
  return [heading(1, v.text.peers), para(v.text.peersParagraph), ...chart(charts.get('peers'))];
}

function grants(v: ReportView, charts: ChartMap): FileChild[] {
  const g = v.grants;
  if (!g) return [];
  const out: FileChild[] = [heading(1, v.text.grants), g.rows.length > 0 ? lead(g.intro) : para(g.intro)];
  if (g.rows.length > 0) {
    out.push(
      caption(g.caption),
      buildTable({
        widths: [19, 16, 16, 16, 33],
        head: [v.columns.grants.map((c) => head(c))],
        body: g.rows.map((r) => [text(r.year), num(r.suishin), num(r.shien), num(r.total), text(r.budget)]),
      }),
    );
  }
  out.push(...g.notes.map(note), ...chart(charts.get('grantHistory')));
  const t = g.trend;
  if (t)
    out.push(
      para(t.intro),
      caption(t.caption),
      buildTable({
        widths: [16, 16, 12, 16, 12, 16, 12],
        head: [t.columns.map((c) => head(c))],
        body: t.rows.map((r) => [text(r.year), num(r.suishin), num(r.suishinRate), num(r.shien), num(r.shienRate), num(r.total), num(r.totalRate)]),
      }),
      ...t.notes.map(note),
      ...chart(charts.get('evaluationTrend')),
    );
  const e = g.estimate;
  if (e) {
    out.push(
      caption(e.caption),
      buildTable({
        widths: [14, 20, 20, 26, 20],
        head: [e.columns.map((c) => head(c))],
        body: e.rows.map((r) => {
          const look = r.total ? { bold: true, fill: COLOR.total } : {};
          return [text(r.grant, look), num(r.actual, look), num(r.estimate, look), num(r.diff, look), num(r.perPoint, look)];
        }),
      }),
      new Paragraph({ ...TIGHT, style: STYLE.body, spacing: { before: convertMillimetersToTwip(3) }, children: [new TextRun(e.basis)] }),
      ...(e.why ? [para(e.why)] : []),
      ...(e.fictional ? [note(e.fictional)] : []),
    );
  }
  return out;
}

function schedule(v: ReportView): FileChild[] {
  if (v.schedule.length === 0) return [];
  const tab = convertMillimetersToTwip(SCHEDULE_TAB_MM);
  return [
    heading(1, v.text.schedule),
    ...v.schedule.map(
      (s) =>
        new Paragraph({ ...TIGHT,
          style: STYLE.schedule,
          tabStops: [{ type: TabStopType.LEFT, position: tab }],
          children: [new TextRun({ text: s.when, bold: true }), new TextRun({ text: `\t${s.text}` })],
        }),
    ),
  ];
}

const appendixLabel = (s: string) => new Paragraph({ ...TIGHT, style: STYLE.appendixLabel, pageBreakBefore: true, children: [new TextRun(s)] });

function definitions(v: ReportView): FileChild[] {
  const a = v.appendix1;
  if (!a) return [];
  const out: FileChild[] = [appendixLabel(v.appendixLabels.framework), heading(1, a.title)];
  for (const g of a.grants) {
    out.push(heading(2, g.heading), ...a.notes.map(note));
    for (const goal of g.goals) {
      out.push(heading(3, goal.heading));
      for (const grp of goal.groups) {
        out.push(caption(grp.heading));
        const body = grp.items.map((it) => {
          const look = it.shaded ? { fill: COLOR.shade } : {};
          const lines: Array<string | Span> = [it.question];
          for (const o of it.options) {
            lines.push({ text: `${o.key} ${o.text}`, hanging: 1 });
            for (const s of o.subItems) lines.push({ text: `${s.key} ${s.text}`, hanging: 2 });
          }
          return [num(it.no, { ...look, top: true }), { lines, top: true, ...look }, text(it.period, { ...look, top: true }), text(it.scoring, { ...look, top: true })];
        });
        out.push(buildTable({ widths: [6, 62, 15, 17], head: [v.columns.definitions.map((c) => head(c))], body, bodyStyle: STYLE.tableSmall }));
      }
    }
  }
  return out;
}

function appendixPeers(v: ReportView): FileChild[] {
  const p = v.peers;
  if (!p) return [];
  const c = v.columns.peers;
  const headRows: CellSpec[][] = [
    [head(c.name, { rowSpan: 2 }), ...c.groups.map((g) => head(g, { colSpan: 2 })), head(c.diff, { rowSpan: 2 })],
    c.groups.flatMap(() => [head(c.score), head(c.rank)]),
  ];
  const body: CellSpec[][] = p.rows.map((r) => {
    const look = r.highlighted ? { bold: true, fill: COLOR.highlight } : {};
    return [text(r.name, look), num(r.suishin, look), num(r.suishinRank, look), num(r.shien, look), num(r.shienRank, look), num(r.total, look), num(r.totalRank, look), num(r.diff, look)];
  });
  body.push([text(v.text.mean), num(`${p.means.suishin}点`), text(''), num(`${p.means.shien}点`), text(''), num(`${p.means.total}点`), text(''), text('')]);
  return [
    appendixLabel(v.appendixLabels.peers),
    heading(1, v.text.appendixPeers),
    caption(p.caption),
    buildTable({ widths: [20, 11, 10, 11, 10, 11, 10, 17], head: headRows, body }),
    note(p.source),
  ];
}

type ChartMap = Map<string, ChartImage>;

/** Every section of the report body, in the order of templates/report/body.hbs. */
export function reportBody(v: ReportView, images: readonly ChartImage[]): FileChild[] {
  const charts: ChartMap = new Map(images.map((c) => [c.id, c]));
  return [
    ...titleBlock(v),
    ...overview(v),
    ...framework(v),
    ...scores(v),
    ...groupSummary(v, charts),
    ...unscored(v),
    ...whatif(v),
    ...national(v, charts),
    ...ranking(v, charts),
    ...peers(v, charts),
    ...grants(v, charts),
    ...schedule(v),
    ...definitions(v),
    ...appendixPeers(v),
  ];
}

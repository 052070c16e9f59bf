import type { GraphqlClient } from '../api/client';
import { SNAPSHOT_DETAIL, type SnapshotDetail, type SnapshotDetailResult } from '../api/queries';
import { toCsv } from '../csv';
import { bi, download, fixed, h, table } from '../dom';
import { levelName } from '../levels';
import { errorText } from './panel';

function detailCsv(detail: SnapshotDetail): string {
  return toCsv(
    [
      'indicator',
      'label',
      'subsystem',
      'source',
      'direction',
      'raw',
      'standardized',
      'weight',
      'bound_min',
      'bound_max',
      'obstacle',
      'trace_source',
      'record_count',
      'import_id',
      'note',
    ],
    detail.indicators.map((i) => [
      i.key,
      i.label,
      i.subsystem,
      i.source,
      i.direction,
      i.raw,
      i.standardized,
      i.weight,
      i.bounds?.min,
      i.bounds?.max,
      i.obstacle,
      i.trace.source,
      i.trace.recordCount,
      i.trace.importId,
      i.trace.note,
    ]),
  );
}

function content(detail: SnapshotDetail, fileStem: string): HTMLElement[] {
  const parts: (HTMLElement | null)[] = [
    h(
      'p',
      {},
      `D ${fixed(detail.coordinationDegree)} · C ${fixed(detail.couplingDegree)} · T ${fixed(detail.coordinationIndex)} · `,
      levelName(detail.level),
    ),
    h(
      'p',
      { class: 'note' },
      bi(
        `${detail.status} revision ${detail.revision}, indicator system v${detail.systemVersion.version}, computed ${new Date(detail.computedAt).toLocaleString()}; panel of ${detail.panel.sampleCount} samples in ${detail.panel.cityCount} cities (${detail.panel.firstPeriod}–${detail.panel.lastPeriod})`,
        '快照依据',
      ),
    ),
    detail.warnings.length
      ? h(
          'ul',
          { class: 'warnings' },
          detail.warnings.map((w) => h('li', {}, `${w.code}: ${w.message}`)),
        )
      : null,
    h(
      'button',
      {
        type: 'button',
        onclick: () => download(`${fileStem}-${detail.period}-basis.csv`, detailCsv(detail)),
      },
      bi('Download CSV', '下载 CSV'),
    ),
    table(
      bi(
        'Indicators: value, weight, bounds and where each came from',
        '指标：数值、权重、边界与来源',
      ),
      [
        bi('Indicator', '指标'),
        'x',
        "x'",
        'w',
        bi('Bounds', '边界'),
        bi('Obstacle', '障碍度'),
        bi('Trace', '来源'),
      ],
      detail.indicators.map((i) => [
        `${i.label} (${i.key})`,
        fixed(i.raw),
        fixed(i.standardized),
        fixed(i.weight),
        i.bounds ? `${fixed(i.bounds.min, 2)} – ${fixed(i.bounds.max, 2)}` : '—',
        fixed(i.obstacleNormalized),
        [
          i.trace.source ?? bi('not computed', '未计算'),
          `${i.trace.recordCount} records`,
          i.trace.importId ? `import ${i.trace.importId.slice(0, 8)}` : null,
          i.trace.note,
        ]
          .filter(Boolean)
          .join(' · '),
      ]),
    ),
    detail.panel.excluded.length
      ? h(
          'p',
          { class: 'note' },
          bi('Left out of the panel', '未纳入样本'),
          ': ',
          detail.panel.excluded.join('; '),
        )
      : null,
  ];
  return parts.filter((node): node is HTMLElement => node !== null);
}

/** A modal with a snapshot's indicators and their trace; Esc or the button closes it. */
export async function openDetails(
  api: GraphqlClient,
  cityId: string,
  period: string,
  fileStem: string,
): Promise<void> {
  const title = h(
    'h2',
    { id: 'details-title' },
    bi(`Basis and trace: ${period}`, `依据与来源：${period}`),
  );
  const body = h('div', { class: 'body' }, h('p', { role: 'status' }, bi('Loading…', '加载中…')));
  const close = h('button', { type: 'button', class: 'close' }, bi('Close', '关闭'));
  const dialog = h(
    'dialog',
    { 'aria-labelledby': 'details-title', class: 'details' },
    title,
    close,
    body,
  );
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  try {
    const { couplingSnapshot } = await api.request<SnapshotDetailResult>(SNAPSHOT_DETAIL, {
      cityId,
      period,
    });
    body.replaceChildren(
      ...(couplingSnapshot
        ? content(couplingSnapshot, fileStem)
        : [h('p', {}, bi('No snapshot for this period', '该时期暂无快照'))]),
    );
  } catch (error) {
    body.replaceChildren(h('p', { role: 'alert', class: 'error' }, errorText(error)));
  }
}

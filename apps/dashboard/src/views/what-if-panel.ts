import { SIMULATE, type Contribution, type SimulationResult } from '../api/queries';
import { bi, fixed, h, table } from '../dom';
import { levelName } from '../levels';
import { errorText, panel } from './panel';
import type { PeriodContext } from './period-panels';

export interface WhatIfPanel {
  element: HTMLElement;
  setProjects(rows: readonly Contribution[]): void;
  setIndicators(indicators: readonly { key: string; label: string }[]): void;
}

let formCount = 0;

/** Take projects out or change an indicator, and see D move (writes nothing). */
export function whatIfPanel(ctx: PeriodContext): WhatIfPanel {
  const n = ++formCount;
  const view = panel(bi(`What-if ${ctx.period}`, `情景模拟 ${ctx.period}`), 'wide');
  const projects = h('fieldset', {}, h('legend', {}, bi('Remove projects', '移除项目')));
  const indicator = h('select', { id: `whatif-indicator-${n}`, name: 'indicator' });
  const delta = h('input', {
    id: `whatif-delta-${n}`,
    name: 'delta',
    type: 'number',
    step: 'any',
    value: '0',
    inputmode: 'decimal',
  });
  const result = h('div', {
    class: 'whatif-result',
    'aria-live': 'polite',
    'data-testid': 'whatif-result',
  });
  const form = h(
    'form',
    { class: 'whatif' },
    projects,
    h(
      'fieldset',
      {},
      h('legend', {}, bi('Change an indicator', '调整指标')),
      h('label', { for: indicator.id }, bi('Indicator', '指标')),
      indicator,
      h(
        'label',
        { for: delta.id },
        bi('Add to its raw value (negative to lower it)', '原始值增量（负数为减少）'),
      ),
      delta,
    ),
    h('button', { type: 'submit' }, bi('Simulate', '模拟')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void simulate();
  });
  view.body.append(form, result);
  projects.append(h('p', { class: 'note' }, bi('No project to remove', '暂无可移除项目')));

  async function simulate(): Promise<void> {
    const removeProjects = [...projects.querySelectorAll<HTMLInputElement>('input:checked')].map(
      (i) => i.value,
    );
    const amount = Number(delta.value);
    const changes =
      indicator.value && amount ? [{ indicator: indicator.value, delta: amount }] : [];
    view.status(bi('Simulating…', '模拟中…'));
    try {
      const { simulateCoupling: sim } = await ctx.api.request<SimulationResult>(SIMULATE, {
        cityId: ctx.cityId,
        period: ctx.period,
        removeProjects,
        changes,
      });
      view.status('');
      result.replaceChildren(
        h(
          'p',
          { class: 'headline' },
          'D ',
          h('span', { 'data-testid': 'whatif-base-d' }, fixed(sim.base.coordinationDegree)),
          ' → ',
          h('strong', { 'data-testid': 'whatif-d' }, fixed(sim.coordinationDegree)),
          ` (ΔD ${sim.deltaD >= 0 ? '+' : ''}${fixed(sim.deltaD, 5)}) · `,
          levelName(sim.level),
        ),
        table(
          bi('Subsystems before and after', '子系统变化'),
          [bi('Subsystem', '子系统'), bi('Before', '之前'), bi('After', '之后'), 'Δ'],
          sim.subsystems.map((s) => [
            s.name,
            fixed(s.baseValue),
            fixed(s.value),
            fixed(s.delta, 5),
          ]),
        ),
        sim.base.warnings.length
          ? h(
              'ul',
              { class: 'warnings', 'aria-label': bi('Warnings', '提示') },
              sim.base.warnings.map((w) => h('li', {}, `${w.code}: ${w.message}`)),
            )
          : '',
      );
    } catch (error) {
      result.replaceChildren();
      view.status(errorText(error), 'error');
    }
  }

  return {
    element: view.element,
    setProjects(rows) {
      projects.replaceChildren(h('legend', {}, bi('Remove projects', '移除项目')));
      if (!rows.length)
        projects.append(h('p', { class: 'note' }, bi('No project to remove', '暂无可移除项目')));
      rows.forEach((row, i) => {
        const id = `whatif-project-${n}-${i}`;
        projects.append(
          h(
            'div',
            { class: 'check' },
            h('input', { type: 'checkbox', id, value: row.projectId }),
            h(
              'label',
              { for: id },
              `${row.project?.title ?? row.projectId} (ΔD ${fixed(row.deltaD, 5)})`,
            ),
          ),
        );
      });
    },
    setIndicators(indicators) {
      indicator.replaceChildren(
        h('option', { value: '' }, bi('— none —', '— 无 —')),
        ...indicators.map((i) => h('option', { value: i.key }, `${i.label} (${i.key})`)),
      );
    },
  };
}

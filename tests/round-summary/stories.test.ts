// The Storybook stories of <xc-round-summary>, rendered here with their args (no Storybook build needed): each shows figures or the empty message and is axe-clean.
import { expect, fixture } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import meta, * as stories from '../../stories/round-summary.stories.js';
import { expectAccessible } from '../support/a11y.js';

type Args = { round: string; lang: string; today: string };
type Story = { args?: Partial<Args>; render?: (args: Args) => TemplateResult };

describe('<xc-round-summary> stories', function () {
  this.timeout(60_000);
  const named = Object.entries(stories).filter(([k]) => k !== 'default') as [string, Story][];

  it('has the stories the docs name', () => {
    expect(named.map(([k]) => k).sort()).to.deep.equal(['Empty', 'English', 'ExportLog', 'FromSummary', 'LaterInTheRound', 'ThreeUnits', 'TwentyUnits']);
  });

  for (const [name, story] of named) {
    it(`${name} renders and is accessible`, async () => {
      const args = { ...(meta.args as Args), ...story.args };
      const render = (story.render ?? meta.render) as (a: Args) => TemplateResult;
      const wrap = await fixture<HTMLDivElement>(render(args));
      const el = wrap.querySelector('xc-round-summary')!;
      await el.updateComplete;
      const root = el.shadowRoot!;
      if (name === 'Empty') expect(root.querySelector('.hint')).not.to.equal(null);
      else expect(root.querySelectorAll('table.units tbody tr').length).to.be.greaterThan(0);
      await expectAccessible(el);
    });
  }
});

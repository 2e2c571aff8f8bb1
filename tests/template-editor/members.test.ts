// The members the checklist template's meta-schema names (src/template-editor/members.ts): the
// lists are the schema's own, and unknownMembersAt finds what `additionalProperties` refuses at an
// error's path, whatever the value there.
import { expect } from '@open-wc/testing';
import { TEMPLATE_MEMBERS, memberKindAt, unknownMembersAt } from '../../src/template-editor/members.js';

type Schema = { properties?: Record<string, Schema>; items?: Schema; $ref?: string; $defs?: Record<string, Schema>; additionalProperties?: unknown };

describe('template members', () => {
  it('names exactly the members the meta-schema names, for every object it closes', async () => {
    const schema = (await (await fetch('/schemas/checklist-template.schema.json')).json()) as Schema;
    const deref = (s: Schema): Schema => (s.$ref ? schema.$defs![s.$ref.split('/').pop()!]! : s);
    const props = (s: Schema) => Object.keys(deref(s).properties ?? {});
    const p = schema.properties!;
    const section = p.sections!.items!;
    const closed = {
      template: schema,
      section,
      group: section.properties!.groups!.items!,
      item: deref(section.properties!.items!.items!),
      finding: p.findings!.items!,
      option: deref(p.methods!).items!,
      rules: p.rules!,
    };
    for (const [kind, s] of Object.entries(closed)) {
      expect(deref(s).additionalProperties, `${kind} is closed`).to.equal(false);
      expect([...TEMPLATE_MEMBERS[kind as keyof typeof TEMPLATE_MEMBERS]].sort(), kind).to.deep.equal(props(s).sort());
    }
    for (const list of ['evidenceKinds', 'categories', 'scopes']) expect(p[list]!.$ref).to.equal(p.methods!.$ref);
  });

  it('finds the unknown members at an error path of a template as written', () => {
    const t = {
      id: 'x',
      colour: 1,
      rules: { requireAll: true, strict: true },
      findings: [{ value: 'a', label: 'A', tone: 'red' }],
      scopes: [{ value: 's', label: 'S', x: 1 }],
      sections: [
        { id: 'f1', title: 'a', items: [{ id: 'f1-01', text: 't', weight: 2, hint: 'h' }] },
        { id: 'f2', title: 'b', note: '', groups: [{ id: 'g', title: 'g', colour: 'red', size: 3, items: [{ id: 'p', text: 'p', due: '' }] }] },
      ],
    };
    expect(unknownMembersAt(t, '')).to.deep.equal(['colour']);
    expect(unknownMembersAt(t, 'rules')).to.deep.equal(['strict']);
    expect(unknownMembersAt(t, 'findings.0')).to.deep.equal(['tone']);
    expect(unknownMembersAt(t, 'scopes.0')).to.deep.equal(['x']);
    expect(unknownMembersAt(t, 'sections.0.items.0')).to.deep.equal(['weight']);
    expect(unknownMembersAt(t, 'sections.1')).to.deep.equal(['note']);
    expect(unknownMembersAt(t, 'sections.1.groups.0')).to.deep.equal(['colour', 'size']);
    expect(unknownMembersAt(t, 'sections.1.groups.0.items.0')).to.deep.equal(['due']);
    // Not an object the schema closes, or nothing there: none.
    expect(unknownMembersAt(t, 'sections.0.title')).to.deep.equal([]);
    expect(unknownMembersAt(t, 'sections.9.groups.0')).to.deep.equal([]);
    expect(unknownMembersAt(null, '')).to.deep.equal([]);
    expect(unknownMembersAt({ sections: [[1]] }, 'sections.0')).to.deep.equal([]);
    expect(memberKindAt('sections.0.groups.0.items.0')).to.equal('item');
    expect(memberKindAt('sections.x')).to.equal(null);
  });
});

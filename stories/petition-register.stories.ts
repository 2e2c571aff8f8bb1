import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/petition/index.js';
import '../src/provider/index.js';
import type { PetitionRegister } from '../src/core/petition.js';

interface PetitionArgs {
  userRole: string;
  identityRoles: string;
  readonly: boolean;
  lang: string;
}

/** A fortnight of a team's petitions: letters, calls, a visit and online reports, one anonymous. */
const samplePetitions = (): PetitionRegister => ({
  version: 1,
  unit: '被巡察单位：xx乡党委',
  round: '区委第一巡察组 · 2026年第三轮',
  numberPattern: 'XF-{yyyy}-{seq:3}',
  entries: [
    { id: 'p1', number: 'XF-2026-001', source: 'letter', receivedOn: '2026-11-18', petitioner: { name: '刘桂芳', contact: '139****5678' }, concerned: { name: '李某', unit: 'xx村委会' }, summary: '村集体土地出租收入三年未公开，租金去向不明。', category: '三资管理', inScope: true, handling: 'clue' },
    { id: 'p2', number: 'XF-2026-002', source: 'call', receivedOn: '2026-11-19', anonymous: true, concerned: { unit: 'xx乡卫生院' }, summary: '医保报销窗口经常无人，群众排队时间长。', category: '为民服务', inScope: false, handling: 'to-department', transferredOn: '2026-11-20', result: '已转区医保局办理。' },
    { id: 'p3', number: 'XF-2026-003', source: 'visit', receivedOn: '2026-11-21', petitioner: { name: '张建国' }, concerned: { name: '王某', unit: 'xx村党支部' }, summary: '低保评定优亲厚友，村干部亲属享受低保。', category: '惠民政策落实', inScope: true, handling: 'clue' },
    { id: 'p4', number: 'XF-2026-004', source: 'online', receivedOn: '2026-11-23', petitioner: { name: '陈女士', contact: 'chen@example.cn' }, concerned: { unit: 'xx乡政府' }, summary: '乡道修缮工程质量差，竣工半年路面开裂。', category: '工程项目', inScope: true, handling: 'to-unit', transferredOn: '2026-11-24' },
    { id: 'p5', number: 'XF-2026-005', source: 'letter', receivedOn: '2026-11-25', petitioner: { name: '赵某' }, summary: '反映邻里宅基地纠纷。', category: '其他', inScope: false, handling: 'file' },
  ],
});

const render =
  (value?: () => PetitionRegister) =>
  (args: PetitionArgs) =>
    html`<xc-provider user-role=${args.userRole || nothing} today="2026-11-26">
      <xc-petition-register .value=${value?.()} identity-roles=${args.identityRoles || nothing} ?readonly=${args.readonly} lang=${args.lang || nothing}></xc-petition-register>
    </xc-provider>`;

const meta: Meta<PetitionArgs> = {
  title: 'Elements/xc-petition-register',
  component: 'xc-petition-register',
  tags: ['autodocs'],
  args: { userRole: 'office', identityRoles: '', readonly: false, lang: '' },
  argTypes: {
    userRole: { control: 'text', description: 'Role of the provider (`<xc-provider user-role>`).' },
    identityRoles: { control: 'text', description: 'Roles that may see the 反映人 (names separated by spaces); empty: masked for everyone.' },
    readonly: { control: 'boolean', description: 'Shows the register without letting it be changed.' },
    lang: { control: 'select', options: ['', 'zh-CN', 'en'], description: 'Language of the element’s own text; empty = inherit (toolbar).' },
  },
  parameters: {
    docs: {
      description: {
        component:
          '信访件受理登记 / petition register: intake, list with filters and counts, 导出 Excel (`download(\'xlsx\')`: one row per petition, dates as dates) and 导出 CSV, a petition turned into a clue (`xc-petition-to-clue`). The 反映人 is masked for every role not in `identity-roles`, on screen, in the Excel and CSV files and in clues, and never printed.',
      },
    },
  },
  render: render(samplePetitions),
};
export default meta;

type Story = StoryObj<PetitionArgs>;

/** The register as the 巡察办 sees it: the 反映人 masked (no role is allowed by default), in 导出 Excel and 导出 CSV too. */
export const Masked: Story = {};

/** The 组长 may see who wrote (`identity-roles="leader"`, provider role `leader`). */
export const IdentityShown: Story = { args: { userRole: 'leader', identityRoles: 'leader' } };

/** A new register: the intake form numbers the first petition XF-2026-001. */
export const Empty: Story = { render: render() };

/** Read-only. */
export const ReadOnly: Story = { args: { readonly: true } };

/** English. */
export const English: Story = { args: { lang: 'en' } };

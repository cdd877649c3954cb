/** Sample slips the print tests render: the drafting slip (发文笺) and meeting minutes (会议记录). */
import type { FormSpec } from '@township-office/domain/print';

export const draftingSlip: FormSpec = {
  title: '发文笺',
  orgName: '中共清溪县委办公室',
  subtitle: '发文字号：清委办发〔2026〕12号',
  sections: [
    {
      rows: [
        {
          cells: [
            { label: '文种', value: '通知' },
            { label: '紧急程度', value: '加急' },
            { label: '密级', value: '非密' },
          ],
        },
        { cells: [{ label: '标题', value: '关于做好2026年度全县乡镇办公室规范化建设工作的通知' }], minLines: 2 },
        { cells: [{ label: '主送', value: '各乡镇党委、政府，县直各部门' }] },
        {
          cells: [
            { label: '抄送', value: '县委各部委，县人大常委会办公室，县政府办公室，县政协办公室，县纪委监委，县法院，县检察院，县人武部' },
          ],
        },
        {
          cells: [
            { label: '拟稿单位', value: '综合科', span: 1 },
            { label: '拟稿人', value: '张敏', span: 1 },
            { label: '份数', value: 25, span: 1 },
          ],
        },
      ],
    },
    {
      opinions: [
        { label: '核稿意见', text: '已核，文字规范，同意报签。', name: '王明', date: '2026-01-04' },
        { label: '会签意见', text: null, name: null, date: null },
        { label: '签发意见', text: '同意印发。', name: '李华', date: new Date('2026-01-05T02:00:00Z') },
      ],
    },
    { rows: [{ cells: [{ label: '附件', value: '1. 考核评分细则；2. 联系人名单' }] }] },
  ],
  footer: '注：本笺随文归档。',
};

export const minutes: FormSpec = {
  title: '会议记录',
  orgName: '清溪县青石镇党委',
  subtitle: '2026年第3次党委会',
  sections: [
    {
      rows: [
        {
          cells: [
            { label: '时间', value: '2026年3月12日 上午9:00', span: 2 },
            { label: '地点', value: '镇党委会议室', span: 1 },
          ],
        },
        {
          cells: [
            { label: '主持人', value: '陈书记' },
            { label: '记录人', value: '刘晓' },
          ],
        },
        { cells: [{ label: '出席人员', value: '陈书记、周镇长、吴副书记、郑委员、孙委员、钱委员、冯委员' }] },
        { cells: [{ label: '缺席人员', value: '赵委员（因公出差）' }] },
      ],
    },
    {
      heading: '一、研究春耕生产工作',
      paragraphs: Array.from(
        { length: 12 },
        (_, i) =>
          `第${i + 1}项讨论：会议听取了农业综合服务中心关于春耕生产准备情况的汇报，与会人员进行了认真讨论，一致认为要抓早抓实，确保农资供应和技术服务到位，做好防灾减灾预案。`,
      ),
    },
    { heading: '议定事项', paragraphs: ['一、由周镇长牵头，3月20日前完成春耕生产督查。', '二、由吴副书记负责，3月底前完成防汛物资清点。'] },
  ],
};

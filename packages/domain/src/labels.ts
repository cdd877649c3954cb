/**
 * Labels per locale. Each module's `*_LABELS` map holds the Chinese words of its codes (draft →
 * 拟稿) and stays the source of the zh-CN text; this file adds the English of every one of them, so
 * an English page (or an English error message) never shows Chinese state names.
 *
 * - `labelOf('DOCUMENT_STATUS', 'draft', 'en')` → "Draft"; an unknown key comes back as it is.
 * - zh-TW is never kept by hand, as everywhere else in the repo: it is derived from zh-CN with
 *   OpenCC (cn → twp) by whoever has OpenCC at hand — the server converts with its `traditional()`
 *   (platform/i18n.ts) and the web's build converts the zh-CN tables (vite-plugin-zh-tw.ts); each
 *   hands the result to `registerLabels('zh-TW', …)`. Until then zh-TW falls back to zh-CN.
 * - `labelRef('DOCUMENT_STATUS', 'draft')` is an error parameter that names a label instead of
 *   carrying words: the server's messageFor resolves it in the request's language.
 *
 * A new `*_LABELS` map is added to ZH and EN below; the type makes a missing English entry a
 * compile error.
 */
import type { DelegationStatus } from './delegations.ts';
import type { Locale } from './common.ts';
import { AUDIT_ENTITY_LABELS, AUDIT_VERB_LABELS } from './audit-words.ts';
import { CLASS_KIND_LABELS, COMPONENT_LABELS, RETENTION_LABELS } from './archives.ts';
import { COLUMN_LABELS, STANDARD_COLUMNS } from './dashboard.ts';
import {
  CLASSIFICATION_LABELS,
  DOCUMENT_STATUS_LABELS,
  INCOMING_STATUS_LABELS,
  SIGNATURE_VERDICT_LABELS,
  URGENCY_LABELS,
  type DeliveryStatus,
} from './documents.ts';
import { DUTY_LOG_KIND_LABELS } from './duty.ts';
import { EXPENSE_CATEGORY_LABELS, POST_LABELS, ROOM_KIND_LABELS, ROOM_STATUS_LABELS, RULE_KIND_LABELS } from './environment.ts';
import { ADOPTION_LEVEL_LABELS, INFO_KIND_LABELS, RESEARCH_GRADE_LABELS } from './information.ts';
import { MEETING_KIND_LABELS, MEETING_STATUS_LABELS } from './meetings.ts';
import { AGE_BAND_LABELS, EDUCATION_LABELS, FILING_KIND_LABELS, GENDER_LABELS, POLITICAL_LABELS, TENURE_BAND_LABELS } from './personnel.ts';
import { PETITION_CATEGORY_LABELS, PETITION_CHANNEL_LABELS, PETITION_STATUS_LABELS } from './petitions.ts';
import { COST_CATEGORY_LABELS } from './reception.ts';
import { ROTATION_RATING_LABELS, ROTATION_TOPIC_LABELS } from './training.ts';

/** The verbs of the documents module's wrong-state messages ("不能{action}" / "cannot be {action}"). */
export const DOCUMENT_ACTION_LABELS = {
  edit: '修改',
  submit: '提交核稿',
  review: '核稿',
  signOff: '签发',
  number: '编号',
  dispatch: '分发',
  void: '作废',
  uploadAttachment: '修改',
  viewDeliveries: '查看签收情况',
  pdf: '生成版式文件',
  countersign: '会签',
  recheck: '复核',
  metadata: '生成元数据',
  returnToDrafter: '退回拟稿人',
  returnToReview: '退回核稿',
  recall: '取回',
  addReviewer: '加签',
} as const;
export const DELIVERY_STATUS_LABELS: Record<DeliveryStatus, string> = {
  pending: '待签收',
  acknowledged: '已签收',
  returned: '已退回',
  withdrawn: '已撤回',
};
export const DELIVERY_ACTION_LABELS = { acknowledge: '签收', return: '退回', withdraw: '撤回', chase: '催收', resend: '补发' } as const;
export const INCOMING_ACTION_LABELS = {
  screen: '初审',
  circulate: '传阅',
  read: '阅知',
  propose: '拟办',
  instruct: '批示',
  assign: '分配承办',
  chase: '催办',
  close: '办结',
  reply: '答复',
} as const;

const STANDARD_COLUMN_ZH = Object.fromEntries(STANDARD_COLUMNS.map((c) => [c, COLUMN_LABELS[c].zh])) as Record<
  (typeof STANDARD_COLUMNS)[number],
  string
>;
const STANDARD_COLUMN_EN = Object.fromEntries(STANDARD_COLUMNS.map((c) => [c, COLUMN_LABELS[c].en])) as Record<
  (typeof STANDARD_COLUMNS)[number],
  string
>;

const DELEGATION_STATUS_LABELS: Record<DelegationStatus, string> = {
  scheduled: '未开始',
  active: '生效中',
  ended: '已到期',
  revoked: '已撤销',
};

/** zh-CN: the modules' own maps, by name (the map's name without `_LABELS`). */
const ZH = {
  // audit log
  AUDIT_ENTITY: AUDIT_ENTITY_LABELS,
  AUDIT_VERB: AUDIT_VERB_LABELS,
  // archives
  RETENTION: RETENTION_LABELS,
  CLASS_KIND: CLASS_KIND_LABELS,
  COMPONENT: COMPONENT_LABELS,
  // dashboard
  STANDARD_COLUMN: STANDARD_COLUMN_ZH,
  // documents
  URGENCY: URGENCY_LABELS,
  SIGNATURE_VERDICT: SIGNATURE_VERDICT_LABELS,
  CLASSIFICATION: CLASSIFICATION_LABELS,
  DOCUMENT_STATUS: DOCUMENT_STATUS_LABELS,
  DOCUMENT_ACTION: DOCUMENT_ACTION_LABELS,
  DELIVERY_STATUS: DELIVERY_STATUS_LABELS,
  DELIVERY_ACTION: DELIVERY_ACTION_LABELS,
  INCOMING_STATUS: INCOMING_STATUS_LABELS,
  INCOMING_ACTION: INCOMING_ACTION_LABELS,
  // delegation (委托)
  DELEGATION_STATUS: DELEGATION_STATUS_LABELS,
  // duty
  DUTY_LOG_KIND: DUTY_LOG_KIND_LABELS,
  // environment
  ROOM_KIND: ROOM_KIND_LABELS,
  ROOM_STATUS: ROOM_STATUS_LABELS,
  EXPENSE_CATEGORY: EXPENSE_CATEGORY_LABELS,
  RULE_KIND: RULE_KIND_LABELS,
  POST: POST_LABELS,
  // information
  INFO_KIND: INFO_KIND_LABELS,
  ADOPTION_LEVEL: ADOPTION_LEVEL_LABELS,
  RESEARCH_GRADE: RESEARCH_GRADE_LABELS,
  // meetings
  MEETING_KIND: MEETING_KIND_LABELS,
  MEETING_STATUS: MEETING_STATUS_LABELS,
  // personnel
  EDUCATION: EDUCATION_LABELS,
  POLITICAL: POLITICAL_LABELS,
  FILING_KIND: FILING_KIND_LABELS,
  AGE_BAND: AGE_BAND_LABELS,
  TENURE_BAND: TENURE_BAND_LABELS,
  GENDER: GENDER_LABELS,
  // petitions (reception)
  PETITION_CHANNEL: PETITION_CHANNEL_LABELS,
  PETITION_CATEGORY: PETITION_CATEGORY_LABELS,
  PETITION_STATUS: PETITION_STATUS_LABELS,
  // reception
  COST_CATEGORY: COST_CATEGORY_LABELS,
  // training
  ROTATION_TOPIC: ROTATION_TOPIC_LABELS,
  ROTATION_RATING: ROTATION_RATING_LABELS,
} as const;

export type LabelMapName = keyof typeof ZH;
export type LabelKey<M extends LabelMapName> = keyof (typeof ZH)[M] & string;
/** Every map of one locale: the same names and keys as zh-CN. */
export type LabelTables = { readonly [M in LabelMapName]: { readonly [K in LabelKey<M>]: string } };

const EN: LabelTables = {
  AUDIT_ENTITY: {
    user: 'user account',
    document: 'document',
    meeting: 'meeting minutes',
    info_item: 'information item',
    petition: 'petition',
    incoming: 'incoming document',
    staff_filing: 'staff filing',
    delivery: 'delivery',
    archive_item: 'archive item',
    visit: 'visit',
    staff: 'office staff member',
    follow_up: 'follow-up',
    duty_log_entry: 'duty log entry',
    assessment_scheme: 'assessment scheme',
    rule_document: 'rule document',
    rotation: 'rotation',
    research_report: 'research report',
    org: 'organisation',
    info_bulletin: 'bulletin',
    duty_swap: 'duty swap',
    duty_roster: 'duty roster',
    duty_handover: 'handover',
    audit_log: 'audit log',
    assessment_comment: 'assessment comment',
    assessment_appeal: 'assessment appeal',
    archive_loan: 'archive loan',
    training_session: 'training session',
    township_rule: 'internal rule',
    supervision: 'supervision data',
    setting: 'setting',
    room: 'room',
    research_topic: 'research topic',
    request: 'access',
    register: 'register',
    post_assignment: 'post',
    leader_in_charge: 'leader in charge',
    info_scoring_config: 'information scoring',
    holiday_period: 'holiday',
    expense: 'office expense',
    equipment: 'equipment',
    duty_holiday_submission: 'holiday duty roster',
    assessment_self_report: 'self-assessment',
    assessment_score: 'assessment score',
    archive_transfer: 'archive transfer',
    archive_config: 'archive settings',
    delegation: 'delegation',
    recipient_group: 'recipient group',
  },
  AUDIT_VERB: {
    login: 'Signed in',
    logout: 'Signed out',
    password_changed: 'Changed password',
    totp_enabled: 'Enabled one-time codes',
    totp_disabled: 'Disabled one-time codes',
    totp_secrets_sealed: 'Sealed one-time code secrets',
    lock_lifted: 'Lifted a sign-in lock',
    unlocked: 'Unlocked',
    create: 'Created',
    update: 'Changed',
    edit: 'Changed',
    save: 'Saved',
    set: 'Set',
    configure: 'Configured',
    annotate: 'Annotated',
    file: 'Filed',
    fileBatch: 'Filed in a batch',
    lend: 'Lent',
    return: 'Returned',
    recall: 'Recalled',
    addReviewer: 'Added a reviewer',
    transfer: 'Filed a transfer',
    appeal: 'Appealed',
    answer: 'Answered',
    comment: 'Commented',
    indicators: 'Set indicators',
    publish: 'Published',
    acknowledge: 'Acknowledged',
    remind: 'Sent a reminder',
    autoRemind: 'Sent an automatic reminder',
    withdraw: 'Withdrew',
    add: 'Added',
    remove: 'Removed',
    dispatch: 'Dispatched',
    draft: 'Drafted',
    number: 'Numbered',
    signOff: 'Signed off',
    submit: 'Submitted',
    void: 'Voided',
    confirm: 'Confirmed',
    generate: 'Generated',
    report: 'Reported',
    request: 'Requested',
    approve: 'Approved',
    reject: 'Rejected',
    assign: 'Assigned',
    adopt: 'Adopted',
    issue: 'Issued',
    close: 'Closed',
    progress: 'Reported progress',
    read: 'Read',
    registerPaper: 'Registered a paper document',
    compile: 'Compiled',
    amend: 'Amended',
    finalise: 'Finalised',
    export: 'Exported',
    join: 'Filed a new member',
    leave: 'Filed a departure',
    particulars: 'Filed a change of particulars',
    reveal: 'Viewed in full',
    import: 'Imported',
    register: 'Registered',
    search: 'Searched',
    evaluate: 'Evaluated',
    browse: 'Browsed',
    verify: 'Verified',
    accept: 'Accepted',
    extend: 'Extended',
    screen: 'Screened',
    circulate: 'Circulated',
    propose: 'Proposed handling',
    instruct: 'Instructed',
    chase: 'Chased',
    reply: 'Replied',
    seed: 'Generated demo data',
    revoke: 'Revoked',
  },
  RETENTION: { Y: 'Permanent', D30: '30 years', D10: '10 years' },
  CLASS_KIND: { unit: 'By organisation', subject: 'By subject' },
  COMPONENT: {
    reply: 'Reply',
    final: 'Final copy',
    drafting_slip: 'Drafting slip (signed draft)',
    processing_slip: 'Processing slip',
    document: 'Incoming document',
    record: 'Document',
  },
  STANDARD_COLUMN: STANDARD_COLUMN_EN,
  URGENCY: { none: '', urgent: 'Urgent', extra_urgent: 'Extra urgent' },
  SIGNATURE_VERDICT: {
    valid: "Verified: the file is byte for byte the one dispatched, and the issuing office's signature is valid.",
    altered: "Not verified: the file differs from the one dispatched (changed, incomplete, or not this document's PDF).",
    bad_signature: "Not verified: the signature does not match the issuing office's key. Contact the security administrator.",
    unknown_key: 'Not verified: the signing key is not among the keys this system trusts. Contact the security administrator.',
    not_signed: 'This document was not signed at dispatch (sent on paper, classified, or not dispatched yet), so it cannot be verified.',
  },
  CLASSIFICATION: { none: '', confidential: 'Confidential', secret: 'Secret', top_secret: 'Top secret' },
  DOCUMENT_STATUS: {
    draft: 'Draft',
    in_review: 'In review',
    returned: 'Returned for changes',
    reviewed: 'Awaiting sign-off',
    signed_off: 'Signed off',
    numbered: 'Numbered',
    dispatched: 'Dispatched',
    void: 'Void',
  },
  // Past participles: the English messages read "it cannot be {action} now".
  DOCUMENT_ACTION: {
    edit: 'edited',
    submit: 'submitted for review',
    review: 'reviewed',
    signOff: 'signed off',
    number: 'numbered',
    dispatch: 'dispatched',
    void: 'voided',
    uploadAttachment: 'changed',
    viewDeliveries: 'checked for receipts',
    pdf: 'rendered as a fixed-layout file',
    countersign: 'countersigned',
    recheck: 'rechecked',
    metadata: 'described by its metadata',
    returnToDrafter: 'returned to the drafter',
    returnToReview: 'returned to review',
    recall: 'recalled',
    addReviewer: 'given another reviewer',
  },
  DELEGATION_STATUS: { scheduled: 'not started yet', active: 'in force', ended: 'ended', revoked: 'revoked' },
  DELIVERY_STATUS: { pending: 'Awaiting receipt', acknowledged: 'Received', returned: 'Returned', withdrawn: 'Withdrawn' },
  DELIVERY_ACTION: { acknowledge: 'acknowledged', return: 'returned', withdraw: 'withdrawn', chase: 'chased', resend: 'sent again' },
  INCOMING_STATUS: {
    received: 'Awaiting screening',
    returned: 'Returned',
    circulating: 'Circulating',
    accepted: 'Awaiting proposal',
    proposed: 'Proposal made',
    instructed: 'Instructed',
    in_progress: 'Being handled',
    closed: 'Closed',
  },
  INCOMING_ACTION: {
    screen: 'screened',
    circulate: 'circulated',
    read: 'marked as read',
    propose: 'given a proposed handling',
    instruct: 'instructed',
    assign: 'assigned',
    chase: 'chased',
    close: 'closed',
    reply: 'replied to',
  },
  DUTY_LOG_KIND: { phone: 'Phone call', visit: 'Visit', document: 'Document', incident: 'Emergency', other: 'Other' },
  ROOM_KIND: { office: 'Office', reception: 'Reception room', archive: 'Archive room' },
  ROOM_STATUS: { built: 'Newly built', renovated: 'Renovated', missing: 'Not built' },
  EXPENSE_CATEGORY: {
    telephone: 'Telephone',
    printing: 'Printing',
    office_supplies: 'Office supplies',
    equipment_repair: 'Equipment repair',
    other: 'Other',
  },
  RULE_KIND: {
    attendance: 'Working hours',
    duty: 'Duty',
    petition_reception: 'Letters and visits reception',
    study: 'Study',
    confidentiality: 'Confidentiality',
    info_reporting: 'Information reporting',
  },
  POST: { writing: 'Secretarial writing', duty_reception: 'Duty and reception', archives: 'Archives' },
  INFO_KIND: {
    key_situation: 'Key situation',
    news: 'News',
    good_practice: 'Good practice',
    problem_suggestion: 'Problem or suggestion',
    other: 'Other',
  },
  ADOPTION_LEVEL: {
    county_bulletin: 'Adopted by the county bulletin',
    county_special: 'Adopted by a county special report',
    county_instruction: 'Instructed by a county leader',
    city_bulletin: 'Adopted by the city bulletin',
    city_special: 'Adopted by a city special report',
    city_instruction: 'Instructed by a city leader',
    province_adopted: 'Adopted by the province',
  },
  RESEARCH_GRADE: { excellent: 'Excellent', good: 'Good', pass: 'Pass', fail: 'Fail' },
  MEETING_KIND: {
    party_committee: 'Party committee',
    executive: 'Executive / office meeting',
    topical: 'Topical meeting',
    exchange: 'Exchange meeting',
    other: 'Other meeting',
  },
  MEETING_STATUS: { draft: 'Being recorded', finalised: 'Awaiting host confirmation', confirmed: 'Confirmed' },
  EDUCATION: {
    postgraduate: 'Postgraduate',
    bachelor: "Bachelor's degree",
    college: 'College diploma',
    secondary: 'Secondary / high school',
    junior: 'Junior high or below',
  },
  POLITICAL: {
    cpc_member: 'CPC member',
    cpc_probationary: 'CPC probationary member',
    cyl_member: 'Youth League member',
    democratic_party: 'Democratic party',
    masses: 'Non-party',
  },
  FILING_KIND: { join: 'Joined', leave: 'Left / off post', transfer: 'Transfer between townships', particulars: 'Change of particulars' },
  AGE_BAND: { under30: 'Under 30', '30to39': '30–39', '40to49': '40–49', '50plus': '50 and over' },
  TENURE_BAND: { under1: 'Under 1 year', '1to3': '1–3 years', '3to5': '3–5 years', '5plus': 'Over 5 years' },
  GENDER: { male: 'Male', female: 'Female' },
  PETITION_CHANNEL: { letter: 'Letter', visit: 'Visit', phone: 'Phone', online: 'Online' },
  PETITION_CATEGORY: {
    land: 'Land requisition',
    labour: 'Labour and wages',
    social_security: 'Social security',
    urban_rural: 'Urban and rural construction',
    environment: 'Environment',
    law_enforcement: 'Law and order',
    rural_affairs: 'Rural affairs',
    other: 'Other',
  },
  PETITION_STATUS: {
    registered: 'Awaiting acceptance',
    objected: 'Objection raised',
    returned: 'Returned to the transferring organ',
    accepted: 'Being handled',
    not_accepted: 'Not accepted',
    closed: 'Closed',
    review_requested: 'Under review',
    reviewed: 'Reviewed',
    rereview_requested: 'Under re-review',
    rereviewed: 'Re-reviewed (final)',
  },
  COST_CATEGORY: { meals: 'Meals', accommodation: 'Accommodation', transport: 'Transport', venue: 'Venue', other: 'Other' },
  ROTATION_TOPIC: {
    info_research: 'Information and research',
    documents_meetings: 'Documents and meetings',
    follow_up: 'Follow-up and inspection',
    duty_petitions: 'Duty and petitions',
  },
  ROTATION_RATING: { excellent: 'Excellent', good: 'Good', pass: 'Pass', fail: 'Fail' },
};

const registry: Partial<Record<Locale, LabelTables | (() => LabelTables)>> = { 'zh-CN': ZH, en: EN };

function tablesOf(locale: Locale): LabelTables {
  const t = registry[locale];
  if (typeof t !== 'function') return t ?? ZH;
  const built = t();
  registry[locale] = built;
  return built;
}

/** The zh-CN tables (the source for a zh-TW conversion). */
export function zhCnLabels(): LabelTables {
  return ZH;
}

/** Every string of `tables` through `convert` (OpenCC cn → twp for zh-TW). */
export function convertLabels(tables: LabelTables, convert: (s: string) => string): LabelTables {
  return Object.fromEntries(
    Object.entries(tables).map(([map, entries]) => [
      map,
      Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, convert(v as string)])),
    ]),
  ) as unknown as LabelTables;
}

/**
 * Install a locale's tables (zh-TW: converted from zh-CN by the caller's OpenCC). A function is
 * called once, at the first label asked for in that locale (the server's conversion costs ~0.7 s of
 * start-up otherwise).
 */
export function registerLabels(locale: Locale, tables: LabelTables | (() => LabelTables)): void {
  registry[locale] = tables;
}

/** The label of `key` in map `map` in `locale`; zh-TW falls back to zh-CN until registered, an unknown key to itself. */
export function labelOf<M extends LabelMapName>(map: M, key: LabelKey<M> | (string & {}), locale: Locale): string {
  const tables = tablesOf(locale);
  const entries = tables[map] as Record<string, string> | undefined;
  return entries?.[key] ?? (ZH[map] as Record<string, string> | undefined)?.[key] ?? key;
}

/** True when `name` is one of the registry's maps (for parsing references that came as text). */
/** Whether the zh-CN table of `map` has `key` (an unknown code is shown as it is, not as a guessed word). */
export function isLabelKnown(map: LabelMapName, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(ZH[map], key);
}

export function isLabelMapName(name: string): name is LabelMapName {
  return Object.prototype.hasOwnProperty.call(ZH, name);
}

/**
 * An error parameter that names a label: `new AppError(DocumentErrors.WRONG_STATE, { status:
 * labelRef('DOCUMENT_STATUS', doc.status), action: labelRef('DOCUMENT_ACTION', 'edit') })`. It is a
 * plain string (AppError params stay `string | number`), resolved per locale by `resolveLabelRefs`.
 */
export function labelRef<M extends LabelMapName>(map: M, key: LabelKey<M>): string {
  return `${LABEL_REF_OPEN}${map}:${key}${LABEL_REF_CLOSE}`;
}

const LABEL_REF_OPEN = '\u2060label:';
const LABEL_REF_CLOSE = '\u2060';
const LABEL_REF = /\u2060label:([A-Z_]+):([^\u2060]*)\u2060/g;

/** Every `labelRef` inside `text` replaced by its label in `locale`. */
export function resolveLabelRefs(text: string, locale: Locale): string {
  if (!text.includes(LABEL_REF_OPEN)) return text;
  return text.replace(LABEL_REF, (whole, map: string, key: string) => (isLabelMapName(map) ? labelOf(map, key, locale) : whole));
}

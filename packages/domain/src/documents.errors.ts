import { defineErrors } from './errors.ts';

/** Errors of the documents module (办文): what went wrong and what the clerk can do about it. */
export const DocumentErrors = defineErrors({
  WRONG_STATE: {
    status: 409,
    zh: '公文当前状态为“{status}”，不能{action}。',
    en: 'The document is "{status}"; it cannot be {action} now.',
  },
  CLASSIFIED_NO_CONTENT: {
    status: 422,
    zh: '涉密公文（{level}）只登记纸质原件的信息，不得在本系统中存储正文或附件。请删除正文和附件后再保存。',
    en: 'A classified document ({level}) is registered as its paper original only: this system may not store its body or attachments.',
  },
  CLASSIFIED_NOT_ONLINE: {
    status: 422,
    zh: '涉密公文（{level}）不得网上传输，只能登记为纸质分发。',
    en: 'A classified document ({level}) may not be sent online; record it as dispatched on paper.',
  },
  RECIPIENT_NOT_FOUND: {
    status: 422,
    zh: '收文单位不存在或已停用：{id}。',
    en: 'The recipient organisation does not exist or is disabled: {id}.',
  },
  RECIPIENT_DUPLICATE: {
    status: 422,
    zh: '同一单位不能既是主送又是抄送，也不能重复：{id}。',
    en: 'An organisation may appear only once among main and copy recipients: {id}.',
  },
  RECIPIENT_SELF: { status: 422, zh: '不能把公文发给本单位。', en: 'A document cannot be sent to its own organisation.' },
  REVIEWER_IS_DRAFTER: {
    status: 409,
    zh: '核稿须由拟稿人以外的人员进行。',
    en: 'The review must be done by someone other than the drafter.',
  },
  NOT_DRAFTER: {
    status: 403,
    zh: '只有拟稿人或本单位办公室人员可以修改和提交草稿。',
    en: 'Only the drafter or the office staff may change or submit the draft.',
  },
  NO_NUMBER_PREFIX: {
    status: 409,
    zh: '本单位尚未设置机关代字，无法编号。请联系系统管理员设置。',
    en: 'Your organisation has no number prefix yet; ask the system administrator to set one.',
  },
  PAPER_NEEDS_COPIES: { status: 422, zh: '纸质分发须填写份数。', en: 'A paper dispatch needs the number of copies.' },
  DELIVERY_WRONG_STATE: {
    status: 409,
    zh: '该份分发当前为“{status}”，不能{action}。',
    en: 'This delivery is "{status}"; it cannot be {action}.',
  },
  DELIVERY_SENDER_ONLY: {
    status: 403,
    zh: '只有发文单位可以补发、催收或撤回这份分发。',
    en: 'Only the sending office can send again, remind or withdraw this delivery.',
  },
  REMIND_TOO_SOON: {
    status: 409,
    zh: '已于 1 小时内催收过，请稍后再催。',
    en: 'A reminder was sent within the last hour; try again later.',
  },
  INCOMING_WRONG_STATE: {
    status: 409,
    zh: '收文当前状态为“{status}”，不能{action}。',
    en: 'The incoming document is "{status}"; it cannot be {action}.',
  },
  DEADLINE_REQUIRED: { status: 422, zh: '紧急公文承办必须设定办理时限。', en: 'An urgent document must have a handling deadline.' },
  USER_NOT_IN_ORG: { status: 422, zh: '所选人员不属于本单位：{id}。', en: 'The chosen person is not in your organisation: {id}.' },
  NOT_A_HANDLER: { status: 403, zh: '只有承办人或本单位办公室人员可以办结。', en: 'Only a handler or the office staff may close it.' },
  NOT_CIRCULATED_TO_YOU: { status: 409, zh: '该文件没有传阅给您。', en: 'This document was not circulated to you.' },
  NO_SENDER_TO_REPLY: {
    status: 409,
    zh: '该收文没有系统内的来文单位，无法在线答复。',
    en: 'This incoming document has no sender in the system to reply to.',
  },
  FILE_TYPE_NOT_ALLOWED: {
    status: 415,
    zh: '不支持该文件类型（识别为 {type}）。允许：PDF、OFD、DOC/DOCX、WPS、XLS/XLSX、JPG、PNG。',
    en: 'This file type is not allowed (detected {type}). Allowed: PDF, OFD, DOC/DOCX, WPS, XLS/XLSX, JPG, PNG.',
  },
  FILE_MISSING: { status: 400, zh: '请选择要上传的文件。', en: 'Choose a file to upload.' },
  FILE_TOO_LARGE: { status: 413, zh: '文件超过大小上限 {limit}。', en: 'The file exceeds the size limit of {limit}.' },
  PDF_NOT_AVAILABLE: {
    status: 503,
    zh: '公文版式文件生成功能暂不可用，请稍后再试。',
    en: 'The official document PDF is not available yet; try again later.',
  },
  NUMBER_YEAR_RANGE: { status: 409, zh: '编号年度超出范围。', en: 'The numbering year is out of range.' },
  // Issue 9: were ad-hoc VALIDATION_FAILED details (English, or a field name inside Chinese).
  REVIEW_COMMENT_REQUIRED: { status: 400, zh: '退回时请写明修改意见。', en: 'Give your comments when returning the draft.' },
  RETURN_NOT_HOLDER: {
    status: 403,
    zh: '只有公文当前环节的办理人（核稿人、签发人、编号前的办公室）可以退回。',
    en: 'Only the person who holds the document now (the reviewer, the signer, the office before numbering) may return it.',
  },
  RETURN_STEP_NOT_PASSED: {
    status: 409,
    zh: '公文当前为“{status}”，尚未经过核稿，不能退回至核稿，只能退回拟稿人。',
    en: 'The document is "{status}": it has not passed the review, so it cannot be returned to review; return it to the drafter.',
  },
  RECALL_NOT_SENDER: {
    status: 403,
    zh: '只有送出公文的人（提交核稿的拟稿人、核稿通过的核稿人）可以取回。',
    en: 'Only the person who sent the document on (the drafter who submitted it, the reviewer who approved it) may recall it.',
  },
  RECALL_ALREADY_ACTED: {
    status: 409,
    zh: '{name}已{step}，不能取回。如需修改，请{name}退回。',
    en: '{name} has already {step} it, so it can no longer be recalled. Ask {name} to return it.',
  },
  ADDED_REVIEWER_INVALID: {
    status: 422,
    zh: '加签人须是本单位可以核稿的其他在职人员（不能是拟稿人）：{id}。',
    en: 'The added reviewer must be another active person of your organisation who may review (not the drafter): {id}.',
  },
  ADDED_REVIEWER_SELF: { status: 422, zh: '不能给自己加签。', en: 'You cannot add yourself as a reviewer.' },
  ADDED_REVIEWER_PENDING: {
    status: 409,
    zh: '已加签{name}核稿，须待其核稿后再继续。',
    en: '{name} was added as a reviewer; the document waits for their review.',
  },
  RETURN_REASON_REQUIRED: { status: 400, zh: '退回时请写明理由。', en: 'Give the reason for returning it.' },
  UPLOAD_MALFORMED: {
    status: 400,
    zh: '上传的文件内容不完整或格式有误，请重新选择文件上传。',
    en: 'The upload was cut short or malformed; choose the file and upload it again.',
  },
  // Issue 13: who signs (条例 第二十二条), the rules of a 请示 (第十五条), 会签.
  PRINCIPAL_MUST_SIGN: {
    status: 403,
    zh: '上行文和重要公文须由机关主要负责人签发（《党政机关公文处理工作条例》第二十二条），请呈送本单位主要负责人签发。',
    en: 'Upward and important documents are signed by the principal leader of the organisation (Regulations on Official Documents, Article 22); send it to your principal leader.',
  },
  QINGSHI_ONE_MAIN_RECIPIENT: {
    status: 422,
    zh: '请示原则上主送一个上级机关（《党政机关公文处理工作条例》第十五条）。需要同时送其他机关的，请改为抄送。',
    en: 'A request for instructions (请示) goes to one main recipient, its superior (Regulations on Official Documents, Article 15); send it to the others as copies.',
  },
  QINGSHI_NO_SUBORDINATE_COPY: {
    status: 422,
    zh: '请示不抄送下级机关（《党政机关公文处理工作条例》第十五条），请从抄送中删去下级机关。',
    en: 'A request for instructions (请示) is not copied to subordinate organisations (Regulations on Official Documents, Article 15); remove them from the copy recipients.',
  },
  COUNTERSIGN_ORG_INVALID: {
    status: 422,
    zh: '会签单位须为系统内在用的其他单位，且不能重复：{id}。',
    en: 'A countersigning organisation must be another active organisation, listed once: {id}.',
  },
  COUNTERSIGN_NOT_ASKED: {
    status: 403,
    zh: '本单位不在该公文的会签单位之列，不能会签。',
    en: 'Your organisation was not asked to countersign this document.',
  },
  COUNTERSIGN_DONE: {
    status: 409,
    zh: '本单位已会签该公文，不能重复会签。',
    en: 'Your organisation has already countersigned this document.',
  },
  COUNTERSIGN_PENDING: {
    status: 409,
    zh: '尚有 {orgs} 个会签单位未会签，会签全部完成后方可签发。',
    en: '{orgs} co-issuing organisation(s) have not countersigned yet; sign-off waits for all of them.',
  },
  NOT_RECHECKED: {
    status: 409,
    zh: '编号前须先复核：由办公室核对审批手续、内容、文种和格式后再编号。',
    en: 'Recheck it first: the office checks the approval chain, content, type and format before numbering.',
  },
  RECHECK_DONE: { status: 409, zh: '该公文已复核。', en: 'This document has already been rechecked.' },
  // Issue 13, 痕迹保留: comparing two versions of a document.
  REVISION_RANGE: {
    status: 400,
    zh: '请选择两个不同的版本进行比较，且“从”版本须早于“到”版本（现为第 {from} 版到第 {to} 版）。',
    en: 'Choose two different versions to compare, the "from" version before the "to" version (asked: version {from} to version {to}).',
  },
  REVISION_NOT_FOUND: {
    status: 404,
    zh: '该公文没有第 {seq} 版修改记录，请从修改记录中重新选择版本。',
    en: 'This document has no version {seq}; choose the versions again from its revision history.',
  },
  ORIGINAL_SIGNER_ONLY: {
    status: 403,
    zh: '该公文签发后作了实质性修改，须由原签批人{name}复审签发。',
    en: 'This document was changed substantively after sign-off; its original signer ({name}) signs it again.',
  },
  CLASSIFIED_NOT_ELECTRONIC: {
    status: 409,
    zh: '涉密公文（{level}）只有纸质原件，本系统中没有它的电子公文，不能生成元数据或版式文件。',
    en: 'A classified document ({level}) exists on paper only: there is no electronic document here to describe or render.',
  },
  CLASSIFIED_NO_ONLINE_REPLY: {
    status: 409,
    zh: '涉密收文（{level}）只登记纸质原件，不能在网上答复，请按保密规定以纸质方式办理。',
    en: 'A classified incoming record ({level}) is paper only: it cannot be answered online; reply on paper under the secrecy rules.',
  },
  // Issue 13: classified paper records (保密期限, 份号).
  SECRECY_PERIOD_UNCLASSIFIED: {
    status: 422,
    zh: '非密公文没有保密期限：只有秘密、机密、绝密公文标注保密期限，请先选择密级或删去保密期限。',
    en: 'An unclassified document has no secrecy period: only 秘密, 机密 and 绝密 documents carry one; choose the classification or remove the period.',
  },
  COPY_NUMBERS_NOT_SEQUENCE: {
    status: 422,
    zh: '涉密公文的份号由系统按份数从 000001 起依次编排：{copies} 份为 {numbers}。请删去所填份号，或按此填写。',
    en: "A classified document's copies are numbered from 000001 in order: {copies} copies are {numbers}. Leave the copy numbers empty or give these.",
  },
});

/**
 * The rules of the outgoing document (发文) and the incoming entry (收文), written once: the service
 * calls `authorize(...)` with them and the presenter sends `allowedActions(...)`, so the buttons the
 * web shows are exactly what the service accepts. Which statuses allow which step is pure data in
 * domain/documents.ts (DOCUMENT_ACTION_STATUSES, INCOMING_ACTION_STATUSES).
 *
 * Order of the checks inside a rule (the error the caller sees): role → own organisation (404, so
 * another org's record is not revealed) → status → the step's own condition.
 */
import { labelRef } from '@township-office/domain/labels';
import {
  documentStatusAllows,
  incomingStatusAllows,
  isClassified,
  type DeliveryStatus,
  type DocumentStatus,
  type DocumentTransition,
  type IncomingTransition,
} from '@township-office/domain/documents';
import { DocumentErrors } from '@township-office/domain/documents.errors';
import { CommonErrors } from '@township-office/domain/errors';
import { roleMay, type Action } from '@township-office/domain/permissions';
import { canReadOrg } from '../../platform/access.ts';
import type { Actor } from '../../platform/context.ts';
import { allow, allowIf, definePolicy, deny, firstDenial, type Decision } from '../../platform/policy.ts';
import type { DeliveryRow, DocumentRow, IncomingRow } from './documents.tables.ts';

/** The incoming steps by their label in labels.ts (INCOMING_ACTION), which names 催办 `chase`. */
const incomingActionLabel = (action: IncomingTransition) => labelRef('INCOMING_ACTION', action === 'remind' ? 'chase' : action);

const role = (actor: Actor, action: Action): Decision => allowIf(roleMay(actor.role, action), CommonErrors.FORBIDDEN_ROLE);
const ownOrg = (actor: Actor, orgId: string): Decision => allowIf(actor.orgId === orgId, CommonErrors.NOT_FOUND);

function docState(doc: DocumentRow, action: DocumentTransition): Decision {
  return documentStatusAllows(action, doc.status)
    ? allow
    : deny(DocumentErrors.WRONG_STATE, { status: labelRef('DOCUMENT_STATUS', doc.status), action: labelRef('DOCUMENT_ACTION', action) });
}

const notClassified = (doc: DocumentRow, def = DocumentErrors.CLASSIFIED_NO_CONTENT): Decision =>
  isClassified(doc.classification) ? deny(def, { level: labelRef('CLASSIFICATION', doc.classification) }) : allow;

/** A step of the drafting slip by the document's own organisation. */
const ownStep = (action: Action, transition: DocumentTransition, ...more: ((actor: Actor, doc: DocumentRow) => Decision)[]) =>
  function (actor: Actor, doc: DocumentRow): Decision {
    return firstDenial(
      () => role(actor, action),
      () => ownOrg(actor, doc.orgId),
      () => docState(doc, transition),
      ...more.map((m) => () => m(actor, doc)),
    );
  };

/** Facts of a document that are not on its row: the names of the people its rules name (who acted, who was added). */
export interface DocumentFacts {
  names: ReadonlyMap<string, string>;
}
const nameOf = (facts: DocumentFacts | undefined, id: string | null) => (id ? (facts?.names.get(id) ?? '') : '');

/** 加签: while an added reviewer is pending, the review is theirs alone. */
const addedReviewerTurn = (actor: Actor, doc: DocumentRow, facts: DocumentFacts | undefined): Decision =>
  allowIf(!doc.addedReviewerId || doc.addedReviewerId === actor.userId, DocumentErrors.ADDED_REVIEWER_PENDING, {
    name: nameOf(facts, doc.addedReviewerId),
  });

/**
 * Who holds the document at its step, and so may 退回 it: the reviewer in review (the added one
 * while pending), the leader who may sign it once reviewed (条例 第二十二条 as signOff has it), the
 * office once signed off and before numbering. Not delegable: a delegate signs, the leader returns.
 */
function holder(actor: Actor, doc: DocumentRow, facts: DocumentFacts | undefined): Decision {
  if (doc.status === 'in_review')
    return firstDenial(
      () => allowIf(roleMay(actor.role, 'documents.review'), DocumentErrors.RETURN_NOT_HOLDER),
      () => allowIf(doc.drafterId !== actor.userId, DocumentErrors.RETURN_NOT_HOLDER),
      () => addedReviewerTurn(actor, doc, facts),
    );
  if (doc.status === 'reviewed')
    return firstDenial(
      () =>
        allowIf(
          roleMay(actor.role, 'documents.signOff') || roleMay(actor.role, 'documents.signPrincipal'),
          DocumentErrors.RETURN_NOT_HOLDER,
        ),
      () => allowIf(!(doc.upward || doc.important) || roleMay(actor.role, 'documents.signPrincipal'), DocumentErrors.PRINCIPAL_MUST_SIGN),
      () =>
        allowIf(!doc.originalSignerId || doc.originalSignerId === actor.userId, DocumentErrors.ORIGINAL_SIGNER_ONLY, {
          name: doc.originalSignerName ?? '',
        }),
    );
  return allowIf(roleMay(actor.role, 'documents.number'), DocumentErrors.RETURN_NOT_HOLDER);
}

/** 退回 a step of the slip: the document's org, a status the step allows, then its holder. */
const returnStep = (transition: 'returnToDrafter' | 'returnToReview') =>
  function (actor: Actor, doc: DocumentRow, facts: DocumentFacts | undefined): Decision {
    return firstDenial(
      () => role(actor, 'business.read'),
      () => ownOrg(actor, doc.orgId),
      () =>
        transition === 'returnToReview' && (doc.status === 'in_review' || doc.status === 'draft' || doc.status === 'returned')
          ? deny(DocumentErrors.RETURN_STEP_NOT_PASSED, { status: labelRef('DOCUMENT_STATUS', doc.status) })
          : docState(doc, transition),
      () => holder(actor, doc, facts),
    );
  };

/**
 * 取回 by the one who sent it on, while the next person has not acted: the drafter while it waits in
 * review (nobody reviewed it or added a reviewer), the reviewer while it waits for the signature.
 * Once the next person acted, the refusal names them.
 */
function recall(actor: Actor, doc: DocumentRow, facts: DocumentFacts | undefined): Decision {
  const drafter = doc.drafterId === actor.userId;
  const reviewer = !!doc.reviewerId && doc.reviewerId === actor.userId;
  const acted = (name: string, step: 'review' | 'signOff') =>
    deny(DocumentErrors.RECALL_ALREADY_ACTED, { name, step: labelRef('DOCUMENT_ACTION', step) });
  const past = ['signed_off', 'numbered', 'dispatched'].includes(doc.status);
  return firstDenial(
    () => ownOrg(actor, doc.orgId),
    () => allowIf(drafter || reviewer, DocumentErrors.RECALL_NOT_SENDER),
    () => role(actor, drafter ? 'documents.draft' : 'documents.review'),
    () => {
      if (drafter) {
        if (doc.status === 'in_review' && doc.addedBy) return acted(nameOf(facts, doc.addedBy), 'review');
        if (doc.status === 'reviewed' || past) return acted(nameOf(facts, doc.reviewerId), 'review');
        return doc.status === 'in_review' ? allow : docState(doc, 'recall');
      }
      // 复审: a document back with its signer after a change was signed once already.
      if (doc.status === 'reviewed' && doc.originalSignerId) return acted(doc.originalSignerName ?? '', 'signOff');
      if (past) return acted(printedSigner(doc), 'signOff');
      return doc.status === 'reviewed' ? allow : docState(doc, 'recall');
    },
  );
}
const printedSigner = (doc: DocumentRow) => doc.signerName ?? '';

/** Outgoing document; the row given is one the actor may read (readableDocument). */
export const documentPolicy = definePolicy<DocumentRow, DocumentFacts | undefined>()({
  edit: ownStep('documents.draft', 'edit'),
  submit: ownStep('documents.draft', 'submit'),
  review: (actor, doc, facts) =>
    firstDenial(
      () =>
        ownStep('documents.review', 'review', (a, d) => allowIf(d.drafterId !== a.userId, DocumentErrors.REVIEWER_IS_DRAFTER))(actor, doc),
      () => addedReviewerTurn(actor, doc, facts),
    ),
  // 条例 第二十二条: upward and important documents by the principal leader; a joint one after every co-issuer countersigned.
  signOff: ownStep(
    'documents.signOff',
    'signOff',
    (actor, doc) =>
      allowIf(!(doc.upward || doc.important) || roleMay(actor.role, 'documents.signPrincipal'), DocumentErrors.PRINCIPAL_MUST_SIGN),
    // 复审: after a substantive change following sign-off, the original signer signs again.
    (actor, doc) =>
      allowIf(!doc.originalSignerId || doc.originalSignerId === actor.userId, DocumentErrors.ORIGINAL_SIGNER_ONLY, {
        name: doc.originalSignerName ?? '',
      }),
    (_a, doc) => {
      const pending = doc.countersignOrgIds.filter((o) => !doc.countersignedOrgIds.includes(o)).length;
      return allowIf(pending === 0, DocumentErrors.COUNTERSIGN_PENDING, { orgs: pending });
    },
  ),
  // 会签 by a leader of a co-issuing org, once per round (the row given is one the actor may read).
  countersign: (actor, doc) =>
    firstDenial(
      () => role(actor, 'documents.countersign'),
      () => allowIf(doc.countersignOrgIds.includes(actor.orgId), DocumentErrors.COUNTERSIGN_NOT_ASKED),
      () => docState(doc, 'countersign'),
      () => allowIf(!doc.countersignedOrgIds.includes(actor.orgId), DocumentErrors.COUNTERSIGN_DONE),
    ),
  recheck: ownStep('documents.number', 'recheck', (_a, doc) => allowIf(!doc.recheckedAt, DocumentErrors.RECHECK_DONE)),
  number: ownStep('documents.number', 'number', (_a, doc) => allowIf(!!doc.recheckedAt, DocumentErrors.NOT_RECHECKED)),
  dispatchOnline: ownStep('documents.dispatch', 'dispatch', (_a, doc) => notClassified(doc, DocumentErrors.CLASSIFIED_NOT_ONLINE)),
  dispatchPaper: ownStep('documents.dispatch', 'dispatch'),
  void: ownStep('documents.dispatch', 'void'),
  // A classified document is metadata only: it may carry no file (checked before the status, as the upload always did).
  uploadAttachment: (actor, doc) =>
    firstDenial(
      () => role(actor, 'documents.draft'),
      () => ownOrg(actor, doc.orgId),
      () => notClassified(doc),
      () => docState(doc, 'uploadAttachment'),
    ),
  // The sender's receipt table: the sending org and the county office, not the recipients.
  viewDeliveries: (actor, doc) =>
    firstDenial(
      () => allowIf(canReadOrg(actor, doc.orgId), CommonErrors.NOT_FOUND),
      () => docState(doc, 'viewDeliveries'),
    ),
  metadata: (_actor, doc) =>
    firstDenial(
      () => notClassified(doc, DocumentErrors.CLASSIFIED_NOT_ELECTRONIC),
      () => docState(doc, 'metadata'),
    ),
  pdf: (_actor, doc) =>
    firstDenial(
      () => notClassified(doc),
      () => docState(doc, 'pdf'),
    ),
  // The OFD is the same rendering as the PDF, in the states the PDF is; a classified record has no electronic document to render.
  ofd: (_actor, doc) =>
    firstDenial(
      () => notClassified(doc, DocumentErrors.CLASSIFIED_NOT_ELECTRONIC),
      () => docState(doc, 'pdf'),
    ),
  returnToDrafter: returnStep('returnToDrafter'),
  returnToReview: returnStep('returnToReview'),
  recall,
  // 加签: the reviewer (not the drafter) adds one more reviewer; one pending at a time.
  addReviewer: (actor, doc, facts) =>
    firstDenial(
      () =>
        ownStep('documents.review', 'addReviewer', (a, d) => allowIf(d.drafterId !== a.userId, DocumentErrors.REVIEWER_IS_DRAFTER))(
          actor,
          doc,
        ),
      () => allowIf(!doc.addedReviewerId, DocumentErrors.ADDED_REVIEWER_PENDING, { name: nameOf(facts, doc.addedReviewerId) }),
    ),
});
export type DocumentAction = (typeof documentPolicy.actions)[number];
/** 委托: the steps a delegate may take on behalf of a leader who is away (checked as that leader). */
export const DELEGABLE_DOCUMENT_ACTIONS: readonly DocumentAction[] = ['signOff', 'countersign'];
export const DOCUMENT_ACTIONS = documentPolicy.actions;

/** Facts of an incoming entry that are not on its row. */
export interface IncomingFacts {
  /** The entry was circulated to the actor, who has not signed the read receipt yet. */
  circulatedToMeUnread: boolean;
}

function incomingState(row: IncomingRow, action: IncomingTransition): Decision {
  return incomingStatusAllows(action, row.status)
    ? allow
    : deny(DocumentErrors.INCOMING_WRONG_STATE, { status: labelRef('INCOMING_STATUS', row.status), action: incomingActionLabel(action) });
}

const incomingStep = (
  action: Action,
  transition: IncomingTransition,
  ...more: ((actor: Actor, row: IncomingRow, facts: IncomingFacts | undefined) => Decision)[]
) =>
  function (actor: Actor, row: IncomingRow, facts: IncomingFacts | undefined): Decision {
    return firstDenial(
      () => role(actor, action),
      () => ownOrg(actor, row.orgId),
      () => incomingState(row, transition),
      ...more.map((m) => () => m(actor, row, facts)),
    );
  };

/** A step already taken once for good (a reply sent): refused as the status refuses it. */
const wrongIncoming = (row: IncomingRow, action: IncomingTransition) =>
  deny(DocumentErrors.INCOMING_WRONG_STATE, { status: labelRef('INCOMING_STATUS', row.status), action: incomingActionLabel(action) });

export const incomingPolicy = definePolicy<IncomingRow, IncomingFacts | undefined>()({
  screen: incomingStep('documents.receive', 'screen'),
  circulate: incomingStep('documents.receive', 'circulate'),
  read: incomingStep('business.read', 'read', (_a, _r, facts) =>
    allowIf(!!facts?.circulatedToMeUnread, DocumentErrors.NOT_CIRCULATED_TO_YOU),
  ),
  propose: incomingStep('documents.receive', 'propose'),
  instruct: incomingStep('documents.instruct', 'instruct'),
  assign: incomingStep('documents.receive', 'assign'),
  remind: incomingStep('documents.receive', 'remind'),
  // 办结 by the office or one of the named handlers (a leader who is not a handler may not).
  close: incomingStep('business.read', 'close', (actor, row) =>
    allowIf(roleMay(actor.role, 'documents.receive') || row.handlerIds.includes(actor.userId), DocumentErrors.NOT_A_HANDLER),
  ),
  // 答复 once, to a sender in the system, of an entry that was acted on (not one only read).
  reply: incomingStep(
    'documents.receive',
    'reply',
    (_a, row) => (row.mode === 'act' && !row.reply && !row.replyDocumentId ? allow : wrongIncoming(row, 'reply')),
    (_a, row) =>
      isClassified(row.classification)
        ? deny(DocumentErrors.CLASSIFIED_NO_ONLINE_REPLY, { level: labelRef('CLASSIFICATION', row.classification) })
        : allow,
    (_a, row) => allowIf(!!row.senderOrgId, DocumentErrors.NO_SENDER_TO_REPLY),
  ),
});
export type IncomingAction = (typeof incomingPolicy.actions)[number];
export const DELEGABLE_INCOMING_ACTIONS: readonly IncomingAction[] = ['instruct'];
export const INCOMING_ACTIONS = incomingPolicy.actions;

/** What the sender's rules read of a delivery (the row, or the receipt table's line). */
export type DeliveryFactsRow = Pick<DeliveryRow, 'orgId' | 'senderOrgId' | 'status' | 'remindedAt'>;
/** Facts of a delivery that are not on its row. */
export interface DeliveryFacts {
  documentStatus: DocumentStatus;
  now: Date;
}

/** 催收 at most once an hour per delivery. */
export const REMIND_INTERVAL_MS = 3600_000;

/** The sending office acts; the recipient is told so; anyone else does not learn the delivery exists. */
const sender = (actor: Actor, d: DeliveryFactsRow): Decision =>
  actor.orgId === d.senderOrgId
    ? allow
    : actor.orgId === d.orgId
      ? deny(DocumentErrors.DELIVERY_SENDER_ONLY)
      : deny(CommonErrors.NOT_FOUND);

const deliveryState = (d: DeliveryFactsRow, status: DeliveryStatus, action: 'chase' | 'withdraw' | 'resend'): Decision =>
  allowIf(d.status === status, DocumentErrors.DELIVERY_WRONG_STATE, {
    status: labelRef('DELIVERY_STATUS', d.status),
    action: labelRef('DELIVERY_ACTION', action),
  });

/** The sender's actions on one delivery: the receipt table's buttons and the services read these. */
export const deliveryPolicy = definePolicy<DeliveryFactsRow, DeliveryFacts>()({
  remind: (actor, d, f) =>
    firstDenial(
      () => role(actor, 'documents.dispatch'),
      () => sender(actor, d),
      () => deliveryState(d, 'pending', 'chase'),
      () => allowIf(!d.remindedAt || f.now.getTime() - d.remindedAt.getTime() >= REMIND_INTERVAL_MS, DocumentErrors.REMIND_TOO_SOON),
    ),
  withdraw: (actor, d) =>
    firstDenial(
      () => role(actor, 'documents.dispatch'),
      () => sender(actor, d),
      () => deliveryState(d, 'pending', 'withdraw'),
    ),
  // 补发: only what the recipient returned, and only while the document stands (a voided one is not sent again).
  resend: (actor, d, f) =>
    firstDenial(
      () => role(actor, 'documents.dispatch'),
      () => sender(actor, d),
      () => deliveryState(d, 'returned', 'resend'),
      () =>
        allowIf(f.documentStatus === 'dispatched', DocumentErrors.WRONG_STATE, {
          status: labelRef('DOCUMENT_STATUS', f.documentStatus),
          action: labelRef('DELIVERY_ACTION', 'resend'),
        }),
    ),
});
export type DeliveryAction = (typeof deliveryPolicy.actions)[number];

/**
 * The daily registers (meetings, duty, reception) through the platform's one print/export
 * mechanism (platform/print): a RegisterSpec per register, rendered by `sendRegister`, and the
 * single-record forms (会议记录, 接待清单) by `renderForm`.
 */
import type { FastifyReply } from 'fastify';
import type { FormSpec, RegisterFileFormat, RegisterSpec } from '@township-office/domain/print';
import { seesAllTownships } from '@township-office/domain/roles';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/context.ts';
import { renderForm } from '../../platform/print/form.ts';
import { sendRegister } from '../../platform/print/register.ts';
import { MIME, sendFile } from '../../platform/print/send.ts';
import { orgById } from '../orgs/orgs.service.ts';

export type { RegisterColumn } from '@township-office/domain/print';

/** The org named in a register's header: the filtered org, the caller's own, or 全县 for the county's lists. */
export async function registerOrgName(db: Db, actor: Actor, filterOrgId?: string): Promise<string> {
  if (!filterOrgId && seesAllTownships(actor.role)) return '全县';
  return (await orgById(db, filterOrgId ?? actor.orgId))?.name ?? '';
}

export function sendRegisterSpec(reply: FastifyReply, format: RegisterFileFormat, fileBaseName: string, spec: RegisterSpec) {
  return sendRegister(reply, spec, format, fileBaseName);
}

export async function sendFormSpec(reply: FastifyReply, fileBaseName: string, spec: FormSpec) {
  return sendFile(reply, await renderForm(spec), `${fileBaseName}.pdf`, MIME.pdf, 'inline');
}

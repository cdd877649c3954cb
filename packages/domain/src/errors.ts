/**
 * Typed domain errors. Each module defines its own catalogue with `defineErrors`; the server's
 * one error handler turns an AppError into `{ error: { code, message } }` with the def's status
 * and the message in the request's language. Messages say what happened and what to do.
 */
export interface ErrorDef {
  readonly code: string;
  readonly status: 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 422 | 423 | 428 | 429 | 503;
  /** zh-CN message; `{name}` placeholders are filled from the error's params. */
  readonly zh: string;
  readonly en: string;
}

export function defineErrors<K extends string>(defs: Record<K, Omit<ErrorDef, 'code'>>): Record<K, ErrorDef> {
  const out = {} as Record<K, ErrorDef>;
  for (const key of Object.keys(defs) as K[]) out[key] = { code: key, ...defs[key] };
  return out;
}

export function fillMessage(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Errors of the platform itself (auth, validation, access). */
export const CommonErrors = defineErrors({
  VALIDATION_FAILED: {
    status: 400,
    zh: '提交的内容有误：{detail}。请检查后重新提交。',
    en: 'The request is invalid: {detail}. Please correct it and try again.',
  },
  MALFORMED_JSON: {
    status: 400,
    zh: '请求内容不是有效的 JSON，请刷新页面后重试。',
    en: 'The request body is not valid JSON. Reload the page and try again.',
  },
  BODY_TOO_LARGE: {
    status: 413,
    zh: '提交的内容过大（上限 {limit}），请精简后重试。',
    en: 'The request is too large (limit {limit}). Reduce it and try again.',
  },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, zh: '不支持的提交格式，请使用 JSON。', en: 'Unsupported content type; send JSON.' },
  NOT_AUTHENTICATED: {
    status: 401,
    zh: '尚未登录或登录已过期，请重新登录。',
    en: 'You are not signed in or your session has expired. Please sign in again.',
  },
  SESSION_IDLE_TIMEOUT: {
    status: 401,
    zh: '超过 {minutes} 分钟未操作，已自动退出，请重新登录。',
    en: 'You were signed out after {minutes} minutes without activity. Please sign in again.',
  },
  BAD_CREDENTIALS: {
    status: 401,
    zh: '用户名或密码错误。连续错误 5 次将锁定账户 15 分钟。',
    en: 'Wrong user name or password. After 5 failures the account is locked for 15 minutes.',
  },
  ACCOUNT_LOCKED: {
    status: 423,
    zh: '账户因多次密码错误已锁定，请于 {minutes} 分钟后再试，或联系安全保密管理员解锁。',
    en: 'The account is locked after repeated wrong passwords. Try again in {minutes} minutes or ask the security administrator to unlock it.',
  },
  ACCOUNT_DISABLED: {
    status: 403,
    zh: '账户已停用，请联系系统管理员。',
    en: 'This account is disabled. Contact the system administrator.',
  },
  TOTP_REQUIRED: { status: 401, zh: '请输入身份验证器上的 6 位动态口令。', en: 'Enter the 6-digit code from your authenticator app.' },
  TOTP_INVALID: { status: 401, zh: '动态口令不正确或已过期，请重新输入。', en: 'The one-time code is wrong or expired. Enter a new one.' },
  TOO_MANY_ATTEMPTS: {
    status: 429,
    zh: '登录尝试过于频繁，请 {seconds} 秒后再试。',
    en: 'Too many sign-in attempts. Try again in {seconds} seconds.',
  },
  CSRF_MISSING: {
    status: 403,
    zh: '页面安全令牌缺失或已失效，请刷新页面后重试。',
    en: 'The page security token is missing or stale. Reload the page and try again.',
  },
  PASSWORD_CHANGE_REQUIRED: {
    status: 403,
    zh: '须先修改密码（首次登录或密码已过期）后才能继续。',
    en: 'You must change your password (first sign-in or expired password) before continuing.',
  },
  PASSWORD_TOO_WEAK: {
    status: 400,
    zh: '密码至少 8 位，并包含大写字母、小写字母、数字、符号中的至少三类。',
    en: 'The password needs at least 8 characters from at least three of: upper case, lower case, digits, symbols.',
  },
  PASSWORD_WRONG: { status: 400, zh: '原密码不正确。', en: 'The current password is wrong.' },
  PASSWORD_REUSED: { status: 400, zh: '新密码不能与原密码相同。', en: 'The new password must differ from the current one.' },
  FORBIDDEN_ROLE: { status: 403, zh: '您的角色无权进行此操作。', en: 'Your role may not do this.' },
  NOT_FOUND: { status: 404, zh: '未找到该记录，或您无权查看。', en: 'The record was not found, or you may not see it.' },
  ROUTE_NOT_FOUND: { status: 404, zh: '请求的地址不存在。', en: 'No such address.' },
  USERNAME_TAKEN: { status: 409, zh: '用户名“{username}”已被使用，请换一个。', en: 'The user name "{username}" is taken; choose another.' },
  ROLE_SEPARATION: {
    status: 409,
    zh: '三员分立：系统管理员、安全保密管理员、安全审计员须为不同账户，且不能由业务账户兼任。',
    en: 'Separation of duties: the system, security and audit administrators must be separate accounts and cannot be business accounts.',
  },
  ROLE_NOT_ALLOWED_FOR_ORG: {
    status: 409,
    zh: '角色“{role}”不能设在该单位。',
    en: 'The role "{role}" cannot be held in this organisation.',
  },
  CANNOT_CHANGE_SELF: {
    status: 409,
    zh: '不能修改自己的角色或停用自己的账户。',
    en: 'You cannot change your own role or disable your own account.',
  },
  ORG_NOT_FOUND: { status: 404, zh: '单位不存在：{id}。', en: 'No such organisation: {id}.' },
  // ---- Identity (issue 9): forced second-factor enrolment ----
  TOTP_ENROLMENT_REQUIRED: {
    status: 403,
    zh: '您的角色须使用动态口令登录，请先绑定身份验证器后再继续。',
    en: 'Your role signs in with a one-time code: set up your authenticator app before continuing.',
  },
  TOTP_REQUIRED_FOR_ROLE: {
    status: 409,
    zh: '您的角色须使用动态口令登录，不能关闭。',
    en: 'Your role must sign in with a one-time code; it cannot be turned off.',
  },
  TOTP_SECRET_UNREADABLE: {
    status: 409,
    zh: '无法核对您的动态口令：服务器的数据密钥（data.key）已更换，您的身份验证器绑定信息无法读取。请联系系统管理员恢复原密钥，或为您重置身份验证器后重新绑定。',
    en: "Your one-time code cannot be checked: the server's data key (data.key) was replaced, so your authenticator binding cannot be read. Ask the system administrator to restore the original key, or to reset your authenticator so you can set it up again.",
  },
  TOTP_NOT_ENABLED: {
    status: 409,
    zh: '该账户未绑定身份验证器，无需重置。',
    en: 'This account has no authenticator set up; there is nothing to reset.',
  },
  // ---- end identity ----
  // A unique index or a concurrent transaction refused a write that no service maps to a specific
  // error (the safety net in platform/http.ts): nothing was written, and trying again is safe.
  WRITE_CONFLICT: {
    status: 409,
    zh: '这条记录刚被其他人同时修改，或相同的记录已经存在，本次未保存任何内容。请刷新页面后重试。',
    en: 'Someone changed this record at the same moment, or the same record already exists; nothing was saved. Reload the page and try again.',
  },
  // --- Bad input at the edge (issue 9): text PostgreSQL cannot store, refused before any write. ---
  UNSTORABLE_TEXT: {
    status: 400,
    zh: '文本中含有无法保存的字符（字段“{field}”），如空字符（U+0000）或残缺的 Unicode 字符。请删除这些字符后重新提交。',
    en: 'The text contains characters that cannot be stored (field "{field}"), such as a NUL (U+0000) or a broken Unicode character. Remove them and try again.',
  },
  ORG_CODE_TAKEN: {
    status: 409,
    zh: '单位代码“{code}”已被其他单位使用，请换一个。',
    en: 'The organisation code "{code}" is already used by another organisation; choose another.',
  },
  // --- end of issue 9 entries ---
  INTERNAL: {
    status: 503,
    zh: '系统内部错误，已记录（编号 {requestId}），请稍后再试或联系管理员。',
    en: 'An internal error occurred and was logged (id {requestId}). Try again later or contact the administrator.',
  },
  // --- Faults (issue 9): the database cannot be reached (refused, shut down, connection lost, pool timeout).
  DB_UNAVAILABLE: { status: 503, zh: '数据库暂时不可用，请稍后重试。', en: 'The database is unavailable; try again shortly.' },
  // --- end of faults entries
});

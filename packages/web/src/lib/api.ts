/**
 * The one way to call the server: JSON in and out, the session cookie (same origin), the CSRF
 * token on unsafe methods, and `{ error: { code, message, requestId } }` turned into an ApiError
 * whose message the user reads. A 401 sends the user to the login page, a 403
 * PASSWORD_CHANGE_REQUIRED to the change-password page, TOTP_ENROLMENT_REQUIRED to the enrolment
 * page (handlers set by the app shell).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId?: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type Query = Record<string, string | number | boolean | null | undefined>;

interface Handlers {
  /** The session is gone (401 on anything but login); details carry e.g. the idle minutes. */
  onUnauthorized(code: string, details?: unknown): void;
  onPasswordChangeRequired(): void;
  /** An administrator's required second factor is not enrolled yet (403 TOTP_ENROLMENT_REQUIRED). */
  onTotpEnrolmentRequired(): void;
}

let csrfToken: string | null = null;
let handlers: Handlers = { onUnauthorized: () => {}, onPasswordChangeRequired: () => {}, onTotpEnrolmentRequired: () => {} };

/** Remember the token from GET /api/me or the login response. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function setApiHandlers(h: Handlers): void {
  handlers = h;
}

/** `?a=1&b=x`, leaving out empty values. */
export function queryString(query?: Query): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `?${s}` : '';
}

async function errorFrom(res: Response): Promise<ApiError> {
  const lang = document.documentElement.lang;
  let body: { error?: { code?: string; message?: string; requestId?: string; details?: unknown } } = {};
  try {
    body = await res.json();
  } catch {
    // not JSON: a proxy or network page
  }
  const e = body.error;
  const fallback = lang === 'en' ? `The server answered ${res.status}. Try again later.` : `服务器返回 ${res.status}，请稍后再试。`;
  return new ApiError(res.status, e?.code ?? `HTTP_${res.status}`, e?.message ?? fallback, e?.requestId, e?.details);
}

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** Do not redirect on 401 (the login form and the session probe handle it themselves). */
  noAuthRedirect?: boolean;
  signal?: AbortSignal;
}

export async function request(method: Method, path: string, opts: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const isForm = typeof FormData !== 'undefined' && opts.body instanceof FormData;
  if (opts.body !== undefined && !isForm) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path + queryString(opts.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: opts.body === undefined ? undefined : isForm ? (opts.body as FormData) : JSON.stringify(opts.body),
      signal: opts.signal,
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    const en = document.documentElement.lang === 'en';
    throw new ApiError(
      0,
      'NETWORK',
      en ? 'Cannot reach the server. Check the network and try again.' : '无法连接服务器，请检查网络后重试。',
    );
  }
  if (res.ok) return res;
  const error = await errorFrom(res);
  if (res.status === 401 && !opts.noAuthRedirect) handlers.onUnauthorized(error.code, error.details);
  if (res.status === 403 && error.code === 'PASSWORD_CHANGE_REQUIRED') handlers.onPasswordChangeRequired();
  if (res.status === 403 && error.code === 'TOTP_ENROLMENT_REQUIRED') handlers.onTotpEnrolmentRequired();
  throw error;
}

async function json<T>(method: Method, path: string, opts?: RequestOptions): Promise<T> {
  const res = await request(method, path, opts);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

export const api = {
  get: <T>(path: string, query?: Query, opts?: Omit<RequestOptions, 'query'>) => json<T>('GET', path, { ...opts, query }),
  post: <T>(path: string, body?: unknown, opts?: Omit<RequestOptions, 'body'>) => json<T>('POST', path, { ...opts, body: body ?? {} }),
  put: <T>(path: string, body?: unknown, opts?: Omit<RequestOptions, 'body'>) => json<T>('PUT', path, { ...opts, body: body ?? {} }),
  patch: <T>(path: string, body?: unknown, opts?: Omit<RequestOptions, 'body'>) => json<T>('PATCH', path, { ...opts, body: body ?? {} }),
  delete: <T>(path: string, opts?: RequestOptions) => json<T>('DELETE', path, opts),
};

/** The file name from Content-Disposition, preferring RFC 5987 `filename*=UTF-8''…` (Chinese names). */
export function fileNameFrom(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[1]!.trim().replace(/^"|"$/g, ''));
    } catch {
      // malformed escape: try the plain name
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(disposition);
  return plain ? plain[1]!.trim() : fallback;
}

/** Save a blob under a name through a temporary link. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Download an export (xlsx, pdf…): GET by default, POST with a body when given. Returns the file name. */
export async function download(path: string, opts: { query?: Query; body?: unknown; fallbackName?: string } = {}): Promise<string> {
  const res = await request(opts.body === undefined ? 'GET' : 'POST', path, { query: opts.query, body: opts.body });
  const name = fileNameFrom(res.headers.get('Content-Disposition'), opts.fallbackName ?? 'download');
  saveBlob(await res.blob(), name);
  return name;
}

/** Open a PDF (print view) in a new tab instead of saving it. */
export async function openPdf(path: string, query?: Query): Promise<void> {
  const res = await request('GET', path, { query });
  const url = URL.createObjectURL(await res.blob());
  window.open(url, '_blank', 'noopener');
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * A multipart upload that reports its progress (fetch cannot): `onProgress` gets 0–1 while the bytes
 * go up; resolves with the status and the parsed JSON body, whatever the status, so the caller reads
 * a refusal's body (an import's list of bad rows) as well as a success.
 */
export function uploadWithProgress(
  path: string,
  form: FormData,
  onProgress: (share: number) => void,
): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('Accept', 'application/json');
    if (csrfToken) xhr.setRequestHeader('X-CSRF-Token', csrfToken);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status === 401) handlers.onUnauthorized('UNAUTHENTICATED');
      resolve({ status: xhr.status, body });
    };
    xhr.onerror = () => {
      const en = document.documentElement.lang === 'en';
      reject(
        new ApiError(0, 'NETWORK', en ? 'Cannot reach the server. Check the network and try again.' : '无法连接服务器，请检查网络后重试。'),
      );
    };
    xhr.send(form);
  });
}

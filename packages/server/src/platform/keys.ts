/**
 * The key store: secrets that must NOT live in the database, so that someone who can write (or
 * restore) the database still cannot forge the audit trail's signatures or read sealed secrets.
 * A folder (`KEYS_DIR`, default `DATA_DIR/keys`), created on first start:
 *   audit-signing.key.pem   SM2 private key (PKCS#8, mode 0600) that signs audit checkpoints
 *   audit-signing.pub.pem   its public key
 *   trusted/*.pub.pem       public keys of earlier (rotated) signing keys, still trusted to verify
 *   data.key                a random 128-bit SM4 data key (hex, mode 0600) that seals secrets
 *                           such as TOTP seeds in their columns
 * The database backup holds none of these files; back the folder up separately (README).
 *
 * SM2 through Node's OpenSSL 3: a key object straight out of generateKeyPairSync('ec', SM2) is
 * typed EC and signs plain ECDSA over the SM2 curve, which no SM2 verifier accepts. The same key
 * read back from its PEM file is typed SM2 by OpenSSL and signs with the SM2 algorithm over
 * SM3(Z ‖ message), so keys are always used as loaded from their files. OpenSSL's default
 * distinguishing ID (no ID set, as Node cannot set one) is the empty string, not the
 * "1234567812345678" of GM/T 0009: an outside verifier must use the empty ID, e.g.
 * `openssl pkeyutl -verify -rawin -digest sm3 -pubin -inkey audit-signing.pub.pem …`.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  sign,
  timingSafeEqual,
  verify,
  type KeyObject,
} from 'node:crypto';

const PRIVATE_FILE = 'audit-signing.key.pem';
const PUBLIC_FILE = 'audit-signing.pub.pem';
const TRUSTED_DIR = 'trusted';
const DATA_KEY_FILE = 'data.key';
const SEAL_PREFIX = 'sm4:';

export interface KeyStore {
  dir: string;
  /** SM3 of the signing key's SubjectPublicKeyInfo (DER), hex. */
  fingerprint: string;
  publicKeyPem: string;
  /** SM2 signature (DER, base64) of the UTF-8 message. */
  sign(message: string): string;
  /** Whether a trusted key (current or rotated) with this fingerprint signed the message. */
  verify(fingerprint: string, message: string, signature: string): 'valid' | 'invalid' | 'unknown-key';
  trustedFingerprints(): string[];
  sealSecret(plain: string): string;
  openSecret(stored: string): string;
  /** Whether a sealed value was sealed under this store's data key (false for another key's). */
  sealedHere(stored: string): boolean;
}

export function keysDirOf(config: { dataDir: string; keysDir?: string | undefined }): string {
  return path.resolve(config.keysDir ?? path.join(config.dataDir, 'keys'));
}

export const fingerprintOf = (publicKey: KeyObject): string =>
  createHash('sm3')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex');

/** Create the file only if it does not exist yet: two processes starting at once keep the first one's key. */
export function writeOnce(file: string, content: string): void {
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  fs.writeFileSync(tmp, content, { mode: 0o600 });
  try {
    fs.linkSync(tmp, file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  } finally {
    fs.unlinkSync(tmp);
  }
}

export function loadPrivateKey(file: string): KeyObject {
  const key = createPrivateKey(fs.readFileSync(file));
  // A key typed 'ec' would sign ECDSA, not SM2 (see the header): refuse rather than sign wrongly.
  if (!isSm2(key)) throw new Error(`${file} is not an SM2 private key`);
  return key;
}

function isSm2(key: KeyObject): boolean {
  // Node 20 reports no asymmetricKeyType for OpenSSL's SM2 type (a later Node may say 'sm2');
  // the curve's OID (1.2.156.10197.1.301) must be in the public key either way.
  const type = key.asymmetricKeyType as string | undefined;
  return (
    (type === undefined || type === 'sm2') &&
    createPublicKey(key).export({ type: 'spki', format: 'der' }).includes(Buffer.from('06082a811ccf5501822d', 'hex'))
  );
}

/** Open the key store in `dir`, creating the folder and any missing key on first start. */
export function openKeyStore(dir: string, log: (m: string) => void = () => {}, opts: { create?: boolean } = {}): KeyStore {
  const privateFile = path.join(dir, PRIVATE_FILE);
  if (opts.create === false && !fs.existsSync(privateFile))
    throw new Error(`no key store at ${dir} (set KEYS_DIR to the folder that holds ${PRIVATE_FILE})`);
  fs.mkdirSync(path.join(dir, TRUSTED_DIR), { recursive: true, mode: 0o700 });
  if (!fs.existsSync(privateFile)) {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'SM2' });
    writeOnce(privateFile, privateKey.export({ type: 'pkcs8', format: 'pem' }) as string);
    log(`generated a new audit signing key in ${dir}`);
  }
  const privateKey = loadPrivateKey(privateFile);
  const publicKey = createPublicKey(privateKey);
  const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }) as string;
  const publicFile = path.join(dir, PUBLIC_FILE);
  if (!fs.existsSync(publicFile) || fs.readFileSync(publicFile, 'utf8') !== publicKeyPem)
    fs.writeFileSync(publicFile, publicKeyPem, { mode: 0o644 });
  const fingerprint = fingerprintOf(publicKey);

  const trusted = new Map<string, KeyObject>([[fingerprint, createPublicKey(publicKeyPem)]]);
  for (const f of fs.readdirSync(path.join(dir, TRUSTED_DIR)).filter((n) => n.endsWith('.pem'))) {
    const key = createPublicKey(fs.readFileSync(path.join(dir, TRUSTED_DIR, f)));
    trusted.set(fingerprintOf(key), key);
  }

  const dataKeyFile = path.join(dir, DATA_KEY_FILE);
  if (!fs.existsSync(dataKeyFile) && opts.create !== false) writeOnce(dataKeyFile, randomBytes(16).toString('hex') + '\n');
  const dataKey = Buffer.from(fs.readFileSync(dataKeyFile, 'utf8').trim(), 'hex');
  if (dataKey.length !== 16) throw new Error(`${dataKeyFile} must hold a 128-bit key as 32 hex digits`);

  const signWith = (message: string) => sign('sm3', Buffer.from(message, 'utf8'), privateKey).toString('base64');
  // Self-test at start: a key that cannot verify its own signature must not sign the trail.
  if (!verify('sm3', Buffer.from('self-test'), trusted.get(fingerprint)!, Buffer.from(signWith('self-test'), 'base64')))
    throw new Error(`the signing key in ${dir} fails its self-test`);

  const sealer = secretSealer(dataKey);
  return {
    dir,
    fingerprint,
    publicKeyPem,
    sign: signWith,
    verify(fp, message, signature) {
      const key = trusted.get(fp);
      if (!key) return 'unknown-key';
      try {
        return verify('sm3', Buffer.from(message, 'utf8'), key, Buffer.from(signature, 'base64')) ? 'valid' : 'invalid';
      } catch {
        return 'invalid';
      }
    },
    trustedFingerprints: () => [...trusted.keys()],
    ...sealer,
  };
}

/**
 * Sealed secrets: `sm4:<key id>:<iv>:<ciphertext>:<tag>` — SM4-CTR, then HMAC-SM3 over everything
 * before the tag (encrypt-then-MAC; OpenSSL 3.0 in Node has no SM4-GCM). Both subkeys derive
 * from the one data key. A value without the prefix is a secret stored before sealing existed.
 */
function secretSealer(dataKey: Buffer) {
  const encKey = createHmac('sm3', dataKey).update('township-office/sm4-ctr').digest().subarray(0, 16);
  const macKey = createHmac('sm3', dataKey).update('township-office/hmac-sm3').digest();
  const keyId = createHash('sm3').update(dataKey).digest('hex').slice(0, 8);
  const mac = (body: string) => createHmac('sm3', macKey).update(body).digest();
  return {
    sealedHere: (stored: string): boolean => stored.startsWith(`${SEAL_PREFIX}${keyId}:`),
    sealSecret(plain: string): string {
      const iv = randomBytes(16);
      const cipher = createCipheriv('sm4-ctr', encKey, iv);
      const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      const body = `${SEAL_PREFIX}${keyId}:${iv.toString('base64url')}:${ct.toString('base64url')}`;
      return `${body}:${mac(body).toString('base64url')}`;
    },
    openSecret(stored: string): string {
      if (!isSealed(stored)) return stored;
      const parts = stored.split(':');
      if (parts.length !== 5) throw new UnreadableSecretError('malformed', 'a sealed secret is malformed');
      const [, id, iv, ct, tag] = parts as [string, string, string, string, string];
      if (id !== keyId)
        throw new UnreadableSecretError(
          'other-key',
          `a secret was sealed with another data key (${id}); restore that key store's data.key`,
        );
      const expected = mac(stored.slice(0, stored.lastIndexOf(':')));
      const given = Buffer.from(tag, 'base64url');
      if (given.length !== expected.length || !timingSafeEqual(given, expected))
        throw new UnreadableSecretError('tampered', 'a sealed secret fails its integrity check');
      const decipher = createDecipheriv('sm4-ctr', encKey, Buffer.from(iv, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8');
    },
  };
}

export const isSealed = (stored: string): boolean => stored.startsWith(SEAL_PREFIX);

/**
 * A sealed secret this key store cannot open: sealed under another data key (the key store was
 * lost or replaced: restore its `data.key`), malformed, or altered. Callers turn it into a
 * catalogued error that tells the user whom to ask, never a 500.
 */
export class UnreadableSecretError extends Error {
  constructor(
    readonly reason: 'other-key' | 'malformed' | 'tampered',
    message: string,
  ) {
    super(message);
    this.name = 'UnreadableSecretError';
  }
}

// The process's key store, set once at start (buildApp): services seal and open secrets and the
// audit writer signs checkpoints without every call site passing the store along.
let active: KeyStore | null = null;
export function setActiveKeyStore(store: KeyStore | null): void {
  active = store;
}
export const activeKeyStore = (): KeyStore | null => active;

function requireStore(): KeyStore {
  if (!active) throw new Error('the key store is not open (KEYS_DIR)');
  return active;
}
/** Seal a secret for its column with the active key store. */
export const sealSecret = (plain: string): string => requireStore().sealSecret(plain);
/** Open a column's secret; a legacy plaintext value is returned as it is. */
export const openSecret = (stored: string): string => (isSealed(stored) ? requireStore().openSecret(stored) : stored);

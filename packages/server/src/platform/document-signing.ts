/**
 * Signed documents (issue 13): the PDF a document is dispatched as online is signed with the issuing
 * org's SM2 key over the file's bytes (SM2 with SM3, as `keys.ts` explains for the audit key), so a
 * recipient, an archivist or anyone holding a copy can check that the bytes are the ones the org sent.
 *
 * What this is: a detached SM2 signature per dispatched PDF, kept with the document, under keys that
 * live outside the database in the key store folder (KEYS_DIR), one key per issuing org:
 *   orgs/<org id>/signing.key.pem        the org's current SM2 private key (PKCS#8, mode 0600)
 *   orgs/<org id>/trusted/<sm3 fp>.pem   the public key of every key the org has signed with
 * A rotated key's public part stays in `trusted/`, so documents signed before a rotation still verify.
 *
 * What this is not: a GB/T 38540 electronic seal (电子印章) issued by a certified seal authority, nor a
 * PAdES signature a PDF reader shows. The `DocumentSigner` interface is the seam where a certified
 * seal service replaces this key folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createHash, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { activeKeyStore, fingerprintOf, loadPrivateKey, writeOnce } from './keys.ts';

export interface DocumentSignature {
  /** SM3 of the signed bytes, hex. */
  sm3: string;
  /** SM3 of the signing key's SubjectPublicKeyInfo, hex. */
  fingerprint: string;
  /** SM2 signature (DER, base64) over the bytes. */
  signature: string;
}

export type SignatureCheck = 'valid' | 'invalid' | 'unknown-key';

export interface DocumentSigner {
  sign(orgId: string, bytes: Buffer): DocumentSignature;
  verify(orgId: string, fingerprint: string, bytes: Buffer, signature: string): SignatureCheck;
  /** Replaces the org's signing key with a new one (the old public key stays trusted); returns the new fingerprint. */
  rotate(orgId: string): string;
  /** The org's keys, current and retired, oldest first (none before its first signature or rotation). */
  keys(orgId: string): SigningKeyState[];
}

export interface SigningKeyState {
  fingerprint: string;
  /** When the key was first trusted (its public key written), from the folder. */
  createdAt: Date | null;
  /** When a rotation replaced it; null for the current key. */
  retiredAt: Date | null;
  current: boolean;
}

export const sm3Of = (bytes: Buffer): string => createHash('sm3').update(bytes).digest('hex');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The key-folder signer: per-org SM2 keys under `<keysDir>/orgs`, created on an org's first signature. */
export function keyFolderSigner(keysDir: string): DocumentSigner {
  const orgDir = (orgId: string) => {
    // The org id names a folder: only a UUID may (never a path).
    if (!UUID.test(orgId)) throw new Error(`not an org id: ${orgId}`);
    return path.join(keysDir, 'orgs', orgId);
  };
  const trust = (dir: string, key: KeyObject): string => {
    const fp = fingerprintOf(key);
    const file = path.join(dir, 'trusted', `${fp}.pem`);
    if (!fs.existsSync(file)) writeOnce(file, key.export({ type: 'spki', format: 'pem' }) as string);
    return fp;
  };
  const privateKeyOf = (orgId: string): { key: KeyObject; fingerprint: string } => {
    const dir = orgDir(orgId);
    const file = path.join(dir, 'signing.key.pem');
    fs.mkdirSync(path.join(dir, 'trusted'), { recursive: true, mode: 0o700 });
    if (!fs.existsSync(file)) {
      const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'SM2' });
      // Two processes signing an org's first document at once keep the first one's key.
      writeOnce(file, privateKey.export({ type: 'pkcs8', format: 'pem' }) as string);
    }
    // Read from the file every time: a key replaced in the folder takes effect in every running server.
    const key = loadPrivateKey(file);
    return { key, fingerprint: trust(dir, createPublicKey(key)) };
  };
  return {
    sign(orgId, bytes) {
      const { key, fingerprint } = privateKeyOf(orgId);
      return { sm3: sm3Of(bytes), fingerprint, signature: sign('sm3', bytes, key).toString('base64') };
    },
    verify(orgId, fingerprint, bytes, signature) {
      if (!/^[0-9a-f]{64}$/.test(fingerprint)) return 'unknown-key';
      const file = path.join(orgDir(orgId), 'trusted', `${fingerprint}.pem`);
      if (!fs.existsSync(file)) return 'unknown-key';
      try {
        return verify('sm3', bytes, createPublicKey(fs.readFileSync(file)), Buffer.from(signature, 'base64')) ? 'valid' : 'invalid';
      } catch {
        return 'invalid';
      }
    },
    rotate(orgId) {
      const dir = orgDir(orgId);
      const file = path.join(dir, 'signing.key.pem');
      // Trust the outgoing key's public part first, and mark when it was retired.
      const outgoing = fs.existsSync(file) ? privateKeyOf(orgId).fingerprint : null;
      fs.mkdirSync(path.join(dir, 'trusted'), { recursive: true, mode: 0o700 });
      if (outgoing) fs.writeFileSync(path.join(dir, 'trusted', `${outgoing}.retired`), `${new Date().toISOString()}\n`, { mode: 0o600 });
      const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'SM2' });
      const tmp = `${file}.${process.pid}.rotate.tmp`;
      fs.writeFileSync(tmp, privateKey.export({ type: 'pkcs8', format: 'pem' }) as string, { mode: 0o600 });
      fs.renameSync(tmp, file);
      return privateKeyOf(orgId).fingerprint;
    },
    keys(orgId) {
      const dir = orgDir(orgId);
      const trusted = path.join(dir, 'trusted');
      if (!fs.existsSync(trusted)) return [];
      const current = fs.existsSync(path.join(dir, 'signing.key.pem')) ? privateKeyOf(orgId).fingerprint : null;
      return fs
        .readdirSync(trusted)
        .filter((n) => /^[0-9a-f]{64}\.pem$/.test(n))
        .map((n) => {
          const fingerprint = n.slice(0, 64);
          const retiredFile = path.join(trusted, `${fingerprint}.retired`);
          const retired = fs.existsSync(retiredFile) ? new Date(fs.readFileSync(retiredFile, 'utf8').trim()) : null;
          return {
            fingerprint,
            createdAt: fs.statSync(path.join(trusted, n)).mtime,
            retiredAt: fingerprint === current ? null : retired && !Number.isNaN(retired.getTime()) ? retired : null,
            current: fingerprint === current,
          };
        })
        .sort((a, b) => (a.createdAt?.getTime() ?? 0) - (b.createdAt?.getTime() ?? 0));
    },
  };
}

/** The signer over the process's key store (KEYS_DIR), or null when no key store is open (a seed run without one). */
export function activeDocumentSigner(): DocumentSigner | null {
  const store = activeKeyStore();
  return store ? keyFolderSigner(store.dir) : null;
}

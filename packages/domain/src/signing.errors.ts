import { defineErrors } from './errors.ts';

/** Errors of the seal picture and the signing keys (security administrator, issue 13). */
export const SigningErrors = defineErrors({
  SEAL_MISSING: {
    status: 400,
    zh: '请选择印章图片（PNG 格式）后再上传。',
    en: 'Choose the seal picture (a PNG file) and upload it.',
  },
  SEAL_NOT_PNG: {
    status: 415,
    zh: '印章图片须为 PNG 格式，请导出为 PNG（建议透明背景）后重新上传。',
    en: 'The seal picture must be a PNG; export it as PNG (a transparent background is advised) and upload it again.',
  },
  SEAL_CORRUPT: {
    status: 422,
    zh: '印章图片已损坏或不完整，无法读取，请重新导出后上传。',
    en: 'The seal picture is damaged or incomplete and cannot be read; export it again and upload it.',
  },
  SEAL_TOO_LARGE: {
    status: 413,
    zh: '印章图片为 {size}，超过上限 512 KB，请压缩后重新上传。',
    en: 'The seal picture is {size}, over the 512 KB limit; compress it and upload it again.',
  },
  SEAL_NOT_SQUARE: {
    status: 422,
    zh: '印章图片为 {width}×{height} 像素，应接近正方形（长宽之比不超过 1.2），请裁去多余的边后重新上传。',
    en: 'The seal picture is {width}×{height} pixels; it should be about square (sides within 1.2 of each other). Crop the margins and upload it again.',
  },
  SEAL_SIZE: {
    status: 422,
    zh: '印章图片为 {width}×{height} 像素，每边应在 {min} 至 {max} 像素之间，请重新导出后上传。',
    en: 'The seal picture is {width}×{height} pixels; each side should be {min} to {max} pixels. Export it again and upload it.',
  },
  SEAL_DEPTH: {
    status: 422,
    zh: '印章图片为 {depth} 位色深，请导出为 8 位 PNG（RGBA，透明背景）后重新上传。',
    en: 'The seal picture has {depth}-bit channels; export it as an 8-bit PNG (RGBA, transparent background) and upload it again.',
  },
  SEAL_NOT_SET: {
    status: 404,
    zh: '该单位尚未设置印章图片。',
    en: 'This organisation has no seal picture yet.',
  },
  ORG_UNKNOWN: {
    status: 404,
    zh: '找不到该单位，请刷新后重新选择。',
    en: 'The organisation was not found; reload and choose it again.',
  },
  NO_KEY_STORE: {
    status: 409,
    zh: '服务器未配置密钥库（KEYS_DIR），无法管理签名密钥，请联系系统管理员。',
    en: 'The server has no key store (KEYS_DIR), so signing keys cannot be managed; ask the system administrator.',
  },
});

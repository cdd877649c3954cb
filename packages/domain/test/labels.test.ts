import { describe, expect, it } from 'vitest';
import { DOCUMENT_STATUS_LABELS } from '../src/documents.ts';
import { DocumentErrors } from '../src/documents.errors.ts';
import { convertLabels, labelOf, labelRef, registerLabels, resolveLabelRefs, zhCnLabels } from '../src/labels.ts';
import { fillMessage } from '../src/errors.ts';

describe('label registry', () => {
  it('has an English label for every key of every zh-CN map, and no Chinese in it', () => {
    const zh = zhCnLabels();
    for (const [map, entries] of Object.entries(zh)) {
      for (const [key, text] of Object.entries(entries as Record<string, string>)) {
        const en = labelOf(map as keyof typeof zh, key, 'en');
        if (text !== '') expect(en, `${map}.${key}`).not.toBe('');
        expect(en, `${map}.${key}`).not.toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });

  it('reads a module map in zh-CN and its English', () => {
    expect(labelOf('DOCUMENT_STATUS', 'draft', 'zh-CN')).toBe(DOCUMENT_STATUS_LABELS.draft);
    expect(labelOf('DOCUMENT_STATUS', 'draft', 'en')).toBe('Draft');
    expect(labelOf('PETITION_STATUS', 'rereviewed', 'en')).toBe('Re-reviewed (final)');
  });

  it('gives an unknown key back as it is', () => {
    expect(labelOf('DOCUMENT_STATUS', 'no_such_state', 'en')).toBe('no_such_state');
  });

  it('falls back to zh-CN for zh-TW until a converted table is registered', () => {
    expect(labelOf('INCOMING_STATUS', 'circulating', 'zh-TW')).toBe('传阅中');
    // A stand-in converter: the real one is OpenCC in the server and the web build.
    registerLabels(
      'zh-TW',
      convertLabels(zhCnLabels(), (s) => s.replace('传', '傳')),
    );
    expect(labelOf('INCOMING_STATUS', 'circulating', 'zh-TW')).toBe('傳阅中');
    registerLabels('zh-TW', zhCnLabels());
  });

  it('resolves label references inside an error parameter per locale', () => {
    const params = { status: labelRef('DOCUMENT_STATUS', 'draft'), action: labelRef('DOCUMENT_ACTION', 'edit') };
    const filled = (template: string, locale: 'zh-CN' | 'en') =>
      fillMessage(template, Object.fromEntries(Object.entries(params).map(([k, v]) => [k, resolveLabelRefs(v, locale)])));
    expect(filled(DocumentErrors.WRONG_STATE.en, 'en')).toBe('The document is "Draft"; it cannot be edited now.');
    expect(filled(DocumentErrors.WRONG_STATE.zh, 'zh-CN')).toBe('公文当前状态为“拟稿”，不能修改。');
  });

  it('leaves text without references and references to unknown maps alone', () => {
    expect(resolveLabelRefs('拟稿', 'en')).toBe('拟稿');
    const bogus = labelRef('DOCUMENT_STATUS', 'draft').replace('DOCUMENT_STATUS', 'NO_SUCH_MAP');
    expect(resolveLabelRefs(bogus, 'en')).toBe(bogus);
  });
});
